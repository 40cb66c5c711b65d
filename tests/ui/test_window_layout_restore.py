"""The window's dock layout between sessions: panels come back where the producer left them.

Panels are made when first shown, so the saved layout (QMainWindow.saveState) keeps a place
for each under its dock's object name; a panel made later takes that place, and the panels
open at the last close open again with the next session's first transcript.
"""

from __future__ import annotations

from edit_helpers import write_project
from fake_player import fake_player_factory
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QListWidget
from window_helpers import named

from editor.ui.main_window import MainWindow


def _window(qtbot) -> MainWindow:
    window = MainWindow(player_factory=fake_player_factory)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _docks(window: MainWindow) -> set[str]:
    return {dock.objectName() for dock in window.findChildren(QDockWidget)}


def test_docks_return_to_their_places_and_open_panels_reopen(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))
    project = str(write_project(tmp_path))
    first = _window(qtbot)
    assert "Markers" not in _docks(first) and "Chapters" not in _docks(first)   # made when first shown
    assert first.open_path(project)
    # The producer opens the markers panel and drags it to the left; the chapters panel goes to
    # the bottom and is closed again.
    first.action_table["markers_panel"].trigger()
    markers = first.marks_dock
    qtbot.waitUntil(markers.isVisible)
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, markers)
    first.action_table["chapters_panel"].trigger()
    chapters = first.chapters.dock
    qtbot.waitUntil(chapters.isVisible)
    first.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, chapters)
    chapters.hide()
    first.close()

    second = _window(qtbot)
    assert "Markers" not in _docks(second) and "Chapters" not in _docks(second)   # nothing made before use
    assert second.open_path(project)
    qtbot.waitUntil(lambda: "Markers" in _docks(second) and second.marks_dock.isVisible())
    assert second.dockWidgetArea(second.marks_dock) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert "Chapters" not in _docks(second)        # closed at the end of the last session: not reopened
    second.action_table["chapters_panel"].trigger()
    qtbot.waitUntil(second.chapters.dock.isVisible)
    assert second.dockWidgetArea(second.chapters.dock) == Qt.DockWidgetArea.BottomDockWidgetArea
    second.close()


def test_without_a_saved_layout_panels_share_the_right_side_as_tabs(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))
    window = _window(qtbot)
    assert window.open_path(str(write_project(tmp_path)))
    window.action_table["markers_panel"].trigger()
    window.action_table["chapters_panel"].trigger()
    qtbot.waitUntil(lambda: window.chapters.dock.isVisible())
    assert window.dockWidgetArea(window.marks_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.marks_dock in window.tabifiedDockWidgets(window.chapters.dock)
    window.close()


def test_a_window_opening_a_file_makes_no_start_page_until_one_is_needed(qtbot):
    window = MainWindow(player_factory=fake_player_factory, start_page=False)
    qtbot.addWidget(window)
    assert window.stack.count() == 1 and window.stack.currentWidget() is window.editor_page
    page = window.start_page                       # asked for: made, with the recent files, not shown
    assert window.stack.count() == 2 and window.stack.currentWidget() is window.editor_page
    assert named(page, QListWidget, "Recent files").count() == len(window.files.recent_files())
