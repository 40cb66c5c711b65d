"""Rev-style TXT: ``Name (MM:SS):`` (or ``Name: (MM:SS)``) then the turn's text.

Inline tags such as ``[inaudible 00:12:03]`` and ``[crosstalk]`` become marks;
other tags (``[laughs]``) stay text. Text on the header line itself is kept.
"""

from __future__ import annotations

import re

from editor.formats.base import ReadResult
from editor.formats.readers import REV
from editor.formats.readers._build import (
    HEADER_CLOCK,
    SNIFF_CHARS,
    TranscriptBuilder,
    opening_header,
    plausible_name,
    read_headed,
)
from editor.formats.speaker_label import QUOTED_NAME, read

_TIME = HEADER_CLOCK
# A name's characters: a colon only before a space, as in "Clip: Jimmy Carter (00:00):" (a label
# and a name); the shortest name is tried first, so "Maya Ortiz: (00:09)" still ends at the colon.
_NAME_CHARS = r"(?:[^()\[\]:\n]|:(?=[ \t]))"
# A name with a colon in it may be quoted, as the TXT writer writes "Dr. Who:" (00:15):.
_HEADER = re.compile(
    rf"^(?:(?P<name>{QUOTED_NAME}|[^\s(\[]{_NAME_CHARS}{{0,60}}?)"
    rf"(?: ?[(\[](?P<time>{_TIME})[)\]]:|: ?[(\[](?P<time2>{_TIME})[)\]])"
    rf"|[(\[](?P<time3>{_TIME})[)\]]:?)[ \t]*(?P<rest>.*)$")  # "(00:00)": a turn with no speaker name
_SNIFF = re.compile(rf"^(?:(?:{QUOTED_NAME}|[^\s(\[]{_NAME_CHARS}{{0,60}}?)"
                    rf"(?: ?[(\[](?:{_TIME})[)\]]:|: ?[(\[](?:{_TIME})[)\]])"
                    rf"|\((?:{_TIME})\):?[ \t]*$)", re.MULTILINE)


class RevReader:
    NAME, LABEL, EXTENSIONS = REV.NAME, REV.LABEL, REV.EXTENSIONS

    def sniff(self, text: str) -> float:
        head = text[:SNIFF_CHARS]
        count = len(_SNIFF.findall(head))
        if count >= 2 or (count == 1 and (len(head) < 400 or _opens_a_turn(head))):
            return 0.9
        return 0.0

    def read(self, text: str) -> ReadResult:
        build = TranscriptBuilder(self.NAME)

        def turn_of(match: re.Match, line: int):
            time = match.group("time") or match.group("time2") or match.group("time3")
            name = match.group("name")
            speaker = build.speaker(read(name.strip()) if name else None)
            return speaker, build.header_clock(time, line), match.group("rest")

        read_headed(text, _HEADER, build, turn_of)
        return build.result()


def _opens_a_turn(head: str) -> bool:
    """Whether *head* opens with a header followed by its turn's text: a solo episode, or a first
    turn so long that the next header lies beyond the head. "Name (00:00):" is Rev's own shape;
    the name must read as one, as "the meeting (10:00): who came" opens prose."""
    opening = opening_header(head, _SNIFF)
    if opening is None:
        return False
    header = _HEADER.match(opening[0].string)
    if header is None:
        return False
    name = header.group("name")
    if name is not None and not plausible_name(read(name.strip())):
        return False
    return bool(header.group("rest").strip()) or (bool(opening[1].strip()) and _HEADER.match(opening[1]) is None)
