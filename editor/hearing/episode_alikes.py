"""A common word written where the episode's own rare word was said: "we streamed two drugs behind
the boat" in a lifeboat crew's episode that says "drogues" elsewhere.

A recognizer's language model favours common words: a rare word of the episode's subject (a
lifeboat's drogues, a narrowboat's windlass, a bell's muffles) is written as the common word it
sounds like. PocketSphinx's general trigram model cannot see that slip: it does not know the rare
word at all ("drogues", "windlass"), or so seldom that it wants the common one wherever either
could stand, and the other context checks (:mod:`.context`, :mod:`.misfit_slips`) ask the audio
only about words the model finds about as likely. The episode knows better: a word it uses
elsewhere that general text hardly ever uses is the episode's subject, and likely here too.

So a word of a turn is asked about the episode's *rare* words (:data:`RARE_LOG`: unknown to the
model, or rarer than one in a million words; at least :data:`NEAR_COMMONER` orders of magnitude
rarer than the text's word) said like it: one phone changed, added or dropped (not a last phone,
how a word's end is said softly: "built" where the episode's boat has a "bilge"; nor a first h, said
weakly: "home" where the episode's singers are from "Ash combe"), or the same first
:data:`SHARED_START` phones ("windows"/"windlass"), and not the text's word inflected
("swims"/"swimming"). Or a word that is a rare one with a syllable of its middle passed over
("hedgers" for the episode's "hedgelayers": :func:`_middle_dropped`), whatever the text's word's
share: the audio made that slip, not the model, so the text's word may be as rare; the audio must
then prefer the rare one by NEAR_MARGIN. Not where the sentence vouches for the text's word: the model finds it, and
the word after it, :data:`VOUCHED` orders of magnitude likelier together in their context than
alone ("it was built in"). The audio decides: the light search chooses among the rare words, and
the turn must fit the chosen one :data:`EPISODE_MARGIN` per frame of the word better than the
text (:data:`NEAR_MARGIN` where the text's word is less than :data:`COMMONER` orders of magnitude
commoner: the recognizer had less reason to prefer it, and such pairs are many: "drafting" fitted
"grafting" 0.3 better in a right sentence). The text alone
proposes the same words over audio saying the text's word (the control), where the rare word fits
worse.

Measured on the seen episodes of tests/bench/hearing_material.py in two espeak-ng voices: over audio
saying the rare word, slips fitted it 0.3 to 2.5 per frame better ("windows"/"windlass" 0.30 and
0.53, "drugs"/"drogues" 1.5 and 2.3, "cast"/"mast" 2.1 and 2.5, "muffins"/"muffles" 1.7 and 2.0,
"falls"/"fells" 1.7 and 1.8, "task"/"cask" 1.3 in both); over audio saying the text's
common word (the control's slips, and right sentences using the common word rightly) it fitted
worse ("drugs" -0.1 to -2.0, "windows" -0.3 to -1.0, "cast" -1.2 to -3.0), but for "built" where
the episode's boat has a "bilge", its last phone changed (0.05 to 0.5: hence no last phone).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from rapidfuzz.distance import Levenshtein

from editor.align.aligner import Aligner
from editor.align.g2p import pronounce
from editor.align.text import Token
from editor.hearing.context import (
    CONTEXT_DOUBT,
    ContextModel,
    _chosen,
    _end_apart,
    _margin,
    context_model,
    ordinary,
    outside,
    spoken_words,
)
from editor.hearing.fit import SegmentFit
from editor.hearing.suspects import FUNCTION_WORDS, Suspect, WordDoubt
from editor.hearing.two_phones import phone_code
from editor.hearing.verdict import MARGIN

RARE_LOG = -6.0       # log10 of a word's share of general text at most, for the episode's use of it to count
COMMONER = 1.5        # orders of magnitude the text's word must be commoner than the rare one...
NEAR_COMMONER = 0.5   # ...or this much, where the audio must prefer the rare one by NEAR_MARGIN
SHARED_START = 4      # phones a rare word two or three phones away must start with as the text's word does
MAX_APART = 3         # phones at most between such a word and the text's
VOUCHED = 1.5         # log10: the text's word and the next, likelier in their context than alone by this much
EPISODE_MARGIN = 0.25  # per-frame score the chosen rare word must fit the turn better by
NEAR_MARGIN = 1.0      # the same for a text's word less than COMMONER commoner
MAX_ASKED = 3          # rare words the light search chooses among
DROPPED = 2           # phones of a rare word's middle the text's word may lack ("coppers" for a longer rare word)
MIN_KEPT = 5          # phones the text's word must keep, for a dropped middle to count
_SUFFIXES = ("ing", "ed", "es", "s", "er")


def episode_alike_suspects(text: str, tokens: list[Token], fitted: SegmentFit, doubts: list[WordDoubt],
                           audio_16k: np.ndarray, audio_start_ms: int, aligner: Aligner, segment: int,
                           segment_id: str, already: list[Suspect], chooser: Aligner | None = None,
                           episode_words: Sequence[str] = ()) -> list[Suspect]:
    """Suspects of one turn where a word is, by the audio, a rare word the rest of the episode uses
    (*episode_words*: the episode's ordinary words this turn does not use; words *already* in a
    suspect are not asked; *chooser*: as for :func:`~editor.hearing.context.context_suspects`)."""
    model = context_model()
    rare = _rare_words(aligner, tuple(episode_words))
    if not rare:
        return []
    words, position = spoken_words(tokens, model)
    text_total = sum(p.log_score for p in fitted.pieces)
    found = []
    for i in ordinary(tokens, doubts, text):
        doubt = doubts[i]
        if doubt.short or not outside(doubt, already):
            continue
        word = words[position[i]]
        if word in FUNCTION_WORDS or vouched(words, position[i]):
            continue
        sayings = aligner.pronunciations(word)
        if not sayings:
            continue
        share, stem, mine = _share(model, word), _stem(word), tuple(sayings)
        # A word the model knows and finds commoner, said alike; or any word that is the rare one
        # with a syllable of its middle passed over (the audio, not the model, made that slip: the
        # text's word may be as rare, "coppers").
        others = [c for c, rarity, its_stem, said in rare.near(mine) if its_stem != stem and (
            (model.known(word) and share - rarity >= NEAR_COMMONER and _alike(mine, said))
            or _dropped(mine, said))]
        if not others:
            continue
        others = sorted(others, key=lambda c: (_share(model, c), c))[:MAX_ASKED]   # the rarest first
        picked = _chosen(tokens, i, others, fitted, audio_16k, audio_start_ms, chooser or aligner)
        if picked not in others:
            continue
        margin = _margin(tokens, i, picked, audio_16k, audio_start_ms, aligner, text_total, fitted.tokens[i].frames)
        bar = EPISODE_MARGIN if _share(model, word) - _share(model, picked) >= COMMONER else NEAR_MARGIN
        if margin is None or margin < bar:
            continue
        evidence = ["audio", "episode"] if margin >= MARGIN else ["episode"]
        found.append(Suspect(segment, segment_id, doubt.char_start, doubt.char_end,
                             text[doubt.char_start:doubt.char_end], doubt.start_ms, doubt.end_ms,
                             max(CONTEXT_DOUBT, doubt.doubt), evidence))
    return found


Entry = tuple[str, float, str, tuple[str, ...]]   # a rare word, its share, its stem, its pronunciations


class RareWords:
    """An episode's rare words (RARE_LOG), each with its share of general text, its stem and its
    pronunciations, found by the length and start of a pronunciation (a word a phone away is a phone
    longer or shorter at most, or starts with the same SHARED_START phones)."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._by_length: dict[int, list[Entry]] = {}
        self._by_start: dict[tuple[str, ...], list[Entry]] = {}
        for entry in entries:
            for saying in entry[3]:
                phones = saying.split()
                self._by_length.setdefault(len(phones), []).append(entry)
                if len(phones) > SHARED_START:
                    self._by_start.setdefault(tuple(phones[:SHARED_START]), []).append(entry)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def near(self, sayings: tuple[str, ...]) -> list[Entry]:
        """The entries that may be said like one of *sayings* (:func:`said_alike` decides)."""
        found: dict[str, Entry] = {}
        for saying in sayings:
            phones = saying.split()
            for length in range(len(phones) - 1, len(phones) + DROPPED + 2):   # (+1 for a doubled phone)
                found.update((e[0], e) for e in self._by_length.get(length, ()))
            found.update((e[0], e) for e in self._by_start.get(tuple(phones[:SHARED_START]), ()))
        return list(found.values())


