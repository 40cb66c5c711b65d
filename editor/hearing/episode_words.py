"""The episode's own words: how often each ordinary word is used in its turns, its page text and its glossary.

The context check (:mod:`.context`) judges a word by PocketSphinx's general language model, which
knows nothing of the episode's subject: in a bakery's episode it wants "the new flower store" where
the text rightly says "flour", and the audio, saying the two alike, cannot answer. A word the
episode itself uses elsewhere is likelier in it than in general text (a cache model of the
episode's words); :meth:`~editor.hearing.context.ContextModel.episode_support` says how much.

Only the ordinary words the model judges are counted: written in lowercase, or capitalised at a
sentence's start; a name (capitalised inside a sentence, "Mrs Flower dew") is the glossary's business.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import lru_cache

from editor.core.british import american

# A sentence's end, or a word (letters only: "mother's" is "mother" and "s").
_TOKEN = re.compile(r"([.!?\n])|([^\W\d_]+)")
# A word's American spelling, looked up once per word (an episode says its words many times).
_american = lru_cache(maxsize=65536)(american)


def ordinary_words(text: str, starts_sentence: bool = True) -> Iterator[str]:
    """The ordinary words of *text*, lowercased and in American spelling (as the model knows them).

    *starts_sentence*: whether *text*'s first word starts a sentence (not for a glossary's name)."""
    start = starts_sentence
    for end, word in _TOKEN.findall(text):
        if end:
            start = True
            continue
        if word.islower() or (start and word[1:].islower()):
            yield _american(word.lower())
        start = False


class EpisodeWords:
    """How often each ordinary word is used in an episode's texts (its turns, page text, glossary).

    Kept up to date as turns are edited (:meth:`replace`): counting a whole long episode again
    takes a good part of a second."""

    def __init__(self, turns: Iterable[str], notes: str = "", names: Iterable[str] = ()):
        self._counts: Counter[str] = Counter()
        self._every: frozenset[str] | None = None   # a share's (see about): every word of the whole count
        for text in turns:
            self._counts.update(ordinary_words(text))
        self._counts.update(ordinary_words(notes))
        for name in names:
            self._counts.update(ordinary_words(name, starts_sentence=False))

    def uses_outside(self, turn: str) -> dict[str, int]:
        """For each ordinary word of *turn* (one of the episode's turns), how often the rest of the
        episode uses it (words it does not use left out): a turn's own word does not vouch for itself."""
        own = Counter(ordinary_words(turn))
        return {word: self._counts[word] - n for word, n in own.items() if self._counts[word] > n}

    def words_outside(self, turn: str) -> tuple[str, ...]:
        """The episode's ordinary words of four letters or more that *turn* does not use (the rare
        words of its subject among them, see :mod:`editor.hearing.episode_alikes`), sorted."""
        own = set(ordinary_words(turn))
        every = self._every if self._every is not None else self._counts.keys()
        return tuple(sorted(w for w in every if len(w) > 3 and w not in own))

    def replace(self, old: str, new: str) -> None:
        """A turn that read *old* now reads *new* ("" for a turn added or taken away)."""
        for word in ordinary_words(old):
            left = self._counts[word] - 1
            if left > 0:
                self._counts[word] = left
            else:
                self._counts.pop(word, None)
        self._counts.update(ordinary_words(new))

    def about(self, turns: Iterable[str]) -> EpisodeWords:
        """These counts of only the words of *turns* (all :meth:`uses_outside` reads for them), and the
        set of every word (all :meth:`words_outside` reads): a few turns' share, to hand to another
        thread while this one is kept up to date."""
        share = EpisodeWords(())
        share._every = frozenset(self._counts) if self._every is None else self._every
        for text in turns:
            for word in ordinary_words(text):
                if word in self._counts:
                    share._counts[word] = self._counts[word]
        return share
