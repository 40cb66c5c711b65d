"""Otter.ai TXT export: ``Name  0:00`` header line (two spaces), the turn's text below.

Otter writes no end times and no word times; an end is the next turn's start.
Without speaker identification the header is the time alone.
"""

from __future__ import annotations

import re

from editor.formats.base import ReadResult
from editor.formats.readers import OTTER
from editor.formats.readers._build import HEADER_CLOCK, SNIFF_CHARS, TranscriptBuilder, clock_ms, read_headed

_TIME = HEADER_CLOCK
# Otter's own layout: exactly two spaces before the time (trailing spaces follow). One space is
# accepted when reading (hand-edited files) but counts for less when sniffing.
_HEADER = re.compile(rf"^(?:(?P<name>\S[^\t]{{0,60}}?)( {{1,}}))?(?P<time>{_TIME})[ \t]*$")
_OTTER_HEADER = re.compile(rf"^\S[^\t]{{0,60}}?  (?:{_TIME})[ \t]*$", re.MULTILINE)
_LOOSE_HEADER = re.compile(rf"^\S[^\t]{{0,60}}? (?:{_TIME})[ \t]*\n(?=[ \t]*\S)", re.MULTILINE)
_TIME_ONLY = re.compile(rf"^(?:{_TIME})[ \t]*\n(?=[ \t]*\S)", re.MULTILINE)  # no speaker names


class OtterReader:
    NAME, LABEL, EXTENSIONS = OTTER.NAME, OTTER.LABEL, OTTER.EXTENSIONS

    def sniff(self, text: str) -> float:
        head = text[:SNIFF_CHARS]
        if len(_OTTER_HEADER.findall(head)) >= 2 or (len(head) < 400 and _OTTER_HEADER.search(head)):
            return 0.9
        if len(_LOOSE_HEADER.findall(head)) >= 2 or len(_TIME_ONLY.findall(head)) >= 2:
            return 0.55
        return 0.0

    def read(self, text: str) -> ReadResult:
        build = TranscriptBuilder(self.NAME)

        def turn_of(match: re.Match, line: int):
            return build.speaker(match.group("name")), clock_ms(match.group("time"), line), ""

        read_headed(text, _HEADER, build, turn_of)
        return build.result()
