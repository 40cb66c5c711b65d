"""The whole-episode listening pass as its own process runs it: planned there, then heard.

Planning the pass (every turn's spoken words, the span of audio to hear it over) is Python work
proportional to the episode: seconds for a long one. On a thread of the window's process it
took turns with the GUI thread for the GIL all that time, so the whole pass is planned in the
pass's own low-priority process (:mod:`editor.ui.episode_pass`), from the turns as they were
when it started.

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
    yield from hear_transcript(audio_path, jobs, workers=workers, progress=progress, cancelled=cancelled)
