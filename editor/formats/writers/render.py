"""Rendering a segment's text with its marks in an export's inaudible style.

House style (the README repeats it):

==========  ==============================  ======================  ==================
mark        REV                             PLAIN                   OMIT
==========  ==============================  ======================  ==================
inaudible   ``[inaudible 00:12:03]``        ``[inaudible]``         removed
crosstalk   ``[crosstalk]``                 ``[crosstalk]``         removed
unclear     ``[unclear 00:12:03: guess]``   ``[unclear: guess]``    ``guess`` (kept)
==========  ==============================  ======================  ==================

REV times are ``HH:MM:SS`` from the mark's own time, else the segment's start;
with no time at all REV falls back to the PLAIN form. "Unclear" marks cover a
best guess at real speech, so OMIT drops only the marker and keeps the words
(dropping them would lose speech); inaudible and crosstalk carry no words, so
OMIT removes them and tidies the spaces and stray commas around the gap.

:func:`units` splits a segment into word-sized pieces with times for captions
and word-level JSON: a mark and every token it touches become one piece.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from editor.core.timecode import format_clock
from editor.core.transcript import Chapter, Mark, MarkKind, Segment, Transcript
from editor.formats.base import InaudibleStyle
from editor.formats.clean_verbatim import clean_text, clean_tokens

_TOKEN = re.compile(r"\S+")
_SENTENCE_PUNCTUATION = ",.;:!?)]"
_LEADING_JOINERS = ",;"


@dataclass(slots=True)
class Unit:
    """A word-sized piece of rendered text with its time (None until timed)."""

    text: str
    start_ms: int | None
    end_ms: int | None


def rev_clock(ms: int) -> str:
    """``HH:MM:SS`` as Rev writes inside ``[inaudible 00:12:03]``."""
    return format_clock(ms, hours=True)


def turn_clock(ms: int) -> str:
    """A turn header time: ``MM:SS`` under an hour, ``HH:MM:SS`` from then on (Rev's habit)."""
    return format_clock(ms, hours=ms >= 3_600_000)


def short_clock(ms: int) -> str:
    """``0:09`` / ``1:02:41``: the Podcasting 2.0 HTML ``<time>`` form."""
    seconds = max(0, int(ms)) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def mark_text(mark: Mark, covered: str, style: InaudibleStyle, fallback_ms: int | None) -> str:
    """What *mark* (covering *covered*) becomes in *style*."""
    time_ms = mark.time_ms if mark.time_ms is not None else fallback_ms
    if mark.kind is MarkKind.UNCLEAR:
        guess = " ".join(covered.split())
        if style is InaudibleStyle.OMIT or not guess:
            return guess
        if style is InaudibleStyle.REV and time_ms is not None:
            # Kind, time, then the guess: the order editor.formats.marks reads back.
            return f"[unclear {rev_clock(time_ms)}: {guess}]"
        return f"[unclear: {guess}]"
    if style is InaudibleStyle.OMIT:
        return ""
    if style is InaudibleStyle.REV and mark.kind is MarkKind.INAUDIBLE and time_ms is not None:
        return f"[inaudible {rev_clock(time_ms)}]"
    return mark.kind.token


def render_text(text: str, marks: Sequence[Mark], style: InaudibleStyle,
                fallback_ms: int | None = None) -> str:
    """*text* with every mark replaced per *style* (marks are char spans of *text*)."""
    if not marks:
        return text
    out = ""
    pos = 0
    omitted = False
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        start = min(max(mark.start, pos), len(text))  # overlapping/stray marks: clamp, never crash
        end = min(max(mark.end, start), len(text))
        out += text[pos:start]
        replacement = mark_text(mark, text[start:end], style, fallback_ms)
        if replacement:
            out += replacement
            pos = end
            continue
        omitted = True
        out, pos = _close_gap(out, text, end)
    out += text[pos:]
    return out.strip() if omitted else out


def _close_gap(out: str, text: str, pos: int) -> tuple[str, int]:
    """Tidy the seam where a span was removed: one space, no orphaned comma."""
    out = out.rstrip()
    pos = _skip_space(text, pos)
    while pos < len(text) and text[pos] in _LEADING_JOINERS and (not out or out[-1] in _SENTENCE_PUNCTUATION):
        pos = _skip_space(text, pos + 1)
    if out and pos < len(text) and text[pos] not in _SENTENCE_PUNCTUATION:
        out += " "
    return out, pos


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def render_segment(segment: Segment, style: InaudibleStyle) -> str:
    """The segment's text as an export writes it."""
    return render_text(segment.text, segment.marks, style, segment.start_ms)


def units(segment: Segment, style: InaudibleStyle) -> list[Unit]:
    """Word-sized rendered pieces of *segment*, timed from its words when they line up.

    Pieces a mark renders as nothing (OMIT) are dropped. Times stay None when the
    segment has no usable word times; :func:`spread_times` fills them in.
    """
    text = segment.text
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    words = segment.words
    timed = len(words) == len(spans)
    if not spans:  # empty text that may still hold a zero-width mark
        rendered = render_segment(segment, style).strip()  # whitespace alone is no caption
        return [Unit(rendered, None, None)] if rendered else []
    if not segment.marks:
        return [Unit(text[a:b], words[i].start_ms if timed else None, words[i].end_ms if timed else None)
                for i, (a, b) in enumerate(spans)]
    owners = [_owned_tokens(spans, mark) for mark in segment.marks]
    result: list[Unit] = []
    for first, last in _group_tokens(len(spans), owners):
        a, b = spans[first][0], spans[last][1]
        inside = [m.shifted(-a) for m, (f, _) in zip(segment.marks, owners, strict=False) if first <= f <= last]
        piece = render_text(text[a:b], inside, style, segment.start_ms)
        if piece:
            result.append(Unit(piece, words[first].start_ms if timed else None,
                               words[last].end_ms if timed else None))
    return result


def _owned_tokens(spans: list[tuple[int, int]], mark: Mark) -> tuple[int, int]:
    """The first and last token a mark touches; a mark in the gap between tokens joins the one before."""
    touched = [i for i, (a, b) in enumerate(spans) if _touches(mark, a, b)]
    if touched:
        return touched[0], touched[-1]
    before = [i for i, (a, _) in enumerate(spans) if a <= mark.start]
    index = before[-1] if before else 0
    return index, index


def _touches(mark: Mark, a: int, b: int) -> bool:
    if mark.start == mark.end:
        return a <= mark.start <= b
    return mark.start < b and a < mark.end


def _group_tokens(count: int, owners: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of token indexes: each mark joins the tokens it touches into one run."""
    joined_to_next = [False] * count
    for first, last in owners:
        for i in range(first, last):
            joined_to_next[i] = True
    groups: list[tuple[int, int]] = []
    first = 0
    for i in range(count):
        if not joined_to_next[i]:
            groups.append((first, i))
            first = i + 1
    return groups


def spread_times(pieces: list[Unit], start_ms: int, end_ms: int) -> list[Unit]:
    """Give untimed pieces times: their word times when all have them, else by share of characters."""
    if all(p.start_ms is not None and p.end_ms is not None for p in pieces):
        return pieces
    total = sum(len(p.text) + 1 for p in pieces) or 1
    span = max(0, end_ms - start_ms)
    clock = 0
    for piece in pieces:
        share = len(piece.text) + 1
        piece.start_ms = start_ms + span * clock // total
        clock += share
        piece.end_ms = start_ms + span * clock // total
    return pieces


def segment_times(segments: Sequence[Segment]) -> list[tuple[int, int]]:
    """A (start, end) for every segment, inventing times for untimed ones without dropping them.

    A segment with a start but no end ends where the next timed segment starts.
    Untimed segments start at the previous segment's end and last as long as it
    takes to read them (about 16 characters a second, at least a second), squeezed
    into the gap before the next timed segment when that is shorter (even to zero).
    """
    times: list[tuple[int, int] | None] = [None] * len(segments)
    next_start: list[int | None] = [None] * len(segments)
    upcoming = None
    for i in range(len(segments) - 1, -1, -1):
        next_start[i] = upcoming
        if segments[i].start_ms is not None:
            upcoming = segments[i].start_ms
    previous_end = 0
    i = 0
    while i < len(segments):
        segment = segments[i]
        if segment.start_ms is not None:
            end = segment.end_ms
            if end is None:
                following = next_start[i]
                end = following if following is not None and following >= segment.start_ms \
                    else segment.start_ms + _reading_ms(segment.text)
            previous_end = max(end, segment.start_ms)
            times[i] = (segment.start_ms, previous_end)
            i += 1
            continue
        j = i
        while j < len(segments) and segments[j].start_ms is None:
            j += 1
        _time_untimed_run(segments, times, i, j, previous_end, next_start[j - 1])
        last = times[j - 1]
        assert last is not None   # _time_untimed_run timed i..j-1
        previous_end = last[1]
        i = j
    return times  # type: ignore[return-value]


def _time_untimed_run(segments: Sequence[Segment], times: list, first: int, stop: int,
                      previous_end: int, following: int | None) -> None:
    durations = [_reading_ms(segments[k].text) for k in range(first, stop)]
    total = sum(durations)
    if following is not None and following - previous_end < total:
        # Not enough room before the next timed segment: squeeze into the gap (maybe zero).
        room = max(0, following - previous_end)
        durations = [room * d // total for d in durations]
    clock = previous_end
    for k, duration in zip(range(first, stop), durations, strict=False):
        times[k] = (clock, clock + duration)
        clock += duration


def _reading_ms(text: str) -> int:
    return max(1000, len(text) * 60)


# ---------------------------------------------------------------------- export options applied
def export_text(segment: Segment, style: InaudibleStyle, fillers: Sequence[str] = ()) -> str:
    """The segment's text as an export writes it, clean verbatim when *fillers* are given."""
    text = render_segment(segment, style)
    return clean_text(text, fillers) if fillers else text


def export_units(segment: Segment, style: InaudibleStyle, fillers: Sequence[str] = ()) -> list[Unit]:
    """:func:`units` without the fillers (their time simply stays unspoken for)."""
    pieces = units(segment, style)
    if not fillers or not pieces:
        return pieces
    cleaned = clean_tokens([piece.text for piece in pieces], fillers)
    return [Unit(text, piece.start_ms, piece.end_ms) for piece, text in zip(pieces, cleaned, strict=True)
            if text is not None]


def chapter_headings(transcript: Transcript) -> dict[int, list[Chapter]]:
    """Where each chapter's heading goes: segment index -> the chapters to head it, in order.

    A heading goes before the turn being spoken at the chapter's start (the
    last turn starting at or before it, the first of equal starts), or before
    the next turn when the chapter starts in a pause after that turn ended.
    Chapters before every turn head the first; the index ``len(segments)``
    holds chapters after the last turn.
    """
    if not transcript.chapters:
        return {}
    times = segment_times(transcript.segments)
    headings: dict[int, list[Chapter]] = {}
    for chapter in transcript.chapters:
        at = chapter.start_ms
        index, best = 0, None
        for i, (start, _end) in enumerate(times):
            if start <= at and (best is None or start > best):
                index, best = i, start
        if best is not None and times[index][1] <= at and times[index][1] > times[index][0]:
            index += 1
        if not transcript.segments:
            index = 0
        headings.setdefault(index, []).append(chapter)
    return headings
