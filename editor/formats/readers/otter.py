"""Otter.ai TXT export: ``Name  0:00`` header line (two spaces), the turn's text below.

Otter writes no end times and no word times; an end is the next turn's start.
Without speaker identification the header is the time alone.
"""

from __future__ import annotations

import re

from editor.formats.base import ReadResult
from editor.formats.readers import OTTER
from editor.formats.readers._build import (
    HEADER_CLOCK,
    SNIFF_CHARS,
    TranscriptBuilder,
    opening_header,
    plausible_name,
    read_headed,
)

_TIME = HEADER_CLOCK
# Otter's own layout: exactly two spaces before the time (trailing spaces follow). One space is
# accepted when reading (hand-edited files) but counts for less when sniffing.
_HEADER = re.compile(rf"^(?:(?P<name>\S[^\t]{{0,60}}?)( {{1,}}))?(?P<time>{_TIME})[ \t]*$")
_OTTER_HEADER = re.compile(rf"^\S[^\t]{{0,60}}?  (?:{_TIME})[ \t]*$", re.MULTILINE)
_LOOSE_HEADER = re.compile(rf"^\S[^\t]{{0,60}}? (?:{_TIME})[ \t]*\n(?=[ \t]*\S)", re.MULTILINE)
_TIME_ONLY = re.compile(rf"^(?:{_TIME})[ \t]*\n(?=[ \t]*\S)", re.MULTILINE)  # no speaker names
# A clock in the recording's first minute ("0:04", "00:04", "0:00:04"): how a transcript's first
# turn starts, and rarely a time of day in prose ("Monday 9:30").
_FIRST_MINUTE = re.compile(r"^(?:0?0:)?0?0:\d{2}$")


class OtterReader:
    NAME, LABEL, EXTENSIONS = OTTER.NAME, OTTER.LABEL, OTTER.EXTENSIONS

    def sniff(self, text: str) -> float:
        head = text[:SNIFF_CHARS]
        if len(_OTTER_HEADER.findall(head)) >= 2 or (len(head) < 400 and _OTTER_HEADER.search(head)):
            return 0.9
        if len(_LOOSE_HEADER.findall(head)) >= 2 or len(_TIME_ONLY.findall(head)) >= 2:
            return 0.55
        return _opening_score(head)

    def read(self, text: str) -> ReadResult:
        build = TranscriptBuilder(self.NAME)

        def turn_of(match: re.Match, line: int):
            return build.speaker(match.group("name")), build.header_clock(match.group("time"), line), ""

        read_headed(text, _HEADER, build, turn_of)
        return build.result()


def _opening_score(head: str) -> float:
    """How sure a text opening with a single header is Otter's: a solo episode, or a first turn so
    long that the next header lies beyond the head. Otter's own layout (a name, two spaces, the
    time, alone on its line) is enough; one space or no name only with a time in the first minute,
    as "Monday 9:30" opens a diary entry."""
    opening = opening_header(head, _HEADER)
    if opening is None:
        return 0.0
    match, following = opening
    if not following.strip() or _HEADER.match(following):
        return 0.0   # a header with no turn text under it
    name, spaces = match.group("name"), match.group(2)
    if name is not None and not plausible_name(name.strip()):
        return 0.0
    if name is not None and len(spaces) >= 2:
        return 0.9
    return 0.55 if _FIRST_MINUTE.match(match.group("time")) else 0.0
