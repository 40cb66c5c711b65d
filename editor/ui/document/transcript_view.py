"""TranscriptView: the document-like, virtual list of turns.

A QAbstractScrollArea rather than a QListView: QListView sizes every row
through its delegate on each layout (0.35 s for 12,000 wrapped cues, and
again on every resize), while this view lays out only the rows it shows and
sizes the others by estimate (:mod:`editor.ui.document.row_layout`), so handing
it a million turns never holds the window. Per playback tick it repaints at most
the two rows whose highlight changed.

The view emits what the user asked for (seek, edit, scroll) and leaves the
decisions to controllers. It is the composition of parts with one job each,
which it owns and hands Qt's events to:

- :class:`~editor.ui.document.row_layout.RowLayout`: row heights, the row filter, the scroll bar's range;
- :class:`~editor.ui.document.rows_painting.RowsPainting`: the turns on screen, with each feature's decorations;
- :class:`~editor.ui.document.turn_hits.TurnHits`: what is under a point, where a turn's parts are;
- :class:`~editor.ui.document.pointer_input.PointerInput`: clicks (play, edit) and tooltips;
- :class:`~editor.ui.document.key_navigation.KeyNavigation`: the view's keys (turn to turn, typing into one);
- :class:`~editor.ui.document.turn_in_hand.TurnInHand`: the turn those keys and the window's actions act on;
- :class:`~editor.ui.document.in_place_editing.InPlaceEditing`: the turn editor opened over a turn;
- :class:`~editor.ui.document.turn_scrolling.TurnScrolling`: scrolling to a turn, the "Back to playback" button;
- :class:`~editor.ui.document.turn_description.CurrentTurnDescription`: the turn screen readers are told of.

Each part is handed the parts beneath it (the row layout and the turn painter under all of them,
the turn in hand under the editor, the keys and the painting); what a part asks of a peer (open the
editor, bring a turn into view) goes through the view's public methods, as the controllers' requests do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QAbstractScrollArea, QToolButton, QWidget

from editor.ui.document import turn_accessibility
from editor.ui.document.in_place_editing import InPlaceEditing
from editor.ui.document.key_navigation import KeyNavigation
from editor.ui.document.pointer_input import PointerInput
from editor.ui.document.row_layout import RowFilter, RowLayout
from editor.ui.document.rows_painting import Decorator, MarginMarker, RowsPainting
from editor.ui.document.transcript_model import Role, TranscriptModel
from editor.ui.document.turn_description import CurrentTurnDescription
from editor.ui.document.turn_hits import TurnHits
from editor.ui.document.turn_in_hand import TurnInHand
from editor.ui.document.turn_painter import TurnPainter
from editor.ui.document.turn_scrolling import TurnScrolling

if TYPE_CHECKING:
    from editor.ui.document.turn_editor import TurnEditor  # made when a turn is first edited

_TEXT_ROLES = {int(Qt.ItemDataRole.DisplayRole), int(Role.TEXT), int(Role.SPEAKER_NAME), int(Role.SPEAKER_ID)}


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

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Transcript")
        self.setAccessibleDescription("No transcript open")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # A viewport made here, not the one Qt made: handing Python a widget it has no wrapper for
        # makes PySide find its type by trying every QWidget class, each made as it is tried
        # (~80 classes' enums, ~35 ms of the window's start-up).
        self.setViewport(QWidget())
        self.viewport().setBackgroundRole(QPalette.ColorRole.Base)
        self.viewport().setAutoFillBackground(True)
        self.viewport().setMouseTracking(True)
        self._model: TranscriptModel | None = None
        self._painter = TurnPainter(self._document_font())
        self._rows = RowLayout(self, self._painter)
        self._scrolling = TurnScrolling(self, self._rows, self._painter)
        self._in_hand = TurnInHand(self, self._rows, self._describe_current)
        self._hits = TurnHits(self, self._rows, self._painter)
        self._pointer = PointerInput(self, self._rows, self._hits)
        self._editing = InPlaceEditing(self, self._rows, self._painter, self._in_hand,
                                       self._pointer.play_word, self._describe_current)
        self._keys = KeyNavigation(self, self._rows, self._in_hand, self._describe_current)
        self._painting = RowsPainting(self, self._rows, self._painter, self._in_hand, self._editing)
        self._description = CurrentTurnDescription(self, self._editing, self._in_hand)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        self._scrolling.follow_button.clicked.connect(self.follow_requested)
        # Last: each turn becomes an item of the view's accessible list (Qt's cache would forget
        # an interface registered before the view's children were made).
        self._accessible = turn_accessibility.attach(self)

    def _document_font(self) -> QFont:
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

    def _on_model_reset(self) -> None:
        self.close_editor()
        self._in_hand.forget()
        self._describe_current()
        self._rows.start_over()
        self.viewport().update()

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex, roles=()) -> None:
        first, last = top.row(), bottom.row()
        # Assistive technology hears of the playing turn when it changes, never per word tick.
        changed = {int(r) for r in roles}
        if changed != {int(Role.CURRENT_WORD)} and (
                not changed or int(Role.CURRENT) in changed or first <= self._description.told[0] <= last):
            self._describe_current()
        if self._rows.stale:
            self.viewport().update()
            return
        text_changed = not roles or bool(_TEXT_ROLES.intersection(changed))
        moved = self._rows.texts_changed(first, last) if text_changed else False
        if text_changed:
            self._editing.texts_changed(first, last)
        if moved:
            self._rows.update_from(first)
        else:
            self._rows.update_rows(first, last)

    def _on_rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        if not self._rows.stale:
            self._rows.insert(first, last)
            self._after_rows_moved(first, last - first + 1)

    def _on_rows_removed(self, _parent: QModelIndex, first: int, last: int) -> None:
        if not self._rows.stale:
            self._rows.remove(first, last)
            self._after_rows_moved(first, -(last - first + 1))

    def _after_rows_moved(self, first: int, delta: int) -> None:
        self._painter.forget()
        self._editing.rows_moved(first)
        self._in_hand.rows_moved(first, delta)
        self._rows.update_scrollbar()
        self.viewport().update()

    def _on_speakers_changed(self) -> None:
        self._painting.speakers_changed()

    # ------------------------------------------------------------------ rows and what features add to them
    def set_reserved_shortcuts(self, keys: set[int]) -> None:
        """Key combinations the in-place editor must leave to the window's actions."""
        self._editing.set_reserved_keys(keys)

    def is_row_shown(self, row: int) -> bool:
        """False when the row filter hides *row*."""
        return self._rows.is_row_shown(row)

    def set_row_filter(self, keep: RowFilter | None) -> None:
        """Show only the segments for which ``keep(segment)`` is true (None: all of them).

        Hidden rows keep their place with height 0, so row numbers, the model and the
        playback highlight are unaffected; the rows are estimated again, a slice at a time.
        """
        self._rows.set_row_filter(keep)

    def add_text_decorator(self, decorator: Decorator) -> None:
        """A feature's format ranges for painted turns: ``decorator(row, segment) -> [(start, end,
        QTextCharFormat)]``, drawn after those of the features that came before it.

        Called only for rows being painted (spelling underlines, low-confidence shading, search hits, suspects).
        """
        self._painting.add_text_decorator(decorator)

    def set_margin_marker(self, marker: MarginMarker | None) -> None:
        """``marker(row, segment) -> str | None``: a short tag drawn in the turn's left margin."""
        self._painting.set_margin_marker(marker)

    def update_row(self, row: int) -> None:
        """Repaint *row* alone (what a decorator or the margin marker says of it changed)."""
        self._rows.update_rows(row, row)

    # ------------------------------------------------------------------ where things are
    def row_rect(self, row: int) -> QRect:
        """Viewport rectangle of *row* (may lie outside the viewport)."""
        return self._rows.row_rect(row)

    def row_at(self, y: int) -> int:
        return self._rows.row_at(y)

    def time_rect(self, row: int) -> QRect:
        """Viewport rectangle of *row*'s clickable start time."""
        return self._hits.time_rect(row)

    def word_rect(self, row: int, word: int) -> QRect:
        """Viewport rectangle of word *word* of *row*, where it is painted."""
        return self._hits.word_rect(row, word)

    def badge_rects(self, row: int) -> dict[str, QRect]:
        """Viewport rectangles of *row*'s header badges by kind ("edited", "note", "status")."""
        return self._hits.badge_rects(row)

    def mark_tag_rects(self, row: int) -> list[QRect]:
        """Viewport rectangles of the tags ("[inaudible]") after *row*'s words that exports replace."""
        return self._hits.mark_tag_rects(row)

    # ------------------------------------------------------------------ scrolling
    def ensure_visible(self, row: int, word_char: int | None = None) -> None:
        """Scroll (without counting as a user scroll) so *row* reads comfortably."""
        self._scrolling.ensure_visible(row, word_char)

    def scroll_anchor(self) -> tuple[int, int]:
        """(top row, pixels of it scrolled past): where the reader is, stable across a reload."""
        return self._scrolling.scroll_anchor()

    def restore_scroll_anchor(self, anchor: tuple[int, int]) -> None:
        """Scroll back to a :meth:`scroll_anchor` (not a user scroll: auto-follow is not stopped)."""
        self._scrolling.restore_scroll_anchor(anchor)

    def set_follow_button_visible(self, visible: bool) -> None:
        """Offer "Back to playback" (while not following); it shows only when the playing turn is off screen."""
        self._scrolling.set_follow_button_visible(visible)

    def follow_button(self) -> QToolButton:
        return self._scrolling.follow_button

    def _on_scroll_value_changed(self, _value: int) -> None:
        if not self._rows.scrolling_itself:
            self.user_scrolled.emit()
        self._editing.place()
        self.viewport().update()

    # ------------------------------------------------------------------ the turn in hand (see turn_in_hand)
    def current_turn(self) -> int:
        """The turn in hand: the one Enter, typing and "this turn" actions act on; -1 when no turn is shown."""
        return self._in_hand.current()

    def set_current_turn(self, row: int, scroll: bool = True) -> None:
        """Make *row* the turn in hand (an open editor stays where it is); *scroll* brings it into view."""
        self._in_hand.set(row, scroll)

    # ------------------------------------------------------------------ in-place editor
    def editor(self) -> TurnEditor | None:
        """The open editor, if any (the edit controller connects its undo handling here)."""
        return self._editing.editor()

    def open_editor(self, row: int, char: int = 0) -> TurnEditor:
        """Open the editor over *row* with the caret at *char*."""
        return self._editing.open(row, char)

    def close_editor(self) -> None:
        self._editing.close()

    # ------------------------------------------------------------------ accessibility
    def accessible_row(self) -> int:
        """The turn assistive technology is told about: the one being edited, else the one in hand
        (gone to, clicked, or handed over by playback following), else the one playing."""
        return self._description.row()

    def _describe_current(self) -> None:
        """Put the focused/playing turn (speaker, time, status, text) in the accessible description."""
        self._description.update()

    # ------------------------------------------------------------------ Qt's events
    def paintEvent(self, event) -> None:
        if self._model is None:
            return
        self._painting.paint(event.rect())
        self._editing.place()
        self._scrolling.update_follow_button()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._scrolling.place_follow_button()
        if self._rows.width == self.viewport().width() and not self._rows.stale:
            self._rows.update_scrollbar()   # a new width is handled lazily by RowLayout.ensure
            self._editing.keep_caret_in_view()   # e.g. a message bar came under the text while typing

    def sizeHint(self) -> QSize:
        return QSize(720, 600)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._scrolling.follow_button.restyle()   # light or dark
            self._painter.forget()
            self.viewport().update()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.FocusIn):
            turn_accessibility.ensure_attached(self)
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut) and self._model is not None \
                and len(self._rows) and self.editor() is None:
            row = self.current_turn()     # its ring shows whether the keys are the view's
            if row >= 0:
                self._rows.update_rows(row, row)
        if event.type() == QEvent.Type.FontChange:
            self._painter.set_font(self._document_font())
            self._rows.reset()
        return super().event(event)

    def viewportEvent(self, event: QEvent) -> bool:
        # (The viewport's events start while the view is being made: its parts are asked only for tooltips.)
        if event.type() == QEvent.Type.ToolTip and self._pointer.tooltip(event):
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event) -> None:
        if not self._pointer.press(event):
            super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        self._pointer.double_click(event)

    def mouseMoveEvent(self, event) -> None:
        self._pointer.move(event)

    def contextMenuEvent(self, event) -> None:
        if not self._pointer.context_menu(event):
            super().contextMenuEvent(event)

    def keyPressEvent(self, event) -> None:
        if not self._keys.press(event):
            super().keyPressEvent(event)
