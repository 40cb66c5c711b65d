"""The project file: a whole editing session in one versioned JSON document.

A project (suggested extension ``.tep.json``) keeps everything a producer has
done: corrected text next to the recognizer's original, marks, word timings,
review status with who approved and when, notes, and an open ``extra`` object
the other parts of the app use for their own state (glossary scan results,
alignment cache, ...). Saving is atomic and keeps the previous save as
``<name>.bak`` (:mod:`editor.core.atomic`). Loading checks every value's type
and raises :class:`TranscriptError` naming the file and the problem (with the
line and column for malformed JSON).

Schema, version 1 (keys in this order; one segment per line so diffs stay readable)::

    {"transcript_editor_project": 1,            # schema version (int); must come first
     "app": "transcript-editor 0.1.0",          # who wrote it (informational)
     "mark_times": "words",                     # marks are timed by the words around them; files
                                                #   without it have their marks retimed on load
     "meta": {"title": str, "audio_path": str,  # audio_path relative to the project's folder,
              "audio_path_absolute": str,       #   POSIX separators; absolute copy as a fallback
              "duration_ms": int|null, "language": str,
              "source_path": str,               # optional: the transcript file the project was made
              "source_path_absolute": str},     #   from, stored as audio_path is (never written over)
     "speakers": [{"id": str, "name": str}, ...],           # in display order
     "segments": [
       {"id": str, "start_ms": int|null, "end_ms": int|null, "speaker": str|null, "text": str,
        # optional keys, left out when they hold the default shown:
        "status": "unreviewed"|"approved"|"flagged", "approved_by": "", "approved_at": "",  # ISO 8601
        "note": "", "word_timing": "none"|"imported"|"estimated"|"aligned"|"failed",
        "marks": [[kind, start, end, time_ms|null], ...],   # kind: inaudible|crosstalk|unclear;
                                                            #   start/end: char offsets in text
        "original_text": str,                 # only when it differs from text
        "original_marks": [[...], ...],       # only when they differ from marks
        "words": {"start": [int|null...], "end": [int|null...], "conf": [float|null...],
                  "text": [str...]},          # "text" only when the words are not text.split()
        "ignored": [[start, end, words], ...]},  # passages the producer said are right where the audio
       ...],                                  #   doubted them: text[start:end] read words then
     "chapters": [{"start_ms": int, "title": str,           # optional (older files have none),
                   "url": str, "image": str}, ...],         #   sorted; url/image only when set
     "extra": {...}}                          # free JSON for other parts of the app

Times are integer milliseconds. Word arrays are parallel (one entry per word),
which keeps a 90,000-word project small and fast to save and load. A newer
schema version than this code knows is refused with a clear message; older
versions will be upgraded here when there are any.

Keys added since version 1 are optional, so the version stays 1: a file without one loads as the
older versions saved it (no chapters; no passage said right: every suspect the audio finds shows),
and an older version opening a newer file leaves them out rather than refusing the whole file.
A passage said right whose words its turn no longer reads at that place (the text edited by hand)
is left out on loading: the audio judges those words afresh, as after an edit of them in the window.

Files saved before marks followed their words (no ``"mark_times"`` key) kept an imported
mark at its turn's start even where the words say when it is heard; loading such a file
gives every mark of a turn with heard word times the time of the words around it (the rule
``ops.set_word_times`` applies), so the producer has no edit to make or undo, and the next
save stores those times with the key.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, NamedTuple

from editor import __version__
from editor.core.atomic import atomic_write
from editor.core.errors import TranscriptError
from editor.core.files import read_head, read_regular
from editor.core.project_file import HEAD_CHARS, SCHEMA_KEY, looks_like_project
from editor.core.transcript import (
    Chapter,
    IgnoredPassage,
    Mark,
    MarkKind,
    ReviewStatus,
    Segment,
    Speaker,
    Transcript,
    TranscriptMeta,
    Word,
    WordTiming,
)
from editor.core.words import word_time_fields

SCHEMA_VERSION = 1
# Written with "words" since marks take the time of the words around them.
MARK_TIMES_KEY = "mark_times"
MAX_PROJECT_BYTES = 1 << 30  # 1 GiB: far beyond any real episode; bigger is a wrong file

_STATUSES = {s.value: s for s in ReviewStatus}
_TIMINGS = {t.value: t for t in WordTiming}
_KINDS = {k.value: k for k in MarkKind}


class LoadedProject(NamedTuple):
    transcript: Transcript
    extra: dict


# ---------------------------------------------------------------------------------- saving

def save(transcript: Transcript, path: str | Path, extra: dict | None = None, make_folder: bool = False) -> None:
    """Write *transcript* (and *extra*) to *path* atomically, keeping ``<path>.bak``."""
    write(path, encode(transcript, path, extra), make_folder)


def encode(transcript: Transcript, path: str | Path, extra: dict | None = None) -> bytes:
    """The bytes :func:`save` writes to *path* (the audio path is stored relative to its folder)."""
    path = Path(path)
    return dumps(to_dict(transcript, base_dir=path.resolve().parent, extra=extra), path).encode("utf-8")


def write(path: str | Path, data: bytes, make_folder: bool = False) -> None:
    """Replace the project at *path* with *data* atomically (``.bak`` kept).

    With *make_folder*, a folder deleted while the project was open is made again (the
    producer asked to save there; failing would leave the work only in memory).
    """
    path = Path(path)
    if make_folder and not path.parent.exists():
        try:
            path.parent.mkdir(parents=True)
        except OSError as error:
            raise TranscriptError(f"cannot save: the folder is gone and cannot be made again "
                                  f"({error.strerror or error})", path) from None
    atomic_write(path, data)


def dumps(data: dict, path: str | Path | None = None, segment_lines: str | None = None) -> str:
    """The project text for a :func:`to_dict` result: one segment per line (*segment_lines*, when
    given: the segments' lines made apart, by :func:`segment_lines`, in place of *data*'s)."""
    try:
        head = {key: value for key, value in data.items() if key not in ("segments", "chapters", "extra")}
        lines = [json.dumps(head)[:-1] + ',\n"segments": [']
        lines.append(segment_lines if segment_lines is not None
                     else ",\n".join(json.dumps(segment) for segment in data["segments"]))
        chapters = ""
        if data.get("chapters"):  # only when there are any: older versions ignore the key anyway
            chapters = ',\n"chapters": [\n' + ",\n".join(map(json.dumps, data["chapters"])) + "\n]"
        lines.append("]" + chapters + ',\n"extra": ' + json.dumps(data.get("extra") or {}) + "}\n")
    except (TypeError, ValueError) as error:
        raise TranscriptError(f"cannot save: the project holds data JSON cannot store ({error})",
                              path) from None
    return "\n".join(lines)


def segment_lines(segments: Iterable[Segment], pace: Callable[[], None], path: str | Path | None = None,
                  slice_s: float = 0.002) -> str:
    """The lines :func:`dumps` writes for *segments*, made a slice of about *slice_s* seconds at a time,
    with ``pace()`` called before each slice: a worker thread serializing a long document gives the
    GIL back to the window between slices (see ``Journal.snapshot_async``). Raises TranscriptError
    as :func:`dumps` does."""
    lines: list[str] = []
    clock = time.perf_counter
    ends = clock()
    try:
        for segment in segments:
            if clock() >= ends:
                pace()
                ends = clock() + slice_s
            lines.append(json.dumps(_segment_to_dict(segment)))
    except (TypeError, ValueError) as error:
        raise TranscriptError(f"cannot save: the project holds data JSON cannot store ({error})", path) from None
    return ",\n".join(lines)


def to_dict(transcript: Transcript, base_dir: str | Path | None = None,
            extra: dict | None = None) -> dict:
    """The project document as plain JSON data (audio path made relative to *base_dir*)."""
    return {
        SCHEMA_KEY: SCHEMA_VERSION,
        "app": f"transcript-editor {__version__}",
        MARK_TIMES_KEY: "words",
        "meta": _meta_to_dict(transcript.meta, base_dir),
        "speakers": [{"id": s.id, "name": s.name} for s in transcript.speakers.values()],
        "segments": [_segment_to_dict(s) for s in transcript.segments],
        **({"chapters": chapters_to_list(transcript.chapters)} if transcript.chapters else {}),
        "extra": dict(extra or {}),
    }


def chapters_to_list(chapters: list[Chapter]) -> list[dict]:
    """Chapters in their project form (``url``/``image`` only when set)."""
    out = []
    for chapter in chapters:
        item: dict[str, Any] = {"start_ms": chapter.start_ms, "title": chapter.title}
        if chapter.url:
            item["url"] = chapter.url
        if chapter.image:
            item["image"] = chapter.image
        out.append(item)
    return out


def _meta_to_dict(meta: TranscriptMeta, base_dir: str | Path | None) -> dict:
    audio, absolute = _stored_path(meta.audio_path, base_dir)
    out = {"title": meta.title, "audio_path": audio, "audio_path_absolute": absolute,
           "duration_ms": meta.duration_ms, "language": meta.language}
    if meta.source_path:   # only when known: older versions read the meta without it
        out["source_path"], out["source_path_absolute"] = _stored_path(meta.source_path, base_dir)
    return out


def _stored_path(path: str, base_dir: str | Path | None) -> tuple[str, str]:
    """*path* relative to *base_dir* (POSIX separators), and absolute as a fallback."""
    absolute = os.path.abspath(path) if path else ""
    if path and base_dir is not None:
        try:
            path = Path(os.path.relpath(absolute, base_dir)).as_posix()
        except ValueError:  # another drive on Windows: only an absolute path can point there
            path = absolute
    return path, absolute


def _segment_to_dict(segment: Segment) -> dict:
    out: dict[str, Any] = {"id": segment.id, "start_ms": segment.start_ms, "end_ms": segment.end_ms,
                           "speaker": segment.speaker_id, "text": segment.text}
    if segment.status is not ReviewStatus.UNREVIEWED:
        out["status"] = segment.status.value
    if segment.approved_by:
        out["approved_by"] = segment.approved_by
    if segment.approved_at:
        out["approved_at"] = segment.approved_at
    if segment.note:
        out["note"] = segment.note
    if segment.word_timing is not WordTiming.NONE:
        out["word_timing"] = segment.word_timing.value
    if segment.marks:
        out["marks"] = _marks_to_list(segment.marks)
    if segment.original_text != segment.text:
        out["original_text"] = segment.original_text
    if segment.original_marks != segment.marks:
        out["original_marks"] = _marks_to_list(segment.original_marks or [])
    if segment.words:
        words = segment.words
        out["words"] = {"start": [w.start_ms for w in words], "end": [w.end_ms for w in words],
                        "conf": [w.confidence for w in words]}
        texts = [w.text for w in words]
        if texts != segment.text.split():
            out["words"]["text"] = texts
    if segment.ignored:
        out["ignored"] = [[p.start, p.end, p.words] for p in segment.ignored]
    return out


def _marks_to_list(marks: list[Mark]) -> list[list]:
    return [[m.kind.value, m.start, m.end, m.time_ms] for m in marks]


# ---------------------------------------------------------------------------------- loading

def load(path: str | Path) -> LoadedProject:
    """Read a project file; :class:`TranscriptError` naming *path* and the problem when it cannot."""
    path = Path(path)
    raw = read_regular(path, MAX_PROJECT_BYTES, open_prefix="cannot read the file: ",
                       too_big=lambda size: f"file is too large to be a project ({size // (1 << 20)} MB; "
                                            f"the limit is {MAX_PROJECT_BYTES >> 20} MB)")
    return loads(raw, path)


def loads(raw: bytes | str, path: str | Path | None = None) -> LoadedProject:
    """Parse project text or bytes; *path* names the file in errors and anchors the audio path."""
    if isinstance(raw, bytes):
        if not raw.strip():
            raise TranscriptError("the file is empty", path)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise TranscriptError("not a project file: not UTF-8 text (binary or another encoding)",
                                  path, offset=error.start) from None
    else:
        text = raw
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            # It stops at the end of the text (a string left open runs to it too): a copy or save
            # that stopped short. Say so, not what the parser expected next.
            raise TranscriptError("not valid JSON: the file ends too early (cut off while it was written or "
                                  "copied?)", path, line=error.lineno) from None
        raise TranscriptError(f"not valid JSON: {error.msg} (column {error.colno})", path,
                              line=error.lineno) from None
    except RecursionError:
        raise TranscriptError("not a project file: JSON nested too deeply", path) from None
    base_dir = Path(path).resolve().parent if path is not None else None
    return from_dict(data, base_dir=base_dir, source=path)


def from_dict(data: Any, base_dir: str | Path | None = None,
              source: str | Path | None = None) -> LoadedProject:
    """Build the transcript from :func:`to_dict` data, checking every type.

    Relative audio paths are made absolute against *base_dir*; *source* names the
    file in error messages.
    """
    check = _Checker(source)
    if not isinstance(data, dict) or SCHEMA_KEY not in data:
        check.fail(f"not a Transcript Editor project (no \"{SCHEMA_KEY}\" key)")
    version = data[SCHEMA_KEY]
    if type(version) is not int or version < 1:
        check.fail(f"\"{SCHEMA_KEY}\" must be a schema version number, not {version!r}")
    if version > SCHEMA_VERSION:
        check.fail(f"saved by a newer Transcript Editor (project schema {version}; this version "
                   f"reads up to {SCHEMA_VERSION}); update the app to open it")
    meta = _meta_from_dict(check, check.get(data, "meta", dict, "", {}), base_dir)
    speakers = _speakers_from_list(check, check.get(data, "speakers", list, "", []))
    segments_data = check.get(data, "segments", list, "", [])
    segments = [_segment_from_dict(check, item, f"segments[{i}]", speakers)
                for i, item in enumerate(segments_data)]
    ids = [s.id for s in segments]
    if len(set(ids)) != len(ids):
        duplicate = next(i for i in ids if ids.count(i) > 1)
        check.fail(f"segment id {duplicate!r} is used twice")
    if data.get(MARK_TIMES_KEY) != "words":
        for segment in segments:
            _time_marks_by_words(segment)
    chapters = chapters_from_list(check.get(data, "chapters", list, "", []), source)
    extra = check.get(data, "extra", dict, "", {})
    return LoadedProject(Transcript(meta=meta, speakers=speakers, segments=segments, chapters=chapters),
                         extra)


def _time_marks_by_words(segment: Segment) -> None:
    """Give the marks of an older file's *segment* the times of the words around them."""
    if not (segment.marks or segment.original_marks) or not segment.words:
        return
    fields = word_time_fields(segment, segment.words, segment.word_timing)
    for name in ("marks", "original_marks"):
        if name in fields:
            setattr(segment, name, fields[name])


