"""Between the core's character offsets and Qt's text positions.

The core counts a text in Python characters (code points); Qt's text classes (QTextLayout,
QTextCursor, format ranges) count UTF-16 units, in which a character outside the Basic
Multilingual Plane (most emoji) is two. :class:`Utf16Offsets` converts one text's offsets both
ways. Text without such characters, nearly all of it, converts as itself at no cost.
"""

from __future__ import annotations

from bisect import bisect_left

_FIRST_WIDE = "\U00010000"   # the first character UTF-16 writes as two units


class Utf16Offsets:
    """Offset conversions for one text (built once per text: a pass over it, only when not ASCII)."""

    __slots__ = ("_wide", "_wide_at")

    def __init__(self, text: str):
        if text.isascii() or max(text) < _FIRST_WIDE:
            wide: list[int] = []
        else:
            wide = [i for i, ch in enumerate(text) if ch >= _FIRST_WIDE]
        self._wide = wide                                       # character offsets of the wide ones
        self._wide_at = [i + k for k, i in enumerate(wide)]     # ... and their Qt positions

    def to_qt(self, char: int) -> int:
        """Qt's position of the character offset *char*."""
        return char + bisect_left(self._wide, char) if self._wide else char

    def from_qt(self, position: int) -> int:
        """The character offset at Qt's *position* (inside a wide character: that character)."""
        return position - bisect_left(self._wide_at, position) if self._wide else position

