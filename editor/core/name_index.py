"""Per-segment word tokens with normalised forms and phonetic keys, indexed for name matching.

"Correct everywhere" and the glossary scan compare a phrase with every run of words in a
10-hour episode. Doing that naively is hundreds of thousands of fuzzy comparisons, so the
tokens of each segment are computed once (and again only when that segment's text or marks
change), and an inverted index maps each normalised word to where it occurs. Matching then
starts from the few words that resemble a word of the phrase (see :mod:`editor.core.corrections`).
Where each word sits in its text is found only for the turns where a match is made, and the
words of all turns laid end to end (:class:`TokenLayout`, numpy) let the matcher count the
letters of thousands of windows at once.

Normalisation (:mod:`editor.core.word_norms`) ignores case and punctuation ("Dick." == "dick",
"O'Neil" == "oneil") and a possessive "'s"; the phonetic key is Metaphone (jellyfish) with any leading vowel written
as "A", because recognizers swap initial vowels freely ("Alison" / "Ellison").
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

import jellyfish
from rapidfuzz import fuzz, process

from editor.core.transcript import Mark, Transcript
from editor.core.word_norms import core_span, normalise

if TYPE_CHECKING:   # numpy is imported where it is used: opening a transcript needs none of it
    from collections.abc import Collection

    import numpy as np

@lru_cache(maxsize=65536)
def phonetic_key(norm: str) -> str:
    """Metaphone of a normalised word, leading vowel folded to "A" ("" for numbers)."""
    letters = "".join(ch for ch in norm if ch.isalpha() and ch.isascii())
    if not letters:
        return ""
    key = jellyfish.metaphone(letters)
    if key and key[0] in "AEIOU":
        key = "A" + key[1:]
    return key


@dataclass(slots=True)
class SegmentTokens:
    """The words of one segment as the matchers see them."""

    text: str
    marks: tuple[Mark, ...]
    # Tuples, not lists: tuples of strings and ints drop out of the cyclic GC's lists after
    # the first collection they survive, so a kept index costs later full collections little.
    norms: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    blocked: tuple[bool, ...] = ()    # inside a mark: never matched
    any_blocked: bool = False
    # Where each word is in the text (its core span): needed only for the few segments where a
    # name is found (or that have marks), so found on first use (see word_spans).
    spans: tuple[tuple[int, ...], tuple[int, ...]] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def build(cls, text: str, marks: tuple[Mark, ...]) -> SegmentTokens:
        if marks:
            starts, ends = _word_spans(text)
            blocked = tuple(any(start < m.end and m.start < end for m in marks)
                            for start, end in zip(starts, ends, strict=True))
            tokens = cls(text, marks, blocked=blocked, any_blocked=any(blocked), spans=(starts, ends))
        else:
            tokens = cls(text, marks)
        # Words are whitespace tokens, as in _word_spans; a dash or an ellipsis is not a word.
        analysed = [a for a in map(analyse_token, text.split()) if a is not None]
        if analysed:
            _, _, tokens.norms, tokens.keys = zip(*analysed, strict=True)
            if not marks:
                tokens.blocked = (False,) * len(analysed)
        return tokens

    @property
    def starts(self) -> tuple[int, ...]:
        """Offset in the text of each word's core (punctuation and a possessive left out)."""
        if self.spans is None:
            self.spans = _word_spans(self.text)
        return self.spans[0]

    @property
    def ends(self) -> tuple[int, ...]:
        if self.spans is None:
            self.spans = _word_spans(self.text)
        return self.spans[1]


