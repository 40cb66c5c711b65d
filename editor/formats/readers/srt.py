"""SubRip (SRT): numbered cues, ``HH:MM:SS,mmm --> HH:MM:SS,mmm``, text lines, blank line.

Speakers are a ``Name:`` prefix on the cue text; a cue without one continues
the previous cue's speaker. Cues are merged into turns
(:mod:`editor.formats.turns`) unless the caller keeps the captions. A cue without a time
line is an error naming its line; text after a blank line inside a cue (a
common export glitch) is joined to that cue with a warning.
"""

from __future__ import annotations

import re
from typing import Any

from editor.core.errors import TranscriptError
from editor.formats.base import ReadResult
from editor.formats.readers._build import TranscriptBuilder, strip_markup
from editor.formats.readers._cues import blocks, ms, split_speaker

_STAMP = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_STAMP}\s*-->\s*{_STAMP}")
_SNIFF_COMMA = re.compile(r"^\s*\d+:\d{1,2}:\d{1,2},\d{1,3}\s*-->", re.MULTILINE)
_SNIFF_ANY = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3}\s*-->", re.MULTILINE)


class SrtReader:
    NAME = "srt"
    LABEL = "SubRip subtitles (SRT)"
    EXTENSIONS = (".srt",)
    MERGES_CUES = True

    def sniff(self, text: str) -> float:
        head = text[:8192]
        if head.lstrip().startswith("WEBVTT"):
            return 0.0
        if _SNIFF_COMMA.search(head):
            return 0.95
        return 0.6 if _SNIFF_ANY.search(head) else 0.0

    def read(self, text: str, keep_captions: bool = False) -> ReadResult:
        build = TranscriptBuilder(self.NAME)
        cue_lines: list[list[str]] = []
        speaker = None
        joined = 0
        previous: list[Any] | None = None    # [speaker, start, end, text] of the cue being read
        for line_no, lines in blocks(text.split("\n")):
            timing = _TIMING.match(lines[0])
            offset = 0
            if timing is None and len(lines) > 1 and lines[0].strip().isdigit():
                timing = _TIMING.match(lines[1])
                offset = 1
                if timing is None:
                    raise TranscriptError(f"cue {lines[0].strip()} has no time line "
                                          "(expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm')", line=line_no + 1)
            if timing is None:
                if "-->" in lines[0] or lines[0].strip().isdigit():
                    raise TranscriptError(f"not a valid cue time line: {lines[0].strip()[:60]!r}",
                                          line=line_no)
                if previous is None:
                    raise TranscriptError("expected a cue number or a time line", line=line_no)
                previous[3] += " " + " ".join(lines)  # text after a stray blank line inside a cue
                joined += 1
                continue
            if previous is not None:
                build.add_text(*previous)
            g = timing.groups()
            start, end = ms(g[0], g[1], g[2], g[3]), ms(g[4], g[5], g[6], g[7])
            shown = [strip_markup(line) for line in lines[offset + 1:]]
            cue_lines.append(shown)
            body = " ".join(shown)
            name, body = split_speaker(body)
            if name is not None:
                speaker = build.speaker(name)
            previous = [speaker, start, end, body]
        if previous is not None:
            build.add_text(*previous)
        if not build.segments:
            raise TranscriptError("no subtitle cues found", line=1)
        if joined:
            build.warnings.append(f"{joined} text block(s) after a blank line inside a cue were "
                                  "joined to that cue")
        return build.result(keep_captions, cue_lines)

