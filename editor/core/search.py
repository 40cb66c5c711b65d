"""Find and replace over a transcript: options, scopes, matches and replace-all span lists.

Plain Python, no Qt. The find panel builds a :class:`FindOptions` and a :class:`Scope`,
calls :func:`find_all` for the results list and :func:`replace_all_spans` for "Replace all";
the span list goes to ``editor.core.ops.replace_spans`` so the whole replacement is one
reversible edit (one undo step).

Structured marks (inaudible, crosstalk, unclear) are spans over ``Segment.text``; a match
that touches one is skipped unless ``FindOptions.include_marks`` is set, so "replace all"
can never rewrite the canonical ``[inaudible]`` token or a best-guess passage by accident.
"""

from __future__ import annotations

import enum
import heapq
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, count, islice, repeat
from operator import add, attrgetter, sub
from typing import NamedTuple, overload

from editor.core.transcript import Mark, ReviewStatus, Segment, Transcript

CONTEXT_CHARS = 32  # characters of context shown on each side of a match


class SearchError(ValueError):
    """The search pattern is unusable (an invalid regular expression); message is for the user."""


@dataclass(frozen=True, slots=True)
class FindOptions:
    pattern: str
    match_case: bool = False
    whole_word: bool = False
    regex: bool = False
    keep_case: bool = False       # replacement follows the case of what it replaces
    include_marks: bool = False   # also match inside inaudible/crosstalk/unclear spans


class ScopeKind(str, enum.Enum):
    ALL = "all"
    SELECTION = "selection"
    SPEAKER = "speaker"
    UNREVIEWED = "unreviewed"


@dataclass(frozen=True, slots=True)
class Scope:
    kind: ScopeKind = ScopeKind.ALL
    indices: frozenset[int] = frozenset()
    speaker_id: str | None = None

    @classmethod
    def all(cls) -> Scope:
        return cls()

    @classmethod
    def selection(cls, indices: Iterable[int]) -> Scope:
        return cls(ScopeKind.SELECTION, indices=frozenset(indices))

    @classmethod
    def speaker(cls, speaker_id: str) -> Scope:
        return cls(ScopeKind.SPEAKER, speaker_id=speaker_id)

    @classmethod
    def unreviewed(cls) -> Scope:
        return cls(ScopeKind.UNREVIEWED)

    def segment_indices(self, transcript: Transcript) -> Iterator[int]:
        """Indices of the segments this scope covers, in document order."""
        segments = transcript.segments
        if self.kind is ScopeKind.SELECTION:
            yield from (i for i in sorted(self.indices) if 0 <= i < len(segments))
        elif self.kind is ScopeKind.SPEAKER:
            yield from (i for i, s in enumerate(segments) if s.speaker_id == self.speaker_id)
        elif self.kind is ScopeKind.UNREVIEWED:
            yield from (i for i, s in enumerate(segments) if s.status is ReviewStatus.UNREVIEWED)
        else:
            yield from range(len(segments))

    def covers(self, transcript: Transcript, index: int) -> bool:
        """Whether segment *index* is in this scope (as :meth:`segment_indices` would list it)."""
        segments = transcript.segments
        if not 0 <= index < len(segments):
            return False
        if self.kind is ScopeKind.SELECTION:
            return index in self.indices
        if self.kind is ScopeKind.SPEAKER:
            return segments[index].speaker_id == self.speaker_id
        if self.kind is ScopeKind.UNREVIEWED:
            return segments[index].status is ReviewStatus.UNREVIEWED
        return True


class Match(NamedTuple):
    """One hit: ``segments[index].text[start:end]``, with what the results list shows."""

    index: int  # type: ignore[assignment]  # a field named like tuple.index
    start: int
    end: int
    context: str          # a one-line snippet around the match
    time_ms: int | None   # the matched word's time when words are timed, else the segment's start
    context_start: int    # where the match begins inside ``context`` (for bold rendering)
    text: str             # the matched text itself


