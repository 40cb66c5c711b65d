"""How one turn (speaker, start time, text) is laid out, painted and hit-tested.

The view owns scrolling; this owns the look of a row. Text is wrapped with a
QTextLayout that is cached per row and reused until the text or the width
changes, so a playback tick repaints a row without laying it out again: the
current word and the marks are drawn as format ranges over the cached layout.
Words that exports replace by "[inaudible]" or "[crosstalk]" are followed by a
small tag saying so (:mod:`editor.ui.document.mark_looks`); the layout leaves room for it.
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from editor.core.timecode import format_clock
from editor.core.transcript import Mark, ReviewStatus, Segment
from editor.ui import theme
from editor.ui.document import mark_looks
from editor.ui.document.speaker_colors import speaker_color, speaker_text_color
from editor.ui.utf16 import Utf16Offsets

PAD_TOP = 8
PAD_BOTTOM = 10
MARGIN_RIGHT = 20
HEADER_GAP = 3
BAR_W = 4
BAR_GAP = 8           # between the speaker's bar and the text
RING_INSET = 3        # the ring of the turn in hand, drawn this far inside the row...
RING_PEN = 2          # ...this thick (while the view has the keyboard; 1 while it has not)
# The signs features put in the left margin, left of the speaker's bar (the "?" of a passage the
# audio doubts): the margin is made as wide as the widest of them needs in the font it is drawn in.
MARGIN_SIGNS = ("?",)

def fill(painter: QPainter, rect: QRect, color: QColor) -> None:
    """``painter.fillRect(rect, color)``, the same pixels (a rectangle drawn with no pen covers the
    rectangle exactly). Not fillRect itself: PySide's choice among its overloads makes the Python
    class of QGradient (and its ~180-member Preset enum: ~5 ms of the first paint) to see whether the
    colour is one; the transcript's first paint needs no gradient."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawRect(rect)
    painter.restore()


STATUS_LABEL = {ReviewStatus.APPROVED: "✓ approved", ReviewStatus.FLAGGED: "⚑ flagged"}
NOTE_LABEL = "✎ note"   # the note itself is the badge's tooltip


# Per-row layout work must stay bounded whatever a row holds. Word-boundary wrapping looks for a
# break from each line's start to the end of the word, so a token of n characters without a space
# costs O(n^2) (a 400 kB one froze the window for 20 s); such rows wrap anywhere (linear). And
# only the first LAYOUT_LIMIT characters of a row are laid out and painted (the rest is kept
# in the transcript, and said so), so one enormous row costs what a long one does.
LONG_TOKEN = 200
LAYOUT_LIMIT = 100_000
KEEP_GLYPHS_FROM = 2_000    # characters: a row this long keeps its shaped glyphs between paints
# The layouts kept, least recently used dropped first: at most CACHE_ROWS rows and CACHE_CHARS
# characters laid out. A long turn's laid-out character holds about 85 bytes with its glyphs
# (tests/bench/bench_painter_memory.py): kept by rows alone, a follow through a 10-hour episode of
# long answers (455,000 characters) kept 38 MB, and 600 turns of 5,000 characters 221 MB (of
# LAYOUT_LIMIT, gigabytes). The budget (about 27 MB) holds a screenful many times over, and the
# longest row laid out three times.
CACHE_ROWS = 600
CACHE_CHARS = 300_000
_LONG_TOKEN = re.compile(rf"\S{{{LONG_TOKEN}}}")


def wrap_mode_for(text: str) -> QTextOption.WrapMode:
    """Wrap at word boundaries, or anywhere when *text* holds a token no line could hold."""
    if len(text) > LONG_TOKEN and _LONG_TOKEN.search(text):
        return QTextOption.WrapMode.WrapAnywhere
    return QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


def shown_text(text: str) -> str:
    """What a row lays out: all of *text*, or its first LAYOUT_LIMIT characters and a note.

    A line break (Enter in the turn's editor) is laid out as one: QTextLayout draws "\n" as a
    space, while the editor over the turn starts a new line there, so the turn was drawn a line
    shorter than the editor needed. U+2028 keeps every offset (one UTF-16 unit, as "\n" is)."""
    if len(text) > LAYOUT_LIMIT:
        text = f"{text[:LAYOUT_LIMIT]} … [{len(text) - LAYOUT_LIMIT:,} more characters, kept but not shown]"
    return text.replace("\n", "\u2028")


