"""Every edit of a transcript, as plain-Python operations that know their inverse (no Qt).

How it fits together (Gaupol's revertable actions, split into plan and apply):

* A *planner* (:func:`set_text`, :func:`split`, :func:`rename_speaker`, ...)
  checks its arguments against the transcript and returns an *op* describing
  the edit. It changes nothing and raises ``ValueError`` for an impossible edit.
* ``op.apply(transcript)`` makes the change in place and returns a
  :class:`Change`: ``change.undo`` is the op that reverses it, and ``rows``,
  ``inserted``, ``removed`` and ``speakers`` say what to repaint. Applying
  ``change.undo`` returns a Change whose ``undo`` is the redo, so a
  ``QUndoCommand`` needs a single attribute::

      class OpCommand(QUndoCommand):
          def __init__(self, model, op, text):
              super().__init__(text)
              self._model, self._op = model, op
          def redo(self):
              self._op = self._model.run(self._op)   # = ops.run(transcript, op, listener)
          def undo(self):
              self._op = self._model.run(self._op)
          def mergeWith(self, other):           # typing in one segment: one step
              self._op = ops.merged_undo(self._op, other._op)
              return True

* There are only four kinds of op: :class:`SetFields` (segment attributes in
  place), :class:`ReplaceSegments` (rows in or out), :class:`SetSpeakers` and
  :class:`Group`. A primitive op knows the rows it will insert or remove
  *before* it runs (``op.inserted`` / ``op.removed``), which is what Qt's
  ``beginInsertRows``/``beginRemoveRows`` need; :func:`run` calls a listener
  around each primitive, taking groups apart.

Ownership rule that keeps undo cheap: ops never mutate a list, ``Word`` or
``Speaker`` held by the transcript; they assign new ones. An undo record can
therefore keep the old lists as they are (sharing unchanged ``Word`` objects
with the live ones), and undo/redo of a replace in 1,000 places just swaps
references back. Code outside this module that changes words (forced
alignment) must likewise assign ``segment.words = [...]`` of new ``Word``
objects, ideally through :class:`SetFields` so that it can be undone.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, ClassVar, Iterable, Mapping, Protocol, Sequence, Union

from editor.core.transcript import (
    Mark,
    MarkKind,
    ReviewStatus,
    Segment,
    Speaker,
    Transcript,
    Word,
    WordTiming,
)
from editor.core.words import (
    Edit,
    estimate_words,
    map_marks,
    realign,
    shift_marks,
    token_opcodes,
    tokenize,
)

Fields = Mapping[str, Any]
Rows = tuple[int, int]  # (first row, count)


# ====================================================================== protocol
@dataclass(frozen=True)
class Change:
    """What applying an op did, and the op that reverses it."""

    undo: "Op"
    rows: tuple[int, ...] = ()      # rows whose data changed (row numbers after the change)
    inserted: Rows | None = None    # rows inserted (after the change)
    removed: Rows | None = None     # rows removed (row numbers before the change)
    speakers: bool = False          # the speaker list or a speaker's name changed

    def row_ranges(self) -> list[tuple[int, int]]:
        """``rows`` as inclusive ``(first, last)`` runs, one ``dataChanged`` each."""
        runs: list[tuple[int, int]] = []
        for row in self.rows:
            if runs and row == runs[-1][1] + 1:
                runs[-1] = (runs[-1][0], row)
            else:
                runs.append((row, row))
        return runs


class Listener(Protocol):
    """What :func:`run` tells (e.g. the Qt model) around each primitive op."""

    def about_to_apply(self, op: "Op") -> None: ...   # begin{Insert,Remove}Rows from op.inserted/removed
    def applied(self, change: Change) -> None: ...    # end*Rows, dataChanged(change.rows), speakers


def run(transcript: Transcript, op: "Op", listener: Listener | None = None) -> "Op":
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


def merged_undo(earlier: "Op", later: "Op") -> "Op":
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


# ====================================================================== primitive ops
@dataclass(frozen=True, eq=False)
class SetFields:
    """Set attributes of segments in place: ``((row, {"text": ..., ...}), ...)``."""

    edits: tuple[tuple[int, Fields], ...]
    inserted: ClassVar[Rows | None] = None
    removed: ClassVar[Rows | None] = None

    def apply(self, transcript: Transcript) -> Change:
        undo = []
        for index, fields in self.edits:
            segment = transcript.segments[index]
            undo.append((index, {name: getattr(segment, name) for name in fields}))
            for name, value in fields.items():
                setattr(segment, name, value)
        rows = tuple(sorted({index for index, _ in self.edits}))
        return Change(SetFields(tuple(reversed(undo))), rows)


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
class Group:
    """Several ops as one undo step (Gaupol's ``group_actions``, Qt's ``beginMacro``)."""

    ops: tuple["Op", ...]
    inserted: ClassVar[Rows | None] = None
    removed: ClassVar[Rows | None] = None

    def apply(self, transcript: Transcript) -> Change:
        """Apply without a listener; use :func:`run` when rows may move."""
        changes = [op.apply(transcript) for op in self.ops]
        rows = tuple(sorted({row for change in changes for row in change.rows}))
        undo = Group(tuple(change.undo for change in reversed(changes)))
        return Change(undo, rows, speakers=any(change.speakers for change in changes))


Op = Union[SetFields, ReplaceSegments, SetSpeakers, Group]


# ====================================================================== text
def set_text(transcript: Transcript, index: int, new_text: str) -> SetFields:
    """Replace a segment's text; words are realigned and marks follow their text."""
    segment = _segment(transcript, index)
    if new_text == segment.text:
        return SetFields(())
    return SetFields(((index, _text_fields(segment, new_text)),))


