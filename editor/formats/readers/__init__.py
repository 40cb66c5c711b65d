"""Every transcript reader, in the order detection asks them (ties go to the earlier one).

A reader's module is imported the first time it is asked to sniff or read, not with the registry:
detection stops at the first reader that is surely right (for an SRT file the second), so opening
a caption file imports two readers, not fourteen (~15 ms of every start with a file). What the
registry tells of every reader without importing it (its name, label and file extensions) is
declared here, once; each reader class takes its own from its entry.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editor.core.errors import TranscriptError

if TYPE_CHECKING:
    from editor.formats.base import Reader, ReadResult

_IMPORTING = threading.Lock()   # one import of a reader's module at a time (read on a worker, too)


@dataclass(eq=False)
class ReaderEntry:
    """A reader as the registry lists it: what it reads, and the reader itself, imported when first used."""

    NAME: str                       # registry key, e.g. "srt"
    LABEL: str                      # for menus and `check`, e.g. "SubRip subtitles (SRT)"
    EXTENSIONS: tuple[str, ...]     # the file extensions it is named by, e.g. (".srt",)
    where: str                      # "module:Class" under editor.formats.readers
    _reader: Reader | None = field(default=None, repr=False)

    def load(self) -> Reader:
        """The reader (its module imported the first time). An install whose reader module is missing
        or does not import is a :class:`~editor.core.errors.TranscriptError` of the file being read."""
        if self._reader is None:
            with _IMPORTING:
                if self._reader is None:
                    module, name = self.where.split(":")
                    try:
                        self._reader = getattr(importlib.import_module(f"editor.formats.readers.{module}"), name)()
                    except (ImportError, AttributeError) as error:
                        raise TranscriptError(f"the reader of {self.LABEL} could not be loaded ({error}); "
                                              "the installation is incomplete, please reinstall") from error
        return self._reader

    @property
    def MERGES_CUES(self) -> bool:   # noqa: N802 (the readers' class attribute)
        """Whether it reads caption cues and merges them into turns unless told to keep them."""
        return getattr(self.load(), "MERGES_CUES", False)

    def sniff(self, text: str) -> float:
        return self.load().sniff(text)

    def read(self, text: str, **options) -> ReadResult:
        return self.load().read(text, **options)


VTT = ReaderEntry("vtt", "WebVTT captions", (".vtt",), "vtt:VttReader")
SRT = ReaderEntry("srt", "SubRip subtitles (SRT)", (".srt",), "srt:SrtReader")
SBV = ReaderEntry("sbv", "YouTube captions (SBV)", (".sbv",), "sbv:SbvReader")
ASS = ReaderEntry("ass", "SubStation Alpha subtitles (ASS/SSA)", (".ass", ".ssa"), "ass:AssReader")
PODCASTING_JSON = ReaderEntry("podcasting-json", "Podcasting 2.0 JSON transcript", (".json",),
                              "podcasting_json:PodcastingJsonReader")
WHISPER_JSON = ReaderEntry("whisper-json", "Whisper JSON (openai-whisper, WhisperX, whisper.cpp)", (".json",),
                           "whisper_json:WhisperJsonReader")
OTRANSCRIBE = ReaderEntry("otranscribe", "oTranscribe (.otr)", (".otr",), "otranscribe:OTranscribeReader")
PODCAST_HTML = ReaderEntry("podcast-html", "Podcasting 2.0 HTML transcript", (".html", ".htm"),
                           "podcast_html:PodcastHtmlReader")
NOSCRIBE = ReaderEntry("noscribe", "noScribe HTML", (".html", ".htm"), "noscribe:NoScribeReader")
REV = ReaderEntry("rev", "Rev-style text (Name (00:00):)", (".txt",), "rev:RevReader")
OTTER = ReaderEntry("otter", "Otter.ai text (Name  0:00)", (".txt",), "otter:OtterReader")
DESCRIPT = ReaderEntry("descript", "Descript-style text ([00:00:00] Name: text)", (".txt", ".md"),
                       "descript:DescriptReader")
PODCAST_PAGE = ReaderEntry("podcast-page", "Podcast page transcript (Speaker 00:00:00 text)",
                           (".txt", ".html", ".htm"), "podcast_page:PodcastPageReader")
PLAIN_TEXT = ReaderEntry("text", "Plain text (no times)", (".txt", ".md", ".text"), "plain_text:PlainTextReader")

READERS: list[ReaderEntry] = [
    VTT,
    SRT,
    SBV,
    ASS,
    PODCASTING_JSON,
    WHISPER_JSON,
    OTRANSCRIBE,
    PODCAST_HTML,
    NOSCRIBE,
    REV,
    OTTER,
    DESCRIPT,
    PODCAST_PAGE,
    PLAIN_TEXT,
]

__all__ = ["READERS", "ReaderEntry"]
