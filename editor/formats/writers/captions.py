"""Cutting a transcript into caption cues: shared by the SRT and WebVTT writers.

A cue holds at most ``max_lines`` lines of at most ``max_line_chars``
characters, broken at word boundaries. Cue times come from the word times when
the segment has them, else from the segment's time shared out by length of
text. A cue also ends early at the end of a sentence once it holds a line's
worth of text, and before a pause of two seconds or more, so captions stay in
step with speech. A single word longer than a line gets a line of its own
(words are never cut). The speaker's ``Name:`` (SRT) counts as text of the
first line and never makes a cue of its own (with one line per cue it shares
the line with the first word, however long); a WebVTT ``<v Name>`` tag does not
count, as players do not show it.
Every turn starts a new cue.

The publishing rules add three refinements (each an :class:`ExportOptions` flag):

* ``clause_breaks``: lines break after clause punctuation (``,`` ``;`` ``:``
  ``.`` ``?`` ``!``) where one is near, so each line reads as a phrase (a cost
  in the least-cost layout; in the greedy one, a full line breaks after the
  last clause end that leaves it at least 40% full).
* ``balanced_lines``: the turn is laid out by least cost
  (:mod:`.caption_layout`) instead of greedily: no cue ends in a dangling line
  of one or two words, nor is a cue one or two words spilled from a full one,
  wherever another layout fits; cue breaks prefer sentence ends.
* ``sorted_times``: cue starts never decrease (overlapping turns are put in
  time order).

Every cue, published or not, ends after it starts and no later than the audio
(``meta.duration_ms``, when known);
cues of a turn said in no time share out the time after it and never overlap.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.speaker_label import written
from editor.formats.writers.caption_layout import ends_clause, lay_out_run
from editor.formats.writers.render import Unit, export_units, segment_times, spread_times
from editor.formats.writers.timed_spans import give_time

_PAUSE_MS = 2000
_SENTENCE_END = (".", "?", "!", ".\"", "?\"", "!\"")
_MIN_CLAUSE_FILL = 0.4   # a clause break leaves the line at least this full


@dataclass(slots=True)
class Cue:
    start_ms: int
    end_ms: int
    lines: list[str]
    speaker: str = ""          # display name, "" when unknown
    speaker_changed: bool = False  # first cue of a turn by a different speaker
    first_of_turn: bool = False
    words: list[list[Unit]] = field(default_factory=list)  # the timed pieces of each line, when asked for


@dataclass(slots=True)
class _Packer:
    max_chars: int
    max_lines: int
    clause_breaks: bool = False
    name: Unit | None = None   # the turn's "Name:": ends no clause and never a cue of its own
    cues: list[list[list[Unit]]] = field(default_factory=list)
    lines: list[list[Unit]] = field(default_factory=list)
    line: list[Unit] = field(default_factory=list)
    line_len: int = 0

    def add(self, unit: Unit) -> None:
        width = len(unit.text)
        last_end = self._last_end()
        if unit.start_ms is not None and last_end is not None and unit.start_ms - last_end >= _PAUSE_MS:
            self.end_cue()
        if self.line and self.line_len + 1 + width > self.max_chars and not self._name_alone_would_end_cue():
            carry = self._clause_tail(width) if self.clause_breaks else []
            self._end_line()
            for piece in carry:
                self._append(piece)
        self._append(unit)
        if unit.text.endswith(_SENTENCE_END) and self._chars() >= self.max_chars:
            self.end_cue()

    def _name_alone_would_end_cue(self) -> bool:
        """True when ending the line now would close a cue holding only the name (it overflows instead)."""
        return (self.name is not None and len(self.line) == 1 and self.line[0] is self.name
                and not self.lines and self.max_lines == 1)

    def _append(self, unit: Unit) -> None:
        self.line.append(unit)
        self.line_len += len(unit.text) + (1 if self.line_len else 0)

    def _clause_tail(self, incoming: int) -> list[Unit]:
        """The words after the line's last clause end, moved on to the next line (or [])."""
        tail_width = 0   # width of self.line[k + 1:], grown one word at a time from the end
        for k in range(len(self.line) - 2, -1, -1):
            tail_width += len(self.line[k + 1].text) + (1 if tail_width else 0)
            head_width = self.line_len - tail_width - 1
            if head_width < self.max_chars * _MIN_CLAUSE_FILL:
                return []
            if ends_clause(self.line[k].text) and self.line[k] is not self.name:
                if tail_width + 1 + incoming > self.max_chars:
                    return []  # the tail and the next word would not share a line anyway
                tail = self.line[k + 1:]
                self.line, self.line_len = self.line[:k + 1], head_width
                return tail
        return []

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
               name_prefix: bool, with_words: bool = False) -> list[Cue]:
    """Caption cues for the whole transcript; *name_prefix* puts ``Name:`` in the text (SRT).

    *with_words* keeps each cue's timed pieces (:attr:`Cue.words`, for word-timed WebVTT): an
    object per word, four times the memory of the cues' text (a 200,000-cue subtitle file: 400 MB).
    """
    max_chars = max(1, options.max_line_chars)
    max_lines = max(1, options.max_lines)
    cues: list[Cue] = []
    previous_speaker: object = object()  # so the first named turn counts as a change
    for segment, (start, end) in zip(transcript.segments, segment_times(transcript.segments), strict=False):
        pieces = export_units(segment, style, options.filler_words)
        if not pieces:
            continue
        spread_times(pieces, start, end)
        name = transcript.speaker_name(segment.speaker_id) if options.include_speakers else ""
        changed = bool(name) and segment.speaker_id != previous_speaker
        previous_speaker = segment.speaker_id
        named = changed and name_prefix
        if named:
            pieces = [Unit(f"{written(name)}:", pieces[0].start_ms, pieces[0].start_ms)] + pieces
        if options.balanced_lines:
            turn = _laid_out_turn(pieces, max_chars, max_lines, options.clause_breaks, named)
        else:
            packer = _Packer(max_chars, max_lines, options.clause_breaks, pieces[0] if named else None)
            for piece in pieces:
                packer.add(piece)
            packer.end_cue()
            turn = packer.cues
        for number, lines in enumerate(turn):
            timed = [u for line in lines for u in line]
            cues.append(Cue(timed[0].start_ms or 0, max(timed[-1].end_ms or 0, timed[0].start_ms or 0),
                            [" ".join(u.text for u in line) for line in lines], name,
                            changed and number == 0, number == 0, lines if with_words else []))
    if options.sorted_times:
        cues.sort(key=lambda cue: cue.start_ms)  # stable: cues of one turn keep their order
    give_time(cues, [sum(len(line) + 1 for line in cue.lines) for cue in cues], transcript.meta.duration_ms)
    return cues


# ---------------------------------------------------------------------- least-cost layout (publishing)
def _laid_out_turn(pieces: list[Unit], max_chars: int, max_lines: int, clauses: bool,
                   named: bool) -> list[list[list[Unit]]]:
    """The turn's cues by least cost (:mod:`.caption_layout`), a cue ending at every long pause."""
    cues: list[list[list[Unit]]] = []
    run: list[Unit] = []
    for piece in pieces:
        if run and piece.start_ms is not None and run[-1].end_ms is not None \
                and piece.start_ms - run[-1].end_ms >= _PAUSE_MS:
            cues += _lay_out(run, max_chars, max_lines, clauses, named and not cues)
            run = []
        run.append(piece)
    return cues + _lay_out(run, max_chars, max_lines, clauses, named and not cues)


def _lay_out(run: list[Unit], max_chars: int, max_lines: int, clauses: bool, starts_with_name: bool):
    # The "Name:" an SRT turn opens with ends no clause (the first line should run on after it)
    # and never ends a card (a card of nothing but a name says nothing).
    name = frozenset({0}) if starts_with_name else frozenset()
    return lay_out_run(run, max_chars, max_lines, clauses, name, name)
