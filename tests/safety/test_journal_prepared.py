"""A journal prepared on a worker when the document opens: its header is on the disk before the first
edit, which then only renames it into place (no fsync on the GUI thread), and nothing is lost or left."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "robustness"))

from edit_script import fixture_transcript, saved_fixture_project  # noqa: E402

from editor.core import ops, project  # noqa: E402
from editor.core.errors import TranscriptError  # noqa: E402
from editor.core.user_data import ENV_DATA_DIR  # noqa: E402
from editor.session import journal as journal_module  # noqa: E402
from editor.session import leftovers, recovery  # noqa: E402
from editor.session.journal import Journal  # noqa: E402
from editor.session.journal_base import base_of_document  # noqa: E402
from editor.session.journal_places import journal_path_for  # noqa: E402
from tests.safety.autosaved_document import opened_with_autosave  # noqa: E402


@pytest.fixture
def saved(tmp_path):
    return saved_fixture_project(tmp_path)


def _temps(folder: Path) -> list[Path]:
    return sorted(folder.glob(".*.tmp"))


def _edit(journal, transcript, row, words=" Harlowe"):
    journal.run(transcript, ops.set_text(transcript, row, transcript.segments[row].text + words))


def test_the_first_edit_only_renames_the_prepared_header_and_the_edit_is_recovered(saved, monkeypatch):
    path, transcript = saved
    place = journal_path_for(path)
    place.write_bytes(b"a journal a crash left, still offered until the first edit\n")
    prepared = Journal.prepare(path, saved=True, base=base_of_document(path, saved=True))
    assert prepared.path == place and place.read_bytes().startswith(b"a journal a crash left")
    (temp,) = _temps(path.parent)
    assert recovery.inspect(temp) is not None          # a whole header, on the disk already

    synced_here = []
    real_fsync = os.fsync
    gui_thread = threading.current_thread()

    def fsync(fd):
        if threading.current_thread() is gui_thread:
            synced_here.append(fd)
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    journal = prepared.start()
    _edit(journal, transcript, 3)
    assert synced_here == []                           # no fsync where the edit was made
    assert _temps(path.parent) == [] and journal.path == place
    journal.close()
    pending = recovery.find_for(path)
    assert pending is not None and pending.recover().segments[3].text == transcript.segments[3].text


def test_the_folder_is_synced_in_the_background_with_the_first_line(saved, monkeypatch):
    path, transcript = saved
    folders = []
    done = threading.Event()

    def fsync_folder(folder):
        folders.append((Path(folder), threading.current_thread().name))
        done.set()

    monkeypatch.setattr(journal_module, "fsync_folder", fsync_folder)
    journal = Journal.prepare(path, saved=True, base=base_of_document(path, saved=True)).start(fsync_interval=3600.0)
    assert folders == []
    _edit(journal, transcript, 2)
    assert done.wait(30), "the journal's new name was not synced with its first line"
    _edit(journal, transcript, 4)
    journal.close()
    assert folders == [(path.parent, "journal-fsync")]   # once, by the background fsync
    journal.discard()


def test_a_discarded_preparation_leaves_nothing_and_cannot_start(saved):
    path, _ = saved
    prepared = Journal.prepare(path, saved=True, base=base_of_document(path, saved=True))
    prepared.discard()
    prepared.discard()
    assert _temps(path.parent) == [] and not journal_path_for(path).exists()
    with pytest.raises(TranscriptError, match="recovery journal"):
        prepared.start()


def test_a_preparation_removed_behind_its_back_says_so_when_started(saved):
    path, _ = saved
    prepared = Journal.prepare(path, saved=True, base=base_of_document(path, saved=True))
    for temp in _temps(path.parent):
        temp.unlink()
    with pytest.raises(TranscriptError, match="recovery journal") as failure:
        prepared.start()
    assert str(journal_path_for(path)) in str(failure.value)


def test_a_kill_before_the_first_edit_offers_nothing_and_its_file_is_cleaned_up(saved):
    path, _ = saved
    prepared = Journal.prepare(path, saved=True, base=base_of_document(path, saved=True))
    os.close(prepared._fd)          # then the process dies: the kernel drops its lock on the file
    (temp,) = _temps(path.parent)
    assert recovery.find_for(path) is None and temp.exists()   # perhaps another window's, just made
    old = time.time() - leftovers.ORPHAN_AGE_S - 5
    os.utime(temp, (old, old))
    assert recovery.find_for(path) is None and not temp.exists()


def test_a_folder_that_cannot_be_written_prepares_in_the_data_folder(saved, tmp_path, monkeypatch):
    path, _ = saved
    real = journal_module.write_replacement

    def read_only_beside_the_project(target, data):
        if Path(target).parent == path.parent:      # as a read-only share answers (root ignores chmod)
            raise TranscriptError("cannot save: permission denied (the folder or file is read-only)", target)
        return real(target, data)

    monkeypatch.setattr(journal_module, "write_replacement", read_only_beside_the_project)
    prepared = Journal.prepare(path, saved=True, base=base_of_document(path, saved=True),
                               data_dir=tmp_path / "data")
    assert prepared.path == journal_path_for(path, saved=False, data_dir=tmp_path / "data")
    prepared.discard()
    assert _temps(prepared.path.parent) == [] and _temps(path.parent) == []


# ------------------------------------------------------------------------------ in the window's autosaver
def _opened(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    folder = tmp_path / "show"
    folder.mkdir()
    path = folder / "ep.tep.json"
    model, autosave = opened_with_autosave(path)
    autosave._base[1].result()          # the worker is done before the producer's first key
    return path, model, autosave


def test_the_window_prepares_the_journal_at_open_and_uses_it_at_the_first_edit(tmp_path, monkeypatch, qtbot):
    path, model, autosave = _opened(tmp_path, monkeypatch)
    (temp,) = _temps(path.parent)
    inode = temp.stat().st_ino
    model.set_text(3, "A first edit after opening.")
    assert autosave.journal.path.stat().st_ino == inode and _temps(path.parent) == []
    autosave.close()
    pending = recovery.find_for(path, True, tmp_path / "data")
    assert pending is not None and pending.recover().segments[3].text == "A first edit after opening."


def test_closing_or_opening_another_document_before_any_edit_removes_the_prepared_file(tmp_path, monkeypatch, qtbot):
    path, model, autosave = _opened(tmp_path, monkeypatch)
    assert len(_temps(path.parent)) == 1
    other = path.with_name("other.tep.json")
    project.save(fixture_transcript(), other)
    autosave.set_document(str(other), "project", saved=True)
    autosave._base[1].result()
    assert [t.name for t in _temps(path.parent)][0].startswith(".other.tep.json.journal.")
    assert len(_temps(path.parent)) == 1
    autosave.discard()                  # closed with nothing unsaved
    assert _temps(path.parent) == [] and not journal_path_for(other).exists()


def test_a_prepared_file_removed_before_the_first_edit_still_journals_it(tmp_path, monkeypatch, qtbot):
    path, model, autosave = _opened(tmp_path, monkeypatch)
    for temp in _temps(path.parent):     # another instance's cleanup, say
        temp.unlink()
    model.set_text(2, "Journaled the slow way.")
    assert autosave.journal is not None and autosave.journal.write_error is None
    autosave.close()
    pending = recovery.find_for(path, True, tmp_path / "data")
    assert pending is not None and pending.recover().segments[2].text == "Journaled the slow way."