def chapters_from_list(items: list, source: str | Path | None = None) -> list[Chapter]:
    """Chapters from their project form, checked, sorted by start."""
    check = _Checker(source)
    chapters = []
    for i, item in enumerate(items):
        where = f"chapters[{i}]"
        if not isinstance(item, dict):
            check.fail(f"{where}: expected an object, found {_json_type(item)}")
        start = check.require(item, "start_ms", int, where)
        if start < 0:
            check.fail(f"{where}.start_ms: a chapter cannot start before the episode ({start})")
        chapters.append(Chapter(start, check.require(item, "title", str, where),
                                check.get(item, "url", str, where, ""), check.get(item, "image", str, where, "")))
    chapters.sort(key=lambda chapter: chapter.start_ms)
    return chapters


class _Checker:
    """Type checks that name the file and the JSON path of the bad value."""

    def __init__(self, source: str | Path | None):
        self.source = source

    def fail(self, problem: str) -> None:
        raise TranscriptError(problem, self.source)

    def get(self, obj: dict, key: str, kind: type | tuple, where: str, default: Any = None,
            nullable: bool = False) -> Any:
        if key not in obj:
            return default
        value = obj[key]
        if value is None and nullable:
            return None
        if not _is(value, kind):
            self.fail(f"{where}{'.' if where else ''}{key}: expected {_name(kind)}, "
                      f"found {_json_type(value)}")
        return value

    def require(self, obj: dict, key: str, kind: type | tuple, where: str,
                nullable: bool = False) -> Any:
        if key not in obj:
            self.fail(f"{where}: missing \"{key}\"")
        return self.get(obj, key, kind, where, nullable=nullable)


