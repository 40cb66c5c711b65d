"""TranscriptModel: the Qt list model over the core Transcript, and its one mutation gateway.

The model wraps ``transcript.segments`` without copying it: row *i* is
segment *i*. Views read it through custom roles; every change goes through a
method here, which changes the core objects and emits exactly the signals
that describe the change (``dataChanged`` for the touched rows only,
``rowsInserted``/``rowsRemoved`` for structural edits). Undo commands
(``editor/ui/document/commands.py``) call these methods and use what they
return to undo.

Playback position is model state too (``CurrentRole``/``CurrentWordRole``),
so views just repaint the two rows whose highlight changed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal

from editor.core.timeline import StartTimes
from editor.core.transcript import Segment, Transcript
from editor.ui.document.word_spans import WordSpans, word_spans

if TYPE_CHECKING:
    from editor.core import ops

SCATTERED_RANGES = 64      # more runs of changed rows than this are told as one span
STARTS_SLICE = 20_000      # start times indexed per idle pass (a few ms): a huge episode never at once
_NO_PARENT = QModelIndex()   # a list model's rows hang off the invalid root index


def _ops():
    """editor.core.ops, imported on the first edit (it pulls in rapidfuzz; startup does not need it)."""
    from editor.core import ops
    return ops


class Role(enum.IntEnum):
    SEGMENT = Qt.ItemDataRole.UserRole + 1   # the core Segment object
    SPEAKER_ID = enum.auto()
    SPEAKER_NAME = enum.auto()
    START = enum.auto()                       # int ms or None
    END = enum.auto()
    TEXT = enum.auto()
    STATUS = enum.auto()                      # ReviewStatus
    CURRENT = enum.auto()                     # bool: the segment being played
    CURRENT_WORD = enum.auto()                # int word index in the current segment, else -1
    CHANGED = enum.auto()                     # bool: text differs from the recognizer's
    MARKS = enum.auto()                       # list[Mark]
    IGNORED = enum.auto()                     # the passages the producer said are right (suspects hidden)


# What an edit of turns' texts, words or marks changes (typing, a replace): its dataChanged names
# these roles, so a listener that follows other data (statuses, times, speakers) can skip it.
# Any other edit is told without roles (everything may have changed).
# Typing in a turn with heard word times also sets its word_timing (words typed in are estimated).
# Typing before a passage the producer said is right moves it along (its "ignored" field).
TEXT_EDIT_FIELDS = frozenset({"text", "words", "marks", "word_timing", "ignored"})
TEXT_EDIT_ROLES = [int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.EditRole), int(Qt.ItemDataRole.ToolTipRole),
                   int(Role.SEGMENT), int(Role.TEXT), int(Role.CHANGED), int(Role.MARKS), int(Role.IGNORED)]
# What saying a passage is right (or taking that back) changes: no text, only which suspects show.
IGNORED_EDIT_FIELDS = frozenset({"ignored"})
IGNORED_EDIT_ROLES = [int(Role.SEGMENT), int(Role.IGNORED)]
# What an edit of times alone changes (ops.SetTimes: Shift Times in every turn, its undo and redo): a
# listener that follows texts or statuses (suspects, heights of turns) skips it.
TIME_EDIT_ROLES = [int(Role.SEGMENT), int(Role.START), int(Role.END), int(Role.MARKS)]


@dataclass(frozen=True)
class Commit:
    """One committed edit as observers see it: the primitives' changes in order, and the row count before."""

    transcript: Transcript
    changes: tuple
    count_before: int


