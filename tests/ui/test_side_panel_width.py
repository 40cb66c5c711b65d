"""The right-hand panels come back readable whatever size the window had when they were saved.

The saved layout (QMainWindow.saveState) keeps a dock's width in pixels: a session in a small
window squeezed the side panels, and the next, in a large window, gave them the same few pixels,
their tab titles cut ("Glossary Sugges…", "Sus…") and the suggestions cut short.
"""

from __future__ import annotations

from edit_helpers import write_project
from fake_player import fake_player_factory
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar
from window_helpers import panel_dock

from editor.ui.main_window import MainWindow


def _window(qtbot, width: int, height: int) -> MainWindow:
    window = MainWindow(player_factory=fake_player_factory)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.resize(width, height)   # after the saved geometry: the size this session's screen gives
    return window


def _side_tabs(window: MainWindow) -> QTabBar:
    """The tab bar of the right-hand panels (the window's own, made when docks are tabified)."""
    bars = [bar for bar in window.findChildren(QTabBar)
            if bar.isVisible() and "Suspects" in [bar.tabText(i) for i in range(bar.count())]]
    assert len(bars) == 1
    return bars[0]


def test_side_panels_saved_narrow_in_a_small_window_come_back_readable(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))
    project = str(write_project(tmp_path))
    small = _window(qtbot, 1024, 640)
    assert small.open_path(project)
    small.action_table["show_suggestions"].trigger()
    small.action_table["suspects_panel"].trigger()
    suspects = panel_dock(small, "Suspects")
    qtbot.waitUntil(suspects.isVisible)
    small.resizeDocks([suspects], [1], Qt.Orientation.Horizontal)   # squeezed as far as it goes
    qtbot.waitUntil(lambda: suspects.width() < 1400 // 5)
    small.close()

    large = _window(qtbot, 1400, 900)
    assert large.open_path(project)
    qtbot.waitUntil(lambda: panel_dock(large, "Suspects") is not None and panel_dock(large, "Suspects").isVisible())
    tabs = _side_tabs(large)
    shown = panel_dock(large, tabs.tabText(tabs.currentIndex()))   # the tab on top
    # Every title whole, and a fair share of the window for the suggestions' lines.
    qtbot.waitUntil(lambda: shown.width() >= max(tabs.sizeHint().width(), large.width() // 5))
    large.close()
