"""EditController: the undo stack and every correction the producer makes in the text.

Typing in the in-place editor, split/merge, times, speakers, revert and
inaudible/crosstalk/unclear marks all become :mod:`editor.ui.document.commands` pushed
on one QUndoStack, so each can be undone (unlimited, within the session).
The controller decides *which* turn and *where*: the turn being edited and its
caret when the editor is open, else the turn that is playing.

Per keystroke the cost is one ``ops.set_text`` (the turn's words realigned,
nothing else in the document read) and one repaint of that turn.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCharFormat, QUndoStack
from PySide6.QtWidgets import QTextEdit

from editor.core.long_text import PART_CHARS
from editor.core.transcript import Mark, MarkKind, ReviewStatus, WordTiming
from editor.ui import theme
from editor.ui.actions import Actions
from editor.ui.context import WindowContext
from editor.ui.document import mark_looks
from editor.ui.document.commands import OpCommand, TypingCommand, ops
from editor.ui.document.turn_painter import LAYOUT_LIMIT

if TYPE_CHECKING:
    from editor.core.ops import Op

_Planned = TypeVar("_Planned")   # the op a planner returns
_TIMED = (WordTiming.IMPORTED, WordTiming.ALIGNED)
MARK_SLACK_MS = 3000   # playback this close to a turn still counts as "what was just heard"


class EditController(QObject):
    """Turns edit intents into undoable commands on the model."""

    failed = Signal(str)          # an edit that cannot be made here (shown in the status bar)
    message = Signal(str)         # what an edit did besides the edit itself (shown in the status bar)
    # Why turn (row) cannot be edited in place: offer to split it into parts ("": split, the offer is moot).
    split_offered = Signal(str, int)
    split_offer_moved = Signal(str)   # the offer's text, the turn it names having moved to another row

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        model = self._model = ctx.model
        view = self._view = ctx.view
        self._playback = ctx.playback       # where a split or a mark falls: what was just heard
        self.stack = QUndoStack(self)          # unlimited: undoLimit 0
        # QUndoStack clears itself (and signals) when deleted, after the window's actions are gone.
        stack = self.stack
        self.destroyed.connect(lambda: stack.blockSignals(True))
        view.text_edited.connect(self._on_view_text_edited)
        view.editing_started.connect(self._on_view_editing_started)
        view.too_long_to_edit.connect(self._offer_split)
        # The turn the split offer names (its id, and its row then), while the offer stands: any edit
        # (Split Turn at Caret, an undo, a merge) may make it short enough, or take it away.
        self._offered: tuple[str, int] | None = None
        self.stack.indexChanged.connect(self._withdraw_moot_offer)
        self._connect_actions(ctx.actions)
        model.modelReset.connect(self._on_model_reset)
        model.dataChanged.connect(self._on_model_data_changed)

    def _connect_actions(self, a: Actions) -> None:
        stack = self.stack
        a["undo"].triggered.connect(self.undo)
        a["redo"].triggered.connect(self.redo)
        stack.undoTextChanged.connect(lambda text: a["undo"].setText(f"&Undo {text}".strip()))
        stack.redoTextChanged.connect(lambda text: a["redo"].setText(f"&Redo {text}".strip()))
        a["split_turn"].triggered.connect(self.split_at_caret)
        a["split_long_turn"].triggered.connect(lambda: self.split_into_parts())
        a["merge_next"].triggered.connect(self.merge_with_next)
        a["revert_turn"].triggered.connect(self.revert_to_original)
        a["mark_inaudible"].triggered.connect(lambda: self.add_mark(MarkKind.INAUDIBLE))
        a["mark_crosstalk"].triggered.connect(lambda: self.add_mark(MarkKind.CROSSTALK))
        a["mark_unclear"].triggered.connect(lambda: self.add_mark(MarkKind.UNCLEAR))
        a["remove_mark"].triggered.connect(lambda: self.remove_mark())
        a["next_mark"].triggered.connect(lambda: self.go_to_mark(1))
        a["previous_mark"].triggered.connect(lambda: self.go_to_mark(-1))

    # ------------------------------------------------------------------ where
    @property
    def transcript(self):
        return self._model.transcript

    def current_row(self) -> int:
        """The turn an action applies to: the view's turn in hand (the one being edited, else the one
        last gone to, clicked or followed; see editor.ui.document.turn_in_hand)."""
        return self._view.current_turn() if self._model.rowCount() else -1

    def _caret(self, row: int) -> int:
        editor = self._view.editor()
        if editor is not None and editor.row == row:
            return editor.caret()
        if row == self._model.current_row and self._model.current_word >= 0:
            spans = self._model.word_spans(row).spans
            if self._model.current_word < len(spans):
                return spans[self._model.current_word][0]
        return 0

    def _selection(self, row: int) -> tuple[int, int]:
        editor = self._view.editor()
        if editor is not None and editor.row == row:
            return editor.selection()
        caret = self._caret(row)
        return caret, caret

    def _position(self) -> int | None:
        return self._playback.position() if self._playback.has_media() else None

    # ------------------------------------------------------------------ pushing
    def push(self, op: Op, text: str, row: int = -1) -> bool:
        """Apply *op* as one undo step (nothing happens for an op that changes nothing)."""
        if ops.is_noop(op):
            return False
        self.stack.push(OpCommand(self._model, op, text, row))
        return True

    def _plan(self, planner: Callable[..., _Planned], *args, **kwargs) -> _Planned | None:
        """Run a planner; an impossible edit becomes a message, never a traceback."""
        try:
            return planner(self.transcript, *args, **kwargs)
        except ValueError as error:
            self.failed.emit(str(error))
            return None

    def undo(self) -> None:
        self._seal_typing()
        self.stack.undo()
        self._reveal(self.stack.command(self.stack.index()))

    def redo(self) -> None:
        self.stack.redo()
        self._reveal(self.stack.command(self.stack.index() - 1))

    def _reveal(self, command) -> None:
        row = getattr(command, "focus_row", -1)
        if 0 <= row < self._model.rowCount():
            self._view.ensure_visible(row)

    # ------------------------------------------------------------------ typing
    def _on_view_text_edited(self, row: int, text: str) -> None:
        if not 0 <= row < self._model.rowCount():
            return
        was_approved = self._model.segment(row).status is ReviewStatus.APPROVED
        op = ops.set_text(self.transcript, row, text)
        if ops.is_noop(op):
            return
        editor = self._view.editor()
        caret = editor.caret() if editor is not None else -1
        self.stack.push(TypingCommand(self._model, op, row, caret))
        self._tell_if_unapproved(row, was_approved)

    def _tell_if_unapproved(self, row: int, was_approved: bool) -> None:
        """Say so when an edit took a turn's approval back (ops.set_text does, for a changed text)."""
        if was_approved and self._model.segment(row).status is not ReviewStatus.APPROVED:
            self.message.emit(f"Turn {row + 1} changed after approval: approve it again when it is right")

    def _seal_typing(self) -> None:
        top = self.stack.command(self.stack.index() - 1) if self.stack.index() > 0 else None
        if isinstance(top, TypingCommand):
            top.seal()

    def _on_view_editing_started(self, row: int) -> None:
        self._seal_typing()   # typing in another turn (or after leaving this one) is a new step
        editor = self._view.editor()
        if editor is not None:
            editor.setUndoRedoEnabled(False)   # the window's stack undoes, not the widget's own
            self._show_editor_marks()

    def _on_model_reset(self) -> None:
        self.stack.clear()

    def _on_model_data_changed(self, top, bottom, roles=()) -> None:
        editor = self._view.editor()
        if editor is not None and top.row() <= editor.row <= bottom.row():
            self._show_editor_marks()

    def _show_editor_marks(self) -> None:
        """Marks drawn in the editor too (tinted, outlined), not as plain text."""
        editor = self._view.editor()
        if editor is None or not 0 <= editor.row < self._model.rowCount():
            return
        selections = []
        length = editor.turn_chars_shown()
        segment = self._model.segment(editor.row)
        for mark in segment.marks:
            if mark.end > length:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = editor.qt_span(mark.start, mark.end)
            # As painted (struck through when exports drop the words), and outlined: being edited.
            fmt = mark_looks.text_format(mark, segment.text)   # the window's palette: the editor's is see-through
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(theme.MARK_BORDER[mark.kind].on())
            fmt.setToolTip(mark_looks.tooltip(mark, segment.text))
            selection.cursor, selection.format = cursor, fmt
            selections.append(selection)
        editor.setExtraSelections(selections)

    # ------------------------------------------------------------------ rows
    def split_at_caret(self) -> bool:
        """Split the turn at the caret; the new turn starts at that word's time or the playback position."""
        row = self.current_row()
        if row < 0:
            return False
        segment = self._model.segment(row)
        caret = self._caret(row)
        at_ms = None
        if not (segment.words and segment.word_timing in _TIMED):
            at_ms = self._position_inside(segment)
        op = self._plan(ops.split, row, caret, at_ms)
        if op is None or not self.push(op, "Split Turn", row):
            return False
        self._view.open_editor(row + 1, 0)
        return True

    def split_into_parts(self, row: int | None = None) -> bool:
        """Cut the turn (default: the one in hand) into turns short enough to edit in place, between
        sentences; one undo step. The caret goes to the start of the first part."""
        row = self.current_row() if row is None else row
        if not 0 <= row < self._model.rowCount():
            return False
        op = self._plan(ops.split_into_parts, row)
        if op is None or not self.push(op, "Split Turn into Parts", row):
            return False
        made = op.outcome()
        # A run of text with no spaces (a pasted blob) cannot be cut: its part stays too long.
        uncut = made.longer_than(LAYOUT_LIMIT)
        said = (f"Turn {row + 1} is now {made.parts:,} turns, "
                + (f"{uncut:,} still too long to edit (no space to cut it at)" if uncut
                   else "each short enough to edit"))
        if made.words_cut:    # no audio says where inside a word a part starts: say the times are a guess
            one = made.words_cut == 1
            said += (f". {_words(made.words_cut)} had no space to cut at and {'was' if one else 'were'} cut across "
                     f"turns: {'its' if one else 'their'} time is shared between the pieces by length, an estimate")
        self.message.emit(said)
        self._offered = None
        self.split_offered.emit("", row)
        self._view.open_editor(row, 0)
        return True

    def _offer_split(self, row: int) -> None:
        if 0 <= row < self._model.rowCount():
            self._offered = (self._model.segment(row).id, row)
            self.split_offered.emit(self._offer_text(row), row)

    def _offer_text(self, row: int) -> str:
        size = len(self._model.segment(row).text)
        return (f"Turn {row + 1} is too long to edit in place ({size:,} characters). Split it into parts of "
                f"at most {PART_CHARS:,} characters, between sentences, to edit it.")

    def _withdraw_moot_offer(self, *_) -> None:
        """After an edit: the offer goes once the turn it named can be edited in place, or is gone
        (looked up at the row it had; the list is searched only when rows above it moved)."""
        if self._offered is None:
            return
        segment_id, hint = self._offered
        row = self._model.row_of(segment_id, hint)
        if row >= 0 and len(self._model.segment(row).text) > LAYOUT_LIMIT:
            self._offered = (segment_id, row)
            if row != hint:       # a turn above it split or merged: the offer names it by its new number
                self.split_offer_moved.emit(self._offer_text(row))
            return
        self._offered = None
        self.split_offered.emit("", max(row, 0))

    def _position_inside(self, segment) -> int | None:
        """The playback position when it lies inside *segment* (a better cut than an estimate)."""
        ms = self._position()
        if ms is None or segment.start_ms is None:
            return None
        if ms <= segment.start_ms or (segment.end_ms is not None and ms >= segment.end_ms):
            return None
        return ms

    def merge_with_next(self) -> bool:
        row = self.current_row()
        if row < 0:
            return False
        join = len(self._model.segment(row).text) + 1
        op = self._plan(ops.merge_with_next, row)
        if op is None or not self.push(op, "Merge Turns", row):
            return False
        editor = self._view.editor()
        if editor is not None and editor.row == row:
            editor.set_caret(join)
        return True

    def revert_to_original(self) -> bool:
        row = self.current_row()
        if row < 0:
            return False
        was_approved = self._model.segment(row).status is ReviewStatus.APPROVED
        op = self._plan(ops.revert_to_original, row)
        if op is None or not self.push(op, "Revert Turn to Original", row):
            return False
        self._tell_if_unapproved(row, was_approved)
        return True

    # ------------------------------------------------------------------ speakers
    def set_speaker(self, speaker_id: str, row: int | None = None) -> bool:
        row = self.current_row() if row is None else row
        if row < 0:
            return False
        op = self._plan(ops.set_speaker, row, speaker_id)
        return op is not None and self.push(op, "Change Speaker", row)

    def set_speaker_by_name(self, name: str, row: int | None = None) -> bool:
        """Give the turn the speaker called *name*; a new name adds the speaker (one undo step)."""
        row = self.current_row() if row is None else row
        name = name.strip()
        if row < 0 or not name:
            return False
        existing = self.transcript.speaker_by_name(name)
        if existing is not None:
            return self.set_speaker(existing.id, row)
        add = self._plan(ops.add_speaker, name)
        if add is None:
            return False
        new_id = add.speakers[-1].id
        # set_speaker checks the id exists, so plan it as a field edit that runs after the add.
        group = ops.Group((add, ops.SetFields(((row, {"speaker_id": new_id}),))))
        return self.push(group, f"New Speaker {name}", row)

    def rename_speaker(self, speaker_id: str, name: str) -> bool:
        """Rename everywhere: one op, one undo step, however many turns show the name."""
        op = self._plan(ops.rename_speaker, speaker_id, name)
        return op is not None and self.push(op, f"Rename Speaker to {name.strip()}")

    def merge_speakers(self, source_id: str, target_id: str) -> bool:
        """Give every turn of *source_id* to *target_id* and drop *source_id* (one undo step)."""
        op = self._plan(ops.merge_speakers, source_id, target_id)
        return op is not None and self.push(op, f"Merge {self.transcript.speaker_name(source_id)} into "
                                                f"{self.transcript.speaker_name(target_id)}")

    def reassign_turns(self, rows: list[int], speaker_id: str) -> bool:
        """Give the turns *rows* to *speaker_id* at once (one undo step)."""
        if not rows:
            return False
        op = self._plan(ops.set_speaker, rows, speaker_id)
        count = len(rows)
        return op is not None and self.push(op, f"Give {count} Turn{'s' if count != 1 else ''} to "
                                                f"{self.transcript.speaker_name(speaker_id)}")

    def add_speaker(self, name: str) -> str | None:
        speaker_id = self.transcript.new_speaker_id()   # chosen here: the op's contents are its own
        op = self._plan(ops.add_speaker, name, speaker_id)
        if op is None or not self.push(op, f"Add Speaker {name.strip()}"):
            return None
        return speaker_id

    # ------------------------------------------------------------------ marks
    def add_mark(self, kind: MarkKind) -> bool:
        """Mark the selection (or insert a marker at the caret) as *kind*, at the playback time."""
        row = self.current_row()
        if row < 0:
            return False
        start, end = self._selection(row)
        op = self._plan(ops.add_mark, row, kind, start, end, self._mark_time(row))
        if op is None or not self.push(op, f"Mark {kind.value.title()}", row):
            return False
        editor = self._view.editor()
        if editor is not None and editor.row == row:
            mark = self._mark_near(row, start)
            editor.set_caret(mark.end if mark is not None else end)
        return True

    def _mark_time(self, row: int) -> int | None:
        """The playback position when it is in (or just around) this turn, else None: the word's time.

        A producer marks what they just heard; with playback far away (paused
        elsewhere, no audio) the time of the marked word is the better guess.
        """
        ms = self._position()
        segment = self._model.segment(row)
        if ms is None or segment.start_ms is None:
            return None
        end = segment.end_ms if segment.end_ms is not None else segment.start_ms
        return ms if segment.start_ms - MARK_SLACK_MS <= ms <= end + MARK_SLACK_MS else None

    def _mark_near(self, row: int, at: int) -> Mark | None:
        for mark in self._model.segment(row).marks:
            if mark.start <= at <= mark.end or mark.start >= at:
                return mark
        return None

    def mark_at_caret(self) -> tuple[int, Mark] | None:
        row = self.current_row()
        if row < 0:
            return None
        start, end = self._selection(row)
        for mark in self._model.segment(row).marks:
            if mark.start <= end and start <= mark.end:
                return row, mark
        return None

    def remove_mark(self, row: int | None = None, mark: Mark | None = None) -> bool:
        """Remove *mark* (default: the one at the caret); a bare "[inaudible]" token goes with it."""
        if mark is None or row is None:
            found = self.mark_at_caret()
            if found is None:
                self.failed.emit("No marker at the caret.")
                return False
            row, mark = found
        op = self._plan(ops.remove_mark, row, mark)
        return op is not None and self.push(op, f"Remove {mark.kind.value.title()} Marker", row)

    def go_to_mark(self, direction: int) -> tuple[int, Mark] | None:
        """Open the next (+1) or previous (-1) marker, select it and play from its time."""
        found = self.find_mark(direction)
        if found is None:
            self.failed.emit("No more markers " + ("below." if direction > 0 else "above."))
            return None
        row, mark = found
        self.show_mark(row, mark)
        return found

    def show_mark(self, row: int, mark: Mark) -> None:
        editor = self._view.open_editor(row, mark.start)
        editor.setTextCursor(editor.qt_span(mark.start, mark.end))
        if mark.time_ms is not None and self._playback.has_media():
            self._playback.seek(mark.time_ms)

    def find_mark(self, direction: int) -> tuple[int, Mark] | None:
        """The marker after (or before) the caret, scanning turns outward from it."""
        row = self.current_row()
        if row < 0:
            return None
        start, end = self._selection(row)
        segments = self.transcript.segments
        if direction > 0:
            for mark in segments[row].marks:
                if mark.start > start or (mark.start == start and end < mark.end and start == end):
                    return row, mark
            for r in range(row + 1, len(segments)):
                if segments[r].marks:
                    return r, segments[r].marks[0]
        else:
            for mark in reversed(segments[row].marks):
                if mark.start < start:
                    return row, mark
            for r in range(row - 1, -1, -1):
                if segments[r].marks:
                    return r, segments[r].marks[-1]
        return None


def _words(count: int) -> str:
    """How many timed words, e.g. "1 timed word", "3 timed words"."""
    return f"{count:,} timed word{'s' if count != 1 else ''}"