def _is(value: Any, kind: type | tuple) -> bool:
    # bool is an int in Python but never a valid time or offset here.
    if kind is int:
        return type(value) is int
    if kind == (int, float):
        return type(value) in (int, float)
    return isinstance(value, kind)


def _name(kind: type | tuple) -> str:
    names: dict[type | tuple, str] = {int: "an integer", str: "a string", list: "a list", dict: "an object",
                                      (int, float): "a number"}
    return names.get(kind, str(kind))


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    names = {int: "an integer", float: "a number", str: "a string", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)


def _meta_from_dict(check: _Checker, data: dict, base_dir: str | Path | None) -> TranscriptMeta:
    audio = _found_path(check.get(data, "audio_path", str, "meta", ""),
                        check.get(data, "audio_path_absolute", str, "meta", ""), base_dir)
    source = _found_path(check.get(data, "source_path", str, "meta", ""),
                         check.get(data, "source_path_absolute", str, "meta", ""), base_dir)
    return TranscriptMeta(title=check.get(data, "title", str, "meta", ""), audio_path=audio,
                          duration_ms=check.get(data, "duration_ms", int, "meta", None, nullable=True),
                          language=check.get(data, "language", str, "meta", ""), source_path=source)


def _found_path(path: str, absolute: str, base_dir: str | Path | None) -> str:
    """A stored path made absolute against *base_dir*, or its absolute copy when the project
    moved without the file (and the file is still where it was at save time)."""
    if path and base_dir is not None and not os.path.isabs(path):
        resolved = os.path.normpath(os.path.join(base_dir, path))
        return absolute if absolute and not os.path.exists(resolved) and os.path.exists(absolute) else resolved
    return path


