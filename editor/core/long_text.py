"""Where to cut a run-on text (a whole episode pasted as one paragraph) into parts a producer can edit.

A turn is edited in place as one block of text, laid out again on every keystroke; past
~100,000 characters that is too slow to type in, and a 2-hour episode with no paragraph
breaks is ~110,000. Cut into parts of about a minute of speech, each is a turn like any other.
Parts end after a sentence where one ends in the part's second half, else after its last
word (recognizers that drop punctuation give no sentences at all), so no word is ever cut.
"""

from __future__ import annotations

import re

PART_CHARS = 1_500        # the longest part: about a minute and a half of speech
LONG_PARAGRAPH = 10_000   # paragraphs longer than this are cut when a plain text file is read
# A sentence end: its punctuation and any closing quotes or brackets, then the space after it.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s+")


def part_starts(text: str, max_chars: int = PART_CHARS) -> list[int]:
    """Offsets in *text* where a new part starts (each a word's first character), so that every
    part holds at most *max_chars* characters; [] when *text* is short enough. O(len(text)).

    A single word longer than *max_chars* is never cut: its part is longer."""
    starts: list[int] = []
    at = 0
    end = len(text.rstrip())
    while end - at > max_chars:
        window = text[at:at + max_chars + 1]
        cut = _last_end(_SENTENCE_END, window, max_chars // 2)
        if cut is None:   # after the window's last space (three scans in C: a 10 MB turn is 6,700 windows)
            cut = max(window.rfind(" "), window.rfind("\n"), window.rfind("\t")) + 1 or None
        if cut is None:   # one word fills the window: the part runs on to the word's end
            space = _SPACE.search(text, at + max_chars)
            if space is None or space.end() >= end:
                break
            cut = space.end() - at
        at += cut
        while at < end and text[at].isspace():   # the window ended inside the spaces after a word
            at += 1
        starts.append(at)
    return starts


def _last_end(pattern: re.Pattern, window: str, after: int) -> int | None:
    """The end of the last match of *pattern* in *window* at or after *after* (None when none)."""
    last = None
    for match in pattern.finditer(window, after):
        last = match.end()
    return last
