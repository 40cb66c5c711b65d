"""Publishing an episode into a folder: one file per format, the chapters, and the feed tags.

The command line (``transcript-editor publish``) and the window (File ▸
Publish…) both call :func:`publish`. Everything is rendered first and
written only when every file could be; each file is written atomically. A
file that would replace one of the inputs (the transcript or project, the
audio) stops the publish before anything is written, and so does one that
would replace a file the last publish there did not write as it is now (a hand
edit; see :mod:`.manifest`) unless the producer gave leave. A republish
removes the files the last one wrote that no longer belong (``chapters.json``
once the chapters are gone), unless they were edited since: those stay, and
are reported.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.atomic import atomic_write
from editor.core.errors import TranscriptError
from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions
from editor.formats.writers import writer_named
from editor.publish.feed_tags import FeedFile, check_base_url, check_language, feed_tags, file_url
from editor.publish.language import default_language, transcript_texts
from editor.publish.manifest import MANIFEST_FILE, Manifest, digest
from editor.publish.readiness import Readiness, check
from editor.publish.rules import FORMAT_NAMES, publish_format, publish_options

TAGS_FILE = "transcript-tags.xml"
CHAPTERS_FILE = "chapters.json"

# progress(files rendered, files in all) -> False to stop (before anything is written).
Progress = Callable[[int, int], bool]


class PublishCancelled(Exception):
    """The producer stopped the publish; no file was written."""


class WouldOverwriteInput(TranscriptError):
    """A published file would replace one of the inputs; nothing was written."""


class WouldReplaceChanged(TranscriptError):
    """Published files would replace files the last publish did not write as they are; nothing was written."""

    def __init__(self, files: list[Path]):
        self.files = files
        names = ", ".join(path.name for path in files)
        one = len(files) == 1
        super().__init__(f"{names} {'was' if one else 'were'} changed since the last publish here, or not "
                         f"published by this app; publishing would replace {'it' if one else 'them'}",
                         files[0].parent)


@dataclass(frozen=True)
class PublishedFile:
    path: Path
    format: str     # vtt, srt, json, html, txt, chapters
    mime: str
    url: str        # as the feed tags name it


@dataclass
class Published:
    folder: Path
    files: list[PublishedFile] = field(default_factory=list)   # the transcripts and chapters.json
    tags: str = ""                                             # the feed snippet (also in tags_path)
    tags_path: Path = Path(TAGS_FILE)
    readiness: Readiness | None = None
    removed: list[Path] = field(default_factory=list)     # the last publish's files that no longer belong
    left_over: list[Path] = field(default_factory=list)   # ... kept, as they were edited since
    replaced_changed: list[Path] = field(default_factory=list)   # changed files replaced with leave

    def cleanup_note(self) -> str:
        """A sentence on files removed or left over from the last publish ("" when none)."""
        notes = []
        if self.removed:
            notes.append("Removed from the last publish, no longer part of the episode: "
                         + ", ".join(path.name for path in self.removed) + ".")
        if self.left_over:
            notes.append("Left in the folder, no longer part of the episode but edited since the last "
                         "publish: " + ", ".join(path.name for path in self.left_over)
                         + " (delete or keep them by hand).")
        return " ".join(notes)


def episode_file_stem(transcript: Transcript, fallback: str = "") -> str:
    """A file name for the episode that survives any web server: ``tidewater-notes-12``."""
    for candidate in (transcript.meta.title, fallback, "transcript"):
        slug = _slug(candidate or "")
        if slug:
            return slug
    return "transcript"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:80].rstrip("-")


def parse_formats(text: str | Sequence[str] | None) -> list[str]:
    """``"vtt,srt"`` (or a list) as format names in the table's order; ValueError for unknown ones."""
    if text is None:
        return list(FORMAT_NAMES)
    names = [n.strip().lower() for n in (text.split(",") if isinstance(text, str) else text) if n.strip()]
    unknown = [n for n in names if n not in FORMAT_NAMES]
    if unknown:
        raise ValueError(f"unknown format {unknown[0]!r} (choose from {', '.join(FORMAT_NAMES)})")
    if not names:
        raise ValueError(f"no format chosen (choose from {', '.join(FORMAT_NAMES)})")
    return [n for n in FORMAT_NAMES if n in names]


def plan_tags(transcript: Transcript, formats: Sequence[str], base_url: str = "", language: str = "",
              stem: str | None = None) -> str:
    """The feed snippet a publish with these choices would write (for a preview)."""
    stem = stem or episode_file_stem(transcript)
    files = [FeedFile(stem + publish_format(n).extension, publish_format(n).mime, publish_format(n).captions)
             for n in formats]
    return feed_tags(transcript, files, check_base_url(base_url), _language(transcript, language),
                     CHAPTERS_FILE if transcript.chapters else "")


