"""Reading and writing transcripts: the format registry and its entry points.

``read_file(path)`` reads any transcript a producer brings: the bytes are
decoded (:mod:`editor.formats.decoding`), the format is detected from the
content (the file name is only a hint), the reader parses it and
:func:`editor.core.validate.repair` turns fixable problems into warnings.
Every failure is a :class:`~editor.core.TranscriptError` naming the file.
Project files (``*.tep.json``) are recognised by content and handed to
:mod:`editor.core.project`.

Writers live in :mod:`editor.formats.writers` (``WRITERS``); ``export`` and
``writer`` import it lazily, so reading works without it.
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import cast

from editor.core.errors import TranscriptError
from editor.core.files import AUDIO_EXTENSIONS, read_regular
from editor.core.project_file import EXTENSION as PROJECT_EXTENSION
from editor.core.project_file import SCHEMA_KEY as PROJECT_KEY
from editor.core.project_file import looks_like_project
from editor.core.transcript import Transcript
from editor.core.validate import repair
from editor.formats.base import CaptionReader, ExportOptions, Reader, ReadResult, Writer
from editor.formats.decoding import MAX_BYTES, decode
from editor.formats.readers import READERS

_HINT_BONUS = 0.1  # the extension nudges detection; content decides
_MIN_SCORE = 0.05

__all__ = [
    "PROJECT_EXTENSION",
    "PROJECT_KEY",
    "ReadResult",
    "all_readers",
    "all_writers",
    "detect",
    "export",
    "is_project_text",
    "readable_extensions",
    "writer_names",
    "read_file",
    "read_text",
    "reader",
    "writer",
]


# ---------------------------------------------------------------------- registry
def all_readers() -> list[Reader]:
    return list(READERS)


def readable_extensions() -> list[str]:
    """Every file extension a transcript or project is read from (``.tep.json`` first), each once."""
    extensions = [PROJECT_EXTENSION]
    for candidate in READERS:
        extensions += [e for e in candidate.EXTENSIONS if e not in extensions]
    return extensions


def reader(name: str) -> Reader:
    for candidate in READERS:
        if name == candidate.NAME:
            return candidate
    raise TranscriptError(f"no reader for {name!r} (known: {', '.join(r.NAME for r in READERS)})")


def detect(text: str, name_hint: str = "") -> Reader:
    """The reader most sure that *text* is its format; the file name's extension breaks ties."""
    suffix = _suffix(name_hint)
    best, best_score = None, 0.0
    for position, candidate in enumerate(READERS):
        if best_score >= _highest_possible(position, suffix):
            break   # no reader left can do better (some sniffs cost milliseconds on a big file)
        score = candidate.sniff(text)
        if score > 0 and suffix and suffix in candidate.EXTENSIONS:
            score += _HINT_BONUS
        if score > best_score:
            best, best_score = candidate, score
    if best is None or best_score < _MIN_SCORE:
        raise TranscriptError("not a transcript format this program knows")
    return best


def _highest_possible(position: int, suffix: str) -> float:
    """The best score a reader from READERS[position] on could reach (a sniff says at most 1.0)."""
    hinted = bool(suffix) and any(suffix in r.EXTENSIONS for r in READERS[position:])
    return 1.0 + (_HINT_BONUS if hinted else 0.0)


def _extension_mismatch(chosen: Reader, name_hint: str) -> list[str]:
    """A warning when the name promises another format (a .vtt without its WEBVTT header read as SRT)."""
    suffix = _suffix(name_hint)
    if not suffix or suffix in chosen.EXTENSIONS or not any(suffix in r.EXTENSIONS for r in READERS):
        return []
    return [f"the file is named *{suffix} but its content is {chosen.LABEL}; it was read as {chosen.LABEL}"]


def _suffix(name: str) -> str:
    return os.path.splitext(name)[1].lower() if name else ""


