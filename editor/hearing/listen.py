"""The audio checks of a whole transcript, segment by segment on the alignment workers.

:func:`hear_transcript` plans one job per timed segment, lets :func:`editor.align.batch.align_transcript`
decode the audio once and hand each segment's audio to a worker process, where :func:`hear_segment`
aligns the text again to score every word (:mod:`~editor.hearing.fit`), turns the scores, the
recognizer's confidence and spelling into suspects (:mod:`~editor.hearing.suspects`) and looks
for glossary names inside them (:mod:`~editor.hearing.spotting`). Results come back in
completion order; one whose segment text changed meanwhile is stale (compare ``text``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from editor.align.aligner import Aligner
from editor.align.batch import AlignJob, align_transcript, plan_jobs
from editor.core.transcript import Segment
from editor.hearing.fit import HEARING_OPTIONS, fit_tokens
from editor.hearing.spotting import Spotted, spot_names
from editor.hearing.suspects import Suspect, WordDoubt, runs, word_doubts
from editor.hearing.verdict import TimedToken


@dataclass
class HearJob(AlignJob):
    names: tuple[str, ...] = ()                  # glossary names to listen for inside suspects
    confidences: list[float | None] | None = None  # the recognizer's, per token, when known


@dataclass
class Heard:
    index: int
    segment_id: str
    text: str                                   # the text that was checked
    doubts: list[WordDoubt] = field(default_factory=list)
    suspects: list[Suspect] = field(default_factory=list)
    spotted: list[Spotted] = field(default_factory=list)
    aligned: bool = True                        # False: the text could not be fitted to the audio


_speller = None


def _is_known(names: Sequence[str]) -> Callable[[str], bool]:
    """The dictionary (and the glossary's words) of this process, loaded once."""
    global _speller
    from editor.core.spelling import Speller

    if _speller is None:
        _speller = Speller()
    _speller.set_glossary_names(names)
    return _speller.is_known


def hear_segment(job: HearJob, aligner: Aligner) -> Heard:
    """Suspects and names heard in one segment (runs in a worker process)."""
    heard = Heard(job.index, job.segment_id, job.text)
    fitted = fit_tokens(job.audio, job.tokens, aligner, job.audio_start_ms)
    if fitted is None:
        heard.aligned = False
        return heard
    heard.doubts = word_doubts(job.text, fitted.tokens, job.confidences, _is_known(job.names))
    heard.suspects = runs(job.text, heard.doubts, job.index, job.segment_id)
    if job.names and heard.suspects:
        timed = [TimedToken(f.char_start, f.char_end, f.start_ms, f.end_ms) for f in fitted.tokens]
        heard.spotted = spot_names(job.text, timed, [(s.char_start, s.char_end) for s in heard.suspects],
                                   list(job.names), job.audio, job.audio_start_ms, aligner)
        for spotted in heard.spotted:
            for suspect in heard.suspects:
                if suspect.char_start < spotted.char_end and spotted.char_start < suspect.char_end:
                    suspect.evidence = list(dict.fromkeys(suspect.evidence + ["name"]))
    return heard


def plan(segments: Sequence[Segment], duration_ms: int | None = None, names: Sequence[str] = (),
         indices: Sequence[int] | None = None) -> list[HearJob]:
    """One job per timed segment (all, or *indices*)."""
    jobs = []
    for job in plan_jobs(segments, duration_ms, indices, redo=True):
        words = segments[job.index].words
        confidences = ([w.confidence for w in words] if len(words) == len(job.tokens)
                       and any(w.confidence is not None for w in words) else None)
        jobs.append(HearJob(job.index, job.segment_id, job.text, job.tokens, job.start_ms, job.end_ms,
                            names=tuple(names), confidences=confidences))
    return jobs


def hear_transcript(audio_path: str | os.PathLike, jobs: list[HearJob], *, workers: int = 2,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> Iterator[Heard]:
    """:func:`hear_segment` for every job against *audio_path*, in completion order."""
    yield from align_transcript(audio_path, jobs, workers=workers, progress=progress,  # type: ignore[misc]
                                cancelled=cancelled, task=hear_segment, options=HEARING_OPTIONS)