class TranscriptModel(QAbstractListModel):
    """One row per segment of a :class:`~editor.core.transcript.Transcript`."""

    # Emitted after any change of the transcript's content (not of the playback highlight).
    transcript_changed = Signal()
    # Emitted when speakers are added or renamed (speaker pickers and colours follow).
    speakers_changed = Signal()
    # Emitted when chapters are added, changed or removed (the chapters panel and the waveform follow).
    chapters_changed = Signal()
    # A producer's edit (or its undo/redo) was applied through run(): a Commit of what changed.
    committed = Signal(object)
    # Data the app computed itself was applied through run_derived(): a Commit of what changed.
    derived = Signal(object)

    def __init__(self, transcript: Transcript | None = None, parent=None):
        super().__init__(parent)
        self._transcript = transcript or Transcript()
        # What plays when: built in slices when idle, rows rewritten as edits move them.
        self._starts = StartTimes(self._transcript)
        self._starts_timer = QTimer(self, singleShot=True, interval=0)
        self._starts_timer.timeout.connect(self._index_starts)
        self._starts_timer.start()
        # id(segment) -> (words list, spans); valid while text and words are the same objects
        # (core ops assign new ones rather than mutate, so identity is a safe, O(1) check).
        self._spans: dict[int, tuple[list, WordSpans]] = {}
        self._current_row = -1
        self._changes: list | None = None          # what the primitives of the edit being run did
        self._current_word = -1

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._transcript.segments)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._transcript.segments):
            return None
        row = index.row()
        segment = self._transcript.segments[row]
        if role in (Qt.ItemDataRole.DisplayRole, Role.TEXT, Qt.ItemDataRole.EditRole):
            return segment.text
        if role == Role.SEGMENT:
            return segment
        if role == Role.SPEAKER_NAME:
            return self._transcript.speaker_name(segment.speaker_id)
        if role == Role.SPEAKER_ID:
            return segment.speaker_id
        if role == Role.START:
            return segment.start_ms
        if role == Role.END:
            return segment.end_ms
        if role == Role.STATUS:
            return segment.status
        if role == Role.CURRENT:
            return row == self._current_row
        if role == Role.CURRENT_WORD:
            return self._current_word if row == self._current_row else -1
        if role == Role.CHANGED:
            return segment.is_changed
        if role == Role.MARKS:
            return list(segment.marks)
        if role == Role.IGNORED:
            return segment.ignored
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self._transcript.speaker_name(segment.speaker_id)}: {segment.text[:200]}"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(role): QByteArray(role.name.lower().encode()) for role in Role})
        return names

    # ------------------------------------------------------------------ reading
    @property
    def transcript(self) -> Transcript:
        return self._transcript

    def set_transcript(self, transcript: Transcript) -> None:
        """Show another transcript (opening a file)."""
        self.beginResetModel()
        self._transcript = transcript
        self._starts = StartTimes(transcript)
        self._starts_timer.start()
        self._spans.clear()
        self._current_row = self._current_word = -1
        self.endResetModel()
        self.speakers_changed.emit()

    def segment(self, row: int) -> Segment:
        return self._transcript.segments[row]

    def row_of(self, segment_id: str, hint: int = -1) -> int:
        """Row of the segment *segment_id*, -1 when it is gone. *hint*, the row it had when work
        on it began, is tried first (O(1)); a split, merge or deletion since may have moved it."""
        segments = self._transcript.segments
        if 0 <= hint < len(segments) and segments[hint].id == segment_id:
            return hint
        try:
            return self._transcript.index_of(segment_id)
        except KeyError:
            return -1

    def row_at_time(self, ms: int) -> int:
        """Row of the segment playing at *ms* (O(log n)); -1 before the first segment."""
        return self._starts.index_at(ms)

    def word_spans(self, row: int) -> WordSpans:
        """Character spans and start times of the words of *row* (cached per text)."""
        segment = self._transcript.segments[row]
        cached = self._spans.get(id(segment))
        if cached is not None and cached[1].text is segment.text and cached[0] is segment.words:
            return cached[1]
        segments = self._transcript.segments
        next_start = segments[row + 1].start_ms if row + 1 < len(segments) else None
        spans = word_spans(segment, next_start)
        if len(self._spans) > 4096:  # a cache of what was recently played or clicked, not of everything
            self._spans.clear()
        self._spans[id(segment)] = (segment.words, spans)
        return spans

    def word_start_ms(self, row: int, word: int) -> int | None:
        spans = self.word_spans(row)
        if 0 <= word < len(spans.starts):
            return spans.starts[word]
        return self._transcript.segments[row].start_ms

    # ------------------------------------------------------------------ playback highlight
    @property
    def current_row(self) -> int:
        return self._current_row

    @property
    def current_word(self) -> int:
        return self._current_word

    def set_current(self, row: int, word: int = -1) -> None:
        """Move the playback highlight; only the rows whose highlight changed are signalled."""
        old_row, old_word = self._current_row, self._current_word
        if row == old_row and word == old_word:
            return
        self._current_row, self._current_word = row, word
        if row != old_row:
            self._emit_rows(old_row, [Role.CURRENT, Role.CURRENT_WORD])
            self._emit_rows(row, [Role.CURRENT, Role.CURRENT_WORD])
        else:
            self._emit_rows(row, [Role.CURRENT_WORD])

    def update_current_from_time(self, ms: int) -> tuple[int, int]:
        """Set the highlight to what plays at *ms*: O(log n) plus O(log words)."""
        row = self.row_at_time(ms)
        word = self.word_spans(row).word_at_time(ms) if row >= 0 else -1
        self.set_current(row, word)
        return row, word

    # ------------------------------------------------------------------ mutation gateway
    def run(self, op: ops.Op) -> ops.Op:
        """Apply a core op with the right Qt signals; returns the op that undoes it.

        This is the one door through which the transcript changes: the
        ``QUndoCommand``s keep the returned op and call ``run`` again to undo/redo.
        """
        count_before = len(self._transcript.segments)
        self._changes = []
        try:
            undo = _ops().run(self._transcript, op, self)
        finally:
            changes, self._changes = self._changes, None
        # Observers (the recovery journal) hear of every committed edit, undo and redo, before
        # run() returns: a kill after this loses nothing the producer saw.
        self.committed.emit(Commit(self._transcript, tuple(changes), count_before))
        self.transcript_changed.emit()
        return undo

    def run_derived(self, op: ops.Op) -> None:
        """Apply data the app computed itself (word times from alignment), not a producer's edit.

        It bypasses the recovery journal: derived data has its own cache and is
        recomputed if lost, and journaling it would make an untouched episode
        look like unsaved work after a crash. The journal still hears which turns
        got it (:attr:`derived`), so it never rebuilds them from what it did not write.
        """
        count_before = len(self._transcript.segments)
        self._changes = []
        try:
            _ops().run(self._transcript, op, self)
        finally:
            changes, self._changes = self._changes, None
        self.derived.emit(Commit(self._transcript, tuple(changes), count_before))
        self.transcript_changed.emit()

    def set_text(self, row: int, text: str) -> ops.Op:
        """Replace a segment's text (words realigned, marks kept); returns the undo op."""
        return self.run(_ops().set_text(self._transcript, row, text))

    def set_speaker(self, row: int, speaker_id: str | None) -> ops.Op:
        return self.run(_ops().set_speaker(self._transcript, row, speaker_id))

    def rename_speaker(self, speaker_id: str, name: str) -> ops.Op:
        """Rename a speaker everywhere at once (one op, one undo step)."""
        return self.run(_ops().rename_speaker(self._transcript, speaker_id, name))

    def set_start(self, row: int, start_ms: int) -> ops.Op:
        return self.run(_ops().set_start(self._transcript, row, start_ms))

    def split(self, row: int, offset: int, at_ms: int | None = None) -> ops.Op:
        return self.run(_ops().split(self._transcript, row, offset, at_ms))

    def merge_with_next(self, row: int) -> ops.Op:
        return self.run(_ops().merge_with_next(self._transcript, row))

    # ops.Listener: called by ops.run around each primitive op.
    def about_to_apply(self, op: ops.Op) -> None:
        if op.removed is not None:
            first, count = op.removed
            self.beginRemoveRows(QModelIndex(), first, first + count - 1)
        elif op.inserted is not None:
            first, count = op.inserted
            self.beginInsertRows(QModelIndex(), first, first + count - 1)

    def applied(self, change: ops.Change) -> None:
        if self._changes is not None:
            self._changes.append(change)
        if change.removed is not None:
            self.endRemoveRows()
        elif change.inserted is not None:
            self.endInsertRows()
        fields = change.segment_fields()
        self._follow_starts(change, fields)
        if change.removed is not None or change.inserted is not None:
            self._current_row = self._current_word = -1
        ranges = change.row_ranges()
        if len(ranges) > SCATTERED_RANGES:
            # A replace-all in hundreds of scattered turns: one signal over their span costs each
            # listener one pass (the unchanged rows between are merely redone) instead of a slot call
            # per run of rows; the view re-estimates heights in one go either way for so many rows.
            ranges = [(ranges[0][0], ranges[-1][1])]
        if isinstance(change.undo, _ops().SetTimes):
            roles = TIME_EDIT_ROLES
        else:
            roles = IGNORED_EDIT_ROLES if fields == IGNORED_EDIT_FIELDS \
                else TEXT_EDIT_ROLES if fields and fields <= TEXT_EDIT_FIELDS else []
        for first, last in ranges:
            self.dataChanged.emit(self.index(first), self.index(last), roles)
        if change.speakers:
            self.speakers_changed.emit()
        if change.chapters:
            self.chapters_changed.emit()

    # ------------------------------------------------------------------ internals
    def _follow_starts(self, change: ops.Change, fields: frozenset[str] | None) -> None:
        """Keep the start-time index true after *change* (that set *fields*: its segment_fields()):
        rewrite the rows it retimed, or index again (when idle) from the first row a split or merge moved."""
        if change.removed is not None or change.inserted is not None:
            moved = [rows[0] for rows in (change.removed, change.inserted) if rows is not None]
            self._starts.rows_moved(min([*moved, *change.rows[:1]]))
            self._starts_timer.start()
        elif change.rows and (fields is None or "start_ms" in fields or "end_ms" in fields):
            self._starts.retimed(change.rows[0], change.rows[-1])

    def _index_starts(self) -> None:
        if not self._starts.extend(STARTS_SLICE):
            self._starts_timer.start()

    def _emit_rows(self, row: int, roles: list) -> None:
        if 0 <= row < len(self._transcript.segments):
            index = self.index(row)
            self.dataChanged.emit(index, index, [int(r) for r in roles])