@dataclass(slots=True)
class _Cached:
    """A row laid out for a width, with what it was laid out from (to tell when it is stale)."""

    text: str
    width: int
    layout: QTextLayout
    height: int   # of the whole row
    marks: object  # the marks laid out with (the segment's list: a new one after every mark edit)
    tags: list     # the marks followed by a tag (mark_looks.tagged)
    offsets: Utf16Offsets   # the core's character offsets <-> the layout's UTF-16 positions
    formats: list  # the layout's own formats (the tags' room), decorations aside
    decorations: list   # the decorations laid out with (see TurnPainter._decorate)
    layout_chars: int   # characters laid out (the cache's budget counts them)


@dataclass(frozen=True, slots=True)
class Hit:
    """What is under a point of a row."""

    area: str          # "time", "speaker", "text", a badge ("edited", "note", "status") or "none"
    char: int = -1     # character offset in the text when area == "text"


class TurnPainter:
    """Lays out and paints turns; keeps a small cache of text layouts by row."""

    def __init__(self, font: QFont):
        self._cache: OrderedDict[int, _Cached] = OrderedDict()    # least recently used first
        self.laid_out_characters = 0     # of the layouts kept (what CACHE_CHARS bounds)
        self.set_font(font)

    def set_font(self, font: QFont) -> None:
        self.text_font = QFont(font)
        self.header_font = QFont(font)
        self.header_font.setBold(True)
        self.time_font = QFont(font)
        self.time_font.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
        self._text_fm = QFontMetrics(self.text_font)
        self._header_fm = QFontMetrics(self.header_font)
        self._time_fm = QFontMetrics(self.time_font)
        self.line_height = self._text_fm.lineSpacing()
        # The sign, with the ring's room on each side: clear of the ring and, as far, of the bar.
        clear = RING_INSET + RING_PEN
        self.bar_x = clear + max(self._time_fm.horizontalAdvance(sign) for sign in MARGIN_SIGNS) + clear
        self.margin_left = self.bar_x + BAR_W + BAR_GAP
        self.header_height = self._header_fm.height()
        self._char_width = max(1.0, self._text_fm.averageCharWidth() * 1.08)
        self.forget()

    # ------------------------------------------------------------------ geometry
    def text_width(self, row_width: int) -> int:
        return max(40, row_width - self.margin_left - MARGIN_RIGHT)

    def text_origin(self) -> QPointF:
        return QPointF(self.margin_left, PAD_TOP + self.header_height + HEADER_GAP)

    def marker_box(self) -> QRect:
        """Where the margin's sign is centred (row-local): left of the speaker's bar, level with the
        first text line."""
        return QRect(0, int(self.text_origin().y()), self.bar_x, self.line_height)

    def estimate_height(self, text: str, row_width: int) -> int:
        """A cheap guess, good enough to size the scroll bar before a row is laid out."""
        per_line = max(1, int(self.text_width(row_width) / self._char_width))
        lines = max(1, math.ceil(min(len(text), LAYOUT_LIMIT + 60) / per_line))
        return self._fixed_height() + lines * self.line_height

    def estimate_heights(self, texts: list[str], row_width: int) -> list[int]:
        """:meth:`estimate_height` for many rows at once (one list comprehension: ~3 ms for 12,000)."""
        per_line = max(1, int(self.text_width(row_width) / self._char_width))
        fixed, line = self._fixed_height(), self.line_height
        limit = LAYOUT_LIMIT + 60
        return [fixed + line * (1 + (min(len(t), limit) - 1) // per_line if t else 1) for t in texts]

    def _fixed_height(self) -> int:
        return PAD_TOP + self.header_height + HEADER_GAP + PAD_BOTTOM

    def exact_height(self, row: int, text: str, row_width: int, marks: Sequence[Mark] = ()) -> int:
        return self._layout(row, text, row_width, marks).height

    def forget(self, row: int | None = None) -> None:
        """Drop cached layouts (of one row, or all after rows moved)."""
        if row is None:
            self._cache.clear()
            self.laid_out_characters = 0
        else:
            dropped = self._cache.pop(row, None)
            if dropped is not None:
                self.laid_out_characters -= dropped.layout_chars

    def _layout(self, row: int, text: str, row_width: int, marks: Sequence[Mark] = ()) -> _Cached:
        cached = self._cache.get(row)
        if cached is not None and cached.text is text and cached.width == row_width and cached.marks is marks:
            self._cache.move_to_end(row)
            return cached
        shown = shown_text(text)
        offsets = Utf16Offsets(shown)
        layout = QTextLayout(shown, self.text_font)
        # A long turn keeps its shaped glyphs between paints: by default QTextLayout drops them
        # after each draw, so every paint shaped the whole turn again (20 ms for 18,000 characters)
        # to draw its lines in view. A short one shapes again in microseconds, and keeping every
        # cached row's glyphs would cost ~10 kB a row.
        layout.setCacheEnabled(len(shown) > KEEP_GLYPHS_FROM)
        option = QTextOption()
        option.setWrapMode(wrap_mode_for(text[:LAYOUT_LIMIT]))
        layout.setTextOption(option)
        tags = [mark for mark in mark_looks.tagged(text, marks) if mark.end <= LAYOUT_LIMIT] if marks else []
        formats = []
        for mark in tags:   # struck through, and room after the last character so the tag covers no word
            formats.append(_range(offsets, mark.start, mark.end - 1, mark_looks.dropped_format()))
            formats.append(_range(offsets, mark.end - 1, mark.end, mark_looks.dropped_format(self.tag_width(mark))))
        if formats:
            layout.setFormats(formats)
        self._lay_out_lines(layout, row_width)
        lines = max(1, layout.lineCount())
        cached = _Cached(text, row_width, layout, self._fixed_height() + lines * self.line_height, marks, tags,
                         offsets, formats, [], len(shown))
        self.forget(row)
        self._cache[row] = cached
        self.laid_out_characters += cached.layout_chars
        while len(self._cache) > 1 and (len(self._cache) > CACHE_ROWS or self.laid_out_characters > CACHE_CHARS):
            _row, dropped = self._cache.popitem(last=False)
            self.laid_out_characters -= dropped.layout_chars
        return cached

    def _lay_out_lines(self, layout: QTextLayout, row_width: int) -> None:
        width = self.text_width(row_width)
        layout.beginLayout()
        y = 0.0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0, y))
            y += self.line_height
        layout.endLayout()

    def _decorate(self, cached: _Cached, decorations: list) -> None:
        """Make *decorations* ``(start, end, format)`` part of the row's layout (laid out again only
        when they change).

        Drawn as QTextLayout.draw's format ranges instead, each range costs a clip path and a
        pass over the lines in view: a screenful of a turn where nearly every word is underlined
        (700 ranges) took seconds a paint. As the layout's own formats they are drawn with the
        text, one pass over the lines in view. Decorations only underline and shade (no font
        change), so the lines break where they did and hit testing is unchanged."""
        if decorations == cached.decorations:
            return
        limit = min(len(cached.text), LAYOUT_LIMIT)    # what the row lays out
        formats = list(cached.formats)
        formats += [_range(cached.offsets, start, min(end, limit), fmt)
                    for start, end, fmt in decorations if start < limit]
        cached.layout.setFormats(formats)
        self._lay_out_lines(cached.layout, cached.width)
        cached.height = self._fixed_height() + max(1, cached.layout.lineCount()) * self.line_height
        cached.decorations = decorations

    def time_rect(self, segment: Segment, speaker: str) -> QRect:
        x = self.margin_left + self._header_fm.horizontalAdvance(speaker or "—") + 12
        w = self._time_fm.horizontalAdvance(format_clock(segment.start_ms)) + 4
        return QRect(x - 2, PAD_TOP - 2, w + 4, self.header_height + 4)

    # ------------------------------------------------------------------ hit testing
    def tag_width(self, mark: Mark) -> int:
        """The room a mark's tag takes after its words (the gap before it included)."""
        return self._time_fm.horizontalAdvance(mark.kind.token) + 2 * mark_looks.TAG_PADDING + mark_looks.TAG_GAP

    def tag_rects(self, row: int, segment: Segment, row_width: int) -> list[tuple[Mark, QRectF]]:
        """Row-local outlines of the tags after words exports replace by a mark's token."""
        cached = self._layout(row, segment.text, row_width, segment.marks)
        origin = self.text_origin()
        found = []
        tag_height = self._time_fm.height() + 2
        for mark in cached.tags:
            line = cached.layout.lineForTextPosition(cached.offsets.to_qt(mark.end - 1))
            if not line.isValid():
                continue
            right, _ = cast(tuple[float, int], line.cursorToX(cached.offsets.to_qt(mark.end)))
            width = self.tag_width(mark) - mark_looks.TAG_GAP
            top = origin.y() + line.y() + (self.line_height - tag_height) / 2
            found.append((mark, QRectF(origin.x() + right - width, top, width, tag_height)))
        return found

    def hit(self, row: int, segment: Segment, speaker: str, row_width: int, x: float, y: float) -> Hit:
        """What is at (*x*, *y*) in row-local coordinates."""
        if self.time_rect(segment, speaker).contains(int(x), int(y)):
            return Hit("time")
        for kind, _text, badge in self.badges(segment, row_width):
            if badge.contains(int(x), int(y)):
                return Hit(kind)
        origin = self.text_origin()
        if y < origin.y():
            return Hit("speaker") if x < self.time_rect(segment, speaker).left() else Hit("none")
        cached = self._layout(row, segment.text, row_width, segment.marks)
        layout = cached.layout
        ly = y - origin.y()
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.y() <= ly < line.y() + self.line_height:
                position = line.xToCursor(x - origin.x(), line.CursorPosition.CursorOnCharacter)
                return Hit("text", cached.offsets.from_qt(position))
        return Hit("text", len(segment.text)) if ly >= 0 else Hit("none")

    def char_rect(self, row: int, text: str, row_width: int, char: int, marks: Sequence[Mark] = ()) -> QRectF:
        """Row-local rectangle of the caret before *char* (scrolling to a word, a word's rectangle)."""
        cached = self._layout(row, text, row_width, marks)
        origin = self.text_origin()
        position = cached.offsets.to_qt(char)
        line = cached.layout.lineForTextPosition(position)
        if not line.isValid():
            return QRectF(origin, origin)
        x, _ = cast(tuple[float, int], line.cursorToX(position))   # PySide returns (x, position)
        return QRectF(origin.x() + x, origin.y() + line.y(), 1, self.line_height)

    # ------------------------------------------------------------------ painting
    def paint(self, painter: QPainter, rect: QRect, row: int, segment: Segment, speaker: str,
              speaker_index: int, current: bool, word_span: tuple[int, int] | None,
              palette: QPalette, paint_text: bool = True, extra=(), marker: str | None = None,
              in_hand: bool = False, focused: bool = False) -> None:
        """Paint one turn into *rect* (view coordinates; width = row width).

        *extra* are decorations ``(start, end, QTextCharFormat)`` drawn under the current word;
        *marker* a short tag (e.g. "?" for a passage the audio doubts) in the left margin, on the
        first text line, so it reads without colour. *in_hand*: the turn keys act on gets a ring,
        bold while the view has the keyboard (*focused*), faint while it has not.
        """
        if current:
            fill(painter, rect, theme.CURRENT_TURN_BG.on(palette))
        if in_hand:
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            color = theme.TURN_IN_HAND.on(palette) if focused else theme.EDITING_BORDER.on(palette)
            painter.setPen(QPen(color, RING_PEN if focused else 1))
            painter.drawRoundedRect(QRectF(rect).adjusted(RING_INSET, 2, -RING_INSET, -2), 5, 5)
            painter.restore()
        color = speaker_color(speaker_index)
        fill(painter, QRect(rect.left() + self.bar_x, rect.top() + PAD_TOP, BAR_W,
                            rect.height() - PAD_TOP - PAD_BOTTOM // 2), color)
        top = rect.top() + PAD_TOP
        painter.setFont(self.header_font)
        painter.setPen(speaker_text_color(speaker_index, palette))
        name = speaker or "—"
        painter.drawText(QRect(rect.left() + self.margin_left, top, rect.width(), self.header_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        time_rect = self.time_rect(segment, speaker).translated(rect.topLeft())
        painter.setFont(self.time_font)
        painter.setPen(theme.SECONDARY_TEXT.on(palette))
        painter.drawText(time_rect, Qt.AlignmentFlag.AlignCenter, format_clock(segment.start_ms))
        self._paint_badges(painter, rect, segment, palette)
        if marker:   # between the ring and the bar (the margin is made wide enough): neither crosses it
            self._paint_marker(painter, rect, marker, palette)
        if paint_text:
            self._paint_text(painter, rect, row, segment, word_span, palette, extra)
        else:   # the in-place editor draws the text: frame it so the caret's turn stands out
            painter.setPen(theme.EDITING_BORDER.on(palette))
            origin = self.text_origin()
            painter.drawRoundedRect(QRectF(rect.left() + origin.x() - 5, rect.top() + origin.y() - 3,
                                           self.text_width(rect.width()) + 10,
                                           rect.height() - origin.y() - PAD_BOTTOM + 7), 4, 4)

    def _paint_marker(self, painter: QPainter, rect: QRect, marker: str, palette: QPalette) -> None:
        """The tag left of the speaker bar, level with the first text line, clear of the text."""
        painter.setFont(self.time_font)
        painter.setPen(theme.SUSPECT_MARKER.on(palette))
        painter.drawText(self.marker_box().translated(rect.topLeft()), Qt.AlignmentFlag.AlignCenter, marker)

    def badges(self, segment: Segment, row_width: int) -> list[tuple[str, str, QRect]]:
        """(kind, label, row-local rectangle) of the header's badges, right-aligned: edited, note, status."""
        found = []
        if segment.is_changed:
            found.append(("edited", "edited"))
        if segment.note:
            found.append(("note", NOTE_LABEL))
        if segment.status in STATUS_LABEL:
            found.append(("status", STATUS_LABEL[segment.status]))
        x = row_width - 1 - MARGIN_RIGHT
        placed = []
        for kind, text in reversed(found):
            w = self._time_fm.horizontalAdvance(text)
            x -= w
            placed.append((kind, text, QRect(x, PAD_TOP, w + 2, self.header_height)))
            x -= 12
        return placed[::-1]

    def _paint_badges(self, painter: QPainter, rect: QRect, segment: Segment, palette: QPalette) -> None:
        colors = {"edited": theme.SECONDARY_TEXT.on(palette), "note": theme.NOTE_MARKER.on(palette)}
        painter.setFont(self.time_font)
        for kind, text, badge in self.badges(segment, rect.width()):
            color = colors.get(kind) or theme.STATUS_TEXT[segment.status].on(palette)
            painter.setPen(color)
            painter.drawText(badge.translated(rect.topLeft()), Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_text(self, painter: QPainter, rect: QRect, row: int, segment: Segment,
                    word_span: tuple[int, int] | None, palette: QPalette, extra=()) -> None:
        cached = self._layout(row, segment.text, rect.width(), segment.marks)
        self._decorate(cached, list(extra))
        ranges = self.text_ranges(row, segment, rect.width(), word_span, palette)   # marks, the playing word
        origin = QPointF(rect.topLeft()) + self.text_origin()
        clip = painter.clipBoundingRect() if painter.hasClipping() else QRectF()
        if len(ranges) > 1 and clip.isValid():
            ranges = self._visible(cached.layout, ranges, clip.translated(-origin))
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        cached.layout.draw(painter, origin, ranges, clip)    # only the lines *clip* shows
        if cached.tags:
            self._paint_tags(painter, rect, row, segment, palette)

    def _visible(self, layout: QTextLayout, ranges: list[QTextLayout.FormatRange],
                 clip: QRectF) -> list[QTextLayout.FormatRange]:
        """The *ranges* over the lines of *layout* that *clip* (layout coordinates) shows.

        QTextLayout.draw draws the lines once more for each range (and clips each time): given the
        painter's clip it draws only the lines in view, and given only the ranges over them, no
        more. Lines are line_height apart from 0."""
        count = layout.lineCount()
        first = max(0, int(clip.top() // self.line_height))
        last = min(count - 1, int(clip.bottom() // self.line_height))
        if count == 0 or first > last:
            return []
        lo = layout.lineAt(first).textStart()
        end_line = layout.lineAt(last)
        hi = end_line.textStart() + end_line.textLength()
        return [r for r in ranges if r.start < hi and r.start + r.length > lo]

    def text_ranges(self, row: int, segment: Segment, row_width: int, word_span: tuple[int, int] | None,
                    palette: QPalette, extra=()) -> list[QTextLayout.FormatRange]:
        """The formats a row's text is drawn with (marks, *extra*, the current word), in the
        layout's positions: the core's character offsets converted where the text has emoji."""
        text = segment.text
        offsets = self._layout(row, text, row_width, segment.marks).offsets
        ranges = []
        for mark in segment.marks:
            ranges.append(_range(offsets, mark.start, mark.end, mark_looks.text_format(mark, text, palette)))
        for start, end, fmt in extra:
            ranges.append(_range(offsets, start, end, fmt))
        if word_span is not None:
            fmt = QTextCharFormat()
            fmt.setBackground(theme.CURRENT_WORD_BG.on(palette))
            ranges.append(_range(offsets, word_span[0], word_span[1], fmt))
        return ranges

    def _paint_tags(self, painter: QPainter, rect: QRect, row: int, segment: Segment, palette: QPalette) -> None:
        """The token exports write (e.g. "[inaudible]"), small and outlined, after the words it replaces."""
        painter.setFont(self.time_font)
        for mark, box in self.tag_rects(row, segment, rect.width()):
            box = box.translated(QPointF(rect.topLeft()))
            painter.setPen(theme.MARK_BORDER[mark.kind].on(palette))
            painter.setBrush(theme.MARK_BG[mark.kind].on(palette))
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, mark.kind.token)
        painter.setBrush(Qt.BrushStyle.NoBrush)


def _range(offsets: Utf16Offsets, start: int, end: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    """A format over the characters start..end (the core's offsets), in the layout's positions."""
    fr = QTextLayout.FormatRange()
    fr.start = offsets.to_qt(start)
    fr.length, fr.format = offsets.to_qt(end) - fr.start, fmt
    return fr
