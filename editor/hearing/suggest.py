"""Everything the app can suggest about an episode: the glossary scan checked against the audio,
glossary names heard where the text says something else, and suspect passages.

Used by ``transcript-editor suggest`` (and meant for the window's background pass). With no
audio only the text scan runs. A suggestion the audio rejects is kept (the producer may know
better) but never ticked.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

from editor.align.aligner import RATE
from editor.align.aligner_pool import AlignerPool
from editor.align.batch import align_transcript, apply_alignment, plan_jobs
from editor.audio.decode import iter_decode
from editor.core.glossary import TICK_SCORE, Glossary, Suggestion, scan
from editor.core.transcript import Transcript
from editor.hearing.fit import hearing_aligner
from editor.hearing.glossary_doubt import with_glossary
from editor.hearing.listen import hear_transcript, plan
from editor.hearing.sayings import teach
from editor.hearing.spotting import Spotted
from editor.hearing.suspects import Suspect, WordDoubt, by_doubt
from editor.hearing.verdict import (
    AGREES,
    MARGIN,
    PREFERS_ORIGINAL,
    SOUNDS_ALIKE,
    UNSURE,
    Region,
    Verdict,
    compare,
    region,
)
from editor.hearing.voice import VoicePicture, voice_explained

TICK_AT = TICK_SCORE    # a suggestion this sure (and not rejected by the audio) is ticked
AUDIO_BONUS = 10        # score added when the audio agrees, taken twice when it prefers the original
_HOW_EVIDENCE = {"known": "known", "exact": "spelling", "case": "case", "spelling": "spelling",
                 "sound": "sound"}


@dataclass
class Suggested:
    segment: int
    segment_start_ms: int | None
    char_start: int
    char_end: int
    found: str
    replacement: str
    score: int
    evidence: list[str] = field(default_factory=list)
    audio: str | None = None          # the audio's verdict (verdict.AGREES, ...), None: not checked
    ticked: bool = False

    @classmethod
    def from_scan(cls, found: Suggestion, segment_start_ms: int | None) -> Suggested:
        """The scan's suggestion *found*, not heard yet."""
        return cls(found.index, segment_start_ms, found.start, found.end, found.found, found.replacement,
                   found.score, list(found.evidence) or [_HOW_EVIDENCE.get(found.how, found.how)])

    @classmethod
    def from_spot(cls, spot: Spotted, segment: int, segment_start_ms: int | None) -> Suggested:
        """A glossary name the audio heard in turn *segment* where the text says *spot.found*."""
        score = _spot_score(spot)
        evidence = ([spot.how] if spot.how != "audio" else []) + (["audio"] if spot.agrees else [])
        return cls(segment, segment_start_ms, spot.char_start, spot.char_end, spot.found, spot.name, score,
                   evidence, AGREES if spot.agrees else UNSURE,
                   spot.agrees and spot.sure and score >= TICK_AT and not _one_plain_word(spot.found))

    def hear(self, verdict: Verdict) -> None:
        """Take the audio's *verdict* on it: its label, and the score, tick and evidence it leaves."""
        self.audio = verdict.label
        self.score, self.ticked, extra = judge(self.score, verdict, known="known" in self.evidence,
                                               case="case" in self.evidence)
        self.evidence = list(dict.fromkeys(self.evidence + extra))

    def as_dict(self) -> dict:
        return {"segment": self.segment, "segment_start_ms": self.segment_start_ms,
                "char_start": self.char_start, "char_end": self.char_end, "found": self.found,
                "replacement": self.replacement, "score": self.score, "evidence": list(self.evidence),
                "audio": self.audio, "ticked": self.ticked}


@dataclass
class Report:
    suggestions: list[Suggested]
    suspects: list[Suspect]
    aligned: int = 0                  # segments given word times first
    unaligned: int = 0                # segments whose text could not be fitted to the audio

    def as_dict(self, transcript: Transcript) -> dict:
        starts = [s.start_ms for s in transcript.segments]
        return {"suggestions": [s.as_dict() for s in self.suggestions],
                "suspects": [s.as_dict(starts[s.segment]) for s in self.suspects]}


def align_missing(transcript: Transcript, audio_path: str | os.PathLike, *, workers: int = 2,
                  progress: Callable[[int, int], None] | None = None,
                  cancelled: Callable[[], bool] | None = None, pool: AlignerPool | None = None) -> int:
    """Give word times to the segments that lack them (on *pool*'s workers when given); returns how
    many were aligned."""
    jobs = plan_jobs(transcript.segments, transcript.end_ms)
    done = 0
    for result in align_transcript(audio_path, jobs, workers=workers, progress=progress, cancelled=cancelled,
                                   pool=pool):
        done += apply_alignment(transcript.segments[result.index], result)
    return done


