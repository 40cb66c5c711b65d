"""Speaker edits: a segment's speaker, renaming everywhere, adding and merging speakers."""

from __future__ import annotations

from collections.abc import Iterable

from editor.core.ops.base import Group, SetFields, SetSpeakers, rows_of
from editor.core.transcript import Speaker, Transcript


def set_speaker(transcript: Transcript, index: int | Iterable[int], speaker_id: str | None) -> SetFields:
    """Give one segment (or several) another speaker."""
    if speaker_id is not None and speaker_id not in transcript.speakers:
        raise ValueError(f"unknown speaker id {speaker_id!r}")
    return SetFields(tuple((i, {"speaker_id": speaker_id}) for i in rows_of(transcript, index)))


def rename_speaker(transcript: Transcript, speaker_id: str, name: str) -> SetSpeakers:
    """Rename a speaker everywhere (every segment shows speakers by id)."""
    name = name.strip()
    if speaker_id not in transcript.speakers:
        raise ValueError(f"unknown speaker id {speaker_id!r}")
    if not name:
        raise ValueError("a speaker needs a name")
    return SetSpeakers(tuple(Speaker(s.id, name) if s.id == speaker_id else s
                             for s in transcript.speakers.values()))


def add_speaker(transcript: Transcript, name: str, speaker_id: str | None = None) -> SetSpeakers:
    """Add a speaker at the end of the list; the new id is ``op.speakers[-1].id``."""
    name = name.strip()
    if not name:
        raise ValueError("a speaker needs a name")
    speaker_id = speaker_id or transcript.new_speaker_id()
    if speaker_id in transcript.speakers:
        raise ValueError(f"speaker id {speaker_id!r} is taken")
    return SetSpeakers(tuple(transcript.speakers.values()) + (Speaker(speaker_id, name),))


def merge_speakers(transcript: Transcript, source_id: str, target_id: str) -> Group:
    """Give all of *source_id*'s segments to *target_id* and drop *source_id*."""
    for speaker_id in (source_id, target_id):
        if speaker_id not in transcript.speakers:
            raise ValueError(f"unknown speaker id {speaker_id!r}")
    if source_id == target_id:
        raise ValueError("cannot merge a speaker with itself")
    rows = [i for i, s in enumerate(transcript.segments) if s.speaker_id == source_id]
    remaining = tuple(s for s in transcript.speakers.values() if s.id != source_id)
    return Group((set_speaker(transcript, rows, target_id), SetSpeakers(remaining)))
