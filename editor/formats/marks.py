"""Inaudible / crosstalk / unclear markers in any common spelling, turned into structured marks.

Recognizers and transcription services spell the same thing many ways:
``<inaudible>``, ``[inaudible]``, ``[inaudible 00:12:03]``, ``(inaudible)``,
``{Inaudible}``, ``[unintelligible 00:02:12]``, ``[crosstalk]``. Readers call
:func:`extract_marks` on free text, or :func:`marks_from_words` on a list of
timed words, and get the text with one canonical token per marker
(``[inaudible]`` / ``[crosstalk]``) plus :class:`~editor.core.Mark` spans over it.

"Unclear" passages keep their best guess as visible text and the mark covers
it: ``[unclear: the hull]`` and ``[the hull?]`` both become ``the hull`` with an
UNCLEAR mark over those characters.
"""

from __future__ import annotations

import re

from editor.core.timecode import parse_clock
from editor.core.transcript import Mark, MarkKind, Word

_CLOSING = {"[": "]", "(": ")", "<": ">", "{": "}"}
_OPENERS = frozenset(_CLOSING)

# One marker: an opening bracket, a kind word, an optional time, an optional best guess
# (for "unclear"), and the matching closing bracket (checked in code: regexes cannot pair them).
_MARK = re.compile(
    r"""
    (?P<open>[\[(<{])\s*
    (?:
        (?P<kind>inaudible(?:\s+speech)?|unintelligible|indiscernible|indistinct
                |cross[\s-]?talk|overlapping(?:\s+speech)?|unclear)
        (?:\s*(?:[:,@-]|at\b)?\s*(?P<time>\d+:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?))?
        (?:\s*:\s*(?P<guess>[^\[\](){}<>:]+?))?
      |
        (?P<question>[^\[\](){}<>?:]{1,60}?)\s*\?   # [best guess?]
    )
    \s*(?P<close>[\])>}])
    """,
    re.IGNORECASE | re.VERBOSE,
)

_KINDS = {
    "inaudible": MarkKind.INAUDIBLE,
    "unintelligible": MarkKind.INAUDIBLE,
    "indiscernible": MarkKind.INAUDIBLE,
    "indistinct": MarkKind.INAUDIBLE,
    "crosstalk": MarkKind.CROSSTALK,
    "overlapping": MarkKind.CROSSTALK,
    "unclear": MarkKind.UNCLEAR,
}

_MAX_GUESS_WORDS = 6


def _kind_of(word: str) -> MarkKind:
    key = re.sub(r"[\s-]+", "", word.lower())
    for prefix, kind in _KINDS.items():
        if key.startswith(prefix):
            return kind
    return MarkKind.INAUDIBLE


def _interpret(match: re.Match, default_ms: int | None) -> tuple[MarkKind, str, int | None] | None:
    """(kind, visible text, time) for one regex match, or None when it is not a marker after all."""
    if _CLOSING[match.group("open")] != match.group("close"):
        return None  # "(inaudible]" is not a marker; leave the text alone
    time_text = match.group("time")
    time_ms = parse_clock(time_text.replace(",", ".")) if time_text else None
    if time_ms is None:
        time_ms = default_ms
    question = match.group("question")
    if question is not None:
        guess = question.strip()
        # Only square brackets: "(why not?)" in prose is a question, not a guess.
        if match.group("open") != "[" or not guess or len(guess.split()) > _MAX_GUESS_WORDS:
            return None
        return MarkKind.UNCLEAR, guess, time_ms
    kind = _kind_of(match.group("kind"))
    guess = (match.group("guess") or "").strip()
    if kind is MarkKind.UNCLEAR:
        if guess:
            return MarkKind.UNCLEAR, guess, time_ms
        kind = MarkKind.INAUDIBLE  # "unclear" with no guess is simply not heard
    elif guess:
        return None
    return kind, kind.token, time_ms


def has_marker(text: str) -> bool:
    """Cheap pre-check: can *text* contain a marker at all?"""
    return bool(extract_marks(text)[1])


