"""Autosave deltas: a snapshot of the turns changed since the file the document came from, and what a
restore makes of it after a kill at any step (the delta written, the journal not yet rotated onto it),
on a base that was changed, or when the document was mostly rewritten (a whole snapshot then)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edit_script import fingerprint, generate, run_script, saved_fixture_project  # noqa: E402

from editor.core import ops, project  # noqa: E402
from editor.core.errors import TranscriptError  # noqa: E402
from editor.core.transcript import ReviewStatus  # noqa: E402
from editor.session import autosave_delta, kept_work, recovery  # noqa: E402
from editor.session.autosave_delta import DELTA_KEY, Unchanged  # noqa: E402
from editor.session.journal import Journal  # noqa: E402
from editor.session.journal_base import BASE_SNAPSHOT  # noqa: E402
from editor.session.journal_places import snapshot_paths_for  # noqa: E402


@pytest.fixture
def opened(tmp_path):
    """The fixture project, loaded, and its journal told which turns are as the file holds them
    (as the window's autosaver tells it)."""
    path, transcript = saved_fixture_project(tmp_path)
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.unchanged = Unchanged(transcript.segments, journal.base)
    return path, transcript, journal


def _die(journal: Journal) -> None:
    """The process ends without closing the journal (a kill)."""
    journal.wait_snapshot()
    os.close(journal._fd)
    journal._closed = True


def _snapshot(journal: Journal, transcript) -> None:
    assert journal.snapshot_async(transcript)
    journal.wait_snapshot()
    assert journal.snapshot_error is None


def _delta_file(journal: Journal) -> dict:
    data = json.loads(Path(journal.base.path).read_bytes())
    assert DELTA_KEY in data
    return data


def test_a_snapshot_after_a_few_edits_holds_only_those_turns_and_restores_everything(opened):
    path, transcript, journal = opened
    journal.run(transcript, ops.set_text(transcript, 5, "Only this turn changed."))
    journal.run(transcript, ops.set_status(transcript, 40, ReviewStatus.FLAGGED))
    _snapshot(journal, transcript)
    delta = _delta_file(journal)
    assert [s["id"] for s in delta["changed"]["segments"]] == [transcript.segments[5].id, transcript.segments[40].id]
    assert delta[DELTA_KEY]["base"]["path"] == str(path)
    journal.run(transcript, ops.set_text(transcript, 7, "And one after the snapshot."))
    expected = fingerprint(transcript)
    _die(journal)
    pending = recovery.find_for(path)
    assert pending.recoverable and pending.base.kind == BASE_SNAPSHOT and pending.anchor.path == str(path)
    assert pending.edit_count == 1     # the line after the snapshot: the rest is in the delta
    assert fingerprint(pending.recover()) == expected


def test_rows_inserted_removed_and_moved_between_deltas_restore_exactly(opened):
    path, transcript, journal = opened
    script = generate(project.load(path).transcript, 300, seed=4)   # splits, merges, undo/redo among them
    run_script(transcript, script, run=lambda op: journal.run(transcript, op),
               after=lambda n: n % 20 == 0 and journal.snapshot_async(transcript))
    journal.wait_snapshot()
    _snapshot(journal, ops_touch(transcript, journal))
    expected = fingerprint(transcript)
    _die(journal)
    pending = recovery.find_for(path)
    assert pending.recoverable
    assert fingerprint(pending.recover()) == expected


def ops_touch(transcript, journal):
    """One more edit, so the last snapshot is taken with every action of the script in it."""
    journal.run(transcript, ops.set_note(transcript, 0, "last"))
    return transcript


def test_a_kill_after_the_delta_is_written_but_before_the_journal_names_it_loses_nothing(opened, monkeypatch):
    path, transcript, journal = opened
    journal.run(transcript, ops.set_text(transcript, 3, "Before the first delta."))
    _snapshot(journal, transcript)
    first_delta = Path(journal.base.path)
    journal.run(transcript, ops.set_text(transcript, 9, "Before the second delta."))

    at_kill: list[Path] = []

    def killed(base, *_args, **_kwargs):
        # The delta's file is on the disk and the rotation never comes: what is on the disk now is
        # what a kill leaves (kept by a second name: the worker, not killed, removes its file).
        at_kill.append(Path(base.path))
        os.link(base.path, base.path + ".at-kill")
        return False
    monkeypatch.setattr(journal, "_rebase", killed)
    journal.snapshot_async(transcript)
    expected = fingerprint(transcript)
    _die(journal)
    assert at_kill and at_kill[0] != first_delta
    os.replace(str(at_kill[0]) + ".at-kill", at_kill[0])
    pending = recovery.find_for(path)
    assert pending.recoverable and pending.base.path == str(first_delta)   # the journal still names the first
    assert fingerprint(pending.recover()) == expected
    # Looking for work left behind cleared the delta no journal names, and kept the one it does.
    assert not at_kill[0].exists() and first_delta.exists() and Path(pending.anchor.path).exists()


def test_a_delta_on_a_base_that_was_changed_is_not_restored_onto_it(opened, tmp_path):
    path, transcript, journal = opened
    journal.run(transcript, ops.set_text(transcript, 2, "Edited here."))
    _snapshot(journal, transcript)
    delta_path = Path(journal.base.path)
    _die(journal)
    # Another program writes another document over the file the delta adds to.
    other = project.load(path).transcript
    other.segments = other.segments[:10]
    project.save(other, path)
    pending = recovery.find_for(path)
    assert not pending.recoverable and str(path) in pending.problem
    with pytest.raises(TranscriptError) as raised:
        recovery._load_base(pending.base)
    assert raised.value.path == str(delta_path) and "gone or was changed" in raised.value.problem


def test_a_delta_whose_rows_do_not_fit_its_base_is_refused_naming_the_file(opened, tmp_path):
    path, transcript, journal = opened
    journal.run(transcript, ops.set_text(transcript, 2, "Edited here."))
    _snapshot(journal, transcript)
    delta_path = Path(journal.base.path)
    data = _delta_file(journal)
    data[DELTA_KEY]["order"] = data[DELTA_KEY]["order"][:-1] + [len(transcript.segments) + 5]
    with pytest.raises(TranscriptError) as raised:
        autosave_delta.load(delta_path, data, lambda base: (project.load(base.path).transcript, {}))
    assert raised.value.path == str(delta_path) and "do not fit" in raised.value.problem
    _die(journal)


def test_a_delta_opened_as_a_project_is_refused(opened):
    _path, transcript, journal = opened
    journal.run(transcript, ops.set_text(transcript, 2, "Edited here."))
    _snapshot(journal, transcript)
    with pytest.raises(TranscriptError) as raised:
        project.load(journal.base.path)
    assert "not a Transcript Editor project" in raised.value.problem
    _die(journal)


def test_a_mostly_changed_document_gets_a_whole_snapshot_which_later_deltas_add_to(opened):
    path, transcript, journal = opened
    journal.run(transcript, ops.set_status(transcript, range(len(transcript.segments)), ReviewStatus.APPROVED))
    _snapshot(journal, transcript)
    whole = Path(journal.base.path)
    assert journal.anchor is None and "segments" in json.loads(whole.read_bytes())
    journal.run(transcript, ops.set_text(transcript, 1, "After the whole snapshot."))
    _snapshot(journal, transcript)
    assert journal.anchor is not None and journal.anchor.path == str(whole)
    journal.run(transcript, ops.set_text(transcript, 2, "And after the delta."))
    _snapshot(journal, transcript)    # a delta on the same whole snapshot replaces the first delta
    assert set(snapshot_paths_for(journal.path)) == {whole, Path(journal.base.path)}
    expected = fingerprint(transcript)
    _die(journal)
    pending = recovery.find_for(path)
    assert pending.recoverable and pending.anchor.path == str(whole)
    assert fingerprint(pending.recover()) == expected
    # Kept aside and put back, the delta and the snapshot it adds to go together.
    pending.keep_aside()
    kept = kept_work.find_kept([path.parent])
    assert len(kept) == 1 and kept[0].pending.recoverable and len(kept[0].snapshots()) == 2
    assert fingerprint(kept_work.put_back(kept[0]).recover()) == expected


def test_after_a_save_deltas_add_to_the_project(opened):
    path, transcript, journal = opened
    journal.run(transcript, ops.set_text(transcript, 4, "Saved with this."))
    journal.save_project(transcript, path)
    journal.run(transcript, ops.set_text(transcript, 6, "Then this."))
    _snapshot(journal, transcript)
    assert journal.anchor.path == str(path) and len(_delta_file(journal)["changed"]["segments"]) == 1
    expected = fingerprint(transcript)
    _die(journal)
    assert fingerprint(recovery.find_for(path).recover()) == expected


def test_the_file_a_delta_adds_to_changed_by_another_program_makes_the_journal_keep_a_whole_copy(opened):
    path, transcript, journal = opened
    journal.run(transcript, ops.set_text(transcript, 2, "Edited here."))
    _snapshot(journal, transcript)
    assert journal.anchor is not None and journal.anchor.path == str(path)
    other = project.load(path).transcript      # another program writes the project the delta adds to
    other.segments = other.segments[:10]
    project.save(other, path)
    journal.run(transcript, ops.set_text(transcript, 3, "The next edit notices."))
    assert journal.anchor is None and journal.base.kind == BASE_SNAPSHOT    # a whole copy is the base now
    expected = fingerprint(transcript)
    _die(journal)
    pending = recovery.inspect(journal.path)
    assert pending.recoverable
    assert fingerprint(pending.recover()) == expected
