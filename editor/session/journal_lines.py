"""A journal's lines: how each is written and read back, and the parts of the document they hold.

Each line is ``<crc32 hex> <json>\\n``; replay stops at the first line that is incomplete or fails its
checksum (a kill in the middle of a write, zeros after a power cut). Line 1, the header, names the
base the lines apply to. Rows are serialised the way the project file does
(:func:`editor.core.project.to_dict`): one format to maintain, not two.
"""

from __future__ import annotations

import json
import os
import zlib
from datetime import datetime, timezone

from editor.core.transcript import Chapter, Segment, Speaker, Transcript, TranscriptMeta
from editor.session.journal_base import BaseRef

# The kinds of line a journal may hold: 1, rows and the speakers, meta and chapters; 2, also a replace
# and a shift written as what they did ("replace", "restore", "shift", "reshift"). A reader refuses a
# journal newer than it knows (recovery says so) rather than take lines it has no rule for as damage
# or skip them, and reads any older one (a version 1 journal holding replace lines too).
JOURNAL_VERSION = 2
# A journal whose base is an autosave delta (:mod:`editor.session.autosave_delta`), whose own base its
# header names ("anchor"): a version that does not know deltas refuses it rather than read the delta as
# a project. Other journals keep the version above, which such a version still restores.
DELTA_JOURNAL_VERSION = 3
CLOSED_BY_SYSTEM = "system"  # the journal's last line says: the system ended the window (logout, shutdown)


def encode_line(record: dict, *, small: bool = False) -> bytes:
    """``<crc32 of the JSON, 8 hex digits> <JSON>\\n`` (JSON never holds a raw newline).

    orjson writes the same compact UTF-8 JSON several times faster (a replace-all line holds every
    touched turn with its word times); what it refuses (an integer past 64 bits) goes through the
    standard encoder. Numbers in the model are finite (readers refuse NaN), so both write the same values.
    A *small* record (a header's few fields) goes through the standard encoder, as quick for it.
    """
    body = _standard_dumps(record) if small else _dumps(record)
    return b"%08x " % zlib.crc32(body) + body + b"\n"


def _dumps(record: dict) -> bytes:
    # Imported at the first edit's line, not with the journal nor for the header a journal prepared
    # as a document opens: with what it imports (uuid, platform) it costs ~10-15 ms, which the
    # window's start-up and first paint do not need.
    import orjson
    try:
        return orjson.dumps(record)
    except (orjson.JSONEncodeError, TypeError):
        return _standard_dumps(record)


def _standard_dumps(record: dict) -> bytes:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode_line(line: bytes) -> dict | None:
    """The record of one complete line, or None when it is torn or corrupt."""
    if not line.endswith(b"\n") or len(line) < 11 or line[8:9] != b" ":
        return None
    body = line[9:-1]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        record = json.loads(body)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def segments_to_json(segments: list[Segment]) -> list[dict]:
    """Segments as the project file stores them (one format to maintain, not two)."""
    from editor.core import project
    return project.to_dict(Transcript(segments=list(segments)))["segments"]


def segments_from_json(items: list, speakers: dict[str, Speaker]) -> list[Segment]:
    """Segments back from :func:`segments_to_json`, checked like a project file."""
    from editor.core import project
    doc = {project.SCHEMA_KEY: project.SCHEMA_VERSION,
           project.MARK_TIMES_KEY: "words",   # journal rows hold marks as they were: never retime them
           "speakers": [{"id": s.id, "name": s.name} for s in speakers.values()],
           "segments": items}
    return project.from_dict(doc).transcript.segments


def meta_to_json(meta: TranscriptMeta) -> dict:
    return {"title": meta.title, "audio_path": os.path.abspath(meta.audio_path) if meta.audio_path else "",
            "duration_ms": meta.duration_ms, "language": meta.language}


def speakers_to_json(speakers: dict[str, Speaker]) -> list[list[str]]:
    return [[s.id, s.name] for s in speakers.values()]


def chapters_to_json(chapters: list[Chapter]) -> list[dict]:
    """Chapters as the project file stores them."""
    if not chapters:   # a caption file's: the project module is not needed (nor imported) to say so
        return []
    from editor.core import project
    return project.chapters_to_list(chapters)



def header_line(base: BaseRef, seq0: int, original: str, anchor: BaseRef | None = None) -> str:
    """A journal's first line; *anchor*: the file the base adds to, when the base is an autosave delta
    (named here so that recovery checks and keeps it without reading the delta)."""
    record = {"journal": JOURNAL_VERSION if anchor is None else DELTA_JOURNAL_VERSION, "base": base.to_json(),
              "seq0": seq0, "original": original,
              "created": datetime.now(timezone.utc).isoformat(timespec="seconds"), "pid": os.getpid()}
    if anchor is not None:
        record["anchor"] = anchor.to_json()
    return encode_line(record, small=True).decode("utf-8")
