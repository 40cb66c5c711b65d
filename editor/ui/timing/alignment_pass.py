"""The whole-episode alignment as its own process runs it: planned there, then aligned.

Planning (every turn's spoken words, and its neighbours' edge words) is Python work proportional
to the episode: seconds for a long one. On a thread of the window's process it took turns with
the GUI thread for the GIL all that time, so a pass over many turns is planned in the pass's own
low-priority process (:mod:`editor.ui.episode_pass`), from the turns as they were when it started.

Qt-free and light to import: that process imports this module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.align.batch import AlignResult
    from editor.core.transcript import Segment


def plan_and_align(audio_path: str, segments: Sequence[Segment], duration_ms: int | None, rows: list[int] | None,
                   redo: bool, *, workers: int, progress: Callable[[int, int], None],
                   cancelled: Callable[[], bool]) -> Iterator[AlignResult]:
    """What :func:`editor.align.batch.align_transcript` finds for the turns *rows* (None: all) that need it."""
    from editor.align.batch import align_transcript, plan_jobs
    jobs = plan_jobs(segments, duration_ms, rows, redo)
    if not jobs or cancelled():
        return
    progress(0, len(jobs))
    yield from align_transcript(audio_path, jobs, workers=workers, progress=progress, cancelled=cancelled)
