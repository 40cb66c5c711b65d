"""What every format module provides, and the options exports share.

A *reader* turns decoded text into a :class:`~editor.core.Transcript`; a
*writer* turns a transcript into text or bytes. Detection is by content:
each reader scores how sure it is that a text is its format
(:meth:`Reader.sniff`), and the file extension only breaks ties.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol

from editor.core.read_result import ReadResult  # noqa: F401  (the readers' result, importable without them)
from editor.core.transcript import Transcript


class InaudibleStyle(str, enum.Enum):
    REV = "rev"      # [inaudible 00:12:03]
    PLAIN = "plain"  # [inaudible]
    OMIT = "omit"    # nothing


@dataclass
class ExportOptions:
    """What an export writes beside the text (speakers, times, marks' style, ...); defaults per format."""

    inaudible_style: InaudibleStyle | None = None  # None: the format's own default
    include_speakers: bool = True
    include_times: bool = True
    max_line_chars: int = 42
    max_lines: int = 2
    word_level: bool | None = None  # Podcasting 2.0 JSON: None means "when words have times"
    # Free choices of an export (all off by default):
    filler_words: tuple[str, ...] = ()  # clean verbatim: these words/phrases are left out
    word_timed_vtt: bool = False        # WebVTT: <00:00:01.000><c>word</c> karaoke timing
    include_chapters: bool = True       # chapter headings in TXT, HTML and DOCX
    author: str = ""                    # DOCX document properties
    # Caption line breaking, shared by exports and publishing (greedy filling left one-word last lines):
    balanced_lines: bool = True   # captions: no dangling one- or two-word last line or last cue of a turn
    clause_breaks: bool = True    # captions: break lines after a clause's punctuation where one is near
    # Publishing rules (see editor.publish.rules; a plain export leaves them off):
    sorted_times: bool = False    # captions: starts never decrease (JSON is always in time order)
    html_fragment: bool = False   # HTML: only the namespace's <cite>/<time>/<p> fragment, no document


class Reader(Protocol):
    NAME: str          # registry key, e.g. "srt"
    LABEL: str         # for menus and `check`, e.g. "SubRip (SRT)"

    @property
    def EXTENSIONS(self) -> tuple[str, ...]:   # a class attribute in readers: (".srt",)
        ...

    def sniff(self, text: str) -> float:
        """0.0 (surely not this format) … 1.0 (surely this format)."""

    def read(self, text: str) -> ReadResult:
        """Parse *text*; raise :class:`~editor.core.TranscriptError` (with line) when impossible.

        Readers of caption formats (``MERGES_CUES = True``) also take
        ``keep_captions``: False (the default) merges cues into turns
        (:mod:`editor.formats.turns`), True keeps one segment per cue.
        """


class CaptionReader(Reader, Protocol):
    """A reader of caption cues (SRT, WebVTT, Whisper JSON): merges them into turns unless told not to."""

    MERGES_CUES: bool

    def read(self, text: str, keep_captions: bool = False) -> ReadResult:
        """Parse *text*; cues become turns (:mod:`editor.formats.turns`) unless *keep_captions*."""


class Writer(Protocol):
    NAME: str          # the `--to` value, e.g. "srt"
    LABEL: str
    EXTENSION: str
    BINARY: bool
    DEFAULT_INAUDIBLE: InaudibleStyle
    # The ExportOptions fields it reads (the export dialog shows the others disabled, so nothing
    # looks like it does what it does not).
    OPTIONS: frozenset[str]

    def write(self, transcript: Transcript, options: ExportOptions) -> str | bytes: ...
