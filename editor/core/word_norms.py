"""How the name matchers read a word: its core (punctuation and a possessive "'s" left out) and its
normalised form (lower case, letters and digits only), so "Dick." == "dick" and "O'Neil's" == "oneil".

Kept apart from :mod:`editor.core.name_index` (which adds Metaphone keys and the index, and loads
rapidfuzz and jellyfish): telling whether two phrases are the same words needs none of that, and
the glossary asks it after every correction the producer makes.
"""

from __future__ import annotations

import re

_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def normalise(word: str) -> str:
    """Lower case, letters and digits only: the form fuzzy comparison works on."""
    return "".join(ch for ch in word.casefold() if ch.isalnum())


def core_span(token: str, start: int) -> tuple[int, int]:
    """Offsets of a token without surrounding punctuation or a trailing possessive."""
    lo, hi = 0, len(token)
    while lo < hi and not token[lo].isalnum():
        lo += 1
    while hi > lo and not token[hi - 1].isalnum():
        hi -= 1
    possessive = _POSSESSIVE.search(token, lo, hi)
    if possessive and possessive.start() > lo:
        hi = possessive.start()
    return start + lo, start + hi


def phrase_norms(text: str) -> tuple[str, ...]:
    """The normalised form of each word of *text* (whitespace tokens with a letter or digit), as the
    matchers compare phrases (:attr:`editor.core.phrase_likeness.Phrase.norms`)."""
    norms = []
    for token in text.split():
        lo, hi = core_span(token, 0)
        norm = normalise(token[lo:hi])
        if norm:
            norms.append(norm)
    return tuple(norms)
