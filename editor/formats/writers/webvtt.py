"""WebVTT export with ``<v Name>`` voice tags (Apple Podcasts shows these names).

Every cue carries its speaker's voice tag, so a player that shows one cue at a
time can always say who speaks; names are written as typed (spaces are legal
in a voice annotation) with ``&``, ``<`` and ``>`` escaped, as is all cue text.

With ``word_timed_vtt`` each word is a ``<c>`` span preceded by its start
time (``<00:00:01.000><c>word</c>``), which players use to light up the word
being spoken. A timestamp is written only where WebVTT allows one: after the
cue's start, before its end and after the previous one; a word without such a
time is a plain ``<c>`` span. A piece with no length of its own (an "[inaudible]"
the aligner found no pause for) gets no timestamp either: it lights up with the word
before it, as the word-level JSON publishes it.
"""

from __future__ import annotations

from editor.core.timecode import format_clock
from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.captions import build_cues


def escape(text: str) -> str:
    """WebVTT cue-text escaping (also keeps ``-->`` out of cue text)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class WebVttWriter:
    NAME = "vtt"
    LABEL = "WebVTT captions with speaker names"
    EXTENSION = ".vtt"
    BINARY = False
    DEFAULT_INAUDIBLE = InaudibleStyle.PLAIN
    OPTIONS: frozenset[str] = frozenset({
        "include_speakers", "inaudible_style", "filler_words", "max_line_chars", "max_lines",
        "balanced_lines", "clause_breaks", "sorted_times", "word_timed_vtt"
    })

    def write(self, transcript: Transcript, options: ExportOptions) -> str:
        style = options.inaudible_style or self.DEFAULT_INAUDIBLE
        parts = ["WEBVTT\n"]
        title = " ".join(transcript.meta.title.split())
        if title and "-->" not in title:
            parts.append(f"NOTE {title}\n")
        for cue in build_cues(transcript, options, style, name_prefix=False, with_words=options.word_timed_vtt):
            lines = _word_timed(cue) if options.word_timed_vtt else [escape(line) for line in cue.lines]
            if cue.speaker:
                lines[0] = f"<v {escape(cue.speaker)}>{lines[0]}"
            parts.append(f"{_clock(cue.start_ms)} --> {_clock(cue.end_ms)}\n" + "\n".join(lines) + "\n")
        return "\n".join(parts)


def _clock(ms: int) -> str:
    return format_clock(ms, hours=True, millis=True, separator=".")


def _word_timed(cue) -> list[str]:
    lines = []
    last = cue.start_ms
    for pieces in cue.words:
        parts = []
        for piece in pieces:
            stamp = ""
            instant = piece.end_ms is not None and piece.start_ms is not None and piece.end_ms <= piece.start_ms
            if piece.start_ms is not None and not instant and last < piece.start_ms < cue.end_ms:
                stamp, last = f"<{_clock(piece.start_ms)}>", piece.start_ms
            parts.append(f"{stamp}<c>{escape(piece.text)}</c>")
        lines.append(" ".join(parts))
    return lines
