"""Names inside web addresses, handles and e-mails written as one word ("patrion" in "patrion.com/t",
"@patrion"): the matchers compare whole words, and such a word's letters run on past the name."""

from __future__ import annotations

import re

from editor.core.candidates import Candidate, with_details
from editor.core.name_index import NameIndex, normalise, phonetic_key
from editor.core.phrase_likeness import Phrase, score_window

# A web address, handle or e-mail: a dot, slash or @ before a letter, or an @ after one (written to start
# with the character class: it is looked for in every turn, and so it is several times quicker).
_ADDRESS = re.compile(r"[./@](?:\w|(?<=\w@))")
_ADDRESS_PART = re.compile(r"[^\W_]+")
_WHITESPACE_TOKEN = re.compile(r"\S+")


def match_inside_addresses(index: NameIndex, phrase: Phrase) -> list[Candidate]:
    """Where a one-word *phrase* is a whole part of a web address, handle or e-mail written as one
    word ("patrion" in "patrion.com/t", "@patrion", "patrion@example.org"): the matcher compares
    whole words, and such a word's letters run on past the name."""
    if len(phrase.norms) != 1 or "." in phrase.text or "/" in phrase.text:
        return []
    name = phrase.norms[0]
    return [with_details(index, Candidate(s, at, end, text, 100, "address", "", 0, None, in_address=True))
            for s, at, end, text in address_parts(index) if text.casefold() == name]


def address_parts(index: NameIndex) -> list[tuple[int, int, int, str]]:
    """(turn, start, end, text) of each run of letters and digits in the web addresses, handles and
    e-mails the turns write as one word ("patrion", "com", "t" in "patrion.com/t"), marks left out."""
    parts = []
    # Turn by turn, only those with an address in them: a short name ("Al") is inside most words of
    # an episode ("also", "real"), and looking at each of their places took longer than the rest of
    # Correct Everywhere's search.
    for s, tokens in enumerate(index.segments):
        text = tokens.text
        if not _ADDRESS.search(text):
            continue
        for written in _WHITESPACE_TOKEN.finditer(text):     # a handle's "@" is part of its token
            if not _ADDRESS.search(written.group()):
                continue
            for part in _ADDRESS_PART.finditer(written.group()):
                at = written.start() + part.start()
                end = at + len(part.group())
                if any(m.start < end and at < m.end for m in tokens.marks):
                    continue        # inside a mark: never matched
                parts.append((s, at, end, part.group()))
    return parts


def match_near_inside_addresses(phrase: Phrase, threshold: int,
                                parts: list[tuple[int, int, int, str]]) -> list[Candidate]:
    """Where a part of an address (:func:`address_parts`) is a one-word *phrase* misheard or misspelt
    ("patrion" in "patrion.com/t" for "Patreon"), scored as the word alone would be; a part that is
    the phrase itself is left out (an address writes a name in its own capitals). No details."""
    if len(phrase.norms) != 1:
        return []
    name = phrase.norms[0]
    found = []
    for s, at, end, text in parts:
        norm = normalise(text)
        if norm == name or len(norm) < MIN_ADDRESS_PART or not norm.isalpha():
            continue
        score, how = score_window(phrase, (norm,), (phonetic_key(norm),))
        if score >= threshold:
            found.append(Candidate(s, at, end, text, score, how, "", 0, None, in_address=True))
    return found


MIN_ADDRESS_PART = 4    # "com", "org", "www" and a path's letters are no misheard name
