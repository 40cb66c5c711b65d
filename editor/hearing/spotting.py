"""Glossary names heard inside suspect passages, however far the text is from them.

For each suspect (and the suspect widened by a word or two on either side, since recognizers split a
name into the words around it), the glossary names of a plausible length are decoded as
alternatives over the same audio as the text (:func:`editor.hearing.verdict.best_of`); the best
name is proposed when it fits clearly better than what the transcript says.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from editor.align.aligner import Aligner
from editor.align.text import spoken_words
from editor.hearing.verdict import TimedToken, best_of, compare, cut, region_of

SPOT_MARGIN = 0.5        # per-frame log score a name must gain over the text
SPOT_FIT = -2.6          # ...and fit the audio about as well as a right word does
SPOT_BELOW_TURN = 1.5    # (or as well as this much below the turn's typical word, for a voice heard less well)
SPOT_COVERAGE = 0.6      # ...taking most of the passage's time (not leaving it to silence)
WIDER_GAIN = 0.3         # margin a window one word wider must add to be preferred
FRAMES_PER_PHONE = (4, 30)  # a passage this many frames per phone of the name could say it


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


def _phones(name: str, aligner: Aligner) -> int:
    words = [w for token in name.split() for w in spoken_words(token)]
    usable, _ = aligner.prepare(words)
    return sum(len((aligner.lookup(w) or "").split()) for w, ok in zip(words, usable, strict=True) if ok)


def fit_bar(turn_typical: float) -> float:
    """The fit a name must reach in a turn whose typical word fits *turn_typical*."""
    return min(SPOT_FIT, turn_typical - SPOT_BELOW_TURN)


def spot_names(text: str, tokens: list[TimedToken], spans: Iterable[tuple[int, int]], names: list[str],
               audio: np.ndarray, audio_start_ms: int, aligner: Aligner,
               turn_typical: float = 0.0) -> list[Spotted]:
    """Names heard in the passages *spans* (char ranges of *text*) of one segment's audio.

    *turn_typical*: the fit of the turn's typical word (see :func:`fit_bar`).
    """
    bar = fit_bar(turn_typical)
    found: list[Spotted] = []
    if not names:
        return found
    phones = {name: _phones(name, aligner) for name in names}
    for first, last in _token_spans(tokens, spans):
        words = [text[t.char_start:t.char_end].strip(".,;:!?") for t in tokens[first:last + 1]]
        if all(len(w) <= 3 and w.islower() for w in words):
            continue      # "her", "for an": short words heard badly, seldom a name (acronyms are capitals)
        best: Spotted | None = None
        best_lo = best_hi = 0
        # Recognizers split a name into the words around it: widen by a word, one side at a time,
        # and by two only when no narrower window holds a name (it costs three decodings each).
        narrow = {(max(0, first - a), min(len(tokens) - 1, last + b)) for a, b in ((0, 0), (1, 0), (0, 1))}
        wide = {(max(0, first - 2), last), (first, min(len(tokens) - 1, last + 2))} - narrow
        windows = sorted(narrow, key=lambda w: w[1] - w[0]) + [None] + sorted(wide)
        for window in windows:
            if window is None:
                if best is not None:
                    break
                continue
            lo, hi = window
            where = region_of(text, tokens, tokens[lo].char_start, tokens[hi].char_end)
            if where is None or where.original.casefold() in {n.casefold() for n in names}:
                continue
            frames = where.passage_ms // 10
            fitting = [n for n in names if phones[n] and
                       FRAMES_PER_PHONE[0] * phones[n] <= frames <= FRAMES_PER_PHONE[1] * phones[n]]
            if not fitting:
                continue
            samples = cut(audio, audio_start_ms, where)
            # One grammar pass picks the name the audio fits best, the text itself competing:
            # where the text wins, no name can beat it by SPOT_MARGIN and the window costs one
            # decoding; else only the winner is compared with the text (three decodings per
            # window, whatever the glossary's size).
            best_name = (best_of(samples, where, fitting + [where.original], aligner)
                         or best_of(samples, where, fitting, aligner))
            if best_name is None or best_name[0] == where.original or best_name[1].fit < bar - 1.0:
                continue      # the text, or no name, fits this stretch of audio: spare the comparison
            name = best_name[0]
            verdict = compare(samples, where, name, aligner)
            good = (verdict.margin >= SPOT_MARGIN and verdict.fit >= bar
                    and verdict.coverage >= SPOT_COVERAGE)
            # A wider window must earn its extra words (else "the ANH" -> "NEH" eats "the").
            wider = best is not None and (hi - lo) > (best_hi - best_lo)
            if good and (best is None or verdict.margin > best.margin + (WIDER_GAIN if wider else 0)):
                best_lo, best_hi = lo, hi
                best = Spotted(tokens[lo].char_start, tokens[hi].char_end, where.original, name, verdict.margin)
        if best is not None:
            found.append(_take_echoes(text, tokens, best))
    return found


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