class ReplaceSpan(NamedTuple):
    """Replace ``segments[index].text[start:end]`` by ``replacement`` (offsets in the current text)."""

    index: int  # type: ignore[assignment]  # a field named like tuple.index
    start: int
    end: int
    replacement: str


def compile_pattern(options: FindOptions) -> re.Pattern[str]:
    """The regular expression for *options*; raises :class:`SearchError` for a bad regex."""
    flags = 0 if options.match_case else re.IGNORECASE
    if options.regex:
        source = options.pattern
    elif flags and options.pattern.isascii():
        # The same matches as re.IGNORECASE, several times faster: Python's re compares each
        # character's lower case under that flag, but skips ahead through a class of characters.
        source, flags = "".join(map(_either_case, options.pattern)), 0
    else:
        source = re.escape(options.pattern)
    if options.whole_word:
        # Look-arounds instead of \b so a pattern that starts or ends with punctuation still works.
        source = rf"(?<!\w)(?:{source})(?!\w)"
    try:
        return re.compile(source, flags)
    except re.error as error:
        raise SearchError(f"Invalid regular expression: {error}") from None


# What else an ASCII letter matches under re.IGNORECASE: Python's re equates these too.
_IGNORECASE_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _either_case(char: str) -> str:
    """An ASCII character as a pattern matching what it matches under re.IGNORECASE."""
    lower = char.lower()
    if lower == char.upper():
        return re.escape(char)
    return f"[{lower}{lower.upper()}{_IGNORECASE_EXTRA.get(lower, '')}]"


def find_all(transcript: Transcript, options: FindOptions, scope: Scope = Scope(),
             limit: int | None = None, timed: bool = True) -> list[Match]:
    """Every match of *options* inside *scope*, in document order (at most *limit* when given:
    the panel lists a few thousand; "e" over a 10-hour episode is 50,000 matches).

    With *timed* False the matches' ``time_ms`` is left None, for a caller that times only the
    matches it shows (:func:`time_at`): timing one reads its turn's words."""
    places = find_places(transcript, options, scope, limit)
    if places is not None:
        return places.matches(transcript, limit, timed)
    results: list[Match] = []
    segments = transcript.segments
    for index, start, end in _found_in_scope(transcript, options, scope):
        results.append(make_match(segments[index], index, start, end, timed))
        if limit is not None and len(results) >= limit:
            break
    return results


class Places(NamedTuple):
    """The matches of a plain (not regex) pattern in a scope: the row and the start of each, all
    *length* long (each of the pattern's characters matches one). ``complete`` is False when the
    search stopped at a limit. The find panel keeps what it listed, and Replace all of the same
    search in the same, unchanged transcript takes them instead of searching again."""

    rows: list[int]
    starts: list[int]
    length: int
    complete: bool

    def matches(self, transcript: Transcript, limit: int | None = None, timed: bool = True) -> list[Match]:
        """The first *limit* places as :class:`Match` objects (a context and time each)."""
        segments = transcript.segments
        return [make_match(segments[row], row, start, start + self.length, timed)
                for row, start in islice(zip(self.rows, self.starts, strict=True), limit)]

    def listing(self, transcript: Transcript, limit: int | None = None) -> ListedPlaces:
        """The first *limit* places as untimed :class:`Match` objects made when each is asked for."""
        return ListedPlaces(transcript, self.rows[:limit], self.starts[:limit], self.length)


