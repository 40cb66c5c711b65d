"""Glossary names heard inside suspect passages, however far the text is from them.

For each suspect (and the suspect widened by a word or two on either side, since recognizers split a
name into the words around it), the glossary names of a plausible length are decoded as
alternatives over the same audio as the text (:func:`editor.hearing.verdict.best_of`); the best
name is proposed when it fits clearly better than what the transcript says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz.distance import Levenshtein

from editor.align.aligner import Aligner
from editor.align.text import spoken_words
from editor.core.british import american
from editor.hearing.context import context_model
from editor.hearing.sayings import phone_sayings
from editor.hearing.sound_match import PhoneSpeller, vowels_half
from editor.hearing.verdict import (
    MARGIN,
    SOUNDS_ALIKE,
    UNSURE,
    Region,
    TimedToken,
    Verdict,
    compare,
    cut,
    other_letters,
    region_of,
    said_alike,
)
from editor.hearing.verdict import _words as grammar_words

# The name the grammar chose over the text (every name and the text decoded as alternatives of the
# same audio) needs only the margin of an "agrees" verdict over its own window, with the fit and
# coverage below: the choice itself is evidence. (In the control episodes, audio saying the text,
# no chosen name reached it; a split name heard in a voice heard less well wins by about 0.4.)
SPOT_MARGIN = MARGIN
SPOT_FIT = -2.6          # ...and fit the audio about as well as a right word does
SPOT_BELOW_TURN = 1.5    # (or as well as this much below the turn's typical word, for a voice heard less well)
SPOT_COVERAGE = 0.6      # ...taking most of the passage's time (not leaving it to silence)
FRAMES_PER_PHONE = (4, 30)  # a passage this many frames per phone of the name could say it
# Probability of a name taking a short word at its window's edge ("the BSA" for "EPA"): the audio
# must clearly prefer it, since applying it would drop the word (a split name's "a nook" still
# goes to "Anouk": its sound is the name's).
SWALLOW = 0.1
# A name far from the passage in sound (this share of its phones to change or more: "boiled" for
# Marlowe) makes the text fit badly wherever it is really said: the audio must then prefer it
# clearly. (Names heard where the text is that far, "NCA" for RSPB, "BSA" for EPA, won by 2 or
# more; a poorly heard word's audio gives some name of the glossary a margin near SPOT_MARGIN.)
FAR_SOUND = 0.6
FAR_MARGIN = 1.0
# A window this far in sound from a name (share of its phones to change, one vowel for another
# counting half) is not what a recognizer wrote for it: the name is not listened for there. (The
# farthest right names of the evaluation episodes, garbled acronyms, "NCA" for RSPB and "BSA" for
# EPA, are about 0.6 away; a glossary's other names mostly 0.75 or more.) Names left out of the
# search cost nothing to decode.
PLAUSIBLE_SOUND = 0.7
# A passage of one word (short words aside) that its sentence expects ("report on Monday", "the
# bakery sells out": the language model's three trigrams holding it EXPECTED_WINDOW likely or more,
# in log10) is seldom a name the recognizer misheard, while a voice says such a word oddly now and
# then and some name of the glossary fits it better by about 1 ("sells" heard as ACLU: 1.0 and 1.1
# in two voices). The audio must prefer the name by EXPECTED_MARGIN there. (The one-word passages
# of the evaluation episodes that were names, "Kestrel", "essay" for DSA, "ANH", are no words their
# sentences expect: -11 and less.)
EXPECTED_WINDOW = -9.0
EXPECTED_MARGIN = 2.0
NEIGHBOUR_WINDOWS = 2     # other windows of a chosen name judged when its own clearly loses
_NOT_ALIGNED = Verdict(UNSURE, 0.0)   # compare's answer when neither text fits the window's audio


@dataclass(frozen=True)
class Spotted:
    """``text[char_start:char_end]`` (``found``) is probably *name* in the audio."""

    char_start: int
    char_end: int
    found: str
    name: str
    margin: float
    how: str = "audio"       # "audio": heard inside a suspect; "sound": the text sounds like the name
    agrees: bool = True      # the audio's verdict was "agrees" (else: could not tell)
    sure: bool = True        # may be ticked when the audio agrees (False: offered only, a name for a name)


def _phones(name: str, aligner: Aligner) -> int:
    words = [w for token in name.split() for w in spoken_words(token)]
    usable, _ = aligner.prepare(words)
    return sum(len((aligner.lookup(w) or "").split()) for w, ok in zip(words, usable, strict=True) if ok)


def fit_bar(turn_typical: float) -> float:
    """The fit a name must reach in a turn whose typical word fits *turn_typical*."""
    return min(SPOT_FIT, turn_typical - SPOT_BELOW_TURN)


def spot_names(text: str, tokens: list[TimedToken], spans: Iterable[tuple[int, int]], names: list[str],
               audio: np.ndarray, audio_start_ms: int, aligner: Aligner,
               turn_typical: float = 0.0, chooser: Aligner | None = None,
               phones: PhoneSpeller | None = None) -> list[Spotted]:
    """Names heard in the passages *spans* (char ranges of *text*) of one segment's audio.

    *turn_typical*: the fit of the turn's typical word (see :func:`fit_bar`). *chooser*: the
    aligner that picks among the names (a lighter search will do: only its path is used);
    *aligner* compares the winner with the text. *phones*: *aligner*'s phone strings (made
    here when not given; a caller hearing many turns keeps one).
    """
    chooser = chooser or aligner
    bar = fit_bar(turn_typical)
    found: list[Spotted] = []
    if not names:
        return found
    phone_counts = {name: _phones(name, aligner) for name in names}
    phones = phones or PhoneSpeller(aligner)
    for first, last in _token_spans(tokens, spans):
        if _short_words(text, tokens[first:last + 1]):
            continue
        # Recognizers split a name into the words around it: the name may take the passage's
        # place widened by a word or two on either side. Every (window, name) and the text
        # itself are alternatives of one grammar over the widest window's audio, so a passage
        # costs one decoding, and two more to compare the winner with the text.
        # The passage may also hold a word of the text on its edge ("the NCA" for "RSPB").
        # Every start with every end: the grammar then puts the name's edges where its sound
        # is, and a word of the passage it does not say stays the text's ("with [DACA, Leora
        # more hall] about" for Daraka Larimore). Only the windows near a name in sound are
        # its paths, and the audio decoded is the widest of those.
        starts = {max(0, first + a) for a in (-2, -1, 0, 1) if first + a <= last}
        ends = {min(len(tokens) - 1, last + b) for b in (-1, 0, 1, 2) if last + b >= first}
        windows = sorted({(a, b) for a in starts for b in ends if a <= b}, key=lambda w: (w[1] - w[0], w))
        near = _near_in_sound(text, tokens, windows, names, phones)
        paths: list[tuple[int, int, str]] = []
        for w_lo, w_hi in windows:
            where = region_of(text, tokens, tokens[w_lo].char_start, tokens[w_hi].char_end)
            if where is None or where.original.casefold() in {n.casefold() for n in names} \
                    or _short_words(text, tokens[w_lo:w_hi + 1]):
                continue
            frames = where.passage_ms // 10
            paths += [(w_lo, w_hi, name) for name in near.get((w_lo, w_hi), ())
                      if FRAMES_PER_PHONE[0] * phone_counts[name] <= frames <= FRAMES_PER_PHONE[1] * phone_counts[name]
                      and phone_counts[name]]
        if not paths:
            continue
        lo, hi = min(w_lo for w_lo, _, _ in paths), max(w_hi for _, w_hi, _ in paths)
        widest = region_of(text, tokens, tokens[lo].char_start, tokens[hi].char_end)
        if widest is None:
            continue
        chosen = _heard_choice(text, tokens, lo, hi, widest, paths, cut(audio, audio_start_ms, widest), chooser)
        if chosen is None:
            continue      # the text fits this stretch of audio best (or nothing does)
        won_lo, won_hi, name = chosen
        # The winner is compared with the text over its own window: the audio of a wider one
        # holds words the name does not replace. When neither text can be aligned there at all
        # (a window too short for them) a wider window of the name answers for it; when the
        # name loses there, the search may have put its edge a word off ("nook della cross"
        # for "a nook della cross"): up to NEIGHBOUR_WINDOWS others are each judged over their own.
        others = sorted({(a, b) for a, b, other in paths if other == name and (a, b) != (won_lo, won_hi)},
                        key=lambda w: (w[1] - w[0], w))
        best = None
        # A winner edged by a short word ("from [the ANH]" for NEH) is first judged without it:
        # when the name is heard there too, the word is the text's, not the name's.
        trimmed = _without_short_edges(text, tokens, won_lo, won_hi, name)
        if trimmed != (won_lo, won_hi) and trimmed in others:
            where = region_of(text, tokens, tokens[trimmed[0]].char_start, tokens[trimmed[1]].char_end)
            if where is not None:
                verdict = compare(cut(audio, audio_start_ms, where), where, name, aligner,
                                  usable_from=(bar, SPOT_COVERAGE))
                best = _judged(text, where, verdict, tokens[trimmed[0]].char_start, tokens[trimmed[1]].char_end,
                               name, bar, aligner)
        lost = 0
        judged = [] if best is not None else [(won_lo, won_hi)] + others
        for k, (w_lo, w_hi) in enumerate(judged):
            where = region_of(text, tokens, tokens[w_lo].char_start, tokens[w_hi].char_end)
            if where is None:      # (none is: every window of paths had its region above)
                continue
            # A verdict too weak for _judged still decides, by its margin, whether the first
            # window's neighbours are judged; past that its original need not be aligned.
            steers = not lost and k + 1 < len(judged)
            verdict = compare(cut(audio, audio_start_ms, where), where, name, aligner,
                              usable_from=None if steers else (bar, SPOT_COVERAGE))
            if lost:
                won_lo, won_hi = w_lo, w_hi
            best = _judged(text, where, verdict, tokens[won_lo].char_start, tokens[won_hi].char_end, name, bar, aligner)
            if best is not None or (verdict != _NOT_ALIGNED and not lost and verdict.margin > -2 * MARGIN):
                break
            if verdict != _NOT_ALIGNED:
                lost += 1
                if lost > NEIGHBOUR_WINDOWS:
                    break
        if best is not None:
            found.append(_take_echoes(text, tokens, best))
    return found


def _judged(text: str, where: Region, verdict: Verdict, start: int, end: int, name: str, bar: float,
            aligner: Aligner) -> Spotted | None:
    """*name* spotted over ``text[start:end]`` (*where*) when its *verdict* there is clear enough, else None."""
    if verdict.fit < bar or verdict.coverage < SPOT_COVERAGE:
        return None
    needed = FAR_MARGIN if _far_in_sound(where.original, name, aligner) else SPOT_MARGIN
    if verdict.margin >= needed and _expected(text, start, end):
        needed = EXPECTED_MARGIN
    if verdict.margin >= needed:
        # (an acronym a letter off, "CDC" for CBC, is offered: its letters' sounds are too near
        # for a margin to choose)
        return Spotted(start, end, text[start:end], name, verdict.margin,
                       agrees=not other_letters(where.original, name))
    if verdict.label == SOUNDS_ALIKE or (verdict != _NOT_ALIGNED and abs(verdict.margin) < MARGIN
                                         and said_alike(where.original, name, aligner)):
        # Chosen over the text, and said like it: which fits its own window better is down to
        # how the voice said a vowel. Offered, as a sound-alike is.
        return Spotted(start, end, text[start:end], name, verdict.margin, "sound", agrees=False)
    return None


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _expected(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds one word of four letters or more (and short words) that
    its sentence expects (see EXPECTED_WINDOW); a British spelling is weighed as its American one."""
    spans = [(m.start(), m.end(), american(m.group().casefold())) for m in _WORD.finditer(text)]
    inside = [k for k, (lo, hi, word) in enumerate(spans) if start < hi and lo < end and len(word) > 3]
    if len(inside) != 1:
        return False
    words = [word for _, _, word in spans]
    return context_model().window(words, inside[0], words[inside[0]]) >= EXPECTED_WINDOW


