"""Journals kept aside (``<name>.journal.unrestored-<time>``): found where they are, with their
snapshots, moved back to be restored, and deleted only when asked."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edit_script import fingerprint, saved_fixture_project  # noqa: E402

from editor.core import ops  # noqa: E402
from editor.core.errors import TranscriptError  # noqa: E402
from editor.session import kept_work, recovery  # noqa: E402
from editor.session.journal import Journal  # noqa: E402


def _journal_after_an_autosave(tmp_path):
    """A project, edits, an autosave snapshot, more edits, the journal closed (a kill): (path, expected)."""
    path, transcript = saved_fixture_project(tmp_path)
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 1, transcript.segments[1].text + " before"))
    assert journal.snapshot_now(transcript)
    journal.run(transcript, ops.set_text(transcript, 2, transcript.segments[2].text + " after"))
    journal.close()
    return path, fingerprint(transcript)


def _listing(folder):
    return sorted((name, os.path.getsize(folder / name)) for name in os.listdir(folder))


def test_a_kept_journal_with_its_snapshot_is_found_restorable_and_put_back(tmp_path):
    path, expected = _journal_after_an_autosave(tmp_path)
    live = Path(str(path) + ".journal")
    kept_path = recovery.inspect(live).keep_aside()
    assert not live.exists()

    [kept] = kept_work.find_kept([tmp_path, tmp_path])         # a folder given twice is read once
    assert kept.pending.journal_path == kept_path and kept.live_path == live
    assert kept.pending.recoverable, kept.pending.problem     # its snapshot is found under the kept name
    assert kept.document == str(path) and kept.pending.edit_count == 1
    assert kept.kept_at is not None and len(kept.snapshots()) == 1

    pending = kept_work.put_back(kept)
    assert pending.journal_path == live and not kept_path.exists() and not kept.snapshots()
    assert fingerprint(pending.recover()) == expected


def test_listing_kept_journals_changes_nothing(tmp_path):
    path, _expected = _journal_after_an_autosave(tmp_path)
    recovery.inspect(Path(str(path) + ".journal")).keep_aside()
    (tmp_path / "notes.journal.unrestored-later").write_text("not one of ours")   # no time: not a kept name
    before = _listing(tmp_path)
    assert len(kept_work.find_kept([tmp_path])) == 1
    assert _listing(tmp_path) == before


def test_a_kept_journal_is_not_put_back_over_a_later_one(tmp_path):
    path, transcript = saved_fixture_project(tmp_path)
    journal = Journal.for_document(path, saved=True, fsync_interval=None)
    journal.run(transcript, ops.set_text(transcript, 1, "first session"))
    journal.close()
    [kept] = [kept_work.inspect_kept(recovery.inspect(journal.path).keep_aside())]
    later = Journal.for_document(path, saved=True, fsync_interval=None)   # a later session's unsaved work
    later.run(transcript, ops.set_text(transcript, 2, "second session"))
    later.close()
    written = later.path.read_bytes()
    with pytest.raises(TranscriptError, match="another journal of the same document is in its place"):
        kept_work.put_back(kept)
    assert later.path.read_bytes() == written and kept.pending.journal_path.exists()


def test_deleting_a_kept_journal_deletes_it_and_its_snapshots_only(tmp_path):
    path, _expected = _journal_after_an_autosave(tmp_path)
    recovery.inspect(Path(str(path) + ".journal")).keep_aside()
    [kept] = kept_work.find_kept([tmp_path])
    others = set(_listing(tmp_path)) - {(p.name, p.stat().st_size) for p in kept.files()}
    kept_work.delete_kept(kept)
    assert set(_listing(tmp_path)) == others
    assert path.exists()


@pytest.mark.parametrize(("name", "document"), [
    ("episode.srt-0123456789abcdef.journal.unrestored-20260102-030405", "episode.srt"),   # an unsaved import's
    ("harbour.tep.json.journal.unrestored-20260102-030405-2", "harbour.tep.json"),       # beside its project
    ("harbour.tep.json.journal", "harbour.tep.json"),
    ("stray.bin", ""),
])
def test_work_whose_journal_is_damaged_at_the_start_is_named_by_its_journals_name(tmp_path, name, document):
    (tmp_path / name).write_bytes(b"not a header\n")
    pending = recovery.inspect(tmp_path / name)
    assert pending.base is None and recovery.document_name(pending) == document
