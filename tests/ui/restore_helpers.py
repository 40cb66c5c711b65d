"""Helpers for the crash-recovery window tests: typing, a kill, the journal a killed window leaves, the
restore prompt, found on screen as the producer sees it, and its buttons (``button``, from
:mod:`message_boxes`); the ``windows`` fixture in conftest makes the windows."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import write_project  # noqa: E402
from message_boxes import button, shown_box, wait_for_box, wait_for_no_box  # noqa: E402, F401


def type_into(window, row, text):
    QTest.keyClicks(window.view.open_editor(row, 0), text)
    window.view.close_editor()


def kill(window):
    """What a kill leaves: the journal as written, no save, no clean-up (the window is just dropped)."""
    window.project.autosave.close()
    window.project.autosave.journal = None
    # A killed window commits nothing more: an edit it still finished later (a deferred one) would
    # start a journal of its own on the same file and lock it, so the next window offered nothing.
    window.model.committed.disconnect(window.project.autosave.on_committed)
    window.watch.watcher.clear()
    window.hide()


# The journal left behind is read on a worker before its prompt shows: a hang guard, generous for a
# loaded machine (the read itself takes milliseconds).
PROMPT_TIMEOUT_MS = 30_000


# The restore prompt's titles: work that can be restored, and work that cannot.
RESTORE_PROMPT = ("Restore unsaved work?", "Unsaved work cannot be restored")


def restore_prompt(window):
    """The restore prompt over *window*, or None when it is not asking."""
    return shown_box(RESTORE_PROMPT, over=window)


def prompt(window, qtbot):
    return wait_for_box(qtbot, RESTORE_PROMPT, over=window, timeout=PROMPT_TIMEOUT_MS)


def prompt_answered(window, qtbot, timeout=5000):
    """Until the restore prompt over *window* is gone (answered or closed)."""
    wait_for_no_box(qtbot, RESTORE_PROMPT, over=window, timeout=timeout)


def killed_mid_edit(windows, tmp_path, name: str = "harbour.tep.json"):
    """A project (saved as *name*) and the journal a window killed mid-edit left beside it."""
    path = write_project(tmp_path, name)
    first = windows()
    assert first.open_path(str(path))
    QApplication.processEvents()     # its own look for work left behind, before there is any
    type_into(first, 0, "Lost? ")
    kill(first)
    return path, Path(str(path) + ".journal")
