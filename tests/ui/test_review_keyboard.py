"""Reviewing with the keyboard alone: turn to turn, edit, leave, close Find, dialog mnemonics, spelling menu."""

from __future__ import annotations

import pytest
from message_boxes import wait_for_box
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

K = Qt.Key


@pytest.fixture
def window(active_review_window):
    return active_review_window


def _key(window, key, modifiers=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(window.windowHandle(), key, modifiers)


def test_arrows_outside_the_editor_move_turn_by_turn_and_enter_edits(window, qtbot):
    view, model = window.view, window.model
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    _key(window, K.Key_Down)
    qtbot.waitUntil(lambda: model.current_row == 0)
    _key(window, K.Key_Down)
    _key(window, K.Key_Down)
    qtbot.waitUntil(lambda: model.current_row == 2)
    _key(window, K.Key_Up)
    qtbot.waitUntil(lambda: model.current_row == 1)
    assert view.editor() is None
    _key(window, K.Key_Return)
    assert view.editor() is not None and view.editor().row == 1 and view.editor().hasFocus()
    # Esc leaves the editor; the keys are the view's again and ↓ goes on from that turn.
    _key(window, K.Key_Escape)
    assert view.editor() is None and view.hasFocus()
    _key(window, K.Key_Down)
    qtbot.waitUntil(lambda: model.current_row == 2)
    # The last turn: ↓ stays there.
    for _ in range(12):
        _key(window, K.Key_Down)
    qtbot.waitUntil(lambda: model.current_row == model.rowCount() - 1)


def test_esc_in_the_editor_leaves_it_without_closing_a_side_panel(window, qtbot):
    window.action_table["markers_panel"].trigger()
    window.names.find.show_find()
    find_dock = window.names.find.dock
    assert window.marks_dock.isVisible() and find_dock.isVisible()
    window.view.open_editor(2, 3)
    qtbot.waitUntil(lambda: window.view.editor().hasFocus())
    _key(window, K.Key_Escape)
    assert window.view.editor() is None
    assert window.marks_dock.isVisible() and find_dock.isVisible()


def test_esc_closes_find_from_its_field(window, qtbot):
    window.action_table["find"].trigger()
    panel = window.names.find.panel
    qtbot.waitUntil(lambda: panel.find_edit.hasFocus())
    QTest.keyClicks(panel.find_edit, "pier")
    _key(window, K.Key_Escape)
    qtbot.waitUntil(lambda: not window.names.find.dock.isVisible())
    assert window.view.hasFocus() or window.view.editor() is not None


def _buttons_without_mnemonic(widget):
    missing = []
    for button in widget.findChildren(QPushButton):
        if button.isVisible() and button.text() and "&" not in button.text().replace("&&", ""):
            missing.append(button.text())
    return missing


def test_unsaved_changes_box_buttons_have_mnemonics(window, qtbot):
    window.view.open_editor(0, 0)
    QTest.keyClicks(window.view.editor(), "Well, ")
    qtbot.waitUntil(window.project.is_modified)
    window.view.close_editor()
    assert not window.project.ask_to_save("closing", lambda: None)
    box = wait_for_box(qtbot, "Unsaved changes", over=window)
    assert _buttons_without_mnemonic(box) == []
    texts = [b.text() for b in box.findChildren(QPushButton)]
    assert "&Discard" in texts or any(t.replace("&", "") == "Discard" and "&" in t for t in texts)
    box.reject()


@pytest.mark.parametrize("action", ["speakers", "glossary", "export", "go_to_time", "settings"])
def test_dialog_buttons_have_mnemonics(window, qtbot, action):
    window.action_table[action].trigger()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None or _open_dialog(window) is not None)
    dialog = QApplication.activeModalWidget() or _open_dialog(window)
    qtbot.waitUntil(dialog.isVisible)
    assert _buttons_without_mnemonic(dialog) == [], action
    dialog.reject()


def _open_dialog(window):
    from PySide6.QtWidgets import QDialog
    shown = [d for d in window.findChildren(QDialog) if d.isVisible()]
    return shown[-1] if shown else None


