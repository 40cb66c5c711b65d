"""The whole-episode listening pass as its own process runs it: planned there, then heard.

Planning the pass (every turn's spoken words, its neighbours' edge words, the span of audio to
hear it over) is Python work proportional to the episode. On a thread of the window's process
it took turns with the GUI thread for the GIL right as listening started (a 70 ms stall on a
62-turn episode), so the whole pass is planned in the
pass's own low-priority process (:mod:`editor.ui.episode_pass`), from the turns as they were
when it started. The window's process only pickles the turns (a few at a time, their words as
they are: :mod:`editor.core.pickled`) and unpickles each turn's result, which is sent back
without the per-word scores the window does not show.

Qt-free and light to import: that process imports this module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.core.transcript import Segment
    from editor.hearing.listen import Heard


def plan_and_hear(audio_path: str, segments: Sequence[Segment], duration_ms: int | None, names: Sequence[str],
                  *, workers: int, progress: Callable[[int, int], None],
                  cancelled: Callable[[], bool]) -> Iterator[Heard]:
    """What :func:`editor.hearing.listen.hear_transcript` finds for every timed turn of *segments*."""
    from editor.hearing.listen import hear_transcript, plan
    jobs = plan(segments, duration_ms, names)
    if not jobs or cancelled():
        return
    progress(0, len(jobs))
    for heard in hear_transcript(audio_path, jobs, workers=workers, progress=progress, cancelled=cancelled):
        # Each word's scores (a dataclass a word) are what the suspects were made from; the
        # window keeps only the suspects and the names heard.
        heard.doubts = []
        yield heard
