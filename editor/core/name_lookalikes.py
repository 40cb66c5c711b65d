"""Runs of words a glossary scan found that look like a name but are something else: another dictionary
word, the name's own words in another number or another form, or among everyday words, a window that
only shares a word with it. The scan drops those or offers them without ticking them."""

from __future__ import annotations

from collections.abc import Collection, Container, Sequence
from functools import lru_cache


def another_word(found: Sequence[str], name, dictionary: Container[str]) -> bool:
    """Whether *found* (normalised) is one dictionary word, not the one-word *name* (a Phrase), that
    does not sound as the name does: "patronage" is not "Patreon" misheard, however alike they are
    spelt; "patron" (said the same) may be."""
    if len(found) != 1 or len(name.norms) != 1 or found[0] == name.norms[0] or found[0] not in dictionary:
        return False
    from editor.core.name_index import phonetic_key
    return phonetic_key(found[0]) != name.joined_key


def letters_of_acronym(found: str, correct: str) -> bool:
    """Whether *found* is written in capitals for the acronym *correct*: the recognizer wrote letters
    ("CAP" for CAB, a letter misheard), not the dictionary word those letters also spell."""
    return found.isupper() and found.isalpha() and is_acronym(correct)


def _singular(word: str) -> str:
    """A normalised word without a plural "s" (roughly: enough to compare a name's words)."""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def holds_name_in_another_number(found: Sequence[str], name: Sequence[str]) -> bool:
    """Whether *found* holds *name*'s words with a plural "s" added or dropped (both normalised):
    "a democratic socialist" for "Democratic Socialists" is the same words, not a mishearing."""
    wanted = [_singular(w) for w in name]
    have = [_singular(w) for w in found]
    n = len(wanted)
    return tuple(found) != tuple(name) and any(have[i:i + n] == wanted for i in range(len(have) - n + 1))


def written_apart(found: Sequence[str], name: Sequence[str]) -> bool:
    """Whether *found* is *name* with its letters split into more words ("merry weather")."""
    return len(found) > len(name) and "".join(found) == "".join(name)


def name_words_among_everyday_words(found: Sequence[str], name: Sequence[str], common: Collection[str]) -> bool:
    """Whether *found* is *name*'s words, in order and in either number, with everyday words
    between them ("democratic, the socialist" for "Democratic Socialists")."""
    wanted = [_singular(w) for w in name]
    have = [_singular(w) for w in found]
    if len(name) < 2 or len(have) <= len(wanted) or have[0] != wanted[0] or have[-1] != wanted[-1]:
        return False
    rest = [w for w in have if w not in wanted]
    return [w for w in have if w in wanted] == wanted and all(w in common for w in rest)


def _unshared(found: Sequence[str], name: Sequence[str]) -> tuple[list[str], list[str]] | None:
    """The words of *found* and *name* (both normalised) left when the words they share at the start
    and at the end are taken off; None when they share none there or one side has nothing left."""
    head = 0
    while head < min(len(found), len(name)) and found[head] == name[head]:
        head += 1
    tail = 0
    while tail < min(len(found), len(name)) - head and found[-1 - tail] == name[-1 - tail]:
        tail += 1
    if not head + tail:
        return None
    have, wanted = list(found[head:len(found) - tail]), list(name[head:len(name) - tail])
    return (have, wanted) if have and wanted else None


def rest_unlike(found: Sequence[str], name: Sequence[str]) -> bool:
    """Whether a window sharing the name's first or last words is plainly unlike it in the rest, by
    spelling and by sound: the shared word alone made it score ("wayside years" for "Biden Years").
    The bars are low: a rest only somewhat alike ("our religion" for "Our Revolution") stays."""
    from rapidfuzz import fuzz

    from editor.core.name_index import phonetic_key
    rest = _unshared(found, name)
    if rest is None:
        return False
    have, wanted = ("".join(words) for words in rest)
    if fuzz.ratio(have, wanted) >= _REST_SPELLING:
        return False
    have_key, wanted_key = phonetic_key(have), phonetic_key(wanted)
    return not (have_key and wanted_key and fuzz.ratio(have_key, wanted_key) >= _REST_SOUND)


_REST_SPELLING = 55    # "wayside"/"biden" 50, "religion"/"revolution" 67
_REST_SOUND = 60       # of their Metaphone keys: WST/BTN 33, RLJN/RFLXN 67


def another_form_of_a_word(found: Sequence[str], name: Sequence[str], dictionary: Container[str]) -> bool:
    """Whether *found* holds the name with one word in another form of the same dictionary word
    (an ending of up to three letters added or dropped: "the democrat party" / "Democratic Party")."""
    n = len(name)
    for at in range(len(found) - n + 1):
        pairs = [(a, b) for a, b in zip(found[at:at + n], name, strict=True) if a != b]
        if len(pairs) != 1:
            continue
        (have, wanted), = pairs
        short, long = sorted((have, wanted), key=len)
        if long.startswith(short) and 0 < len(long) - len(short) <= 3 and len(short) >= 4 and \
                have in dictionary and wanted in dictionary:
            return True
    return False


@lru_cache(maxsize=4096)
def is_acronym(text: str) -> bool:
    from editor.core.spoken_letters import spoken_letters
    return spoken_letters(text.strip()) is not None