# ---------------------------------------------------------------------- reading
def read_text(text: str, name_hint: str = "", format: str | None = None,
              keep_captions: bool = False) -> ReadResult:
    """Parse *text* (already decoded); *name_hint* (a file name) helps detection and titles.

    Caption formats are merged into turns unless *keep_captions* asks for one segment per cue.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TranscriptError("the file is empty")
    if is_project_text(text) and not format:
        return _load_project(text, None)
    chosen = reader(format) if format else detect(text, name_hint)
    result = _parse(chosen, text, keep_captions)
    if not format:
        result.warnings[:0] = _extension_mismatch(chosen, name_hint)
    # A caption reader repaired its cues and counted their overlaps (see TranscriptBuilder.result):
    # overlapping turns made of them are the same overlaps, not to be reported twice.
    result.warnings.extend(repair(result.transcript, overlaps=not getattr(chosen, "MERGES_CUES", False)))
    if not result.transcript.meta.title and name_hint:
        result.transcript.meta.title = _stem(name_hint)
    return result


def _parse(chosen: Reader, text: str, keep_captions: bool = False) -> ReadResult:
    # A big file allocates ~10^5 objects and no cycles; letting the cycle collector run on
    # every allocation burst costs a third of the read time, so it waits until the end.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        if getattr(chosen, "MERGES_CUES", False):
            return cast(CaptionReader, chosen).read(text, keep_captions=keep_captions)
        return chosen.read(text)
    except TranscriptError:
        raise
    except RecursionError:
        raise TranscriptError(f"could not read as {chosen.LABEL}: nested too deeply") from None
    except Exception as error:  # a reader bug must not become a traceback for the user
        raise TranscriptError(f"internal error while reading as {chosen.LABEL} "
                              f"({type(error).__name__}: {error}); please report this file") from error
    finally:
        if was_enabled:
            gc.enable()


def read_file(path: str | os.PathLike, format: str | None = None,
              keep_captions: bool = False, encoding: str | None = None) -> ReadResult:
    """Read the transcript or project at *path*; errors name *path* (*keep_captions*: see read_text).

    *encoding* overrides the detected one (the producer saw the guess was wrong).
    """
    path = Path(path)
    try:
        data = _read_bytes(path)
        if looks_like_project(data):
            return _load_project(data, path)
        text, warnings = decode(data, encoding)
        result = read_text(text, path.name, format, keep_captions)
    except TranscriptError as error:
        raise error.with_path(path) from None
    result.warnings[:0] = warnings + _audio_name_warning(path, result)
    result.transcript.meta.source_path = os.path.abspath(path)   # a project made of it keeps this
    return result


def _read_bytes(path: Path) -> bytes:
    return read_regular(path, MAX_BYTES)


def _audio_name_warning(path: Path, result: ReadResult) -> list[str]:
    """A transcript saved under an audio name (episode.mp3) is a mix-up the producer should hear about."""
    suffix = path.suffix.lower()
    if suffix not in AUDIO_EXTENSIONS:
        return []
    return [f"the file is named *{suffix} like audio, but it holds a transcript ({result.format}); "
            "it was read as a transcript, not played"]


def is_project_text(text: str) -> bool:
    return looks_like_project(text)


def _load_project(raw: bytes | str, path: Path | None) -> ReadResult:
    """Projects belong to :mod:`editor.core.project` (imported late: it is not needed to read)."""
    try:
        from editor.core import project
    except ImportError:
        raise TranscriptError("project files cannot be opened: editor.core.project is missing") from None
    loaded = project.loads(raw, path)
    transcript = loaded if isinstance(loaded, Transcript) else getattr(loaded, "transcript", None)
    if not isinstance(transcript, Transcript):
        raise TranscriptError("the project loader gave no transcript")
    from editor.core.validate import problems  # e.g. times beyond the recorded audio length
    warnings = list(getattr(loaded, "warnings", []) or []) + problems(transcript)
    return ReadResult(transcript, "project", warnings, dict(getattr(loaded, "extra", None) or {}))


def _stem(name: str) -> str:
    base = os.path.basename(name)
    for double in (PROJECT_EXTENSION,):
        if base.lower().endswith(double):
            return base[: -len(double)]
    return os.path.splitext(base)[0]


# ---------------------------------------------------------------------- writing
def _writers() -> list[Writer]:
    try:
        from editor.formats.writers import WRITERS
    except ImportError:
        return []
    return list(WRITERS)


def all_writers() -> list[Writer]:
    return _writers()


def writer_names() -> list[str]:
    """The export formats' names (``txt``, ``srt``, ...), in the registry's order."""
    return [w.NAME for w in _writers()]


def writer(name: str) -> Writer:
    for candidate in _writers():
        if name == candidate.NAME:
            return candidate
    raise TranscriptError(f"no writer for {name!r}")


def export(transcript: Transcript, path: str | os.PathLike, name: str,
           options: ExportOptions | None = None) -> None:
    """Write *transcript* to *path* in format *name* (atomically when the project helper exists)."""
    chosen = writer(name)
    content = chosen.write(transcript, options or ExportOptions())
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    _write_atomically(Path(path), data)


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        from editor.core.atomic import atomic_write
    except ImportError:  # before the project module lands: a plain write
        try:
            path.write_bytes(data)
        except OSError as error:
            raise TranscriptError(f"cannot write the file ({error.strerror or error})", path) from None
        return
    try:
        atomic_write(path, data, backup=False)  # an export is regenerated, not a document to back up
    except TranscriptError as error:
        raise error.with_path(path) from None
