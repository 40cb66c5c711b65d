"""An autosave snapshot's document: captured on the thread that edits as plain values later edits
cannot change (:func:`capture`), rebuilt and serialised as a project file on the autosave worker
(:meth:`Captured.thaw`, :func:`project_bytes`)."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor.core.transcript import STORED_FIELDS, Segment, Speaker, Transcript, TranscriptMeta


def project_bytes(transcript: Transcript, target: Path, extra: dict | None, pace: Callable[[], None]) -> bytes:
    """The project file of *transcript* at *target*, its turns serialized a slice at a time with
    ``pace()`` between slices (:func:`editor.core.project.segment_lines`)."""
    from editor.core import project
    segments = transcript.segments
    data = project.to_dict(Transcript(meta=transcript.meta, speakers=transcript.speakers, chapters=transcript.chapters),
                           base_dir=target.parent, extra=extra)
    return project.dumps(data, target, project.segment_lines(segments, pace, target)).encode("utf-8")


def capture_rows(transcript: Transcript, segments: list[Segment]) -> Captured:
    """:func:`capture` of *transcript* with only *segments* as its rows (the turns of a delta)."""
    meta = transcript.meta
    return Captured((meta.title, meta.audio_path, meta.duration_ms, meta.language, meta.source_path),
                    [(s.id, s.name) for s in transcript.speakers.values()],
                    list(map(_SEGMENT_FIELDS, segments)),
                    tuple(transcript.chapters))


def capture(transcript: Transcript) -> Captured:
    """A copy of *transcript* that later edits cannot change: O(segments), no words copied.

    Ops assign new lists and ``Word`` objects instead of mutating them (see
    :mod:`editor.core.ops`), so each :class:`Segment`'s field values, taken as
    one tuple by ``attrgetter`` (in C), are enough for a background thread to
    rebuild and serialise the episode while the user keeps typing.
    """
    return capture_rows(transcript, transcript.segments)   # Chapter objects are frozen; ops assign new lists


# Words a reader left to be made on first read stay a recipe here (made on the worker, if at all).
_SEGMENT_FIELDS = operator.attrgetter(*STORED_FIELDS)


@dataclass(frozen=True)
class Captured:
    """A transcript as plain values (:func:`capture`), for a worker to rebuild and serialise."""

    meta: tuple
    speakers: list
    rows: list
    chapters: tuple = ()

    def thaw(self) -> Transcript:
        """The captured transcript as new objects (run this on the worker thread)."""
        new, slots = object.__new__, Segment.__slots__
        segments = []
        for values in self.rows:
            segment = new(Segment)
            for name, value in zip(slots, values, strict=False):
                object.__setattr__(segment, name, value)
            segments.append(segment)
        title, audio, duration, language, source = self.meta
        return Transcript(meta=TranscriptMeta(title, audio, duration, language, source),
                          speakers={sid: Speaker(sid, name) for sid, name in self.speakers},
                          segments=segments, chapters=list(self.chapters))
