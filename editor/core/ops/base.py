"""The op protocol: primitive reversible ops, :class:`Change` records and :func:`run`.

Every planner in this package returns one of the primitive ops below
(or a :class:`Group` of them); see the package docstring for how a
``QUndoCommand`` uses them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any, ClassVar, Protocol

from editor.core.transcript import Chapter, Segment, Speaker, Transcript

Fields = Mapping[str, Any]
_SECOND = itemgetter(1)
_AS_STORED = {"words": "stored_words"}   # the attribute an undo record reads each field from
Rows = tuple[int, int]  # (first row, count)
Replaced = tuple[tuple[int, tuple[tuple[int, int, str], ...]], ...]   # see Change.replaced
Shifted = tuple[int, int, int, int]   # see Change.shifted


@dataclass(frozen=True)
class Change:
    """What applying an op did, and the op that reverses it."""

    undo: Op
    rows: tuple[int, ...] = ()      # rows whose data changed (row numbers after the change)
    inserted: Rows | None = None    # rows inserted (after the change)
    removed: Rows | None = None     # rows removed (row numbers before the change)
    speakers: bool = False          # the speaker list or a speaker's name changed
    meta: bool = False              # the transcript's meta (audio path, duration, ...) changed
    chapters: bool = False          # the chapter list changed (no row repaints for it)
    # When the change is exactly ops.replace_spans of these: ``((row, ((start, end, text), ...)), ...)``
    # (rows and spans sorted). An observer may note the replacements instead of the rows they made.
    replaced: Replaced | None = None
    # When the change is exactly ops.shift_times's turns: ``(first row shifted, delta ms, turns, clamped)``
    # (the undo, a SetTimes, may start a row earlier: the turn before, ended where the first now starts).
    # An observer may note the shift instead of every turn it moved.
    shifted: Shifted | None = None

    def segment_fields(self) -> frozenset[str] | None:
        """Names of the segment attributes this change set in place (the undo op restores them);
        None when rows came, went or were replaced whole."""
        if isinstance(self.undo, SetFields):   # the names in C: a replace sets fields in thousands of rows
            return frozenset(chain.from_iterable(map(_SECOND, self.undo.edits)))
        if isinstance(self.undo, SetTimes):
            return frozenset(self.undo.columns)
        if isinstance(self.undo, (ReplaceSegments, Group)) or self.inserted or self.removed:
            return None
        return frozenset()      # speakers, meta, chapters: no segment attribute

    def moves_rows(self) -> bool:
        """Rows came, went or were replaced whole (:meth:`segment_fields` is None), told without
        gathering the names a replace set in thousands of rows."""
        return not isinstance(self.undo, SetFields) and self.segment_fields() is None

    def row_ranges(self) -> list[tuple[int, int]]:
        """``rows`` as inclusive ``(first, last)`` runs, one ``dataChanged`` each."""
        rows = self.rows
        if rows and rows[-1] - rows[0] + 1 == len(rows):   # sorted and distinct: one run (a shift's 200,000)
            return [(rows[0], rows[-1])]
        runs: list[tuple[int, int]] = []
        for row in self.rows:
            if runs and row == runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], row)
            else:
                runs.append((row, row))
        return runs


class Listener(Protocol):
    """What :func:`run` tells (e.g. the Qt model) around each primitive op."""

    def about_to_apply(self, op: Op) -> None: ...   # begin{Insert,Remove}Rows from op.inserted/removed
    def applied(self, change: Change) -> None: ...    # end*Rows, dataChanged(change.rows), speakers


def run(transcript: Transcript, op: Op, listener: Listener | None = None) -> Op:
    """Apply *op*, telling *listener* around each primitive; return the undo op."""
    if isinstance(op, Group):
        undos = [run(transcript, part, listener) for part in op.ops]
        return Group(tuple(reversed(undos)))
    if listener is not None:
        listener.about_to_apply(op)
    change = op.apply(transcript)
    if listener is not None:
        listener.applied(change)
    return change.undo


def is_noop(op: Op) -> bool:
    """An op that changes nothing (e.g. set_text with the same text): not worth an undo step."""
    if isinstance(op, SetFields):
        return not op.edits
    if isinstance(op, Group):
        return all(is_noop(part) for part in op.ops)
    return False


def merged_undo(earlier: Op, later: Op) -> Op:
    """One undo op for two consecutive edits (``QUndoCommand.mergeWith`` for typing).

    When the later edit only set fields the earlier undo already restores
    (typing on in the same segment), the earlier undo alone restores
    everything, so merged typing stays one small record however long it gets.
    """
    if isinstance(earlier, SetFields) and isinstance(later, SetFields):
        covered = {(row, name) for row, fields in earlier.edits for name in fields}
        if all((row, name) in covered for row, fields in later.edits for name in fields):
            return earlier
    return Group((later, earlier))


# ---------------------------------------------------------------------- primitive ops
@dataclass(frozen=True, eq=False)
class SetFields:
    """Set attributes of segments in place: ``((row, {"text": ..., ...}), ...)``.

    *replaced*, from :func:`~editor.core.ops.text.replace_spans`, names the text replacements the
    edits were planned from (:attr:`Change.replaced`); its undo and redo are plain field values.
    """

    edits: tuple[tuple[int, Fields], ...]
    replaced: Replaced | None = None
    inserted: ClassVar[Rows | None] = None
    removed: ClassVar[Rows | None] = None

    def apply(self, transcript: Transcript) -> Change:
        undo: list[tuple[int, Fields]] = []
        add, segments, stored = undo.append, transcript.segments, _AS_STORED.get   # a replace: thousands of rows
        for index, fields in self.edits:
            segment = segments[index]
            old = {}
            for name, value in fields.items():
                # Words as stored: a recipe not made yet stays one in the undo record (see words_later).
                attribute = stored(name, name)
                old[name] = getattr(segment, attribute)
                setattr(segment, attribute, value)
            add((index, old))
        rows = tuple(sorted({index for index, _ in self.edits}))
        return Change(SetFields(tuple(reversed(undo))), rows, replaced=self.replaced)


@dataclass(frozen=True, eq=False)
class SetTimes:
    """Set the times of consecutive rows from *first* on, one list of values per attribute:
    ``{"start_ms": [...], "end_ms": [...], "words": [...], "marks": [...], "original_marks": [...]}``
    (each holding a value per row). Only times change: the words and marks given are the rows' own
    with other times, so texts, speakers and statuses stay as they were (listeners may rely on it).

    Shift Times moves every turn of an episode: by columns, the values are read (``attrgetter``) and
    set (the slot's own setter) in C, where a dict of fields per row (:class:`SetFields`) took seconds
    for 200,000 turns. *shifted*, from :func:`~editor.core.ops.times.shift_times`, names the shift
    (:attr:`Change.shifted`); its undo and redo are plain column values.
    """

    first: int
    columns: Mapping[str, list]
    shifted: Shifted | None = None
    inserted: ClassVar[Rows | None] = None
    removed: ClassVar[Rows | None] = None

    def __len__(self) -> int:
        """How many rows it sets."""
        return len(next(iter(self.columns.values()), ()))

    def apply(self, transcript: Transcript) -> Change:
        first = self.first
        run = transcript.segments[first:first + len(self)]
        found = {}
        for name, values in self.columns.items():
            # Words as stored: a recipe not made yet stays one in the undo record (see words_later).
            attribute = _AS_STORED.get(name, name)
            found[name] = list(map(attrgetter(attribute), run))
            deque(map(getattr(Segment, attribute).__set__, run, values), maxlen=0)
        return Change(SetTimes(first, found), tuple(range(first, first + len(run))), shifted=self.shifted)


@dataclass(frozen=True, eq=False)
class ReplaceSegments:
    """Replace ``count`` rows at ``index`` by ``segments`` (split, merge and their undo)."""

    index: int
    count: int
    segments: tuple[Segment, ...]

    @property
    def inserted(self) -> Rows | None:
        extra = len(self.segments) - self.count
        return (self.index + self.count, extra) if extra > 0 else None

    @property
    def removed(self) -> Rows | None:
        missing = self.count - len(self.segments)
        return (self.index + len(self.segments), missing) if missing > 0 else None

    def apply(self, transcript: Transcript) -> Change:
        end = self.index + self.count
        old = tuple(transcript.segments[self.index:end])
        transcript.segments[self.index:end] = self.segments
        rows = tuple(range(self.index, self.index + min(self.count, len(self.segments))))
        undo = ReplaceSegments(self.index, len(self.segments), old)
        return Change(undo, rows, self.inserted, self.removed)


@dataclass(frozen=True, eq=False)
class SetSpeakers:
    """Replace the speaker list (kept in order); rows showing a changed speaker repaint."""

    speakers: tuple[Speaker, ...]
    inserted: ClassVar[Rows | None] = None
    removed: ClassVar[Rows | None] = None

    def apply(self, transcript: Transcript) -> Change:
        old = tuple(transcript.speakers.values())
        before = {s.id: s.name for s in old}
        after = {s.id: s.name for s in self.speakers}
        touched = {i for i in before.keys() | after.keys() if before.get(i) != after.get(i)}
        transcript.speakers.clear()  # in place: views may hold the dict
        transcript.speakers.update((s.id, s) for s in self.speakers)
        rows = tuple(i for i, s in enumerate(transcript.segments) if s.speaker_id in touched)
        return Change(SetSpeakers(old), rows, speakers=True)


@dataclass(frozen=True, eq=False)
class SetMeta:
    """Set fields of the transcript's meta: ``{"audio_path": ..., "duration_ms": ...}``."""

    fields: Fields
    inserted: ClassVar[Rows | None] = None
    removed: ClassVar[Rows | None] = None

    def apply(self, transcript: Transcript) -> Change:
        meta = transcript.meta
        old = {name: getattr(meta, name) for name in self.fields}
        for name, value in self.fields.items():
            setattr(meta, name, value)
        return Change(SetMeta(old), meta=True)


@dataclass(frozen=True, eq=False)
class Group:
    """Several ops as one undo step (Gaupol's ``group_actions``, Qt's ``beginMacro``)."""

    ops: tuple[Op, ...]
    inserted: ClassVar[Rows | None] = None
    removed: ClassVar[Rows | None] = None

    def apply(self, transcript: Transcript) -> Change:
        """Apply without a listener; use :func:`run` when rows may move."""
        changes = [op.apply(transcript) for op in self.ops]
        rows = tuple(sorted({row for change in changes for row in change.rows}))
        undo = Group(tuple(change.undo for change in reversed(changes)))
        return Change(undo, rows, speakers=any(change.speakers for change in changes),
                      meta=any(change.meta for change in changes),
                      chapters=any(change.chapters for change in changes))


@dataclass(frozen=True, eq=False)
class SetChapters:
    """Replace the chapter list (the planners in :mod:`.chapters` keep it sorted)."""

    chapters: tuple[Chapter, ...]
    inserted: ClassVar[Rows | None] = None
    removed: ClassVar[Rows | None] = None

    def apply(self, transcript: Transcript) -> Change:
        old = tuple(transcript.chapters)
        transcript.chapters = list(self.chapters)  # a new list: undo records keep the old one
        return Change(SetChapters(old), chapters=True)


Op = SetFields | SetTimes | ReplaceSegments | SetSpeakers | SetMeta | SetChapters | Group


# ---------------------------------------------------------------------- row checks
def segment_at(transcript: Transcript, index: int) -> Segment:
    """The segment at *index*, or ValueError (planners check before they plan)."""
    if not 0 <= index < len(transcript.segments):
        raise ValueError(f"no segment at row {index}")
    return transcript.segments[index]


def rows_of(transcript: Transcript, index: int | Iterable[int]) -> list[int]:
    """One row or several, each checked."""
    rows = [index] if isinstance(index, int) else list(index)
    for row in rows:
        segment_at(transcript, row)
    return rows