def _speakers_from_list(check: _Checker, items: list) -> dict[str, Speaker]:
    speakers: dict[str, Speaker] = {}
    for i, item in enumerate(items):
        where = f"speakers[{i}]"
        if not isinstance(item, dict):
            check.fail(f"{where}: expected an object, found {_json_type(item)}")
        speaker_id = check.require(item, "id", str, where)
        if speaker_id in speakers:
            check.fail(f"{where}: speaker id {speaker_id!r} is used twice")
        speakers[speaker_id] = Speaker(speaker_id, check.require(item, "name", str, where))
    return speakers


def _segment_from_dict(check: _Checker, item: Any, where: str, speakers: dict) -> Segment:
    if not isinstance(item, dict):
        check.fail(f"{where}: expected an object, found {_json_type(item)}")
    seg_id = check.require(item, "id", str, where)
    where = f"{where} (id {seg_id!r})"
    text = check.require(item, "text", str, where)
    speaker = check.get(item, "speaker", str, where, None, nullable=True)
    if speaker is not None and speaker not in speakers:
        check.fail(f"{where}: unknown speaker id {speaker!r}")
    marks = _marks_from_list(check, check.get(item, "marks", list, where, []), f"{where}.marks", text)
    original_text = check.get(item, "original_text", str, where, text)
    original_marks = marks
    if "original_marks" in item:
        original_marks = _marks_from_list(check, check.get(item, "original_marks", list, where),
                                          f"{where}.original_marks", original_text)
    return Segment(
        id=seg_id,
        start_ms=check.get(item, "start_ms", int, where, None, nullable=True),
        end_ms=check.get(item, "end_ms", int, where, None, nullable=True),
        text=text,
        speaker_id=speaker,
        words=_words_from_dict(check, item.get("words"), f"{where}.words", text),
        marks=marks,
        status=_enum(check, item, "status", _STATUSES, ReviewStatus.UNREVIEWED, where),
        note=check.get(item, "note", str, where, ""),
        approved_by=check.get(item, "approved_by", str, where, ""),
        approved_at=check.get(item, "approved_at", str, where, ""),
        original_text=original_text,
        original_marks=list(original_marks),
        word_timing=_enum(check, item, "word_timing", _TIMINGS, WordTiming.NONE, where),
        ignored=_ignored_from_list(check, check.get(item, "ignored", list, where, []), f"{where}.ignored", text),
    )


