"""A long turn where nearly every word is underlined (a German turn spell-checked against English):
its decorations are drawn with its text, one pass over the lines in view, and look the same
through the view's clip as painted whole."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QTextCharFormat
from PySide6.QtWidgets import QApplication

from editor.core.transcript import Segment
from editor.ui.document.turn_decorations import low_confidence_format, misspelt_format
from editor.ui.document.turn_painter import TurnPainter

WIDTH, HEIGHT = 900, 400
_WORDS = "dass wir über den Hafen und die langen Winternächte draußen auf dem Wasser gesprochen haben"


def _turn(words: int) -> tuple[Segment, list[tuple[int, int, QTextCharFormat]]]:
    vocabulary = _WORDS.split()
    text = " ".join(vocabulary[i % len(vocabulary)] for i in range(words))
    decorations, start = [], 0
    for i, word in enumerate(text.split(" ")):
        decorations.append((start, start + len(word), misspelt_format()))
        if i % 9 == 0:    # some words shaded as well, over their underline
            decorations.append((start, start + len(word), low_confidence_format()))
        start += len(word) + 1
    return Segment("s1", 0, 1000, text, None), decorations


def _paint(painter: TurnPainter, segment: Segment, decorations, top: int, clipped: bool) -> QImage:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    qp = QPainter(image)
    if clipped:
        qp.setClipRect(QRect(0, 0, WIDTH, HEIGHT))
    height = painter.exact_height(0, segment.text, WIDTH, segment.marks)
    painter.paint(qp, QRect(0, top, WIDTH, height), 0, segment, "Gast", 0, False, (6, 9),
                  QApplication.palette(), extra=list(decorations))
    qp.end()
    return image


def _underline_pixels(image: QImage) -> int:
    """Pixels of the red wave (antialiased: red over white, not the amber shading nor the text)."""
    pixels = np.frombuffer(bytes(image.constBits()), dtype=np.uint8).reshape(-1, 4).astype(int)
    b, g, r = pixels[:, 0], pixels[:, 1], pixels[:, 2]      # ARGB32 is B, G, R, A in memory here
    return int(np.count_nonzero((r - g > 60) & (r - b > 60) & (abs(g - b) < 25)))


def test_a_turn_underlined_throughout_paints_the_same_through_the_views_clip_as_whole(qapp):
    segment, decorations = _turn(2_000)
    for top in (0, -600, -1000):
        whole = _paint(TurnPainter(QFont()), segment, decorations, top, clipped=False)
        clipped = _paint(TurnPainter(QFont()), segment, decorations, top, clipped=True)
        assert clipped == whole
        assert _underline_pixels(clipped) > 1000     # the underlines are there, line after line


def test_the_decorations_are_laid_out_with_the_text_and_its_glyphs_kept_between_paints(qapp):
    """Drawn as format ranges over the text, each decoration cost a pass over the lines in view
    (seconds a paint for a screenful), and each paint shaped the whole turn again."""
    segment, decorations = _turn(2_000)
    painter = TurnPainter(QFont())
    _paint(painter, segment, decorations, -700, clipped=True)
    layout = painter._layout(0, segment.text, WIDTH, segment.marks).layout
    assert layout.cacheEnabled()
    laid_out = {(r.start, r.length) for r in layout.formats()}
    assert {(s, e - s) for s, e, _f in decorations} <= laid_out


def test_changed_decorations_are_painted_and_hit_testing_stays_where_the_words_are(qapp):
    segment, decorations = _turn(600)
    painter = TurnPainter(QFont())
    word = segment.text.index("Winternächte", 2000)
    before = painter.char_rect(0, segment.text, WIDTH, word)
    _paint(painter, segment, decorations, -300, clipped=True)
    assert painter.char_rect(0, segment.text, WIDTH, word) == before
    fewer = decorations[::2]
    again = _paint(painter, segment, fewer, -300, clipped=True)
    assert again == _paint(TurnPainter(QFont()), segment, fewer, -300, clipped=True)
    assert again != _paint(TurnPainter(QFont()), segment, decorations, -300, clipped=True)
    none = _paint(painter, segment, [], -300, clipped=True)
    assert _underline_pixels(none) == 0 and _underline_pixels(again) > 0
