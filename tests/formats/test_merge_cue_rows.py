"""Cues kept as rows until they are merged make the turns that cues made into segments first make."""

from __future__ import annotations

import random

import pytest

from editor.core import MarkKind
from editor.core.transcript import Mark, Segment
from editor.formats.turns import LONG_TURN_MS, MAX_TURN_MS, merge_cue_rows, merge_cues

_TEXTS = ["Hello there.", "and so on", "Really?", "[inaudible] then", "it ends!", "(laughs)", "ok"]


def _rows(rng: random.Random) -> list:
    rows, start = [], rng.randint(0, 5000)
    for _ in range(rng.randint(1, 40)):
        text = rng.choice(_TEXTS)
        marks = [Mark(MarkKind.INAUDIBLE, 0, 11, start)] if text.startswith("[inaudible]") else []
        end = start + rng.randint(0, 6000)
        rows.append((rng.choice([None, None, "spk1", "spk2"]), start, end, text, marks))
        # now and then a long gap, an overlap, or a turn run past the long and longest turn limits
        start = end + rng.choice([0, 100, 1500, -200, LONG_TURN_MS // 3, MAX_TURN_MS // 2])
        start = max(start, rows[-1][1])
    return rows


def _as_segments(rows) -> list[Segment]:
    return [Segment(f"s{n}", start, end, text, speaker, marks=list(marks))
            for n, (speaker, start, end, text, marks) in enumerate(rows, 1)]


@pytest.mark.parametrize("seed", range(4))
def test_rows_merge_into_the_turns_of_segments(seed):
    rng = random.Random(seed)
    for _ in range(100):
        rows = _rows(rng)
        turns, expected = merge_cue_rows(rows), merge_cues(_as_segments(rows))
        assert [repr(t) for t in turns] == [repr(t) for t in expected]   # words made from the same recipe
        assert [t.word_timing for t in turns] == [t.word_timing for t in expected]
