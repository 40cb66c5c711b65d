""""Correct everywhere": find every occurrence of a misrecognized phrase, near-variants included.

A producer selects "Dick flux", types "Dick Flacks", and gets every place where the
recognizer wrote that name, however it spelled it: "Dick Flax", "Dick. Flax", "dick flacks".
Variants are found by comparing runs of words with the phrase on two levels:

* spelling: rapidfuzz ``fuzz.ratio`` on the normalised words (case, punctuation and a
  possessive "'s" removed, on both sides), with and without the spaces between them;
* sound: Metaphone keys (jellyfish) of the whole run joined, against the phrase's joined key,
  so a name split at another place meets it ("David do holiday" / "David Duhalde",
  "Jolia Roman" / "Joe Lieberman"), and "Flax"/"flux"/"Flacks" compare equal.

Sound counts for more the longer the key: a three-letter key says little ("Brian" and
"Barack" are BRN and BRK), a seven-letter one much. Windows run from one word fewer than
the phrase to a few more, the wider ones only when their letters add up to about the
phrase's (a name spelt out in letters, "patrion.com/t S M H"), and may run on into the
next turn of the same speaker (recognizers cut sentences). A window made only of the
phrase's own words ("Lieberman" for "Joe Lieberman") is a partial mention, not a variant.

Candidates start only from words that already resemble a word of the phrase (the
:class:`~editor.core.name_index.NameIndex` finds those in the vocabulary), or from the first of a
run of words whose sounds joined are one long word of it ("Leora more hall" for Larimore-Hall). The windows around
them are first sifted with numpy over the episode's words laid end to end (letter counts that
rule out the spelling likeness worth judging), the survivors are compared in one batched
rapidfuzz call, and only the few that pass are judged in full, each distinct run of words once:
a 200-name glossary scans a 10-hour episode in about a third of a second of CPU.

The score is :mod:`editor.core.phrase_likeness`'s; a place found is a
:class:`~editor.core.candidates.Candidate`; names inside web addresses are found by
:mod:`editor.core.address_matches` and acronyms said letter by letter by :mod:`editor.core.spoken_letters`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz import fuzz, process

from editor.core.address_matches import match_inside_addresses
from editor.core.candidates import Candidate, candidate_at, resolve_overlaps
from editor.core.name_index import _LOW, SHIFT, NameIndex, TokenLayout, letter_counts
from editor.core.phrase_likeness import Phrase, score_window, spelling_floor
from editor.core.transcript import Transcript

if TYPE_CHECKING:   # numpy is imported where it is used: opening a transcript needs none of it
    import numpy as np

DEFAULT_THRESHOLD = 80


def find_variants(transcript: Transcript, wrong: str, right: str = "", *,
                  threshold: int = DEFAULT_THRESHOLD, index: NameIndex | None = None,
                  include_right_variants: bool = True) -> list[Candidate]:
    """Every occurrence of *wrong* and its near-variants, best-first per place, in document order.

    Places whose text is already exactly *right* are left out. With *include_right_variants*
    the windows are also compared with *right* itself, so "dick flacks" is offered too.
    """
    if index is None:
        index = NameIndex(transcript)
    else:
        index.refresh(transcript)
    phrases = [Phrase.of(wrong)]
    if right and include_right_variants:
        phrases.append(Phrase.of(right))
    phrases = [p for p in phrases if p.norms]
    # Places inside addresses first: of two equally good readings of one place ("@patrion" is the
    # word itself too) the first wins, and it is the one that writes the address's case.
    found: list[Candidate] = match_inside_addresses(index, phrases[0]) if phrases else []
    for phrase in phrases:
        found.extend(match_phrase(index, phrase, threshold))
    # Places already right take part in overlap resolution (so "I'm Odile Ambrose" cannot
    # win over the exact "Odile Ambrose" inside it) and are dropped afterwards.
    words = len(phrases[0].norms) if phrases else 1
    kept = [c for c in resolve_overlaps(found, words, prefer={right} if right else ()) if c.found != right]
    return _with_other_names(index, kept, [p.norms for p in phrases])



def _with_other_names(index: NameIndex, candidates: list[Candidate], phrases: list[tuple[str, ...]]) -> list[Candidate]:
    """*candidates* with :attr:`Candidate.other_name` set where a variant (not the phrase itself) is
    part of someone else's full name."""
    variants = [i for i, c in enumerate(candidates) if c.how != "exact" and c.found[:1].isupper()]
    if not variants:
        return candidates
    from editor.core.other_names import other_full_name
    from editor.core.spelling import known_words
    dictionary = known_words()
    for i in variants:
        c = candidates[i]
        name = other_full_name(index, c.index, c.start, c.end, phrases, dictionary, dictionary.common)
        if name:
            candidates[i] = c._replace(other_name=name)
    return candidates


