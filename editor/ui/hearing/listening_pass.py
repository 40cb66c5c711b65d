"""The whole-episode listening pass as its own process runs it: planned there, then heard.

Planning the pass (every turn's spoken words, its neighbours' edge words, the span of audio to
hear it over) is Python work proportional to the episode. On a thread of the window's process
it took turns with the GUI thread for the GIL right as listening started (a 70 ms stall on a
62-turn episode), so the whole pass is planned in the
pass's own low-priority process (:mod:`editor.ui.episode_pass`), from the turns as they were
when it started.

What the GUI thread does is take :func:`snapshot` of the turns: the fields listening reads of each
turn as one tuple, read in C (ops assign new values instead of changing them, so the tuples stay
what the turns were while the producer edits on; ~0.4 ms for 2,400 turns, ~3.5 ms for 12,000 on
a loaded machine). A worker thread pickles those a few at a time (:mod:`editor.core.pickled`: a
turn's words as they are), and the pass's process makes turns of them again (:func:`thawed`).
A few edited turns checked again are planned on the worker thread, from a snapshot of only them
and the neighbours planning reads (:func:`snapshot_around`), with the window's count of the
episode's words (:mod:`~editor.ui.hearing.episode_vocabulary`), which the whole pass sends first.
Each turn's result comes back without the per-word scores the window does not show.

Qt-free and light to import: that process imports this module.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, overload

from editor.core.transcript import Mark, Segment, Word, WordTiming

if TYPE_CHECKING:
    from editor.hearing.episode_words import EpisodeWords
    from editor.hearing.listen import Heard

# What planning and hearing a turn read of it (editor.hearing.listen.plan, editor.align.text):
# half of a turn's fields, which halves the snapshot's time. ``stored_words``: a caption file's
# recipe for its words stays one (made in the pass's process, when needed).
_LISTENED = operator.attrgetter("id", "start_ms", "end_ms", "text", "stored_words", "marks", "word_timing")

Turn = tuple[str, int | None, int | None, str, list[Word], list[Mark], WordTiming]   # see snapshot


def snapshot(segments: Sequence[Segment]) -> list[Turn]:
    """The turns as listening reads them, now, for another thread: one C call a turn, no words copied."""
    return list(map(_LISTENED, segments))


def snapshot_around(segments: Sequence[Segment], rows: Sequence[int]) -> Sequence[Turn]:
    """:func:`snapshot` of only the turns planning *rows* again reads: each row, the turn before it
    (where its words end, its edge words) and those after it up to the next timed one (edge words,
    where its span ends). As long as *segments*; reading a turn left out is a LookupError. Checking
    one edited turn again took a snapshot of all 12,000 turns of a long episode (5–16 ms on the GUI
    thread at every pause in typing)."""
    taken: dict[int, Turn] = {}
    count = len(segments)
    for row in rows:
        if not 0 <= row < count:
            continue
        after = row + 1
        while after < count and segments[after].start_ms is None:
            after += 1
        for at in range(max(0, row - 1), min(count, after + 1)):
            if at not in taken:
                taken[at] = _LISTENED(segments[at])
    return _TurnsAround(taken, count)


class _TurnsAround(Sequence[Turn]):
    """Some of a sequence's turns, at their places in it (see :func:`snapshot_around`)."""

    def __init__(self, taken: dict[int, Turn], count: int):
        self._taken, self._count = taken, count

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, at: int) -> Turn: ...

    @overload
    def __getitem__(self, at: slice) -> Sequence[Turn]: ...

    def __getitem__(self, at: int | slice) -> Turn | Sequence[Turn]:
        places = range(self._count)
        if isinstance(at, slice):
            kept = places[at]
            return _TurnsAround({kept.index(k): turn for k, turn in self._taken.items() if k in kept}, len(kept))
        at = places[at]      # a negative index counted from the end; IndexError past it
        if at not in self._taken:
            raise LookupError(f"turn {at} is not in this snapshot")
        return self._taken[at]


def thawed(turns: Sequence[Turn]) -> Sequence[Segment]:
    """Turns of their own again, from a :func:`snapshot` (run off the GUI thread), each made when
    first read: planning a few edited turns again reads them and their neighbours, and making
    all 12,000 turns of a long episode for that took ~20 ms of the GIL at every pause in typing."""
    return _Thawed(turns)


class _Thawed(Sequence[Segment]):
    def __init__(self, turns: Sequence[Turn]):
        self._turns = turns
        self._made: dict[int, Segment] = {}

    def __len__(self) -> int:
        return len(self._turns)

    @overload
    def __getitem__(self, at: int) -> Segment: ...

    @overload
    def __getitem__(self, at: slice) -> Sequence[Segment]: ...

    def __getitem__(self, at: int | slice) -> Segment | Sequence[Segment]:
        if isinstance(at, slice):
            return _Thawed(self._turns[at])
        at = range(len(self._turns))[at]       # a negative index counted from the end; IndexError past it
        made = self._made.get(at)
        if made is None:
            id_, start, end, text, words, marks, timing = self._turns[at]
            made = self._made[at] = Segment(id_, start, end, text, words=words, marks=marks, word_timing=timing)
        return made


def more_timed_than(turns: Sequence[Turn], count: int) -> bool:
    """Whether more than *count* of *turns* have a start time (looks no further than that)."""
    timed = 0
    for turn in turns:
        timed += turn[1] is not None
        if timed > count:
            return True
    return False


def episode_words(turns: Sequence[Turn], notes: str, names: Sequence[str]) -> EpisodeWords:
    """How often the episode of *turns* (with the page's *notes* and the glossary's *names*) uses each word."""
    from editor.hearing.episode_words import EpisodeWords
    return EpisodeWords((turn[3] for turn in turns), notes, names)


def texts_by_id(turns: Sequence[Turn]) -> dict[str, str]:
    """Each turn's text by its id: what :func:`episode_words` counted of it, taken away again when it is edited."""
    return {turn[0]: turn[3] for turn in turns}


def plan_and_hear(audio_path: str, turns: Sequence[Turn], duration_ms: int | None, names: Sequence[str],
                  *, workers: int, progress: Callable[[int, int], None],
                  cancelled: Callable[[], bool], names_only: bool = False,
                  notes: str = "") -> Iterator[EpisodeWords | Heard]:
    """First how often the episode uses each word (:func:`episode_words`, which the window keeps up
    to date to check edited turns again with), then what :func:`editor.hearing.listen.hear_transcript`
    finds for every timed turn of *turns* (*names_only*: the glossary's names only, see
    :attr:`~editor.hearing.listen.HearJob.names_only`; *notes*: the page text kept with the transcript)."""
    from editor.hearing.listen import hear_transcript, plan
    from editor.hearing.voice import pairs_judged_at_the_end
    vocabulary = episode_words(turns, notes, names)
    yield vocabulary
    jobs = plan(thawed(turns), duration_ms, names, names_only=names_only, vocabulary=vocabulary)
    if not jobs or cancelled():
        return
    progress(0, len(jobs))
    # The whole episode is heard here: the voice's picture of it judges the pairs of poor fits.
    for heard in pairs_judged_at_the_end(hear_transcript(audio_path, jobs, workers=workers, progress=progress,
                                                         cancelled=cancelled)):
        # Each word's scores (a dataclass a word) are what the suspects were made from; the
        # window keeps only the suspects and the names heard.
        heard.doubts = []
        yield heard
