"""Plain-text export in Rev's layout: ``Name (MM:SS):`` on its own line, the turn below.

With ``include_times`` off the header is ``Name:``; with ``include_speakers``
off it is ``(MM:SS)``; with both off turns are plain paragraphs. Turns are
separated by a blank line; times switch to ``HH:MM:SS`` from the first hour on.
Untimed turns simply have no time in their header.
"""

from __future__ import annotations

import re

from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.render import render_segment, turn_clock

_BLANK_LINES = re.compile(r"\n\s*\n")


class PlainTextWriter:
    NAME = "txt"
    LABEL = "Plain text (Rev layout)"
    EXTENSION = ".txt"
    BINARY = False
    DEFAULT_INAUDIBLE = InaudibleStyle.REV

    def write(self, transcript: Transcript, options: ExportOptions) -> str:
        style = options.inaudible_style or self.DEFAULT_INAUDIBLE
        turns = []
        for segment in transcript.segments:
            # A blank line inside a turn would read as the start of the next turn.
            text = _BLANK_LINES.sub("\n", render_segment(segment, style).strip())
            header = _header(transcript, segment.speaker_id, segment.start_ms, options)
            turns.append(f"{header}\n{text}\n" if header else f"{text}\n")
        return "\n".join(turns)


def _header(transcript: Transcript, speaker_id: str | None, start_ms: int | None,
            options: ExportOptions) -> str:
    name = transcript.speaker_name(speaker_id) if options.include_speakers else ""
    time = f"({turn_clock(start_ms)})" if options.include_times and start_ms is not None else ""
    if name and time:
        return f"{name} {time}:"
    if name:
        return f"{name}:"
    return time
