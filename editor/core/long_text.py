"""Where to cut a run-on text (a whole episode pasted as one paragraph) into parts a producer can edit.

A turn is edited in place as one block of text, laid out again on every keystroke; past
~100,000 characters that is too slow to type in, and a 2-hour episode with no paragraph
breaks is ~110,000. Cut into parts of about a minute of speech, each is a turn like any other.
Parts end after a sentence where one ends in the part's second half, else after its last
word (recognizers that drop punctuation give no sentences at all). Text with no spaces at all
(Japanese and Chinese are written without them; a pasted blob) is cut hard at the limit, on a
character boundary that keeps accents and joiners with the character they belong to.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence

PART_CHARS = 1_500        # the longest part: about a minute and a half of speech
LONG_PARAGRAPH = 10_000   # paragraphs longer than this are cut when a plain text file is read
# A sentence end (group 1) and the spaces after it: Western punctuation with any closing quotes or
# brackets needs a space after it ("3.5" and "e.g.x" go on); the full-width ends of Japanese and
# Chinese (。！？．) need none, as those languages put no space between sentences.
_SENTENCE_END = re.compile(r"([.!?…][\"'”’)\]]*(?=\s)|[。！？．][」』）】〕》〉\"'”’)\]]*)\s*")
_JOINER = "\u200d"


def part_starts(text: str, max_chars: int = PART_CHARS,
                keep_whole: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Offsets in *text* where a new part starts, so that every part holds at most *max_chars*
    characters; [] when *text* is short enough. O(len(text)).

    A part starts at a word's first character, or inside a run with no space or sentence end in
    *max_chars* characters (cut hard, never between a character and its combining marks). No cut
    falls strictly inside a span of *keep_whole* (sorted (start, end) spans: markers, marks); such a
    cut moves to before the span (with the word it is written onto), or after it when the span
    itself starts the part."""
    spans = sorted(keep_whole)
    span_ends = [end for _start, end in spans]
    starts: list[int] = []
    at = 0
    end = len(text.rstrip())
    while end - at > max_chars:
        window = text[at:at + max_chars + 1]
        cut = _last_sentence_end(window, max_chars // 2, max_chars)
        if cut is None:   # after the window's last space (three scans in C: a 10 MB turn is 6,700 windows)
            cut = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t")) + 1 or None
        if cut is None:   # no space nor sentence end: cut hard at the limit
            cut = _character_boundary(text, at, at + max_chars) - at
        cut = _outside_spans(text, at, at + cut, spans, span_ends) - at
        at += cut
        while at < end and text[at].isspace():   # the window ended inside the spaces after a word
            at += 1
        if at >= end:
            break
        starts.append(at)
    return starts


def _last_sentence_end(window: str, after: int, limit: int) -> int | None:
    """Where the last sentence in *window* ending after *after* and by *limit* ends (None when none)."""
    last = None
    for match in _SENTENCE_END.finditer(window, after):
        if match.end(1) <= limit:
            last = match.end(1)
    return last


def _character_boundary(text: str, at: int, cut: int) -> int:
    """*cut*, or the nearest offset before it (after *at*) that does not split a character from
    the combining marks, variation selectors or joiners after it (nor a surrogate pair)."""
    while cut > at + 1 and _continues(text, cut):
        cut -= 1
    return cut


def _continues(text: str, i: int) -> bool:
    """Whether the character at *i* belongs with the one before it (one grapheme on screen)."""
    ch, before = text[i], text[i - 1]
    code = ord(ch)
    return (unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch == _JOINER or before == _JOINER
            or 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F
            or 0xDC00 <= code <= 0xDFFF)


def _outside_spans(text: str, at: int, cut: int, spans: Sequence[tuple[int, int]],
                   span_ends: Sequence[int]) -> int:
    """*cut* moved out of the span it falls inside, if any: to the span's start (and the start of a
    word glued onto it: "word[inaudible 00:12:03]"), or to its end when that would leave no part."""
    i = bisect.bisect_right(span_ends, cut)      # the first span ending after the cut
    if i >= len(spans) or not spans[i][0] < cut:
        return cut
    start = spans[i][0]
    if start <= at:
        return span_ends[i]
    space = max(text.rfind(" ", at, start), text.rfind("\n", at, start), text.rfind("\t", at, start))
    if space >= at and not text[start - 1].isspace():
        return space + 1
    return start