# The rare words of the last episode a turn was heard in, by aligner (a worker hears the turns of
# one episode, each job bringing the same words).
_rare_found: dict[int, tuple[tuple[str, ...], RareWords]] = {}


def _rare_words(aligner: Aligner, episode_words: tuple[str, ...]) -> RareWords:
    """The rare words among *episode_words*, worked out once per episode and aligner."""
    key = id(aligner)
    known = _rare_found.get(key)
    if known is not None and known[0] == episode_words:
        return known[1]
    model = context_model()
    entries = []
    for word in episode_words:
        if len(word) > 3 and word not in FUNCTION_WORDS and word.isalpha() and _share(model, word) <= RARE_LOG:
            said = tuple(_sayings(aligner, word))
            if said:
                entries.append((word, _share(model, word), _stem(word), said))
    rare = RareWords(entries)
    _rare_found.clear()
    _rare_found[key] = (episode_words, rare)
    return rare


@lru_cache(maxsize=262144)
def _dropped(sayings: tuple[str, ...], others: tuple[str, ...]) -> bool:
    return any(_middle_dropped(a.split(), b.split()) for a in sayings for b in others)


@lru_cache(maxsize=262144)
def _alike(sayings: tuple[str, ...], others: tuple[str, ...]) -> bool:
    return said_alike(list(sayings), list(others))


