"""The file named on the command line is read while Qt starts: in a forked child (Linux, before Qt),
handing back the same read as read_file, and the same error for a file that cannot be read."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: the fork is only made while the process has no Qt and one thread.
CHILD = r"""
import json, sys
from editor.ui.files.preload import Preload, _may_fork
from editor.core.errors import TranscriptError

def rows(result):
    t = result.transcript
    return [t.meta.title, sorted((k, s.name) for k, s in t.speakers.items()), result.format, result.warnings,
            result.merged_cues, result.finished_subtitles,
            [[s.id, s.start_ms, s.end_ms, s.text, s.speaker_id, s.status.value, s.word_timing.value,
              [[w.text, w.start_ms, w.end_ms, w.confidence] for w in s.words],
              [[m.kind.value, m.start, m.end, m.time_ms] for m in s.marks]] for s in t.segments]]

out = {"forks": _may_fork()}
for path in sys.argv[1:]:
    preload = Preload(path)
    out.setdefault("children", []).append(preload._child is not None)
    try:
        got = rows(preload.result())
    except TranscriptError as error:
        got = "error: " + str(error)
    from editor.formats import read_file
    try:
        want = rows(read_file(path))
    except TranscriptError as error:
        want = "error: " + str(error)
    out.setdefault("same", []).append(got == want)
    out.setdefault("got", []).append(got if isinstance(got, str) else len(got[-1]))
print("RESULT " + json.dumps(out))
"""

SRT = """1
00:00:00,000 --> 00:00:02,500
Ana Ruiz: Good morning and welcome.

2
00:00:02,500 --> 00:00:05,000
Today the harbour master <inaudible> joins us

3
00:00:05,500 --> 00:00:07,000
Tom Okafor: Thanks for having me.
"""

WHISPER = {"segments": [{"start": 0.0, "end": 2.0, "text": " Hello there.",
                         "words": [{"word": " Hello", "start": 0.0, "end": 0.8, "probability": 0.9},
                                   {"word": " there.", "start": 0.9, "end": 2.0, "probability": 0.4}]},
                        {"start": 2.0, "end": 3.0, "text": " Bye.",
                         "words": [{"word": " Bye.", "start": 2.0, "end": 3.0, "probability": 0.95}]}]}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the child is forked on Linux only")
def test_a_forked_child_reads_what_read_file_reads_and_fails_as_it_fails(tmp_path):
    srt = tmp_path / "episode.srt"
    srt.write_text(SRT, encoding="utf-8")
    whisper = tmp_path / "episode.json"
    whisper.write_text(json.dumps(WHISPER), encoding="utf-8")
    empty = tmp_path / "empty.srt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.srt"
    binary.write_bytes(b"\x00\x01garbage")
    paths = [srt, whisper, empty, binary, tmp_path / "missing.srt"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.run([sys.executable, "-c", CHILD, *map(str, paths)], capture_output=True, text=True,
                           env=env, cwd=ROOT, timeout=120)
    lines = [line for line in child.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, child.stderr[-3000:]
    seen = json.loads(lines[-1][len("RESULT "):])
    assert seen["forks"] and all(seen["children"])
    assert seen["same"] == [True] * len(paths)
    assert seen["got"][:2] == [2, 1]          # two turns from three cues; one turn of Whisper words
    assert seen["got"][2].startswith("error: ") and "empty" in seen["got"][2]
    assert "NUL" in seen["got"][3] and "no such file" in seen["got"][4]
