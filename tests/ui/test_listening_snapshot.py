"""The listening pass's snapshot of the turns, and the turns made again from it off the GUI thread."""

from __future__ import annotations

import pytest

from editor.core.transcript import Mark, MarkKind, Segment, Word, WordTiming
from editor.hearing.listen import plan
from editor.ui.hearing.listening_pass import snapshot, snapshot_around, thawed


def _turns(count: int) -> list[Segment]:
    turns = []
    for i in range(count):
        start = i * 2000
        # every third turn untimed at its end: planning looks on to the next turn's start
        turns.append(Segment(f"t{i}", start, None if i % 3 == 1 else start + 1800, f"turn {i} has four words",
                             words=[Word(w, start + 400 * k, start + 400 * k + 300) for k, w in
                                    enumerate(f"turn {i} has four words".split())],
                             marks=[Mark(MarkKind.UNCLEAR, 0, 4)] if i % 5 == 0 else [],
                             word_timing=WordTiming.ALIGNED))
    return turns


class _ReadTurns(list):
    """A snapshot that notes which turns were read one by one."""

    def __init__(self, turns):
        super().__init__(turns)
        self.read: set[int] = set()

    def __getitem__(self, at):
        if isinstance(at, int):
            self.read.add(at)
        return super().__getitem__(at)

    def __iter__(self):
        for at in range(len(self)):
            yield self[at]


def test_the_thawed_turns_read_as_the_turns_did():
    turns = _turns(12)
    again = thawed(snapshot(turns))
    assert len(again) == len(turns)
    fields = ("id", "start_ms", "end_ms", "text", "words", "marks", "word_timing")
    for made, turn in zip(again, turns, strict=True):
        assert all(getattr(made, name) == getattr(turn, name) for name in fields)
        assert made is not turn
    assert again[-1].id == "t11" and again[4] is again[4]       # made once
    assert [s.id for s in again[10:]] == ["t10", "t11"]
    with pytest.raises(IndexError):
        again[12]


def test_planning_a_few_turns_again_makes_only_the_turns_it_reads():
    turns = _turns(3000)
    taken = _ReadTurns(snapshot(turns))
    jobs = plan(thawed(taken), 3000 * 2000, (), [7, 2500])
    assert jobs == plan(turns, 3000 * 2000, (), [7, 2500])
    assert [job.index for job in jobs] == [7, 2500]
    assert taken.read <= {6, 7, 8, 2499, 2500, 2501}


def test_a_few_turns_checked_again_are_planned_from_a_snapshot_of_them_and_their_neighbours():
    turns = _turns(3000)
    for turn in turns[2501:2504] + turns[-2:]:       # untimed turns: planning looks on to the next timed one
        turn.start_ms = turn.end_ms = None
    for rows in ([7, 2500], [0], [2997], [2999]):
        taken = snapshot_around(turns, rows)
        assert len(taken) == len(turns)
        assert plan(thawed(taken), 3000 * 2000, ("Zbigniew",), rows) == plan(turns, 3000 * 2000, ("Zbigniew",), rows)
    taken = snapshot_around(turns, [7, 2500])
    whole = snapshot(turns)
    assert taken[2504] == whole[2504] and taken[-3000 + 6] == whole[6] == taken[6]
    assert [turn[0] for turn in taken[2499:2505]] == [f"t{i}" for i in range(2499, 2505)]
    with pytest.raises(LookupError):
        taken[1000]      # far from both: never read, never taken


def test_a_turn_checked_again_is_planned_as_it_reads_now():
    turns = _turns(12)
    turns[5].text = "turn 5 was edited"
    (job,) = plan(thawed(snapshot_around(turns, [5])), 12 * 2000, (), [5])
    assert job.index == 5 and job.segment_id == "t5" and job.text == "turn 5 was edited"