SPOKEN_PUNCTUATION = frozenset({"dot", "slash", "dash", "underscore"})   # a web address read aloud
MIN_ANCHORED_WORD_KEY = 4   # a word of the name with a key this long is anchored by sound too
MIN_INSIDE_NAME = 10    # one-word names this long are also anchored by words written inside them
_ADDRESS_MARKS = "./-@_"   # a web address's marks, each said as a word when it is read aloud
MAX_EXTRA_WORDS = 3     # a window may hold this many words more than the phrase
# ...or more for a phrase with a long word, which a recognizer may write as a run of short words, a
# piece for about every PIECE_LETTERS of its letters ("Venn cat a ram an" for Venkataraman), up to
# MAX_PIECE_WORDS more. (Such wide windows are judged only when their letters add up to the name's.)
PIECE_LETTERS = 3
MAX_PIECE_WORDS = 5


def window_shapes(n: int, extra: int = MAX_EXTRA_WORDS) -> list[tuple[int, int]]:
    """(window length, first-word offset from the aligned start) for a phrase of *n* words.

    The phrase's length; one fewer (two words merged, before or after the anchor); and up
    to *extra* more (words split), shifted so the window still holds the anchor.
    """
    shapes = [(n, 0)]
    for k in range(n + 1, n + extra + 1):
        shapes.extend((k, shift) for shift in range(0, n - k - 1, -1))
    if n > 1:
        shapes.extend([(n - 1, 0), (n - 1, 1)])
    return shapes


