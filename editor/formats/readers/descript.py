"""Descript-style TXT: ``[00:00:09] Name: text`` per paragraph; time and name both optional.

Descript's plain-text layout is not documented, so both ``[00:00:09] Name: text``
and untimed ``Name: text`` paragraphs are read; the latter (any speaker-labelled
script without times) gives untimed segments the producer times later.
"""

from __future__ import annotations

import re
from collections import Counter

from editor.formats.base import ReadResult
from editor.formats.readers import DESCRIPT
from editor.formats.readers._build import NAME, SNIFF_CHARS, TranscriptBuilder, plausible_name, read_headed
from editor.formats.speaker_label import QUOTED_NAME, read

_TIME = r"\d+:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_TIMED = re.compile(rf"^\[(?P<time>{_TIME})\][ \t]*(?:(?P<name>{NAME}):(?:[ \t]+|$))?(?P<rest>.*)$")
# "Name: text", or "Name:" alone with the text on the lines below.
_UNTIMED = re.compile(rf"^(?P<name>{NAME}):(?:[ \t]+(?P<rest>\S.*)|[ \t]*)$")
# "Clip: Jimmy Carter:" alone on its line: a name with a label and a colon (as a TXT export
# without times writes it), not "Clip" saying "Jimmy Carter:".
_LABELLED_ALONE = re.compile(rf"^(?P<name>{NAME}: {NAME}):[ \t]*$")
# '"Dr. Who:":' : a name with a colon in it, quoted as the TXT writer writes it.
_QUOTED = re.compile(rf"^(?P<name>{QUOTED_NAME}):(?:[ \t]+(?P<rest>\S.*)|[ \t]*)$")


class DescriptReader:
    NAME, LABEL, EXTENSIONS = DESCRIPT.NAME, DESCRIPT.LABEL, DESCRIPT.EXTENSIONS

    def sniff(self, text: str) -> float:
        lines = text[:SNIFF_CHARS].split("\n")
        timed = sum(1 for line in lines if line.startswith("[") and _TIMED.match(line))
        if timed >= 2 or (timed == 1 and len(lines) < 5):
            return 0.85
        return 0.45 if _speaker_labels(lines) else 0.0

    def read(self, text: str) -> ReadResult:
        build = TranscriptBuilder(self.NAME)
        lines = text.split("\n")
        timed = any(line.startswith("[") and _TIMED.match(line) for line in lines)
        labels = set() if timed else _speaker_labels(lines)

        def turn_of(match: re.Match, line: int):
            time = match.groupdict().get("time")
            start = build.header_clock(time, line) if time else None
            name = match.group("name")
            return build.speaker(read(name) if name else None), start, match.group("rest")

        read_headed(text, _label_header(labels) if labels else _TIMED, build, turn_of)
        return build.result()


def _label_header(labels: set[str]) -> re.Pattern:
    """Only the known labels start turns, so "Note: ..." inside a turn stays text."""
    names = "|".join(re.escape(n) for n in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^(?P<name>{names}):(?:[ \t]+(?P<rest>\S.*)|[ \t]*)$")


def _speaker_labels(lines: list[str]) -> set[str]:
    """Names that label at least two paragraphs (``Name: text``) and most paragraphs overall."""
    paragraph_starts = [line for previous, line in zip([""] + lines, lines, strict=False)
                        if line.strip() and not previous.strip()]
    names = Counter(m.group("name") for m in map(_label_of, paragraph_starts)
                    if m and plausible_name(read(m.group("name"))))
    labelled = sum(names.values())
    if labelled < 2 or labelled < 0.6 * len(paragraph_starts) or max(names.values()) < 2:
        return set()
    return {name for name, count in names.items() if count >= 1}


def _label_of(line: str) -> re.Match | None:
    return _QUOTED.match(line) or _LABELLED_ALONE.match(line) or _UNTIMED.match(line)
