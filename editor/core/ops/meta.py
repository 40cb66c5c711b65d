"""Edits of the transcript's meta: the audio it belongs to and its length."""

from __future__ import annotations

from editor.core.ops.base import SetMeta
from editor.core.transcript import Transcript

_UNCHANGED = object()


def set_audio(transcript: Transcript, path: str | object = _UNCHANGED,
              duration_ms: int | None | object = _UNCHANGED) -> SetMeta:
    """Link the transcript to the audio at *path* and/or record the audio's length (ms)."""
    fields: dict[str, object] = {}
    if path is not _UNCHANGED:
        if not isinstance(path, str):
            raise ValueError("the audio path must be a string")
        fields["audio_path"] = path
    if duration_ms is not _UNCHANGED:
        if duration_ms is not None and (type(duration_ms) is not int or duration_ms < 0):
            raise ValueError(f"not a duration: {duration_ms!r}")
        fields["duration_ms"] = duration_ms
    if not fields:
        raise ValueError("nothing to set")
    return SetMeta(fields)
