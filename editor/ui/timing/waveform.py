"""WaveformStrip: the audio around the playhead, segment boundaries, inaudible spans, overview.

Top band: the whole episode (overview) with the visible window outlined; click it to seek.
Main area: min/max peaks of the window around the playhead (it follows playback, the
playhead a third from the left), segment boundaries with handles, inaudible/crosstalk
spans shaded. Click to seek; wheel zooms around the pointer; Shift+wheel (or a
horizontal wheel) scrolls, and stops following until the next seek. Drag a boundary to
retime: the drag is clamped between its neighbours and, on release, ``retime_requested``
carries the (row, start_ms, end_ms) changes in an order that never overlaps. Without audio
(:meth:`show_no_audio`) it is one slim line saying so.

The widget only reads: the window turns ``retime_requested`` into one undoable command
(see :func:`editor.ui.timing.waveform_retime.push_retime`) and feeds model changes back with
:meth:`set_rows` (incremental, kept by the window) or :meth:`set_transcript` (a full re-read).

A paint (every 33 ms playback tick) costs the same for a 1-hour or a 10-hour document:
turns, spans and boundaries are kept sorted by time and the visible ones found by bisection,
and the overview band (whole-episode peaks and spans) is drawn once into a pixmap.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from operator import itemgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from editor.core.transcript import Transcript
from editor.ui.timing.waveform_bounds import (
    Boundary,
    Bounds,
    boundaries,
    clamp,
    inaudible_spans,
    retime,
    row_boundaries,
    segment_bounds,
)

if TYPE_CHECKING:   # hints only: a strip without audio must not import numpy/PyAV
    from editor.audio.peaks import Peaks

OVERVIEW_H = 22
RULER_H = 14
FULL_MIN_H = 110          # overview band, waveform and ruler
SLIM_PAD = 8              # around the one line a strip without audio shows
QWIDGETSIZE_MAX = (1 << 24) - 1     # Qt's "no maximum" for a widget's size
GRAB_PX = 5
MIN_SPAN_MS = 1_000
MAX_SPAN_MS = 10 * 60_000
FOLLOW_AT = 1 / 3

BG = QColor("#1e2227")
OVERVIEW_BG = QColor("#2a2f36")
WAVE = QColor("#7fb3d5")
WAVE_OVERVIEW = QColor("#5d8aa8")
BOUNDARY = QColor("#e0c060")
BOUNDARY_ACTIVE = QColor("#ffffff")
INAUDIBLE = QColor(230, 120, 60, 90)
PLAYHEAD = QColor("#ff5a5a")
RULER = QColor("#8a939e")
ALT_SEGMENT = QColor(255, 255, 255, 12)
CHAPTER = QColor("#5cbf8a")
CHAPTER_TEXT = QColor("#0f2a1c")
LABEL_LEAD_MS = 5_000     # a speaker label is drawn for turns starting this far left of the view
LABEL_PAD = 8             # px between a turn's start and its speaker label
LABEL_GAP = 6             # px at least between one speaker label and the next


def _turn_index(bounds: list[Bounds]) -> _TimeIndex:
    """The timed rows as (start, end or start, row). A transcript's turns come sorted by start with
    both times: then the columns are taken as they are, in C (a million turns, no tuple each)."""
    starts, ends = list(map(itemgetter(0), bounds)), list(map(itemgetter(1), bounds))
    if None not in starts and None not in ends and starts == sorted(starts):
        return _TimeIndex.of_columns(starts, ends, range(len(bounds)))
    return _TimeIndex([(start, start if end is None else end, row) for row, (start, end) in enumerate(bounds)
                       if start is not None])


class _TurnIndexing:
    """:func:`_turn_index` made a slice of rows at a time, so a huge episode's index is built in
    short idle passes. Turns sorted with both times (a transcript as read) take this path; any
    other shape is indexed in one go, as before."""

    SLICE = 20_000

    def __init__(self, bounds: list[Bounds]):
        self._bounds = bounds
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._reach: list[int] = []
        self.made: _TimeIndex | None = None if bounds else _TimeIndex([])

    def step(self) -> _TimeIndex | None:
        """Index the next slice; the index when it is complete."""
        if self.made is not None:
            return self.made
        done = len(self._starts)
        rows = self._bounds[done:done + self.SLICE]
        starts, ends = list(map(itemgetter(0), rows)), list(map(itemgetter(1), rows))
        if (None in starts or None in ends or starts != sorted(starts)
                or (done and starts[0] < self._starts[-1])):
            self.made = _turn_index(self._bounds)
            return self.made
        reach = list(accumulate(ends, max, initial=self._reach[-1]))[1:] if done else list(accumulate(ends, max))
        self._starts += starts
        self._ends += ends
        self._reach += reach
        if len(self._starts) == len(self._bounds):
            self.made = _TimeIndex.of_columns(self._starts, self._ends, range(len(self._bounds)), self._reach)
        return self.made


class _TimeIndex:
    """Spans sorted by start, with the running maximum of their ends, to find the visible ones.

    ``visible(lo, hi)`` is every span that may overlap [lo, hi] by two bisections: nothing
    before the first whose running end reaches *lo* can be visible, even when spans overlap.
    The spans are kept as three columns; only those asked for are made into tuples.
    """

    def __init__(self, spans: list[tuple[int, int, int]]):   # (start, end, payload), any order
        ordered = sorted(spans)
        self._set(list(map(itemgetter(0), ordered)), list(map(itemgetter(1), ordered)),
                  list(map(itemgetter(2), ordered)))

    @classmethod
    def of_columns(cls, starts: list[int], ends: list[int], payloads: Sequence[int],
                   reach: list[int] | None = None) -> _TimeIndex:
        """The index of spans given as columns, *starts* already sorted (*reach*: the running
        maximum of *ends*, when already known)."""
        index = cls.__new__(cls)
        index._set(starts, ends, payloads, reach)
        return index

    def _set(self, starts: list[int], ends: list[int], payloads: Sequence[int],
             reach: list[int] | None = None) -> None:
        self.starts, self.ends, self.payloads = starts, ends, payloads
        self.reach = list(accumulate(ends, max)) if reach is None else reach

    def _between(self, first: int, last: int) -> list[tuple[int, int, int]]:
        return list(zip(self.starts[first:last], self.ends[first:last], self.payloads[first:last], strict=True))

    def visible(self, lo: float, hi: float) -> list[tuple[int, int, int]]:
        return self._between(bisect_left(self.reach, lo), bisect_right(self.starts, hi))

    def starting(self, lo: float, hi: float) -> list[tuple[int, int, int]]:
        """The spans that start in [lo, hi]."""
        return self._between(bisect_left(self.starts, lo), bisect_right(self.starts, hi))


class WaveformStrip(QWidget):
    seek_requested = Signal(int)             # ms
    retime_requested = Signal(object)        # list[(row, start_ms, end_ms)], apply in order
    zoom_changed = Signal(int)               # visible span in ms

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(FULL_MIN_H)
        self._slim = False      # no audio: one line saying so (see show_no_audio)
        self.setMouseTracking(True)
        self.setAccessibleName("Waveform")
        self.setAccessibleDescription("The audio around the playback position with turn boundaries: "
                                      "click to play from there, drag a boundary to retime a turn, "
                                      "wheel to zoom, Shift+wheel to scroll")
        self._peaks: Peaks | None = None
        self._duration = 0
        self._position = 0
        self._span = 20_000
        self._view_start = 0.0
        self._follow = True
        self._bounds: list[Bounds] = []
        self._labels: list[str] = []
        self._all_boundaries: list[Boundary] | None = None   # made when asked for (see _boundaries)
        self._inaudible: list[tuple[int, int]] = []
        self._turn_indexing = _TurnIndexing([])   # see _turns
        self._spans = _TimeIndex([])              # (start, end, 0) of the inaudible spans
        self._overview: QPixmap | None = None     # the overview band, drawn when something in it changed
        self._progress: float | None = None
        self._message = "No audio"
        self._drag: Boundary | None = None
        self._drag_ms = 0
        self._hover: Boundary | None = None
        self._chapters: list[tuple[int, str]] = []   # (start_ms, title), sorted

    # ------------------------------------------------------------------ feeding
    def sizeHint(self):
        from PySide6.QtCore import QSize
        return QSize(800, self._slim_height() if self._slim else 130)

    def _slim_height(self) -> int:
        return self.fontMetrics().height() + SLIM_PAD

    def is_slim(self) -> bool:
        """Whether the strip is the one line that says there is no audio."""
        return self._slim

    def show_no_audio(self, text: str = "No audio") -> None:
        """No audio to draw: a slim strip that says *text*, the transcript keeps the room (a time
        scale and turn boundaries with no sound to hear are no help). Audio makes it whole again."""
        self._peaks, self._progress, self._message = None, None, text
        self._set_slim(True)
        self.update()

    def _set_slim(self, slim: bool) -> None:
        if slim == self._slim:
            return
        self._slim = slim
        height = self._slim_height()
        # Its parent (a splitter, a layout) keeps it within these: slim, it cannot be dragged taller.
        self.setMinimumHeight(height if slim else FULL_MIN_H)
        self.setMaximumHeight(height if slim else QWIDGETSIZE_MAX)
        self.updateGeometry()

    def set_peaks(self, peaks: Peaks | None) -> None:
        self._peaks = peaks
        self._progress = None
        self._overview = None
        if peaks is not None:
            self._duration = max(self._duration, peaks.duration_ms)
            self._refresh_boundaries()
            self._set_slim(False)
        self.update()

    def set_progress(self, fraction: float) -> None:
        """Peaks are being computed: show how far."""
        self._progress = fraction
        self._set_slim(False)
        self.update()

    def set_message(self, text: str) -> None:
        """What to show instead of a waveform (no audio, decode error)."""
        self._message = text
        self._progress = None
        self.update()

    def set_duration(self, ms: int) -> None:
        self._duration = max(0, int(ms))
        self._overview = None
        if self._duration:
            self._set_slim(False)
        self._refresh_boundaries()
        self.update()

    def set_transcript(self, transcript: Transcript) -> None:
        """Read segment bounds and inaudible spans of every turn (a full re-read; see :meth:`set_rows`)."""
        self.set_rows(segment_bounds(transcript), [transcript.speaker_name(s.speaker_id) for s in transcript.segments],
                      [span for s in transcript.segments for span in inaudible_spans(s)])

    def set_rows(self, bounds: list[Bounds], labels: list[str], inaudible: list[tuple[int, int]],
                 bounds_changed: bool = True) -> None:
        """What to draw: per row (start_ms, end_ms) and speaker label, and the inaudible spans.

        The lists are kept, not copied: hand over lists nobody changes afterwards. With
        *bounds_changed* False the caller promises the rows' times are as before, so the
        draggable boundaries (a pass over every row) are not recomputed.
        """
        self._labels = labels
        if inaudible != self._inaudible:
            self._inaudible = inaudible
            self._spans = _TimeIndex([(start, end, 0) for start, end in inaudible])
            self._overview = None
        if bounds_changed or len(bounds) != len(self._bounds):
            self._bounds = bounds
            # Indexed in idle slices (a million turns: not in one go at open), or at once if drawn first.
            self._turn_indexing = _TurnIndexing(bounds)
            QTimer.singleShot(0, self, self._index_some_turns)
            self._refresh_boundaries()
        else:
            self._bounds = bounds
        self.update()

    @property
    def _turns(self) -> _TimeIndex:
        """(start, end, row) of the timed turns, to find those in view."""
        indexing = self._turn_indexing
        while indexing.made is None:
            indexing.step()
        return indexing.made

    def _index_some_turns(self) -> None:
        indexing = self._turn_indexing
        if indexing.step() is None:
            QTimer.singleShot(0, self, self._index_some_turns)

    def chapters(self) -> list[tuple[int, str]]:
        return list(self._chapters)

    def set_chapters(self, chapters: list[tuple[int, str]]) -> None:
        """Chapter starts to flag on the strip and its overview: (start_ms, title), sorted."""
        if chapters != self._chapters:
            self._chapters = chapters
            self._overview = None
            self.update()

    def resizeEvent(self, event) -> None:
        self._overview = None
        super().resizeEvent(event)

    def set_position(self, ms: int) -> None:
        self._position = max(0, int(ms))
        if self._follow:
            self._view_start = self._position - self._span * FOLLOW_AT
        self.update()

    def scroll_to(self, start_ms: int) -> None:
        """Show the window starting at *start_ms* and stop following the playhead (until a seek)."""
        self._follow = False
        self._view_start = float(start_ms)
        self.update()

    def _refresh_boundaries(self) -> None:
        self._all_boundaries = None

    @property
    def _boundaries(self) -> list[Boundary]:
        """Every draggable boundary, sorted by time (a pass over every turn: for checks, not painting)."""
        if self._all_boundaries is None:
            found = boundaries(self._bounds, self._duration) if self._bounds else []
            self._all_boundaries = sorted(found, key=lambda boundary: boundary.ms)
        return self._all_boundaries

    def _boundaries_between(self, lo: float, hi: float) -> list[Boundary]:
        """The boundaries in [lo, hi], sorted by time, from the turns there and their neighbours only:
        a strip over a million turns costs what one over ten does."""
        rows = sorted(row for _, _, row in self._turns.visible(lo, hi))
        found = row_boundaries(self._bounds, rows, self._duration)
        return sorted((b for b in found if lo <= b.ms <= hi), key=lambda boundary: boundary.ms)

    # ------------------------------------------------------------------ geometry
    def _wave_rect(self) -> QRectF:
        return QRectF(0, OVERVIEW_H + 2, self.width(), self.height() - OVERVIEW_H - 2 - RULER_H)

    def x_to_ms(self, x: float) -> int:
        return int(self._view_start + x * self._span / max(1, self.width()))

    def ms_to_x(self, ms: float) -> float:
        return (ms - self._view_start) * self.width() / self._span

    def _overview_x_to_ms(self, x: float) -> int:
        return int(x * max(1, self._duration) / max(1, self.width()))

    def boundary_near(self, x: float) -> Boundary | None:
        best: Boundary | None = None
        best_dx: float = GRAB_PX + 1
        reach = (GRAB_PX + 1) * self._span / max(1, self.width())
        for boundary in self._boundaries_between(self.x_to_ms(x) - reach - 1, self.x_to_ms(x) + reach + 1):
            dx = abs(self.ms_to_x(boundary.ms) - x)
            if dx < best_dx:
                best, best_dx = boundary, dx
        return best

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._slim:
            return
        pos = event.position()
        if pos.y() < OVERVIEW_H:
            self._seek(self._overview_x_to_ms(pos.x()))
            return
        boundary = self.boundary_near(pos.x())
        if boundary is not None:
            self._drag, self._drag_ms = boundary, boundary.ms
            self.update()
            return
        self._seek(self.x_to_ms(pos.x()))

    def mouseMoveEvent(self, event) -> None:
        if self._slim:
            return
        pos = event.position()
        if self._drag is not None:
            self._drag_ms = clamp(self._drag, self.x_to_ms(pos.x()))
            self.update()
            return
        hover = self.boundary_near(pos.x()) if pos.y() >= OVERVIEW_H else None
        if hover != self._hover:
            self._hover = hover
            shape = Qt.CursorShape.SizeHorCursor if hover else Qt.CursorShape.ArrowCursor
            self.setCursor(shape)
            self.update()

    def mouseReleaseEvent(self, event) -> None:
        if self._drag is None:
            return
        boundary, self._drag = self._drag, None
        changes = retime(self._bounds, boundary, self._drag_ms, self._duration)
        self.update()
        if changes:
            self.retime_requested.emit(changes)

    def wheelEvent(self, event) -> None:
        if self._slim:
            return
        delta = event.angleDelta()
        shifted = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        horizontal = delta.x() if delta.x() else (delta.y() if shifted else 0)
        if horizontal:
            self._follow = False
            self._view_start -= horizontal / 120 * self._span / 8
            self.update()
        elif delta.y():
            anchor_ms = self.x_to_ms(event.position().x())
            fraction = event.position().x() / max(1, self.width())
            self._span = max(MIN_SPAN_MS, min(MAX_SPAN_MS, int(self._span * (0.8 if delta.y() > 0 else 1.25))))
            if self._follow:
                self._view_start = self._position - self._span * FOLLOW_AT
            else:
                self._view_start = anchor_ms - fraction * self._span
            self.zoom_changed.emit(self._span)
            self.update()
        event.accept()

    def _seek(self, ms: int) -> None:
        ms = max(0, min(ms, self._duration)) if self._duration else max(0, ms)
        self._follow = True
        self.set_position(ms)
        self.seek_requested.emit(ms)

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BG)
        if self._slim:
            self._paint_message(painter, QRectF(self.rect()))
            painter.end()
            return
        self._paint_overview(painter)
        wave = self._wave_rect()
        if self._peaks is None:
            self._paint_message(painter, wave)
        else:
            self._paint_segments(painter, wave)
            self._paint_peaks(painter, wave, self._peaks.window(self._view_start, self._view_start + self._span,
                                                                self.width()), WAVE)
        self._paint_boundaries(painter, wave)
        self._paint_chapters(painter, wave)
        self._paint_ruler(painter)
        x = self.ms_to_x(self._position)
        painter.setPen(QPen(PLAYHEAD, 1.5))
        painter.drawLine(QLineF(x, wave.top(), x, wave.bottom()))
        painter.end()

    def _paint_overview(self, painter: QPainter) -> None:
        ratio = self.devicePixelRatioF()
        if (self._overview is None or self._overview.width() != round(self.width() * ratio)
                or self._overview.devicePixelRatioF() != ratio):
            self._overview = self._draw_overview(ratio)
        painter.drawPixmap(0, 0, self._overview)
        if self._duration <= 0:
            return
        scale = self.width() / self._duration
        painter.setPen(QPen(QColor("#d0d0d0"), 1))
        painter.drawRect(QRectF(self._view_start * scale, 0.5, max(3.0, self._span * scale), OVERVIEW_H - 1))
        painter.setPen(QPen(PLAYHEAD, 1))
        x = self._position * scale
        painter.drawLine(QLineF(x, 0, x, OVERVIEW_H))

    def _draw_overview(self, ratio: float) -> QPixmap:
        """The whole episode's peaks and inaudible spans: redrawn only when they or the width change."""
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(OVERVIEW_H * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        band = QRectF(0, 0, self.width(), OVERVIEW_H)
        painter = QPainter(pixmap)
        painter.fillRect(band, OVERVIEW_BG)
        if self._duration > 0:
            if self._peaks is not None:
                self._paint_peaks(painter, band, self._peaks.window(0, self._duration, self.width()), WAVE_OVERVIEW)
            scale = self.width() / self._duration
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(INAUDIBLE)
            for start, end in self._inaudible:
                painter.drawRect(QRectF(start * scale, 0, max(2.0, (end - start) * scale), OVERVIEW_H))
            painter.setBrush(CHAPTER)
            for start, _title in self._chapters:
                painter.drawRect(QRectF(start * scale - 1, 0, 2.0, OVERVIEW_H))
        painter.end()
        return pixmap

    def label_places(self, lo: float, hi: float) -> list[tuple[float, str]]:
        """Where each speaker label of the turns starting in [lo - LABEL_LEAD_MS, hi] is drawn, and its
        text: each runs at most to where the next label starts, elided ("Tomas R…") when it is longer,
        left out when not even a letter fits (two turns a few pixels apart: the halves of a split)."""
        labels = self._labels
        turns = self._turns.starting(lo - LABEL_LEAD_MS, hi)
        starts = [(self.ms_to_x(start) + LABEL_PAD, labels[row]) for start, _, row in turns
                  if row < len(labels) and labels[row]]
        metrics = QFontMetricsF(_small_font())
        places = []
        for i, (x, text) in enumerate(starts):
            room = starts[i + 1][0] - LABEL_GAP - x if i + 1 < len(starts) else float(self.width())
            shown = text if metrics.horizontalAdvance(text) <= room else \
                metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            if shown and shown != "…":
                places.append((x, shown))
        return places

    @staticmethod
    def _paint_peaks(painter: QPainter, rect: QRectF, columns, color: QColor) -> None:
        mid = rect.center().y()
        half = rect.height() / 2 - 1
        painter.setPen(QPen(color, 1))
        lines = [QLineF(x + 0.5, mid - hi * half, x + 0.5, mid - lo * half + 0.01)
                 for x, (lo, hi) in enumerate(columns.tolist())]
        painter.drawLines(lines)

    def _paint_segments(self, painter: QPainter, rect: QRectF) -> None:
        """Alternate rows get a faint band so neighbouring turns are told apart; inaudible shaded."""
        lo, hi = self._view_start, self._view_start + self._span
        for start, end, row in self._turns.visible(lo, hi):
            if row % 2 == 0 or end < lo:
                continue
            painter.fillRect(QRectF(self.ms_to_x(start), rect.top(), self.ms_to_x(end) - self.ms_to_x(start),
                                    rect.height()), ALT_SEGMENT)
        painter.setFont(_small_font())
        painter.setPen(RULER)
        for x, text in self.label_places(lo, hi):   # who speaks, beside each turn's start
            painter.drawText(QPointF(x, rect.top() + 9), text)
        for start, end, _ in self._spans.visible(lo, hi):
            if end < lo:
                continue
            box = QRectF(self.ms_to_x(start), rect.top(), max(2.0, self.ms_to_x(end) - self.ms_to_x(start)),
                         rect.height())
            painter.fillRect(box, INAUDIBLE)
            painter.setPen(QColor("#f0b080"))
            painter.drawText(box.adjusted(3, 2, 0, 0), Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft,
                             "inaudible")

    def _paint_boundaries(self, painter: QPainter, rect: QRectF) -> None:
        lo, hi = self._view_start, self._view_start + self._span
        for boundary in self._boundaries_between(lo, hi):
            active = boundary == self._hover and self._drag is None
            self._paint_boundary(painter, rect, self.ms_to_x(boundary.ms), BOUNDARY_ACTIVE if active else BOUNDARY,
                                 boundary.after is None)
        if self._drag is not None:
            self._paint_boundary(painter, rect, self.ms_to_x(self._drag_ms), BOUNDARY_ACTIVE, self._drag.after is None)
            painter.setPen(BOUNDARY_ACTIVE)
            painter.setFont(_small_font())
            painter.drawText(QPointF(self.ms_to_x(self._drag_ms) + 6, rect.bottom() - 4), _clock(self._drag_ms, True))

    @staticmethod
    def _paint_boundary(painter: QPainter, rect: QRectF, x: float, color: QColor, is_end: bool) -> None:
        painter.setPen(QPen(color, 1, Qt.PenStyle.DashLine if is_end else Qt.PenStyle.SolidLine))
        painter.drawLine(QLineF(x, rect.top(), x, rect.bottom()))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        side = -6 if is_end else 6  # handle points into the segment it bounds
        painter.drawPolygon([QPointF(x, rect.top()), QPointF(x + side, rect.top()), QPointF(x, rect.top() + 8)])
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_chapters(self, painter: QPainter, rect: QRectF) -> None:
        """A chapter start is a line with its title on a tab at the foot of the wave."""
        if not self._chapters:
            return
        lo, hi = self._view_start, self._view_start + self._span
        first = bisect_left(self._chapters, (int(lo) - self._span,))
        painter.setFont(_small_font())
        metrics = painter.fontMetrics()
        for start, title in self._chapters[first:]:
            if start > hi:
                break
            x = self.ms_to_x(start)
            painter.setPen(QPen(CHAPTER, 1.5))
            painter.drawLine(QLineF(x, rect.top(), x, rect.bottom()))
            text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, 180)
            tab = QRectF(x, rect.bottom() - metrics.height() - 3, metrics.horizontalAdvance(text) + 8,
                         metrics.height() + 2)
            painter.fillRect(tab, CHAPTER)
            painter.setPen(CHAPTER_TEXT)
            painter.drawText(tab, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_ruler(self, painter: QPainter) -> None:
        top = self.height() - RULER_H
        painter.setPen(RULER)
        painter.setFont(_small_font())
        step = _tick_step(self._span, self.width())
        first = int(max(0, self._view_start) // step * step)
        for ms in range(first, int(self._view_start + self._span) + 1, step):
            if ms < 0:
                continue
            x = self.ms_to_x(ms)
            painter.drawLine(QLineF(x, top, x, top + 3))
            painter.drawText(QPointF(x + 2, self.height() - 2), _clock(ms, step < 1000))

    def _paint_message(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(RULER)
        text = self._message if self._progress is None else f"Computing waveform… {self._progress:.0%}"
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        if self._progress is not None:
            bar = QRectF(rect.center().x() - 100, rect.center().y() + 12, 200, 4)
            painter.fillRect(bar, OVERVIEW_BG)
            painter.fillRect(QRectF(bar.left(), bar.top(), 200 * self._progress, 4), WAVE)


def _small_font() -> QFont:
    font = QFont()
    font.setPointSizeF(7.5)
    return font


def _tick_step(span_ms: int, width: int) -> int:
    """A round tick interval giving labels about 90 px apart."""
    target = span_ms * 90 / max(1, width)
    for step in (100, 250, 500, 1000, 2000, 5000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000):
        if step >= target:
            return step
    return 600_000


def _clock(ms: int, tenths: bool = False) -> str:
    seconds, rest = divmod(int(ms), 1000)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    text = f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"
    return f"{text}.{rest // 100}" if tenths else text
