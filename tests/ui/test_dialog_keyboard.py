"""Dialogs answered from the keyboard: Enter presses the dialog's own action, never a button beside
a field (Edit List…, Browse…), and a dialog's answers (Publish, Close) keep their first letter as
their Alt+letter: a check box ("Podcasting 2.0 JSON") never takes it from them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
)
from test_menu_mnemonics import mnemonic


@pytest.fixture
def window(active_review_window):
    return active_review_window


def _open(window, qtbot, action: str) -> QDialog:
    window.action_table[action].trigger()

    def shown() -> QDialog | None:
        dialogs = [d for d in window.findChildren(QDialog) if d.isVisible()]
        return QApplication.activeModalWidget() or (dialogs[-1] if dialogs else None)
    qtbot.waitUntil(lambda: shown() is not None)
    dialog = shown()
    assert isinstance(dialog, QDialog)
    return dialog


def _visible_text(button: QAbstractButton) -> str:
    return button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


# The button Enter presses in each dialog (what the dialog is for).
DEFAULTS = {"publish": "Publish", "export": "Export", "correct_everywhere": "Apply ticked",
            "glossary": "Save", "go_to_time": "OK", "settings": "OK", "speakers": "Rename",
            "shortcuts": "Close", "shift_times": "Shift"}


@pytest.mark.parametrize("action", sorted(DEFAULTS))
def test_enter_presses_the_button_the_dialog_is_for(window, qtbot, action):
    dialog = _open(window, qtbot, action)
    try:
        defaults = [_visible_text(b) for b in dialog.findChildren(QPushButton) if b.isDefault() and b.isVisible()]
        assert len(defaults) == 1 and defaults[0].startswith(DEFAULTS[action]), (action, defaults)
    finally:
        dialog.reject()


@pytest.mark.parametrize("action", sorted(DEFAULTS))
def test_a_dialogs_answers_keep_their_first_letter(window, qtbot, action):
    dialog = _open(window, qtbot, action)
    try:
        answers = [b for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons() if b.isVisible()]
        labels = {mnemonic(label.text()) for label in dialog.findChildren(QLabel) if label.isVisible()}
        taken = set(labels)
        for answer in answers:
            first = _visible_text(answer)[0].lower()
            if first not in taken:     # else an earlier answer or a label of the dialog's own has it
                assert mnemonic(answer.text()) == first, (action, answer.text())
            taken.add(mnemonic(answer.text()))
    finally:
        dialog.reject()


def test_enter_and_alt_p_publish_and_leave_the_formats_as_ticked(window, qtbot, tmp_path):
    dialog = _open(window, qtbot, "publish")
    ticked = dialog.formats()
    dialog.folder.setText(str(tmp_path / "site"))
    dialog.activateWindow()
    QTest.qWaitForWindowActive(dialog)
    dialog.format_checks["json"].setFocus()          # the keyboard user's focus: a format's check box
    qtbot.waitUntil(dialog.format_checks["json"].hasFocus)
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.last_published is not None and dialog.worker is None, timeout=10_000)
    assert (tmp_path / "site").is_dir() and dialog.formats() == ticked
    dialog.last_published = None
    dialog.folder.setText(str(tmp_path / "again"))
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.last_published is not None and dialog.worker is None, timeout=10_000)
    assert (tmp_path / "again").is_dir() and dialog.formats() == ticked
    dialog.reject()


def test_the_export_forms_labels_have_alt_letters_of_their_own_that_go_to_their_fields(window, qtbot):
    dialog = _open(window, qtbot, "export")
    try:
        form = dialog.findChild(QFormLayout)
        items = [form.itemAt(r, QFormLayout.ItemRole.LabelRole) for r in range(form.rowCount())]
        labels = [i.widget() for i in items if i is not None and isinstance(i.widget(), QLabel) and i.widget().text()]
        assert [label.text().replace("&", "") for label in labels][:2] == ["Format:", "Inaudible:"]
        letters = [mnemonic(label.text()) for label in labels]
        assert all(letters), [label.text() for label in labels]
        buttons = [mnemonic(b.text()) for b in dialog.findChildren(QAbstractButton) if mnemonic(b.text())]
        assert len(set(letters + buttons)) == len(letters + buttons), (letters, buttons)
        for label in labels:   # the buddy is the control itself, one the keyboard can be in
            buddy = label.buddy()
            assert buddy is not None and buddy.focusPolicy() & Qt.FocusPolicy.TabFocus, label.text()
        dialog.activateWindow()
        QTest.qWaitForWindowActive(dialog)
        for label in labels:
            if label.buddy().isEnabled():
                key = Qt.Key(ord(mnemonic(label.text()).upper()))
                QTest.keyClick(dialog.windowHandle(), key, Qt.KeyboardModifier.AltModifier)
                qtbot.waitUntil(label.buddy().hasFocus)
    finally:
        dialog.reject()
