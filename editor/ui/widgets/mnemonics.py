"""Every dialog button gets a mnemonic (Alt+letter), so dialogs can be answered from the keyboard.

Qt's standard buttons ("OK", "Discard", "Close", ...) and many of ours come without
one. :class:`DialogMnemonics` watches dialogs being shown and gives each button
that has no ``&`` the first letter of its text not yet taken in that dialog
(the letters already claimed by labels and other buttons are kept). The dialog's answers
(the buttons of its button box: Publish, Close) choose first, then its other push buttons, then
its check boxes: "Podcasting 2.0 JSON" must not take the P of Publish.

It watches the window and the dialogs it sees, not the whole application: an application
event filter sees every event of every widget (thousands before the window's first paint),
and each widget Qt made itself that it is handed is looked up in PySide by trying every
widget class in turn, which makes ~100 classes and their enums (~40 ms of the start-up).
A dialog is polished just before it is first shown, and its parent hears of that
(``ChildPolished``): from then on the dialog is watched too, for its Show and its own dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QChildEvent, QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QLabel, QPushButton


def _mnemonic(text: str) -> str:
    """The letter after a single ``&`` in *text* ("" when none)."""
    at = 0
    while True:
        at = text.find("&", at)
        if at < 0 or at + 1 >= len(text):
            return ""
        if text[at + 1] != "&":
            return text[at + 1].lower()
        at += 2


def add_mnemonics(dialog: QDialog) -> None:
    """Give every visible button of *dialog* without a mnemonic one that is free in the dialog."""
    buttons = sorted((b for b in dialog.findChildren(QAbstractButton) if b.text()), key=_choosing_order)
    labels = dialog.findChildren(QLabel)
    taken = {_mnemonic(b.text()) for b in buttons} | {_mnemonic(label.text()) for label in labels}
    taken.discard("")
    for button in buttons:
        text = button.text()
        if _mnemonic(text):
            continue
        for index, char in enumerate(text):
            if char.isalnum() and char.lower() not in taken:
                button.setText(text[:index] + "&" + text[index:])
                taken.add(char.lower())
                break


def _choosing_order(button: QAbstractButton) -> int:
    """Who picks a letter first: the dialog's answers, its other push buttons, its check boxes."""
    if isinstance(button.parent(), QDialogButtonBox):
        return 0
    return 1 if isinstance(button, QPushButton) else 2


class DialogMnemonics(QObject):
    """An event filter on a window (:meth:`watch`): its dialogs, and theirs, get their mnemonics as they
    are shown."""

    def watch(self, window: QObject) -> None:
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ChildPolished and isinstance(event, QChildEvent):
            child = event.child()
            if isinstance(child, QDialog):
                child.installEventFilter(self)   # before its first Show (installing twice keeps one)
        elif kind == QEvent.Type.Show and isinstance(watched, QDialog):
            add_mnemonics(watched)
        return False
