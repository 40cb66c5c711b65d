"""From a segment's visible text to the words the aligner says, and back.

Each whitespace token of ``Segment.text`` is one :class:`Word` (the model's convention).
A token becomes zero or more *spoken* dictionary words: "Maya," -> ["maya"],
"42" -> ["forty", "two"], "well-known" -> ["well", "known"], "[inaudible]" -> [] (not
aligned: its audio is absorbed by the aligner's optional silence/noise between words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor.core.transcript import MarkKind, Segment

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# Marks whose covered words are not speech the aligner can match.
UNALIGNED_MARKS = frozenset({MarkKind.INAUDIBLE, MarkKind.CROSSTALK})

_PIECE = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")
# An all-capitals token of 2-6 letters ("NTSB", "DSA's") is read letter by letter unless the
# dictionary has it as a word ("NASA"): g2p.pronounce spells the marked form "n_t_s_b".
_ACRONYM = re.compile(r"^[^\w]*([A-Z]{2,6})(?:['’]?s)?[^\w]*$")
# A web address read aloud: "patreon.com/show" is "patreon dot com slash show".
_URL = re.compile(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|fm|co|tv|us|uk|app|show)"
                  r"(?:/\S*)?$", re.IGNORECASE)


@dataclass
class Token:
    """One whitespace token of the text, with the dictionary words spoken for it."""

    text: str
    char_start: int
    spoken: list[str]


def number_words(n: int) -> list[str]:
    """English words for 0 <= n < 10**9 ("1999" is read as a number, good enough for timing)."""
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        return [_TENS[n // 10]] + ([_ONES[n % 10]] if n % 10 else [])
    if n < 1000:
        return [_ONES[n // 100], "hundred"] + (number_words(n % 100) if n % 100 else [])
    for size, name in ((10**6, "million"), (1000, "thousand")):
        if n >= size:
            head = number_words(n // size) + [name]
            return head + (number_words(n % size) if n % size else [])
    return []


def spoken_words(token: str) -> list[str]:
    """Dictionary-ready words for one visible token (lowercase, punctuation dropped)."""
    if token.startswith("[") and token.endswith("]"):
        return []  # a non-speech tag like [laughs]
    acronym = _ACRONYM.match(token)
    if acronym:
        return ["_".join(acronym.group(1).lower())]
    if _URL.match(token.strip(".,;:!?()\"'")):
        token = re.sub(r"^https?://", "", token.strip(".,;:!?()\"'"), flags=re.IGNORECASE)
        token = token.replace(".", " dot ").replace("/", " slash ").replace("-", " ")
    text = token.lower().replace("\u2019", "'").replace("%", " percent").replace("&", " and ")
    words: list[str] = []
    for piece in _PIECE.findall(text):
        piece = piece.strip("'")
        if piece.isdigit():
            words += number_words(int(piece)) if len(piece) < 10 else list(
                w for d in piece for w in number_words(int(d)))
        elif piece:
            # "3rd", "90s": split digits from letters
            for part in re.findall(r"\d+|[a-z']+", piece):
                words += number_words(int(part)) if part.isdigit() and len(part) < 10 else [part]
    return words


def segment_tokens(segment: Segment) -> list[Token]:
    """The tokens of *segment*.text, with those inside inaudible/crosstalk marks left unspoken."""
    hidden = [(m.start, m.end) for m in segment.marks if m.kind in UNALIGNED_MARKS]
    tokens = []
    for match in re.finditer(r"\S+", segment.text):
        start, end = match.span()
        covered = any(lo < end and start < hi for lo, hi in hidden)
        tokens.append(Token(match.group(), start, [] if covered else spoken_words(match.group())))
    return tokens
