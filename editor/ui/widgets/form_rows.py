"""Form pieces the export and publish dialogs both use: a label whose Alt+letter goes to its field, a
field with a button after it, a path with Browse…, and a read-only text in the fixed font (preview,
feed tags)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget


def buddy_label(text: str, field: QWidget) -> QLabel:
    """A form label whose mnemonic (the letter after "&" in *text*) puts the keyboard in *field*: the
    control itself, also where the form row holds it with a button beside it."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def with_button(widget: QWidget, text: str, slot: Callable[[], None]) -> QWidget:
    """*widget* with a small button after it on one form row."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)
    button = QPushButton(text)
    button.clicked.connect(slot)
    layout.addWidget(button)
    layout.addStretch(1)
    return row


def path_row(edit: QLineEdit, on_browse: Callable[[], None]) -> QHBoxLayout:
    """*edit* (taking the room) with a Browse… button after it that calls *on_browse*."""
    row = QHBoxLayout()
    browse = QPushButton("Browse…")
    browse.clicked.connect(on_browse)
    row.addWidget(edit, 1)
    row.addWidget(browse)
    return row


def read_only_text(accessible_name: str, wrap: QPlainTextEdit.LineWrapMode) -> QPlainTextEdit:
    """A read-only text in the system's fixed font, for output shown as it will be written."""
    text = QPlainTextEdit()
    text.setReadOnly(True)
    text.setAccessibleName(accessible_name)
    text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    text.setLineWrapMode(wrap)
    return text
