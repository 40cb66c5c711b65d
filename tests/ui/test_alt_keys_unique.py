"""Alt+letter keys reach one thing: a button's underlined letter that is also a menu's, or an action's
Alt shortcut, makes Qt call the key ambiguous and do neither (Change Speaker, Alt+S, did nothing
while the Glossary Suggestions panel showed its "Scan again" button)."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel
from window_helpers import SAMPLE_TXT, press

from editor.ui.names.find_panel import FindPanel


def _underlined(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).upper() if found else None


def _alt_keys(window) -> dict[str, list[str]]:
    """Alt+letter -> what on screen takes it: menus, visible buttons and labels, actions."""
    keys: dict[str, list[str]] = defaultdict(list)
    for action in window.menuBar().actions():
        if letter := _underlined(action.text()):
            keys[letter].append(f"menu {action.text()!r}")
    for widget in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        shown = widget.isVisibleTo(window) and (not isinstance(widget, QLabel) or widget.buddy() is not None)
        if shown and (letter := _underlined(widget.text())):
            keys[letter].append(f"{type(widget).__name__} {widget.text()!r}")
    table = window.action_table
    for name in table.names():
        for sequence in table[name].shortcuts():
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if re.fullmatch(r"Alt\+[A-Z]", text):
                keys[text[-1]].append(f"action {name}")
    return keys


def _show_suggestions(window) -> None:
    shown = window.action_table["show_suggestions"]
    if not shown.isChecked():
        shown.trigger()


def test_no_alt_key_is_taken_twice_with_the_panels_and_find_bar_open(main_window, qtbot):
    assert main_window.open_path(str(SAMPLE_TXT))
    _show_suggestions(main_window)
    main_window.action_table["find"].trigger()
    qtbot.waitUntil(lambda: any(p.isVisible() for p in main_window.findChildren(FindPanel)), timeout=5000)
    clashes = {key: what for key, what in _alt_keys(main_window).items() if len(what) > 1}
    assert clashes == {}


def test_no_alt_key_is_taken_twice_in_replace_mode_with_the_panels_open(main_window, qtbot):
    assert main_window.open_path(str(SAMPLE_TXT))
    _show_suggestions(main_window)
    main_window.action_table["replace"].trigger()
    qtbot.waitUntil(lambda: any(p.isVisible() and p.replace_edit.isVisible()
                                for p in main_window.findChildren(FindPanel)), timeout=5000)
    clashes = {key: what for key, what in _alt_keys(main_window).items() if len(what) > 1}
    assert clashes == {}


def test_alt_s_changes_the_speaker_while_the_glossary_suggestions_show(main_window, qtbot):
    assert main_window.open_path(str(SAMPLE_TXT))
    _show_suggestions(main_window)
    assert any(b.isVisible() and b.text().replace("&", "") == "Scan again"
               for b in main_window.findChildren(QAbstractButton))
    main_window.view.set_current_turn(0)
    press(main_window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QDialog), timeout=5000)
    picker = QApplication.activeModalWidget()
    assert "speaker" in picker.windowTitle().lower()
    picker.reject()
