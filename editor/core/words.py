"""Keeping a segment's words and marks in step with its text (no Qt).

Every text edit goes through here, once per keystroke, so the work is bounded
by the edited segment: word times are carried over by aligning the old tokens
to the new ones (unchanged words keep their times, new words are interpolated
between their neighbours) and mark spans are moved through the character
edits. Nothing here mutates its arguments: callers get fresh lists, so an
undo record can hold the old lists without copying. ``Word`` and ``Mark``
objects are values: unchanged words are shared between the old and the new
list (copying 40,000 words would dominate a replace-all), so code that changes
word times assigns new ``Word`` objects instead of mutating them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import accumulate, islice
from operator import attrgetter
from sys import intern

from editor.core.audio_fit import end_within
from editor.core.transcript import Mark, Segment, Word, WordTiming

_TOKEN = re.compile(r"\S+")

# One character edit: old text[start:end] became a replacement of length new_len.
Edit = tuple[int, int, int]
Opcode = tuple[str, int, int, int, int]


# ---------------------------------------------------------------------- tokens
def tokenize(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the whitespace-separated tokens of *text*."""
    return [m.span() for m in _TOKEN.finditer(text)]


def word_spans(segment: Segment) -> list[tuple[int, int]]:
    """Character span of each of ``segment.words`` inside ``segment.text``.

    Words are the text's tokens in order, so this is :func:`tokenize` when the
    counts agree; otherwise each word is searched for after the previous one,
    so a stale word list still maps to sensible places.
    """
    spans = tokenize(segment.text)
    if len(spans) == len(segment.words):
        return spans
    found: list[tuple[int, int]] = []
    cursor = 0
    for word in segment.words:
        at = segment.text.find(word.text, cursor) if word.text else -1
        if at < 0:
            at = min(cursor, len(segment.text))
            found.append((at, at))
            continue
        cursor = at + len(word.text)
        found.append((at, cursor))
    return found


