"""The keys of the transcript view itself (no turn open, or the focus back on the view): Enter opens
the turn in hand, ↑/↓ go a turn (playback with them), PageUp/PageDown a screen, Ctrl+Home/End to
either end, and text typed goes into the turn in hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from editor.ui.document.row_layout import RowLayout
    from editor.ui.document.transcript_view import TranscriptView
    from editor.ui.document.turn_editor import TurnEditor
    from editor.ui.document.turn_in_hand import TurnInHand


class KeyNavigation:
    """The view's key presses, turned into moves between turns and typing into them."""

    def __init__(self, view: TranscriptView, rows: RowLayout, in_hand: TurnInHand,
                 describe: Callable[[], None]):
        self._view = view
        self._rows = rows
        self._in_hand = in_hand
        self._describe = describe   # tells assistive technology of the turn gone to
        self._handing_key = False   # a typed key being handed to the editor (see _type_into_turn_in_hand)

    def press(self, event: QKeyEvent) -> bool:
        """A key pressed in the view; False when it is not one of the view's keys."""
        key = event.key()
        self._rows.ensure()
        if self._view.model() is None or not len(self._rows):
            return False
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            row = self._in_hand.current()
            if row >= 0:
                self._view.open_editor(row, 0)
            return True
        if event.matches(QKeySequence.StandardKey.MoveToStartOfDocument) \
                or event.matches(QKeySequence.StandardKey.MoveToEndOfDocument):
            self.scroll_to_edge(event.matches(QKeySequence.StandardKey.MoveToEndOfDocument))
            return True
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and plain:
            self.step_turn(1 if key == Qt.Key.Key_Down else -1)
            return True
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and plain:
            self.page(1 if key == Qt.Key.Key_PageDown else -1)
            return True
        return self._type_into_turn_in_hand(event)

    # ------------------------------------------------------------------ moves
    def scroll_to_edge(self, end: bool) -> None:
        """Go to the first turn, or to the last (Ctrl+Home, Ctrl+End): a user scroll, and that turn
        is then the one in hand.

        Going to the end lays out the turns that fill the last screen first, so the bottom the
        scroll bar goes to is the real one, not an estimate's."""
        rows = self._rows
        rows.ensure()
        bar = self._view.verticalScrollBar()
        if end:
            row, filled = len(rows) - 1, 0
            while row >= 0 and filled < self._view.viewport().height():
                rows.measure(row)
                filled += rows.geometry.height(row)
                row -= 1
            rows.update_scrollbar()
        if bar.value() == (bar.maximum() if end else 0):
            self._view.user_scrolled.emit()   # there already: still the producer's move (following stops)
        bar.setValue(bar.maximum() if end else 0)
        if rows.geometry.total():
            self._in_hand.set(rows.last_shown_row() if end else rows.geometry.row_at(0), scroll=False)

    def page(self, direction: int) -> None:
        """PageDown (+1) / PageUp (-1): scroll a screen (a user scroll) and take the first turn
        wholly on screen in hand; when already at the end (start), the last (first) turn."""
        rows = self._rows
        rows.ensure()
        if not rows.geometry.total():
            return
        bar = self._view.verticalScrollBar()
        if bar.value() == (bar.maximum() if direction > 0 else bar.minimum()):
            self._view.user_scrolled.emit()   # the producer's move even where the view cannot scroll
            self._in_hand.set(rows.last_shown_row() if direction > 0 else rows.geometry.row_at(0))
            return
        bar.setValue(bar.value() + direction * bar.pageStep())
        self._in_hand.set(self._in_hand.first_whole_row(), scroll=False)

    def step_turn(self, direction: int) -> None:
        """Make the next (+1) or previous (-1) shown turn the one in hand: playback moves to its start."""
        model = self._view.model()
        if model is None:
            return
        rows = self._rows
        count = len(rows)
        row = self._in_hand.current()
        if row < 0:
            return
        if not self._in_hand.is_chosen() and self._view.editor() is None:
            row -= 1 if direction > 0 else 0   # none in hand yet: ↓ takes the first turn on screen itself
        target = row + direction
        while 0 <= target < count and not rows.is_row_shown(target):
            target += direction
        if not 0 <= target < count:
            return
        start = model.segment(target).start_ms
        if start is not None:
            self._view.seek_requested.emit(start)
        if model.current_row != target:   # untimed, or a turn overlapping the one before
            model.set_current(target)
        self._in_hand.set(target)
        self._describe()

    # ------------------------------------------------------------------ typing
    def _type_into_turn_in_hand(self, event: QKeyEvent) -> bool:
        """Text typed while the view has the focus goes on at the open turn's caret, or with no turn
        open into the turn in hand (at the playing word when it is the playing one, else at its
        start): the editor opens there and gets the key."""
        if self._handing_key:
            # The editor did not take the key handed to it, and Qt passed it on to its parents, this
            # view among them: handing it over again would never end.
            return True
        text = event.text()
        typing = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier) \
            == Qt.KeyboardModifier.NoModifier
        if not (typing and text and text.isprintable()) or self._view.model() is None or not len(self._rows):
            return False
        editor = self._view.editor()
        if editor is not None:
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
        model = self._view.model()
        assert model is not None
        row = self._in_hand.current()
        if row < 0:
            return None     # the review filter hides every turn
        char = 0
        if row == model.current_row:
            spans = model.word_spans(row).spans
            if 0 <= model.current_word < len(spans):
                char = spans[model.current_word][0]
        return self._view.open_editor(row, char)
