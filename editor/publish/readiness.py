"""Is the episode ready to publish? Unapproved turns, missing times and overlapping times.

The window shows these as warnings in the Publish dialog; the command line
refuses to publish (exit 3) unless ``--force``. Each finding keeps the rows
it concerns so the window can take the producer to the first one.

Turns without a speaker's name are only noted (:meth:`Readiness.notes`): they
publish fine, but their WebVTT cues carry no ``<v Name>``, and Apple Podcasts
takes speaker names from there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.timecode import format_clock
from editor.core.transcript import ReviewStatus, Transcript


@dataclass
class Readiness:
    unapproved: list[int] = field(default_factory=list)     # rows not approved
    untimed: list[int] = field(default_factory=list)        # rows without a start time
    untimed_words: list[int] = field(default_factory=list)  # timed rows whose words have no times
    overlaps: list[int] = field(default_factory=list)       # rows that start before the one above ends
    unnamed: list[int] = field(default_factory=list)        # rows with text but no speaker
    total: int = 0

    @property
    def ready(self) -> bool:
        return not (self.unapproved or self.untimed or self.untimed_words or self.overlaps)

    def problems(self, transcript: Transcript) -> list[str]:
        """One sentence per kind of problem, naming the (first) place it occurs."""
        out = []
        if self.unapproved:
            out.append(f"{self._turns(self.unapproved, 'is', 'are')} not approved"
                       f"{self._where(transcript, self.unapproved)}")
        if self.untimed:
            out.append(f"{self._turns(self.untimed, 'has', 'have')} no time"
                       f"{self._where(transcript, self.untimed)}; {self._untimed_placing()}")
        if self.untimed_words:
            out.append(f"{self._turns(self.untimed_words, 'has', 'have')} no word times"
                       f"{self._where(transcript, self.untimed_words)}; captions and word "
                       "highlighting share the turn's time out by length (compute word timings first)")
        if self.overlaps:
            pronoun = "it" if len(self.overlaps) == 1 else "them"
            out.append(f"{self._turns(self.overlaps, 'starts', 'start')} before the turn above ends"
                       f"{self._where(transcript, self.overlaps)}; players show {pronoun} in time order")
        return out

    def notes(self, transcript: Transcript) -> list[str]:
        """What publishes but reads less well: turns with no speaker (no <v Name> in WebVTT)."""
        if not self.unnamed:
            return []
        their = "its" if len(self.unnamed) == 1 else "their"
        return [f"{self._turns(self.unnamed, 'has', 'have')} no speaker"
                f"{self._where(transcript, self.unnamed)}; {their} captions name nobody"]

    def _turns(self, rows: list[int], singular: str, plural: str) -> str:
        # Lower case: the command line prints these after "note: " or "warning: " (the dialog capitalizes).
        if len(rows) == 1:
            return f"1 of {self.total} turns {singular}" if self.total != 1 else f"the only turn {singular}"
        return f"{len(rows)} of {self.total} turns {plural}"

    def _where(self, transcript: Transcript, rows: list[int]) -> str:
        """" (first: turn 3 at …)" for many, " (turn 3 at …)" for one (the only turn there is too)."""
        return f" ({'' if len(rows) == 1 else 'first: '}{_where(transcript, rows[0])})"

    def _untimed_placing(self) -> str:
        """Where exports put untimed turns (render.segment_times): after the turn before them, or from
        the start for those at the top, lasting as long as their text takes to read."""
        one = len(self.untimed) == 1
        if self.untimed[0] != 0:
            return "it is placed after the turn before it" if one else "they are placed after the turn before them"
        if one:
            return "it is timed from the start by the length of its text"
        return "they are timed by the length of their text, from the start or after the turn before them"


def check(transcript: Transcript) -> Readiness:
    """What stands between *transcript* and a clean publish (O(words))."""
    found = Readiness(total=len(transcript.segments))
    previous_end: int | None = None
    for row, segment in enumerate(transcript.segments):
        if segment.status is not ReviewStatus.APPROVED:
            found.unapproved.append(row)
        if segment.text.strip() and not transcript.speaker_name(segment.speaker_id).strip():
            found.unnamed.append(row)
        if segment.start_ms is None:
            if segment.text.strip():
                found.untimed.append(row)
            continue
        if segment.text.strip() and (not segment.words
                                     or any(w.start_ms is None or w.end_ms is None for w in segment.words)):
            found.untimed_words.append(row)
        if previous_end is not None and segment.start_ms < previous_end:
            found.overlaps.append(row)
        end = segment.end_ms if segment.end_ms is not None else segment.start_ms
        previous_end = end if previous_end is None else max(previous_end, end)
    return found


def unapproved(transcript: Transcript) -> str:
    """What :meth:`Readiness.problems` says of the turns not approved ("" when every turn is), in O(turns):
    for `export --approved-only`, which refuses on approval alone but says it in the same words."""
    rows = [row for row, segment in enumerate(transcript.segments) if segment.status is not ReviewStatus.APPROVED]
    return Readiness(unapproved=rows, total=len(transcript.segments)).problems(transcript)[0] if rows else ""


def _where(transcript: Transcript, row: int) -> str:
    segment = transcript.segments[row]
    at = f" at {format_clock(segment.start_ms, hours=True)}" if segment.start_ms is not None else ""
    return f"turn {row + 1}{at}"
