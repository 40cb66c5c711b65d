"""TranscriptView: the document-like, virtual list of turns.

A QAbstractScrollArea rather than a QListView: QListView sizes every row
through its delegate on each layout (0.35 s for 12,000 wrapped cues, and
again on every resize), while this view lays out only the rows it shows and
sizes the others by estimate (:mod:`editor.ui.document.row_geometry`); a big
document's estimates are made a slice per event-loop turn (an average until then),
so handing it a million turns never holds the window. Per playback tick it repaints
at most the two rows whose highlight changed.

The view emits what the user asked for (seek, edit, scroll) and leaves the
decisions to controllers; the only widget it owns besides the viewport is
the :class:`~editor.ui.document.turn_editor.TurnEditor` opened over the turn being
edited, and the floating "Back to playback" button.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QKeyEvent, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolButton, QToolTip, QWidget

from editor.core.transcript import ReviewStatus
from editor.ui.document import mark_looks, turn_accessibility
from editor.ui.document.follow_button import FollowButton
from editor.ui.document.row_geometry import RowGeometry
from editor.ui.document.transcript_model import Role, TranscriptModel
from editor.ui.document.turn_painter import TurnPainter

if TYPE_CHECKING:
    from editor.ui.document.turn_editor import TurnEditor  # made when a turn is first edited

_TEXT_ROLES = {int(Qt.ItemDataRole.DisplayRole), int(Role.TEXT), int(Role.SPEAKER_NAME), int(Role.SPEAKER_ID)}
_EMPTY_FILTER_TEXT = "No turns match this filter."
# Rows whose heights are estimated in one go. A bigger document gets the average of a sample for
# the rest at once and their own estimates a slice per event-loop turn, so opening, a resize or a
# filter change never holds the window for a pass over a million turns (~10 ms a slice).
ESTIMATE_SLICE = 20_000
_SAMPLE_ROWS = 2_000


class TranscriptView(QAbstractScrollArea):
    """Shows every turn; only visible ones are laid out and painted."""

    seek_requested = Signal(int)           # ms: a click on a time, or a modifier/double click on a word
    user_scrolled = Signal()               # the user moved the view (auto-follow stops)
    editing_started = Signal(int)          # row whose editor opened
    editing_finished = Signal(int)         # row whose editor closed or moved to another turn
    text_edited = Signal(int, str)         # row, whole new text: the controller pushes it to the model
    typed = Signal()                       # a text key was pressed in the editor
    follow_requested = Signal()            # "Back to playback" clicked
    too_long_to_edit = Signal(int)         # row opened, or typed into, that is too long to edit in place

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAccessibleName("Transcript")
        self.setAccessibleDescription("No transcript open")
        self._described = (-1, "")  # (row, description) told to assistive technology
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A viewport made here, not the one Qt made: handing Python a widget it has no wrapper for
        # makes PySide find its type by trying every QWidget class, each made as it is tried
        # (~80 classes' enums, ~35 ms of the window's start-up).
        self.setViewport(QWidget())
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.viewport().setAutoFillBackground(True)
        self.viewport().setMouseTracking(True)
        self._model: TranscriptModel | None = None
        self._geometry = RowGeometry()
        self._painter = TurnPainter(self._document_font())
        self._width = -1
        self._stale = True
        self._estimated_to = 0      # rows before this have their own estimate (the rest: an average)
        self._estimate_more = QTimer(self)
        self._estimate_more.setInterval(0)
        self._estimate_more.setSingleShot(True)
        self._estimate_more.timeout.connect(self._estimate_next_slice)
        self._row_filter = None     # callable(segment) -> bool, or None for all rows
        self._decorators: list = []   # callable(row, segment) -> [(start, end, QTextCharFormat)], each feature's
        self._margin_marker = None  # callable(row, segment) -> str (a tooltip-less tag) or None
        self._speaker_index: dict[str | None, int] = {}
        self._programmatic_scroll = False
        self._editor: TurnEditor | None = None
        self._in_hand = -1          # the turn the producer last went to (see current_turn), -1: none yet
        self._reserved_keys: set[int] = set()
        self._handing_key = False   # a typed key being handed to the editor (see _type_into_turn_in_hand)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        self._follow_button = FollowButton(self)
        self._follow_wanted = False
        self._follow_button.clicked.connect(self.follow_requested)
        # Last: each turn becomes an item of the view's accessible list (Qt's cache would forget
        # an interface registered before the view's children were made).
        self._accessible = turn_accessibility.attach(self)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_button.restyle()   # light or dark
            self._painter.forget()
            self.viewport().update()

    def _document_font(self):
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        return font

    # ------------------------------------------------------------------ model
    def set_model(self, model: TranscriptModel) -> None:
        if self._model is not None:
            self._model.disconnect(self)
        self._model = model
        model.modelReset.connect(self._on_model_reset)
        model.dataChanged.connect(self._on_data_changed)
        model.rowsInserted.connect(self._on_rows_inserted)
        model.rowsRemoved.connect(self._on_rows_removed)
        model.speakers_changed.connect(self._on_speakers_changed)
        self._on_speakers_changed()
        self._on_model_reset()

    def model(self) -> TranscriptModel | None:
        return self._model

    def set_reserved_shortcuts(self, keys: set[int]) -> None:
        """Key combinations the in-place editor must leave to the window's actions."""
        self._reserved_keys = set(keys)
        if self._editor is not None:
            self._editor.reserved_keys = self._reserved_keys

    # ------------------------------------------------------------------ geometry
    def _row_width(self) -> int:
        return self.viewport().width()

    def _reset_geometry(self) -> None:
        """Forget all heights; they are re-estimated when next needed (a slice at a time in a big document)."""
        self._stale = True
        self._painter.forget()
        self.viewport().update()

    def _ensure_geometry(self) -> None:
        if not self._stale and self._width == self._row_width():
            return
        self._stale = False
        self._width = self._row_width()
        self._painter.forget()
        bar = self.verticalScrollBar()
        anchor, within = -1, 0.0
        if len(self._geometry) and self._model is not None and len(self._geometry) == self._model.rowCount():
            # Keep the top row where it is across a width change (heights are all re-estimated).
            anchor = self._geometry.row_at(bar.value())
            within = (bar.value() - self._geometry.top(anchor)) / max(1, self._geometry.height(anchor))
        count = self._model.rowCount() if self._model is not None else 0
        heights = self._estimates(0, min(count, ESTIMATE_SLICE))
        if count > len(heights):
            heights += [self._average_estimate()] * (count - len(heights))
            self._estimate_more.start()
        self._estimated_to = min(count, ESTIMATE_SLICE)
        self._geometry.reset(heights)
        self._update_scrollbar()
        self._keep_top_row(anchor, within)

    def _keep_top_row(self, anchor: int, within: float) -> None:
        """Scroll so row *anchor* is at the top again, *within* (a share of its height) scrolled past."""
        if 0 <= anchor < len(self._geometry):
            self._programmatic_scroll = True
            self.verticalScrollBar().setValue(self._geometry.top(anchor)
                                              + int(within * self._geometry.height(anchor)))
            self._programmatic_scroll = False

    def _estimates(self, first: int, end: int) -> list[int]:
        """Estimated heights of rows *first*..*end*-1."""
        if self._model is None or first >= end:
            return []
        return self._heights_of(self._model.transcript.segments[first:end])

    def _heights_of(self, segments: list) -> list[int]:
        heights = self._painter.estimate_heights([s.text for s in segments], self._width)
        if self._row_filter is not None:   # hidden rows are rows of height 0
            keep = self._row_filter
            heights = [h if keep(s) else 0 for h, s in zip(heights, segments, strict=True)]
        return heights

    def _average_estimate(self) -> int:
        """The mean estimate of rows spread evenly through the document: the height rows have
        until their own estimate's slice comes."""
        assert self._model is not None
        segments = self._model.transcript.segments
        heights = self._heights_of(segments[::max(1, len(segments) // _SAMPLE_ROWS)])
        return round(sum(heights) / len(heights)) if heights else 0

    def _estimate_next_slice(self) -> None:
        """Replace the average by the rows' own estimates for the next slice of rows."""
        if self._stale or self._model is None:
            return      # the next layout starts over
        first, count = self._estimated_to, len(self._geometry)
        if first >= count:
            return
        end = min(count, first + ESTIMATE_SLICE)
        self._estimate_rows(first, self._estimates(first, end))
        self._estimated_to = end
        if end < count:
            self._estimate_more.start()

    def _estimate_rows(self, first: int, estimates: list[int], keep_exact: bool = True) -> None:
        """Give rows *first*.. new estimates; the row at the top stays where it is on screen."""
        bar = self.verticalScrollBar()
        anchor = self._geometry.row_at(bar.value())
        within = (bar.value() - self._geometry.top(anchor)) / max(1, self._geometry.height(anchor))
        self._geometry.estimate(first, estimates, keep_exact)
        self._update_scrollbar()
        self._keep_top_row(anchor, within)

    def _estimate(self, row: int) -> int:
        assert self._model is not None
        segment = self._model.segment(row)
        if self._row_filter is not None and not self._row_filter(segment):
            return 0
        return self._painter.estimate_height(segment.text, self._width)

    def is_row_shown(self, row: int) -> bool:
        """False when the row filter hides *row*."""
        if self._row_filter is None or self._model is None:
            return True
        return bool(self._row_filter(self._model.segment(row)))

    def set_row_filter(self, keep) -> None:
        """Show only the segments for which ``keep(segment)`` is true (None: all of them).

        Hidden rows keep their place with height 0, so row numbers, the model and the
        playback highlight are unaffected; the rows are estimated again, a slice at a time.
        """
        self._row_filter = keep
        self._reset_geometry()

    def add_text_decorator(self, decorator) -> None:
        """A feature's format ranges for painted turns: ``decorator(row, segment) -> [(start, end,
        QTextCharFormat)]``, drawn after those of the features that came before it.

        Called only for rows being painted (spelling underlines, low-confidence shading, search hits, suspects).
        """
        self._decorators.append(decorator)
        self.viewport().update()

    def set_margin_marker(self, marker) -> None:
        """``marker(row, segment) -> str | None``: a short tag drawn in the turn's left margin."""
        self._margin_marker = marker
        self.viewport().update()

    def update_row(self, row: int) -> None:
        """Repaint *row* alone (what a decorator or the margin marker says of it changed)."""
        self._update_rows(row, row)

    def _extra_ranges(self, row: int, segment) -> list:
        extra: list = []
        for decorator in self._decorators:
            extra += decorator(row, segment)
        return extra

    def _update_scrollbar(self) -> None:
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        self._programmatic_scroll = True
        bar.setRange(0, max(0, self._geometry.total() - height))
        bar.setPageStep(height)
        bar.setSingleStep(self._painter.line_height * 3)
        self._programmatic_scroll = False

    def _measure(self, row: int) -> int:
        """Exact height of *row*, recorded in the geometry; returns the change."""
        assert self._model is not None
        self._ensure_geometry()
        if self._geometry.is_exact(row):
            return 0
        segment = self._model.segment(row)
        if self._row_filter is not None and not self._row_filter(segment):
            height = 0
        else:
            height = self._painter.exact_height(row, segment.text, self._width, segment.marks)
        delta = self._geometry.set_height(row, height)
        if delta:
            self._update_from(row)
        return delta

    def _update_from(self, row: int) -> None:
        """Repaint from *row* down: a row whose height changed moved every row below it, and
        what was painted of them is where they were (a paint clipped to the row alone left a
        turn drawn twice, a line apart, once something repainted it where it now is)."""
        self._update_rows(row, len(self._geometry) - 1)

    def _prepare_visible(self) -> tuple[int, int]:
        """Lay out the rows that show; keep the first one where it is. Returns (first, last)."""
        self._ensure_geometry()
        count = len(self._geometry)
        if not count:
            return 0, -1
        bar = self.verticalScrollBar()
        y0 = bar.value()
        first = self._geometry.row_at(y0)
        inside = y0 - self._geometry.top(first)
        changed = self._measure(first) != 0
        bottom = self.viewport().height() + inside
        row, filled = first, self._geometry.height(first)
        while filled < bottom and row + 1 < count:
            row += 1
            changed |= self._measure(row) != 0
            filled += self._geometry.height(row)
        if changed:
            inside = max(0, min(inside, self._geometry.height(first) - 1))
            self._update_scrollbar()
            self._programmatic_scroll = True
            bar.setValue(self._geometry.top(first) + max(0, inside))
            self._programmatic_scroll = False
        return first, row

    def row_rect(self, row: int) -> QRect:
        """Viewport rectangle of *row* (may lie outside the viewport)."""
        self._ensure_geometry()
        top = self._geometry.top(row) - self.verticalScrollBar().value()
        return QRect(0, top, self._row_width(), self._geometry.height(row))

    def time_rect(self, row: int) -> QRect:
        """Viewport rectangle of *row*'s clickable start time."""
        assert self._model is not None
        segment = self._model.segment(row)
        speaker = self._model.transcript.speaker_name(segment.speaker_id)
        return self._painter.time_rect(segment, speaker).translated(self.row_rect(row).topLeft())

    def word_rect(self, row: int, word: int) -> QRect:
        """Viewport rectangle of word *word* of *row* (for tests, tooltips, the caret)."""
        assert self._model is not None
        self._measure(row)
        start, end = self._model.word_spans(row).spans[word]
        segment = self._model.segment(row)
        left = self._painter.char_rect(row, segment.text, self._width, start, segment.marks)
        right = self._painter.char_rect(row, segment.text, self._width, end, segment.marks)
        top_left = self.row_rect(row).topLeft()
        return QRect(int(left.left()), int(left.top()), max(2, int(right.left() - left.left())),
                     int(left.height())).translated(top_left)

    def badge_rects(self, row: int) -> dict[str, QRect]:
        """Viewport rectangles of *row*'s header badges by kind ("edited", "note", "status")."""
        if self._model is None:
            return {}
        rect = self.row_rect(row)
        return {kind: badge.translated(rect.topLeft())
                for kind, _text, badge in self._painter.badges(self._model.segment(row), rect.width())}

    def mark_tag_rects(self, row: int) -> list[QRect]:
        """Viewport rectangles of the tags ("[inaudible]") after *row*'s words that exports replace."""
        if self._model is None:
            return []
        self._measure(row)
        top_left = QPointF(self.row_rect(row).topLeft())
        return [box.translated(top_left).toAlignedRect()
                for _mark, box in self._painter.tag_rects(row, self._model.segment(row), self._width)]

    def visible_rows(self) -> range:
        first, last = self._prepare_visible()
        return range(first, last + 1)

    def row_at(self, y: int) -> int:
        self._ensure_geometry()
        return self._geometry.row_at(y + self.verticalScrollBar().value())

    def ensure_visible(self, row: int, word_char: int | None = None) -> None:
        """Scroll (without counting as a user scroll) so *row* reads comfortably."""
        self._ensure_geometry()
        if self._model is None or not 0 <= row < len(self._geometry):
            return
        self._prepare_visible()
        self._measure(row)
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        top = self._geometry.top(row)
        row_h = self._geometry.height(row)
        target_y = top
        if row_h > height and word_char is not None:
            # A turn taller than the window: keep the line being spoken in view.
            segment = self._model.segment(row)
            target_y = top + int(self._painter.char_rect(row, segment.text, self._width, word_char,
                                                         segment.marks).top()) - self._painter.line_height
        if bar.value() <= target_y and target_y + min(row_h, height // 2) <= bar.value() + height:
            return
        self._update_scrollbar()
        self._programmatic_scroll = True
        bar.setValue(max(0, target_y - height // 5))
        self._programmatic_scroll = False
        self.viewport().update()

    # ------------------------------------------------------------------ painting
    def paintEvent(self, event) -> None:
        if self._model is None:
            return
        first, last = self._prepare_visible()
        painter = QPainter(self.viewport())
        # A turn draws only the lines and decorations this shows (TurnPainter._paint_text): a long
        # turn with many decorations drawn whole took seconds a paint.
        painter.setClipRect(event.rect())
        palette = self.palette()
        model = self._model
        transcript = model.transcript
        current = model.current_row
        editing = self._editor.row if self._editor is not None and self._editor.isVisible() else -1
        in_hand = self.current_turn() if editing < 0 else -1
        clip = event.rect()
        for row in range(first, last + 1):
            rect = self.row_rect(row)
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
                                in_hand=row == in_hand, focused=self.hasFocus())
        if len(self._geometry) and self._geometry.total() == 0:   # the review filter hides every turn
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, _EMPTY_FILTER_TEXT)
        painter.end()
        if self._editor is not None and self._editor.isVisible():
            self._place_editor()
        self._update_follow_button()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._follow_button.place(*self._follow_button_room())
        if self._width == self._row_width() and not self._stale:
            self._update_scrollbar()   # a new width is handled lazily by _ensure_geometry
            if self._editor is not None and self._editor.hasFocus():
                self._keep_caret_in_view()   # e.g. a message bar came under the text while typing

    def sizeHint(self) -> QSize:
        return QSize(720, 600)

    # ------------------------------------------------------------------ model signals
    def _on_model_reset(self) -> None:
        self.close_editor()
        self._in_hand = -1
        self._describe_current()
        self._geometry.reset([])   # nothing to anchor to in a new transcript
        self._reset_geometry()
        if self.isVisible():
            # The scroll bar's range now, not in the first paint: it appears before anything is
            # painted, so the rows are laid out and painted once, at the width they keep.
            self._ensure_geometry()
            self._ensure_geometry()   # again if the scroll bar's coming narrowed the rows
        self._programmatic_scroll = True
        self.verticalScrollBar().setValue(0)
        self._programmatic_scroll = False
        self.viewport().update()

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles=()) -> None:
        assert self._model is not None
        first, last = top.row(), bottom.row()
        # Assistive technology hears of the playing turn when it changes, never per word tick.
        changed = {int(r) for r in roles}
        if changed != {int(Role.CURRENT_WORD)} and (
                not changed or int(Role.CURRENT) in changed or first <= self._described[0] <= last):
            self._describe_current()
        if self._stale:
            self.viewport().update()
            return
        text_changed = not roles or bool(_TEXT_ROLES.intersection(int(r) for r in roles))
        moved = False
        if text_changed and last - first < 64:
            for row in range(first, last + 1):
                before = self._geometry.height(row)
                self._painter.forget(row)
                self._geometry.invalidate(row, self._estimate(row))
                moved |= self._geometry.height(row) != before
        elif text_changed:   # many rows (a replace-all): their estimates again, the other rows' heights kept
            self._painter.forget()
            self._estimate_rows(first, self._estimates(first, last + 1), keep_exact=False)
            moved = True
        if text_changed and self._editor is not None and first <= self._editor.row <= last:
            # Also after a replace in many turns (one span of rows): the editor must never keep,
            # and later write back, the text the replace changed.
            self._editor.replace_text(self._model.segment(self._editor.row).text)
        if moved:
            self._update_from(first)
        else:
            self._update_rows(first, last)

    def _update_rows(self, first: int, last: int) -> None:
        self._ensure_geometry()
        viewport_rect = self.viewport().rect()
        count = len(self._geometry)
        if count == 0:
            return
        y0 = self._geometry.top(max(0, first)) - self.verticalScrollBar().value()
        y1 = self._geometry.top(min(last + 1, count)) - self.verticalScrollBar().value()
        area = QRect(0, y0, viewport_rect.width(), y1 - y0).intersected(viewport_rect)
        if not area.isEmpty():
            self.viewport().update(area)

    def _on_rows_inserted(self, parent, first: int, last: int) -> None:
        if self._stale:
            return
        self._geometry.insert(first, self._estimates(first, last + 1))
        if first < self._estimated_to:
            self._estimated_to += last - first + 1
        self._after_rows_moved(first, last - first + 1)

    def _on_rows_removed(self, parent, first: int, last: int) -> None:
        if self._stale:
            return
        self._geometry.remove(first, last - first + 1)
        if first < self._estimated_to:
            self._estimated_to -= min(last + 1, self._estimated_to) - first
        self._after_rows_moved(first, -(last - first + 1))

    def _after_rows_moved(self, first: int, delta: int) -> None:
        self._painter.forget()
        if self._editor is not None and self._editor.row >= first:
            self.close_editor()
        # The turn in hand stays the same turn (split before it, merged with one before it).
        if self._in_hand >= first + max(0, -delta):     # after the rows inserted at, or removed from, first
            self._in_hand += delta
        elif self._in_hand >= first:    # removed (merged away): the turn it went into
            self._in_hand = max(0, first - 1)
        self._update_scrollbar()
        self.viewport().update()

    def _on_speakers_changed(self) -> None:
        if self._model is not None:
            self._speaker_index = {sid: i for i, sid in enumerate(self._model.transcript.speakers)}
        self.viewport().update()

    # ------------------------------------------------------------------ user input
    def _on_scroll_value_changed(self, value: int) -> None:
        if not self._programmatic_scroll:
            self.user_scrolled.emit()
        if self._editor is not None and self._editor.isVisible():
            self._place_editor()
        self.viewport().update()

    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._model is None:
            return super().mousePressEvent(event)
        hit, row = self._hit(event.position())
        if hit is None:
            self._open_below_the_last_turn(event.position().y())
            return
        if hit.area == "time":
            start = self._model.segment(row).start_ms
            if start is not None:
                self.seek_requested.emit(start)
            self.set_current_turn(row, scroll=False)
        elif hit.area == "text" and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self._seek_word(row, hit.char)
            self.set_current_turn(row, scroll=False)
        elif hit.area == "text":
            self.open_editor(row, hit.char)
        else:
            # The turn's header or the space above its text (what separates two turns): the caret
            # goes to the start of this turn, so the keys typed next land in it, never nowhere.
            self.open_editor(row, 0)

    def _open_below_the_last_turn(self, y: float) -> None:
        """A click in the empty space under the last turn: the caret at the end of that turn."""
        if self._model is None or not len(self._geometry) or self._geometry.total() == 0:
            return
        last = self._geometry.row_at(self._geometry.total() - 1)   # the last one shown (hidden rows are 0 high)
        if y >= self.row_rect(last).bottom():
            self.open_editor(last, len(self._model.segment(last).text))

    def contextMenuEvent(self, event) -> None:
        """Right-click on a turn's text: open the editor there and show its menu (spelling fixes)."""
        hit, row = self._hit(QPointF(event.pos()))
        if hit is None or hit.area != "text":
            return super().contextMenuEvent(event)
        editor = self.open_editor(row, hit.char)
        target = editor.viewport().mapFromGlobal(event.globalPos())
        if editor.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu:
            editor.customContextMenuRequested.emit(target)
        else:
            QApplication.sendEvent(editor.viewport(), QContextMenuEvent(event.reason(), target, event.globalPos()))

    def mouseDoubleClickEvent(self, event) -> None:
        hit, row = self._hit(event.position())
        if hit is not None and hit.area == "text":
            self._seek_word(row, hit.char)
            self.set_current_turn(row, scroll=False)

    def mouseMoveEvent(self, event) -> None:
        hit, _ = self._hit(event.position())
        shape = Qt.CursorShape.PointingHandCursor if hit is not None and hit.area == "time" \
            else Qt.CursorShape.IBeamCursor if hit is not None and hit.area == "text" else Qt.CursorShape.ArrowCursor
        self.viewport().setCursor(shape)

    def _hit(self, pos):
        self._ensure_geometry()
        if self._model is None or not len(self._geometry):
            return None, -1
        row = self.row_at(int(pos.y()))
        rect = self.row_rect(row)
        if not rect.contains(pos.toPoint()):
            return None, -1
        segment = self._model.segment(row)
        speaker = self._model.transcript.speaker_name(segment.speaker_id)
        return self._painter.hit(row, segment, speaker, self._width, pos.x(), pos.y() - rect.top()), row

    def _seek_word(self, row: int, char: int) -> None:
        assert self._model is not None
        spans = self._model.word_spans(row)
        word = spans.word_at_char(char)
        ms = self._model.word_start_ms(row, max(0, word))
        if ms is not None:
            self.seek_requested.emit(ms)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        self._ensure_geometry()
        if self._model is None or not len(self._geometry):
            return super().keyPressEvent(event)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = self.current_turn()
            if row >= 0:
                self.open_editor(row, 0)
            return
        if event.matches(QKeySequence.StandardKey.MoveToStartOfDocument) \
                or event.matches(QKeySequence.StandardKey.MoveToEndOfDocument):
            self.scroll_to_edge(event.matches(QKeySequence.StandardKey.MoveToEndOfDocument))
            return
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and plain:
            self.step_turn(1 if key == Qt.Key.Key_Down else -1)
            return
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and plain:
            self.page(1 if key == Qt.Key.Key_PageDown else -1)
            return
        if self._type_into_turn_in_hand(event):
            return
        super().keyPressEvent(event)

    def _type_into_turn_in_hand(self, event: QKeyEvent) -> bool:
        """Text typed while the view has the focus goes on at the open turn's caret, or with no turn
        open into the turn in hand (:meth:`current_turn`; at the playing word when it is the playing
        one, else at its start): the editor opens there and gets the key."""
        if self._handing_key:
            # The editor did not take the key handed to it, and Qt passed it on to its parents, this
            # view among them: handing it over again would never end.
            return True
        text = event.text()
        typing = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier) \
            == Qt.KeyboardModifier.NoModifier
        if not (typing and text and text.isprintable()) or self._model is None or not len(self._geometry):
            return False
        editor = self._editor
        if editor is not None and editor.isVisible():
            # A turn is open (the focus went to the view, e.g. after a click on a turn's time): the
            # key goes on at its caret, not into another turn.
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            editor = self._open_turn_in_hand()
            if editor is None:
                return False
        # The key itself goes to the editor (a copy: the view's event is accepted here).
        self._handing_key = True
        try:
            QApplication.sendEvent(editor, QKeyEvent(event.type(), event.key(), event.modifiers(), text,
                                                     event.isAutoRepeat(), event.count()))
        finally:
            self._handing_key = False
        return True

    def _open_turn_in_hand(self) -> TurnEditor | None:
        """The editor opened on the turn in hand: at the playing word when that turn is playing,
        else at its start (None when the review filter hides every turn)."""
        model = self._model
        assert model is not None
        row = self.current_turn()
        if row < 0:
            return None     # the review filter hides every turn
        char = 0
        if row == model.current_row:
            spans = model.word_spans(row).spans
            if 0 <= model.current_word < len(spans):
                char = spans[model.current_word][0]
        return self.open_editor(row, char)

    # ------------------------------------------------------------------ the turn in hand
    # One rule for which turn Enter, typing and the window's "this turn" actions (Ctrl+Enter, Flag,
    # Split…) act on: the turn being edited; else the one the producer last went to or clicked
    # (Ctrl+Home/End, PageUp/PageDown, ↑/↓, a click on its text, time or header, a turn edited
    # and left with Esc) or, when playback following has moved the highlight since, the playing
    # one (FollowController hands it over); else the first turn wholly on screen. It is drawn with
    # a focus ring, and scrolled into view before anything is done to it: never acted on unseen.
    def current_turn(self) -> int:
        """The turn in hand (the rule above); -1 when no turn is shown."""
        if self._editor is not None and self._editor.isVisible():
            return self._editor.row
        if 0 <= self._in_hand < len(self._geometry) and self.is_row_shown(self._in_hand):
            return self._in_hand
        return self._first_whole_row()

    def set_current_turn(self, row: int, scroll: bool = True) -> None:
        """Make *row* the turn in hand (an open editor stays where it is); *scroll* brings it into view."""
        self._ensure_geometry()
        if not 0 <= row < len(self._geometry):
            return
        before, self._in_hand = self._in_hand, row
        if scroll:
            self.ensure_visible(row)
        if before != row:
            if 0 <= before < len(self._geometry):
                self._update_rows(before, before)
            self._update_rows(row, row)
            self._describe_current()

    def _has_turn_in_hand(self) -> bool:
        """Whether the producer (or following) has put a turn in hand, not the first-on-screen default."""
        return 0 <= self._in_hand < len(self._geometry) and self.is_row_shown(self._in_hand)

    def _first_whole_row(self) -> int:
        """The first turn shown whole at the top of the screen (the top one when it is half scrolled
        off and the next one does not start on screen); -1 when the filter hides every turn."""
        if self._model is None or not len(self._geometry) or self._geometry.total() == 0:
            return -1
        first, _last = self._prepare_visible()
        y0 = self.verticalScrollBar().value()
        top = self._geometry.top(first)
        if top >= y0:
            return first
        below = self._geometry.row_at(top + self._geometry.height(first))   # the next shown turn
        if below > first and self._geometry.top(below) < y0 + self.viewport().height():
            return below
        return first

    def _last_shown_row(self) -> int:
        return self._geometry.row_at(self._geometry.total() - 1) if self._geometry.total() else -1

    def scroll_to_edge(self, end: bool) -> None:
        """Go to the first turn, or to the last (Ctrl+Home, Ctrl+End): a user scroll, and that turn
        is then the one in hand.

        Going to the end lays out the turns that fill the last screen first, so the bottom the
        scroll bar goes to is the real one, not an estimate's."""
        self._ensure_geometry()
        bar = self.verticalScrollBar()
        if end:
            row, filled = len(self._geometry) - 1, 0
            while row >= 0 and filled < self.viewport().height():
                self._measure(row)
                filled += self._geometry.height(row)
                row -= 1
            self._update_scrollbar()
        if bar.value() == (bar.maximum() if end else 0):
            self.user_scrolled.emit()   # there already: still the producer's move (following stops)
        bar.setValue(bar.maximum() if end else 0)
        if self._geometry.total():
            self.set_current_turn(self._last_shown_row() if end else self._geometry.row_at(0), scroll=False)

    def page(self, direction: int) -> None:
        """PageDown (+1) / PageUp (-1): scroll a screen (a user scroll) and take the first turn
        wholly on screen in hand; when already at the end (start), the last (first) turn."""
        self._ensure_geometry()
        if not self._geometry.total():
            return
        bar = self.verticalScrollBar()
        if bar.value() == (bar.maximum() if direction > 0 else bar.minimum()):
            self.user_scrolled.emit()   # the producer's move even where the view cannot scroll
            self.set_current_turn(self._last_shown_row() if direction > 0 else self._geometry.row_at(0))
            return
        bar.setValue(bar.value() + direction * bar.pageStep())
        self.set_current_turn(self._first_whole_row(), scroll=False)

    def step_turn(self, direction: int) -> None:
        """Make the next (+1) or previous (-1) shown turn the one in hand: playback moves to its start."""
        model = self._model
        if model is None:
            return
        count = len(self._geometry)
        row = self.current_turn()
        if row < 0:
            return
        if not self._has_turn_in_hand() and (self._editor is None or not self._editor.isVisible()):
            row -= 1 if direction > 0 else 0   # none in hand yet: ↓ takes the first turn on screen itself
        target = row + direction
        while 0 <= target < count and not self.is_row_shown(target):
            target += direction
        if not 0 <= target < count:
            return
        start = model.segment(target).start_ms
        if start is not None:
            self.seek_requested.emit(start)
        if model.current_row != target:   # untimed, or a turn overlapping the one before
            model.set_current(target)
        self.set_current_turn(target)
        self._describe_current()

    # ------------------------------------------------------------------ accessibility
    def accessible_row(self) -> int:
        """The turn assistive technology is told about: the one being edited, else the one in hand
        (gone to, clicked, or handed over by playback following), else the one playing."""
        if self._editor is not None and self._editor.isVisible():
            return self._editor.row
        if self._has_turn_in_hand():
            return self._in_hand
        return self._model.current_row if self._model is not None else -1

    def _describe_current(self) -> None:
        """Put the focused/playing turn (speaker, time, status, text) in the accessible description.

        Called when that row changes or is edited, so screen readers can announce it; O(1).
        """
        row = self.accessible_row()
        if self._model is None or not 0 <= row < self._model.rowCount():
            text = "No turn selected" if self._model is not None and self._model.rowCount() else "No transcript open"
        else:
            segment = self._model.segment(row)
            speaker, when, status = turn_accessibility.turn_heading(self._model.transcript, segment)
            text = (f"Turn {row + 1} of {self._model.rowCount()}: {speaker}, {when}, {status}. "
                    f"{turn_accessibility.turn_text(segment)}")
            if self._editor is not None and self._editor.row == row:
                self._editor.setAccessibleDescription(f"{speaker}, {when}")
        if (row, text) != self._described:
            moved = row != self._described[0]
            self._described = (row, text)
            self.setAccessibleDescription(text)
            if moved:
                turn_accessibility.announce_current(self, row)
        elif self.isVisible():
            turn_accessibility.ensure_attached(self)

    # ------------------------------------------------------------------ scroll position
    def scroll_anchor(self) -> tuple[int, int]:
        """(top row, pixels of it scrolled past): where the reader is, stable across a reload."""
        self._ensure_geometry()
        if not len(self._geometry):
            return -1, 0
        value = self.verticalScrollBar().value()
        row = self._geometry.row_at(value)
        return row, value - self._geometry.top(row)

    def restore_scroll_anchor(self, anchor: tuple[int, int]) -> None:
        """Scroll back to a :meth:`scroll_anchor` (not a user scroll: auto-follow is not stopped)."""
        row, inside = anchor
        self._ensure_geometry()
        if not 0 <= row < len(self._geometry):
            return
        self._measure(row)
        self._update_scrollbar()
        self._programmatic_scroll = True
        self.verticalScrollBar().setValue(self._geometry.top(row) + max(0, inside))
        self._programmatic_scroll = False
        self._prepare_visible()
        self.viewport().update()

    # ------------------------------------------------------------------ the follow button
    def set_follow_button_visible(self, visible: bool) -> None:
        """Offer "Back to playback" (while not following); it shows only when the playing turn is off screen."""
        self._follow_wanted = visible
        self._update_follow_button()

    def _update_follow_button(self) -> None:
        """Show the button when wanted and the playing turn is out of sight; O(1), run on every paint."""
        visible = self._follow_wanted and self._model is not None and self._playing_row_off_screen()
        self._follow_button.show_over(visible, *self._follow_button_room())

    def _playing_row_off_screen(self) -> bool:
        row = self._model.current_row if self._model is not None else -1
        if not 0 <= row < len(self._geometry):
            return False
        return not self.row_rect(row).intersects(self.viewport().rect())

    def follow_button(self) -> QToolButton:
        return self._follow_button

    def _follow_button_room(self) -> tuple[QRect, QRect | None]:
        """Where the button may float: the text's rectangle and the open turn editor's, in the view's coordinates."""
        text = self.viewport().geometry()
        editor = self.editor()
        return text, editor.geometry().translated(text.topLeft()) if editor is not None else None

    # ------------------------------------------------------------------ in-place editor
    def editor(self) -> TurnEditor | None:
        """The open editor, if any (the edit controller connects its undo handling here)."""
        return self._editor if self._editor is not None and self._editor.isVisible() else None

    def open_editor(self, row: int, char: int = 0) -> TurnEditor:
        """Open the editor over *row* with the caret at *char*."""
        assert self._model is not None
        if self._editor is None:
            from editor.ui.document.turn_editor import TurnEditor
            self._editor = TurnEditor(self.viewport())
            self._editor.reserved_keys = self._reserved_keys
            self._editor.edited.connect(self._on_editor_edited)
            self._editor.typed.connect(self.typed)
            self._editor.leave_requested.connect(self._on_editor_leave)
            self._editor.word_seek_requested.connect(lambda char: self._seek_word(self._editor.row, char))
            self._editor.cursorPositionChanged.connect(self._keep_caret_in_view)
            self._editor.refused.connect(lambda: self.too_long_to_edit.emit(self._editor.row))
        previous = self._editor.row if self._editor.isVisible() else -1
        if previous >= 0 and previous != row:
            self.editing_finished.emit(previous)
        in_hand, self._in_hand = self._in_hand, row
        if 0 <= in_hand < len(self._geometry) and in_hand not in (previous, row):
            self._update_rows(in_hand, in_hand)   # its focus ring goes
        self._editor.load(row, self._model.segment(row).text, self._painter.text_font, char)
        self.ensure_visible(row)
        self._editor.show()
        self._place_editor()
        self._editor.setFocus(Qt.FocusReason.MouseFocusReason)
        if previous >= 0:
            self._update_rows(previous, previous)
        self._update_rows(row, row)
        self._describe_current()
        self.editing_started.emit(row)
        if self._editor.isReadOnly():
            self.too_long_to_edit.emit(row)
        return self._editor

    def close_editor(self) -> None:
        if self._editor is not None and self._editor.isVisible():
            row = self._editor.row
            self._editor.hide()
            self._editor.row = -1
            self._in_hand = row     # the turn just left stays in hand (Enter opens it again)
            self.editing_finished.emit(row)
            self._describe_current()
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            if 0 <= row < len(self._geometry):
                self._update_rows(row, row)

    def _place_editor(self) -> None:
        assert self._editor is not None
        editor = self._editor
        row = editor.row
        if not 0 <= row < len(self._geometry):
            return
        self._measure(row)
        rect = self.row_rect(row)
        origin = self._painter.text_origin()
        height = self._geometry.height(row) - int(origin.y()) - 6
        geometry = QRect(int(origin.x()), rect.top() + int(origin.y()),
                         self._painter.text_width(rect.width()) + 2, max(height, self._painter.line_height) + 4)
        if editor.geometry() != geometry:
            editor.setGeometry(geometry)

    def _on_editor_edited(self, text: str) -> None:
        assert self._editor is not None
        self.text_edited.emit(self._editor.row, text)
        self._keep_caret_in_view()

    def _keep_caret_in_view(self) -> None:
        """Scroll (not a user scroll) so the open turn's caret line is on screen: the editor lies
        over its turn and cannot scroll the view, so a turn growing at the bottom of the screen,
        or the caret moved down a turn taller than the window, took the typing out of sight."""
        editor = self._editor
        if editor is None or not editor.hasFocus() or not 0 <= editor.row < len(self._geometry):
            return   # (a Replace All elsewhere moving its caret does not pull the view back to it)
        self._measure(editor.row)
        self._update_scrollbar()
        self._place_editor()
        caret = editor.cursorRect().translated(editor.geometry().topLeft())
        margin = self._painter.line_height // 2
        if caret.bottom() + margin > self.viewport().height():
            shift = caret.bottom() + margin - self.viewport().height()
        elif caret.top() - margin < 0:
            shift = caret.top() - margin
        else:
            return
        bar = self.verticalScrollBar()
        self._programmatic_scroll = True
        bar.setValue(bar.value() + shift)
        self._programmatic_scroll = False

    def _on_editor_leave(self, direction: int) -> None:
        assert self._model is not None
        assert self._editor is not None
        row = self._editor.row + direction
        while direction and 0 <= row < len(self._geometry) and not self.is_row_shown(row):
            row += direction   # skip turns the row filter hides
        if direction == 0 or not 0 <= row < len(self._geometry):
            self.close_editor()
            return
        text = self._model.segment(row).text
        self.open_editor(row, len(text) if direction < 0 else 0)

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent) and event.type() == QEvent.Type.ToolTip and self._model is not None:
            hit, row = self._hit(QPointF(event.pos()))
            tip = self._tooltip(hit, row) if hit is not None else ""
            if tip:
                QToolTip.showText(event.globalPos(), tip, self.viewport(), self.row_rect(row))
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _tooltip(self, hit, row: int) -> str:
        if self._model is None:
            return ""
        segment = self._model.segment(row)
        if hit.area in ("note", "status") and segment.note:
            return f"Note: {segment.note}"
        if hit.area == "status":
            return f"{ReviewStatus(segment.status).value.capitalize()}" + (
                f" by {segment.approved_by}" if segment.approved_by else "")
        if hit.area == "edited":
            return f"Changed from the recognizer's text: {(segment.original_text or '')[:300]}"
        if hit.area == "text":   # a marked passage (or its tag): what exports write for it
            for mark in segment.marks:
                if mark.start <= hit.char <= mark.end:
                    return mark_looks.tooltip(mark, segment.text)
        return ""

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.FocusIn):
            turn_accessibility.ensure_attached(self)
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut) and self._model is not None \
                and len(self._geometry) and self.editor() is None:
            row = self.current_turn()     # its ring shows whether the keys are the view's
            if row >= 0:
                self._update_rows(row, row)
        if event.type() == QEvent.Type.FontChange:
            self._painter.set_font(self._document_font())
            self._reset_geometry()
        return super().event(event)
