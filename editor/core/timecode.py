"""Parsing and formatting clock times (``HH:MM:SS``, ``MM:SS``, ``HH:MM:SS,mmm``)."""

from __future__ import annotations

import re

_CLOCK = re.compile(r"^\s*(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?\s*$")


def parse_clock(text: str) -> int | None:
    """``"1:02:03.5"`` → 3723500 ms; ``None`` when *text* is not a clock time."""
    match = _CLOCK.match(text)
    if not match:
        return None
    hours, minutes, seconds, fraction = match.groups()
    ms = int((fraction or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + ms


def format_clock(ms: int | None, *, hours: bool | None = None, millis: bool = False,
                 separator: str = ".") -> str:
    """3723500 → ``"1:02:03"``; *hours* forces (True) or drops (False) the hour field."""
    if ms is None:
        return "--:--"
    negative = ms < 0
    ms = abs(int(ms))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    show_hours = h > 0 if hours is None else hours
    text = f"{h:02d}:{m:02d}:{s:02d}" if hours else (f"{h}:{m:02d}:{s:02d}" if show_hours else f"{m:02d}:{s:02d}")
    if millis:
        text += f"{separator}{milli:03d}"
    return ("-" if negative else "") + text