def test_right_click_on_a_misspelled_word_of_a_painted_turn_offers_fixes(window, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent

    from editor.core import ops
    model, view = window.model, window.view
    model.run(ops.set_text(model.transcript, 2, "Tell us about the new peir and when it opens."))
    window.names.spelling.ensure_speller()
    assert view.editor() is None
    word = view.word_rect(2, 5)          # "peir", painted, never clicked
    point = word.center()
    seen = []

    def read_menu():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(20, read_menu)
            return
        seen.extend(a.text() for a in menu.actions())
        menu.close()

    QTimer.singleShot(0, read_menu)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: bool(seen))
    assert "pier" in seen or "peer" in seen
    assert any(text.startswith("Ignore “peir”") for text in seen)
    assert view.editor() is not None and view.editor().row == 2


def _mnemonic_clashes(widget):
    """Letters that more than one visible button or label of *widget* claims (Alt+letter then
    cycles the focus between them instead of pressing the button)."""
    from PySide6.QtWidgets import QAbstractButton, QLabel
    from test_menu_mnemonics import mnemonic
    claimed = {}
    for child in widget.findChildren(QAbstractButton) + widget.findChildren(QLabel):
        letter = mnemonic(child.text()) if child.isVisible() else ""
        if letter:
            claimed.setdefault(letter, []).append(child.text())
    return {letter: texts for letter, texts in claimed.items() if len(texts) > 1}


@pytest.mark.parametrize("action", ["speakers", "glossary", "export", "go_to_time", "settings",
                                    "correct_everywhere", "publish", "shortcuts", "chapter_at_turn",
                                    "change_speaker"])
def test_no_two_dialog_buttons_share_a_mnemonic(window, qtbot, action):
    window.action_table[action].trigger()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None or _open_dialog(window) is not None)
    dialog = QApplication.activeModalWidget() or _open_dialog(window)
    qtbot.waitUntil(dialog.isVisible)
    assert _mnemonic_clashes(dialog) == {}, action
    dialog.reject()


def test_esc_in_the_transcript_closes_no_side_panel_and_in_a_panel_only_that_one(window, qtbot):
    window.action_table["markers_panel"].trigger()
    assert window.marks_dock.isVisible()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    _key(window, K.Key_Escape)                     # one panel open: its Esc was the window's
    assert window.marks_dock.isVisible()
    window.names.find.show_find()
    find_dock = window.names.find.dock
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    _key(window, K.Key_Escape)
    assert window.marks_dock.isVisible() and find_dock.isVisible()
    inside = window.marks_dock.widget()
    inside.setFocus()
    qtbot.waitUntil(lambda: window.marks_dock.isAncestorOf(QApplication.focusWidget()))
    QTest.keyClick(QApplication.focusWidget(), K.Key_Escape)
    qtbot.waitUntil(lambda: not window.marks_dock.isVisible())
    assert find_dock.isVisible()


def test_shift_enter_in_a_turn_is_no_find_previous(window, qtbot):
    """The find field's Shift+Enter (previous result) belongs to that field, not to the whole window."""
    window.names.find.show_find()
    panel = window.names.find.panel
    panel.set_find_text("the")
    qtbot.waitUntil(lambda: panel.results.rowCount() > 1)
    chosen = []
    panel.match_chosen.connect(lambda *args: chosen.append(args))
    window.view.open_editor(2, 3)
    qtbot.waitUntil(lambda: window.view.editor().hasFocus())
    _key(window, K.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert chosen == []
    QTest.keyClick(panel.find_edit, K.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(chosen) == 1)


def test_tab_goes_top_to_bottom_through_the_review_bar_then_every_transport_control(sample_window, qtbot):
    window = sample_window          # with audio: the transport buttons are enabled
    window.activateWindow()
    QTest.qWaitForWindowActive(window)
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    review = window.review_bar.focus_chain()
    transport = window.transport.focus_chain()
    reached = []
    for _ in range(len(review) + len(transport)):
        _key(window, K.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert reached == [*review, *transport]
    names = [w.accessibleName() for w in transport]
    assert names[:3] == ["Skip Back", "Play/Pause", "Skip Forward"] and names[-3:] == ["Position", "Speed", "Volume"]
