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


def parse_offset(text: str) -> int | None:
    """A signed shift in ms: ``"+15"``, ``"-2.5"`` (seconds) or ``"-1:30"`` (a clock time); None
    when *text* is neither."""
    text = text.strip().replace("−", "-")   # a typographic minus, pasted
    sign = -1 if text.startswith("-") else 1
    body = text[1:] if text[:1] in "+-" else text
    ms = parse_clock(body)
    if ms is None:
        try:
            seconds = float(body.strip().replace(",", "."))
        except ValueError:
            return None
        if not seconds >= 0 or seconds == float("inf") or body.strip().lower().startswith(("nan", "inf")):
            return None
        ms = round(seconds * 1000)
    return sign * ms
