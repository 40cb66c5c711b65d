"""Podcasting 2.0 JSON transcript (``<podcast:transcript type="application/json">``).

``{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}``
with times in seconds. Word-level (one segment per word, which lets players
highlight words) when ``options.word_level`` is True, or when it is None and
any segment has timed words; otherwise one segment per turn. In word-level
files the last word of each turn ends its body with ``"\\n"`` as the namespace
example does, so readers can find turn ends. Segments without word times are
shared out by length of text; untimed turns get times after the previous one
(see :func:`~editor.formats.writers.render.segment_times`).
"""

from __future__ import annotations

from json.encoder import encode_basestring  # the C string escaper json.dumps uses

from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.render import render_segment, segment_times, spread_times, units


class PodcastJsonWriter:
    NAME = "json"
    LABEL = "Podcasting 2.0 JSON"
    EXTENSION = ".json"
    BINARY = False
    DEFAULT_INAUDIBLE = InaudibleStyle.PLAIN

    def write(self, transcript: Transcript, options: ExportOptions) -> str:
        style = options.inaudible_style or self.DEFAULT_INAUDIBLE
        word_level = options.word_level
        if word_level is None:
            word_level = any(s.words and s.words[0].start_ms is not None for s in transcript.segments)
        out: list[str] = []
        for segment, (start, end) in zip(transcript.segments, segment_times(transcript.segments), strict=False):
            name = transcript.speaker_name(segment.speaker_id) if options.include_speakers else ""
            speaker = f'"speaker": {encode_basestring(name)}, ' if name else ""
            if word_level:
                pieces = spread_times(units(segment, style), start, end)
                for number, piece in enumerate(pieces, 1):
                    body = piece.text + ("\n" if number == len(pieces) else "")
                    assert piece.start_ms is not None and piece.end_ms is not None   # spread_times timed them
                    out.append(_entry(speaker, piece.start_ms, piece.end_ms, body))
            else:
                body = render_segment(segment, style).strip()
                if body:
                    out.append(_entry(speaker, start, end, body))
        # One segment per line: readable in a text editor, yet compact for 90,000 words.
        lines = ",\n".join(out)
        return f'{{"version": "1.0.0", "segments": [\n{lines}\n]}}\n'


def _entry(speaker: str, start_ms: int, end_ms: int, body: str) -> str:
    """One JSON segment, formatted directly: json.dumps per word was most of the export time."""
    return (f'{{{speaker}"startTime": {start_ms / 1000!r}, "endTime": {end_ms / 1000!r}, '
            f'"body": {encode_basestring(body)}}}')
