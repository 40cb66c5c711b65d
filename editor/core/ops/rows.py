"""Row edits: split a segment at the caret or into parts, merge it with the next (words and marks follow)."""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from editor.core.ignored_passages import clipped, joined
from editor.core.long_text import PART_CHARS, part_starts
from editor.core.ops.base import ReplaceSegments, segment_at
from editor.core.transcript import Mark, ReviewStatus, Segment, Transcript, Word, WordTiming
from editor.core.words import estimate_words, realign, token_opcodes, tokenize


def split(transcript: Transcript, index: int, offset: int, at_ms: int | None = None) -> ReplaceSegments:
    """Split a segment at character *offset* (a caret inside a word splits before that word).

    The new segment starts at *at_ms* (e.g. the playback position) or else
    at the time of its first word; words and marks go with their halves. The
    first half keeps the id, the second gets a new unique one.
    """
    segment = segment_at(transcript, index)
    spans = tokenize(segment.text)
    k = sum(1 for _, end in spans if end <= offset)
    if k == 0 or k == len(spans):
        raise ValueError(f"turn {index + 1}: nothing to split off at offset {offset}")
    words = segment.words
    if words and len(words) != len(spans):
        words = realign(words, segment.text, segment.start_ms, segment.end_ms)
    cut_ms = _split_time(segment, words, k, at_ms)
    (left_text, left_marks), (right_text, right_marks) = _split_text(segment.text, segment.marks, k)
    (left_orig, left_orig_marks), (right_orig, right_orig_marks) = _split_original(segment, k)
    right_at = len(segment.text) - len(right_text)
    left = dataclasses.replace(
        segment, end_ms=cut_ms, text=left_text, marks=left_marks, words=_copy(words[:k]),
        original_text=left_orig, original_marks=left_orig_marks, ignored=clipped(segment.ignored, 0, len(left_text)))
    right = dataclasses.replace(
        segment, id=transcript.segment_id_maker()(), start_ms=cut_ms, text=right_text,
        marks=right_marks, words=_copy(words[k:]), note="",
        original_text=right_orig, original_marks=right_orig_marks,
        ignored=clipped(segment.ignored, right_at, len(segment.text)))
    return ReplaceSegments(index, 1, (left, right))


@dataclass(frozen=True)
class PartsOutcome:
    """What a :func:`split_into_parts` made, as the producer is told of it: the parts' lengths in
    characters, and how many timed words were cut in two (where a run has no space to cut at; each
    piece gets its share of the word's time by length, an estimate: no audio says where inside a word
    a piece starts)."""

    part_lengths: tuple[int, ...]
    words_cut: int

    @property
    def parts(self) -> int:
        return len(self.part_lengths)

    def longer_than(self, chars: int) -> int:
        """How many parts are still longer than *chars* (a run with no space cannot be cut)."""
        return sum(1 for length in self.part_lengths if length > chars)


@dataclass(frozen=True, eq=False)
class PartsSplit(ReplaceSegments):
    """:func:`split_into_parts`'s op: the parts, and how many timed words it cut in two."""

    words_cut: int = 0

    def outcome(self) -> PartsOutcome:
        return PartsOutcome(tuple(len(part.text) for part in self.segments), self.words_cut)


