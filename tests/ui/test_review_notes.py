"""Flags and notes show on the turn itself: a marker in the header, the note as its tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from review_helpers import close_review_window, open_review_window

from editor.ui import theme


def test_a_flagged_turn_shows_its_note_marker_and_tooltip(qtbot, tmp_path):
    window = open_review_window(qtbot, tmp_path)
    try:
        view = window.view
        assert window.review.flag("Is it Okafor or Okafo?", 2)
        badges = view.badge_rects(2)
        assert list(badges) == ["note", "status"]
        assert view.badge_rects(1) == {}                      # no note, no marker
        # The marker is painted, in the note colour, where the view says it is.
        view.viewport().repaint()
        image = view.viewport().grab(badges["note"]).toImage()
        colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
        assert theme.NOTE_MARKER.on(view.palette()).name() in colours
        # Hovering the marker (or the flag) shows the note.
        for kind in ("note", "status"):
            QToolTip.hideText()
            point = badges[kind].center()
            QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point,
                                                               view.viewport().mapToGlobal(point)))
            qtbot.waitUntil(QToolTip.isVisible)
            assert QToolTip.text() == "Note: Is it Okafor or Okafo?"
    finally:
        QToolTip.hideText()
        close_review_window(window)
