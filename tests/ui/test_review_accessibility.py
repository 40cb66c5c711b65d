"""Screen readers see every turn of the custom transcript view, and focus follows the current turn."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from review_helpers import TURNS, close_review_window, open_review_window

Text = QAccessible.Text


def test_each_turn_is_an_item_of_the_views_accessible_list(qtbot, tmp_path):
    window = open_review_window(qtbot, tmp_path)
    try:
        view = window.view
        interface = QAccessible.queryAccessibleInterface(view)
        assert interface.role() == QAccessible.Role.List
        assert interface.childCount() == len(TURNS)
        turn = interface.child(2)
        assert turn.role() == QAccessible.Role.ListItem
        assert turn.text(Text.Name) == "Ana Ruiz, 00:12, unreviewed"
        assert turn.text(Text.Description) == TURNS[2][2]
        assert turn.parent() is interface and interface.indexOfChild(turn) == 2
        # Status and text changes are what the item tells next time it is asked.
        window.review.approve(2)
        assert turn.text(Text.Name) == "Ana Ruiz, 00:12, approved"
        # Where the turn is on screen, for magnifiers and touch exploration.
        assert turn.rect().height() == view.row_rect(2).height()
        assert interface.childAt(turn.rect().center().x(), turn.rect().center().y()).text(Text.Name) == \
            turn.text(Text.Name)
        # A removed turn leaves the list (merging turns 6 and 7).
        from editor.core import ops
        window.model.run(ops.merge_with_next(window.model.transcript, 6))
        assert interface.childCount() == len(TURNS) - 1
    finally:
        close_review_window(window)


def test_accessible_focus_follows_the_current_turn(qtbot, tmp_path):
    window = open_review_window(qtbot, tmp_path)
    try:
        view = window.view
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        interface = QAccessible.queryAccessibleInterface(view)
        QAccessible.setActive(True)     # as with a screen reader running: focus events are sent
        for _ in range(4):
            QTest.keyClick(window.windowHandle(), Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: window.model.current_row == 3)
        focused = interface.focusChild()
        assert focused is not None and focused.text(Text.Name).startswith("Tom Okafor, 00:20")
        assert focused.state().focused and focused.state().selected
        assert not interface.child(2).state().focused
        # Editing a turn makes it the one described.
        view.open_editor(5, 0)
        assert interface.focusChild().text(Text.Name).startswith("Ana Ruiz, 00:34")
        assert "Turn 6 of 8" in view.accessibleDescription()
    finally:
        QAccessible.setActive(False)
        close_review_window(window)


def test_the_focus_event_names_the_current_turn(qtbot, tmp_path):
    from editor.ui.document import turn_accessibility

    window = open_review_window(qtbot, tmp_path)
    try:
        view = window.view
        event = turn_accessibility.focus_event(view, 3)
        assert event.type() == QAccessible.Event.Focus and event.child() == 3
        turn = event.accessibleInterface()            # what Qt hands the screen reader
        assert turn.text(Text.Name).startswith("Tom Okafor, 00:20")
        assert turn is QAccessible.queryAccessibleInterface(view).child(3)
        QAccessible.setActive(True)
        # A platform bridge registers each announced item in Qt's cache (uniqueId); announcing again,
        # and after the last row went, reuses the view's items and leaves nothing dangling.
        for row in (3, 4, 3, 0, 7):
            turn_accessibility.announce_current(view, row)
            QAccessible.uniqueId(turn_accessibility.focus_event(view, row).accessibleInterface())
        from editor.core import ops
        window.model.run(ops.merge_with_next(window.model.transcript, 6))
        turn_accessibility.announce_current(view, 6)
        assert turn_accessibility.focus_event(view, 6).accessibleInterface().text(Text.Name).startswith("Tom Okafor")
        gone = turn_accessibility.focus_event(view, 7).accessibleInterface()
        assert gone is QAccessible.queryAccessibleInterface(view)   # no row 7: Qt falls back to the view
    finally:
        QAccessible.setActive(False)
        close_review_window(window)
