"""What every reader shares: turning parsed turns into a Transcript.

A reader finds turns (speaker name, start, end, raw text or timed words) and
hands them to :class:`TranscriptBuilder`, which gives speakers stable ids in
order of appearance, segments ids ``s1, s2, ...``, turns inline markers into
structured marks and fills in end times the source did not give.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable
from functools import lru_cache

from editor.core.errors import TranscriptError
from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta, Word, WordTiming
from editor.core.validate import overlap_warnings, repair
from editor.core.words import marks_at_estimated_times
from editor.formats.base import ReadResult
from editor.formats.marks import extract_marks, marks_from_words
from editor.formats.turns import Cue, looks_like_finished_subtitles, merge_cue_rows, merge_cues

SNIFF_CHARS = 65536  # how much of a text file the text readers' sniff() looks at
# A header's clock: "3:07", "12:07", "1:02:07" or "100:02:07" (Otter, Rev-style; hours are not capped).
HEADER_CLOCK = r"\d+:\d{2}(?::\d{2})?"

_TITLE_CHARS = 120  # one line before the first turn, at most this long, is the episode's title
_MS_PER_WORD = 400  # ~150 words a minute: the length of a last turn with no end time
_MIN_ESTIMATE_MS = 1000

# "Maya Ortiz", "Speaker 3", "SPEAKER_00", "Dr. J. Lee", "Ines da Costa": a short run of name words.
_NAME_WORD = r"(?:[^\W\d_][\w'’.\-]*|\d+)"
# "&" and "and" join two names in one label ("Tom & Jerry: Hi").
NAME = rf"{_NAME_WORD}(?: (?:&|{_NAME_WORD})){{0,4}}"
_PARTICLES = frozenset(["da", "de", "del", "der", "di", "do", "dos", "du", "la", "le", "van", "von", "y", "bin",
                        "al", "el"])


@lru_cache(maxsize=4096)   # a file names its few speakers thousands of times (a 12,000-cue SRT: ~4 ms)
def plausible_name(name: str) -> bool:
    """Does *name* look like a speaker label rather than the start of a sentence?"""
    if not name or len(name) > 40 or not (name[0].isupper() or name[0].isdigit()):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w in _PARTICLES or w == "&" for w in name.split())


class TranscriptBuilder:
    """Collects turns in file order and builds the transcript."""

    def __init__(self, fmt: str):
        self.format = fmt
        self.meta = TranscriptMeta()
        self.warnings: list[str] = []
        self._speakers: dict[str, Speaker] = {}
        self._ids_by_name: dict[str, str] = {}
        self._segments: list[Segment] = []
        self._marks_to_place: list[Segment] = []   # turns whose marks wait for the turn's end
        self._cues: list[Cue] = []                 # caption cues kept as rows (add_cues)
        self._dropped: list[int] = []              # numbers in the file of the cues dropped as empty
        self._bad_clocks: list[tuple[int, str]] = []   # (line, text) of turn headers with no valid time

    # ------------------------------------------------------------------ speakers
    def speaker(self, name: str | None) -> str | None:
        """The stable id of the speaker shown as *name* (None for no speaker)."""
        if name is None:
            return None
        name = " ".join(name.split())
        if not name:
            return None
        speaker_id = self._ids_by_name.get(name)
        if speaker_id is None:
            speaker_id = f"spk{len(self._speakers) + 1}"
            self._speakers[speaker_id] = Speaker(speaker_id, name)
            self._ids_by_name[name] = speaker_id
        return speaker_id

    def header_clock(self, text: str, line: int) -> int | None:
        """A turn header's time in ms, or None when *text* is not a valid time ("01:75"): the turn
        is kept untimed, with a warning naming the line, as a caption with a broken time line is;
        one typo does not refuse the whole file."""
        try:
            return clock_ms(text, line)
        except TranscriptError:
            self._bad_clocks.append((line, text.strip()))
            return None

    @property
    def speaker_names(self) -> Container[str]:
        """The names of the speakers met so far (``in`` tells whether a name is one of them)."""
        return self._ids_by_name.keys()

    # ------------------------------------------------------------------ segments
    def add_text(self, speaker_id: str | None, start_ms: int | None, end_ms: int | None,
                 raw_text: str) -> Segment | None:
        """A segment from free text (markers inside become marks); None when the text is empty."""
        text = " ".join(raw_text.split())
        if not text:
            self._drop()
            return None
        # A turn given only its start (podcast page, Otter, Rev headers) may run for minutes: its
        # untimed marks wait for the end (the next turn's start) and are placed by where they sit
        # in the text (see result()). Caption cues and segments with their own end are a few
        # seconds long; their marks take their start.
        text, marks = extract_marks(text, start_ms if end_ms is not None else None)
        segment = Segment(f"s{len(self._segments) + 1}", start_ms, end_ms, text, speaker_id, marks=marks)
        self._segments.append(segment)
        if marks and start_ms is not None and end_ms is None:
            self._marks_to_place.append(segment)
        return segment

    def add_cues(self, cues: Iterable[tuple[str | None, int, int, str]], plain: bool = False) -> None:
        """Caption cues timed at both ends, each ``(speaker id, start ms, end ms, free text)``: markers in
        the text become marks, as :meth:`add_text` makes them; an empty cue is dropped. Kept as rows, not
        Segments, until :meth:`result`: merged into turns, most cues of a long file never need one (a
        Segment per cue was a fifth of reading 12,000 cues). Given all at once once a reader has them
        all: a method call per cue was a tenth of the SRT reader's pass over a 12,000-cue file.
        A builder is given either cues or segments, not both.

        *plain*: the caller found no marker character and no uneven spacing in any of the texts (looked
        for once in the whole file), so each is kept as it is, without a marker search or evening out."""
        rows = self._cues
        if plain:
            for speaker_id, start_ms, end_ms, text in cues:
                if text:
                    rows.append((speaker_id, start_ms, end_ms, text, []))
                else:
                    self._drop()
            return
        for speaker_id, start_ms, end_ms, raw_text in cues:
            text = " ".join(raw_text.split())
            if text:
                text, marks = extract_marks(text, start_ms)
                rows.append((speaker_id, start_ms, end_ms, text, marks))
            else:
                self._drop()

    def _drop(self) -> None:
        """Note the number in the file of a cue (or turn) given empty, so warnings about the cues
        after it still name them by their numbers in the file."""
        self._dropped.append(len(self._segments) + len(self._cues) + len(self._dropped) + 1)

    def _file_numbers(self) -> list[int]:
        """The number in the file of each segment (1-based, counting the cues dropped as empty)."""
        dropped = set(self._dropped)
        numbers: list[int] = []
        number = 0
        while len(numbers) < len(self._segments):
            number += 1
            if number not in dropped:
                numbers.append(number)
        return numbers

    @property
    def empty(self) -> bool:
        """Nothing read yet (no segment, no cue)."""
        return not self._segments and not self._cues

    def add_words(self, speaker_id: str | None, start_ms: int | None, end_ms: int | None,
                  words: list[Word]) -> Segment | None:
        """A segment from timed words (texts stripped, none empty)."""
        if not words:
            self._drop()
            return None
        text, words, marks = marks_from_words(words)
        if start_ms is None:
            start_ms = next((w.start_ms for w in words if w.start_ms is not None), None)
        if end_ms is None:
            end_ms = next((w.end_ms for w in reversed(words) if w.end_ms is not None), None)
        segment = Segment(f"s{len(self._segments) + 1}", start_ms, end_ms, text, speaker_id,
                          words=words, marks=marks, word_timing=WordTiming.IMPORTED)
        self._segments.append(segment)
        return segment

    @property
    def segments(self) -> list[Segment]:
        return self._segments

    # ------------------------------------------------------------------ result
    def result(self, keep_captions: bool | None = None, cue_lines: list[list[str]] | None = None) -> ReadResult:
        """The transcript. Caption readers pass *keep_captions*: False to get turns instead of cues,
        True to keep a segment per cue; either way their cues are repaired here (see
        :func:`editor.core.validate.repair`) and named by their numbers in the file. Other readers
        pass nothing: their segments are turns, repaired as the file's are when it is read.

        *cue_lines* (each cue's text lines, when the reader has them) tell
        whether the file looks like finished subtitles, which the window
        offers to keep as they are.
        """
        if self._bad_clocks:
            shown = ", ".join(f"line {line} ({text!r})" for line, text in self._bad_clocks[:5])
            more = f" and {len(self._bad_clocks) - 5} more" if len(self._bad_clocks) > 5 else ""
            self.warnings.append(f"{len(self._bad_clocks)} turn(s) whose header time is not a valid time "
                                 f"kept as untimed turns: {shown}{more}")
        cues = len(self._cues)
        turns = self._turns_of_cues() if cues and keep_captions is False else None
        if turns is None:
            self._segments_of_cues()
            fill_end_times(self._segments, self.meta.duration_ms)
            _estimate_mark_times(self._marks_to_place)
            turns = self._segments
            cues = len(turns)
            if keep_captions is not None:
                # Problems of single cues (an end before its start, cues out of order) are found and
                # reported while the cues are still apart; merged, they would pass unseen. The empty
                # cues dropped still count: a producer looks the cue up by its number in the file.
                captions = Transcript(meta=self.meta, speakers=self._speakers, segments=turns)
                self.warnings.extend(repair(captions, unit="caption", numbers=self._file_numbers()))
                turns = captions.segments if keep_captions else merge_cues(captions.segments)
        transcript = Transcript(meta=self.meta, speakers=self._speakers, segments=turns)
        result = ReadResult(transcript, self.format, self.warnings)
        if keep_captions is False and len(turns) < cues:
            result.merged_cues = cues
        result.finished_subtitles = cue_lines is not None and looks_like_finished_subtitles(cue_lines)
        return result

    def _turns_of_cues(self) -> list[Segment] | None:
        """The turns of the cues of :meth:`add_cues`, made from their rows, or None when a cue needs
        repairing (it ends before it starts, or starts before the cue above it): the cues are then
        made into segments, repaired and merged as any reader's are."""
        cues = self._cues
        previous_start = cues[0][1]
        for _, start_ms, end_ms, _, _ in cues:
            if end_ms < start_ms or start_ms < previous_start:
                return None
            previous_start = start_ms
        self.warnings += overlap_warnings(sum(1 for a, b in zip(cues, cues[1:], strict=False)
                                          if b[1] < a[2]), unit="caption")
        return merge_cue_rows(cues)

    def _segments_of_cues(self) -> None:
        """The cues as the segments :meth:`add_text` would have made of them."""
        for speaker_id, start_ms, end_ms, text, marks in self._cues:
            self._segments.append(Segment(f"s{len(self._segments) + 1}", start_ms, end_ms, text, speaker_id,
                                          marks=marks))
        self._cues = []


def _estimate_mark_times(segments: list[Segment]) -> None:
    """Marks read with no time of their own, placed in their turns by where they sit in the text."""
    for segment in segments:
        if any(mark.time_ms is None for mark in segment.marks):
            marks = marks_at_estimated_times(segment)
            # As read: the recognizer's marks, not an edit (the turn must not show as changed).
            segment.marks, segment.original_marks = marks, list(marks)


def fill_end_times(segments: list[Segment], duration_ms: int | None = None) -> None:
    """Segments without an end end where the next timed one starts (the last: an estimate)."""
    next_start: int | None = None
    for segment in reversed(segments):
        if segment.start_ms is not None and segment.end_ms is None:
            if next_start is not None and next_start >= segment.start_ms:
                segment.end_ms = next_start
            elif next_start is None and duration_ms and duration_ms > segment.start_ms:
                segment.end_ms = duration_ms
            else:
                words = segment.text.count(" ") + 1
                segment.end_ms = segment.start_ms + max(_MIN_ESTIMATE_MS, words * _MS_PER_WORD)
        if segment.start_ms is not None:
            next_start = segment.start_ms


def seconds_to_ms(value: float) -> int:
    return int(round(value * 1000))


_STRIP_TAGS = re.compile(r"</?(?:i|b|u|s|font|c|span|lang|ruby|rt|em|strong)(?:[ .][^>]*)?>|\{\\[^}]*\}",
                         re.IGNORECASE)


def strip_markup(text: str) -> str:
    """Remove the formatting tags subtitle files carry (``<i>``, ``<font ...>``, ``{\\an8}``)."""
    if "<" in text or "{" in text:
        return _STRIP_TAGS.sub("", text)
    return text


_CLOCK_PARTS = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$")


def clock_ms(text: str, line: int | None = None) -> int:
    """``"1:02:03"`` / ``"02:03"`` / ``"00:01:02,500"`` → ms; TranscriptError (with *line*) when invalid."""
    match = _CLOCK_PARTS.match(text.strip())
    # Minutes may exceed 59 only when there is no hour field ("75:10" in long MM:SS files).
    if match is None or int(match.group(3)) >= 60 or (match.group(1) and int(match.group(2)) >= 60):
        raise TranscriptError(f"{text.strip()!r} is not a valid time", line=line)
    hours, minutes, seconds, fraction = match.groups()
    ms = int((fraction or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + ms


def opening_header(text: str, header: re.Pattern) -> tuple[re.Match, str] | None:
    """The turn *header* that opens *text*, with the line after it ("" when none); None when the
    text does not open with one.

    The opening header is the first non-blank line, or the second after a short title line (as
    :func:`read_headed` reads a preamble). Detection goes by it when a file holds one turn, or
    when its first turn is so long that the next header lies beyond the head a sniff looks at.
    """
    lines = _opening_lines(text, 3)
    for index in (0, 1):
        if index >= len(lines):
            break
        match = header.match(lines[index])
        if match is not None:
            return match, lines[index + 1] if index + 1 < len(lines) else ""
        if len(lines[index]) > _TITLE_CHARS:
            break
    return None


def _opening_lines(text: str, count: int) -> list[str]:
    """The first *count* non-blank lines of *text*, found without splitting all of it."""
    lines: list[str] = []
    position = 0
    while len(lines) < count and position < len(text):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        if end > position and not text[position:end].isspace():
            lines.append(text[position:end])
        position = end + 1
    return lines


def read_headed(text: str, header: re.Pattern, build: TranscriptBuilder,
                turn_of: Callable) -> None:
    """Read ``header`` line + body lines turns (Otter, Rev, Descript layouts).

    *turn_of(match, line_number)* gives ``(speaker_id, start_ms, first_body_text)``.
    Text before the first header becomes the title when it is one short line,
    otherwise an untimed segment, with a warning either way.
    """
    preamble: list[str] = []
    turn = None
    body: list[str] = []
    for number, line in enumerate(text.split("\n"), 1):
        match = header.match(line)
        if match is None:
            (body if turn is not None else preamble).append(line)
            continue
        if turn is not None:
            build.add_text(turn[0], turn[1], None, "\n".join(body))
        speaker_id, start, rest = turn_of(match, number)
        turn = (speaker_id, start)
        body = [rest] if rest else []
    if turn is None:
        raise TranscriptError("no turn headers found", line=1)
    build.add_text(turn[0], turn[1], None, "\n".join(body))
    _preamble(build, [line.strip() for line in preamble if line.strip()])


def _preamble(build: TranscriptBuilder, lines: list[str]) -> None:
    if not lines:
        return
    if len(lines) == 1 and len(lines[0]) <= _TITLE_CHARS:
        build.meta.title = lines[0]
        build.warnings.append(f"the line before the first turn ({lines[0]!r}) was taken as the title")
        return
    build.add_text(None, None, None, " ".join(lines))
    build.segments.insert(0, build.segments.pop())
    for number, segment in enumerate(build.segments, 1):
        segment.id = f"s{number}"
    build.warnings.append(f"{lines_count(len(lines))} before the first turn {'was' if len(lines) == 1 else 'were'} "
                          "kept as an untimed segment without a speaker")


def lines_count(count: int) -> str:
    """"1 line", "6 lines": how many lines of a file a warning speaks of."""
    return f"{count} line{'' if count == 1 else 's'}"