class ListedPlaces(Sequence[Match]):
    """Places as a sequence of untimed :class:`Match` objects, each made (its context cut) when
    first asked for: a list shows a screenful of the thousands an undo of Replace all finds again,
    and cutting every context took most of the refresh. The turns' texts are taken as they are
    now, so a match still reads what was found if the transcript changes before it is shown."""

    def __init__(self, transcript: Transcript, rows: list[int], starts: list[int], length: int):
        segments = transcript.segments
        self.rows = rows
        self._starts = starts
        self._length = length
        self._texts = [segments[row].text for row in rows]
        self._speaker_ids = [segments[row].speaker_id for row in rows]
        self._made: dict[int, Match] = {}

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, at: int) -> Match: ...
    @overload
    def __getitem__(self, at: slice) -> Sequence[Match]: ...

    def __getitem__(self, at: int | slice) -> Match | Sequence[Match]:
        if isinstance(at, slice):
            return [self[i] for i in range(*at.indices(len(self)))]
        if at < 0:
            at += len(self.rows)
        made = self._made.get(at)
        if made is None:
            text, start = self._texts[at], self._starts[at]
            end = start + self._length
            context, context_start = context_snippet(text, start, end)
            made = self._made[at] = Match(self.rows[at], start, end, context, None, context_start, text[start:end])
        return made

    def __eq__(self, other: object) -> bool:
        """Equal to a list (or any sequence) of the same matches, as the list of them would be."""
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # a sequence compared by its items, as a list

    def speaker_id(self, at: int) -> str | None:
        """The speaker of match *at*'s turn when it was found."""
        return self._speaker_ids[at]


def find_places(transcript: Transcript, options: FindOptions, scope: Scope = Scope(),
                limit: int | None = None) -> Places | None:
    """The :class:`Places` of a plain pattern (the first *limit*, when given); None for a regex, an
    empty pattern, or one holding the character the search joins the turns with."""
    if not options.pattern or options.regex or _SEPARATOR in options.pattern:
        return None
    return _found_joined(transcript, options, list(scope.segment_indices(transcript)), limit)


def places_after_edit(transcript: Transcript, options: FindOptions, scope: Scope, before: Places,
                      changed_rows: Iterable[int], limit: int | None = None) -> Places | None:
    """The :class:`Places` of a plain search after an edit that changed only *changed_rows* (no row
    came or went), from *before*, the complete places of the same search and scope before it: the
    other rows read as they did, so only the changed rows are searched again (an undo of Replace all
    changes a third of the turns; a typed word, one). None when that cannot be told this way (an
    incomplete *before*, a regex), or when more than *limit* are found: the caller searches all."""
    if not before.complete:
        return None
    if not options.pattern or options.regex or _SEPARATOR in options.pattern:
        return None      # what find_places cannot search
    changed = set(changed_rows)
    if scope.kind is ScopeKind.ALL:
        rows = sorted(row for row in changed if 0 <= row < len(transcript.segments))
    else:
        rows = sorted(row for row in changed if scope.covers(transcript, row))
    fresh = _found_joined(transcript, options, rows)
    if changed.isdisjoint(before.rows):
        kept = list(zip(before.rows, before.starts, strict=True))
    else:
        kept = [(row, start) for row, start in zip(before.rows, before.starts, strict=True) if row not in changed]
    if limit is not None and len(kept) + len(fresh.rows) > limit:
        return None
    if not kept:
        return fresh
    merged = list(heapq.merge(kept, zip(fresh.rows, fresh.starts, strict=True)))
    return Places([row for row, _ in merged], [start for _, start in merged], before.length, True)


def _found_in_scope(transcript: Transcript, options: FindOptions, scope: Scope) -> Iterator[tuple[int, int, int]]:
    """(segment index, start, end) of every non-empty match in *scope* that touches no mark
    (unless ``include_marks``), in document order."""
    if not options.pattern:
        return
    places = find_places(transcript, options, scope)
    if places is not None:
        yield from zip(places.rows, places.starts, map(add, places.starts, repeat(places.length)), strict=True)
        return
    segments = transcript.segments
    pattern = compile_pattern(options)
    for index in scope.segment_indices(transcript):
        for found in _iter_segment(pattern, segments[index], options.include_marks):
            yield index, found.start(), found.end()