def replace_spans(transcript: Transcript,
                  spans: Iterable[tuple[int, int, int, str]]) -> SetFields:
    """Replace ``text[start:end]`` in many segments as one op: ``(row, start, end, replacement)``.

    Find/replace-all and "correct everywhere" use this: each touched segment
    is rebuilt once (O(changed segments)); no other segment is read.
    """
    by_row: dict[int, list[tuple[int, int, str]]] = {}
    for index, start, end, replacement in spans:
        by_row.setdefault(index, []).append((start, end, replacement))
    return SetFields(tuple((index, _replace_in(_segment(transcript, index), sorted(items)))
                           for index, items in sorted(by_row.items())))


def revert_to_original(transcript: Transcript, index: int) -> SetFields:
    """Give a segment back the recognizer's text and marks."""
    segment = _segment(transcript, index)
    fields = _text_fields(segment, segment.original_text or "", edits=[])
    fields["marks"] = list(segment.original_marks or [])
    return SetFields(((index, fields),))


def _replace_in(segment: Segment, items: Sequence[tuple[int, int, str]]) -> dict[str, Any]:
    pieces: list[str] = []
    edits: list[Edit] = []
    cursor = 0
    for start, end, replacement in items:
        if not cursor <= start <= end <= len(segment.text):
            raise ValueError(f"segment {segment.id}: span {start}-{end} overlaps or lies outside the text")
        pieces += [segment.text[cursor:start], replacement]
        edits.append((start, end, len(replacement)))
        cursor = end
    pieces.append(segment.text[cursor:])
    return _text_fields(segment, "".join(pieces), edits)


def _text_fields(segment: Segment, new_text: str, edits: Sequence[Edit] | None = None,
                 marks: Sequence[Mark] | None = None) -> dict[str, Any]:
    """New text with its words realigned and marks moved (by *edits*, else by diffing)."""
    marks = segment.marks if marks is None else marks
    moved = shift_marks(marks, segment.text, new_text) if edits is None else map_marks(marks, edits)
    words = realign(segment.words, new_text, segment.start_ms, segment.end_ms) if segment.words else []
    return {"text": new_text, "words": words, "marks": moved}


# ====================================================================== marks
def add_mark(transcript: Transcript, index: int, kind: MarkKind | str, start: int, end: int,
             time_ms: int | None = None) -> SetFields:
    """Mark ``text[start:end]`` as *kind*; with no selection insert the kind's token at *start*.

    Marks the new one overlaps are replaced (marking an inaudible passage as
    crosstalk changes its kind). *time_ms* defaults to the time of the word there.
    """
    segment = _segment(transcript, index)
    kind = MarkKind(kind)
    if not 0 <= start <= end <= len(segment.text):
        raise ValueError(f"segment {segment.id}: selection {start}-{end} outside the text")
    start, end = _strip_selection(segment.text, start, end)
    if time_ms is None:
        time_ms = _time_at(segment, start)
    fields: dict[str, Any] = {}
    marks = segment.marks
    if start == end:
        text, start, end, edit = _insert_token(segment.text, start, kind.token)
        fields = _text_fields(segment, text, [edit])
        marks = fields["marks"]
    kept = [m for m in marks if m.end <= start or m.start >= end]
    fields["marks"] = sorted(kept + [Mark(kind, start, end, time_ms)], key=lambda m: (m.start, m.end))
    return SetFields(((index, fields),))


