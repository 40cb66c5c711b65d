"""A replace and a shift written as what they did, and their undo and redo as a reference to that line.

A replace in thousands of turns (``Change.replaced``) is written as its spans, ``"replace": [[row,
[[start, end, text], ...]], ...]``: replay runs the same :func:`editor.core.ops.replace_spans` on the
same turns. A shift (``Change.shifted``) is ``"shift": [first, delta_ms, turns, clamped]``, replayed by
the same :func:`editor.core.ops.shift_times`. Their undo and redo put back the very values the line
found or made, so they are written as ``"restore": [seq, "before"|"after", [row, ...]]`` and
``"reshift": [seq, "before"|"after"]``, while that line is still in the file (its sequence number past
the journal's cut). Past a cut, a redo that finds the turns as the line found them is the same line
again, the undo of a shift later (nothing clamped) the shift back, and anything else in full.

The journal keeps the memos of its latest such lines (:data:`MEMO_LINES`), keyed by sequence number;
turns whose data the app derived without journaling it (*unsynced*) are always written in full, so
replay never rebuilds them from values it does not have.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from editor.core import ops
from editor.core.transcript import Segment, Transcript, same_words

TEXT_FIELDS = ("text", "words", "marks")   # what a replace sets, and what its undo and redo put back
MEMO_LINES = 16        # the latest replaces whose undo and redo may be written as a reference
BEFORE, AFTER = "before", "after"


# What a replace changes in a turn, as stored (words not read: a recipe stays one): a tuple.
text_state = operator.attrgetter("text", "stored_words", "marks")
_TEXT_VALUES = operator.itemgetter(*TEXT_FIELDS)   # the same from a replace's undo record
_TEXT_FIELD_SET = frozenset(TEXT_FIELDS)
_FIRST, _SECOND = operator.itemgetter(0), operator.itemgetter(1)
_ID = operator.attrgetter("id")


@dataclass(frozen=True)
class ReplaceMemo:
    """The turns of one replace line as it found them and left them (the values themselves)."""

    states: dict[str, dict[int, tuple]]     # BEFORE / AFTER -> row -> text_state
    replaced: ops.Replaced = ()              # the line's spans


@dataclass(frozen=True)
class ShiftMemo:
    """The turns of one shift line as it found them and left them: the run of rows its
    :class:`~editor.core.ops.SetTimes` set (from row *first*, which is the turn before the shifted
    ones when the shift ended that turn earlier), column by column."""

    first: int
    states: dict[str, dict[str, list]]     # BEFORE / AFTER -> field -> its value in each row of the run
    shifted: ops.Shifted | None = None    # the line's shift (journal side: to write it again)


# The journal's latest replace and shift lines: seq -> what the line found and left.
Memos = dict[int, ReplaceMemo | ShiftMemo]
# What the compacting functions return: (the line's rows part, the seq it refers to, the memo of a new
# replace or shift line).
Compacted = tuple[dict, int | None, ReplaceMemo | ShiftMemo | None]


def times_state(segments: list[Segment], first: int, names: Iterable[str], count: int) -> dict[str, list]:
    """The values of *names* in *count* rows from *first* on, as stored (words not read: a recipe
    stays one), read in C (a shift's 200,000 turns). Compared with ``==`` (in C too), a recipe and the
    list it made since are the same words (:func:`~editor.core.transcript.same_words`)."""
    run = segments[first:first + count]
    return {name: list(map(operator.attrgetter("stored_words" if name == "words" else name), run)) for name in names}


def _same_state(segment: Segment, state: tuple) -> bool:
    """True when *segment* holds these very values (words read since count: a recipe and its list)."""
    text, words, marks = state
    return segment.text is text and segment.marks is marks \
        and same_words(segment.stored_words, words)   # type: ignore[attr-defined]


def compact_shift(transcript: Transcript, changes: list[ops.Change], memos: Memos, cut_seq: int,
                  unsynced: set[str]) -> Compacted | None:
    """A shift as its parameters, or its undo/redo as a reference to its line (as :func:`compact_replace`);
    None when the edit is written in full. The chapters a shift moves are written as any chapter
    change is (the line's ``chapters``)."""
    moved = [change for change in changes if not isinstance(change.undo, ops.SetChapters)]
    if len(moved) != 1 or not isinstance(moved[0].undo, ops.SetTimes):
        return None
    change, undo = moved[0], moved[0].undo
    segments = transcript.segments
    first, count = undo.first, len(undo)
    if unsynced and not unsynced.isdisjoint(map(_ID, segments[first:first + count])):
        return None     # replay has not got their word times to shift or put back
    now = times_state(segments, first, undo.columns, count)
    if change.shifted is not None:
        return {"shift": list(change.shifted)}, None, ShiftMemo(first, {BEFORE: dict(undo.columns), AFTER: now},
                                                                change.shifted)
    # Only a shift's undo or redo sets times by columns: it puts back the values one side of a
    # shift line holds, in the same rows.
    for seq in reversed(memos):
        memo = memos[seq]
        if not isinstance(memo, ShiftMemo) or memo.first != first:
            continue
        for side, state in memo.states.items():
            if now != state:
                continue
            if seq > cut_seq:
                return {"reshift": [seq, side]}, seq, None
            again = _shifted_again(transcript, undo, now, memo, side)
            if again is not None:
                return again    # else an earlier shift's line may say it (the one this undoes)
    return None


def _shifted_again(transcript: Transcript, undo: ops.SetTimes, now: dict[str, list], memo: ShiftMemo,
                   side: str) -> tuple[dict, None, ShiftMemo] | None:
    """Past a cut (its line is in a snapshot or a save now), an undo or redo of a shift written as
    a shift when :func:`~editor.core.ops.times.shift_times` makes exactly what it did from what it
    found: a redo that found the turns as the shift did is that shift again; an undo of a shift
    later by *d* (nothing was clamped) is the shift by -*d*. None: written in full."""
    if memo.shifted is None:
        return None
    first, delta_ms, turns, clamped = memo.shifted
    found = memo.states[BEFORE if side == AFTER else AFTER]
    segments = transcript.segments
    if len(segments) - first != turns or undo.columns != found:
        return None
    prev_set = memo.first < first     # the shift ended the turn before earlier (they overlapped)
    if side == BEFORE:
        # A shift back cannot restore times clamped at 0:00 (or that could have been), nor the end
        # of the turn before that the shift ended earlier: a shift only ever ends it earlier.
        if delta_ms <= 0 or prev_set:
            return None
        delta_ms, clamped = -delta_ms, 0
    head = found["start_ms"][first - memo.first]
    if first and head is not None:
        # The shift again must not refuse, nor end the turn before anywhere this edit did not.
        prev, new_head = segments[first - 1], max(0, head + delta_ms)
        if (prev.start_ms is not None and new_head < prev.start_ms) \
                or (not prev_set and prev.end_ms is not None and prev.end_ms > new_head):
            return None
    shifted = (first, delta_ms, turns, clamped)
    return {"shift": list(shifted)}, None, ShiftMemo(undo.first, {BEFORE: dict(undo.columns), AFTER: now}, shifted)


def compact_replace(transcript: Transcript, changes: list[ops.Change], memos: Memos, cut_seq: int,
                    unsynced: set[str]) -> Compacted | None:
    """A replace as its spans, or its undo/redo as a reference to its line: ``(rows part, the
    seq it refers to, the memo of a replace line)``; None when the edit is written in full. *memos*:
    the journal's latest replace and shift lines; *cut_seq*: lines up to it may be cut from the file
    (never referred to); *unsynced*: ids of turns written in full."""
    if len(changes) != 1:
        return None
    change = changes[0]
    undo = change.undo
    if change.inserted is not None or change.removed is not None or not isinstance(undo, ops.SetFields) \
            or not change.rows or not _TEXT_FIELD_SET.issuperset(chain.from_iterable(map(_SECOND, undo.edits))):
        return None
    segments = transcript.segments
    if change.replaced is not None:
        replaced = change.replaced
        if unsynced and any(segments[row].id in unsynced for row, _ in replaced):
            return None
        if set(map(len, map(_SECOND, undo.edits))) != {len(TEXT_FIELDS)}:
            return None
        # Made in C: a replace-all has thousands of rows.
        found = dict(zip(map(_FIRST, undo.edits), map(_TEXT_VALUES, map(_SECOND, undo.edits)), strict=True))
        if len(found) != len(replaced):
            return None
        replaced_rows = list(map(_FIRST, replaced))
        left = dict(zip(replaced_rows, map(text_state, map(segments.__getitem__, replaced_rows)), strict=True))
        return {"replace": replaced}, None, ReplaceMemo({BEFORE: found, AFTER: left}, replaced)
    rows = change.rows
    for seq in reversed(memos):
        memo = memos[seq]
        if not isinstance(memo, ReplaceMemo):
            continue
        for side, states in memo.states.items():
            state = states.get(rows[0])
            if state is None or not _same_state(segments[rows[0]], state):
                continue
            put_back = [row for row in rows if (state := states.get(row)) is not None
                        and _same_state(segments[row], state)
                        and not (unsynced and segments[row].id in unsynced)]
            if len(put_back) != len(rows):
                return None
            if seq > cut_seq:
                return {"restore": [seq, side, put_back]}, seq, None
            if side == AFTER and len(rows) == len(states) and _found_as_before(undo, memo):
                # The replace's line is cut off (a snapshot or a save holds it), but this redo
                # found its turns as that replace did: the same spans again make the same values.
                return {"replace": memo.replaced}, None, memo
            return None
    return None


def _found_as_before(undo: ops.SetFields, memo: ReplaceMemo) -> bool:
    """True when the turns an edit changed held (as *undo* restores them) what *memo*'s replace found."""
    found = memo.states[BEFORE]
    for row, fields in undo.edits:
        state = found.get(row)
        if state is None or len(fields) != len(TEXT_FIELDS) or fields["text"] is not state[0] \
                or fields["marks"] is not state[2] or not same_words(fields["words"], state[1]):
            return False
    return True