# A plain (not regex) pattern is looked for in the turns' texts joined by a character no such
# pattern holds: one scan of the whole episode in C instead of one regex call per turn. A
# case-insensitive ASCII pattern is looked for as a plain string in the text's lower case (a
# scan for a plain string skips ahead to its first letter; a character class or re.IGNORECASE
# looks at every character): ASCII text as it is lowered, other text as UTF-16 bytes with the
# ASCII letters lowered (one C pass; only a code unit of an ASCII character can match one of the
# pattern's, so a match starting on an odd byte is none, and it cannot hide one that is).
_SEPARATOR = "\0"
# Characters re.IGNORECASE equates with an ASCII letter that the UTF-16 bytes keep as they are:
# text holding one is lowered as a string (str.lower() turns the Kelvin sign into "k", but
# changes none of the others, or makes two characters of one): when that does not work either,
# it is searched as it is.
_IGNORECASE_EXTRA_CHARS = "\u0130\u0131\u017f\u212a"
_NOT_LOWERED = "\u0130\u0131\u017f"
_MARKS = attrgetter("marks")


def _found_joined(transcript: Transcript, options: FindOptions, rows: list[int], limit: int | None = None) -> Places:
    """:func:`find_places` over the texts of *rows* joined (see above), made with C loops over the
    thousands of matches of a word; the scan stops after *limit* (when given)."""
    segments = transcript.segments
    texts = [segments[index].text for index in rows]
    haystack, pattern, width = _haystack(_SEPARATOR.join(texts), options)
    scan = pattern.finditer(haystack)
    starts = [found.start() for found in (scan if limit is None else islice(scan, limit))]
    complete = limit is None or len(starts) < limit or next(scan, None) is None
    if width != 1:
        starts = [start >> 1 for start in starts if not start & 1]
    # Where each turn starts in the joined text; a match is in the last turn starting at or before it.
    offsets = list(map(add, accumulate(map(len, texts), initial=0), count()))
    turns = list(map(bisect_right, repeat(offsets, len(starts)), starts))   # its turn's number + 1
    starts = list(map(sub, starts, map(offsets.__getitem__, map(sub, turns, repeat(1)))))
    found_rows = list(map(rows.__getitem__, map(sub, turns, repeat(1))))
    length = len(options.pattern)
    if not options.include_marks and any(map(_MARKS, map(segments.__getitem__, rows))):
        kept = [(row, start) for row, start in zip(found_rows, starts, strict=True)
                if not (segments[row].marks and overlaps_mark(segments[row].marks, start, start + length))]
        found_rows, starts = [row for row, _ in kept], [start for _, start in kept]
    if not complete and limit is not None and len(starts) < limit:   # some dropped: *limit* not reached
        return _found_joined(transcript, options, rows)
    return Places(found_rows, starts, length, complete)


def _haystack(joined: str, options: FindOptions) -> tuple[str | bytes, re.Pattern, int]:
    """What to scan for a plain pattern in *joined*, and with what: ``(haystack, pattern, bytes
    per character: 1, or 2 for UTF-16)``, finding what :func:`compile_pattern` finds in *joined*."""
    if options.match_case or not options.pattern.isascii():
        return joined, compile_pattern(options), 1
    lower = options.pattern.lower()
    if not joined.isascii() and not options.whole_word \
            and not any(char in joined for char in _IGNORECASE_EXTRA_CHARS):
        units = joined.encode("utf-16-le", "surrogatepass")
        if len(units) == 2 * len(joined):   # else characters beyond the first 65,536 (two units each)
            return units.lower(), re.compile(re.escape(lower.encode("utf-16-le"))), 2
    lowered = joined.lower()
    if len(lowered) != len(joined) or any(char in joined for char in _NOT_LOWERED):
        return joined, compile_pattern(options), 1
    source = re.escape(lower)
    if options.whole_word:
        source = rf"(?<!\w)(?:{source})(?!\w)"
    return lowered, re.compile(source), 1


