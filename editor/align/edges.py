"""Word starts moved onto the sound: the aligner's frames put some starts in the pause before.

PocketSphinx places a word boundary on its 10 ms frames, and the noise floor the aligner
adds (see ``AlignOptions.noise_ratio``) sounds like the start of a fricative, so a word
after a pause ("for", "so", "that") now and then begins tens or hundreds of milliseconds
early, in what is silence in the real audio. A word cannot start before its sound does: a
start whose first milliseconds are as quiet as the turn's pauses moves forward to the
first sample loud enough to be speech (keeping at least the word's last MIN_WORD_MS).
Starts already on sound are left alone (the onset is never moved earlier: a quiet
consonant before the loud part belongs to the word).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

HOP_MS = 5
# Sound this far above the turn's quietest stretches (its pauses) counts as speech, unless
# that is lower than this far below its loudest (digital silence has no level to be above).
ABOVE_PAUSES_DB = 8.0
BELOW_PEAK_DB = 50.0
MIN_WORD_MS = 40


def onsets(audio: np.ndarray, rate: int, spans_ms: Sequence[tuple[int, int] | None]) -> list[tuple[int, int] | None]:
    """*spans_ms* (start, end relative to the audio's first sample; None: not timed) with
    each start moved onto the first sound at or after it, up to MIN_WORD_MS before its end."""
    samples = np.asarray(audio, dtype=np.float64)
    hop = rate * HOP_MS // 1000
    count = len(samples) // hop
    if count < 4:
        return list(spans_ms)
    power = np.mean(samples[:count * hop].reshape(count, hop) ** 2, axis=1)
    level = 10 * np.log10(power + 1.0)           # dB over one unit of int16 squared: 0 for digital silence
    threshold = max(float(np.percentile(level, 5)) + ABOVE_PAUSES_DB, float(level.max()) - BELOW_PEAK_DB)
    amplitude = 10 ** (threshold / 20)
    moved: list[tuple[int, int] | None] = []
    for span in spans_ms:
        if span is None:
            moved.append(span)
            continue
        start, end = span
        first = max(0, start // HOP_MS)
        limit = min(count, (end - MIN_WORD_MS) // HOP_MS)
        if first >= limit or level[first] >= threshold:
            moved.append(span)
            continue
        loud = np.flatnonzero(level[first:limit] >= threshold)
        if not len(loud):
            moved.append(span)
            continue
        hop_at = first + int(loud[0])
        window = np.abs(samples[hop_at * hop:(hop_at + 1) * hop])
        sample = hop_at * hop + int(np.argmax(window >= amplitude)) if (window >= amplitude).any() else hop_at * hop
        moved.append((max(start, sample * 1000 // rate), end))
    return moved
