"""Chapter edits: add, change and remove the episode's chapters (kept sorted by start)."""

from __future__ import annotations

from bisect import bisect_right
from urllib.parse import urlsplit

from editor.core.ops.base import SetChapters
from editor.core.timecode import format_clock
from editor.core.transcript import Chapter, Transcript

MAX_TITLE_CHARS = 256  # far beyond any player's display; longer is a paste gone wrong


def add_chapter(transcript: Transcript, start_ms: int, title: str, url: str = "",
                image: str = "") -> SetChapters:
    """A new chapter at *start_ms*; the new chapter's index is ``chapter_index(op, ...)``."""
    chapter = checked_chapter(start_ms, title, url, image)
    chapters = list(transcript.chapters)
    if any(existing.start_ms == chapter.start_ms for existing in chapters):
        raise ValueError(f"a chapter already starts at {format_clock(chapter.start_ms, hours=True)}")
    chapters.insert(bisect_right([c.start_ms for c in chapters], chapter.start_ms), chapter)
    return SetChapters(tuple(chapters))


def edit_chapter(transcript: Transcript, index: int, *, start_ms: int | None = None,
                 title: str | None = None, url: str | None = None, image: str | None = None) -> SetChapters:
    """Change some fields of chapter *index* (a new start re-sorts the list)."""
    old = _chapter_at(transcript, index)
    chapter = checked_chapter(old.start_ms if start_ms is None else start_ms,
                              old.title if title is None else title,
                              old.url if url is None else url,
                              old.image if image is None else image)
    others = [c for i, c in enumerate(transcript.chapters) if i != index]
    if any(other.start_ms == chapter.start_ms for other in others):
        raise ValueError(f"a chapter already starts at {format_clock(chapter.start_ms, hours=True)}")
    others.insert(bisect_right([c.start_ms for c in others], chapter.start_ms), chapter)
    return SetChapters(tuple(others))


def remove_chapter(transcript: Transcript, index: int) -> SetChapters:
    _chapter_at(transcript, index)
    return SetChapters(tuple(c for i, c in enumerate(transcript.chapters) if i != index))


def chapter_index(chapters, start_ms: int) -> int:
    """Where the chapter starting at *start_ms* is in a sorted chapter list (-1 when none is)."""
    for index, chapter in enumerate(chapters):
        if chapter.start_ms == start_ms:
            return index
    return -1


def checked_chapter(start_ms: int, title: str, url: str = "", image: str = "") -> Chapter:
    """A :class:`Chapter` from user input, or ValueError saying what is wrong."""
    if type(start_ms) is not int or start_ms < 0:
        raise ValueError("a chapter starts at a time of zero or more")
    title = " ".join(str(title).split())
    if not title:
        raise ValueError("a chapter needs a title")
    if len(title) > MAX_TITLE_CHARS:
        raise ValueError(f"a chapter title has at most {MAX_TITLE_CHARS} characters")
    return Chapter(start_ms, title, _checked_url(url, "link"), _checked_url(image, "image"))


def _checked_url(value: str, what: str) -> str:
    value = (value or "").strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(ch.isspace() for ch in value):
        raise ValueError(f"the chapter {what} must be a web address (http:// or https://), not {value!r}")
    return value


def _chapter_at(transcript: Transcript, index: int) -> Chapter:
    if not 0 <= index < len(transcript.chapters):
        raise ValueError(f"no chapter number {index + 1}")
    return transcript.chapters[index]