def find_next(transcript: Transcript, options: FindOptions, scope: Scope, index: int, pos: int,
              backwards: bool = False, wrap: bool = True) -> Match | None:
    """The first match after (or before) character *pos* of segment *index*, wrapping around."""
    matches = find_all(transcript, options, scope)
    if not matches:
        return None
    keys = [(m.index, m.start) for m in matches]
    if backwards:
        at = bisect_right(keys, (index, pos - 1)) - 1
        return matches[at] if at >= 0 else (matches[-1] if wrap else None)
    at = bisect_right(keys, (index, pos - 1))
    if at < len(matches):
        return matches[at]
    return matches[0] if wrap else None


def replace_all_spans(transcript: Transcript, options: FindOptions, replacement: str,
                      scope: Scope = Scope(), matched_rows: set[int] | None = None,
                      places: Places | None = None) -> list[ReplaceSpan]:
    """The span list for "Replace all": what :func:`find_all` finds, each with its replacement text.

    *matched_rows*, when given, gets every row where something matched (also where the
    replacement changes nothing): after the replace, the same search can only match there.
    *places*: what :func:`find_places` found for these options and scope in the transcript as it
    is now (the caller vouches for that), when complete; else the transcript is searched.
    """
    spans: list[ReplaceSpan] = []
    if not options.pattern:
        return spans
    segments = transcript.segments
    new_span = tuple.__new__    # ReplaceSpan(...) without its Python-level __new__: thousands of spans
    append = spans.append
    if options.regex or options.keep_case or _SEPARATOR in options.pattern:
        # Each match's own replacement (groups expanded, its case kept): per turn, with its matches.
        pattern = compile_pattern(options)
        for index in scope.segment_indices(transcript):
            matched = False
            for found in _iter_segment(pattern, segments[index], options.include_marks):
                matched = True
                text = expand_replacement(found, replacement, options)
                if text != found.group():
                    append(new_span(ReplaceSpan, (index, *found.span(), text)))
            if matched and matched_rows is not None:
                matched_rows.add(index)
        return spans
    # The same text everywhere: it replaces every match but one that reads the same already.
    if places is None or not places.complete:
        places = _found_joined(transcript, options, list(scope.segment_indices(transcript)))
    if matched_rows is not None:
        matched_rows.update(places.rows)
    ends = list(map(add, places.starts, repeat(places.length)))
    if compile_pattern(options).fullmatch(replacement) is None:   # no match reads as the replacement
        spans.extend(map(new_span, repeat(ReplaceSpan), zip(places.rows, places.starts, ends, repeat(replacement))))
        return spans
    for index, start, end in zip(places.rows, places.starts, ends, strict=True):
        if segments[index].text[start:end] != replacement:
            append(new_span(ReplaceSpan, (index, start, end, replacement)))
    return spans


def rows_to_search_again(transcript: Transcript, options: FindOptions, replacement: str,
                         matched_rows: set[int]) -> set[int]:
    """Where the same search may still find something after Replace all put *replacement* in place of
    every match in *matched_rows* (the rows :func:`replace_all_spans` found something in: the others
    did not change). Often none, told without searching them.

    A plain search scans each turn for the leftmost match, then on from its end. Where no new match
    overlaps a replacement, the text between replacements is scanned as before it, from the same
    places, and finds what it found then: matches touching a mark (skipped before and now), nothing
    else, as the rest was replaced. A new match overlapping a replacement holds it whole, lies
    within it, or holds one of its ends, where the replacement's first (or last) characters are the
    pattern's last (or first). That is told from the two strings when both are ASCII (a character
    then matches one of the pattern's alone: itself, or its other case when case is ignored). A regex,
    a whole-word search (a replaced neighbour makes a word of what was none), kept case and marks
    (a replacement that touches one may move its edge) are searched again.
    """
    if options.regex or options.whole_word or options.keep_case or not options.pattern \
            or _SEPARATOR in options.pattern or not (options.pattern.isascii() and replacement.isascii()):
        return matched_rows
    segments = transcript.segments
    if any(segments[row].marks for row in matched_rows):
        return matched_rows
    put, pattern = (replacement, options.pattern) if options.match_case else \
        (replacement.lower(), options.pattern.lower())
    if put in pattern or pattern in put:
        return matched_rows
    for size in range(1, min(len(put), len(pattern) - 1) + 1):
        if put[-size:] == pattern[:size] or put[:size] == pattern[-size:]:
            return matched_rows
    return set()


