"""The margin marker ("?" beside a turn the audio doubts) stays readable on the turn in hand.

A walk to a suspect makes its turn the one the keys act on, and that turn gets a ring drawn
just inside its edge, through the narrow margin where the marker sits: the marker is the
non-colour cue of a suspect, so the ring must not cross it out.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QImage, QPainter
from PySide6.QtWidgets import QApplication

from editor.core.transcript import Segment
from editor.ui.document.turn_painter import TurnPainter

WIDTH, HEIGHT = 500, 90


def _painted(turns: TurnPainter, segment: Segment, current: bool, in_hand: bool, focused: bool) -> QImage:
    palette = QApplication.palette()
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(palette.base().color())
    painter = QPainter(image)
    turns.paint(painter, QRect(0, 0, WIDTH, HEIGHT), 0, segment, "Maya", 0, current, None, palette,
                marker="?", in_hand=in_hand, focused=focused)
    painter.end()
    return image


def _marker_glyph(turns: TurnPainter) -> QRect:
    """Where the "?" glyph's ink lies (image coordinates), as _paint_marker centres it."""
    box = turns.marker_box()
    return QFontMetrics(turns.time_font).boundingRect(box, int(Qt.AlignmentFlag.AlignCenter), "?")


def test_the_ring_of_the_turn_in_hand_does_not_cross_the_margin_marker(qapp):
    turns = TurnPainter(QApplication.font())
    segment = Segment("s1", 0, 1000, "She spent ten years at the BSA before she ran.", "spk1")
    glyph = _marker_glyph(turns)
    for current in (False, True):
        plain = _painted(turns, segment, current, in_hand=False, focused=False)
        for focused in (False, True):
            ringed = _painted(turns, segment, current, in_hand=True, focused=focused)
            differ = [(x, y) for x in range(glyph.left(), glyph.right() + 1)
                      for y in range(glyph.top(), glyph.bottom() + 1)
                      if ringed.pixelColor(x, y) != plain.pixelColor(x, y)]
            assert not differ, f"current={current} focused={focused}: the ring crosses the marker at {differ[:5]}"
    # ...and the ring is drawn (beside the marker, above and below it).
    ringed = _painted(turns, segment, False, in_hand=True, focused=True)
    plain = _painted(turns, segment, False, in_hand=False, focused=False)
    column = [y for y in range(HEIGHT) if ringed.pixelColor(3, y) != plain.pixelColor(3, y)]
    assert any(y < glyph.top() for y in column) and any(y > glyph.bottom() for y in column)
