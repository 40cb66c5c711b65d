"""`transcript-editor export` tells what reading the input warned of, as `check` lists it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HANG_GUARD_S = 120

# Cue 2 has no usable time line, cue 3 ends before it starts.
DAMAGED_SRT = ("1\n00:00:01,000 --> 00:00:03,000\nHello there.\n\n"
               "2\nabc --> def\nGarbage time.\n\n"
               "3\n00:00:07,000 --> 00:00:05,000\nBackwards.\n")


def _run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "editor", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=HANG_GUARD_S)


def test_export_prints_the_readers_warnings_on_stderr_and_still_exports(tmp_path):
    source = tmp_path / "damaged.srt"
    source.write_text(DAMAGED_SRT, encoding="utf-8")
    out = tmp_path / "out.srt"
    result = _run("export", source, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "Backwards." in out.read_text(encoding="utf-8")
    lines = result.stderr.strip().splitlines()
    assert lines and all(line.startswith(f"{source}: warning: ") for line in lines), result.stderr
    assert any("line 6" in line for line in lines) and any("caption 3 ended" in line for line in lines), lines


def test_export_to_stdout_keeps_the_warnings_out_of_the_output(tmp_path):
    source = tmp_path / "damaged.srt"
    source.write_text(DAMAGED_SRT, encoding="utf-8")
    result = _run("export", source, "-o", "-", "--to", "txt")
    assert result.returncode == 0 and "warning" not in result.stdout
    assert "caption 3 ended" in result.stderr


def test_a_sound_file_exports_silently(tmp_path):
    source = tmp_path / "sound.srt"
    source.write_text(DAMAGED_SRT.split("\n\n2")[0] + "\n", encoding="utf-8")
    result = _run("export", source, "-o", tmp_path / "out.vtt")
    assert result.returncode == 0 and result.stderr == ""
