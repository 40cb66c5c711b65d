"""WebVTT export with ``<v Name>`` voice tags (Apple Podcasts shows these names).

Every cue carries its speaker's voice tag, so a player that shows one cue at a
time can always say who speaks; names are written as typed (spaces are legal
in a voice annotation) with ``&``, ``<`` and ``>`` escaped, as is all cue text.
"""

from __future__ import annotations

from editor.core.timecode import format_clock
from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.captions import build_cues


def escape(text: str) -> str:
    """WebVTT cue-text escaping (also keeps ``-->`` out of cue text)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class WebVttWriter:
    NAME = "vtt"
    LABEL = "WebVTT captions with speaker names"
    EXTENSION = ".vtt"
    BINARY = False
    DEFAULT_INAUDIBLE = InaudibleStyle.PLAIN

    def write(self, transcript: Transcript, options: ExportOptions) -> str:
        style = options.inaudible_style or self.DEFAULT_INAUDIBLE
        parts = ["WEBVTT\n"]
        title = " ".join(transcript.meta.title.split())
        if title and "-->" not in title:
            parts.append(f"NOTE {title}\n")
        for cue in build_cues(transcript, options, style, name_prefix=False):
            lines = [escape(line) for line in cue.lines]
            if cue.speaker:
                lines[0] = f"<v {escape(cue.speaker)}>{lines[0]}"
            parts.append(f"{_clock(cue.start_ms)} --> {_clock(cue.end_ms)}\n" + "\n".join(lines) + "\n")
        return "\n".join(parts)


def _clock(ms: int) -> str:
    return format_clock(ms, hours=True, millis=True, separator=".")
