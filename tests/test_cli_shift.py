"""`transcript-editor shift TRANSCRIPT --by SECONDS -o OUT`, run for real as `python -m editor`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))   # test_cli's helpers

from test_cli import REV_TEXT, one_line_error, run, saved_project  # noqa: E402

from editor.core import project  # noqa: E402
from editor.core.transcript import Chapter, Word  # noqa: E402


def test_shift_a_project_by_fifteen_seconds_moves_words_and_chapters(tmp_path):
    path = saved_project(tmp_path, approved=0)
    loaded = project.load(path)
    loaded.transcript.segments[1].words = [Word("Line", 5000, 5400), Word("number", 5400, 6000),
                                           Word("2.", 6000, 9000)]
    loaded.transcript.chapters = [Chapter(5000, "Second line")]
    project.save(loaded.transcript, path)
    out = tmp_path / "later.tep.json"
    result = run("shift", path, "--by", "15", "-o", out)
    assert result.returncode == 0, result.stderr
    shifted = project.load(out).transcript
    assert [(s.start_ms, s.end_ms) for s in shifted.segments] == [(15_000, 19_000), (20_000, 24_000),
                                                                  (25_000, 29_000)]
    assert [w.start_ms for w in shifted.segments[1].words] == [20_000, 20_400, 21_000]
    assert [c.start_ms for c in shifted.chapters] == [20_000]
    assert project.load(path).transcript.segments[0].start_ms == 0        # the input is untouched


def test_shift_earlier_to_captions_says_how_many_turns_start_at_zero(tmp_path):
    rev = tmp_path / "tidewater.txt"
    rev.write_text(REV_TEXT)
    out = tmp_path / "tidewater.vtt"
    result = run("shift", rev, "--by=-0:30", "-o", out)      # a clock time with a minus: --by=
    assert result.returncode == 0
    one_line_error(result, "2 turns would have started before 0:00 and start at 0:00")
    cues = [line for line in out.read_text().splitlines() if "-->" in line]
    assert cues[0].startswith("00:00:00.000") and cues[-1].startswith("00:00:32.000")


def test_shift_refuses_to_overwrite_its_input_and_bad_amounts(tmp_path):
    path = saved_project(tmp_path, approved=0)
    before = path.read_bytes()
    one_line_error(run("shift", path, "--by", "5", "-o", path), "would overwrite the input")
    one_line_error(run("shift", path, "--by", "five", "-o", tmp_path / "x.tep.json"), "not an amount of time")
    one_line_error(run("shift", path, "--by", "5", "-o", tmp_path / "x.mp3"), "cannot tell the format")
    one_line_error(run("shift", path, "--by", "-9", "--from-turn", "3", "-o", tmp_path / "x.tep.json"),
                   "Turn 3 would start at", "before turn 2")
    assert path.read_bytes() == before and not (tmp_path / "x.tep.json").exists()


def test_shift_from_a_turn_on(tmp_path):
    path = saved_project(tmp_path, approved=0)
    out = tmp_path / "out.json"
    assert run("shift", path, "--by", "2.5", "--from-turn", "2", "-o", out).returncode == 0
    segments = json.loads(out.read_text())["segments"]
    assert [s["startTime"] for s in segments] == [0, 7.5, 12.5]
