"""How well the audio supports each word of a segment: the acoustic fit of a forced alignment.

PocketSphinx scores every frame's senones relative to the best senone of that frame, so the
acoustic score of an aligned word, divided by its frames, is a goodness of pronunciation: 0
when every frame sounds exactly like the phones the text claims, strongly negative where the
audio says something else. Silences the aligner had to put between words are kept too: speech
the text does not account for ends up in them, scoring badly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from editor.align.aligner import FRAME_CENTRE_MS, FRAME_MS, RATE, AlignedPiece, Aligner, AlignOptions
from editor.align.text import Token

# Only silence may come between words: with PocketSphinx's noise fillers ([SPEECH], [NOISE])
# an alignment soaks up speech the text lacks at little cost, and a wrong text fits as well
# as the right one.
HEARING_OPTIONS = AlignOptions(extra={"fdict": str(Path(__file__).with_name("silence_only.dict"))})


def hearing_aligner() -> Aligner:
    return Aligner(HEARING_OPTIONS)


@dataclass(frozen=True)
class TokenFit:
    """The fit of one whitespace token of a segment's text (the model's Word convention)."""

    token: int              # index among the segment's whitespace tokens
    char_start: int
    char_end: int
    start_ms: int | None    # None: nothing spoken for it (a tag, a mark)
    end_ms: int | None
    frames: int
    fit: float              # mean log acoustic score per frame (0 = perfect; about -1 typical)
    gap_fit: float          # per-frame score of the silence right after it (0 when none)

    @property
    def spoken(self) -> bool:
        return self.frames > 0


@dataclass(frozen=True)
class SegmentFit:
    tokens: list[TokenFit]
    pieces: list[AlignedPiece]   # the alignment itself, frames relative to the audio's start


def fit_tokens(audio_16k: np.ndarray, tokens: list[Token], aligner: Aligner,
               audio_start_ms: int) -> SegmentFit | None:
    """Align *tokens* to *audio_16k* (whose first sample is at *audio_start_ms*) and score each.

    None when the text cannot be aligned to the audio at all (too long for it, or no audio).
    """
    flat = [(i, w) for i, t in enumerate(tokens) for w in t.spoken]
    usable, _ = aligner.prepare([w for _, w in flat])
    flat = [item for item, ok in zip(flat, usable, strict=True) if ok]
    if not flat:
        return None
    pieces = aligner.decode(audio_16k, [w for _, w in flat])
    if pieces is None:
        return None
    scores: dict[int, float] = {}         # token -> its log score
    frames_of: dict[int, list[int]] = {}  # token -> [frames, first frame, last frame]
    gaps: dict[int, float] = {}
    words = iter(index for index, _ in flat)
    last_token = None
    for piece in pieces:
        if piece.word is None:
            if last_token is not None and piece.frames > 0:
                gaps[last_token] = min(gaps.get(last_token, 0.0), piece.log_score / piece.frames)
            continue
        index = next(words)
        scores[index] = scores.get(index, 0.0) + piece.log_score
        entry = frames_of.setdefault(index, [0, piece.start_frame, piece.end_frame])
        entry[0] += piece.frames
        entry[2] = piece.end_frame
        last_token = index
    fits = []
    for i, token in enumerate(tokens):
        end = token.char_start + len(token.text)
        if i not in scores:
            fits.append(TokenFit(i, token.char_start, end, None, None, 0, 0.0, 0.0))
            continue
        frames, first, last = frames_of[i]
        fits.append(TokenFit(i, token.char_start, end,
                             audio_start_ms + first * FRAME_MS + FRAME_CENTRE_MS,
                             audio_start_ms + (last + 1) * FRAME_MS + FRAME_CENTRE_MS,
                             frames, scores[i] / max(1, frames), gaps.get(i, 0.0)))
    return SegmentFit(fits, pieces)


@dataclass(frozen=True)
class Neighbourhood:
    """A token with its spoken neighbours, as a second look at it is decoded: the audio they take
    (a slice of the turn's samples) and their words, fixed around the token's."""

    lo: int                 # first sample of the slice
    hi: int                 # end of the slice (exclusive)
    before: list[str]       # the spoken words of the neighbour before (none for the first)
    after: list[str]        # those of the neighbour after (none for the last)


def neighbourhood(tokens: list[Token], i: int, fitted: SegmentFit, samples: int, audio_start_ms: int,
                  edge_ms: int) -> Neighbourhood | None:
    """Spoken token *i* between its spoken neighbours in *fitted*, the audio widened by *edge_ms*
    on each side (None where a neighbour's time is unknown)."""
    fits = fitted.tokens
    spoken = [k for k, f in enumerate(fits) if f.spoken]
    at = spoken.index(i)
    first, last = spoken[max(0, at - 1)], spoken[min(len(spoken) - 1, at + 1)]
    start_ms, end_ms = fits[first].start_ms, fits[last].end_ms
    if start_ms is None or end_ms is None:
        return None
    lo = max(0, (start_ms - edge_ms - audio_start_ms) * RATE // 1000)
    hi = min(samples, (end_ms + edge_ms - audio_start_ms) * RATE // 1000)
    before = [w for k in range(first, i) for w in tokens[k].spoken]
    after = [w for k in range(i + 1, last + 1) for w in tokens[k].spoken]
    return Neighbourhood(lo, hi, before, after)
