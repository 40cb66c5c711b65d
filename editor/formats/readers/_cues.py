"""Shared by the SubRip and WebVTT readers: cue blocks with line numbers, speaker prefixes.

Both formats are parsed by hand rather than with pysubs2 / webvtt-py: on a
10-hour episode (~10,000 cues) either library alone takes ~0.15 s, most of our
0.25 s budget, and neither reports the line of a broken cue, which users need.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator
from functools import lru_cache

from editor.formats.readers._build import NAME, plausible_name
from editor.formats.speaker_label import QUOTED_NAME, read

_PREFIX = re.compile(rf"^\s*(?:-\s*)?(?P<name>{NAME})\s?:\s+")
# "Clip: Jimmy Carter: I will never lie to you.": a speaker named with a label and a colon, as the
# SRT writer writes such a name.
# '"Dr. Who:": Who said that?': a name with a colon in it, quoted as the SRT writer writes it.
_QUOTED = re.compile(rf"^\s*(?:-\s*)?(?P<name>{QUOTED_NAME})\s?:\s+(?=\S)")
_LABELLED = re.compile(rf"^\s*(?:-\s*)?(?P<name>{NAME}: {NAME})\s?:\s+(?=\S)")


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


def split_speaker(text: str, known: Container[str] = ()) -> tuple[str | None, str]:
    """``"Maya Ortiz: Welcome"`` → ``("Maya Ortiz", "Welcome")``; no prefix → ``(None, text)``.

    Two name-like prefixes (``"Clip: Jimmy Carter: Thank you"``) are one speaker's name when
    they are already a *known* speaker's name in the file, or else when the second is a full name
    (two words or more) and the first alone is not a known speaker: ``"Maya: Note: ..."`` is
    Maya saying "Note: ...".
    """
    colon = text.find(":", 0, 48)
    if colon < 1:
        return None, text
    opens_quoted = text.lstrip(" -").startswith('"')
    if not opens_quoted and text.find(":", colon + 1) < 0:
        # One colon, no quote: the prefix is a name or not by the text up to the colon and the
        # character after it alone, and a file repeats its few ("Speaker 2: ") thousands of times.
        name = _plain_prefix_name(text[:colon + 2])
        # (what _PREFIX's "\s+" after the colon takes is what lstrip() strips: the same whitespace)
        return (None, text) if name is None else (name, text[colon + 1:].lstrip())
    quoted = _QUOTED.match(text) if opens_quoted else None
    # A quoted phrase opening a cue ('"Yes: really": she said') is the producer's text: a quoted
    # label is a speaker only when it reads as a name, as an unquoted one must.
    quoted_name = read(quoted.group("name")) if quoted is not None else ""
    if quoted is not None and (plausible_name(quoted_name) or quoted_name in known):
        return quoted_name, text[quoted.end():]
    match = _PREFIX.match(text)
    if match is None or not plausible_name(match.group("name")):
        return None, text
    name = match.group("name")
    # A labelled name holds a colon of its own, so it needs a second one after the first: most
    # prefixed cues have none, and the labelled pattern failing over the words that follow the name
    # was half of splitting a prefix (~10 ms of reading a 12,000-cue SRT).
    labelled = _LABELLED.match(text) if text.find(":", colon + 1) >= 0 else None
    if labelled is not None:
        full = labelled.group("name")
        second = full.split(": ", 1)[1]
        if " ".join(full.split()) in known or (name not in known and len(second.split()) >= 2
                                               and plausible_name(full) and plausible_name(second)):
            return full, text[labelled.end():]
    return name, text[match.end():]


@lru_cache(maxsize=4096)
def _plain_prefix_name(head: str) -> str | None:
    """The speaker name *head* (a text up to its only colon and the character after it) opens with,
    or None when it opens with none."""
    match = _PREFIX.match(head)
    return match.group("name") if match is not None and plausible_name(match.group("name")) else None


def ms(hours: str | None, minutes: str, seconds: str, fraction: str) -> int | None:
    """A cue time in ms; None when it is out of range (seconds past 59, or minutes past 59 under an
    hours field): "00:61:03,500" is a typing slip, not 1:01:03.5, and taking it as a time would
    sort the cue away from where it stands. Minutes run on only without hours ("75:10.000")."""
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(fraction.ljust(3, "0")[:3])


def untimed_warning(lines: list[int], expected: str) -> str:
    """The one wording every cue reader uses for cues kept without a usable time line."""
    shown = ", ".join(str(n) for n in lines[:5]) + (f" and {len(lines) - 5} more" if len(lines) > 5 else "")
    return (f"{len(lines)} cue(s) without a valid time line (expected {expected}) kept as untimed "
            f"segments: line {shown}")


def out_of_range_warning(found: list[tuple[int, str]]) -> str:
    """The one wording for cues whose time line has minutes or seconds past 59 (*found*: line
    numbers and those lines), kept untimed as cues without a time line are."""
    shown = ", ".join(f"line {n} ({line.strip()!r})" for n, line in found[:5])
    more = f" and {len(found) - 5} more" if len(found) > 5 else ""
    return (f"{len(found)} cue(s) with a time out of range (minutes and seconds run from 00 to 59) kept "
            f"as untimed segments: {shown}{more}")