def replacement_for(transcript: Transcript, match: Match, options: FindOptions,
                    replacement: str) -> ReplaceSpan:
    """The span that replaces one listed *match* (for "Replace"), with groups and keep-case applied."""
    pattern = compile_pattern(options)
    text = transcript.segments[match.index].text
    found = pattern.match(text, match.start)
    if found is None or found.end() != match.end:
        raise SearchError("The text changed since the search; search again.")
    return ReplaceSpan(match.index, match.start, match.end, expand_replacement(found, replacement, options))


def expand_replacement(found: re.Match[str], replacement: str, options: FindOptions) -> str:
    """*replacement* for one regex match: backreferences expanded (regex mode), case kept if asked."""
    if options.regex:
        try:
            text = found.expand(replacement)
        except (re.error, IndexError) as error:
            raise SearchError(f"Invalid replacement: {error}") from None
    else:
        text = replacement
    return match_case_of(found.group(0), text) if options.keep_case else text


def match_case_of(original: str, replacement: str) -> str:
    """*replacement* in the case pattern of *original* ("keep case").

    ALL CAPS and all lower case carry over; a capitalised original capitalises the
    replacement's first letter and leaves the rest as typed (so "McKay" stays "McKay").
    """
    letters = [c for c in original if c.isalpha()]
    if not letters:
        return replacement
    if all(c.isupper() for c in letters) and len(letters) > 1:
        return replacement.upper()
    if all(c.islower() for c in letters):
        return replacement.lower()
    if letters[0].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def make_match(segment: Segment, index: int, start: int, end: int, timed: bool = True) -> Match:
    """A :class:`Match` for ``segment.text[start:end]`` with its context and time (*timed*)."""
    context, context_start = context_snippet(segment.text, start, end)
    return Match(index, start, end, context, time_at(segment, start) if timed else None, context_start,
                 segment.text[start:end])


def context_snippet(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, int]:
    """A single-line snippet of *text* around ``[start, end)`` and the match offset inside it."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    # Cut at word boundaries so the snippet does not start or end mid-word.
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    snippet = prefix + text[left:right].replace("\n", " ") + suffix
    return snippet, len(prefix) + start - left




def word_index_at_offset(segment: Segment, offset: int) -> int:
    """Index of the whitespace token containing (or following) character *offset*; -1 if none.

    Counted by ``str.split`` on the text before *offset* (in C): a search lists thousands of
    matches in long turns, and walking the tokens per match made listing them quadratic.
    """
    text = segment.text
    if not text[offset:].strip():
        return -1
    before = text[:offset]
    count = len(before.split())
    if count and not before[-1].isspace() and not text[offset].isspace():
        count -= 1                    # the token runs across *offset*: it is the one
    return count


def time_at(segment: Segment, offset: int) -> int | None:
    """Playback time for character *offset*: its word's start when timed, else the segment start."""
    if segment.words:
        number = word_index_at_offset(segment, offset)
        if 0 <= number < len(segment.words):
            word_start = segment.words[number].start_ms
            if word_start is not None:
                return word_start
    return segment.start_ms


def _iter_segment(pattern: re.Pattern[str], segment: Segment, include_marks: bool) -> Iterator[re.Match[str]]:
    """Non-empty matches in one segment, skipping those that touch a mark unless asked."""
    marks = segment.marks if not include_marks else ()
    for found in pattern.finditer(segment.text):
        if found.end() == found.start():
            continue  # an empty regex match ("a*") would replace nothing visible
        if marks and overlaps_mark(marks, found.start(), found.end()):
            continue
        yield found


def overlaps_mark(marks: Iterable[Mark], start: int, end: int) -> bool:
    """True when ``[start, end)`` shares a character with any mark."""
    return any(start < mark.end and mark.start < end for mark in marks)