def vouched(words: list[str], at: int) -> bool:
    """Whether the model finds ``words[at]`` and the word after it likelier in their context than
    alone by VOUCHED orders of magnitude (the sentence's own evidence for the text's word)."""
    model = context_model()
    seq = ["<s>", *words, "</s>"]
    k = at + 1
    own = model._log((seq[k], seq[k - 1], seq[k - 2]) if k >= 2 else (seq[k], seq[k - 1])) - model._log((seq[k],))
    after = 0.0
    if seq[k + 1] != "</s>" and model.known(seq[k + 1]):
        after = model._log((seq[k + 1], seq[k], seq[k - 1])) - model._log((seq[k + 1],))
    return own + after > VOUCHED


def said_alike(sayings: list[str], others: list[str]) -> bool:
    """Whether a pronunciation of *others* is one of *sayings* with one phone changed, added or dropped
    (not the last phone: a word's end is said softly and runs into the next; nor a first h, which a
    voice says weakly: a right "home" fitted "combe" 1.0 per frame better), or starts with the same
    SHARED_START phones and is at most MAX_APART phones from it ("W IH N D OW Z"/"W IH N D L AH S":
    windows/windlass)."""
    if not sayings or not others or _end_apart(sayings, others):
        return False
    for saying in sayings:
        a = saying.split()
        for other in others:
            b = other.split()
            if abs(len(a) - len(b)) > MAX_APART:
                continue
            if len(a) == len(b) and a[:-1] == b[:-1]:
                continue        # (the last phone changed: a word's end is said softly, "built"/"bilge")
            if "HH" in (a[0], b[0]) and (a[1:] == b[1:] or a[1:] == b or a == b[1:]):
                continue        # (an h for another first consonant, or none: an h is said weakly, "home"/"combe")
            apart = Levenshtein.distance(phone_code(a), phone_code(b))
            if apart == 1 or (apart <= MAX_APART and len(a) > SHARED_START and len(b) > SHARED_START
                              and a[:SHARED_START] == b[:SHARED_START]):
                return True
    return False


def _middle_dropped(said: list[str], rare: list[str]) -> bool:
    """Whether *said* (the text's word) is *rare* (a rare word's pronunciation) with one stretch of
    at most DROPPED phones left out of its middle, the first two and the last phone kept, and at
    least MIN_KEPT phones left.

    A recognizer that does not know a long word of the episode's subject writes the common word left
    when an unstressed syllable of it is passed over: "coppers" for a craft's "coppicers" (the
    syllable "-pic-" dropped). The start and the end are the word's loudest clues and stay; a
    shorter word has too many such neighbours to ask about. A doubled phone of a letter rules' guess
    (a doubled letter, said once) is taken as one."""
    rare = [p for k, p in enumerate(rare) if k == 0 or p != rare[k - 1]]
    missing = len(rare) - len(said)
    if not 1 <= missing <= DROPPED or len(said) < MIN_KEPT:
        return False
    return any(rare[:at] + rare[at + missing:] == said for at in range(2, len(rare) - missing))


def _sayings(aligner: Aligner, word: str) -> list[str]:
    """*word*'s pronunciations, guessed by letter rules when the dictionary lacks it ("drogues"), as
    the aligner would say it (not taught to its searches: of an episode's many rare words, only those
    asked about need be; the light search and the alignment of the turn prepare them)."""
    said = aligner.pronunciations(word)
    if said:
        return said
    if word not in _guessed:
        _guessed[word] = pronounce(word, aligner.in_dictionary)
    guess = _guessed[word]
    return [guess] if guess else []


_guessed: dict[str, str | None] = {}   # a word the dictionary lacks -> its letter rules' pronunciation


def _share(model: ContextModel, word: str) -> float:
    """log10 of *word*'s share of general text (RARE_LOG - 1 for a word the model lacks)."""
    return model._log((word,)) if model.known(word) else RARE_LOG - 1


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """*word* without an inflection's ending, a doubled consonant before it or a silent e
    ("swimming": swim; "carriages", "carriage": carriag)."""
    for ending in _SUFFIXES:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[:-len(ending)]
            break
    if len(word) > 3 and (word[-1] == word[-2] or word[-1] == "e"):
        word = word[:-1]     # ("swimm", "carriage": as "carriag" of "carriages")
    return word

