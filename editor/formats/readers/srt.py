"""SubRip (SRT): numbered cues, ``HH:MM:SS,mmm --> HH:MM:SS,mmm``, text lines, blank line.

Speakers are a ``Name:`` prefix on the cue text; a cue without one continues
the previous cue's speaker. Cues are merged into turns
(:mod:`editor.formats.turns`) unless the caller keeps the captions. A cue whose time
line is missing or broken is kept as an untimed segment (timed on the
waveform later) with a warning naming its line; text after a blank line
inside a cue (a common export glitch) is joined to that cue with a warning.
"""

from __future__ import annotations

import re
from typing import Any

from editor.core.errors import TranscriptError
from editor.formats.base import ReadResult
from editor.formats.readers import SRT
from editor.formats.readers._build import TranscriptBuilder, strip_markup
from editor.formats.readers._cues import blocks, ms, out_of_range_warning, split_speaker, untimed_warning
from editor.formats.turns import cue_texts_look_finished

_STAMP = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})[,.](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_STAMP}\s*-->\s*{_STAMP}")
_SNIFF_COMMA = re.compile(r"^\s*\d+:\d{1,2}:\d{1,2},\d{1,3}\s*-->", re.MULTILINE)
_SNIFF_ANY = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{1,2}[.,]\d{1,3}\s*-->", re.MULTILINE)
_LOOKS_TIMED = re.compile(r"-->|->|^\s*\d+:\d{2}[:.,]")   # a time line, however damaged
_EXPECTED = "'HH:MM:SS,mmm --> HH:MM:SS,mmm'"
# One well-formed cue as the line-by-line reader sees it (a number line, a time line, its text
# lines, the blank lines after it), in ASCII digits: a file made only of these is read in one
# regex pass over the whole text (a 12,000-cue file in a fraction of the per-line time); any other
# file, or any cue that differs, goes the line-by-line way, which also finds the line of a damage.
# Minutes and seconds 0-59 only: a time out of range is damage, which the line-by-line reader reports.
_ASCII_STAMP = r"(?:([0-9]+):)?([0-5]?[0-9]):([0-5]?[0-9])[,.]([0-9]{1,3})"
# The cue's text lines are one group, joined by their newlines (None when the cue has none).
_CUE = re.compile(r"[^\S\n]*[0-9]+[^\S\n]*\n"
                  rf"[^\S\n]*{_ASCII_STAMP}[^\S\n]*-->[^\S\n]*{_ASCII_STAMP}[^\n]*"
                  r"(?:\n([^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*))?(?:\n|\Z)"
                  r"(?:[^\S\n]*(?:\n|\Z))*")
_FRACTION = (0, 100, 10, 1)   # ms per unit of a 1-, 2- or 3-digit fraction (",5" is 500 ms)
# The values of a time's 1- or 2-digit minutes and seconds and its 1- to 3-digit fraction (in ms), looked
# up rather than parsed: six int() calls a cue were a tenth of reading a 12,000-cue file.
_TWO_DIGITS = {f"{n}": n for n in range(100)} | {f"{n:02d}": n for n in range(10)}
_FRACTION_MS = {digits: int(digits) * _FRACTION[len(digits)]
                for width in (1, 2, 3) for digits in (f"{n:0{width}d}" for n in range(10 ** width))}
_BLANK_LINES = re.compile(r"(?:[^\S\n]*\n)*")


