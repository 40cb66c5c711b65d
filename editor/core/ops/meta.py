"""Edits of the transcript's meta: the audio it belongs to and its length."""

from __future__ import annotations

from editor.core.ops.base import Group, Op, SetMeta
from editor.core.transcript import Transcript, TranscriptMeta

_UNCHANGED = object()
_AUDIO_LINK = frozenset({"audio_path", "duration_ms"})


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


def without_audio_link(op: Op, meta: TranscriptMeta) -> Op:
    """*op* without the audio link and length it sets, nor the fields of *meta* it sets as they are
    (an empty :class:`Group` when nothing is left). A recovery journal's lines hold the audio the
    window played then; replayed, the audio is the one the window plays now, which is derived data
    and never an edit to undo."""
    if isinstance(op, SetMeta) and _AUDIO_LINK & op.fields.keys():
        fields = {name: value for name, value in op.fields.items()
                  if name not in _AUDIO_LINK and getattr(meta, name) != value}
        return SetMeta(fields) if fields else Group(())
    if isinstance(op, Group):
        parts = tuple(part for part in (without_audio_link(part, meta) for part in op.ops)
                      if not (isinstance(part, Group) and not part.ops))
        return parts[0] if len(parts) == 1 else Group(parts)
    return op