def marker_kind(token: str) -> MarkKind | None:
    """The kind of marker *token* is on its own (``"[inaudible],"`` → INAUDIBLE), else None."""
    if not token or not _may_open(token):
        return None
    match = _MARK.search(token)
    if match is None or match.start() > 2 or match.end() < len(token) - 3:
        return None
    found = _interpret(match, None)
    return found[0] if found is not None else None


def marker_spans(text: str) -> list[tuple[int, int]]:
    """Where in *text* the markers :func:`extract_marks` takes stand, as (start, end) character spans."""
    if not ("[" in text or "(" in text or "<" in text or "{" in text):
        return []
    return [match.span() for match in _MARK.finditer(text) if _interpret(match, None) is not None]


def extract_marks(text: str, default_ms: int | None = None) -> tuple[str, list[Mark]]:
    """Replace every marker in *text* by its canonical form; return the new text and the marks.

    *default_ms* is the time given to markers that carry none (usually the
    segment's start).
    """
    if not ("[" in text or "(" in text or "<" in text or "{" in text):
        return text, []
    pieces: list[str] = []
    marks: list[Mark] = []
    length = 0
    last = 0
    for match in _MARK.finditer(text):
        found = _interpret(match, default_ms)
        if found is None:
            continue
        kind, visible, time_ms = found
        before = text[last:match.start()]
        pieces.append(before)
        length += len(before)
        pieces.append(visible)
        marks.append(Mark(kind, length, length + len(visible), time_ms))
        length += len(visible)
        last = match.end()
    if not marks:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), marks


def marks_from_words(words: list[Word]) -> tuple[str, list[Word], list[Mark]]:
    """Text, words and marks for a segment built from timed word tokens.

    Word texts must already be stripped. A marker may span several tokens
    (``"[inaudible"``, ``"00:12:03]"``); those tokens become one word holding the
    canonical token, timed from the first to the last. The returned text is the
    words joined by single spaces, so words stay the whitespace tokens of text.
    """
    text = " ".join([w.text for w in words])
    if not ("[" in text or "(" in text or "<" in text or "{" in text):
        return text, words, []
    out: list[Word] = []
    marks: list[Mark] = []
    offset = 0
    i = 0
    while i < len(words):
        word = words[i]
        merged = _marker_at(words, i) if _may_open(word.text) else None
        if merged is None:
            out.append(word)
            offset += len(word.text) + 1
            i += 1
            continue
        new_words, word_marks, used = merged
        for mark in word_marks:
            marks.append(mark.shifted(offset))
        for new_word in new_words:
            out.append(new_word)
            offset += len(new_word.text) + 1
        i += used
    return " ".join([w.text for w in out]), out, marks


def _may_open(token: str) -> bool:
    return any(c in _OPENERS for c in token[:3])


def _marker_at(words: list[Word], i: int) -> tuple[list[Word], list[Mark], int] | None:
    """A marker starting at word *i*, joined over at most 4 tokens, or None.

    Returns the replacement words, the marks (offsets from the first replacement
    word) and how many input words were used.
    """
    first = words[i]
    for used in range(1, min(4, len(words) - i) + 1):
        joined = " ".join([w.text for w in words[i:i + used]])
        match = _MARK.search(joined)
        if match is not None and match.start() <= 2 and match.end() >= len(joined) - 3:
            text, marks = extract_marks(joined, first.start_ms)
            if marks:
                return _retimed(text.split(), words[i:i + used]), marks, used
        if any(c in ")]}>" for c in words[i + used - 1].text):
            break  # the bracket closed without forming a marker
    return None


def _retimed(tokens: list[str], source: list[Word]) -> list[Word]:
    """Words for *tokens* taking their times from the *source* words they replace."""
    if len(tokens) == 1:
        return [Word(tokens[0], source[0].start_ms, source[-1].end_ms, source[0].confidence)]
    # "[unclear: the hull]" -> "the hull": align the kept tokens with the last source words.
    tail = source[len(source) - len(tokens):] if len(tokens) <= len(source) else source
    out = []
    for n, token in enumerate(tokens):
        w = tail[min(n, len(tail) - 1)]
        out.append(Word(token, w.start_ms, w.end_ms, w.confidence))
    return out