class SrtReader:
    NAME, LABEL, EXTENSIONS = SRT.NAME, SRT.LABEL, SRT.EXTENSIONS
    MERGES_CUES = True

    def sniff(self, text: str) -> float:
        head = text[:8192]
        if head.lstrip().startswith("WEBVTT"):
            return 0.0
        if _SNIFF_COMMA.search(head):
            return 0.95
        return 0.6 if _SNIFF_ANY.search(head) else 0.0

    def read(self, text: str, keep_captions: bool = False) -> ReadResult:
        return self._read_whole(text, keep_captions) or self._read_lines(text, keep_captions)

    def _read_whole(self, text: str, keep_captions: bool) -> ReadResult | None:
        """The file read as a run of well-formed cues, or None when it is not one (no warnings to give)."""
        build = TranscriptBuilder(self.NAME)
        new_speaker, known = build.speaker, build.speaker_names
        two, fraction = _TWO_DIGITS, _FRACTION_MS
        markup = "<" in text or "{" in text
        # Cue texts the builder need not even out or search for marks (most files'): no marker character
        # in the file (looked for once), and each cue's text single-spaced (looked at as it is read: a
        # search of the whole text for uneven spacing cost more than evening out every cue).
        plain = not (markup or "[" in text or "(" in text)
        cue_lines: list[list[str]] = []     # each cue's lines, when they are stripped of markup
        bodies: list[str] = []              # else each cue's lines joined by newlines
        cues: list[tuple[str | None, int, int, str]] = []   # given to the builder at once (add_cues)
        speaker = None
        ids: dict[str, str | None] = {}   # the speaker id of each name as written (a few names, thousands of times)
        blank = _BLANK_LINES.match(text)   # always matches (maybe nothing)
        position = blank.end() if blank else 0
        for cue in _CUE.finditer(text, position):
            if cue.start() != position:
                return None   # something else between two cues: the line reader says what
            position = cue.end()
            h1, m1, s1, f1, h2, m2, s2, f2, body = cue.groups()
            if markup:
                shown = [strip_markup(line) for line in body.split("\n")] if body else []
                cue_lines.append(shown)
                joined = " ".join(shown)
            else:
                joined = body.replace("\n", " ") if body else ""
                bodies.append(body or "")
                # (isprintable: no whitespace but the space, which " ".join(text.split()) would change)
                if plain and not (joined.isprintable() and "  " not in joined
                                  and joined[:1] != " " and joined[-1:] != " "):
                    plain = False
            # (split_speaker's first test, made here: most cues have no colon near their start)
            name, said = split_speaker(joined, known) if joined.find(":", 0, 48) > 0 else (None, joined)
            if name is not None:
                speaker = ids.get(name) or ids.setdefault(name, new_speaker(name))
            # (hours looked up too when they have one or two digits, as files write them: "00")
            start = (((two[h1] if h1 in two else int(h1)) * 60 if h1 else 0) + two[m1]) * 60_000 \
                + two[s1] * 1000 + fraction[f1]
            end = (((two[h2] if h2 in two else int(h2)) * 60 if h2 else 0) + two[m2]) * 60_000 \
                + two[s2] * 1000 + fraction[f2]
            cues.append((speaker, start, end, said))
        if position != len(text) or not cues:
            return None
        build.add_cues(cues, plain=plain)
        if build.empty:
            raise TranscriptError("no subtitle cues found", line=1)
        if markup:
            return build.result(keep_captions, cue_lines)
        result = build.result(keep_captions)
        result.finished_subtitles = cue_texts_look_finished(bodies)
        return result

    def _read_lines(self, text: str, keep_captions: bool) -> ReadResult:
        build = TranscriptBuilder(self.NAME)
        cue_lines: list[list[str]] = []
        speaker = None
        joined = 0
        untimed: list[int] = []
        out_of_range: list[tuple[int, str]] = []   # (line, time line) of times past 59 minutes or seconds
        previous: list[Any] | None = None    # [speaker, start, end, text] of the cue being read
        for line_no, lines in blocks(text.split("\n")):
            numbered = lines[0].strip().isdigit()
            at = 1 if numbered else 0          # where the time line should be
            timing = _TIMING.match(lines[at]) if at < len(lines) else None
            if timing is None and not numbered and not _LOOKS_TIMED.search(lines[0]) and previous is not None:
                previous[3] += " " + " ".join(lines)  # text after a stray blank line inside a cue
                joined += 1
                continue
            if previous is not None:
                build.add_text(*previous)
            if timing is None:
                untimed.append(line_no + at if at < len(lines) else line_no)
                damaged = at < len(lines) and _LOOKS_TIMED.search(lines[at]) is not None
                start = end = None
                body_lines = lines[at + 1:] if damaged else lines[at:]
            else:
                g = timing.groups()
                start, end = ms(g[0], g[1], g[2], g[3]), ms(g[4], g[5], g[6], g[7])
                if start is None or end is None:
                    out_of_range.append((line_no + at, lines[at]))
                    start = end = None
                body_lines = lines[at + 1:]
            shown = [strip_markup(line) for line in body_lines]
            cue_lines.append(shown)
            body = " ".join(shown)
            name, body = split_speaker(body, build.speaker_names)
            if name is not None:
                speaker = build.speaker(name)
            previous = [speaker, start, end, body]
        if previous is not None:
            build.add_text(*previous)
        if not build.segments:
            raise TranscriptError("no subtitle cues found", line=1)
        if untimed:
            build.warnings.append(untimed_warning(untimed, _EXPECTED))
        if out_of_range:
            build.warnings.append(out_of_range_warning(out_of_range))
        if joined:
            build.warnings.append(f"{joined} text block(s) after a blank line inside a cue were "
                                  "joined to that cue")
        return build.result(keep_captions, cue_lines)
