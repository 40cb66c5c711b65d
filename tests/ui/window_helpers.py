"""Shared helpers for the window tests (imported by path: tests have no __init__.py)."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TXT = ROOT / "resources" / "sample" / "sample-episode.txt"
SAMPLE_AUDIO = ROOT / "resources" / "sample" / "sample-episode.ogg"


def press(window, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A real key press through the window system, so shortcuts are matched like a user's keys."""
    if not window.isActiveWindow():   # e.g. just after a dialog closed
        window.activateWindow()
        QTest.qWaitForWindowActive(window)
    QTest.keyClick(window.windowHandle(), key, modifiers)


def click(widget, pos: QPoint, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, modifiers, pos)


def named(parent, kind, name: str):
    """The one widget of class *kind* inside *parent* that screen readers know by *name* (its
    accessible name): a test finds a field as a user of assistive technology would."""
    found = [widget for widget in parent.findChildren(kind) if widget.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} {kind.__name__} named {name!r} in {parent!r}"
    return found[0]


def panel_dock(window, title: str):
    """The dock of the panel titled *title* (None until the panel is first made)."""
    from PySide6.QtWidgets import QDockWidget
    return window.findChild(QDockWidget, title)


def choose(box, data) -> None:
    """Pick the item of combo box *box* that stands for *data*, as a user picks it from the list."""
    at = box.findData(data)
    assert at >= 0, f"{data!r} is not offered in {box.accessibleName()!r}"
    box.setCurrentIndex(at)


def last_opened(window, kind):
    """The dialog of class *kind* opened last in *window* (or over one of its dialogs): the one on top.
    The window keeps no reference to the dialogs it opens; they are its children while open."""
    found = window.findChildren(kind)
    assert found, f"no {kind.__name__} is open"
    return found[-1]


def open_export(window, qtbot):
    """File ▸ Export in *window*: the dialog, once it is shown."""
    from editor.ui.publishing.export_dialog import ExportDialog
    window.action_table["export"].trigger()
    dialog = last_opened(window, ExportDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


@contextmanager
def style_with_button_icons():
    """The application's style as most Linux desktops have it: icons on a dialog's standard buttons
    (the offscreen platform's Fusion shows none)."""
    from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle

    class ButtonIcons(QProxyStyle):
        def styleHint(self, hint, option=None, widget=None, returnData=None):
            if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
                return 1
            return super().styleHint(hint, option, widget, returnData)

    before = QApplication.style().name()
    QApplication.setStyle(ButtonIcons(before))
    try:
        yield
    finally:
        QApplication.setStyle(before)


def wait_listed(qtbot, dialog, timeout: int = 10_000) -> None:
    """Wait for Correct Everywhere to list the places its search (on a worker thread) finds: its
    summary stops saying it is "Looking for" the phrase. (A correction's "Corrected 3 places." is
    said over the search that follows it: wait for that list on the table's modelReset instead.)"""
    qtbot.waitUntil(lambda: not dialog.summary.text().startswith("Looking for"), timeout=timeout)


def rows_on_screen(view) -> list[int]:
    """The rows of transcript view *view* that its viewport shows (any part of them), top to bottom:
    what a reader sees, from where the view draws each row."""
    if view.model() is None or not view.model().rowCount():
        return []
    shown = view.viewport().rect()
    return [row for row in range(view.row_at(0), view.row_at(shown.height() - 1) + 1)
            if view.row_rect(row).intersects(shown)]


def bar_buttons(bar) -> list[str]:
    """The texts of the buttons message bar *bar* offers (those not hidden), in the bar's order."""
    from PySide6.QtWidgets import QPushButton
    return [button.text() for button in bar.findChildren(QPushButton) if not button.isHidden()]


def bar_button(bar, text: str):
    """The button message bar *bar* offers with *text* on it, as a user finds it to click."""
    from PySide6.QtWidgets import QPushButton
    found = [button for button in bar.findChildren(QPushButton) if not button.isHidden() and button.text() == text]
    assert len(found) == 1, f"the bar offers {bar_buttons(bar)}, not {text!r}"
    return found[0]


def shown_view(qtbot, model):
    """A transcript view of *model* alone, 700 × 500, shown and exposed (its rows laid out as on screen)."""
    from editor.ui.document.transcript_view import TranscriptView

    view = TranscriptView()
    qtbot.addWidget(view)
    view.resize(700, 500)
    view.set_model(model)
    view.show()
    qtbot.waitExposed(view)
    return view