def match_phrase(index: NameIndex, phrase: Phrase, threshold: int, near: list[set[str]] | None = None,
                 skip_anchors: Collection[str] = (), details: bool = True) -> list[Candidate]:
    """Windows of *index* scoring at least *threshold* against *phrase* (may overlap).

    Windows start from occurrences of words near a phrase word (*near*, one set per phrase
    word); words in *skip_anchors* (everyday words, for the glossary scan) start only split windows.
    Without *details* the candidates have no context or time (see :func:`with_details`).
    """
    if near is None:
        near = index.near_words(list(phrase.norms))
    n = len(phrase.norms)
    skip = skip_anchors if isinstance(skip_anchors, (set, frozenset)) else frozenset(skip_anchors)
    near = [set(words) for words in near]
    # Words that sound like the start or end of the name, or of one of its words ("Jolia" and
    # "Roman" for "Joe Lieberman", "Ken" for "Quenneville"), and, for a long one-word name (a URL,
    # read aloud), words written inside it ("bright", "water.org" for "brightwater.org/join").
    # Everyday words sound like the start of too many names to anchor them.
    starts, ends = index.key_anchors(phrase.joined_key)
    by_sound = ((starts | ends) - skip) - set().union(*near)
    near[0] |= starts & by_sound
    near[-1] |= ends & by_sound
    # A word that only sounds like the start of one word of the name anchors a window only next
    # to a word like another of the name's ("Marisol Ken a veal"): alone it is far too common.
    escorted: dict[str, frozenset[str]] = {}
    if n > 1:
        for number, key in enumerate(phrase.keys):
            if len(key) < MIN_ANCHORED_WORD_KEY:
                continue
            others = frozenset().union(*(near[j] for j in range(n) if j != number))
            for word in index.key_anchors(key)[0] - skip - near[number]:
                escorted[word] = others
                near[number].add(word)
    # A long word of the name heard as several words ("Leora more hall" for Larimore-Hall), where
    # no single word is near it in spelling or sound: the run's first word anchors it there only.
    only_at: dict[tuple[int, str], np.ndarray] = {}
    for number, key in enumerate(phrase.keys):
        if len(key) >= MIN_ANCHORED_WORD_KEY:
            for word, places in index.said_in_pieces(key, skip).items():
                if word not in near[number]:
                    near[number].add(word)
                    only_at[number, word] = _positions(places)
    url_like = "/" in phrase.text or "." in phrase.text.strip(".")
    if n == 1 and url_like and len(phrase.norms[0]) >= MIN_INSIDE_NAME:
        near[0] |= index.words_inside(phrase.norms[0]) - skip
    # A web address read aloud takes words for its punctuation too ("dot", "slash").
    letters = sum(map(len, phrase.norms))
    extra = extra_words(phrase.norms, url_like, phrase.text)
    own_words = set(phrase.norms)
    # Windows are gathered first, each distinct run of words once, then judged together (see
    # _judge_all). Windows seen are keyed by ints and strings, never tuples: this loop runs on
    # the scan's worker thread, and every surviving container feeds the cyclic GC, whose full
    # collections hold the GIL (freeze the window) for tens of ms.
    seen: set[int] = set()
    windows: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}   # words joined -> (norms, keys)
    found_words: list[str] = []    # each window found: its words joined, and where it is
    found_spots: list[int] = []    # ((segment << SHIFT | first word) << 16) | length
    segments = index.segments
    layout = index.layout()
    escort_counts: dict[frozenset[str], np.ndarray] = {}    # running counts of each set of escorts
    spelling = _SpellingBound(letter_counts("".join(phrase.norms)), letters, len(phrase.spaced),
                              *_least_ratios(phrase, threshold))
    for word_number, similar in enumerate(near):
        every, narrow, split, narrow_split, split_whole, narrow_split_whole = \
            _shapes(n, letters, url_like, extra)[word_number]
        for norm in similar:
            # An everyday word may still be part of a split name ("Tide water"), nothing more; and
            # only a piece of a word (well short of it) starts the wide windows of a name in pieces,
            # or a word of the name as written, no everyday word: the rest of the name may be in
            # pieces too short to anchor it ("Rajesh Sue bra man yam" for Rajesh Subramanyam).
            # An address's words may all be followed by its rest in letters ("coffee.com/r B W").
            piece = url_like or len(norm) < 0.8 * len(phrase.norms[word_number]) \
                or (n > 1 and norm == phrase.norms[word_number] and norm not in skip)
            if norm in skip and norm not in own_words:
                anchor_shapes = split if piece else narrow_split
            elif norm in by_sound:
                # Sounds like the start or end of the whole name: the name heard at other word
                # boundaries, so a window of its length or longer, never shorter.
                anchor_shapes = split_whole if piece else narrow_split_whole
            else:
                anchor_shapes = every if piece else narrow
            positions = only_at.get((word_number, norm))
            if positions is None:
                positions = index.position_array(norm)
            if not anchor_shapes.shapes or not len(positions):
                continue
            escort = escorted.get(norm)
            escort_before = None
            if escort is not None:
                escort_before = escort_counts.get(escort)
                if escort_before is None:
                    escort_before = escort_counts[escort] = _running_count(index, escort)
            rows, columns = _likely_windows(layout, positions, anchor_shapes, escort_before, n,
                                            None if url_like else spelling)
            for position, column in zip(positions[rows].tolist(), columns.tolist(), strict=True):
                k, offset = anchor_shapes.shapes[column]
                s, t = position >> SHIFT, position & _LOW
                tokens = segments[s]
                first = t + offset
                if first >= 0 and first + k <= len(tokens.norms):
                    spot = ((position + offset) << 16) | k
                    if spot in seen:
                        continue
                    seen.add(spot)
                    if tokens.any_blocked and any(tokens.blocked[first:first + k]):
                        continue
                    words = tokens.norms[first:first + k]
                    joined = " ".join(words)
                    if joined not in windows:
                        windows[joined] = (words, tokens.keys[first:first + k])
                else:
                    across = index.window_across(s, first, k)
                    if across is None:
                        continue
                    where, words, keys = across
                    spot = (((where[0] << SHIFT) | where[1]) << 16) | k
                    if spot in seen:
                        continue
                    seen.add(spot)
                    joined = " ".join(words)
                    if joined not in windows:
                        windows[joined] = (words, keys)
                found_words.append(joined)
                found_spots.append(spot)
    judged = _judge_all(phrase, windows, threshold, letters, own_words, url_like)
    results: list[Candidate] = []
    for joined, spot in zip(found_words, found_spots, strict=True):
        packed = judged.get(joined, 0)
        if packed >> 2 >= threshold:
            results.append(candidate_at(index, spot >> (16 + SHIFT), (spot >> 16) & _LOW, spot & 0xFFFF,
                                      (packed >> 2, _HOWS[packed & 3]), details))
    return results


