"""Shift Times is journaled as its parameters, its undo and redo as references to that line; replay
gives exactly the transcript the editor had (times, words, marks, chapters, turns clamped at 0:00)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edit_script import fingerprint, fingerprints, fixture_transcript, kill_driver_after, save_script  # noqa: E402

from editor.core import ops, project  # noqa: E402
from editor.core.errors import TranscriptError  # noqa: E402
from editor.core.transcript import Chapter  # noqa: E402
from editor.session import recovery  # noqa: E402
from editor.session.journal import Journal  # noqa: E402
from editor.session.journal_lines import decode_line, encode_line  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


@pytest.fixture
def saved(tmp_path):
    """The fixture episode with chapters, saved as a project, and the transcript read back from it."""
    transcript = fixture_transcript()
    starts = [segment.start_ms for segment in transcript.segments if segment.start_ms is not None]
    transcript.chapters = [Chapter(0, "Intro"), Chapter(starts[20], "Middle"), Chapter(starts[40], "End")]
    path = tmp_path / "ep.tep.json"
    project.save(transcript, path)
    return path, project.load(path).transcript


def _lines(journal: Journal) -> list[dict]:
    return [decode_line(line) for line in journal.path.read_bytes().splitlines(keepends=True)[1:]]


def _kind(line: dict) -> str:
    return next(kind for kind in ("shift", "reshift", "set", "rows") if kind in line)


def _restored(path: Path) -> str:
    return fingerprint(recovery.find_for(path).recover())


def _cut_after(journal: Journal, count: int) -> None:
    """Keep the header and the first *count* lines (what a kill after that edit leaves)."""
    lines = journal.path.read_bytes().splitlines(keepends=True)
    journal.path.write_bytes(b"".join(lines[:1 + count]))


@pytest.mark.parametrize(("first", "delta_ms"), [(0, 15_000), (20, 7_250)])
def test_shift_undo_and_redo_are_parameters_and_references_and_replay_exactly(saved, first, delta_ms):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    shift = ops.shift_times(transcript, delta_ms, first)
    assert shift.chapters and not shift.clamped
    undo = journal.run(transcript, shift.op)
    after_shift = fingerprint(transcript)
    redo = journal.run(transcript, undo)
    after_undo = fingerprint(transcript)
    journal.run(transcript, redo)
    after_redo = fingerprint(transcript)
    assert len({after_shift, after_undo}) == 2 and after_redo == after_shift
    assert [_kind(line) for line in _lines(journal)] == ["shift", "reshift", "reshift"]
    line, back, again = _lines(journal)
    assert line["shift"] == [first, delta_ms, len(transcript.segments) - first, 0]
    assert back["reshift"] == [1, "before"] and again["reshift"] == [1, "after"]
    journal.close()
    assert _restored(path) == after_redo
    _cut_after(journal, 2)
    assert _restored(path) == after_undo
    _cut_after(journal, 1)
    assert _restored(path) == after_shift


def test_a_shift_that_clamps_at_zero_replays_to_the_same_clamped_turns(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    starts = [segment.start_ms for segment in transcript.segments]
    delta_ms = -(starts[3] + 500)            # turns 1-4 would start before 0:00
    shift = ops.shift_times(transcript, delta_ms)
    assert shift.clamped == 4
    undo = journal.run(transcript, shift.op)
    assert [segment.start_ms for segment in transcript.segments[:5]] == [0, 0, 0, 0, starts[4] + delta_ms]
    after_shift = fingerprint(transcript)
    journal.run(transcript, undo)
    assert [segment.start_ms for segment in transcript.segments] == starts
    after_undo = fingerprint(transcript)
    assert [_kind(line) for line in _lines(journal)] == ["shift", "reshift"]
    assert _lines(journal)[0]["shift"] == [0, delta_ms, len(starts), 4]
    journal.close()
    assert _restored(path) == after_undo
    _cut_after(journal, 1)
    assert _restored(path) == after_shift


def test_an_edit_after_the_undo_is_not_taken_for_a_redo(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    last = len(transcript.segments) - 1
    undo = journal.run(transcript, ops.shift_times(transcript, 3_000, last).op)
    journal.run(transcript, undo)
    # The one turn the shift moved holds what the shift found, but this edit sets another field.
    journal.run(transcript, ops.set_status(transcript, last, "approved", "me"))
    assert [_kind(line) for line in _lines(journal)] == ["shift", "reshift", "set"]
    journal.close()
    assert _restored(path) == fingerprint(transcript)


def test_a_shift_line_that_would_clamp_otherwise_does_not_fit(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.shift_times(transcript, -1_000).op)
    journal.close()
    lines = journal.path.read_bytes().splitlines(keepends=True)
    record = decode_line(lines[1])
    record["shift"][3] += 1
    journal.path.write_bytes(lines[0] + encode_line(record))
    with pytest.raises(TranscriptError, match="clamped"):
        recovery.find_for(path).recover()


def _script(transcript) -> list[list]:
    clamping = -(transcript.segments[3].start_ms + 500)
    return [["shift_times", 15_000, 0], ["undo"], ["redo"], ["shift_times", clamping, 0], ["undo"], ["redo"]]


@pytest.mark.parametrize("kill_after", [1, 2, 3, 4, 5, 6])
def test_a_kill_after_a_shift_its_undo_or_redo_loses_nothing(saved, tmp_path, kill_after):
    base, transcript = saved
    script = _script(transcript)
    save_script(script, tmp_path / "script.jsonl")
    prints = fingerprints(project.load(base).transcript, script)
    kill_driver_after(base, tmp_path / "script.jsonl", kill_after)
    assert _restored(base) in prints[kill_after:kill_after + 2]   # that edit, or the next one if it got in
    kinds = [_kind(decode_line(line)) for line in recovery.find_for(base).journal_path.read_bytes()
             .splitlines(keepends=True)[1:kill_after + 1]]
    assert kinds == ["shift", "reshift", "reshift", "shift", "reshift", "reshift"][:kill_after]


@pytest.mark.parametrize("first", [0, 20])
@pytest.mark.parametrize("redo_too", [False, True])
def test_past_an_autosave_an_undo_is_the_shift_back_and_a_redo_the_shift_again(saved, first, redo_too):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    undo = journal.run(transcript, ops.shift_times(transcript, 15_000, first).op)
    assert journal.snapshot_now(transcript)      # the shift's line is in the snapshot now
    redo = journal.run(transcript, undo)
    turns = len(transcript.segments) - first
    assert [line["shift"] for line in _lines(journal)] == [[first, -15_000, turns, 0]]
    if redo_too:
        assert journal.snapshot_now(transcript)
        journal.run(transcript, redo)
        assert [line["shift"] for line in _lines(journal)] == [[first, 15_000, turns, 0]]
    journal.close()
    assert _restored(path) == fingerprint(transcript)


def test_past_an_autosave_the_undo_of_a_clamping_shift_is_written_in_full(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    undo = journal.run(transcript, ops.shift_times(transcript, -(transcript.segments[3].start_ms + 500)).op)
    assert journal.snapshot_now(transcript)
    redo = journal.run(transcript, undo)
    assert [_kind(line) for line in _lines(journal)] == ["set"]
    journal.save_project(transcript, path)       # a save cuts the lines before it, too
    journal.run(transcript, redo)                # finds the turns as the shift did: the shift again
    assert [_kind(line) for line in _lines(journal)] == ["shift"]
    journal.close()
    assert _restored(path) == fingerprint(transcript)


def test_past_an_autosave_the_undo_of_a_shift_that_ended_an_overlapping_turn_earlier_replays_exactly(tmp_path):
    """Turn 20 overlaps turn 21 by more than the shift (as a caption file may have it): the shift ends turn 20
    where turn 21 now starts, and its undo puts turn 20's end back, which a shift back cannot."""
    transcript = fixture_transcript()
    overlap_end = transcript.segments[19].end_ms = transcript.segments[20].start_ms + 3_000
    path = tmp_path / "ep.tep.json"
    project.save(transcript, path)
    transcript = project.load(path).transcript
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    undo = journal.run(transcript, ops.shift_times(transcript, 1_000, 20).op)
    assert transcript.segments[19].end_ms == transcript.segments[20].start_ms < overlap_end
    assert journal.snapshot_now(transcript)
    journal.run(transcript, undo)
    assert transcript.segments[19].end_ms == overlap_end
    journal.close()
    assert _restored(path) == fingerprint(transcript)