def publish(transcript: Transcript, folder: str | os.PathLike, *, formats: Sequence[str] | None = None,
            base_url: str = "", language: str = "", choices: ExportOptions | None = None,
            inputs: Iterable[str | os.PathLike] = (), stem: str | None = None,
            progress: Progress | None = None, replace_changed: bool = False) -> Published:
    """Write the episode's published files into *folder* (made if missing).

    *choices* carries the producer's export choices that publishing keeps
    (clean verbatim, word-timed WebVTT, inaudible style); *inputs* are files
    that must not be overwritten; *progress* hears after each file is rendered
    and may stop the publish (:class:`PublishCancelled`: nothing is written,
    since rendering comes first). A file in the way that the last publish did
    not write as it is now raises :class:`WouldReplaceChanged` (nothing
    written) unless *replace_changed*. Raises ValueError for bad arguments and
    :class:`TranscriptError` (naming the file) when a file cannot be written.
    """
    names = parse_formats(formats)
    base = check_base_url(base_url)
    language = _language(transcript, language)
    folder = Path(folder)
    stem = stem or episode_file_stem(transcript)
    rendered: list[tuple[Path, str, str, bytes]] = []
    feed_files = []
    total = len(names) + 1
    for number, name in enumerate(names):
        if progress is not None and not progress(number, total):
            raise PublishCancelled()
        spec = publish_format(name)
        content = writer_named(name).write(transcript, publish_options(name, choices))
        path = folder / (stem + spec.extension)
        rendered.append((path, name, spec.mime, _bytes(content)))
        feed_files.append(FeedFile(path.name, spec.mime, spec.captions))
    chapters_file = ""
    if transcript.chapters:
        chapters_file = CHAPTERS_FILE
        rendered.append((folder / CHAPTERS_FILE, "chapters", "application/json+chapters",
                         _bytes(writer_named("chapters").write(transcript, ExportOptions()))))
    if progress is not None and not progress(len(names), total):
        raise PublishCancelled()
    tags = feed_tags(transcript, feed_files, base, language, chapters_file)
    tags_path = folder / TAGS_FILE
    tags_bytes = tags.encode("utf-8")
    _refuse_inputs([path for path, *_ in rendered] + [tags_path], inputs)
    last = Manifest.read(folder)
    outputs = {path: data for path, _name, _mime, data in rendered} | {tags_path: tags_bytes}
    changed = [path for path, data in outputs.items() if _changed(path, data, last)]
    if changed and not replace_changed:
        raise WouldReplaceChanged(changed)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TranscriptError(f"cannot make the folder ({error.strerror or error})", folder) from None
    published = Published(folder, readiness=check(transcript), replaced_changed=changed)
    for path, name, mime, data in rendered:
        atomic_write(path, data, backup=False)  # published files are regenerated, not edited
        published.files.append(PublishedFile(path, name, mime, file_url(base, path.name)))
    atomic_write(tags_path, tags_bytes, backup=False)
    published.tags, published.tags_path = tags, tags_path
    _remove_stale(folder, last, {path.name for path in outputs}, published)
    Manifest({path.name: digest(data) for path, data in outputs.items()}).write(folder)
    if progress is not None:
        progress(total, total)
    return published


def _changed(path: Path, data: bytes, last: Manifest) -> bool:
    """True when writing *data* to *path* would lose something: a file there that is neither what
    the last publish wrote nor already *data*."""
    try:
        if not path.exists() or path.read_bytes() == data:
            return False
    except OSError:
        return False   # unreadable: writing it will say why
    return not last.as_written(path)


def _remove_stale(folder: Path, last: Manifest, written: set[str], published: Published) -> None:
    """Remove the last publish's files this one did not write, if still as written (else report them)."""
    for name in sorted(set(last.files) - written - {MANIFEST_FILE}):
        path = folder / name
        if not path.is_file():
            continue
        if not last.as_written(path):
            published.left_over.append(path)
            continue
        try:
            path.unlink()
        except OSError:
            published.left_over.append(path)
        else:
            published.removed.append(path)


def _language(transcript: Transcript, language: str) -> str:
    """The language asked for, else the episode's, else its text's, else the system's (:func:`default_language`);
    ValueError for something asked for that is no language code (a project's odd language field
    does not stop a publish: it is passed over)."""
    if (language or "").strip():
        return check_language(language)
    return default_language(transcript.meta.language, texts=transcript_texts(transcript))[0]


def _bytes(content: str | bytes) -> bytes:
    # A lone surrogate pasted into the text must not abort the publish: write U+FFFD instead.
    return content if isinstance(content, bytes) else content.encode("utf-8", "replace")


def _refuse_inputs(outputs: list[Path], inputs: Iterable[str | os.PathLike]) -> None:
    existing = [Path(p) for p in inputs if p and Path(p).exists()]
    for output in outputs:
        for source in existing:
            if output.exists() and os.path.samefile(output, source):
                raise WouldOverwriteInput(f"publishing would overwrite the input {source}; choose another folder",
                                          output)
