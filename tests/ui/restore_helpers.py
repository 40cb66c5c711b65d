"""Helpers for the crash-recovery window tests: typing, a kill, the journal a killed window leaves, the
restore prompt (the ``windows`` fixture in conftest makes the windows)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import write_project  # noqa: E402


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


def prompt(window, qtbot):
    qtbot.waitUntil(lambda: window.project.recovery.recovery_box is not None, timeout=PROMPT_TIMEOUT_MS)
    box = window.project.recovery.recovery_box
    qtbot.waitUntil(box.isVisible)
    return box


def button(box, label):
    return next(b for b in box.buttons() if b.text().replace("&", "") == label)


def killed_mid_edit(windows, tmp_path):
    """A project and the journal a window killed mid-edit left beside it."""
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    QApplication.processEvents()     # its own look for work left behind, before there is any
    type_into(first, 0, "Lost? ")
    kill(first)
    return path, Path(str(path) + ".journal")