def test_past_a_save_the_undo_of_a_shift_is_the_shift_back(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    undo = journal.run(transcript, ops.shift_times(transcript, 2_500, 7).op)
    journal.save_project(transcript, path)
    journal.run(transcript, undo)
    assert [line["shift"] for line in _lines(journal)] == [[7, -2_500, len(transcript.segments) - 7, 0]]
    journal.close()
    assert _restored(path) == fingerprint(transcript)


def test_shift_then_edits_in_its_turns_then_undo_all_and_redo_all_replay_exactly(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    undos = [journal.run(transcript, ops.shift_times(transcript, 4_000, 10).op)]
    undos.append(journal.run(transcript, ops.set_text(transcript, 12, "a new sentence here")))
    undos.append(journal.run(transcript, ops.set_start(transcript, 15, transcript.segments[15].start_ms + 200)))
    states = [fingerprint(transcript)]
    redos = []
    for undo in reversed(undos):
        redos.append(journal.run(transcript, undo))
        states.append(fingerprint(transcript))
    for redo in reversed(redos):
        journal.run(transcript, redo)
    assert fingerprint(transcript) == states[0]
    assert [_kind(line) for line in _lines(journal)] == ["shift", "set", "set", "set", "set", "reshift",
                                                         "reshift", "set", "set"]
    journal.close()
    assert _restored(path) == states[0]
    _cut_after(journal, 6)
    assert _restored(path) == states[3]


def test_a_second_shift_and_both_undone_and_redone_replay_exactly(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    first = journal.run(transcript, ops.shift_times(transcript, 5_000).op)
    second = journal.run(transcript, ops.shift_times(transcript, -(transcript.segments[0].start_ms + 9_000), 0).op)
    redo_second = journal.run(transcript, second)
    redo_first = journal.run(transcript, first)
    journal.run(transcript, redo_first)
    journal.run(transcript, redo_second)
    assert _lines(journal)[2]["reshift"] == [2, "before"] and _lines(journal)[3]["reshift"] == [1, "before"]
    journal.close()
    assert _restored(path) == fingerprint(transcript)


@pytest.mark.parametrize("line", [1, 2])
def test_a_kill_in_the_middle_of_writing_a_shift_line_or_its_undo_restores_the_edit_before(saved, line):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    before = [fingerprint(transcript)]
    undo = journal.run(transcript, ops.shift_times(transcript, 15_000).op)
    before.append(fingerprint(transcript))
    journal.run(transcript, undo)
    journal.close()
    lines = journal.path.read_bytes().splitlines(keepends=True)
    torn = lines[line][: len(lines[line]) // 2]
    journal.path.write_bytes(b"".join(lines[:line]) + torn)
    found = recovery.find_for(path)
    if line == 1:
        assert found is None          # no edit got in: nothing to recover, the project is as saved
    else:
        assert fingerprint(found.recover()) == before[line - 1]


def test_a_journal_without_shift_lines_still_replays(saved):
    """A journal written before shifts were lines of their own: the shift in full (``set``), its undo too."""
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.unsynced.update(segment.id for segment in transcript.segments)   # every line in full
    undo = journal.run(transcript, ops.shift_times(transcript, 15_000, 3).op)
    after_shift = fingerprint(transcript)
    journal.run(transcript, undo)
    assert [_kind(line) for line in _lines(journal)] == ["set", "set"]
    journal.close()
    assert _restored(path) == fingerprint(transcript)
    _cut_after(journal, 1)
    assert _restored(path) == after_shift


def _window_session(base: Path, script: list, folder: Path) -> subprocess.Popen:
    """The real application on *base* making *script*'s edits through its undo stack (scripted_session.py)."""
    save_script(script, folder / "script.jsonl")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
               TRANSCRIPT_EDITOR_SETTINGS=str(folder / "settings.ini"), TRANSCRIPT_EDITOR_DATA_DIR=str(folder / "data"),
               TRANSCRIPT_EDITOR_TEST_EDITS=str(folder / "script.jsonl"), TRANSCRIPT_EDITOR_TEST_RESTORE="0",
               TRANSCRIPT_EDITOR_TEST_AUTOSAVE_EVERY="0")
    return subprocess.Popen([sys.executable, str(HERE / "scripted_session.py"), str(base)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("edit", [["shift_times", 15_000, 0], ["shift_times", 2_000, 30],
                                  ["replace_spans", [[0, 0, 5, "Zoltan"], [3, 0, 4, "Quill"]]]])
def test_the_window_killed_after_an_edit_undone_to_the_saved_state_and_redone_restores_the_redo(saved, tmp_path,
                                                                                                edit):
    """Undoing every edit drops the journal (nothing to recover); the redo starts a new one, which writes it
    as the edit again (its parameters), not every turn it moved in full."""
    base, transcript = saved
    script = [edit, ["undo"], ["redo"]]
    expected = fingerprints(project.load(base).transcript, script)[-1]
    window = _window_session(base, script, tmp_path)
    try:
        seqs = []
        while len(seqs) < len(script):
            line = window.stdout.readline()
            assert line, window.stderr.read()[-3000:]
            if line.startswith("seq "):
                seqs.append(int(line.split()[1]))
        window.send_signal(signal.SIGKILL)
    finally:
        window.wait(30)
    assert seqs == [1, 0, 1]          # the undo back to the saved state dropped the journal; the redo began one
    found = recovery.find_for(base)
    assert fingerprint(found.recover()) == expected
    kinds = [next(kind for kind in ("shift", "replace", "set", "rows") if kind in decode_line(line))
             for line in found.journal_path.read_bytes().splitlines(keepends=True)[1:]]
    assert kinds == [edit[0].split("_")[0]]
