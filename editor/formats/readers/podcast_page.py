"""Transcripts copied from a podcast host's episode page: ``Speaker 1 00:00:22 text ...``.

Hosting pages print each turn as speaker, start time and text. Copied from a
browser, the turns often run together on one long line, and the page's own
text (title, show notes, "Other Episodes") comes along before and after. We
find the turn headers anywhere in the text and keep what lies between them as
turns. The page text is kept too, in the result's ``extra`` under
:data:`editor.core.show_notes.EXTRA_KEY` (it holds the names the recognizer gets
wrong, spelt right); the page title becomes the episode title; a clock time on the
page at or after the last turn is taken as the duration.
"""

from __future__ import annotations

import re
from collections import Counter

from editor.core.errors import TranscriptError
from editor.core.show_notes import EXTRA_KEY, PageText
from editor.core.timecode import parse_clock
from editor.formats.base import ReadResult
from editor.formats.readers import PODCAST_PAGE
from editor.formats.readers._build import (
    NAME,
    SNIFF_CHARS,
    TranscriptBuilder,
    clock_ms,
    lines_count,
    plausible_name,
)

# Hours may run past 99 (day-long recordings): a header at "100:00:10" is a turn like any other.
_TIME = r"\d+:\d{2}:\d{2}|\d{1,2}:\d{2}"
# Labels recognizers give unnamed voices; these are headers wherever they appear.
_GENERIC = r"Speaker \d+|Speaker [A-Z]|SPEAKER_\d+|Unknown Speaker"
_GENERIC_HEADER = re.compile(rf"(?<!\S)(?:{_GENERIC}) (?:{_TIME})(?=\s)")
# "Maya Ortiz 00:01:02 Welcome ..." at the start of a line: how real names are found.
_LINE_HEADER = re.compile(rf"^({NAME}) ({_TIME})[ \t]+\S", re.MULTILINE)
_CLOCK_ON_PAGE = re.compile(r"\b\d+:\d{2}:\d{2}\b")
# A page with a single turn has one header to go by. "Speaker 1 00:00:05 text" starting a line is a
# turn wherever it is; a real name only when it opens the text with a clock in the first hour,
# hours shown ("Maya Ortiz 00:00:05 Welcome"): a name and a time also start ordinary sentences
# ("Maya Ortiz 10:30 arrived late", "Monday 09:00:00 the doors open").
_LINE_GENERIC_HEADER = re.compile(rf"^[ \t]*(?:{_GENERIC}) (?:{_TIME})[ \t]+\S", re.MULTILINE)
_OPENING_NAMED_HEADER = re.compile(rf"\A\s*({NAME}) 0?0:\d{{2}}:\d{{2}}[ \t]+\S")


class PodcastPageReader:
    NAME, LABEL, EXTENSIONS = PODCAST_PAGE.NAME, PODCAST_PAGE.LABEL, PODCAST_PAGE.EXTENSIONS

    def sniff(self, text: str) -> float:
        head = text[:SNIFF_CHARS]
        if len(_GENERIC_HEADER.findall(head)) >= 2:
            return 0.85
        names = _line_names(head)
        if sum(names.values()) >= 3 and len(names) >= 1:
            return 0.75
        if _LINE_GENERIC_HEADER.search(head) or _opening_name(head):
            return 0.6   # one turn (or the next header lies beyond the head): above plain text's 0.1
        return 0.0

    def read(self, text: str) -> ReadResult:
        # A comprehension, not list(): its bytecode loop lets another thread run between matches,
        # where list() would hold the GIL for the whole scan (4 s for a million turns, the window frozen
        # while it reads in the background).
        headers = [header for header in _header_pattern(text).finditer(text)]
        if not headers:
            raise TranscriptError("no 'Speaker 00:00:00' turn headers found", line=1)
        build = TranscriptBuilder(self.NAME)
        for index, header in enumerate(headers):
            name, _, clock = header.group(0).rpartition(" ")
            try:
                start: int | None = clock_ms(clock)
            except TranscriptError:   # "00:75:10": the turn is kept untimed, with a warning naming the line
                start = build.header_clock(clock, text.count("\n", 0, header.start()) + 1)
            body_end = headers[index + 1].start() if index + 1 < len(headers) else _paragraph_end(
                text, header.end())
            build.add_text(build.speaker(name), start, None, text[header.end():body_end])
        before = text[:headers[0].start()]
        after = text[_paragraph_end(text, headers[-1].end()):]
        page = _page_text(build, before, after)
        result = build.result()
        if page is not None:
            result.extra[EXTRA_KEY] = page.to_json()
        return result


def _line_names(text: str) -> Counter:
    """Names that start at least two lines as ``Name 00:00:00 text``."""
    counts = Counter(m.group(1) for m in _LINE_HEADER.finditer(text) if plausible_name(m.group(1)))
    return Counter({name: n for name, n in counts.items() if n >= 2})


def _opening_name(text: str) -> str | None:
    """The real name of a header opening *text* (see _OPENING_NAMED_HEADER), or None."""
    match = _OPENING_NAMED_HEADER.match(text)
    return match.group(1) if match is not None and plausible_name(match.group(1)) else None


def _header_pattern(text: str) -> re.Pattern:
    opening = _opening_name(text)
    names = sorted(set(_line_names(text)) | ({opening} if opening else set()), key=len, reverse=True)
    known = "|".join(re.escape(n) for n in names)
    alternatives = f"{_GENERIC}|{known}" if known else _GENERIC
    return re.compile(rf"(?<!\S)(?:{alternatives}) (?:{_TIME})(?=\s)")


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n\n", position)
    return len(text) if end < 0 else end


def _page_text(build: TranscriptBuilder, before: str, after: str) -> PageText | None:
    """Title and duration from the page around the transcript, and the page text itself (None: none)."""
    before_lines = [line.strip() for line in before.split("\n") if line.strip()]
    after_lines = [line.strip() for line in after.split("\n") if line.strip()]
    if before_lines and len(before_lines[0]) <= 200:
        build.meta.title = before_lines[0]
    last_start = max((s.start_ms for s in build.segments if s.start_ms is not None), default=0)
    page_clocks = [parse_clock(c) for c in _CLOCK_ON_PAGE.findall(before)]
    later = [ms for ms in page_clocks if ms is not None and ms > last_start]
    if later:
        build.meta.duration_ms = min(later)
    if not (before_lines or after_lines):
        return None
    sides = ((before_lines, "before"), (after_lines, "after"))
    where = [f"{lines_count(len(lines))} {side} it" for lines, side in sides if lines]
    build.warnings.append(f"kept the page text around the transcript as show notes (not turns): "
                          f"{' and '.join(where)}")
    return PageText(build.meta.title, "\n".join(before_lines), "\n".join(after_lines))