def region_audio(audio_path: str | os.PathLike, regions: list[Region],
                 cancelled: Callable[[], bool] | None = None) -> list[np.ndarray]:
    """The samples of every region, decoding the file once front to back (memory: the regions only)."""
    wanted = sorted(range(len(regions)), key=lambda i: regions[i].start_ms)
    out: list[np.ndarray | None] = [None] * len(regions)
    pending, position, held = 0, 0, []
    for chunk in iter_decode(audio_path, RATE, "int16", cancelled=cancelled):
        held.append((position, chunk))
        position += len(chunk)
        while pending < len(wanted) and regions[wanted[pending]].end_ms * RATE // 1000 <= position:
            out[wanted[pending]] = _samples(held, regions[wanted[pending]])
            pending += 1
        keep_from = regions[wanted[pending]].start_ms * RATE // 1000 if pending < len(wanted) else position
        held = [(at, c) for at, c in held if at + len(c) > keep_from]
        if pending == len(wanted):
            break
    for i in wanted[pending:]:
        out[i] = _samples(held, regions[i])
    return [a if a is not None else np.zeros(0, np.int16) for a in out]


def _samples(held: list[tuple[int, np.ndarray]], where: Region) -> np.ndarray:
    lo, hi = where.start_ms * RATE // 1000, where.end_ms * RATE // 1000
    parts = [c[max(0, lo - at):max(0, hi - at)] for at, c in held if at < hi and at + len(c) > lo]
    return np.concatenate(parts) if parts else np.zeros(0, np.int16)


def judge(score: int, verdict: Verdict | None, known: bool = False, case: bool = False) -> tuple[int, bool, list[str]]:
    """Score, tick and extra evidence of a text suggestion once the audio has spoken (*verdict*
    None: not heard). The one tick rule of the window's suggestions and the command line's.
    *known*: a remembered wrong form; *case*: only the capitals change, never ticked."""
    score, ticked, extra = _judged(score, verdict, known)
    return score, ticked and not case, extra


def _judged(score: int, verdict: Verdict | None, known: bool) -> tuple[int, bool, list[str]]:
    if verdict is None or verdict.label == SOUNDS_ALIKE:
        # Not heard, or said alike ("Ingrid Sol Berg" and Solberg): the text's own evidence decides,
        # but an audio leaning to the text's reading leaves the change to the producer.
        return score, score >= TICK_AT and (verdict is None or verdict.margin > -MARGIN), []
    if verdict.label == AGREES:
        return min(100, score + AUDIO_BONUS), score + AUDIO_BONUS >= TICK_AT, ["audio"]
    if verdict.label == PREFERS_ORIGINAL:
        return max(0, score - 2 * AUDIO_BONUS), False, []
    # The audio could not tell: only a remembered wrong form stays ticked on the text's word.
    return score, known and score >= TICK_AT, []


# A worker's start (the interpreter, the aligner's modules, its models: ~0.8 s of CPU) costs more
# than sharing this many turns between two of them saves; the window checks as few in one process.
FEW_TURNS = 4


