"""No restore prompt where there is nothing to restore: a close answered Discard, an edit undone
before a kill, a SIGTERM with nothing unsaved (and one with unsaved work offered as the system's close,
not a crash); and no prepared journal file left behind for ever."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from message_boxes import shown_box, wait_for_box  # noqa: E402
from restore_helpers import kill, prompt_answered, restore_prompt, type_into  # noqa: E402

CAPTIONS = """1
00:00:01,000 --> 00:00:03,000
Welcome aboard the ferry podcast.

2
00:00:03,500 --> 00:00:06,000
Today we talk about tides and timetables.
"""




def _captions(tmp_path) -> Path:
    path = tmp_path / "ferry.srt"
    path.write_text(CAPTIONS, encoding="utf-8")
    return path


def _recovery_files(own_data_dir: Path) -> list[str]:
    folder = own_data_dir / "recovery"
    return sorted(os.listdir(folder)) if folder.is_dir() else []


def _opened(windows, path, qtbot):
    window = windows()
    assert window.open_path(str(path))
    QApplication.processEvents()       # its own look for work left behind
    # the journal's file is prepared on a worker once the document is open
    qtbot.waitUntil(lambda: window.project.autosave._base is not None
                    and window.project.autosave._base[1].done())
    return window


def _no_prompt_on_reopen(windows, path, qtbot) -> None:
    window = windows()
    assert window.open_path(str(path))
    QApplication.processEvents()                       # its look for work left behind starts
    qtbot.waitUntil(lambda: window.project.recovery.reading is None)    # a journal found is read
    QApplication.processEvents()
    assert restore_prompt(window) is None


def _close_discarding(window, qtbot):
    """Close *window* and answer the unsaved-changes box with Discard."""
    window.close()
    box = wait_for_box(qtbot, "Unsaved changes", over=window)
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_discard_at_close_leaves_nothing_to_restore(windows, tmp_path, own_data_dir, qtbot):
    path = _captions(tmp_path)
    window = _opened(windows, path, qtbot)
    type_into(window, 0, "Hello! ")
    assert window.project.is_modified()
    assert any(name.endswith(".journal") for name in _recovery_files(own_data_dir))
    _close_discarding(window, qtbot)
    assert _recovery_files(own_data_dir) == []
    _no_prompt_on_reopen(windows, path, qtbot)


def test_an_edit_undone_before_a_kill_is_not_offered(windows, tmp_path, own_data_dir, qtbot):
    path = _captions(tmp_path)
    window = _opened(windows, path, qtbot)
    type_into(window, 0, "Hello! ")
    window.project.autosave.save_now()      # an autosave in between, as a pause in typing gives
    window.project.autosave.wait()
    window.undo_stack.undo()
    assert not window.project.is_modified()
    kill(window)
    assert not any(name.endswith(".journal") for name in _recovery_files(own_data_dir))
    _no_prompt_on_reopen(windows, path, qtbot)


def test_an_undone_edit_then_redone_is_still_recoverable(windows, tmp_path, own_data_dir, qtbot):
    path = _captions(tmp_path)
    window = _opened(windows, path, qtbot)
    type_into(window, 0, "Hello! ")
    window.undo_stack.undo()
    window.undo_stack.redo()
    assert window.project.is_modified()
    kill(window)
    from editor.session import recovery
    [pending] = recovery.find_unsaved(own_data_dir)
    assert pending.recover().segments[0].text.startswith("Hello! ")


@pytest.fixture
def sigterm_closes(qtbot):
    """The app's SIGTERM handling installed for the test's window, and the default put back after."""
    from editor.ui import termination
    installed = []

    def install(window):
        installed.append(termination.close_on_sigterm(window))
    yield install
    for handle in installed:
        handle.uninstall()


def test_sigterm_with_nothing_unsaved_leaves_no_journal(windows, tmp_path, own_data_dir, qtbot, sigterm_closes):
    path = _captions(tmp_path)
    window = _opened(windows, path, qtbot)
    sigterm_closes(window)
    type_into(window, 0, "Hello! ")
    window.undo_stack.undo()
    os.kill(os.getpid(), signal.SIGTERM)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert _recovery_files(own_data_dir) == []      # neither a journal nor its prepared file
    _no_prompt_on_reopen(windows, path, qtbot)



def _typed_into_and_sent_sigterm(windows, tmp_path, qtbot, sigterm_closes):
    """A window with "Hello! " typed into its first turn, closed by a SIGTERM (as at a logout)."""
    path = _captions(tmp_path)
    window = _opened(windows, path, qtbot)
    sigterm_closes(window)
    type_into(window, 0, "Hello! ")
    os.kill(os.getpid(), signal.SIGTERM)
    qtbot.waitUntil(lambda: not window.isVisible())
    return path, window

def test_sigterm_with_unsaved_work_keeps_it_without_asking(windows, tmp_path, own_data_dir, qtbot, sigterm_closes):
    path, window = _typed_into_and_sent_sigterm(windows, tmp_path, qtbot, sigterm_closes)
    assert shown_box("Unsaved changes", over=window) is None     # nobody is there to answer at a logout
    [journal] = [name for name in _recovery_files(own_data_dir) if name.endswith(".journal")]
    assert not any(name.endswith(".tmp") for name in _recovery_files(own_data_dir))
    from editor.session import recovery
    [pending] = recovery.find_unsaved(own_data_dir)
    assert pending.recover().segments[0].text.startswith("Hello! ")


def test_work_kept_at_a_sigterm_is_offered_as_closed_by_the_system_not_as_a_crash(
        windows, tmp_path, own_data_dir, qtbot, sigterm_closes):
    from restore_helpers import button, prompt
    path, window = _typed_into_and_sent_sigterm(windows, tmp_path, qtbot, sigterm_closes)

    second = windows()
    assert second.open_path(str(path))
    box = prompt(second, qtbot)
    assert "closed by the system" in box.text() and "did not close normally" not in box.text()
    assert "7 edits" in box.text()              # one a keystroke; the note of how it ended is none
    button(box, "Restore").click()
    prompt_answered(second, qtbot)
    assert second.model.segment(0).text.startswith("Hello! ")
    type_into(second, 0, "Then ")
    kill(second)                                # this time a crash: the note went with the restore

    third = windows()
    assert third.open_path(str(path))
    box = prompt(third, qtbot)
    assert "did not close normally" in box.text()
    button(box, "Restore").click()
    prompt_answered(third, qtbot)
    assert third.model.segment(0).text.startswith("Then Hello! ")


def _stale(path: Path) -> Path:
    path.write_bytes(b'{"journal": 1}\n')
    old = time.time() - 3600
    os.utime(path, (old, old))
    return path


def test_a_prepared_journal_a_kill_left_is_cleaned_but_not_a_live_one(windows, tmp_path, own_data_dir, qtbot):
    folder = own_data_dir / "recovery"
    folder.mkdir(parents=True)
    left = _stale(folder / ".gone.srt-0123456789abcdef.journal.ab12cd34.tmp")
    path = _captions(tmp_path)
    running = _opened(windows, path, qtbot)       # another instance, its journal prepared, no edit yet
    [held] = [folder / name for name in _recovery_files(own_data_dir)
              if name.endswith(".tmp") and name.startswith(".ferry")]
    old = time.time() - 3600
    os.utime(held, (old, old))                    # opened an hour ago
    window = windows()
    window.project.recovery.offer_recovery()               # at start-up
    assert not left.exists()
    assert held.exists()
    type_into(running, 0, "Still mine. ")         # its journal starts from the prepared file
    assert running.project.autosave.journal is not None
    assert not any(name.endswith(".tmp") for name in _recovery_files(own_data_dir))


def test_discard_at_close_with_the_turn_still_being_typed_in_leaves_nothing(windows, tmp_path, own_data_dir, qtbot):
    from PySide6.QtTest import QTest
    path = _captions(tmp_path)
    window = _opened(windows, path, qtbot)
    QTest.keyClicks(window.view.open_editor(0, 0), "Hello! ")     # the turn editor still open
    _close_discarding(window, qtbot)
    assert _recovery_files(own_data_dir) == []
    _no_prompt_on_reopen(windows, path, qtbot)


def test_discard_at_close_of_a_project_leaves_no_journal_beside_it(windows, tmp_path, own_data_dir, qtbot):
    from edit_helpers import write_project
    path = write_project(tmp_path)
    window = _opened(windows, path, qtbot)
    type_into(window, 0, "Hello! ")
    assert Path(str(path) + ".journal").exists()
    _close_discarding(window, qtbot)
    assert [p.name for p in tmp_path.iterdir() if ".journal" in p.name or p.name.endswith(".tmp")] == []
    _no_prompt_on_reopen(windows, path, qtbot)


def test_the_sigterm_handling_goes_with_its_window(qtbot):
    from PySide6.QtWidgets import QWidget

    from editor.ui import termination
    before = signal.getsignal(signal.SIGTERM)
    window = QWidget()
    termination.close_on_sigterm(window)
    assert signal.getsignal(signal.SIGTERM) is not before
    gone = []
    window.destroyed.connect(lambda *_: gone.append(True))
    window.deleteLater()
    qtbot.waitUntil(lambda: bool(gone))
    assert signal.getsignal(signal.SIGTERM) is before
    assert signal.set_wakeup_fd(-1) == -1      # nothing left pointing at its socket