def _positions(packed: list[int]) -> np.ndarray:
    import numpy as np

    return np.array(packed, np.int64)


class _SpellingBound(NamedTuple):
    """What a window's letters must allow for its spelling likeness to be worth judging (see
    :func:`_likely_windows`)."""

    counts: np.ndarray       # the phrase's letters (name_index.letter_counts)
    letters: int             # its letter count without spaces
    spaced_length: int       # its length with spaces
    least_same: int          # least ratio worth judging, windows of the phrase's length (_least_ratios)
    least_split: int         # the same, other lengths


def _likely_windows(layout: TokenLayout, positions: np.ndarray, shapes: _Shapes, escort_before: np.ndarray | None,
                    n: int, spelling: _SpellingBound | None) -> tuple[np.ndarray, np.ndarray]:
    """(row in *positions*, column in *shapes*) of the windows around the occurrences *positions*
    of an anchor word that may be the name, occurrence by occurrence, shape by shape.

    Every window of every shape at once, with numpy over the episode's words laid end to end:
    those with far more or fewer letters than the name, and those whose letters in common with
    it cannot give the spelling likeness worth judging (*spelling*; rapidfuzz's ratio is twice
    the longest common subsequence over both lengths) are dropped before any is cut out: most
    of them. With *escort_before* (running counts of the words escorting a sound anchor), only
    occurrences with one of those within n + 1 words in the same turn.
    """
    import numpy as np

    word_starts, letters_before, counts_before = layout
    total_words = len(letters_before) - 1
    anchors = word_starts[positions >> SHIFT] + (positions & _LOW)     # among all words
    firsts = anchors[:, None] + shapes.offsets
    lasts = firsts + shapes.lengths
    sizes = letters_before[np.clip(lasts, 0, total_words)] - letters_before[np.clip(firsts, 0, total_words)]
    keep = (firsts >= 0) & (lasts <= total_words) & (sizes >= shapes.fewest) & (sizes <= shapes.most)
    if escort_before is not None:
        turn = positions >> SHIFT
        lo = np.maximum(word_starts[turn], anchors - n - 1)
        hi = np.minimum(word_starts[turn + 1], anchors + n + 2)
        keep &= (escort_before[hi] > escort_before[lo])[:, None]
    rows, columns = keep.nonzero()
    if spelling is None or not len(rows):
        return rows, columns
    lo, hi = firsts[rows, columns], lasts[rows, columns]
    common = np.minimum(counts_before[hi] - counts_before[lo], spelling.counts).sum(axis=1, dtype=np.int64)
    size = sizes[rows, columns]
    same = shapes.lengths[columns] == n       # compared with spaces, n - 1 of them
    common += np.where(same, n - 1, 0)
    both = np.where(same, spelling.spaced_length + size + n - 1, spelling.letters + size)
    least = np.where(same, spelling.least_same, spelling.least_split) - 1.5     # as _judge_all, and a half to spare
    possible = 200 * common >= least * both
    return rows[possible], columns[possible]