def _near_in_sound(text: str, tokens: list[TimedToken], windows: list[tuple[int, int]], names: list[str],
                   phones: PhoneSpeller) -> dict[tuple[int, int], list[str]]:
    """The *names* each window is less than PLAUSIBLE_SOUND from in sound (windows near none left out)."""
    sayings = {name: [(code, phones.vowel_blind(code)) for code in phones.of_name(name) if code] for name in names}
    near: dict[tuple[int, int], list[str]] = {}
    for w_lo, w_hi in windows:
        code = phones.of_text(text[tokens[w_lo].char_start:tokens[w_hi].char_end])
        if not code:
            continue
        blind = phones.vowel_blind(code)
        # (Phone strings whose lengths differ by PLAUSIBLE_SOUND of the longer are that far apart
        # at least, each edit distance being the difference or more: not compared.)
        heard_as = [name for name in names if any(
            abs(len(code) - len(saying)) / max(len(code), len(saying)) < PLAUSIBLE_SOUND
            and vowels_half(code, saying, blind, saying_blind) < PLAUSIBLE_SOUND
            for saying, saying_blind in sayings[name])]
        if heard_as:
            near[w_lo, w_hi] = heard_as
    return near


def _heard_choice(text: str, tokens: list[TimedToken], lo: int, hi: int, widest: Region,
                  paths: list[tuple[int, int, str]], audio: np.ndarray,
                  aligner: Aligner) -> tuple[int, int, str] | None:
    """The (window, name) of *paths* the audio of *widest* (tokens *lo*..*hi* in context) says,
    or None when it says the text (or nothing fits).

    One grammar holds them all, built so the text is said once: the text's words as a chain,
    a second chain for the text after a name, and every name once, entered from each token a
    window of it starts at and leaving to the second chain after each token one ends at. So the
    search carries one copy of the text and one of each name, not one of both per window and
    name (as :func:`~editor.hearing.verdict.best_of` would). (A start and an end of two
    different windows make a path too; one that says no window of *paths* is no answer.)
    """
    before, after = grammar_words(widest.before), grammar_words(widest.after)
    said = {i: grammar_words(_token(text, tokens[i])) for i in range(lo, hi + 1)}
    names = list(dict.fromkeys(name for _, _, name in paths))
    name_words = {name: grammar_words(name) for name in names}
    every = before + after + [w for words in [*said.values(), *name_words.values()] for w in words]
    usable, _ = aligner.prepare(every)
    if not all(usable):
        return None
    transitions: list[tuple] = []
    states = 1

    def chain(source: int, words: list[str], target: int | None = None, probability: float = 1.0) -> int:
        """Transitions saying *words* from *source* (to *target*, else to a new state), the
        first with *probability*."""
        nonlocal states
        at = source
        for i, word in enumerate(words):
            following = target if target is not None and i == len(words) - 1 else states
            if following == states:
                states += 1
            transitions.append((at, following, probability if i == 0 else 1.0, word))
            at = following
        if not words and target is not None:
            transitions.append((source, target, 1.0))
            return target
        return at

    text_at = {lo: chain(0, before)}                 # before token i, no name said yet
    for i in range(lo, hi + 1):
        text_at[i + 1] = chain(text_at[i], said[i])
    after_name = {i: states + k for k, i in enumerate(range(lo + 1, hi + 2))}   # before token i, a name said
    states += len(after_name)
    for i in range(lo + 1, hi + 1):
        chain(after_name[i], said[i], after_name[i + 1])
    join = states
    states += 1
    transitions += [(text_at[hi + 1], join, 1.0), (after_name[hi + 1], join, 1.0)]
    end = chain(join, after)
    starts: dict[str, set[int]] = {}
    ends: dict[str, set[int]] = {}
    for w_lo, w_hi, name in paths:
        starts.setdefault(name, set()).add(w_lo)
        ends.setdefault(name, set()).add(w_hi)
    for name in names:
        entry = states
        states += 1
        transitions += [(text_at[w_lo], entry, SWALLOW if _swallows(text, tokens[w_lo], name, first=True) else 1.0)
                        for w_lo in sorted(starts[name])]
        said_name = chain(entry, name_words[name])
        transitions += [(said_name, after_name[w_hi + 1], SWALLOW if _swallows(text, tokens[w_hi], name) else 1.0)
                        for w_hi in sorted(ends[name])]
    heard = aligner.decode_graph(audio, transitions, end)
    if heard is None or len(heard) < len(before) + len(after):
        return None
    middle = tuple(heard[len(before):len(heard) - len(after)])
    for w_lo, w_hi, name in paths:
        words = [w for i in range(lo, w_lo) for w in said[i]] + name_words[name] \
            + [w for i in range(w_hi + 1, hi + 1) for w in said[i]]
        if tuple(words) == middle:
            return w_lo, w_hi, name
    return None


