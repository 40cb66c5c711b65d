"""Fixtures for the editing/review/save tests: a small timed transcript saved as a project.

The words are invented; every word has its own imported time, so tests can
check that split, merge and typing keep word timings.
"""

from __future__ import annotations

from pathlib import Path

from editor.core import project
from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta, Word, WordTiming

LINES = (
    ("a", 0, "the tide came over the breakwater early"),
    ("b", 4000, "we hauled the nets before the rain started falling"),
    ("a", 9000, "then the radio went quiet for an hour"),
    ("b", 14000, "and nobody heard the foghorn until morning"),
    ("a", 20000, "so we waited by the slipway with cold tea"),
)
END_MS = 26000


def timed_transcript() -> Transcript:
    speakers = {"a": Speaker("a", "Maren Holt"), "b": Speaker("b", "Petter Lund")}
    segments = []
    for i, (speaker, start, text) in enumerate(LINES):
        end = LINES[i + 1][1] if i + 1 < len(LINES) else END_MS
        tokens = text.split()
        step = (end - start) // len(tokens)
        words = [Word(t, start + k * step, end if k == len(tokens) - 1 else start + (k + 1) * step, 0.9)
                 for k, t in enumerate(tokens)]
        segments.append(Segment(f"s{i + 1}", start, end, text, speaker, words=words,
                                word_timing=WordTiming.IMPORTED))
    return Transcript(TranscriptMeta(title="Harbour night"), speakers, segments)


def write_project(folder: Path, name: str = "harbour.tep.json") -> Path:
    path = folder / name
    project.save(timed_transcript(), path)
    return path


def comparable(transcript: Transcript) -> list:
    """Everything a producer edits, in a form that compares with ==."""
    return [(s.id, s.start_ms, s.end_ms, s.speaker_id, s.text, list(s.marks), s.status, s.note,
             s.approved_by, [(w.text, w.start_ms, w.end_ms) for w in s.words])
            for s in transcript.segments] + [sorted((k, v.name) for k, v in transcript.speakers.items())]

