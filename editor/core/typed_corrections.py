"""What a typed correction says: the one place an edit replaced words (:func:`replaced_span`), how
much the new words look or sound like the old (:func:`likeness`), and whether they may be what the
recognizer misheard (:func:`may_be_misheard`). The glossary learns from such edits, and the window
asks the audio about them."""

from __future__ import annotations

import re

from editor.core.name_span import without_possessive

LEARN_MAX_WORDS = 6
LEARN_MIN_LIKENESS = 60   # how much the old words must look or sound like the new to be a misheard form
# How much a typed correction must look or sound like the words it replaces to be worth asking the
# audio about, unless it is a name: "boat" -> "vote" (50) is a slip of the recognizer, "red" ->
# "blue" (28) a change of mind the audio need not judge.
CHECK_MIN_LIKENESS = 40


def may_be_misheard(wrong: str, right: str) -> bool:
    """Whether *right*, typed over *wrong*, may be what the recognizer misheard as *wrong*: the two
    look or sound alike, or *right* is a name (capitalised words the dictionary does not know)."""
    return likeness(wrong, right) >= CHECK_MIN_LIKENESS or looks_like_a_name(right)


def likeness(wrong: str, right: str) -> int:
    """0..100: how much *wrong* looks or sounds like *right* (an acronym: like its letters said)."""
    from editor.core.phrase_likeness import Phrase, score_window
    from editor.core.spoken_letters import spoken_letters
    target, seen = Phrase.of(right), Phrase.of(wrong)
    if not target.norms or not seen.norms:
        return 0
    score = score_window(target, seen.norms, seen.keys)[0]
    spoken = spoken_letters(without_possessive(right))
    if spoken is not None:
        from rapidfuzz import fuzz
        score = max(score, int(fuzz.ratio(spoken, "".join(seen.norms))))
    return score


def replaced_span(old: str, new: str) -> tuple[str, str] | None:
    """(old words, new words) of the one place where *new* differs from *old*, widened to whole
    words and stripped of edge punctuation; None when nothing was replaced (only added or removed)."""
    if old == new:
        return None
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    # Widen to word boundaries (the same distance in both, as the texts agree there), a boundary in
    # both texts: "Vard Holm" -> "Vardholm" differs at a space in one and inside a word in the other.
    while prefix > 0 and not (_at_word_edge(old, prefix) and _at_word_edge(new, prefix)):
        prefix -= 1
    while suffix > 0 and not (_at_word_edge(old, len(old) - suffix) and _at_word_edge(new, len(new) - suffix)):
        suffix -= 1
    wrong = old[prefix:len(old) - suffix].strip(_EDGE_PUNCTUATION)
    right = new[prefix:len(new) - suffix].strip(_EDGE_PUNCTUATION)
    if not wrong or not right or kept_at_an_edge(wrong, right):
        return None
    return wrong, right


_EDGE_PUNCTUATION = " ,.;:!?\"“”()"


def _at_word_edge(text: str, at: int) -> bool:
    """Whether a space is just before or at character *at* of *text*."""
    return text[at - 1:at].isspace() or text[at:at + 1].isspace()


def kept_at_an_edge(wrong: str, right: str) -> bool:
    """Whether one side's words all stand, unchanged but for capitals and punctuation, at the
    start or end of the other's: words typed before or after a word ("Absolutely" ->
    "ZZTOP Absolutely") or deleted next to it, which widening to whole words made look like a
    replacement of that word."""
    def words(text: str) -> list[str]:
        return [w.strip(_EDGE_PUNCTUATION).casefold() for w in text.split()]
    short, long = sorted((words(wrong), words(right)), key=len)
    if len(short) == len(long):
        return False
    return long[:len(short)] == short or long[len(long) - len(short):] == short


def looks_like_a_name(text: str) -> bool:
    """Capitalised words (or an acronym), one of them at least unknown to the dictionary."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", text)
    if not words or not all(w[0].isupper() for w in words):
        return False
    from editor.core.spelling import known_words
    dictionary = known_words()
    return any(w.casefold() not in dictionary for w in words)
