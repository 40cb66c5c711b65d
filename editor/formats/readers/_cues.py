"""Shared by the SubRip and WebVTT readers: cue blocks with line numbers, speaker prefixes.

Both formats are parsed by hand rather than with pysubs2 / webvtt-py: on a
10-hour episode (~10,000 cues) either library alone takes ~0.15 s, most of our
0.25 s budget, and neither reports the line of a broken cue, which users need.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.formats.readers._build import NAME, plausible_name

_PREFIX = re.compile(rf"^\s*(?:-\s*)?(?P<name>{NAME})\s?:\s+")


def blocks(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """(1-based line number of the first line, lines) for each run of non-blank lines."""
    start = None
    for index, line in enumerate(lines):
        if line and not line.isspace():
            if start is None:
                start = index
        elif start is not None:
            yield start + 1, lines[start:index]
            start = None
    if start is not None:
        yield start + 1, lines[start:]


def split_speaker(text: str) -> tuple[str | None, str]:
    """``"Maya Ortiz: Welcome"`` → ``("Maya Ortiz", "Welcome")``; no prefix → ``(None, text)``."""
    colon = text.find(":", 0, 48)
    if colon < 1:
        return None, text
    match = _PREFIX.match(text)
    if match is None or not plausible_name(match.group("name")):
        return None, text
    return match.group("name"), text[match.end():]


def ms(hours: str | None, minutes: str, seconds: str, fraction: str) -> int:
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(fraction.ljust(3, "0")[:3])


def untimed_warning(lines: list[int], expected: str) -> str:
    """The one wording every cue reader uses for cues kept without a usable time line."""
    shown = ", ".join(str(n) for n in lines[:5]) + (f" and {len(lines) - 5} more" if len(lines) > 5 else "")
    return (f"{len(lines)} cue(s) without a valid time line (expected {expected}) kept as untimed "
            f"segments: line {shown}")
