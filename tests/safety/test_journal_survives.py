"""The journal stays recoverable on its own: folder deleted, project replaced, a kill at any point of Save,
and what kills leave behind is cleaned up on the next open (only the program's own files)."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "robustness"))

from edit_script import fingerprint, fixture_transcript  # noqa: E402

from editor.core import ops, project  # noqa: E402
from editor.core.atomic import atomic_write  # noqa: E402
from editor.session import leftovers, recovery  # noqa: E402
from editor.session.journal import Journal  # noqa: E402


@pytest.fixture
def session(tmp_path):
    folder = tmp_path / "show"
    folder.mkdir()
    path = folder / "ep.tep.json"
    project.save(fixture_transcript(), path)
    transcript = project.load(path).transcript
    data_dir = tmp_path / "data"
    journal = Journal.for_document(path, saved=True, data_dir=data_dir, fsync_interval=None)
    yield path, transcript, journal, data_dir
    journal.close()


def _edit(journal, transcript, row, words=" Harlowe"):
    journal.run(transcript, ops.set_text(transcript, row, transcript.segments[row].text + words))


def _abandon(journal):
    """What a kill does to the journal: the descriptor goes, the files stay as they are."""
    journal.close()


def test_edits_after_the_folder_is_deleted_are_recoverable_from_the_start_page(session):
    path, transcript, journal, data_dir = session
    _edit(journal, transcript, 3)
    shutil.rmtree(path.parent)
    _edit(journal, transcript, 4)
    _edit(journal, transcript, 5)
    expected = fingerprint(transcript)
    assert journal.relocated
    _abandon(journal)
    found = [p for p in recovery.find_unsaved(data_dir) if p.recoverable]
    assert len(found) == 1 and Path(found[0].source_path) == path
    assert fingerprint(found[0].recover()) == expected


def test_a_folder_deleted_without_an_edit_after_it_is_kept_when_the_window_asks(session):
    path, transcript, journal, data_dir = session
    _edit(journal, transcript, 3)
    expected = fingerprint(transcript)
    shutil.rmtree(path.parent)
    assert journal.keep_recoverable(transcript)        # the window's watcher saw the project go
    _abandon(journal)
    found = [p for p in recovery.find_unsaved(data_dir) if p.recoverable]
    assert len(found) == 1 and fingerprint(found[0].recover()) == expected


def test_another_program_replacing_the_project_then_a_kill_keeps_the_edits(session):
    path, transcript, journal, data_dir = session
    _edit(journal, transcript, 3)
    _edit(journal, transcript, 7)
    expected = fingerprint(transcript)
    other = fixture_transcript()
    other.segments[0].text = "Written by another program."
    tmp = path.with_name("other.tmp")
    project.save(other, tmp)
    os.replace(tmp, path)                                # how editors and sync tools replace files
    assert journal.keep_recoverable(transcript)        # the watcher saw it, before the producer answers
    _abandon(journal)
    pending = recovery.find_for(path, True, data_dir)
    assert pending is not None and pending.recoverable, pending and pending.problem
    assert fingerprint(pending.recover()) == expected


def test_an_edit_after_the_project_was_replaced_rebases_by_itself(session):
    path, transcript, journal, data_dir = session
    _edit(journal, transcript, 3)
    other = fixture_transcript()
    other.segments[0].text = "Written by another program."
    project.save(other, path)
    _edit(journal, transcript, 9)
    expected = fingerprint(transcript)
    _abandon(journal)
    pending = recovery.find_for(path, True, data_dir)
    assert pending is not None and pending.recoverable, pending and pending.problem
    assert fingerprint(pending.recover()) == expected


def test_a_kill_between_writing_the_project_and_restarting_the_journal_is_no_false_alarm(session):
    path, transcript, journal, data_dir = session
    _edit(journal, transcript, 3)
    saved_state = fingerprint(transcript)
    data = project.encode(transcript, path)
    journal.saving(path, data)
    project.write(path, data)                            # the kill comes here, before journal.saved()
    _abandon(journal)
    pending = recovery.inspect(journal.path)
    assert pending.recoverable and not pending.has_changes, pending.problem
    assert recovery.find_for(path, True, data_dir) is None   # nothing to offer: the save holds it all
    assert fingerprint(project.load(path).transcript) == saved_state


def test_a_kill_before_the_project_is_replaced_restores_every_edit(session):
    path, transcript, journal, data_dir = session
    _edit(journal, transcript, 3)
    expected = fingerprint(transcript)
    journal.saving(path, project.encode(transcript, path))   # the kill comes before the rename
    _abandon(journal)
    pending = recovery.find_for(path, True, data_dir)
    assert pending is not None and pending.recoverable and pending.edit_count == 1
    assert fingerprint(pending.recover()) == expected


def test_edits_after_a_save_replay_onto_the_saved_file_when_the_journal_did_not_restart(session):
    path, transcript, journal, data_dir = session
    _edit(journal, transcript, 3)
    data = project.encode(transcript, path)
    journal.saving(path, data)
    project.write(path, data)
    # the journal did not restart (it could not: say the disk filled), and editing went on
    _edit(journal, transcript, 6)
    expected = fingerprint(transcript)
    _abandon(journal)
    pending = recovery.find_for(path, True, data_dir)
    assert pending is not None and pending.recoverable
    assert fingerprint(pending.recover()) == expected


def test_save_project_recreates_a_vanished_folder_and_restarts_the_journal(session):
    path, transcript, journal, data_dir = session
    _edit(journal, transcript, 3)
    shutil.rmtree(path.parent)
    journal.save_project(transcript, path, make_folder=True)
    assert fingerprint(project.load(path).transcript) == fingerprint(transcript)
    assert journal.path.parent == path.parent and journal.write_error is None


def test_leftovers_of_kills_are_removed_on_the_next_open_and_nothing_else(session):
    path, transcript, journal, data_dir = session
    _edit(journal, transcript, 3)
    journal.snapshot_now(transcript)
    _edit(journal, transcript, 4)
    _abandon(journal)
    folder = path.parent
    ours = [folder / ".ep.tep.json.a1b2c3d4.tmp", folder / ".ep.tep.json.journal.x9_y8z7w.tmp",
            folder / ".ep.tep.json.bak.tmp", folder / ".ep.tep.json.autosave-3-0a1b2c.k2j3h4g5.tmp",
            folder / "ep.tep.json.autosave-2-abcdef"]        # a snapshot the journal no longer names
    theirs = [folder / ".other.tep.json.a1b2c3d4.tmp", folder / "notes.tmp", folder / ".ep.tep.json.swp",
              folder / "ep.tep.json.autosave-notes.txt", folder / ".ep.tep.json.a1b2.tmp"]
    old = time.time() - leftovers.ORPHAN_AGE_S - 5     # left by a kill a while ago
    for leftover in ours + theirs:
        leftover.write_bytes(b"x" * 100)
        os.utime(leftover, (old, old))
    being_written = folder / ".ep.tep.json.q1w2e3r4.tmp"    # a save under way right now: not touched
    being_written.write_bytes(b"x")
    theirs.append(being_written)
    live_snapshot = Path(recovery.inspect(journal.path).base.path)
    pending = recovery.find_for(path, True, data_dir)
    assert pending is not None and pending.recoverable
    assert not any(p.exists() for p in ours)
    assert all(p.exists() for p in theirs) and live_snapshot.exists()


def test_orphan_snapshots_in_the_recovery_folder_are_removed(tmp_path):
    folder = tmp_path / "data" / "recovery"
    folder.mkdir(parents=True)
    orphan = folder / "episode.srt-0123456789abcdef.autosave-4-a1b2c3"
    orphan.write_bytes(b"{}")
    fresh = folder / "other.srt-0123456789abcdef.autosave-2-d4e5f6"   # another instance, mid-rotation
    fresh.write_bytes(b"{}")
    old = time.time() - leftovers.ORPHAN_AGE_S - 5
    os.utime(orphan, (old, old))
    mine = folder / "keep-me.txt"
    mine.write_bytes(b"x")
    assert recovery.find_unsaved(tmp_path / "data") == []
    assert not orphan.exists() and mine.exists() and fresh.exists()


def test_the_tmp_file_of_an_atomic_write_matches_what_cleanup_removes(tmp_path, monkeypatch):
    # The cleanup pattern must follow the names atomic_write really makes.
    made = []
    real_replace = os.replace

    def spy(src, dst):
        made.append(Path(src).name)
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    atomic_write(tmp_path / "ep.tep.json", b"{}")
    atomic_write(tmp_path / "ep.tep.json", b"{ }")
    monkeypatch.undo()
    journal_path = tmp_path / "ep.tep.json.journal"
    old = time.time() - leftovers.ORPHAN_AGE_S - 5
    for name in made:
        (tmp_path / name).write_bytes(b"x")
        os.utime(tmp_path / name, (old, old))
    leftovers.clean_leftovers(journal_path)
    assert not any((tmp_path / name).exists() for name in made)
