"""A replace in many turns is journaled as its spans, its undo and redo as references to that line;
replay (also after a SIGKILL) gives exactly the transcript the editor had."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edit_script import (  # noqa: E402
    fingerprint,
    fingerprints,
    fixture_transcript,
    kill_driver_after,
    save_script,
    saved_fixture_project,
)

from editor.core import ops, project  # noqa: E402
from editor.core.errors import TranscriptError  # noqa: E402
from editor.core.search import FindOptions, replace_all_spans  # noqa: E402
from editor.core.transcript import Word, WordTiming  # noqa: E402
from editor.session import recovery  # noqa: E402
from editor.session.journal import Journal  # noqa: E402
from editor.session.journal_lines import decode_line, encode_line  # noqa: E402


@pytest.fixture
def saved(tmp_path):
    return saved_fixture_project(tmp_path)


def _lines(journal: Journal) -> list[dict]:
    return [decode_line(line) for line in journal.path.read_bytes().splitlines(keepends=True)[1:]]


def _kind(line: dict) -> str:
    return next(kind for kind in ("replace", "restore", "set", "rows") if kind in line)


def _restored(path: Path) -> str:
    return fingerprint(recovery.find_for(path).recover())


def _replace_all(transcript, find: str, replacement: str) -> ops.SetFields:
    spans = replace_all_spans(transcript, FindOptions(find), replacement)
    assert len({span.index for span in spans}) > 10      # a replace in many turns
    return ops.replace_spans(transcript, spans)


def test_replace_undo_and_redo_are_spans_and_references_and_replay_exactly(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    undo = journal.run(transcript, _replace_all(transcript, "a", "A"))
    after_replace = fingerprint(transcript)
    redo = journal.run(transcript, undo)
    after_undo = fingerprint(transcript)
    journal.run(transcript, redo)
    assert [_kind(line) for line in _lines(journal)] == ["replace", "restore", "restore"]
    replace, back, again = _lines(journal)
    assert all(isinstance(text, str) for _, spans in replace["replace"] for _, _, text in spans)
    assert back["restore"][:2] == [1, "before"] and again["restore"][:2] == [1, "after"]
    journal.close()
    assert _restored(path) == after_replace == fingerprint(transcript)
    # The same journal cut after the undo replays to the state the undo left.
    lines = journal.path.read_bytes().splitlines(keepends=True)
    journal.path.write_bytes(b"".join(lines[:3]))
    assert _restored(path) == after_undo


def test_words_made_meanwhile_still_count_as_the_values_the_replace_left(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    undo = journal.run(transcript, _replace_all(transcript, "e", "é"))
    assert all(segment.words for segment in transcript.segments)   # every turn shown: words made now
    journal.run(transcript, undo)
    assert _kind(_lines(journal)[-1]) == "restore"
    journal.close()
    assert _restored(path) == fingerprint(transcript)


def test_after_its_line_was_rotated_away_an_undo_is_written_in_full_and_a_redo_as_the_spans(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    undo = journal.run(transcript, _replace_all(transcript, "a", "A"))
    assert journal.snapshot_now(transcript)      # an autosave: the replace's line is in the snapshot now
    redo = journal.run(transcript, undo)
    assert [_kind(line) for line in _lines(journal)] == ["set"]
    journal.save_project(transcript, path)      # a save cuts the lines before it, too
    undo = journal.run(transcript, redo)        # finds the turns as the replace did: its spans again
    journal.run(transcript, undo)               # and its undo refers to that new line
    assert [_kind(line) for line in _lines(journal)] == ["replace", "restore"]
    journal.close()
    assert _restored(path) == fingerprint(transcript)


def test_turns_given_derived_word_times_are_written_in_full(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    row = next(i for i, s in enumerate(transcript.segments) if " a " in s.text)
    segment = transcript.segments[row]
    step = max(1, (segment.end_ms - segment.start_ms) // len(segment.words))
    aligned = [Word(w.text, segment.start_ms + i * step, segment.start_ms + (i + 1) * step)
               for i, w in enumerate(segment.words)]
    ops.run(transcript, ops.set_word_times(transcript, row, aligned, WordTiming.ALIGNED))   # not journaled
    journal.derived([segment.id])
    undo = journal.run(transcript, _replace_all(transcript, "a", "A"))
    journal.run(transcript, undo)
    assert [_kind(line) for line in _lines(journal)] == ["set", "set"]   # replay has no aligned words to redo
    journal.close()
    assert _restored(path) == fingerprint(transcript)


def test_a_reference_to_a_line_the_journal_lacks_is_refused(saved):
    path, transcript = saved
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.close()
    with open(journal.path, "ab") as handle:
        handle.write(encode_line({"seq": 1, "restore": [7, "before", [0]]}))
    pending = recovery.find_for(path)
    with pytest.raises(TranscriptError, match="does not fit"):
        pending.recover()


def _script(transcript) -> list[list]:
    spans = [list(span) for span in replace_all_spans(transcript, FindOptions("a"), "A")]
    return [["replace_spans", spans], ["set_text", 3, transcript.segments[3].text + " tiller"], ["undo"],
            ["undo"], ["redo"], ["set_status", 5, "approved", "Reviewer", "2024-05-01T10:00:00+00:00"],
            ["undo"], ["undo"], ["redo"], ["redo"]]


@pytest.mark.parametrize("kill_after", [1, 3, 4, 5, 8, 9, 10])
def test_a_kill_after_a_replace_its_undo_or_redo_loses_nothing(tmp_path, kill_after):
    base = tmp_path / "ep.tep.json"
    project.save(fixture_transcript(), base)
    script = _script(project.load(base).transcript)
    save_script(script, tmp_path / "script.jsonl")
    prints = fingerprints(project.load(base).transcript, script)
    kill_driver_after(base, tmp_path / "script.jsonl", kill_after)
    assert _restored(base) in prints[kill_after:kill_after + 2]   # that edit, or the next one if it got in
