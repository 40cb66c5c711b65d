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


def _posted_events_handled(qtbot) -> None:
    """Wait until the events and zero-time timers posted so far have run (the window widens a shown
    panel from one), and the layout they asked for is applied."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    ran = []
    QTimer.singleShot(0, lambda: ran.append(True))
    qtbot.waitUntil(lambda: bool(ran))
    QApplication.sendPostedEvents()      # the layout request a resize of the docks posted


def test_a_side_panel_narrowed_by_hand_keeps_its_width_as_tabs_are_switched(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))
    window = _window(qtbot, 1400, 900)
    assert window.open_path(str(write_project(tmp_path)))
    window.action_table["show_suggestions"].trigger()
    window.action_table["suspects_panel"].trigger()
    qtbot.waitUntil(lambda: any(bar.isVisible() and "Suspects" in [bar.tabText(i) for i in range(bar.count())]
                                for bar in window.findChildren(QTabBar)))
    tabs = _side_tabs(window)
    shown = panel_dock(window, tabs.tabText(tabs.currentIndex()))
    qtbot.waitUntil(lambda: shown.width() >= window.width() // 4 - 10)    # made readable as first shown
    _posted_events_handled(qtbot)

    narrow = window.width() // 6        # the producer wants more of the transcript
    window.resizeDocks([shown], [narrow], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: shown.width() < window.width() // 5)
    kept = shown.width()
    for _switch in range(2):
        other = panel_dock(window, tabs.tabText(1 - tabs.currentIndex()))
        tabs.setCurrentIndex(1 - tabs.currentIndex())
        qtbot.waitUntil(other.isVisible)
        _posted_events_handled(qtbot)
        assert other.width() == kept
    window.close()
