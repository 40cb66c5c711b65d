"""Spelling underlines and low-confidence shading for turns painted by the view (not being edited).

The turn being edited gets these from its ``QSyntaxHighlighter``; the other turns are drawn
from a cached ``QTextLayout`` by :class:`~editor.ui.document.turn_painter.TurnPainter`, which asks a
decorator for extra format ranges. :class:`TurnDecorations` is that decorator. It is called
only for rows being painted, and keeps each row's ranges until that row's text, marks or
words change (checked by identity: the model replaces those objects on every edit), so a
playback tick that repaints a row costs a dict look-up, and an edit re-checks one row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QTextCharFormat

from editor.core.confidence import DEFAULT_THRESHOLD, segment_low_words
from editor.core.transcript import Segment

if TYPE_CHECKING:   # the dictionary's module loads with the first transcript, not at startup
    from editor.core.spelling import Speller

_CACHE_LIMIT = 2000   # rows; a screenful is a few dozen, so this is many scrolls' worth

MISSPELT = QTextCharFormat()
MISSPELT.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
MISSPELT.setUnderlineColor(QColor("#d0342c"))
LOW_CONFIDENCE = QTextCharFormat()
LOW_CONFIDENCE.setBackground(QColor(255, 200, 60, 90))   # the same amber as the editor's shading


class TurnDecorations:
    """``(start, end, format)`` ranges for one painted row, cached per row."""

    def __init__(self):
        self.speller: Speller | None = None          # None until the dictionary has loaded
        self.shade_low_confidence = False
        self.threshold = DEFAULT_THRESHOLD
        self._cache: dict[int, tuple[str, object, object, list]] = {}

    def set_speller(self, speller: Speller | None) -> None:
        self.speller = speller
        self.forget()

    def set_shading(self, on: bool, threshold: float | None = None) -> None:
        self.shade_low_confidence = on
        if threshold is not None:
            self.threshold = threshold
        self.forget()

    def forget(self) -> None:
        """Drop every row's ranges (the speller's word lists or the shading changed)."""
        self._cache.clear()

    def __call__(self, row: int, segment: Segment) -> list[tuple[int, int, QTextCharFormat]]:
        cached = self._cache.get(row)
        if cached is not None and cached[0] is segment.text and cached[1] is segment.marks \
                and cached[2] is segment.words:
            return cached[3]
        ranges = self.compute(row, segment)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[row] = (segment.text, segment.marks, segment.words, ranges)
        return ranges

    def compute(self, row: int, segment: Segment) -> list[tuple[int, int, QTextCharFormat]]:
        ranges = []
        if self.shade_low_confidence:
            ranges += [(w.start, w.end, LOW_CONFIDENCE)
                       for w in segment_low_words(segment, row, self.threshold) if w.start >= 0]
        if self.speller is not None:
            ranges += [(m.start, m.end, MISSPELT) for m in self.speller.check_segment(segment)]
        return ranges
