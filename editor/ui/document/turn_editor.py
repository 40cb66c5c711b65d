"""The in-place text editor the transcript view opens over the turn being edited.

A plain QPlainTextEdit laid over the turn's text, wrapping exactly like the
painted text (same font, width and wrap mode) so nothing jumps when it opens.
It knows nothing about the model: it reports what the user did through
signals and the view decides. Playback shortcuts must keep working while the
caret is here, so the keys bound to window actions are not claimed by the
editor (Qt text widgets otherwise take e.g. Ctrl+Left for word moves).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QPalette, QTextCursor, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit

from editor.ui.document.turn_painter import LAYOUT_LIMIT, wrap_mode_for
from editor.ui.utf16 import Utf16Offsets


class TurnEditor(QPlainTextEdit):
    """Edits one turn's text; emits intent, never touches the model."""

    edited = Signal(str)              # the whole new text, after each change
    typed = Signal()                  # a key that inserts text was pressed (pause-while-typing)
    leave_requested = Signal(int)     # -1: go to the turn above, +1: below, 0: close
    word_seek_requested = Signal(int)  # Ctrl+click or double-click at this character offset
    refused = Signal()                # a key that would change a turn too long to edit here (read-only)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # It wraps, so it must never scroll sideways. QPlainTextEdit gives its (hidden) horizontal
        # bar the range of its widest line, which at a wrap point can run a few pixels past the
        # viewport; the caret at such a line's end then scrolled the whole turn left.
        self.horizontalScrollBar().rangeChanged.connect(self._keep_from_scrolling_sideways)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDocumentMargin(0)
        self.setViewportMargins(0, 0, 0, 0)
        self.setContentsMargins(0, 0, 0, 0)
        self.viewport().setAutoFillBackground(False)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.transparent)
        self.setPalette(palette)
        self.setTabChangesFocus(True)
        self.setAccessibleName("Turn text")
        self.reserved_keys: set[int] = set()
        self.row = -1
        self._loading = False
        self.textChanged.connect(self._on_text_changed)

    def load(self, row: int, text: str, font: QFont, char: int) -> None:
        """Show *text* of *row* with the caret at *char*."""
        self.row = row
        self.setFont(font)
        self._loading = True
        self._show(text)
        self._loading = False
        self.set_caret(char)

    def _show(self, text: str) -> None:
        """Put *text* in the editor; a turn beyond LAYOUT_LIMIT is shown read-only, cut short.

        QPlainTextEdit lays a block out again on every keystroke (a 1 MB turn: ~1 s per key),
        so such a turn is changed through Find and Replace, which works on the model.
        """
        self.setWordWrapMode(wrap_mode_for(text[:LAYOUT_LIMIT]))   # a huge token wraps anywhere
        too_long = len(text) > LAYOUT_LIMIT
        self.setReadOnly(too_long)
        if too_long:
            # Still a caret, moved by mouse and keys: Split Turn at Caret cuts the turn where it is.
            self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                         | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            self.setPlainText(f"{text[:LAYOUT_LIMIT]} … [{len(text) - LAYOUT_LIMIT:,} more characters: "
                              "this turn is too long to edit here; split it (Edit ▸ Split Long Turn Into "
                              "Parts, or Split Turn at Caret), or change it with Find and Replace]")
        else:
            self.setPlainText(text)

    def replace_text(self, text: str) -> None:
        """Take a text changed elsewhere (undo, replace all), keeping the caret where it was."""
        if text == self.toPlainText():
            return
        caret = self.caret()
        self._loading = True
        self._show(text)
        self._loading = False
        self.set_caret(min(caret, len(text)))

    # The caret in the core's character offsets; Qt's cursor counts UTF-16 units (an emoji is two).
    def set_caret(self, char: int) -> None:
        text = self.toPlainText()
        cursor = self.textCursor()
        cursor.setPosition(Utf16Offsets(text).to_qt(max(0, min(char, len(text)))))
        self.setTextCursor(cursor)

    def caret(self) -> int:
        return self._char_at(self.textCursor().position())

    def selection(self) -> tuple[int, int]:
        """The selection's (start, end) in character offsets (both the caret's when none)."""
        cursor = self.textCursor()
        return self._char_at(cursor.selectionStart()), self._char_at(cursor.selectionEnd())

    def qt_span(self, start: int, end: int) -> QTextCursor:
        """A cursor over characters *start*..*end* of this editor's text."""
        offsets = Utf16Offsets(self.toPlainText())
        cursor = QTextCursor(self.document())
        cursor.setPosition(offsets.to_qt(start))
        cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def turn_chars_shown(self) -> int:
        """How many of the turn's characters the editor shows: all, or the first LAYOUT_LIMIT of a
        turn too long to edit (the note after them is none of the turn's)."""
        return min(len(self.toPlainText()), LAYOUT_LIMIT) if self.isReadOnly() else len(self.toPlainText())

    def _char_at(self, position: int) -> int:
        """The character offset at Qt's *position* in this editor's text."""
        char = Utf16Offsets(self.toPlainText()).from_qt(position)
        # A turn too long to edit shows its first LAYOUT_LIMIT characters, then a note of what is
        # not shown: a place in the note is the end of the text shown, not hidden text at that offset.
        return min(char, LAYOUT_LIMIT) if self.isReadOnly() else char

    # ------------------------------------------------------------------ events
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                event.accept()   # Esc leaves the editor; a side panel's Esc must not take it
                return True
            if event.keyCombination().toCombined() in self.reserved_keys:
                event.ignore()   # not ours: let the window's action have it
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        cursor = self.textCursor()
        if key == Qt.Key.Key_Escape:
            self.leave_requested.emit(0)
            return
        if key == Qt.Key.Key_Up and plain and self._on_first_line(cursor):
            self.leave_requested.emit(-1)
            return
        if key == Qt.Key.Key_Down and plain and self._on_last_line(cursor):
            self.leave_requested.emit(1)
            return
        changes_text = bool(event.text() and event.text().isprintable()) \
            or key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if self.isReadOnly() and (changes_text or event.matches(QKeySequence.StandardKey.Paste)
                                  or event.matches(QKeySequence.StandardKey.Cut)):
            # Taken here and said so: ignored, the key would go on to the view, which hands typing
            # to the open turn, that is back here.
            event.accept()
            self.refused.emit()
            return
        if changes_text and key not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.typed.emit()
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.word_seek_requested.emit(self._char_at(self.cursorForPosition(event.position().toPoint()).position()))
            return
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:
        super().mouseDoubleClickEvent(event)
        self.word_seek_requested.emit(self._char_at(self.cursorForPosition(event.position().toPoint()).position()))

    def _on_first_line(self, cursor: QTextCursor) -> bool:
        probe = QTextCursor(cursor)
        return not probe.movePosition(QTextCursor.MoveOperation.Up) or probe.position() == cursor.position()

    def _on_last_line(self, cursor: QTextCursor) -> bool:
        probe = QTextCursor(cursor)
        return not probe.movePosition(QTextCursor.MoveOperation.Down) or probe.position() == cursor.position()

    def _keep_from_scrolling_sideways(self, _low: int, high: int) -> None:
        if high:
            self.horizontalScrollBar().setRange(0, 0)    # its value goes back to 0 with it

    def _on_text_changed(self) -> None:
        # A read-only editor shows a turn cut short: re-highlighting it (spelling, suspects)
        # changes formats, which Qt reports as a text change, and must never edit the turn.
        if not self._loading and not self.isReadOnly():
            self.edited.emit(self.toPlainText())