def _enum(check: _Checker, item: dict, key: str, values: dict, default: Any, where: str) -> Any:
    value = check.get(item, key, str, where, None)
    if value is None:
        return default
    if value not in values:
        check.fail(f"{where}.{key}: {value!r} is not one of {', '.join(values)}")
    return values[value]


def _marks_from_list(check: _Checker, items: list, where: str, text: str) -> list[Mark]:
    marks = []
    for i, item in enumerate(items):
        if not (isinstance(item, list) and len(item) == 4 and item[0] in _KINDS
                and type(item[1]) is int and type(item[2]) is int
                and (item[3] is None or type(item[3]) is int)):
            check.fail(f"{where}[{i}]: expected [kind, start, end, time_ms] with kind one of "
                       f"{', '.join(_KINDS)}, found {json.dumps(item)[:80]}")
        kind, start, end, time_ms = item
        if not 0 <= start <= end <= len(text):
            check.fail(f"{where}[{i}]: span {start}..{end} is outside the text "
                       f"({len(text)} characters)")
        marks.append(Mark(_KINDS[kind], start, end, time_ms))
    return marks


def _ignored_from_list(check: _Checker, items: list, where: str, text: str) -> tuple[IgnoredPassage, ...]:
    kept = []
    for i, item in enumerate(items):
        if not (isinstance(item, list) and len(item) == 3 and type(item[0]) is int and type(item[1]) is int
                and isinstance(item[2], str)):
            check.fail(f"{where}[{i}]: expected [start, end, words], found {json.dumps(item)[:80]}")
        start, end, words = item
        if 0 <= start < end and text[start:end] == words:    # else edited by hand since: judged afresh
            kept.append(IgnoredPassage(start, end, words))
    return tuple(sorted(kept, key=lambda p: (p.start, p.end)))


