"""The message boxes a window shows, found as the producer sees them: a visible QMessageBox with its
title or text, over the window (or dialog) that opened it, answered by clicking one of its buttons.

The window keeps no reference to its boxes (none is needed once a box is open: its answer arrives
through ``finished``), so tests look for them among Qt's top-level widgets. Every box is opened
with ``open()`` (window-modal, not blocking), so a test finds it after the call that opened it
returns; :func:`wait_for_box` waits on the condition for the boxes opened a little later (after a
worker's read, on a queued signal).
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox, QWidget

BOX_TIMEOUT_MS = 5000   # a hang guard: boxes open within an event-loop turn or two of their cause


def shown_boxes(over: QWidget | None = None) -> list[QMessageBox]:
    """The message boxes on screen (opened over *over*, when given)."""
    return [widget for widget in QApplication.topLevelWidgets()
            if isinstance(widget, QMessageBox) and widget.isVisible()
            and (over is None or widget.parentWidget() is over)]


def _says(box: QMessageBox, words: str | tuple[str, ...]) -> bool:
    wanted = (words,) if isinstance(words, str) else words
    return any(word in box.windowTitle() or word in box.text() for word in wanted)


def shown_box(words: str | tuple[str, ...], over: QWidget | None = None) -> QMessageBox | None:
    """The box on screen whose title or text holds *words* (any of them, when several), or None.
    Two such boxes at once would be a box asked twice: an error here."""
    found = [box for box in shown_boxes(over) if _says(box, words)]
    assert len(found) <= 1, f"{len(found)} boxes shown at once: {[box.text() for box in found]}"
    return found[0] if found else None


def wait_for_box(qtbot, words: str | tuple[str, ...], over: QWidget | None = None,
                 timeout: int = BOX_TIMEOUT_MS) -> QMessageBox:
    """The box whose title or text holds *words*, once it is on screen."""
    qtbot.waitUntil(lambda: shown_box(words, over) is not None, timeout=timeout)
    box = shown_box(words, over)
    assert box is not None
    return box


def wait_for_no_box(qtbot, words: str | tuple[str, ...], over: QWidget | None = None,
                    timeout: int = BOX_TIMEOUT_MS) -> None:
    """Until no box whose title or text holds *words* is on screen (it was answered)."""
    qtbot.waitUntil(lambda: shown_box(words, over) is None, timeout=timeout)


def button(box: QMessageBox, label: str) -> QAbstractButton:
    """The box's button reading *label* (its Alt+letter's ``&`` left out)."""
    return next(b for b in box.buttons() if b.text().replace("&", "") == label)


def shown_error(over: QWidget) -> tuple[str, str] | None:
    """The error box over *over* (``editor.ui.widgets.error_box``: the application's name as its
    title) as (headline, details), or None when none is shown."""
    errors = [box for box in shown_boxes(over) if box.windowTitle() == QApplication.applicationName()
              and box.icon() == QMessageBox.Icon.Warning]
    assert len(errors) <= 1, f"{len(errors)} error boxes shown at once: {[box.text() for box in errors]}"
    if not errors:
        return None
    return errors[0].text().removesuffix("."), errors[0].informativeText()


def wait_for_error(qtbot, over: QWidget, timeout: int = BOX_TIMEOUT_MS) -> tuple[str, str]:
    """(headline, details) of the error box over *over*, once it is on screen."""
    qtbot.waitUntil(lambda: shown_error(over) is not None, timeout=timeout)
    error = shown_error(over)
    assert error is not None
    return error
