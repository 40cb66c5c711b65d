"""Plain-text export in Rev's layout: ``Name (MM:SS):`` on its own line, the turn below.

With ``include_times`` off the header is ``Name:``; with ``include_speakers``
off it is ``(MM:SS)``; with both off turns are plain paragraphs. Turns are
separated by a blank line; times switch to ``HH:MM:SS`` from the first hour on.
Untimed turns simply have no time in their header. A chapter is a heading
line underlined with ``=`` (a Markdown heading that reads as one in plain
text) before the turn it starts in.
"""

from __future__ import annotations

import re

from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.speaker_label import written
from editor.formats.writers.render import chapter_headings, export_text, turn_clock

_BLANK_LINES = re.compile(r"\n\s*\n")


class PlainTextWriter:
    NAME = "txt"
    LABEL = "Plain text (Rev layout)"
    EXTENSION = ".txt"
    BINARY = False
    DEFAULT_INAUDIBLE = InaudibleStyle.REV
    OPTIONS: frozenset[str] = frozenset({
        "include_speakers", "include_times", "include_chapters", "inaudible_style", "filler_words"
    })

    def write(self, transcript: Transcript, options: ExportOptions) -> str:
        style = options.inaudible_style or self.DEFAULT_INAUDIBLE
        headings = chapter_headings(transcript) if options.include_chapters else {}
        turns = []
        for index, segment in enumerate(transcript.segments):
            turns += [_heading(chapter.title) for chapter in headings.get(index, ())]
            # A blank line inside a turn would read as the start of the next turn.
            text = _BLANK_LINES.sub("\n", export_text(segment, style, options.filler_words).strip())
            if not text and options.filler_words:
                continue  # a turn that was all fillers
            header = _header(transcript, segment.speaker_id, segment.start_ms, options)
            turns.append(f"{header}\n{text}\n" if header else f"{text}\n")
        turns += [_heading(chapter.title) for chapter in headings.get(len(transcript.segments), ())]
        return "\n".join(turns)


def _heading(title: str) -> str:
    return f"{title}\n{'=' * max(3, len(title))}\n"


def _header(transcript: Transcript, speaker_id: str | None, start_ms: int | None,
            options: ExportOptions) -> str:
    name = written(transcript.speaker_name(speaker_id)) if options.include_speakers else ""
    time = f"({turn_clock(start_ms)})" if options.include_times and start_ms is not None else ""
    if name and time:
        return f"{name} {time}:"
    if name:
        return f"{name}:"
    return time
