"""Podcasting 2.0 JSON transcript (``<podcast:transcript type="application/json">``).

``{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}``
with times in seconds. Word-level (one segment per word, which lets players
highlight words) when ``options.word_level`` is True, or when it is None and
any segment has timed words; otherwise one segment per turn. Bodies carry no
trailing newline: one snippet of the namespace's text shows one, its example
file does not, and players take a change of ``speaker`` as the end of a turn.
A word-level segment is never zero-length: a piece the audio gave no time of its own
(an "[inaudible]" tag the aligner found no pause for) joins the word before it in its
turn ("David [inaudible],"), or the one after when it comes first, so the tag is still
published, as in every other format, and highlights with the word it sits by.
Segments without word times are shared out by length of text; untimed turns
get times after the previous one (see
:func:`~editor.formats.writers.render.segment_times`). Exported or published,
the segments are in time order (the namespace asks for it; overlapping turns
would otherwise step back in time), and a segment said in no time (a zero-length
turn, or a turn of words that all have no time) gets time as a caption cue does
(:mod:`.timed_spans`), so ``endTime`` is always after ``startTime``.
"""

from __future__ import annotations

from dataclasses import dataclass
from json.encoder import encode_basestring  # the C string escaper json.dumps uses

from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.render import Unit, export_text, export_units, segment_times, spread_times
from editor.formats.writers.timed_spans import give_time


@dataclass(slots=True)
class _Entry:
    start_ms: int
    end_ms: int
    speaker: str   # the '"speaker": "…", ' part, or ""
    body: str


class PodcastJsonWriter:
    NAME = "json"
    LABEL = "Podcasting 2.0 JSON"
    EXTENSION = ".json"
    BINARY = False
    DEFAULT_INAUDIBLE = InaudibleStyle.PLAIN
    OPTIONS: frozenset[str] = frozenset({
        "include_speakers", "inaudible_style", "filler_words", "word_level"
    })

    def write(self, transcript: Transcript, options: ExportOptions) -> str:
        style = options.inaudible_style or self.DEFAULT_INAUDIBLE
        fillers = options.filler_words
        word_level = options.word_level
        if word_level is None:
            word_level = any(s.words and s.words[0].start_ms is not None for s in transcript.segments)
        entries: list[_Entry] = []
        for segment, (start, end) in zip(transcript.segments, segment_times(transcript.segments), strict=False):
            name = transcript.speaker_name(segment.speaker_id) if options.include_speakers else ""
            speaker = f'"speaker": {encode_basestring(name)}, ' if name else ""
            if word_level:
                for piece in _no_instants(spread_times(export_units(segment, style, fillers), start, end)):
                    assert piece.start_ms is not None and piece.end_ms is not None   # spread_times timed them
                    entries.append(_Entry(piece.start_ms, piece.end_ms, speaker, piece.text))
            else:
                body = " ".join(export_text(segment, style, fillers).split())
                if body:
                    entries.append(_Entry(start, end, speaker, body))
        entries.sort(key=lambda entry: entry.start_ms)  # stable: words of a turn keep their order
        give_time(entries, [len(entry.body) + 1 for entry in entries], transcript.meta.duration_ms)
        # One segment per line: readable in a text editor, yet compact for 90,000 words.
        lines = ",\n".join(_entry(entry) for entry in entries)
        return f'{{"version": "1.0.0", "segments": [\n{lines}\n]}}\n'


def _no_instants(pieces: list[Unit]) -> list[Unit]:
    """*pieces* (all timed) with each zero-length one joined to the piece before it (the first: to the
    one after), so no word-level segment starts and ends at once; a turn of nothing but instants stays."""
    joined: list[Unit] = []
    waiting: list[str] = []          # instants before the turn's first piece with a length
    for piece in pieces:
        assert piece.start_ms is not None and piece.end_ms is not None   # spread_times timed them
        if piece.end_ms > piece.start_ms:
            if waiting:
                piece = Unit(" ".join([*waiting, piece.text]), piece.start_ms, piece.end_ms)
                waiting = []
            joined.append(piece)
        elif joined:
            last = joined[-1]
            end_ms = max(last.end_ms or 0, piece.end_ms or 0)   # both timed: spread_times timed them
            joined[-1] = Unit(f"{last.text} {piece.text}", last.start_ms, end_ms)
        else:
            waiting.append(piece.text)
    if waiting:          # nothing in the turn has a length: as they are
        return pieces
    return joined


def _entry(entry: _Entry) -> str:
    """One JSON segment, formatted directly: json.dumps per word was most of the export time."""
    return (f'{{{entry.speaker}"startTime": {entry.start_ms / 1000!r}, "endTime": {entry.end_ms / 1000!r}, '
            f'"body": {encode_basestring(entry.body)}}}')
