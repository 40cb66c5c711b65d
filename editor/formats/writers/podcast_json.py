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
:func:`~editor.formats.writers.render.segment_times`). With ``sorted_times``
(publishing) the segments are in time order and every ``endTime`` is at least
its ``startTime``.
"""

from __future__ import annotations

from json.encoder import encode_basestring  # the C string escaper json.dumps uses

from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.render import Unit, export_text, export_units, segment_times, spread_times


class PodcastJsonWriter:
    NAME = "json"
    LABEL = "Podcasting 2.0 JSON"
    EXTENSION = ".json"
    BINARY = False
    DEFAULT_INAUDIBLE = InaudibleStyle.PLAIN

    def write(self, transcript: Transcript, options: ExportOptions) -> str:
        style = options.inaudible_style or self.DEFAULT_INAUDIBLE
        fillers = options.filler_words
        word_level = options.word_level
        if word_level is None:
            word_level = any(s.words and s.words[0].start_ms is not None for s in transcript.segments)
        entries: list[tuple[int, int, str, str]] = []
        for segment, (start, end) in zip(transcript.segments, segment_times(transcript.segments), strict=False):
            name = transcript.speaker_name(segment.speaker_id) if options.include_speakers else ""
            speaker = f'"speaker": {encode_basestring(name)}, ' if name else ""
            if word_level:
                for piece in _no_instants(spread_times(export_units(segment, style, fillers), start, end)):
                    assert piece.start_ms is not None and piece.end_ms is not None   # spread_times timed them
                    entries.append((piece.start_ms, piece.end_ms, speaker, piece.text))
            else:
                body = " ".join(export_text(segment, style, fillers).split())
                if body:
                    entries.append((start, end, speaker, body))
        if options.sorted_times:
            entries.sort(key=lambda entry: entry[0])  # stable: words of a turn keep their order
            entries = [(start, max(start, end), speaker, body) for start, end, speaker, body in entries]
        # One segment per line: readable in a text editor, yet compact for 90,000 words.
        lines = ",\n".join(_entry(*entry) for entry in entries)
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


def _entry(start_ms: int, end_ms: int, speaker: str, body: str) -> str:
    """One JSON segment, formatted directly: json.dumps per word was most of the export time."""
    return (f'{{{speaker}"startTime": {start_ms / 1000!r}, "endTime": {end_ms / 1000!r}, '
            f'"body": {encode_basestring(body)}}}')
