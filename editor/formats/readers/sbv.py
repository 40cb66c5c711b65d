"""YouTube captions (``.sbv``): ``H:MM:SS.mmm,H:MM:SS.mmm`` time line, text lines, blank line.

YouTube Studio exports this when captions are downloaded. Speakers, when the
captioner named them, are a ``>> NAME:`` or ``Name:`` prefix; a cue without
one continues the previous cue's speaker, as in SRT. A block whose time line
is missing is kept as an untimed segment with a warning naming its line.
"""

from __future__ import annotations

import re

from editor.core.errors import TranscriptError
from editor.formats.base import ReadResult
from editor.formats.readers import SBV
from editor.formats.readers._build import TranscriptBuilder, strip_markup
from editor.formats.readers._cues import blocks, ms, out_of_range_warning, split_speaker, untimed_warning

_STAMP = r"(\d+):(\d{1,2}):(\d{1,2})[.,](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_STAMP}\s*,\s*{_STAMP}\s*$")
_SNIFF = re.compile(rf"^{_STAMP},{_STAMP}[ \t]*$", re.MULTILINE)
_CHEVRONS = re.compile(r"^\s*>>\s*")


class SbvReader:
    NAME, LABEL, EXTENSIONS = SBV.NAME, SBV.LABEL, SBV.EXTENSIONS

    def sniff(self, text: str) -> float:
        found = len(_SNIFF.findall(text[:8192]))
        return 0.9 if found >= 2 or (found == 1 and len(text) < 400) else 0.0

    def read(self, text: str) -> ReadResult:
        build = TranscriptBuilder(self.NAME)
        speaker = None
        untimed: list[int] = []
        out_of_range: list[tuple[int, str]] = []   # (line, time line) of times past 59 minutes or seconds
        for line_no, lines in blocks(text.split("\n")):
            timing = _TIMING.match(lines[0])
            if timing is None:
                start = end = None
                body_lines = lines
                untimed.append(line_no)
            else:
                g = timing.groups()
                start, end = ms(g[0], g[1], g[2], g[3]), ms(g[4], g[5], g[6], g[7])
                if start is None or end is None:
                    out_of_range.append((line_no, lines[0]))
                    start = end = None
                body_lines = lines[1:]
            body = " ".join(strip_markup(_CHEVRONS.sub("", line)) for line in body_lines)
            name, body = split_speaker(body, build.speaker_names)
            if name is not None:
                speaker = build.speaker(_spoken_name(name))
            build.add_text(speaker, start, end, body)
        if not build.segments:
            raise TranscriptError("no caption blocks found", line=1)
        if untimed:
            build.warnings.append(untimed_warning(untimed, "'H:MM:SS.mmm,H:MM:SS.mmm'"))
        if out_of_range:
            build.warnings.append(out_of_range_warning(out_of_range))
        return build.result()


def _spoken_name(name: str) -> str:
    """YouTube captioners write names in capitals (``>> ALICE:``); show them as names."""
    return name.title() if name.isupper() and len(name) > 1 else name
