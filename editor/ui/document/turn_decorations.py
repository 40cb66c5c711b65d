"""Spelling underlines and low-confidence shading for turns painted by the view (not being edited).

The turn being edited gets these from its ``QSyntaxHighlighter``; the other turns are drawn
from a cached ``QTextLayout`` by :class:`~editor.ui.document.turn_painter.TurnPainter`, which asks a
decorator for extra format ranges. :class:`TurnDecorations` is that decorator. It is called
only for rows being painted, and keeps each row's ranges until that row's text, marks or
words change (checked by identity: the model replaces those objects on every edit) or the palette
turns light or dark (the formats carry its colours), so a playback tick that repaints a row costs
a dict look-up, and an edit re-checks one row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCharFormat

from editor.core.confidence import DEFAULT_THRESHOLD, segment_low_words
from editor.core.transcript import Segment
from editor.ui import theme
from editor.ui.document.turn_painter import LAYOUT_LIMIT

if TYPE_CHECKING:   # the dictionary's module loads with the first transcript, not at startup
    from editor.core.spelling import Speller

_CACHE_LIMIT = 2000   # rows; a screenful is a few dozen, so this is many scrolls' worth

_FORMATS: dict[tuple[str, bool], QTextCharFormat] = {}   # one shared format per kind and light/dark


def misspelt_format() -> QTextCharFormat:
    """The red wavy underline of an unknown word (for the light or dark palette in effect)."""
    dark = theme.is_dark()
    fmt = _FORMATS.get(("misspelt", dark))
    if fmt is None:
        fmt = _FORMATS["misspelt", dark] = QTextCharFormat()
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(theme.MISSPELT_UNDERLINE.on())
    return fmt


def low_confidence_format() -> QTextCharFormat:
    """The amber shading of a low-confidence word (the same in the editor and the painted turns)."""
    dark = theme.is_dark()
    fmt = _FORMATS.get(("low", dark))
    if fmt is None:
        fmt = _FORMATS["low", dark] = QTextCharFormat()
        fmt.setBackground(theme.LOW_CONFIDENCE_BG.on())
    return fmt


class TurnDecorations:
    """``(start, end, format)`` ranges for one painted row, cached per row."""

    def __init__(self):
        self.speller: Speller | None = None          # None until the dictionary has loaded
        self.shade_low_confidence = False
        self.threshold = DEFAULT_THRESHOLD
        # row -> (text, marks, words, dark, ranges): the formats are the light or the dark palette's
        self._cache: dict[int, tuple[str, object, object, bool, list]] = {}

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
        dark = theme.is_dark()
        if cached is not None and cached[0] is segment.text and cached[1] is segment.marks \
                and cached[2] is segment.words and cached[3] == dark:
            return cached[4]
        ranges = self.compute(row, segment)
        if len(self._cache) >= _CACHE_LIMIT:
            self._cache.clear()
        self._cache[row] = (segment.text, segment.marks, segment.words, dark, ranges)
        return ranges

    def compute(self, row: int, segment: Segment) -> list[tuple[int, int, QTextCharFormat]]:
        ranges = []
        if self.shade_low_confidence:
            low = low_confidence_format()
            ranges += [(w.start, w.end, low)
                       for w in segment_low_words(segment, row, self.threshold) if w.start >= 0]
        if self.speller is not None:
            misspelt = misspelt_format()
            # Only what the row lays out is checked: a 50 MB turn is 9 million words (150 s).
            shown = segment.text[:LAYOUT_LIMIT]
            ranges += [(m.start, m.end, misspelt) for m in self.speller.unknown_words(shown, segment.marks)]
        return ranges
