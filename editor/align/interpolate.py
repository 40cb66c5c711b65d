"""Proportional word times: the fallback when a word (or a whole segment) cannot be aligned.

Unknown spans are shared out by character count between the nearest known times, so a
click on an unaligned word still lands near it and times never go backwards.
"""

from __future__ import annotations

Span = tuple[int, int]


def interpolate(texts: list[str], known: list[Span | None], start_ms: int, end_ms: int) -> list[Span]:
    """Fill the ``None`` entries of *known* (one per text) inside [start_ms, end_ms].

    Known spans are kept as they are; each run of unknown words gets the gap between
    its neighbours (or the segment edges), split by the words' lengths.
    """
    end_ms = max(end_ms, start_ms)
    result: list[Span | None] = list(known)
    i = 0
    while i < len(texts):
        if result[i] is not None:
            i += 1
            continue
        j = i
        while j < len(texts) and result[j] is None:
            j += 1
        # Neighbours of the run: known by construction, or the segment's edges.
        before = result[i - 1] if i > 0 else None
        after = result[j] if j < len(texts) else None
        lo = before[1] if before is not None else start_ms
        hi = after[0] if after is not None else end_ms
        hi = max(hi, lo)
        weights = [max(1, len(t)) for t in texts[i:j]]
        total = sum(weights)
        position = float(lo)
        for k, weight in zip(range(i, j), weights, strict=False):
            nxt = position + (hi - lo) * weight / total
            result[k] = (round(position), round(nxt))
            position = nxt
        i = j
    return [span for span in result if span is not None]
