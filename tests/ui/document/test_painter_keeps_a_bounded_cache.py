"""The painter keeps the layouts of the turns it painted last, up to a budget of characters: a
follow through a long episode of long turns (each keeping its shaped glyphs) no longer keeps a
layout of every turn painted, and a turn dropped from the cache paints as before when it is
painted again."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from editor.core.transcript import Segment
from editor.ui.document import turn_painter
from editor.ui.document.turn_painter import TurnPainter

WIDTH, HEIGHT = 900, 500
_SENTENCE = "the harbour master said the boats would not go out again until the storm had passed"


def _turns(count: int, length: int) -> list[Segment]:
    """*count* turns of *length* words each."""
    words = _SENTENCE.split()
    return [Segment(f"s{row}", row * 1000, row * 1000 + 900,
                    " ".join(words[(row + i) % len(words)] for i in range(length)), None) for row in range(count)]


def _paint(painter: TurnPainter, row: int, segment: Segment) -> np.ndarray:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    qp = QPainter(image)
    height = painter.exact_height(row, segment.text, WIDTH)
    painter.paint(qp, QRect(0, 0, WIDTH, height), row, segment, "Host", 0, True, (0, 4), QApplication.palette(),
                  extra=[])
    qp.end()
    bits = image.constBits()
    return np.frombuffer(bits, np.uint8, image.sizeInBytes()).copy()


def test_the_painter_keeps_the_last_turns_painted_within_its_budget(qtbot):
    painter = TurnPainter(QFont())
    turns = _turns(120, 800)       # about 4,000 characters a turn, glyphs kept: 480,000 in all
    assert all(len(t.text) > turn_painter.KEEP_GLYPHS_FROM for t in turns)
    first = _paint(painter, 0, turns[0])
    for row, turn in enumerate(turns[1:], 1):
        _paint(painter, row, turn)
        assert painter.laid_out_characters <= turn_painter.CACHE_CHARS
    assert painter.laid_out_characters > turn_painter.CACHE_CHARS - 2 * len(turns[-1].text)   # nearly full
    # The turn painted first was dropped; laid out again, it looks as it did.
    assert np.array_equal(_paint(painter, 0, turns[0]), first)
    assert painter.laid_out_characters <= turn_painter.CACHE_CHARS


def test_the_longest_row_is_kept_while_it_is_painted_and_forgetting_empties_the_cache(qtbot):
    painter = TurnPainter(QFont())
    huge = _turns(1, 90_000)[0]      # about 450,000 characters: its first LAYOUT_LIMIT laid out
    _paint(painter, 0, huge)
    assert turn_painter.LAYOUT_LIMIT < painter.laid_out_characters <= turn_painter.CACHE_CHARS
    painter.forget()
    assert painter.laid_out_characters == 0
