"""From a segment's visible text to the words the aligner says, and back.

Each whitespace token of ``Segment.text`` is one :class:`Word` (the model's convention).
A token becomes zero or more *spoken* dictionary words (:mod:`editor.align.spoken`):
"Maya," -> ["maya"], "42" -> ["forty", "two"], "patreon.com/t" -> ["patreon", "dot",
"com", "slash", "t."], "[inaudible]" -> [] (not aligned: its audio is absorbed by the
aligner's optional silence/noise between words). The aligner times the spoken words and
gives each token the span from its first spoken word's start to its last one's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor.align.marks import UNALIGNED_MARKS
from editor.align.spoken import number_words, spoken_tokens, spoken_words
from editor.core.transcript import Segment

__all__ = ["UNALIGNED_MARKS", "Token", "number_words", "segment_tokens", "spoken_words"]


@dataclass
class Token:
    """One whitespace token of the text, with the dictionary words spoken for it."""

    text: str
    char_start: int
    spoken: list[str]


def segment_tokens(segment: Segment) -> list[Token]:
    """The tokens of *segment*.text, with those inside inaudible/crosstalk marks left unspoken."""
    hidden = [(m.start, m.end) for m in segment.marks if m.kind in UNALIGNED_MARKS]
    matches = list(re.finditer(r"\S+", segment.text))
    spoken = spoken_tokens([match.group() for match in matches])
    tokens = []
    for match, words in zip(matches, spoken, strict=False):
        start, end = match.span()
        covered = any(lo < end and start < hi for lo, hi in hidden)
        tokens.append(Token(match.group(), start, [] if covered else words))
    return tokens
