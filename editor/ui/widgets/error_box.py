"""The message box that says something failed: a headline, then the details (file, line/byte, problem)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QGridLayout, QMessageBox, QSizePolicy, QSpacerItem, QWidget

MIN_WIDTH = 440     # a path and its problem on a line or two, not a narrow column of words


def error_box(parent: QWidget, headline: str, details: str) -> QMessageBox:
    """A warning box (not shown yet) saying *headline* with *details* under it.

    The window title is the application's name: the window manager's title bar of a box this
    size cut a headline there ("Could not o… e transcript"), and the headline is the box's first line.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, QApplication.applicationName(), f"{headline}.",
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(details)
    # QMessageBox fixes its size from its text when shown: a spacer across its grid is a width it keeps.
    layout = box.layout()
    if isinstance(layout, QGridLayout):
        layout.addItem(QSpacerItem(MIN_WIDTH, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum),
                       layout.rowCount(), 0, 1, layout.columnCount())
    return box