def split_into_parts(transcript: Transcript, index: int, max_chars: int = PART_CHARS) -> PartsSplit:
    """Cut a segment too long to edit into parts of at most *max_chars* characters, after sentence
    ends where there are any (:func:`editor.core.long_text.part_starts`), as one op.

    Each part starts at its first word's time (estimated when the words have none); words and
    marks go with their parts; the first part keeps the id, note and status, as :func:`split` does.
    A timed word cut in two is shared by length (:func:`_words_by_part`), and counted in the op's
    ``words_cut``. O(length of the segment), however many parts.
    """
    segment = segment_at(transcript, index)
    text = segment.text
    # Each part starts at a word's first character, or inside a run with no space (cut hard); a
    # mark is never cut in two.
    starts_at = part_starts(text, max_chars, keep_whole=[(mark.start, mark.end) for mark in segment.marks])
    if not starts_at:
        raise ValueError(f"turn {index + 1}: short enough to edit, nothing to split")
    # No word estimates of the whole turn (a 10 MB turn is 2 million words): a part's start time is
    # its first word's, or else its share of the characters (as estimate_words spreads a turn's time).
    char_bounds = [0, *starts_at, len(text)]
    pieces = [(text[a:b].rstrip() if b < len(text) else text[a:], a)
              for a, b in zip(char_bounds, char_bounds[1:], strict=False)]
    words = segment.words
    cuts: list[int] = []   # the token index each part after the first starts at
    part_words: list[list[Word]] = []
    words_cut = 0
    if words or segment.is_changed:
        spans = tokenize(text)
        token_starts = [start for start, _end in spans]
        cuts = [bisect.bisect_left(token_starts, at) for at in starts_at]
        if words and len(words) != len(spans):
            words = realign(words, text, segment.start_ms, segment.end_ms)
        if words:
            part_words, words_cut = _words_by_part(words, spans, char_bounds, segment)
    if part_words:   # a part inside a token cut hard starts at its share of that word's time
        cut_ms = _never_before([
            _clamped(segment, p[0].start_ms) if p and p[0].start_ms is not None
            else _estimated(segment, at, len(text))     # an untimed word: the part's share of the turn's time
            for p, at in zip(part_words[1:], starts_at, strict=True)])
    else:
        cut_ms = [_estimated(segment, at, len(text)) for at in starts_at]
    texts = [(piece, _clip(segment.marks, at, at + len(piece))) for piece, at in pieces]
    originals = texts if not segment.is_changed else _original_pieces(segment, cuts)
    new_id = transcript.segment_id_maker()
    starts = [segment.start_ms, *cut_ms]
    ends = [*cut_ms, segment.end_ms]
    parts = []
    for i, ((part, marks), (original, original_marks)) in enumerate(zip(texts, originals, strict=True)):
        at = pieces[i][1]
        fields: dict[str, Any] = dict(start_ms=starts[i], end_ms=ends[i], text=part, marks=marks,
                      words=part_words[i] if part_words else [],
                      original_text=original, original_marks=original_marks,
                      ignored=clipped(segment.ignored, at, at + len(part)))
        if i:
            fields.update(id=new_id(), note="")
        parts.append(dataclasses.replace(segment, **fields))
    return PartsSplit(index, 1, tuple(parts), words_cut)


def _words_by_part(words: Sequence[Word], spans: Sequence[tuple[int, int]], char_bounds: Sequence[int],
                   segment: Segment) -> tuple[list[list[Word]], int]:
    """Copies of *words* (one per token at *spans*) for each part between *char_bounds*, and how many
    timed words were cut: a token cut hard (a run with no space) becomes one word per piece, each with
    its share by length of the time the word is spoken in (:func:`_spoken`)."""
    text = segment.text
    parts: list[list[Word]] = [[] for _ in char_bounds[1:]]
    cut = 0
    for i, (word, (start, end)) in enumerate(zip(words, spans, strict=True)):
        part = bisect.bisect_right(char_bounds, start) - 1
        if end <= char_bounds[part + 1]:
            parts[part].append(dataclasses.replace(word))
            continue
        spoken = _spoken(word, words[i + 1:i + 2], segment)
        cut += spoken is not None
        while part < len(parts) and char_bounds[part] < end:
            lo, hi = max(start, char_bounds[part]), min(end, char_bounds[part + 1])
            parts[part].append(dataclasses.replace(
                word, text=text[lo:hi], start_ms=_share(spoken, lo - start, end - start),
                end_ms=_share(spoken, hi - start, end - start)))
            part += 1
    return parts, cut


def _spoken(word: Word, following: Sequence[Word], segment: Segment) -> tuple[int, int] | None:
    """When *word* is spoken, inside its turn: from its start to its end, or where no end (or one
    before the start) says, to the next word's start or the turn's end. None for a word with no time.

    Shared from a start alone, every piece after the first would have no time (nor the parts after
    the cut a start); shared from an end before the start, every piece would be the same instant."""
    if word.start_ms is None:
        return None
    start = _clamped(segment, word.start_ms) or 0
    end = word.end_ms
    if end is None or end < start:
        after = following[0].start_ms if following else None
        end = after if after is not None and after >= start else segment.end_ms
    end = start if end is None else max(start, _clamped(segment, end) or 0)
    return start, end


def _share(spoken: tuple[int, int] | None, done: int, total: int) -> int | None:
    """The time *done* of *total* characters into the *spoken* span."""
    if spoken is None:
        return None
    start, end = spoken
    return start + (end - start) * done // max(1, total)


