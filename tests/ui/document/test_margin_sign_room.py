"""The left margin is as wide as its sign needs: the "?" of a doubted turn stands clear of the ring of
the turn in hand on its left and of the speaker's bar on its right, at any font size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from editor.core.transcript import Segment
from editor.ui.document.turn_painter import TurnPainter

WIDTH, HEIGHT = 500, 140


def _painted(turns: TurnPainter, marker: str | None, in_hand: bool) -> QImage:
    palette = QApplication.palette()
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(palette.base().color())
    painter = QPainter(image)
    segment = Segment("s1", 0, 1000, "Those lines were never in the log.", "spk1")
    turns.paint(painter, QRect(0, 0, WIDTH, HEIGHT), 0, segment, "Maya", 0, False, None, palette,
                marker=marker, in_hand=in_hand, focused=True)
    painter.end()
    return image


def _changed_columns(a: QImage, b: QImage, rows: range, columns: range) -> set[int]:
    return {x for x in columns for y in rows if a.pixelColor(x, y) != b.pixelColor(x, y)}


@pytest.mark.parametrize("points", [None, 18.0])
def test_the_margin_sign_has_room_between_the_ring_and_the_speaker_bar(qapp, points):
    font = QApplication.font()
    if points:
        font.setPointSizeF(points)
    turns = TurnPainter(font)
    plain = _painted(turns, None, in_hand=False)
    signed = _painted(turns, "?", in_hand=False)
    ringed = _painted(turns, None, in_hand=True)
    text_x = int(turns.text_origin().x())
    ink_rows = [y for y in range(HEIGHT) if _changed_columns(plain, signed, range(y, y + 1), range(text_x))]
    assert ink_rows, "the sign is painted"
    rows = range(min(ink_rows), max(ink_rows) + 1)
    ink = _changed_columns(plain, signed, rows, range(text_x))
    ring = _changed_columns(plain, ringed, rows, range(text_x))
    background = QApplication.palette().base().color()
    bar = {x for x in range(text_x) if plain.pixelColor(x, rows.start) != background}
    assert ring and bar
    assert max(ring) + 1 < min(ink), f"the ring {sorted(ring)} touches the sign {sorted(ink)}"
    assert max(ink) + 1 < min(bar), f"the sign {sorted(ink)} touches the speaker bar {sorted(bar)}"
