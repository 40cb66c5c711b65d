"""A place to correct (:class:`Candidate`), as the name matchers find it: its context and time, the
best of overlapping ones, and the replace spans that write the right form over it."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import NamedTuple

from editor.core.name_index import NameIndex
from editor.core.search import ReplaceSpan, context_snippet, time_at


class Candidate(NamedTuple):
    """One place to correct: ``segments[index].text[start:end]`` (``found``)."""

    index: int  # type: ignore[assignment]  # a field named like tuple.index
    start: int
    end: int
    found: str
    score: int            # 0..100, 100 = the same words apart from case and punctuation
    how: str              # "exact", "spelling" or "sound"
    context: str
    context_start: int
    time_ms: int | None
    # The match runs on into the next turn (same speaker) up to this offset of its text; then
    # ``end`` is the end of this turn's last word and ``found`` holds both parts joined by a space.
    tail_end: int | None = None
    # Part of another full name ("Barack Obama" for "Baraka"; see editor.core.other_names): listed, never
    # ticked by default.
    other_name: str = ""
    # The phrase found as the name part of a web address, handle or e-mail ("patrion" in "patrion.com/t"):
    # the right form goes in without spaces, in lower case where the address writes it so.
    in_address: bool = False

    def ranges(self) -> list[tuple[int, int, int]]:
        """(segment index, start, end) of each part of the match."""
        return place_ranges(self.index, self.start, self.end, self.tail_end)


def place_ranges(index: int, start: int, end: int, tail_end: int | None) -> list[tuple[int, int, int]]:
    """(segment index, start, end) of each part of a place found at ``segments[index].text[start:end]``,
    running on into the next turn up to *tail_end* when that is given."""
    if tail_end is None:
        return [(index, start, end)]
    return [(index, start, end), (index + 1, 0, tail_end)]



def candidate_at(index: NameIndex, s: int, first: int, k: int, scored: tuple[int, str],
               details: bool = True) -> Candidate:
    tokens = index.segments[s]
    start = tokens.starts[first]
    count = len(tokens.norms)
    if first + k <= count:
        end = tokens.ends[first + k - 1]
        candidate = Candidate(s, start, end, tokens.text[start:end], scored[0], scored[1], "", 0, None)
    else:
        # Runs on into the next turn: this turn's words to its end, then the next turn's first words.
        end = tokens.ends[count - 1]
        following = index.segments[s + 1]
        tail_end = following.ends[first + k - count - 1]
        found = f"{tokens.text[start:end]} {following.text[following.starts[0]:tail_end]}"
        candidate = Candidate(s, start, end, found, scored[0], scored[1], "", 0, None, tail_end)
    return with_details(index, candidate) if details else candidate


def with_details(index: NameIndex, candidate: Candidate) -> Candidate:
    """*candidate* with its context and time, which a matcher asked for no details leaves out
    (a glossary scan needs them only for the few candidates it keeps)."""
    context, context_start = context_snippet(index.segments[candidate.index].text, candidate.start, candidate.end)
    return candidate._replace(context=context, context_start=context_start,
                              time_ms=_time_at(index.transcript.segments[candidate.index], candidate.start))


def _time_at(segment, start: int) -> int | None:
    """:func:`editor.core.search.time_at` of a word's first letter, its whitespace token counted
    by ``str.split`` (in C): a scan makes thousands of candidates, some in long turns."""
    words = segment.words
    text = segment.text
    if not words or start >= len(text) or text[start].isspace():
        return time_at(segment, start)
    number = len(text[:start + 1].split()) - 1
    if number < len(words) and words[number].start_ms is not None:
        return words[number].start_ms
    return segment.start_ms


def resolve_overlaps(candidates: Iterable[Candidate], words: int = 1,
                     prefer: Collection[str] = ()) -> list[Candidate]:
    """Keep the best of overlapping candidates (score, then closest word count), in document order.

    A candidate whose text is exactly one of *prefer* (a right form) outranks everything.
    """
    def rank(c: Candidate) -> tuple:
        return (c.found not in prefer, -c.score, abs(len(c.found.split()) - words), c.index, c.start)
    taken: dict[int, list[tuple[int, int]]] = {}     # segment -> (start, end) of the kept parts
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=rank):
        parts = candidate.ranges()
        if all(end <= lo or hi <= start for s, start, end in parts for lo, hi in taken.get(s, ())):
            kept.append(candidate)
            for s, start, end in parts:
                taken.setdefault(s, []).append((start, end))
    return sorted(kept, key=lambda c: (c.index, c.start))


def spans_for(candidates: Iterable[Candidate], right: str,
              text_of: Callable[[int], str] | None = None) -> list[ReplaceSpan]:
    """The replace span list (for ``ops.replace_spans``) that writes *right* over each candidate.
    *text_of* (a turn's text by index) lets a place that runs into the next turn take that turn's
    following space and punctuation along, so the next turn does not start with a blank."""
    spans = []
    for c in candidates:
        if c.found != right:
            following = text_of(c.index + 1) if text_of is not None and c.tail_end is not None else None
            spans.extend(candidate_spans(c, right, following))
    return spans


def candidate_spans(candidate: Candidate, right: str, following_text: str | None = None) -> list[ReplaceSpan]:
    """Spans writing *right* over *candidate*. A match that runs into the next turn puts all of
    *right* in the first turn and removes its part of the next, with the punctuation right after
    it (which moves along with the name: "Tamsin | Oya Lauren, sorry" -> "Tamsin Oyelaran, | sorry")."""
    if candidate.in_address:
        right = address_form(right, candidate.found)
    if candidate.tail_end is None:
        return [ReplaceSpan(candidate.index, candidate.start, candidate.end, right)]
    end = candidate.tail_end
    moved = ""
    if following_text is not None:
        while end < len(following_text) and not following_text[end].isspace() and not following_text[end].isalnum():
            end += 1
        moved = following_text[candidate.tail_end:end]
        while end < len(following_text) and following_text[end] == " ":
            end += 1
    return [ReplaceSpan(candidate.index, candidate.start, candidate.end, right + moved),
            ReplaceSpan(candidate.index + 1, 0, end, "")]


def address_form(right: str, found: str) -> str:
    """*right* as it goes into a web address in place of *found*: no spaces, lower case unless the
    address writes the name with capitals."""
    joined = "".join(right.split())
    return joined.lower() if found == found.lower() else joined
