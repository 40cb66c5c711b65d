"""Painting the turns on screen: each by the :class:`~editor.ui.document.turn_painter.TurnPainter`,
with the playing word highlighted, the ranges each feature decorates (spelling underlines,
low-confidence shading, search hits, suspects), its margin marker, and the ring of the turn in hand.

Features add their decorations here through the view; they are asked only for the rows being
painted, so no decoration costs work proportional to the document on a playback tick.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QTextCharFormat

if TYPE_CHECKING:
    from editor.core.transcript import Segment
    from editor.ui.document.in_place_editing import InPlaceEditing
    from editor.ui.document.row_layout import RowLayout
    from editor.ui.document.transcript_view import TranscriptView
    from editor.ui.document.turn_in_hand import TurnInHand
    from editor.ui.document.turn_painter import TurnPainter

Decorator = Callable[[int, "Segment"], list[tuple[int, int, QTextCharFormat]]]
MarginMarker = Callable[[int, "Segment"], "str | None"]

_EMPTY_FILTER_TEXT = "No turns match this filter."


class RowsPainting:
    """Paints the view's visible rows; holds the features' decorators and the margin marker."""

    def __init__(self, view: TranscriptView, rows: RowLayout, painter: TurnPainter, in_hand: TurnInHand,
                 editing: InPlaceEditing):
        self._view = view
        self._rows = rows
        self._painter = painter
        self._in_hand = in_hand
        self._editing = editing
        self._decorators: list[Decorator] = []   # each feature's, drawn in the order they came
        self._margin_marker: MarginMarker | None = None
        self._speaker_index: dict[str | None, int] = {}   # speaker id -> its colour's index

    def add_text_decorator(self, decorator: Decorator) -> None:
        self._decorators.append(decorator)
        self._view.viewport().update()

    def set_margin_marker(self, marker: MarginMarker | None) -> None:
        self._margin_marker = marker
        self._view.viewport().update()

    def speakers_changed(self) -> None:
        """The transcript's speakers changed: each speaker's colour by its place in the list."""
        model = self._view.model()
        if model is not None:
            self._speaker_index = {sid: i for i, sid in enumerate(model.transcript.speakers)}
        self._view.viewport().update()

    def _extra_ranges(self, row: int, segment: Segment) -> list[tuple[int, int, QTextCharFormat]]:
        extra: list[tuple[int, int, QTextCharFormat]] = []
        for decorator in self._decorators:
            extra += decorator(row, segment)
        return extra

    def paint(self, clip: QRect) -> None:
        """Paint the rows that meet *clip* (viewport coordinates)."""
        view = self._view
        model = view.model()
        assert model is not None
        first, last = self._rows.prepare_visible(painting=clip)
        painter = QPainter(view.viewport())
        # A turn draws only the lines and decorations this shows (TurnPainter._paint_text): a long
        # turn with many decorations drawn whole took seconds a paint.
        painter.setClipRect(clip)
        palette = view.palette()
        transcript = model.transcript
        current = model.current_row
        editing = self._editing.editing_row()
        in_hand = self._in_hand.current() if editing < 0 else -1
        for row in range(first, last + 1):
            rect = self._rows.row_rect(row)
            if rect.height() <= 0 or not rect.intersects(clip):
                continue
            segment = transcript.segments[row]
            extra = self._extra_ranges(row, segment) if row != editing else ()
            marker = self._margin_marker(row, segment) if self._margin_marker is not None else None
            word_span = None
            if row == current and model.current_word >= 0 and row != editing:
                spans = model.word_spans(row).spans
                if model.current_word < len(spans):
                    word_span = spans[model.current_word]
            self._painter.paint(painter, rect, row, segment, transcript.speaker_name(segment.speaker_id),
                                self._speaker_index.get(segment.speaker_id, -1), row == current,
                                word_span, palette, paint_text=row != editing, extra=extra, marker=marker,
                                in_hand=row == in_hand, focused=view.hasFocus())
        geometry = self._rows.geometry
        if len(geometry) and geometry.total() == 0:   # the review filter hides every turn
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(view.viewport().rect(), Qt.AlignmentFlag.AlignCenter, _EMPTY_FILTER_TEXT)
        painter.end()