def _running_count(index: NameIndex, words: Iterable[str]) -> np.ndarray:
    """How many occurrences of *words* come before each word of the episode (see
    :class:`~editor.core.name_index.TokenLayout`), one more entry than words."""
    import numpy as np

    starts = index.layout().starts
    found = np.zeros(int(starts[-1]) + 1, np.int64)
    for word in words:
        positions = index.position_array(word)
        found[starts[positions >> SHIFT] + (positions & _LOW) + 1] = 1
    return np.cumsum(found)


def extra_words(norms: Sequence[str], url_like: bool, text: str = "") -> int:
    """How many words more than the phrase (normalised *norms*; *text* as written) a window of it may hold.

    A web address read aloud says a word for each of its marks ("dot", "slash") besides the words
    and letters its parts are heard as: a window may hold a word more for each."""
    if url_like:
        return MAX_EXTRA_WORDS + 2 + sum(text.count(mark) for mark in _ADDRESS_MARKS)
    longest = max(map(len, norms), default=0)
    return max(MAX_EXTRA_WORDS, min(MAX_PIECE_WORDS, longest // PIECE_LETTERS))


@lru_cache(maxsize=512)
def _shapes(n: int, letters: int, url_like: bool, extra: int) -> list[tuple[_Shapes, ...]]:
    """For each word of a phrase of *n* words and *letters* letters, the shapes of windows around
    it (up to *extra* words more than the phrase): every one, the narrow ones (at most a word more),
    the split ones (more words), the narrow split ones, and the last two with the phrase's own shape added."""
    shapes = [(k, shift, *_letter_bounds(k, n, letters, url_like))
              for k, shift in window_shapes(n, extra)]
    narrow_shapes = [shape for shape in shapes if shape[0] <= n + 1]
    split_shapes = [shape for shape in shapes if shape[0] > n]
    narrow_split_shapes = [shape for shape in split_shapes if shape[0] == n + 1]
    whole = [shape for shape in shapes if shape[:2] == (n, 0)] if n > 1 else []
    return [tuple(_Shapes.holding(chosen, word_number)
                  for chosen in (shapes, narrow_shapes, split_shapes, narrow_split_shapes,
                                 split_shapes + whole, narrow_split_shapes + whole))
            for word_number in range(n)]


class _Shapes(NamedTuple):
    """Window shapes around one word of the phrase: (length, first word's offset from that word)
    and, as numpy rows, the same with the fewest and most letters a window of each may hold."""

    shapes: list[tuple[int, int]]
    lengths: np.ndarray
    offsets: np.ndarray
    fewest: np.ndarray
    most: np.ndarray

    @classmethod
    def holding(cls, shapes: list[tuple[int, int, float, float]], word_number: int) -> _Shapes:
        """The *shapes* (length, shift, fewest, most) whose windows hold word *word_number*."""
        import numpy as np

        held = [(k, shift - word_number, fewest, most) for k, shift, fewest, most in shapes
                if shift <= word_number < k + shift]
        columns = list(zip(*held, strict=True)) or [(), (), (), ()]
        return cls([(k, offset) for k, offset, _, _ in held], np.array(columns[0], np.int64),
                   np.array(columns[1], np.int64), np.array(columns[2], float), np.array(columns[3], float))


def _least_ratios(phrase: Phrase, threshold: int) -> tuple[int, int]:
    """The least rapidfuzz ratio a window of the phrase's length, and one of another length, must
    have to score *threshold* or to pass the spelling floor (where sound may lift it): a window
    under both scores its spelling. Other lengths compare without spaces, 5 points lower."""
    key_length = len(phrase.joined_key)
    return (min(threshold, spelling_floor(key_length, False)),
            min(threshold, spelling_floor(key_length, True)) + 5)


def _judge_all(phrase: Phrase, windows: dict[str, tuple[tuple[str, ...], tuple[str, ...]]], threshold: int,
               letters: int, own_words: set[str], url_like: bool) -> dict[str, int]:
    """:func:`_judge` of the windows that may reach *threshold* (packed scores by words joined).

    Most windows are far from the name in spelling, and a window under the spelling floor
    scores its spelling (sound does not count): one batched rapidfuzz comparison (in C) sets
    those aside before the full judgement. A web address read aloud is compared without the
    words said for its punctuation, so its windows are all judged in full.
    """
    if url_like:
        return {joined: _judge(phrase, words, keys, len(words), letters, own_words, url_like)
                for joined, (words, keys) in windows.items()}
    n = len(phrase.norms)
    judged: dict[str, int] = {}
    same = [joined for joined, (words, _) in windows.items() if len(words) == n]
    split = [joined for joined, (words, _) in windows.items() if len(words) != n]
    least_same, least_split = _least_ratios(phrase, threshold)
    # (windows, the phrase as compared, the windows as compared, least ratio worth judging)
    batches = ((same, phrase.spaced, same, least_same),
               (split, "".join(phrase.norms), [joined.replace(" ", "") for joined in split], least_split))
    for chosen, query, compared, least in batches:
        if not chosen:
            continue
        ratios = process.cdist([query], compared, scorer=fuzz.ratio)[0]
        for i in (ratios >= least - 1).nonzero()[0]:     # a point to spare for float rounding
            joined = chosen[i]
            words, keys = windows[joined]
            judged[joined] = _judge(phrase, words, keys, len(words), letters, own_words, url_like)
    return judged


_HOWS = ("exact", "spelling", "sound")


def _letter_bounds(k: int, n: int, letters: int, url_like: bool) -> tuple[float, float]:
    """Fewest and most letters a window of *k* words may hold for a phrase of *n* words and
    *letters* letters (the test :func:`_judge` makes). A web address read aloud may hold words
    for its punctuation, which count no letters: only the lower bound is known beforehand."""
    fewest, most = 0.5 * letters - 1, 1.5 * letters + 2
    if k > n + 1:
        fewest, most = max(fewest, 0.7 * letters), min(most, 1.3 * letters + 2)
    return fewest, float("inf") if url_like else most


def _judge(phrase: Phrase, words: tuple[str, ...], keys: tuple[str, ...], k: int, letters: int,
           own_words: set[str], url_like: bool) -> int:
    """A window's score packed with how (``score << 2 | how``); 0 for windows that cannot be the name."""
    n = len(phrase.norms)
    if url_like and not SPOKEN_PUNCTUATION.isdisjoint(words):
        said = [i for i, w in enumerate(words) if w not in SPOKEN_PUNCTUATION]
        words, keys = tuple(words[i] for i in said), tuple(keys[i] for i in said)
        if not words:
            return 0
    size = sum(map(len, words))
    if not 0.5 * letters - 1 <= size <= 1.5 * letters + 2 or \
            k > n + 1 and not 0.7 * letters <= size <= 1.3 * letters + 2:
        return 0        # far longer or shorter; wide windows only for names spelt out in pieces
    if k < n and own_words.issuperset(words):
        return 0        # a partial mention ("Lieberman" of "Joe Lieberman") is no error
    if k > n and f" {phrase.spaced} " in f" {' '.join(words)} ":
        return 0        # the phrase itself plus a word: the phrase's own window is the match
    score, how = score_window(phrase, tuple(words), tuple(keys))
    return score << 2 | _HOWS.index(how)