def remove_mark(transcript: Transcript, index: int, mark: Mark) -> SetFields:
    """Remove *mark*; a bare token it covers ("[inaudible]") goes with it, real words stay."""
    segment = _segment(transcript, index)
    if mark not in segment.marks:
        raise ValueError(f"segment {segment.id} has no such mark")
    rest = list(segment.marks)
    rest.remove(mark)
    text = segment.text
    if text[mark.start:mark.end] != mark.kind.token:
        return SetFields(((index, {"marks": rest}),))
    start, end = mark.start, mark.end
    if end < len(text) and text[end] == " ":
        end += 1
    elif start > 0 and text[start - 1] == " ":
        start -= 1
    fields = _text_fields(segment, text[:start] + text[end:], [(start, end, 0)], rest)
    return SetFields(((index, fields),))


def _strip_selection(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _insert_token(text: str, at: int, token: str) -> tuple[str, int, int, Edit]:
    """*token* inserted at *at* as a word of its own: (text, token start, token end, edit)."""
    before = " " if at > 0 and not text[at - 1].isspace() else ""
    after = " " if at < len(text) and not text[at].isspace() else ""
    inserted = before + token + after
    start = at + len(before)
    return text[:at] + inserted + text[at:], start, start + len(token), (at, at, len(inserted))


def _time_at(segment: Segment, offset: int) -> int | None:
    """Start time of the word at character *offset* (estimated when words are untimed)."""
    words = segment.words if len(segment.words) == len(tokenize(segment.text)) else []
    words = words or estimate_words(segment)
    spans = tokenize(segment.text)
    for (_, end), word in zip(spans, words):
        if offset < end and word.start_ms is not None:
            return word.start_ms
    return segment.start_ms


# ====================================================================== rows
def split(transcript: Transcript, index: int, offset: int, at_ms: int | None = None) -> ReplaceSegments:
    """Split a segment at character *offset* (a caret inside a word splits before that word).

    The new segment starts at *at_ms* (e.g. the playback position) or else
    at the time of its first word; words and marks go with their halves. The
    first half keeps the id, the second gets a new unique one.
    """
    segment = _segment(transcript, index)
    spans = tokenize(segment.text)
    k = sum(1 for _, end in spans if end <= offset)
    if k == 0 or k == len(spans):
        raise ValueError(f"segment {segment.id}: nothing to split off at offset {offset}")
    words = segment.words
    if words and len(words) != len(spans):
        words = realign(words, segment.text, segment.start_ms, segment.end_ms)
    cut_ms = _split_time(segment, words, k, at_ms)
    (left_text, left_marks), (right_text, right_marks) = _split_text(segment.text, segment.marks, k)
    (left_orig, left_orig_marks), (right_orig, right_orig_marks) = _split_original(segment, k)
    left = dataclasses.replace(
        segment, end_ms=cut_ms, text=left_text, marks=left_marks, words=_copy(words[:k]),
        original_text=left_orig, original_marks=left_orig_marks)
    right = dataclasses.replace(
        segment, id=transcript.segment_id_maker()(), start_ms=cut_ms, text=right_text,
        marks=right_marks, words=_copy(words[k:]), note="",
        original_text=right_orig, original_marks=right_orig_marks)
    return ReplaceSegments(index, 1, (left, right))


def merge_with_next(transcript: Transcript, index: int) -> ReplaceSegments:
    """Join a segment and the next one (first id, speaker and start; last end)."""
    first = _segment(transcript, index)
    if index + 1 >= len(transcript.segments):
        raise ValueError(f"segment {first.id} is the last one: nothing to merge with")
    second = transcript.segments[index + 1]
    text, marks = _join(first.text, first.marks, second.text, second.marks)
    original, original_marks = _join(first.original_text or "", first.original_marks or [],
                                      second.original_text or "", second.original_marks or [])
    words, timing = _join_words(first, second)
    merged = dataclasses.replace(
        first, end_ms=second.end_ms if second.end_ms is not None else first.end_ms,
        start_ms=first.start_ms if first.start_ms is not None else second.start_ms,
        text=text, marks=marks, words=words, word_timing=timing,
        note="\n".join(n for n in (first.note, second.note) if n),
        original_text=original, original_marks=original_marks, **_joined_status(first, second))
    return ReplaceSegments(index, 2, (merged,))


def _split_time(segment: Segment, words: Sequence[Word], k: int, at_ms: int | None) -> int | None:
    cut = at_ms
    if cut is None and words:
        cut = words[k].start_ms
    if cut is None:
        cut = estimate_words(segment)[k].start_ms
    if cut is not None and segment.start_ms is not None:
        cut = max(cut, segment.start_ms)
        if segment.end_ms is not None:
            cut = min(cut, segment.end_ms)
    return cut


def _split_text(text: str, marks: Sequence[Mark], k: int) -> tuple[tuple[str, list[Mark]], ...]:
    """Text and marks before token *k* and from it on (a mark across the cut is cut too)."""
    spans = tokenize(text)
    if k <= 0 or k >= len(spans):
        whole = (text, list(marks))
        return (whole, ("", [])) if k >= len(spans) else (("", []), whole)
    left_end, cut = spans[k - 1][1], spans[k][0]
    return (text[:left_end], _clip(marks, 0, left_end)), (text[cut:], _clip(marks, cut, len(text)))


def _split_original(segment: Segment, k: int) -> tuple[tuple[str, list[Mark]], ...]:
    """The recognizer's text split at the token matching token *k* of the current text."""
    original = segment.original_text or ""
    if not segment.is_changed:
        return _split_text(segment.text, segment.marks, k)
    current, before = segment.text.split(), original.split()
    at = len(before)
    for tag, i1, i2, j1, j2 in token_opcodes(current, before):
        if i1 <= k < i2 or (i1 == i2 == k):
            at = j1 + min(k - i1, j2 - j1)
            break
    return _split_text(original, segment.original_marks or [], at)


def _clip(marks: Iterable[Mark], lo: int, hi: int) -> list[Mark]:
    clipped = []
    for mark in marks:
        start, end = max(mark.start, lo), min(mark.end, hi)
        if end > start or (mark.start == mark.end and lo <= mark.start <= hi):
            clipped.append(Mark(mark.kind, start - lo, end - lo, mark.time_ms))
    return clipped


def _join(a: str, a_marks: Sequence[Mark], b: str, b_marks: Sequence[Mark]) -> tuple[str, list[Mark]]:
    joiner = " " if a and b else ""
    offset = len(a) + len(joiner)
    return a + joiner + b, list(a_marks) + [m.shifted(offset) for m in b_marks]


def _join_words(first: Segment, second: Segment) -> tuple[list[Word], WordTiming]:
    if not first.words and not second.words:
        return [], first.word_timing
    words = _copy(first.words or estimate_words(first, second.start_ms))
    words += _copy(second.words or estimate_words(second))
    same = first.word_timing == second.word_timing and first.words and second.words
    timing = first.word_timing if same else WordTiming.ESTIMATED
    return words, timing


def _joined_status(first: Segment, second: Segment) -> dict[str, Any]:
    statuses = {first.status, second.status}
    if ReviewStatus.FLAGGED in statuses:
        return {"status": ReviewStatus.FLAGGED, "approved_by": "", "approved_at": ""}
    if statuses == {ReviewStatus.APPROVED}:
        return {"status": ReviewStatus.APPROVED,
                "approved_by": second.approved_by, "approved_at": second.approved_at}
    return {"status": ReviewStatus.UNREVIEWED, "approved_by": "", "approved_at": ""}


def _copy(words: Iterable[Word]) -> list[Word]:
    return [Word(w.text, w.start_ms, w.end_ms, w.confidence) for w in words]


# ====================================================================== times
def set_start(transcript: Transcript, index: int, ms: int) -> SetFields:
    """Move a segment's start to *ms*, kept between its neighbours' starts and its own end.

    The previous segment's end follows when it would overlap or was flush.
    """
    segment = _segment(transcript, index)
    prev = transcript.segments[index - 1] if index > 0 else None
    after = transcript.segments[index + 1] if index + 1 < len(transcript.segments) else None
    low = prev.start_ms if prev is not None and prev.start_ms is not None else 0
    ms = _clamp(ms, low, _min(segment.end_ms, after.start_ms if after else None))
    edits: list[tuple[int, Fields]] = [(index, {"start_ms": ms})]
    if prev is not None and prev.end_ms is not None and (prev.end_ms > ms or prev.end_ms == segment.start_ms):
        edits.insert(0, (index - 1, {"end_ms": ms}))
    return SetFields(tuple(edits))


def set_bounds(transcript: Transcript, index: int, start_ms: int, end_ms: int) -> SetFields:
    """Set a segment's start and end, clamped so it never overlaps its neighbours."""
    segment = _segment(transcript, index)
    if end_ms < start_ms:
        raise ValueError(f"segment {segment.id}: end {end_ms} before start {start_ms}")
    prev = transcript.segments[index - 1] if index > 0 else None
    after = transcript.segments[index + 1] if index + 1 < len(transcript.segments) else None
    low = 0
    if prev is not None:
        low = next((t for t in (prev.end_ms, prev.start_ms) if t is not None), 0)
    high = after.start_ms if after is not None else None
    start = _clamp(start_ms, low, high)
    return SetFields(((index, {"start_ms": start, "end_ms": _clamp(end_ms, start, high)}),))


def _clamp(value: int, low: int, high: int | None) -> int:
    value = max(value, low)
    return value if high is None else max(low, min(value, high))


def _min(*values: int | None) -> int | None:
    known = [v for v in values if v is not None]
    return min(known) if known else None


# ====================================================================== review
def set_status(transcript: Transcript, index: int | Iterable[int], status: ReviewStatus | str,
               reviewer: str = "", when: str | None = None) -> SetFields:
    """Approve, flag or reset segments; approval records *reviewer* and *when* (ISO 8601, UTC)."""
    status = ReviewStatus(status)
    approved = status == ReviewStatus.APPROVED
    when = when or datetime.now(timezone.utc).isoformat(timespec="seconds")
    fields = {"status": status, "approved_by": reviewer if approved else "",
              "approved_at": when if approved else ""}
    return SetFields(tuple((i, dict(fields)) for i in _rows(transcript, index)))


def set_note(transcript: Transcript, index: int, note: str) -> SetFields:
    """Set a segment's note (the reason it is flagged)."""
    _segment(transcript, index)
    return SetFields(((index, {"note": note}),))


# ====================================================================== speakers
def set_speaker(transcript: Transcript, index: int | Iterable[int], speaker_id: str | None) -> SetFields:
    """Give one segment (or several) another speaker."""
    if speaker_id is not None and speaker_id not in transcript.speakers:
        raise ValueError(f"unknown speaker id {speaker_id!r}")
    return SetFields(tuple((i, {"speaker_id": speaker_id}) for i in _rows(transcript, index)))


def rename_speaker(transcript: Transcript, speaker_id: str, name: str) -> SetSpeakers:
    """Rename a speaker everywhere (every segment shows speakers by id)."""
    name = name.strip()
    if speaker_id not in transcript.speakers:
        raise ValueError(f"unknown speaker id {speaker_id!r}")
    if not name:
        raise ValueError("a speaker needs a name")
    return SetSpeakers(tuple(Speaker(s.id, name) if s.id == speaker_id else s
                             for s in transcript.speakers.values()))


def add_speaker(transcript: Transcript, name: str, speaker_id: str | None = None) -> SetSpeakers:
    """Add a speaker at the end of the list; the new id is ``op.speakers[-1].id``."""
    name = name.strip()
    if not name:
        raise ValueError("a speaker needs a name")
    speaker_id = speaker_id or transcript.new_speaker_id()
    if speaker_id in transcript.speakers:
        raise ValueError(f"speaker id {speaker_id!r} is taken")
    return SetSpeakers(tuple(transcript.speakers.values()) + (Speaker(speaker_id, name),))


def merge_speakers(transcript: Transcript, source_id: str, target_id: str) -> Group:
    """Give all of *source_id*'s segments to *target_id* and drop *source_id*."""
    for speaker_id in (source_id, target_id):
        if speaker_id not in transcript.speakers:
            raise ValueError(f"unknown speaker id {speaker_id!r}")
    if source_id == target_id:
        raise ValueError("cannot merge a speaker with itself")
    rows = [i for i, s in enumerate(transcript.segments) if s.speaker_id == source_id]
    remaining = tuple(s for s in transcript.speakers.values() if s.id != source_id)
    return Group((set_speaker(transcript, rows, target_id), SetSpeakers(remaining)))


# ====================================================================== helpers
def _segment(transcript: Transcript, index: int) -> Segment:
    if not 0 <= index < len(transcript.segments):
        raise ValueError(f"no segment at row {index}")
    return transcript.segments[index]


def _rows(transcript: Transcript, index: int | Iterable[int]) -> list[int]:
    rows = [index] if isinstance(index, int) else list(index)
    for row in rows:
        _segment(transcript, row)
    return rows