def _word_spans(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(starts, ends) of the core of each word of *text* (whitespace tokens with a letter or digit)."""
    starts, ends = [], []
    at = 0
    find = text.find
    for token in text.split():
        at = find(token, at)      # the token itself: whitespace alone lies between it and the last
        analysed = analyse_token(token)
        if analysed is not None:
            starts.append(at + analysed[0])
            ends.append(at + analysed[1])
        at += len(token)
    return tuple(starts), tuple(ends)


@lru_cache(maxsize=131072)
def analyse_token(token: str) -> tuple[int, int, str, str] | None:
    """(core start, core end, normalised form, phonetic key) of a whitespace token, cached:
    an episode's 90,000 tokens are only a few thousand distinct strings."""
    lo, hi = core_span(token, 0)
    norm = normalise(token[lo:hi])
    if not norm:
        return None
    return lo, hi, norm, phonetic_key(norm)


# Postings are packed ints (segment << SHIFT | token number), not (segment, token) tuples:
# ints are invisible to the cyclic GC, 90,000 tuples are not, and a full collection that
# walks them from the scan's worker thread holds the GIL (stalls the window) for tens of ms.
SHIFT = 32
INCREMENTAL_ROWS = 32   # up to this many changed rows (or 5 %) update postings in place; more: rebuild
_LOW = (1 << SHIFT) - 1


def pack(segment: int, token: int) -> int:
    return segment << SHIFT | token


def unpack(position: int) -> tuple[int, int]:
    return position >> SHIFT, position & _LOW


class _Breather:
    """Call it often in a long loop: every couple of ms it lets go of the GIL (``time.sleep(0)``).

    Indexing a 10-hour episode takes ~0.1 s on the glossary scan's worker thread; a GUI
    thread waiting for the GIL then gets it at once instead of after Python's 5 ms switch
    interval (and on the GUI thread itself this costs nothing: nobody else is waiting).
    """

    __slots__ = ("_last",)

    def __init__(self):
        self._last = time.perf_counter()

    def __call__(self) -> None:
        now = time.perf_counter()
        if now - self._last > 0.002:
            time.sleep(0)
            self._last = time.perf_counter()


class NameIndex:
    """Tokens of every segment of a transcript plus an inverted index word -> positions.

    *transcript* is anything with ``segments`` whose items have ``text`` and ``marks``
    (``words`` and ``start_ms`` too, for candidate times): a :class:`Transcript` or a
    captured view of one. Call :meth:`refresh` before matching after edits (optionally
    with a newer capture): only changed segments are re-tokenised, and when no row was
    added or removed only their postings change.
    """

    def __init__(self, transcript: Transcript):
        self.transcript = transcript
        self.segments: list[SegmentTokens] = []
        self._postings: dict[str, list[int]] = {}
        self._by_key: dict[str, set[str]] = {}
        self._vocab: list[str] = []
        self.speakers: list = []        # each segment's speaker id (windows run on only within one speaker)
        self.retokenised = 0            # segments tokenised by the last refresh (tests, benches)
        self._layout: TokenLayout | None = None          # made on first use after a change
        self._position_arrays: dict[str, np.ndarray] = {}
        self.refresh()

    def refresh(self, transcript=None) -> None:
        """Bring the tokens in step with *transcript* (default: the one indexed); cheap when little changed."""
        if transcript is not None:
            self.transcript = transcript
        rows = self.transcript.segments
        old = self.segments
        self.speakers = [getattr(row, "speaker_id", None) for row in rows]
        if len(old) == len(rows) and self._postings:
            changed = [i for i, (tokens, segment) in enumerate(zip(old, rows, strict=False))
                       if tokens.text is not segment.text and tokens.text != segment.text
                       or tokens.marks != tuple(segment.marks)]
            if len(changed) <= max(INCREMENTAL_ROWS, len(rows) // 20):
                for i in changed:
                    fresh = SegmentTokens.build(rows[i].text, tuple(rows[i].marks))
                    self._replace_postings(i, old[i], fresh)
                    old[i] = fresh
                self.retokenised = len(changed)
                if changed:
                    self._vocab = list(self._postings)
                    self._forget_arrays()
                return
        # Rows were added or removed (split, merge, another file) or many changed: reuse the tokens of any
        # text seen before, wherever it now is, and rebuild the postings.
        known = {(t.text, t.marks): t for t in old}
        fresh_segments = []
        self.retokenised = 0
        breathe = _Breather()
        for segment in rows:
            breathe()
            marks = tuple(segment.marks)
            tokens = known.get((segment.text, marks))
            if tokens is None:
                tokens = SegmentTokens.build(segment.text, marks)
                self.retokenised += 1
            fresh_segments.append(tokens)
        self.segments = fresh_segments
        self._rebuild_postings()
        self._forget_arrays()

    def _forget_arrays(self) -> None:
        self._layout = None
        self._position_arrays = {}

    def layout(self) -> TokenLayout:
        """Where each segment's words start among all the episode's words, and the letters
        before each word (see :class:`TokenLayout`); made once after a change (~ms)."""
        if self._layout is None:
            import numpy as np

            counts = np.fromiter((len(t.norms) for t in self.segments), np.int64, len(self.segments))
            starts = np.zeros(len(self.segments) + 1, np.int64)
            np.cumsum(counts, out=starts[1:])
            total = int(starts[-1])
            # Letters of each distinct word (a few thousand), then of every word by its number in
            # the vocabulary: a..z each counted, anything else in one more column.
            vocabulary = {norm: number for number, norm in enumerate(self._vocab)}
            per_word = _letter_table(self._vocab)
            numbers = np.fromiter(map(vocabulary.__getitem__, chain.from_iterable(t.norms for t in self.segments)),
                                  np.int64, total)
            each = np.zeros((total + 1, LETTER_COLUMNS), np.uint16)     # one row more, the first
            each[1:] = per_word[numbers]
            letters = np.cumsum(each.sum(axis=1, dtype=np.int64))
            # Run on; uint16 wraps, but a difference of two rows stays exact for any window
            # shorter than 65,536 letters.
            running = np.add.accumulate(each, axis=0, dtype=np.uint16)
            self._layout = TokenLayout(starts, letters, running)
        return self._layout

    def position_array(self, norm: str) -> np.ndarray:
        """:meth:`packed_positions` as a numpy array (kept until the next change)."""
        array = self._position_arrays.get(norm)
        if array is None:
            import numpy as np

            array = self._position_arrays[norm] = np.array(self._postings.get(norm, ()), np.int64)
        return array

    def _rebuild_postings(self) -> None:
        postings: dict[str, list[int]] = {}
        breathe = _Breather()
        for s, tokens in enumerate(self.segments):
            breathe()
            base = s << SHIFT
            for t, norm in enumerate(tokens.norms):
                entry = postings.get(norm)
                if entry is None:
                    postings[norm] = [base | t]
                else:
                    entry.append(base | t)
        by_key: dict[str, set[str]] = {}
        for norm in postings:
            by_key.setdefault(phonetic_key(norm), set()).add(norm)
        self._postings = postings
        self._by_key = by_key
        self._vocab = list(postings)

    def _replace_postings(self, s: int, old: SegmentTokens, new: SegmentTokens) -> None:
        """Swap segment *s*'s postings from *old* tokens to *new* ones (order within a list is free)."""
        postings, by_key = self._postings, self._by_key
        for norm in set(old.norms):
            entry = postings.get(norm)
            if entry is None:
                continue
            kept = [p for p in entry if p >> SHIFT != s]
            if kept:
                postings[norm] = kept
            else:
                del postings[norm]
                key = phonetic_key(norm)
                words = by_key.get(key)
                if words is not None:
                    words.discard(norm)
                    if not words:
                        del by_key[key]
        base = s << SHIFT
        for t, norm in enumerate(new.norms):
            entry = postings.get(norm)
            if entry is None:
                postings[norm] = [base | t]
                by_key.setdefault(phonetic_key(norm), set()).add(norm)
            else:
                entry.append(base | t)

    def clone(self) -> NameIndex:
        """An independent copy (~ms where building one takes ~0.1 s): the tokens are shared
        (never changed in place), the postings copied (refresh edits their lists)."""
        twin = NameIndex.__new__(NameIndex)
        twin.transcript = self.transcript
        twin.segments = list(self.segments)
        twin._postings = {norm: list(entry) for norm, entry in self._postings.items()}
        twin._by_key = {key: set(words) for key, words in self._by_key.items()}
        twin._vocab = list(self._vocab)
        twin.speakers = list(self.speakers)
        twin.retokenised = 0
        twin._layout = self._layout                # never changed in place: shared
        twin._position_arrays = dict(self._position_arrays)
        return twin

    def words_inside(self, norm: str) -> set[str]:
        """Words of four letters or more written inside *norm* ("water" in "brightwaterorgjoin")."""
        if not self._vocab:
            return set()
        scores = process.cdist([norm], self._vocab, scorer=fuzz.partial_ratio, score_cutoff=95, dtype="uint8")[0]
        return {self._vocab[i] for i in scores.nonzero()[0] if len(self._vocab[i]) >= 4}

    def key_anchors(self, joined_key: str) -> tuple[set[str], set[str]]:
        """Words whose phonetic key begins / ends *joined_key* (a phrase's letters run together).

        A name heard at other word boundaries shares no word with its spelling ("Jolia Roman"
        for "Joe Lieberman"), but its first and last words sound like the start and end of it.
        Keys of at least two letters and half the phrase key's; a few dictionary lookups.
        """
        starts: set[str] = set()
        ends: set[str] = set()
        if len(joined_key) < MIN_ANCHORED_KEY:
            return starts, ends
        # A word must sound like a good part of the name (half its key) to anchor it: "tide" (TT)
        # sounds like the start of "Tidewater" (TTWTR), and of every "tide was", "tide what", ...
        for cut in range(max(2, -(-len(joined_key) // 2)), len(joined_key)):
            starts.update(self._by_key.get(joined_key[:cut], ()))
            ends.update(self._by_key.get(joined_key[-cut:], ()))
        return starts, ends

    def said_in_pieces(self, key: str, skip: Collection[str] = frozenset()) -> dict[str, list[int]]:
        """Where a run of words of one turn, its first word not in *skip*, has phonetic keys that
        joined are exactly *key*: a name's word heard as several ("Leora more hall", LR MR HL,
        for Larimore-Hall, LRMRHL). By first word, the packed positions of those runs only: a
        first piece that just starts the key is far too common to anchor a name anywhere else."""
        found: dict[str, list[int]] = {}
        for cut in range(2, len(key) - 1):        # the rest of the key left to at least one more word
            for word in self._by_key.get(key[:cut], ()):
                if word in skip:
                    continue
                for position in self._postings.get(word, ()):
                    if _joins(key, cut, self.segments[position >> SHIFT].keys, (position & _LOW) + 1):
                        found.setdefault(word, []).append(position)
        return found

    def window_across(self, s: int, first: int, k: int):
        """A window of *k* words starting at word *first* of segment *s* that runs over the edge of
        that segment into its neighbour of the same speaker (*first* < 0: into the one before).

        Returns ((segment, first word) where it starts, norms, keys), or None when the window would
        need a third segment, a different speaker's turn, or a word inside a mark.
        """
        if first < 0:
            if s == 0 or self.speakers[s - 1] != self.speakers[s]:
                return None
            before = self.segments[s - 1]
            start = len(before.norms) + first
            if start < 0 or first + k > len(self.segments[s].norms):
                return None
            parts = [(before, start, len(before.norms)), (self.segments[s], 0, first + k)]
            where = (s - 1, start)
        else:
            here = self.segments[s]
            count = len(here.norms)
            if s + 1 >= len(self.segments) or self.speakers[s + 1] != self.speakers[s]:
                return None
            after = self.segments[s + 1]
            if first + k - count > len(after.norms):
                return None
            parts = [(here, first, count), (after, 0, first + k - count)]
            where = (s, first)
        norms: list[str] = []
        keys: list[str] = []
        for tokens, lo, hi in parts:
            if tokens.any_blocked and any(tokens.blocked[lo:hi]):
                return None
            norms.extend(tokens.norms[lo:hi])
            keys.extend(tokens.keys[lo:hi])
        return where, tuple(norms), tuple(keys)

    @property
    def token_count(self) -> int:
        return sum(len(t.norms) for t in self.segments)

    def vocabulary(self) -> list[str]:
        """Every distinct normalised word of the transcript."""
        return self._vocab

    def packed_positions(self, norm: str) -> list[int]:
        """Every occurrence of normalised word *norm*, packed (see :func:`unpack`)."""
        return self._postings.get(norm, [])

    def positions(self, norm: str) -> list[tuple[int, int]]:
        """(segment index, token number) of every occurrence of normalised word *norm*, in order."""
        return sorted(map(unpack, self._postings.get(norm, [])))

    def near_words(self, words: list[str]) -> list[set[str]]:
        """For each normalised word, the transcript's words that look or sound like it.

        One batched rapidfuzz call over the vocabulary for all words (the glossary scan asks
        for hundreds at once). Short words need a closer match: "ask" must not stand in for "Esk".
        """
        result: list[set[str]] = [set() for _ in words]
        if not words or not self._vocab:
            return result
        scores = process.cdist(words, self._vocab, scorer=fuzz.ratio, score_cutoff=66, dtype="uint8")
        for row, word in enumerate(words):
            need = _fuzzy_cutoff(word)
            hits = result[row]
            for column in scores[row].nonzero()[0]:
                if scores[row, column] >= need:
                    hits.add(self._vocab[column])
            key = phonetic_key(word)
            if len(key) >= 2 and len(word) >= 4:
                hits.update(self._by_key.get(key, ()))
            if word in self._postings:
                hits.add(word)
        return result


MIN_ANCHORED_KEY = 4
MAX_PIECES = 6      # words after the first that one word of a name may be heard as ("Venn cat a ram an")


def _joins(key: str, cut: int, keys: tuple[str, ...], at: int) -> bool:
    """Whether the keys of the words from *at* on, joined to ``key[:cut]``, make *key* exactly.

    A piece that starts with a vowel has it written "A" (see :func:`phonetic_key`), which a name's
    key has only at its very start: inside the name that vowel is a syllable of the name ("Venn cat
    a ram an", FN KT A RM AN, for Venkataraman, FNKTRMN), so such a piece may join without it.
    """
    joined = key[:cut]
    last = min(len(keys), at + MAX_PIECES)
    while len(joined) < len(key) and at < last and keys[at]:
        piece = keys[at]
        if not key.startswith(piece, len(joined)):
            if piece[0] != "A" or not key.startswith(piece[1:], len(joined)):
                return False
            piece = piece[1:]
        joined += piece
        at += 1
    return joined == key


class TokenLayout(NamedTuple):
    """The words of all segments laid end to end, for counting a window's letters with numpy.

    A window of ``k`` words starting at word ``first`` of segment ``s`` is words
    ``starts[s] + first`` to ``starts[s] + first + k`` of the episode (running on into the next
    segments when it passes the end of this one), holding ``letters[b + k] - letters[b]`` letters,
    ``letter_counts[b + k] - letter_counts[b]`` of each.
    """

    starts: np.ndarray       # index of each segment's first word (one more entry: the total)
    letters: np.ndarray      # letters of the normalised words before each word (one more entry)
    letter_counts: np.ndarray   # the same, each letter counted apart (see letter_counts), uint16


LETTER_COLUMNS = 27   # a..z, and one column for every other character


def _letter_table(words: list[str]) -> np.ndarray:
    """:func:`letter_counts` of each of *words* (which hold only letters and digits), one row each."""
    import numpy as np

    codes = np.frombuffer(" ".join(words).encode("utf-32-le"), np.uint32)
    space = codes == 32
    word = np.cumsum(space)[~space]            # each letter's word
    columns = np.where((codes >= 97) & (codes <= 122), codes - 97, LETTER_COLUMNS - 1)[~space]
    cells = np.bincount(word * LETTER_COLUMNS + columns, minlength=len(words) * LETTER_COLUMNS)
    return cells.reshape(len(words), LETTER_COLUMNS).astype(np.uint16)


def letter_counts(text: str) -> np.ndarray:
    """How often each letter a..z (and anything else, together) occurs in *text*, as a
    :class:`TokenLayout` counts them."""
    import numpy as np

    codes = np.frombuffer(text.encode("utf-32-le"), np.uint32)
    columns = np.where((codes >= 97) & (codes <= 122), codes - 97, LETTER_COLUMNS - 1)
    return np.bincount(columns, minlength=LETTER_COLUMNS).astype(np.uint16)


def _fuzzy_cutoff(word: str) -> int:
    """How alike a transcript word must be to a phrase word to start a candidate there."""
    if len(word) <= 3:
        return 101  # exact only (handled separately)
    if len(word) <= 5:
        return 75
    return 66
