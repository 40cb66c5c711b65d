"""Helpers for the crash-recovery window tests: windows made on demand, typing, a kill, the restore prompt."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fake_player import fake_player_factory  # noqa: E402


def windows_for(qtbot):
    """For a ``windows`` fixture: new windows on demand; each one left open is closed without saving
    at the end."""
    from editor.ui.main_window import MainWindow
    made = []

    def make():
        window = MainWindow(player_factory=fake_player_factory)
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window
    yield make
    for window in made:
        window.project.discard_changes()
        window.close()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()


def type_into(window, row, text):
    QTest.keyClicks(window.view.open_editor(row, 0), text)
    window.view.close_editor()


def kill(window):
    """What a kill leaves: the journal as written, no save, no clean-up (the window is just dropped)."""
    window.project.autosave.close()
    window.project.autosave.journal = None
    window.watch.watcher.clear()
    window.hide()


def prompt(window, qtbot):
    qtbot.waitUntil(lambda: window.project.recovery.recovery_box is not None)
    box = window.project.recovery.recovery_box
    qtbot.waitUntil(box.isVisible)
    return box


def button(box, label):
    return next(b for b in box.buttons() if b.text().replace("&", "") == label)