def _far_in_sound(original: str, name: str, aligner: Aligner) -> bool:
    """Whether *original*, as the dictionary says it, is FAR_SOUND or more from every saying of *name*."""
    said = phone_sayings(aligner, original)[:1]
    if not said or not said[0]:
        return False
    return all(Levenshtein.normalized_distance(said[0], saying) >= FAR_SOUND
               for saying in phone_sayings(aligner, name) if saying)


def _swallows(text: str, token: TimedToken, name: str, first: bool = False) -> bool:
    """Whether a window edged by *token* makes the name take a short word ("the", "at") that is
    not its own first (or last) word: applying it would drop that word from the text."""
    word = _token(text, token).strip(".,;:!?")
    words = name.casefold().split()
    letters = word.replace("'", "").replace("’", "")   # a contraction ("I'm", "it's") is as short a word
    return (len(letters) <= 3 and letters.isalpha() and not (len(word) > 1 and word.isupper())   # not an acronym
            and word.casefold() != (words[0] if first else words[-1]))


def _without_short_edges(text: str, tokens: list[TimedToken], lo: int, hi: int, name: str) -> tuple[int, int]:
    """The window *lo*..*hi* without the short words on its edges that :func:`_swallows` names."""
    while lo < hi and _swallows(text, tokens[lo], name, first=True):
        lo += 1
    while hi > lo and _swallows(text, tokens[hi], name):
        hi -= 1
    return lo, hi