def _words_from_dict(check: _Checker, data: Any, where: str, text: str) -> list[Word]:
    if data is None:
        return []
    if not isinstance(data, dict):
        check.fail(f"{where}: expected an object of parallel lists, found {_json_type(data)}")
    starts = check.require(data, "start", list, where)
    ends = check.require(data, "end", list, where)
    confs = check.get(data, "conf", list, where, None) or [None] * len(starts)
    texts = check.get(data, "text", list, where, None)
    if texts is None:
        texts = text.split()
    for name, values in (("text", texts), ("end", ends), ("conf", confs)):
        if len(values) != len(starts):
            check.fail(f"{where}.{name}: {len(values)} entries for {len(starts)} words"
                       + (" (the text's words)" if name == "text" else ""))
    _check_all(check, starts, _INT_OR_NULL, f"{where}.start", "an integer or null")
    _check_all(check, ends, _INT_OR_NULL, f"{where}.end", "an integer or null")
    _check_all(check, confs, _NUMBER_OR_NULL, f"{where}.conf", "a number or null")
    _check_all(check, texts, _STRING, f"{where}.text", "a string")
    return list(map(Word, texts, starts, ends, confs))


_INT_OR_NULL = frozenset((int, type(None)))
_NUMBER_OR_NULL = frozenset((int, float, type(None)))
_STRING = frozenset((str,))


def _check_all(check: _Checker, values: list, allowed: frozenset, where: str, expected: str) -> None:
    # set(map(type, ...)) runs in C: type-checking 90,000 words costs a few milliseconds.
    if set(map(type, values)) <= allowed:
        return
    index = next(i for i, v in enumerate(values) if type(v) not in allowed)
    check.fail(f"{where}[{index}]: expected {expected}, found {_json_type(values[index])}")


def is_project(path: str | Path) -> bool:
    """True when *path* looks like a project file (the schema key near the start)."""
    return looks_like_project(read_head(path, HEAD_CHARS))
