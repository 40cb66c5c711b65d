"""What is where in the transcript view: the part of a turn under a point, and the rectangles of a
turn's time, words, badges and mark tags in the viewport's coordinates.

The turn painter knows a turn's parts relative to the turn; this places them in the view, laying the
turn out first when its exact height is not known yet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect

if TYPE_CHECKING:
    from editor.ui.document.row_layout import RowLayout
    from editor.ui.document.transcript_view import TranscriptView
    from editor.ui.document.turn_painter import Hit, TurnPainter


class TurnHits:
    """Points to turn parts and turn parts to rectangles, for one view."""

    def __init__(self, view: TranscriptView, rows: RowLayout, painter: TurnPainter):
        self._view = view
        self._rows = rows
        self._painter = painter

    def hit(self, pos: QPointF) -> tuple[Hit | None, int]:
        """(what is under viewport point *pos*, its row), or (None, -1) off every turn."""
        rows = self._rows
        rows.ensure()
        model = self._view.model()
        if model is None or not len(rows):
            return None, -1
        row = rows.row_at(int(pos.y()))
        rect = rows.row_rect(row)
        if not rect.contains(pos.toPoint()):
            return None, -1
        segment = model.segment(row)
        speaker = model.transcript.speaker_name(segment.speaker_id)
        return self._painter.hit(row, segment, speaker, rows.width, pos.x(), pos.y() - rect.top()), row

    def time_rect(self, row: int) -> QRect:
        """Viewport rectangle of *row*'s clickable start time."""
        model = self._view.model()
        assert model is not None
        segment = model.segment(row)
        speaker = model.transcript.speaker_name(segment.speaker_id)
        return self._painter.time_rect(segment, speaker).translated(self._rows.row_rect(row).topLeft())

    def word_rect(self, row: int, word: int) -> QRect:
        """Viewport rectangle of word *word* of *row*."""
        model = self._view.model()
        assert model is not None
        rows = self._rows
        rows.measure(row)
        start, end = model.word_spans(row).spans[word]
        segment = model.segment(row)
        left = self._painter.char_rect(row, segment.text, rows.width, start, segment.marks)
        right = self._painter.char_rect(row, segment.text, rows.width, end, segment.marks)
        top_left = rows.row_rect(row).topLeft()
        return QRect(int(left.left()), int(left.top()), max(2, int(right.left() - left.left())),
                     int(left.height())).translated(top_left)

    def badge_rects(self, row: int) -> dict[str, QRect]:
        """Viewport rectangles of *row*'s header badges by kind ("edited", "note", "status")."""
        model = self._view.model()
        if model is None:
            return {}
        rect = self._rows.row_rect(row)
        return {kind: badge.translated(rect.topLeft())
                for kind, _text, badge in self._painter.badges(model.segment(row), rect.width())}

    def mark_tag_rects(self, row: int) -> list[QRect]:
        """Viewport rectangles of the tags ("[inaudible]") after *row*'s words that exports replace."""
        model = self._view.model()
        if model is None:
            return []
        rows = self._rows
        rows.measure(row)
        top_left = QPointF(rows.row_rect(row).topLeft())
        return [box.translated(top_left).toAlignedRect()
                for _mark, box in self._painter.tag_rects(row, model.segment(row), rows.width)]