def suggest(transcript: Transcript, glossary: Glossary, audio_path: str | os.PathLike | None = None, *,
            workers: int | None = None, progress: Callable[[str, int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None, candidates: Iterable[str] = (), notes: str = "") -> Report:
    """The glossary scan, audio verdicts, names heard and suspects of *transcript*.

    With *audio_path*, segments without word times are aligned first. *progress(stage, done,
    total)* reports "align", "listen" and "check". *candidates*: names not in the glossary to look
    for too (those of the page's show notes, as the window does). *notes*: the page's text (title and
    show notes), whose words the context check counts as the episode's own. *workers*: processes for
    the alignment and the audio checks; by default two, or none beside this one for a few turns.
    """
    def stage(name: str) -> Callable[[int, int], None] | None:
        return (lambda done, total: progress(name, done, total)) if progress else None

    report = Report([], [])
    segments = transcript.segments
    found = scan(transcript, glossary, cancelled=cancelled, candidates=candidates)
    suggestions = [Suggested.from_scan(s, segments[s.index].start_ms) for s in found]
    if audio_path is None:
        for s in suggestions:
            s.ticked = judge(s.score, None, case="case" in s.evidence)[1]
        report.suggestions = suggestions
        return report

    if workers is None:
        workers = 1 if len(segments) <= FEW_TURNS else 2
    heard_suspects: list[Suspect] = []
    doubts_of: dict[int, list[WordDoubt]] = {}
    # One set of workers for both passes: each starts, and loads its models, once.
    with AlignerPool(workers) if workers > 1 else contextlib.nullcontext() as pool:
        report.aligned = align_missing(transcript, audio_path, progress=stage("align"), cancelled=cancelled,
                                       workers=workers, pool=pool)
        for heard in hear_transcript(audio_path, plan(segments, transcript.end_ms, glossary.names(), notes=notes),
                                     progress=stage("listen"), cancelled=cancelled, workers=workers, pool=pool):
            report.unaligned += not heard.aligned
            heard_suspects += heard.suspects
            doubts_of[heard.index] = heard.doubts
            suggestions += [Suggested.from_spot(spot, heard.index, segments[heard.index].start_ms)
                            for spot in heard.spotted]
    # With every turn heard, the voice's picture says which pairs of poor fits are only its way of
    # saying their phones.
    picture = VoicePicture.learn(d for doubts in doubts_of.values() for d in doubts)
    explained = {id(s) for s in voice_explained(heard_suspects, doubts_of, picture)}
    heard_suspects = [s for s in heard_suspects if id(s) not in explained]
    _check_with_audio(transcript, [s for s in suggestions if s.audio is None], audio_path, stage("check"),
                      cancelled)
    report.suggestions = _merged(suggestions)
    report.suspects = by_doubt(with_glossary(heard_suspects, report.suggestions, segments.__getitem__))
    return report


def _one_plain_word(found: str) -> bool:
    """One ordinary lowercase word ("library"): a voice that says it oddly fits any name better,
    so a name heard there is offered but not ticked."""
    word = found.strip(".,;:!?")
    return word.isalpha() and word.islower() and len(word) > 3


def _spot_score(spot: Spotted) -> int:
    """Heard inside a suspect: 70 and up with the margin; sounding alike: 80 when the audio agrees."""
    if spot.how == "sound":
        return int(min(95, 80 + spot.margin * 10)) if spot.agrees else 70
    return int(min(95, 70 + spot.margin * 15))


def verdicts(audio_path: str | os.PathLike, regions: list[Region], candidates: list[str],
             cancelled: Callable[[], bool] | None = None) -> Iterator[tuple[int, Verdict]]:
    """The audio's verdict on putting ``candidates[i]`` in place of ``regions[i].original``, one
    (i, verdict) at a time in order. The file is decoded once; only the regions' samples are kept.
    Stops early when *cancelled()*; raises TranscriptError when the audio cannot be read."""
    audio = region_audio(audio_path, regions, cancelled)
    aligner = hearing_aligner()
    teach(aligner, candidates)     # the names' other pronunciations
    for i, samples in enumerate(audio):
        if cancelled is not None and cancelled():
            return
        yield i, compare(samples, regions[i], candidates[i], aligner)


def _check_with_audio(transcript: Transcript, suggestions: list[Suggested], audio_path,
                      progress: Callable[[int, int], None] | None, cancelled) -> None:
    regions = [region(transcript.segments[s.segment], s.char_start, s.char_end) for s in suggestions]
    checkable = [(i, r) for i, r in enumerate(regions) if r is not None]
    judged = verdicts(audio_path, [r for _, r in checkable], [suggestions[i].replacement for i, _ in checkable],
                      cancelled)
    for done, (at, verdict) in enumerate(judged):
        suggestions[checkable[at][0]].hear(verdict)
        if progress:
            progress(done + 1, len(checkable))
    for i, s in enumerate(suggestions):
        if regions[i] is None:
            s.ticked = judge(s.score, None, case="case" in s.evidence)[1]


def _merged(suggestions: Iterable[Suggested]) -> list[Suggested]:
    """One suggestion per passage: a name heard by the audio where the scan offered the same
    name joins its evidence; otherwise overlapping suggestions keep the higher score."""
    kept: list[Suggested] = []
    for s in sorted(suggestions, key=lambda s: -s.score):
        clash = next((k for k in kept if k.segment == s.segment and k.char_start < s.char_end
                      and s.char_start < k.char_end), None)
        if clash is None:
            kept.append(s)
        elif clash.replacement == s.replacement:
            # The same name found by its text and heard by the audio: the text's tick stands (as in
            # the window, whose suggestions are the scan's), whichever of the two scored higher.
            clash.evidence = list(dict.fromkeys(clash.evidence + s.evidence))
            clash.ticked = clash.ticked or s.ticked
        elif s.ticked:
            clash.ticked = False    # two different answers for one passage: let the producer choose
            kept.append(s)
    return sorted(kept, key=lambda s: (s.segment, s.char_start))