# ---------------------------------------------------------------------- times
def spread(tokens: Sequence[str], start_ms: int | None, end_ms: int | None) -> list[Word]:
    """Words for *tokens* sharing ``[start_ms, end_ms]`` in proportion to their length.

    A token's share is its length plus one (its space), so short words get
    short times, as in speech. Untimed bounds give untimed words.
    """
    if start_ms is None or end_ms is None:
        return [Word(token) for token in tokens]
    if not tokens:
        return []
    span = max(0, end_ms - start_ms)
    if len(tokens) == 1:   # one word replacing another (most of a replace-all): the whole span, as below
        return [Word(tokens[0], start_ms, start_ms + span)]
    # Each token's share ends where the running count of characters (and spaces) ends; one pass in
    # C-level iterators, as opening a caption file spreads every cue's words (90,000 for 10 hours).
    done = list(accumulate([len(t) + 1 for t in tokens]))
    total = done[-1]
    edges = [start_ms, *[start_ms + span * d // total for d in done]]
    return list(map(Word, tokens, edges, islice(edges, 1, None)))   # map calls Word without a bytecode loop


def cue_words(pieces: Sequence[list[Word] | tuple[str, int | None, int | None]]) -> list[Word]:
    """A turn's words from the caption cues merged into it: each cue's own words, or its text
    ``(text, start_ms, end_ms)`` spread over the cue's span (see :func:`editor.formats.turns.merge_cues`)."""
    words: list[Word] = []
    for piece in pieces:
        if isinstance(piece, list):
            words.extend(piece)
        else:
            text, start_ms, end_ms = piece
            # an episode repeats a few thousand words: one string each
            words.extend(spread([intern(token) for token in text.split()], start_ms, end_ms))
    return words


def joined_cue_words(text: str, spans: Sequence[int]) -> list[Word]:
    """:func:`cue_words` of cues given as the turn's *text* (their texts joined by single spaces) and
    each cue's ``length in characters, start_ms, end_ms`` one after another in *spans*. A recipe of
    numbers that points into the turn's own text: the cues' texts are not kept a second time, so a
    12,000-cue file's turns are sent from the reading process in half the bytes (~1.8 -> ~0.9 MB)."""
    words: list[Word] = []
    at = 0
    numbers = iter(spans)
    for length, start_ms, end_ms in zip(numbers, numbers, numbers, strict=True):
        words.extend(spread([intern(token) for token in text[at:at + length].split()], start_ms, end_ms))
        at += length + 1   # and the joining space
    return words


def estimate_words(segment: Segment, end_ms: int | None = None) -> list[Word]:
    """Word times estimated by character proportion within the segment (O(words)).

    For highlighting and click-to-seek when a segment has no word times.
    *end_ms* stands in for a missing segment end (e.g. the next segment's
    start). Callers that store the result should set
    ``segment.word_timing = WordTiming.ESTIMATED``.
    """
    end = segment.end_ms if segment.end_ms is not None else end_ms
    return spread(segment.text.split(), segment.start_ms, end)


# ---------------------------------------------------------------------- alignment
def common_affixes(a: Sequence, b: Sequence) -> tuple[int, int]:
    """Lengths of the common prefix and (non-overlapping) common suffix of *a* and *b*.

    Binary search on slice equality: the comparisons run in C, so a typed
    character in a 3,000-character segment costs microseconds.
    """
    shortest = min(len(a), len(b))
    lo, hi = 0, shortest
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    prefix = lo
    lo, hi = 0, shortest - prefix
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return prefix, lo


def token_opcodes(old: Sequence[str], new: Sequence[str]) -> list[Opcode]:
    """difflib-style opcodes turning token list *old* into *new*.

    The common prefix and suffix are cut off first, so an edit in one word
    diffs only that word and repeated words keep the obvious pairing. The
    middle goes to rapidfuzz's LCS diff (C, ~100x faster than difflib on 500
    tokens, see tests/bench/bench_ops.py); its adjacent inserts and deletes are
    merged into difflib-style "replace" blocks.
    """
    prefix, suffix = common_affixes(old, new)
    opcodes: list[Opcode] = []
    if prefix:
        opcodes.append(("equal", 0, prefix, 0, prefix))
    old_mid, new_mid = old[prefix:len(old) - suffix], new[prefix:len(new) - suffix]
    if old_mid and new_mid:
        from rapidfuzz.distance import Indel  # here, not at the top: reading a file needs this module, not the diff
        opcodes += _merged(Indel.opcodes(old_mid, new_mid), prefix)
    elif old_mid:
        opcodes.append(("delete", prefix, len(old) - suffix, prefix, prefix))
    elif new_mid:
        opcodes.append(("insert", prefix, prefix, prefix, len(new) - suffix))
    if suffix:
        opcodes.append(("equal", len(old) - suffix, len(old), len(new) - suffix, len(new)))
    return opcodes


def _merged(raw: Iterable, offset: int) -> list[Opcode]:
    """Opcodes shifted by *offset*, each run of inserts/deletes joined into one block."""
    merged: list[Opcode] = []
    pending: list[int] | None = None  # [i1, i2, j1, j2] of the current non-equal run
    for tag, i1, i2, j1, j2 in raw:
        if tag != "equal":
            pending = [i1, i2, j1, j2] if pending is None else [pending[0], i2, pending[2], j2]
            continue
        if pending is not None:
            merged.append(_block(pending, offset))
            pending = None
        merged.append(("equal", i1 + offset, i2 + offset, j1 + offset, j2 + offset))
    if pending is not None:
        merged.append(_block(pending, offset))
    return merged


def _block(span: list[int], offset: int) -> Opcode:
    i1, i2, j1, j2 = (v + offset for v in span)
    tag = "replace" if i1 < i2 and j1 < j2 else ("delete" if i1 < i2 else "insert")
    return tag, i1, i2, j1, j2


def realign(old_words: Sequence[Word], new_text: str,
            start_ms: int | None, end_ms: int | None) -> list[Word]:
    """Words for *new_text*, carrying times over from *old_words* of the same segment.

    Unchanged words keep their times and confidence; replaced words share the
    time of the words they replace; inserted words share the gap between
    their neighbours (or the segment bounds); deleted words vanish.
    """
    new_tokens = new_text.split()
    old_tokens = [w.text for w in old_words]
    words: list[Word] = []
    cramped: list[tuple[int, int]] = []   # runs of new words given less time than a word takes
    for tag, i1, i2, j1, j2 in token_opcodes(old_tokens, new_tokens):
        if tag == "equal":
            words += old_words[i1:i2]  # shared, not copied: words are values (module docstring)
        elif tag != "delete":
            begin, end = _window(old_words, words, tag, i1, i2, start_ms, end_ms)
            if begin is not None and end is not None and end - begin < MIN_NEW_WORD_MS * (j2 - j1):
                cramped.append((j1, j2))
            words.extend(spread(new_tokens[j1:j2], begin, end))
    for first, stop in cramped:
        _make_room(words, first, stop, start_ms, end_ms)
    return words


# A word typed where the old times leave no room (after the last word of a turn that ends with
# it, between two words that touch) gets at least this long, taken from the words around it, so
# no caption or JSON segment is ever zero-length. The times are provisional (the turn's timing
# becomes estimated) until alignment hears where the words are.
MIN_NEW_WORD_MS = 80


def _make_room(words: list[Word], first: int, stop: int, start_ms: int | None, end_ms: int | None) -> None:
    """Spread ``words[first:stop]`` (new) and as few neighbours as needed over their joint time.

    Neighbours join one at a time, alternately after and before the run, until the new words'
    share by characters gives each of them :data:`MIN_NEW_WORD_MS`, or the turn has no more to give.
    Untimed neighbours end the widening; the turn's own bounds count as room at either end.
    """
    if start_ms is None or end_ms is None or any(w.start_ms is None for w in words[first:stop]):
        return
    need = MIN_NEW_WORD_MS * (stop - first)
    new_chars = sum(len(w.text) + 1 for w in words[first:stop])
    lo, hi, after = first, stop, True
    while True:
        begin = start_ms if lo == 0 else words[lo].start_ms
        end = end_ms if hi == len(words) else words[hi - 1].end_ms
        assert begin is not None and end is not None   # the run is timed, and so is each neighbour taken
        chars = sum(len(w.text) + 1 for w in words[lo:hi])
        if (end - begin) * new_chars >= need * chars:
            break
        can_after = hi < len(words) and words[hi].start_ms is not None and words[hi].end_ms is not None
        can_before = lo > 0 and words[lo - 1].start_ms is not None and words[lo - 1].end_ms is not None
        if not (can_after or can_before):
            break
        if can_after and (after or not can_before):
            hi += 1
        else:
            lo -= 1
        after = not after
    if end <= begin:
        return   # a turn with no time at all: nothing to share
    respread = spread([w.text for w in words[lo:hi]], begin, end)
    words[lo:hi] = [Word(w.text, s.start_ms, s.end_ms, w.confidence)
                    for w, s in zip(words[lo:hi], respread, strict=True)]


def realign_replaced(old_words: Sequence[Word], old_text: str, new_text: str,
                     replaced: Sequence[tuple[int, int, str]],
                     start_ms: int | None, end_ms: int | None) -> list[Word]:
    """:func:`realign` for a text changed by known replacements ``(start, end, text)`` (sorted).

    When each replacement stays inside one word and neither splits nor removes it (a replace-all
    of "the" by "thy", a misheard name corrected), the words that changed are known without a
    diff: they are retimed as :func:`realign` retimes a replaced run (adjacent changed words share
    their span), and the others are shared. A replace in thousands of turns then costs a token
    scan per turn instead of a diff. Anything else goes through :func:`realign`.
    """
    fast = _retimed_in_place(old_words, old_text, new_text, replaced, start_ms, end_ms)
    return fast if fast is not None else realign(old_words, new_text, start_ms, end_ms)


def _retimed_in_place(old_words: Sequence[Word], old_text: str, new_text: str,
                      replaced: Sequence[tuple[int, int, str]],
                      start_ms: int | None, end_ms: int | None) -> list[Word] | None:
    # Per replacement, not per word: a turn of a caption file holds hundreds of words, and a
    # replace-all touches thousands of turns, so words are counted by str.split (C), never walked.
    old_tokens = old_text.split()
    if len(old_tokens) != len(old_words) or old_tokens != list(map(_TEXT_OF, old_words)):
        return None                       # words out of step with the text: diff them
    hit: set[int] = set()
    before, counted_to = 0, 0             # tokens starting before offset counted_to
    length = len(old_text)
    for start, end, replacement in replaced:
        piece = old_text[start:end]
        if _SPACE(piece) or _SPACE(replacement):
            return None                   # a space replaced or brought in: words split or join
        inside_left = start > 0 and not old_text[start - 1].isspace()
        if not (inside_left or (end < length and not old_text[end].isspace()) or (piece and replacement)):
            return None                   # a whole word goes, or a new one comes between words
        if start > counted_to:
            straddles = counted_to > 0 and not old_text[counted_to - 1].isspace() \
                and not old_text[counted_to].isspace()
            before += len(old_text[counted_to:start].split()) - straddles
            counted_to = start
        hit.add(before - 1 if inside_left else before)
    new_tokens = new_text.split()
    if len(new_tokens) != len(old_tokens):
        return None
    words = list(old_words)
    changed = sorted(i for i in hit if new_tokens[i] != old_tokens[i])
    at, count = 0, len(changed)
    while at < count:
        first = last = changed[at]
        at += 1
        while at < count and changed[at] == last + 1:   # adjacent changed words share their span
            last = changed[at]
            at += 1
        old = old_words[first]
        if first == last and old.start_ms is not None and old.end_ms is not None and old.end_ms >= old.start_ms:
            words[first] = Word(new_tokens[first], old.start_ms, old.end_ms)   # spread() of one word
        else:
            _retime_run(words, old_words, new_tokens, first, last + 1, start_ms, end_ms)
    return words


_SPACE = re.compile(r"\s").search
_TEXT_OF = attrgetter("text")


def _retime_run(words: list[Word], old_words: Sequence[Word], new_tokens: Sequence[str], i1: int, i2: int,
                start_ms: int | None, end_ms: int | None) -> None:
    """Words ``i1:i2`` replaced in place, timed as :func:`realign` times a "replace" block."""
    begin, end = _window(old_words, words[i1 - 1:i1] if i1 else (), "replace", i1, i2, start_ms, end_ms)
    words[i1:i2] = spread(new_tokens[i1:i2], begin, end)


def _window(old_words: Sequence[Word], done: Sequence[Word], tag: str, i1: int, i2: int,
            start_ms: int | None, end_ms: int | None) -> tuple[int | None, int | None]:
    """The time new words of one opcode may occupy."""
    if tag == "replace":
        first, last = old_words[i1].start_ms, old_words[i2 - 1].end_ms
        if first is not None and last is not None and last >= first:
            return first, last
    begin = done[-1].end_ms if done and done[-1].end_ms is not None else start_ms
    end = old_words[i2].start_ms if i2 < len(old_words) else end_ms
    if end is None:
        end = end_ms
    if begin is not None and end is not None and end < begin:
        end = begin
    return begin, end


# ---------------------------------------------------------------------- marks
def text_edit(old_text: str, new_text: str) -> Edit | None:
    """The single character edit turning *old_text* into *new_text* (None if equal)."""
    if old_text == new_text:
        return None
    prefix, suffix = common_affixes(old_text, new_text)
    return prefix, len(old_text) - suffix, len(new_text) - suffix - prefix


def shift_marks(marks: Sequence[Mark], old_text: str, new_text: str) -> list[Mark]:
    """*marks* of *old_text* moved onto *new_text* (one contiguous change assumed)."""
    edit = text_edit(old_text, new_text)
    return list(marks) if edit is None else map_marks(marks, [edit])


def map_marks(marks: Iterable[Mark], edits: Sequence[Edit]) -> list[Mark]:
    """*marks* moved through sorted, non-overlapping character *edits*.

    Text typed right before or after a mark stays outside it; text typed
    inside it (or replacing part of it) stretches it. A mark whose covered
    text is entirely replaced or deleted disappears.
    """
    moved: list[Mark] = []
    for mark in marks:
        if mark.end <= mark.start:  # an empty mark (as some readers make) just moves along
            at = _map_start(mark.start, edits)
            moved.append(Mark(mark.kind, at, at, mark.time_ms))
            continue
        if _covered_gone(mark, edits):
            continue
        start, end = _map_start(mark.start, edits), _map_end(mark.end, edits)
        if end > start:
            moved.append(Mark(mark.kind, start, end, mark.time_ms))
    return moved


def _covered_gone(mark: Mark, edits: Sequence[Edit]) -> bool:
    removed = sum(max(0, min(b, mark.end) - max(a, mark.start)) for a, b, _ in edits)
    return removed >= mark.end - mark.start


def _map_start(pos: int, edits: Sequence[Edit]) -> int:
    delta = 0
    for a, b, new_len in edits:
        if pos < a or (pos == a < b):
            return pos + delta
        if pos < b:  # inside replaced text: the mark now starts after the replacement
            return a + new_len + delta
        delta += new_len - (b - a)
    return pos + delta


def _map_end(pos: int, edits: Sequence[Edit]) -> int:
    delta = 0
    for a, b, new_len in edits:
        if pos <= a:
            return pos + delta
        if pos < b:  # inside replaced text: the mark now ends before the replacement
            return a + delta
        if pos == b:  # the mark's tail was replaced: the replacement belongs to it
            return a + new_len + delta
        delta += new_len - (b - a)
    return pos + delta


# ---------------------------------------------------------------------- mark times
# Word times that say where things are heard: a mark inside such a segment takes its time
# from the words around it. Estimated (proportional) times do not: a mark's own time (Rev's
# "[inaudible 00:12:03]") is better than a guess by character count.
HEARD_TIMINGS = frozenset({WordTiming.ALIGNED, WordTiming.IMPORTED, WordTiming.FAILED})


def word_time_fields(segment: Segment, words: list[Word], timing: WordTiming,
                     audio_ms: int | None = None) -> dict:
    """The fields that give *segment* new word times: words, timing and, when the times
    say where words are heard, its marks moved to the times of the words around them.

    *audio_ms*, the length of the audio the times were found in: a turn whose stated end runs
    past it (a podcast page gives its last turn the episode's length) ends with the audio, so
    the turn no longer claims audio its words do not need."""
    fields: dict = {"words": words, "word_timing": timing}
    end = end_within(segment, audio_ms)
    last_heard = words[-1].end_ms if words else None
    if end is not None and (last_heard is None or last_heard <= end):
        fields["end_ms"] = end
    if timing in HEARD_TIMINGS:
        marks = marks_at_word_times(segment.text, segment.marks, words)
        if marks is not segment.marks:
            fields["marks"] = marks
        # The recognizer's marks over the same text move too: a new time is not an edit
        # (the turn must not show as changed, and "revert" must not bring the old time back).
        if segment.original_text == segment.text and segment.original_marks:
            original = marks_at_word_times(segment.text, segment.original_marks, words)
            if original is not segment.original_marks:
                fields["original_marks"] = original
    return fields


def marks_at_word_times(text: str, marks: Sequence[Mark], words: Sequence[Word]) -> list[Mark]:
    """*marks* of *text* each timed by the words around it (O(words + marks)).

    A mark covering words starts with the first of them (an "[inaudible]" token is a word
    whose time the aligner put in the gap between its neighbours); an empty mark sits where
    the word before it ends (or the next one starts). Marks with no timed word near keep
    their time. Returns *marks* itself (the same list) when no time changes.
    """
    spans = tokenize(text)
    if not marks or len(spans) != len(words):
        return marks if isinstance(marks, list) else list(marks)
    changed = False
    timed: list[Mark] = []
    for mark in marks:
        time = _time_of_mark(mark, spans, words)
        if time is not None and time != mark.time_ms:
            mark = Mark(mark.kind, mark.start, mark.end, time)
            changed = True
        timed.append(mark)
    return timed if changed else (marks if isinstance(marks, list) else list(marks))


def marks_at_estimated_times(segment: Segment) -> list[Mark]:
    """*segment*'s marks, those with no time of their own placed by where they sit in its text.

    For a turn with a start and an end but no word times (a podcast page gives only each
    turn's start): a mark 40 % into the text is put 40 % into the turn, by character count as
    :func:`estimate_words` spreads the words, not at the turn's start (a minute early in a long
    turn). Marks with a time keep it; with no end to spread over, the turn's start it is. Once
    word times are heard, :func:`marks_at_word_times` times every mark by its words instead.
    """
    marks = segment.marks
    if segment.start_ms is None or all(mark.time_ms is not None for mark in marks):
        return marks
    words = estimate_words(segment)
    spans = tokenize(segment.text)
    timed: list[Mark] = []
    for mark in marks:
        if mark.time_ms is None:
            time = _time_of_mark(mark, spans, words)
            mark = Mark(mark.kind, mark.start, mark.end, segment.start_ms if time is None else time)
        timed.append(mark)
    return timed


def _time_of_mark(mark: Mark, spans: Sequence[tuple[int, int]], words: Sequence[Word]) -> int | None:
    """Start of the first word *mark* covers, else the end of the word before it, else the next start."""
    before: int | None = None
    for (start, end), word in zip(spans, words, strict=False):
        if start < mark.end and mark.start < end and word.start_ms is not None:
            return word.start_ms
        if end <= mark.start and word.end_ms is not None:
            before = word.end_ms
        elif start >= mark.end and word.start_ms is not None:
            return before if before is not None else word.start_ms
    return before
