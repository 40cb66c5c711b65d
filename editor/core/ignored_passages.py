"""Passages the producer said are right: how edits move them, and which suspects they hide.

A producer who hears a doubted passage and finds it right says so (Ignore). That decision is
part of the document (:attr:`Segment.ignored <editor.core.transcript.Segment.ignored>`): saved,
journaled, undone like any edit. It holds as long as the same words stand at the same place in
that turn: an edit elsewhere in the turn moves it along (as marks move), an edit of its own words
drops it, and so does one that joins letters onto them ("Rayes" typed on to "Rayess"): those are
new words, which the audio judges afresh. The window and ``transcript-editor suggest`` hide a
suspect over a passage so kept by the one rule here (:func:`shown`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from editor.core.transcript import IgnoredPassage, Segment
from editor.core.words import Edit, text_edit

# The longest run of changed text compared character by character (a pass that can grow with the square
# of its length, on the GUI thread): a longer one (a whole turn pasted over) is taken as one change.
COMPARED_CHARS = 5_000
_JOINING = "'’-_"     # a letter of a word as much as a letter is: "BSA" typed on to "BSA's" is another word


class _Span(Protocol):
    @property
    def char_start(self) -> int: ...
    @property
    def char_end(self) -> int: ...


def passage(text: str, start: int, end: int) -> IgnoredPassage:
    """The passage ``text[start:end]`` (ValueError when it is empty or outside *text*)."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"passage {start}..{end} is not inside the text ({len(text)} characters)")
    return IgnoredPassage(start, end, text[start:end])


def reads_so(text: str, kept: IgnoredPassage) -> bool:
    """Whether *text* still reads *kept*'s words at its place."""
    return text[kept.start:kept.end] == kept.words


def follow_edits(passages: Sequence[IgnoredPassage], old_text: str, new_text: str,
                 edits: Sequence[Edit]) -> tuple[IgnoredPassage, ...]:
    """*passages* of *old_text* moved onto *new_text*, which sorted, non-overlapping *edits*
    ``(start, end, new length)`` made of it; those an edit touched are dropped (see the module)."""
    moved = []
    for kept in passages:
        delta = 0
        touched = False
        for a, b, length in edits:
            if b <= kept.start:
                delta += length - (b - a)
            elif a >= kept.end:
                break
            else:
                touched = True
                break
        if touched:
            continue
        start, end = kept.start + delta, kept.end + delta
        if new_text[start:end] == kept.words and _joins(new_text, start) == _joins(old_text, kept.start) \
                and _joins(new_text, end) == _joins(old_text, kept.end):
            moved.append(IgnoredPassage(start, end, kept.words))
    return tuple(moved)


def follow_text(passages: Sequence[IgnoredPassage], old_text: str, new_text: str) -> tuple[IgnoredPassage, ...]:
    """*passages* moved onto *new_text*, made of *old_text* by typing or by any other change.

    Typing is one change: what differs between the texts' common start and end. A text changed in
    several places at once (before and after a passage) differs over a run that spans the passage
    too: then the run is compared character by character, so only what really changed counts (up to
    :data:`COMPARED_CHARS`)."""
    edit = text_edit(old_text, new_text)
    if edit is None:
        return tuple(passages)
    moved = follow_edits(passages, old_text, new_text, [edit])
    a, b, length = edit
    if len(moved) == len(passages) or max(b - a, length) > COMPARED_CHARS \
            or not any(a < p.end and p.start < b for p in passages):
        return moved
    from difflib import SequenceMatcher  # rarely needed: not imported with the ops as the window starts
    matcher = SequenceMatcher(None, old_text[a:b], new_text[a:a + length], autojunk=False)
    edits = [(a + i1, a + i2, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]
    return follow_edits(passages, old_text, new_text, edits)


def clipped(passages: Iterable[IgnoredPassage], lo: int, hi: int) -> tuple[IgnoredPassage, ...]:
    """The passages wholly inside ``[lo, hi)``, counted from *lo* (a turn split there)."""
    return tuple(IgnoredPassage(p.start - lo, p.end - lo, p.words) for p in passages if lo <= p.start and p.end <= hi)


def joined(first: Sequence[IgnoredPassage], second: Sequence[IgnoredPassage],
           offset: int) -> tuple[IgnoredPassage, ...]:
    """Two turns' passages in the turn they are joined into (the second's text from *offset* on)."""
    return (*first, *(IgnoredPassage(p.start + offset, p.end + offset, p.words) for p in second))


def covering(segment: Segment, span: _Span) -> IgnoredPassage | None:
    """The passage of *segment* the producer said is right that *span* overlaps, if any."""
    text = segment.text
    return next((kept for kept in segment.ignored
                 if kept.start < span.char_end and span.char_start < kept.end and reads_so(text, kept)), None)


S = TypeVar("S", bound=_Span)


def shown(segment: Segment, suspects: list[S]) -> list[S]:
    """*suspects* of *segment* but those over a passage the producer said is right: the audio
    doubting those words again, at that place, changes nothing."""
    if not segment.ignored or not suspects:
        return suspects
    return [s for s in suspects if covering(segment, s) is None]


def _joins(text: str, at: int) -> bool:
    """Whether the characters either side of *at* are of one word."""
    return 0 < at < len(text) and _wordy(text[at - 1]) and _wordy(text[at])


def _wordy(char: str) -> bool:
    return char.isalnum() or char in _JOINING
