"""Cutting a transcript into caption cues: shared by the SRT and WebVTT writers.

A cue holds at most ``max_lines`` lines of at most ``max_line_chars``
characters, broken at word boundaries. Cue times come from the word times when
the segment has them, else from the segment's time shared out by length of
text. A cue also ends early at the end of a sentence once it holds a line's
worth of text, and before a pause of two seconds or more, so captions stay in
step with speech. A single word longer than a line gets a line of its own
(words are never cut). The speaker's ``Name:`` (SRT) counts as text of the
first line; a WebVTT ``<v Name>`` tag does not, as players do not show it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.render import Unit, segment_times, spread_times, units

_PAUSE_MS = 2000
_SENTENCE_END = (".", "?", "!", ".\"", "?\"", "!\"")


@dataclass(slots=True)
class Cue:
    start_ms: int
    end_ms: int
    lines: list[str]
    speaker: str = ""          # display name, "" when unknown
    speaker_changed: bool = False  # first cue of a turn by a different speaker
    first_of_turn: bool = False


@dataclass(slots=True)
class _Packer:
    max_chars: int
    max_lines: int
    cues: list[list[list[Unit]]] = field(default_factory=list)
    lines: list[list[Unit]] = field(default_factory=list)
    line: list[Unit] = field(default_factory=list)
    line_len: int = 0

    def add(self, unit: Unit) -> None:
        width = len(unit.text)
        last_end = self._last_end()
        if unit.start_ms is not None and last_end is not None and unit.start_ms - last_end >= _PAUSE_MS:
            self.end_cue()
        if self.line and self.line_len + 1 + width > self.max_chars:
            self._end_line()
        self.line.append(unit)
        self.line_len += width + (1 if self.line_len else 0)
        if unit.text.endswith(_SENTENCE_END) and self._chars() >= self.max_chars:
            self.end_cue()

    def _last_end(self) -> int | None:
        if self.line:
            return self.line[-1].end_ms
        return self.lines[-1][-1].end_ms if self.lines else None

    def _chars(self) -> int:
        return sum(len(u.text) + 1 for line in self.lines for u in line) + self.line_len

    def _end_line(self) -> None:
        self.lines.append(self.line)
        self.line, self.line_len = [], 0
        if len(self.lines) >= self.max_lines:
            self.end_cue()

    def end_cue(self) -> None:
        if self.line:
            self.lines.append(self.line)
            self.line, self.line_len = [], 0
        if self.lines:
            self.cues.append(self.lines)
            self.lines = []


def build_cues(transcript: Transcript, options: ExportOptions, style: InaudibleStyle,
               name_prefix: bool) -> list[Cue]:
    """Caption cues for the whole transcript; *name_prefix* puts ``Name:`` in the text (SRT)."""
    max_chars = max(1, options.max_line_chars)
    max_lines = max(1, options.max_lines)
    cues: list[Cue] = []
    previous_speaker: object = object()  # so the first named turn counts as a change
    for segment, (start, end) in zip(transcript.segments, segment_times(transcript.segments), strict=False):
        pieces = units(segment, style)
        if not pieces:
            continue
        spread_times(pieces, start, end)
        name = transcript.speaker_name(segment.speaker_id) if options.include_speakers else ""
        changed = bool(name) and segment.speaker_id != previous_speaker
        previous_speaker = segment.speaker_id
        packer = _Packer(max_chars, max_lines)
        if changed and name_prefix:
            packer.add(Unit(f"{name}:", pieces[0].start_ms, pieces[0].start_ms))
        for piece in pieces:
            packer.add(piece)
        packer.end_cue()
        for number, lines in enumerate(packer.cues):
            timed = [u for line in lines for u in line]
            cues.append(Cue(timed[0].start_ms or 0, max(timed[-1].end_ms or 0, timed[0].start_ms or 0),
                            [" ".join(u.text for u in line) for line in lines], name,
                            changed and number == 0, number == 0))
    return cues
