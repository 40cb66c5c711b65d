"""Where each turn of the transcript view lies: row heights, the scroll bar's range, the rows on screen.

Every row starts with a cheap estimate (:meth:`TurnPainter.estimate_heights`) and gets its exact
height when it is first laid out for painting (:meth:`RowLayout.measure`), so opening, a resize
or a filter change costs the visible rows' text layouts, not the document's. A big document's
estimates are made a slice per event-loop turn (an average until then), so handing the view a
million turns never holds the window. Rows the row filter hides keep their place with height 0.

Scrolling done here (a row kept at the top while heights change) is the view's own, not the
user's: :attr:`RowLayout.scrolling_itself` tells the view's scroll handler which is which.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QRect, Qt, QTimer
from PySide6.QtGui import QRegion

from editor.ui.document.row_geometry import RowGeometry

if TYPE_CHECKING:
    from editor.core.transcript import Segment
    from editor.ui.document.transcript_model import TranscriptModel
    from editor.ui.document.transcript_view import TranscriptView
    from editor.ui.document.turn_painter import TurnPainter

# Rows whose heights are estimated in one go. A bigger document gets the average of a sample for
# the rest at once and their own estimates a slice per event-loop turn, so opening, a resize or a
# filter change never holds the window for a pass over a million turns (~10 ms a slice).
ESTIMATE_SLICE = 20_000
_SAMPLE_ROWS = 2_000
# Rows whose text changed at once that are estimated one by one (their exact heights forgotten
# alone); more (a replace-all) are estimated again as one span.
_FEW_ROWS = 64

# keep(segment) -> bool. Declared with "...": mypy cannot infer a lambda's type in a conditional
# expression (the review filter's ``None if ... else lambda s, n=name: ...``).
RowFilter = Callable[..., bool]


class RowLayout:
    """The rows' heights and tops (estimated or exact), the row filter, and the scroll bar's range."""

    def __init__(self, view: TranscriptView, painter: TurnPainter):
        self._view = view
        self._painter = painter
        self.geometry = RowGeometry()
        self.width = -1             # the row width the heights are for
        self.stale = True           # every height is to be estimated again before use
        self._estimated_to = 0      # rows before this have their own estimate (the rest: an average)
        self._estimate_more = QTimer(view)
        self._estimate_more.setInterval(0)
        self._estimate_more.setSingleShot(True)
        self._estimate_more.timeout.connect(self._estimate_next_slice)
        self._row_filter: RowFilter | None = None
        self.scrolling_itself = False   # a scroll bar change made here, not by the user

    def __len__(self) -> int:
        return len(self.geometry)

    def _model(self) -> TranscriptModel | None:
        return self._view.model()

    def _row_width(self) -> int:
        return self._view.viewport().width()

    # ------------------------------------------------------------------ starting over
    def reset(self) -> None:
        """Forget all heights; they are re-estimated when next needed (a slice at a time in a big document)."""
        self.stale = True
        self._painter.forget()
        self._view.viewport().update()

    def start_over(self) -> None:
        """A new transcript: no rows to anchor to, the top of the document on screen."""
        self.geometry.reset([])
        self.reset()
        if self._view.isVisible():
            # The scroll bar's range now, not in the first paint: it appears before anything is
            # painted, so the rows are laid out and painted once, at the width they keep.
            self._show_scrollbar_if_surely_needed()
            self.ensure()
            self.ensure()   # again if the scroll bar's coming narrowed the rows
        self.scroll_to(0)

    def _show_scrollbar_if_surely_needed(self) -> None:
        """Show the scroll bar before the rows are first estimated when they could not fit even at
        one line each. Qt shows it only on a queued call after its range changes, so the estimates
        were made at the full width, and made again at the first paint, the bar then taking its part
        of the width (a pass over every turn each, ~3 ms for 12,000 cues, before the window shows
        the text)."""
        view, model = self._view, self._model()
        bar = view.verticalScrollBar()
        if (model is None or self._row_filter is not None or bar.isVisible()
                or view.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAsNeeded):
            return
        least = model.rowCount() * self._painter.estimate_height("", self._row_width())   # a line each
        height = view.viewport().height()
        if least > height:
            self.scrolling_itself = True
            bar.setRange(0, least - height)    # ensure() sets the range the estimates give
            self.scrolling_itself = False
            # The scroll area lays out its bars and viewport on a layout request: the bar shows now.
            QCoreApplication.sendEvent(view, QEvent(QEvent.Type.LayoutRequest))

    def ensure(self) -> None:
        """Estimate every row again if the heights are stale or the width changed."""
        if not self.stale and self.width == self._row_width():
            return
        self.stale = False
        self.width = self._row_width()
        self._painter.forget()
        model = self._model()
        anchor, within = -1, 0.0
        if len(self.geometry) and model is not None and len(self.geometry) == model.rowCount():
            # Keep the top row where it is across a width change (heights are all re-estimated).
            anchor, within = self._top_row()
        count = model.rowCount() if model is not None else 0
        heights = self._estimates(0, min(count, ESTIMATE_SLICE))
        if count > len(heights):
            heights += [self._average_estimate()] * (count - len(heights))
            self._estimate_more.start()
        self._estimated_to = min(count, ESTIMATE_SLICE)
        self.geometry.reset(heights)
        self.update_scrollbar()
        self._keep_top_row(anchor, within)

    # ------------------------------------------------------------------ estimates
    def _top_row(self) -> tuple[int, float]:
        """The row at the top of the screen and the share of its height scrolled past."""
        value = self._view.verticalScrollBar().value()
        anchor = self.geometry.row_at(value)
        return anchor, (value - self.geometry.top(anchor)) / max(1, self.geometry.height(anchor))

    def _keep_top_row(self, anchor: int, within: float) -> None:
        """Scroll so row *anchor* is at the top again, *within* (a share of its height) scrolled past."""
        if 0 <= anchor < len(self.geometry):
            self.scroll_to(self.geometry.top(anchor) + int(within * self.geometry.height(anchor)))

    def _estimates(self, first: int, end: int) -> list[int]:
        """Estimated heights of rows *first*..*end*-1."""
        model = self._model()
        if model is None or first >= end:
            return []
        return self._heights_of(model.transcript.segments[first:end])

    def _heights_of(self, segments: list[Segment]) -> list[int]:
        heights = self._painter.estimate_heights([s.text for s in segments], self.width)
        if self._row_filter is not None:   # hidden rows are rows of height 0
            keep = self._row_filter
            heights = [h if keep(s) else 0 for h, s in zip(heights, segments, strict=True)]
        return heights

    def _average_estimate(self) -> int:
        """The mean estimate of rows spread evenly through the document: the height rows have
        until their own estimate's slice comes."""
        model = self._model()
        assert model is not None
        segments = model.transcript.segments
        heights = self._heights_of(segments[::max(1, len(segments) // _SAMPLE_ROWS)])
        return round(sum(heights) / len(heights)) if heights else 0

    def _estimate_next_slice(self) -> None:
        """Replace the average by the rows' own estimates for the next slice of rows."""
        if self.stale or self._model() is None:
            return      # the next layout starts over
        first, count = self._estimated_to, len(self.geometry)
        if first >= count:
            return
        end = min(count, first + ESTIMATE_SLICE)
        self._estimate_rows(first, self._estimates(first, end))
        self._estimated_to = end
        if end < count:
            self._estimate_more.start()

    def _estimate_rows(self, first: int, estimates: list[int], keep_exact: bool = True) -> None:
        """Give rows *first*.. new estimates; the row at the top stays where it is on screen."""
        anchor, within = self._top_row()
        self.geometry.estimate(first, estimates, keep_exact)
        self.update_scrollbar()
        self._keep_top_row(anchor, within)

    def _estimate(self, row: int) -> int:
        model = self._model()
        assert model is not None
        segment = model.segment(row)
        if self._row_filter is not None and not self._row_filter(segment):
            return 0
        return self._painter.estimate_height(segment.text, self.width)

    # ------------------------------------------------------------------ the row filter
    def is_row_shown(self, row: int) -> bool:
        """False when the row filter hides *row*."""
        model = self._model()
        if self._row_filter is None or model is None:
            return True
        return bool(self._row_filter(model.segment(row)))

    def set_row_filter(self, keep: RowFilter | None) -> None:
        """Show only the segments for which ``keep(segment)`` is true (None: all of them)."""
        self._row_filter = keep
        self.reset()

    # ------------------------------------------------------------------ the model's changes
    def texts_changed(self, first: int, last: int) -> bool:
        """Rows *first*..*last* have new text: their heights are estimates again. Returns whether
        any row's height changed (the rows below moved)."""
        if last - first < _FEW_ROWS:
            moved = False
            for row in range(first, last + 1):
                before = self.geometry.height(row)
                self._painter.forget(row)
                self.geometry.invalidate(row, self._estimate(row))
                moved |= self.geometry.height(row) != before
            return moved
        # Many rows (a replace-all): their estimates again, the other rows' heights kept.
        self._painter.forget()
        self._estimate_rows(first, self._estimates(first, last + 1), keep_exact=False)
        return True

    def insert(self, first: int, last: int) -> None:
        self.geometry.insert(first, self._estimates(first, last + 1))
        if first < self._estimated_to:
            self._estimated_to += last - first + 1

    def remove(self, first: int, last: int) -> None:
        self.geometry.remove(first, last - first + 1)
        if first < self._estimated_to:
            self._estimated_to -= min(last + 1, self._estimated_to) - first

    # ------------------------------------------------------------------ exact heights
    def measure(self, row: int, repaint: bool = True) -> int:
        """Exact height of *row*, recorded in the geometry; returns the change (*repaint*: repaint
        the rows it moved, else the caller does)."""
        model = self._model()
        assert model is not None
        self.ensure()
        if self.geometry.is_exact(row):
            return 0
        segment = model.segment(row)
        if self._row_filter is not None and not self._row_filter(segment):
            height = 0
        else:
            height = self._painter.exact_height(row, segment.text, self.width, segment.marks)
        delta = self.geometry.set_height(row, height)
        if delta and repaint:
            self.update_from(row)
        return delta

    def prepare_visible(self, painting: QRect | None = None) -> tuple[int, int]:
        """Lay out the rows that show; keep the first one where it is. Returns (first, last).

        *painting*: the part of the viewport a paint under way is about to draw (after this, with
        the rows where they now are); the rows a new height moved are repainted only outside it.
        """
        self.ensure()
        count = len(self.geometry)
        if not count:
            return 0, -1
        y0 = self._view.verticalScrollBar().value()
        first = self.geometry.row_at(y0)
        inside = y0 - self.geometry.top(first)
        moved = first if self.measure(first, repaint=False) else -1
        bottom = self._view.viewport().height() + inside
        row, filled = first, self.geometry.height(first)
        while filled < bottom and row + 1 < count:
            row += 1
            if self.measure(row, repaint=False) and moved < 0:
                moved = row
            filled += self.geometry.height(row)
        if moved >= 0:
            inside = max(0, min(inside, self.geometry.height(first) - 1))
            self.update_scrollbar()
            self.scroll_to(self.geometry.top(first) + max(0, inside))
            self.update_from(moved, painting)
        return first, row

    # ------------------------------------------------------------------ viewport coordinates
    def row_rect(self, row: int) -> QRect:
        """Viewport rectangle of *row* (may lie outside the viewport)."""
        self.ensure()
        top = self.geometry.top(row) - self._view.verticalScrollBar().value()
        return QRect(0, top, self._row_width(), self.geometry.height(row))

    def row_at(self, y: int) -> int:
        self.ensure()
        return self.geometry.row_at(y + self._view.verticalScrollBar().value())

    def last_shown_row(self) -> int:
        return self.geometry.row_at(self.geometry.total() - 1) if self.geometry.total() else -1

    # ------------------------------------------------------------------ scroll bar and repaints
    def update_scrollbar(self) -> None:
        bar = self._view.verticalScrollBar()
        height = self._view.viewport().height()
        self.scrolling_itself = True
        bar.setRange(0, max(0, self.geometry.total() - height))
        bar.setPageStep(height)
        bar.setSingleStep(self._painter.line_height * 3)
        self.scrolling_itself = False

    def scroll_to(self, value: int) -> None:
        """Set the scroll bar's value as the view's own move (auto-follow is not stopped)."""
        self.scrolling_itself = True
        self._view.verticalScrollBar().setValue(value)
        self.scrolling_itself = False

    def update_rows(self, first: int, last: int, painting: QRect | None = None) -> None:
        """Repaint rows *first*..*last* (what of them is on screen, but for *painting*: the part
        a paint under way draws anyway)."""
        self.ensure()
        viewport = self._view.viewport()
        count = len(self.geometry)
        if count == 0:
            return
        value = self._view.verticalScrollBar().value()
        y0 = self.geometry.top(max(0, first)) - value
        y1 = self.geometry.top(min(last + 1, count)) - value
        area = QRegion(QRect(0, y0, viewport.rect().width(), y1 - y0).intersected(viewport.rect()))
        if painting is not None:
            area = area.subtracted(QRegion(painting))
        if not area.isEmpty():
            viewport.update(area)

    def update_from(self, row: int, painting: QRect | None = None) -> None:
        """Repaint from *row* down: a row whose height changed moved every row below it, and
        what was painted of them is where they were (a paint clipped to the row alone left a
        turn drawn twice, a line apart, once something repainted it where it now is)."""
        self.update_rows(row, len(self.geometry) - 1, painting)
