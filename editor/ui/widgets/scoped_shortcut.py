"""A QShortcut that keeps the context it is given.

PySide6's ``QShortcut(keys, parent, callable, context)`` drops the context and makes a
window-wide shortcut (``WindowShortcut``): a side panel's Esc then closed the panel from
anywhere in the window (the transcript too), and two panels' Esc made Esc ambiguous, so
neither closed. The context is set after the shortcut is made, where it holds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def scoped_shortcut(keys: QKeySequence, parent: QWidget, slot: Callable[[], object],
                    context: Qt.ShortcutContext) -> QShortcut:
    """A shortcut for *keys* on *parent* that calls *slot* only in *context*."""
    shortcut = QShortcut(keys, parent)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    return shortcut
