"""Text edits: typing, replace-all in many places, revert, and inaudible/crosstalk/unclear marks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from editor.core.ignored_passages import follow_edits, follow_text
from editor.core.ops.base import SetFields, segment_at
from editor.core.ops.review import reopened
from editor.core.transcript import Mark, MarkKind, Segment, Transcript, WordTiming, made_words, words_later
from editor.core.words import Edit, estimate_words, map_marks, realign, realign_replaced, shift_marks, tokenize


def set_text(transcript: Transcript, index: int, new_text: str) -> SetFields:
    """Replace a segment's text; words are realigned and marks follow their text.

    An approved segment goes back to unreviewed in the same op: the approval was of the old text.
    """
    segment = segment_at(transcript, index)
    if new_text == segment.text:
        return SetFields(())
    return SetFields(((index, _typed_fields(segment, new_text, _room_end(transcript, index)) | reopened(segment)),))


def _room_end(transcript: Transcript, index: int) -> int | None:
    """Where the time after turn *index* ends: the next timed turn's start, else the audio's end
    (None: not known)."""
    following = transcript.segments[index + 1:index + 1 + _ROOM_LOOKAHEAD]
    for segment in following:
        if segment.start_ms is not None:
            return segment.start_ms
    if index + 1 + _ROOM_LOOKAHEAD < len(transcript.segments):
        return None     # a timed turn may follow further on: not looked for on a keystroke
    return transcript.meta.duration_ms or None


# Turns looked at after the one typed in for the next timed one: a bounded cost per keystroke.
_ROOM_LOOKAHEAD = 3


def replace_spans(transcript: Transcript,
                  spans: Iterable[tuple[int, int, int, str]]) -> SetFields:
    """Replace ``text[start:end]`` in many segments as one op: ``(row, start, end, replacement)``.

    Find/replace-all and "correct everywhere" use this: each touched segment
    is rebuilt once (O(changed segments)); no other segment is read.
    """
    by_row: dict[int, list[tuple[int, int, str]]] = {}
    row_of = by_row.get
    for index, start, end, replacement in spans:
        items = row_of(index)
        if items is None:
            by_row[index] = [(start, end, replacement)]
        else:
            items.append((start, end, replacement))
    replaced = tuple((index, tuple(sorted(items))) for index, items in sorted(by_row.items()))
    if replaced:   # the rows are sorted: checking the first and last checks them all
        segment_at(transcript, replaced[0][0])
        segment_at(transcript, replaced[-1][0])
    segments = transcript.segments
    return SetFields(tuple([(index, _replace_in(segments[index], items)) for index, items in replaced]), replaced)


def revert_to_original(transcript: Transcript, index: int) -> SetFields:
    """Give a segment back the recognizer's text and marks (an approved one, changed by that,
    goes back to unreviewed as with :func:`set_text`)."""
    segment = segment_at(transcript, index)
    original = segment.original_text or ""
    fields = _text_fields(segment, original, edits=[])
    fields["marks"] = list(segment.original_marks or [])
    if segment.ignored:     # the passages the recognizer's text still reads at their places
        fields["ignored"] = follow_text(segment.ignored, segment.text, original)
    if fields["text"] != segment.text or fields["marks"] != list(segment.marks):
        fields |= reopened(segment)
    return SetFields(((index, fields),))


def _replace_in(segment: Segment, items: tuple[tuple[int, int, str], ...]) -> dict[str, Any]:
    """The fields of *segment* with *items* (sorted) replaced: :func:`_text_fields` written out for
    a replace (it runs once per replaced turn and once per replacement: thousands of times)."""
    text = segment.text
    length = len(text)
    pieces: list[str] = []
    add = pieces.append
    cursor = 0
    for start, end, replacement in items:
        if not cursor <= start <= end <= length:
            raise ValueError(f"segment {segment.id}: span {start}-{end} overlaps or lies outside the text")
        add(text[cursor:start])
        add(replacement)
        cursor = end
    add(text[cursor:])
    new_text = "".join(pieces)
    marks = segment.marks
    if marks:
        marks = map_marks(marks, [(start, end, len(replacement)) for start, end, replacement in items])
    elif not isinstance(marks, list):
        marks = []
    fields: dict[str, Any] = {"text": new_text}
    if segment.ignored:     # set only where there are any: a replace's fields stay the journal's text fields
        fields["ignored"] = follow_edits(segment.ignored, text, new_text,
                                         [(start, end, len(replacement)) for start, end, replacement in items])
    stored = segment.stored_words   # type: ignore[attr-defined]   # a list, or a recipe not read yet
    # A replace touches thousands of turns at once and few of them are ever looked at: their
    # words are realigned when first read (shown, played, saved), from the words they had.
    words = words_later(_realigned, stored, text, new_text, items, segment.start_ms, segment.end_ms) \
        if stored else []
    return fields | {"words": words, "marks": marks}


def _text_fields(segment: Segment, new_text: str, edits: Sequence[Edit] | None = None,
                 marks: Sequence[Mark] | None = None, end_ms: int | None = None) -> dict[str, Any]:
    """New text with its words realigned and marks moved (by *edits*, else by diffing)."""
    marks = segment.marks if marks is None else marks
    if not marks and isinstance(marks, list):
        moved = marks    # no marks to move: the empty list itself (lists are never changed in place)
    else:
        moved = shift_marks(marks, segment.text, new_text) if edits is None else map_marks(marks, edits)
    end_ms = segment.end_ms if end_ms is None else end_ms
    words = realign(segment.words, new_text, segment.start_ms, end_ms) if segment.words else []
    fields = {"text": new_text, "words": words, "marks": moved}
    if segment.ignored:     # set only where there are any: typing elsewhere merges into one undo record
        fields["ignored"] = (follow_text(segment.ignored, segment.text, new_text) if edits is None
                             else follow_edits(segment.ignored, segment.text, new_text, edits))
    return fields


def _typed_fields(segment: Segment, new_text: str, room_end_ms: int | None = None) -> dict[str, Any]:
    """:func:`_text_fields` for typed text: a heard turn that gains words has estimated times.

    Words typed in get interpolated times, not heard ones: the turn's timing says so, and the
    next alignment of the episode times it again. A heard turn's timing is set by every edit of
    it, changed or not, so the undo of the first keystroke restores it and typing on merges
    into that one undo record (:func:`~editor.core.ops.base.merged_undo`).
    """
    fields = _text_fields(segment, new_text, end_ms=_typing_end(segment, new_text, room_end_ms))
    if segment.word_timing in _HEARD and segment.words:
        words = fields["words"]
        grew = len(words) > len(segment.words) and words[0].start_ms is not None
        fields["word_timing"] = WordTiming.ESTIMATED if grew else segment.word_timing
    return fields


_HEARD = (WordTiming.ALIGNED, WordTiming.IMPORTED)
# The time a word typed after a turn's last word is given from the silence after it.
TYPED_WORD_MS = 300


def _typing_end(segment: Segment, new_text: str, room_end_ms: int | None) -> int | None:
    """How far words typed at the end of *segment* may run: past the turn's end into the silence
    after it (up to *room_end_ms*, the next turn's start or the audio's end), so they never push
    back words already timed. Aligned words may run past the turn's own end; the words' end, not
    the turn's, is where new ones start."""
    end = segment.end_ms
    words = segment.words
    last = words[-1].end_ms if words else None
    if end is None or last is None:
        return end
    end = max(end, last)
    added = len(new_text.split()) - len(words)
    wanted = last + TYPED_WORD_MS * added
    if wanted > end and room_end_ms is not None:    # no room known: none taken (no overlap, no time past the audio)
        end = max(end, min(wanted, room_end_ms))
    return end


def _realigned(stored, old_text: str, new_text: str, replaced: tuple[tuple[int, int, str], ...],
               start_ms: int | None, end_ms: int | None) -> list:
    """The words of a turn changed by *replaced*, from the words it had (made, or still a recipe)."""
    old_words = made_words(stored)
    if not old_words:
        return []
    return realign_replaced(old_words, old_text, new_text, replaced, start_ms, end_ms)


# ---------------------------------------------------------------------- marks
def add_mark(transcript: Transcript, index: int, kind: MarkKind | str, start: int, end: int,
             time_ms: int | None = None) -> SetFields:
    """Mark ``text[start:end]`` as *kind*; with no selection insert the kind's token at *start*.

    Marks the new one overlaps are replaced (marking an inaudible passage as
    crosstalk changes its kind). *time_ms* defaults to the time of the word there.
    """
    segment = segment_at(transcript, index)
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
    segment = segment_at(transcript, index)
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
    for (_, end), word in zip(spans, words, strict=False):
        if offset < end and word.start_ms is not None:
            return word.start_ms
    return segment.start_ms