def _never_before(times: list[int | None]) -> list[int | None]:
    """*times* with each no earlier than the one before it."""
    kept: list[int | None] = []
    for ms in times:
        if ms is not None and kept and kept[-1] is not None:
            ms = max(ms, kept[-1])
        kept.append(ms)
    return kept


def _estimated(segment: Segment, done: int, total: int) -> int | None:
    """The time *done* of *total* characters into *segment* (None when it has no start and end)."""
    if segment.start_ms is None or segment.end_ms is None:
        return None
    return segment.start_ms + max(0, segment.end_ms - segment.start_ms) * done // max(1, total)


def _clamped(segment: Segment, cut: int | None) -> int | None:
    """*cut* kept inside the segment's own times."""
    if cut is not None and segment.start_ms is not None:
        cut = max(cut, segment.start_ms)
        if segment.end_ms is not None:
            cut = min(cut, segment.end_ms)
    return cut


def _pieces(text: str, spans: Sequence[tuple[int, int]], marks: Sequence[Mark],
            cuts: Sequence[int]) -> list[tuple[str, list[Mark]]]:
    """Text and marks of the runs of tokens between the token indices *cuts* (as :func:`_split_text`
    cuts at one: the spaces at a cut go, a mark across it is cut too)."""
    bounds = [0, *cuts, len(spans)]
    pieces: list[tuple[str, list[Mark]]] = []
    for first, end in zip(bounds, bounds[1:], strict=False):
        if end <= first:     # no token of its own (a part of text added since): no original either
            pieces.append(("", []))
            continue
        lo = spans[first][0] if first else 0
        hi = spans[end - 1][1] if end < len(spans) else len(text)
        pieces.append((text[lo:hi], _clip(marks, lo, hi)))
    return pieces


def _original_pieces(segment: Segment, cuts: Sequence[int]) -> list[tuple[str, list[Mark]]]:
    """The recognizer's text cut at the tokens matching tokens *cuts* of the current text."""
    original = segment.original_text or ""
    opcodes = token_opcodes(segment.text.split(), original.split())
    spans = tokenize(original)
    # One cut per part, in place even where two fall on the same token (a part made only of text
    # added since has no original; the parts after it keep theirs).
    mapped = [min(_matching_token(opcodes, k, len(spans)), len(spans)) for k in cuts]
    return _pieces(original, spans, segment.original_marks or [], mapped)


def _matching_token(opcodes, k: int, count: int) -> int:
    """The index in the other token list of the token matching token *k* (see :func:`token_opcodes`)."""
    for _tag, i1, i2, j1, j2 in opcodes:
        if i1 <= k < i2 or (i1 == i2 == k):
            return j1 + min(k - i1, j2 - j1)
    return count


def merge_with_next(transcript: Transcript, index: int) -> ReplaceSegments:
    """Join a segment and the next one (first id and speaker).

    The merged turn spans both: the earlier start and the later end. The next turn may
    overlap the first (a short interjection inside a long answer): taking its end would cut
    the first turn's words off.
    """
    first = segment_at(transcript, index)
    if index + 1 >= len(transcript.segments):
        raise ValueError(f"segment {first.id} is the last one: nothing to merge with")
    second = transcript.segments[index + 1]
    text, marks = _join(first.text, first.marks, second.text, second.marks)
    original, original_marks = _join(first.original_text or "", first.original_marks or [],
                                      second.original_text or "", second.original_marks or [])
    words, timing = _join_words(first, second)
    merged = dataclasses.replace(
        first, start_ms=_earliest(first.start_ms, second.start_ms), end_ms=_latest(first.end_ms, second.end_ms),
        text=text, marks=marks, words=words, word_timing=timing,
        ignored=joined(first.ignored, second.ignored, len(text) - len(second.text)),
        note="\n".join(n for n in (first.note, second.note) if n),
        original_text=original, original_marks=original_marks, **_joined_status(first, second))
    return ReplaceSegments(index, 2, (merged,))


def _earliest(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else min(a, b)


def _latest(a: int | None, b: int | None) -> int | None:
    return b if a is None else a if b is None else max(a, b)


def _split_time(segment: Segment, words: Sequence[Word], k: int, at_ms: int | None) -> int | None:
    cut = at_ms
    if cut is None and words:
        cut = words[k].start_ms
    if cut is None:
        cut = estimate_words(segment)[k].start_ms
    return _clamped(segment, cut)


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
    before = original.split()
    at = _matching_token(token_opcodes(segment.text.split(), before), k, len(before))
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
