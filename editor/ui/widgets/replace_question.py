"""Asking before files are replaced: one window-modal question, Cancel by default.

Export and Publish both ask it; the box is opened, not run, so the dialog's own event loop goes
on (the producer answers it like any other window).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QStyle, QWidget

from editor.ui.widgets.button_icons import with_style_icon


def ask_to_replace(parent: QWidget, title: str, text: str, answered: Callable[[bool], None]) -> None:
    """Open the question over *parent*; *answered* gets True when the producer chose Replace.
    The box is *parent*'s child (deleted with it) and deletes itself once answered."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    replace = with_style_icon(box.addButton("&Replace", QMessageBox.ButtonRole.DestructiveRole),
                              QStyle.StandardPixmap.SP_DialogSaveButton)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.finished.connect(lambda _result: answered(box.clickedButton() is replace))
    box.open()
