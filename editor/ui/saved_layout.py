"""The window's dock layout as saved between sessions (QMainWindow.saveState/restoreState).

The layout is the producer's: where the panels are docked and how big. The window's fixed bars
(the transport and review tool bars) are not part of it: the window shows them with the
transcript and hides them on the start page, whatever a saved layout says. A state saved on the
start page would otherwise record them hidden, and restoring it would hide them with a transcript
open, with nothing in the menus to bring them back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QToolBar


def save(window: QMainWindow, version: int, fixed_bars: Sequence[QToolBar]) -> bytes:
    """*window*'s layout, with *fixed_bars* recorded as shown (a start page hiding them is no choice
    of the producer's)."""
    hidden = [bar for bar in fixed_bars if bar.isHidden()]
    for bar in hidden:
        bar.setVisible(True)
    try:
        return bytes(window.saveState(version).data())
    finally:
        for bar in hidden:
            bar.setVisible(False)


def restore(window: QMainWindow, state: bytes, version: int, fixed_bars: Sequence[QToolBar]) -> bool:
    """Give *window* the saved *state* (False: none, or of another version); *fixed_bars* keep the
    visibility the window gave them, also over a state saved with them hidden."""
    if not state:
        return False
    shown = [not bar.isHidden() for bar in fixed_bars]
    restored = window.restoreState(QByteArray(state), version)
    for bar, visible in zip(fixed_bars, shown, strict=True):
        bar.setVisible(visible)
    return restored
