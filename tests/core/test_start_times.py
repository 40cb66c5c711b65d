"""StartTimes: the playing-turn index, built in slices and kept true through edits."""

from __future__ import annotations

import random
from bisect import bisect_right

from editor.core.timeline import StartTimes, segment_starts
from editor.core.transcript import Segment, Transcript


def _transcript(starts) -> Transcript:
    return Transcript(segments=[Segment(f"s{i}", start, None, f"turn {i}") for i, start in enumerate(starts)])


def _expected(transcript: Transcript, ms: int) -> int:
    return bisect_right(segment_starts(transcript.segments), ms) - 1


def _probes(transcript: Transcript) -> list[int]:
    times = {s.start_ms for s in transcript.segments if s.start_ms is not None}
    return sorted({-1, 0, *times, *(t - 1 for t in times), *(t + 1 for t in times), 10**9})


def test_look_ups_agree_with_a_full_rebuild_at_every_stage_of_building():
    transcript = _transcript([0, 900, None, 2_000, 2_000, None, None, 5_500, 7_000, None, 12_000])
    index = StartTimes(transcript)
    for _ in range(len(transcript.segments) + 1):
        for ms in _probes(transcript):
            assert index.index_at(ms) == _expected(transcript, ms), ms
        index.extend(2)
    assert index.complete


def test_an_untimed_document_answers_without_walking_it_per_look_up():
    transcript = _transcript([None] * 500)
    index = StartTimes(transcript)
    assert index.index_at(-5) == -1
    assert index.index_at(0) == 499     # every untimed turn "starts" at 0, as segment_starts has it
    assert index.complete               # built once instead of walking back from every probe


def test_edits_rewrite_only_what_they_move_and_stay_true():
    rng = random.Random(7)
    transcript = _transcript(sorted(rng.randrange(0, 100_000) for _ in range(300)))
    index = StartTimes(transcript)
    index.extend(150)                   # half built: edits land on both sides of the frontier
    for step in range(200):
        segments = transcript.segments
        row = rng.randrange(len(segments))
        kind = rng.choice(("retime", "untime", "split", "merge"))
        if kind == "retime":   # kept between the neighbours' starts, as ops.set_start keeps it
            low = max([0, *(s.start_ms for s in segments[:row] if s.start_ms is not None)])
            high = min([100_000, *(s.start_ms for s in segments[row + 1:] if s.start_ms is not None)])
            segments[row].start_ms = rng.randint(low, high)
            index.retimed(row, row)
        elif kind == "untime":
            segments[row].start_ms = None
            index.retimed(row, row)
        elif kind == "split":
            segments.insert(row + 1, Segment(f"n{step}", segments[row].start_ms, None, "new"))
            index.rows_moved(row + 1)
        elif len(segments) > 2 and row + 1 < len(segments):
            del segments[row + 1]
            index.rows_moved(row + 1)
        if step % 3 == 0:
            index.extend(40)
        for ms in rng.sample(_probes(transcript), 20):
            assert index.index_at(ms) == _expected(transcript, ms), (step, kind, ms)


def test_a_built_index_follows_starts_out_of_order_exactly():
    transcript = _transcript([0, 1_000, 2_000, 3_000, 4_000, 5_000])
    index = StartTimes(transcript)
    index.extend(100)
    transcript.segments[1].start_ms = 4_500      # later than the turns after it: they inherit it
    index.retimed(1, 1)
    for ms in _probes(transcript):
        assert index.index_at(ms) == _expected(transcript, ms), ms
    transcript.segments[1].start_ms = 1_000      # and back
    index.retimed(1, 1)
    assert index.index_at(2_500) == 2 and index.index_at(4_200) == 4


def test_runs_of_rows_retimed_at_once_agree_with_a_full_rebuild():
    """Shift Times retimes every turn from one on in one call (untimed turns among them, some shifted
    to 0:00), the index half built or whole."""
    rng = random.Random(11)
    for built in (40, 1_000):
        starts = sorted(rng.randrange(0, 50_000) for _ in range(200))
        transcript = _transcript([rng.choice([None, start]) for start in starts])
        index = StartTimes(transcript)
        index.extend(built)
        for _ in range(30):
            segments = transcript.segments
            first = rng.randrange(len(segments))
            floor = max([0, *(s.start_ms for s in segments[:first] if s.start_ms is not None)])
            head = next((s.start_ms for s in segments[first:] if s.start_ms is not None), floor)
            delta = rng.randrange(floor - head - (first == 0) * 5_000, 20_000)   # never before the turn before
            for segment in segments[first:]:
                if segment.start_ms is not None:
                    segment.start_ms = max(0, segment.start_ms + delta)
            index.retimed(first, len(segments) - 1)
            assert index._starts == segment_starts(segments)[:len(index._starts)], (built, first)
            for ms in rng.sample(_probes(transcript), 20):
                assert index.index_at(ms) == _expected(transcript, ms), (built, first, ms)
