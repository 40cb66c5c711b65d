"""What every format module provides, and the options exports share.

A *reader* turns decoded text into a :class:`~editor.core.Transcript`; a
*writer* turns a transcript into text or bytes. Detection is by content:
each reader scores how sure it is that a text is its format
(:meth:`Reader.sniff`), and the file extension only breaks ties.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Protocol

from editor.core.transcript import Transcript


class InaudibleStyle(str, enum.Enum):
    REV = "rev"      # [inaudible 00:12:03]
    PLAIN = "plain"  # [inaudible]
    OMIT = "omit"    # nothing


@dataclass
class ExportOptions:
    inaudible_style: InaudibleStyle | None = None  # None: the format's own default
    include_speakers: bool = True
    include_times: bool = True
    max_line_chars: int = 42
    max_lines: int = 2
    word_level: bool | None = None  # Podcasting 2.0 JSON: None means "when words have times"


@dataclass
class ReadResult:
    transcript: Transcript
    format: str                 # a reader's NAME
    warnings: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)   # a project's free "extra" object (kept through save)


class Reader(Protocol):
    NAME: str          # registry key, e.g. "srt"
    LABEL: str         # for menus and `check`, e.g. "SubRip (SRT)"

    @property
    def EXTENSIONS(self) -> tuple[str, ...]:   # a class attribute in readers: (".srt",)
        ...

    def sniff(self, text: str) -> float:
        """0.0 (surely not this format) … 1.0 (surely this format)."""

    def read(self, text: str) -> ReadResult:
        """Parse *text*; raise :class:`~editor.core.TranscriptError` (with line) when impossible."""


class Writer(Protocol):
    NAME: str          # the `--to` value, e.g. "srt"
    LABEL: str
    EXTENSION: str
    BINARY: bool
    DEFAULT_INAUDIBLE: InaudibleStyle

    def write(self, transcript: Transcript, options: ExportOptions) -> str | bytes: ...