def _short_words(text: str, tokens: list[TimedToken]) -> bool:
    """Only words like "her", "for an", "the": heard badly, seldom a name (acronyms are capitals);
    the first of a turn often takes the end of the turn before, which any long name fits."""
    words = [text[t.char_start:t.char_end].strip(".,;:!?") for t in tokens]
    return all(len(w) <= 3 and not (len(w) > 1 and w.isupper()) for w in words)


def _token(text: str, token: TimedToken) -> str:
    return text[token.char_start:token.char_end]


def _token_spans(tokens: list[TimedToken], spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The first and last token of each span, spans one word apart joined: the badly fitting
    pieces of one split name ("a nook [della] cross") are listened to as one passage."""
    joined: list[tuple[int, int]] = []
    for char_start, char_end in sorted(spans):
        inside = [i for i, t in enumerate(tokens) if t.char_start < char_end and char_start < t.char_end]
        if not inside:
            continue
        if joined and inside[0] - joined[-1][1] <= 2:
            joined[-1] = (joined[-1][0], max(joined[-1][1], inside[-1]))
        else:
            joined.append((inside[0], inside[-1]))
    return joined


def _take_echoes(text: str, tokens: list[TimedToken], spotted: Spotted) -> Spotted:
    """Widen the passage over a neighbouring word the name repeats ("our" + "religion" -> "Our
    Revolution"), so applying the name does not leave that word doubled."""
    words = spotted.name.casefold().split()
    inside = [i for i, t in enumerate(tokens) if spotted.char_start <= t.char_start and t.char_end <= spotted.char_end]
    if not inside or not words:
        return spotted
    lo, hi = inside[0], inside[-1]

    def bare(i: int) -> str:
        return text[tokens[i].char_start:tokens[i].char_end].strip(".,;:!?").casefold()

    if lo > 0 and bare(lo - 1) == words[0] and bare(lo) != words[0]:
        lo -= 1
    if hi + 1 < len(tokens) and bare(hi + 1) == words[-1] and bare(hi) != words[-1]:
        hi += 1
    start, end = tokens[lo].char_start, tokens[hi].char_end
    return Spotted(start, end, text[start:end], spotted.name, spotted.margin, spotted.how, spotted.agrees)
