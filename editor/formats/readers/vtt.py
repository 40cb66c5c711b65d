"""WebVTT: ``WEBVTT`` header, cues with optional identifiers, ``<v Name>`` voice spans.

NOTE, STYLE and REGION blocks are skipped; cue settings after the time line
(``align:start position:10%``) are ignored. A cue without ``<v>`` continues the
previous speaker (the W3C examples only tag speaker changes); a ``Name:``
prefix is understood too, as some tools write that instead. Cues are merged
into turns (:mod:`editor.formats.turns`) unless the caller keeps the captions. A file without
the ``WEBVTT`` header is read with a warning when its cues are sound.
"""

from __future__ import annotations

import html
import re
from typing import Any

from editor.core.errors import TranscriptError
from editor.formats.base import ReadResult
from editor.formats.readers import VTT
from editor.formats.readers._build import TranscriptBuilder
from editor.formats.readers._cues import blocks, ms, out_of_range_warning, split_speaker, untimed_warning

_STAMP = r"(?:(\d+):)?(\d{1,2}):(\d{1,2})[.,](\d{1,3})"
_TIMING = re.compile(rf"^\s*{_STAMP}[ \t]+-->[ \t]+{_STAMP}(?:[ \t].*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>")
# Every WebVTT cue tag (class, italics, bold, underline, ruby, lang, voice, inline timestamps).
# Other angle-bracket text ("<inaudible>") is left for the marker pass.
_TAGS = re.compile(r"</?(?:c|i|b|u|v|lang|ruby|rt)(?:[.\s][^>]*)?>|<\d+:\d{2}(?::\d{2})?\.\d{3}>")
_SNIFF_TIMING = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{1,2}\.\d{3}[ \t]+-->", re.MULTILINE)
_LOOKS_TIMED = re.compile(r"^\s*(?:\d+:)?\d{1,2}:\d{2}[.,]\d")  # a time line with a broken arrow
_SKIPPED_BLOCKS = frozenset(("NOTE", "STYLE", "REGION"))


class VttReader:
    NAME, LABEL, EXTENSIONS = VTT.NAME, VTT.LABEL, VTT.EXTENSIONS
    MERGES_CUES = True

    def sniff(self, text: str) -> float:
        if _has_header(text):
            return 1.0
        head = text[:8192]
        return 0.7 if _SNIFF_TIMING.search(head) and "<v" in head else 0.0

    def read(self, text: str, keep_captions: bool = False) -> ReadResult:
        build = TranscriptBuilder(self.NAME)
        cue_lines: list[list[str]] = []
        lines = text.split("\n")
        header = _has_header(text)
        if not header:
            build.warnings.append("line 1: the WEBVTT header is missing; read as WebVTT anyway")
        speaker = None
        pending: list[Any] | None = None    # [speaker, start, end, text] of the cue being read
        untimed: list[int] = []
        out_of_range: list[tuple[int, str]] = []   # (line, time line) of times past 59 minutes or seconds
        timed = 0
        for number, (line_no, block) in enumerate(blocks(lines)):
            if number == 0 and header:
                continue  # the header block (WEBVTT line and header metadata)
            first = block[0]
            if first.split(None, 1)[0] in _SKIPPED_BLOCKS:
                continue
            timing_at = 0 if "-->" in first else 1 if len(block) > 1 and "-->" in block[1] else -1
            if timing_at < 0:
                broken = next((n for n, line in enumerate(block[:2]) if _LOOKS_TIMED.match(line)), None)
                if broken is None and pending is not None:
                    pending[3] += "\n" + "\n".join(block)  # text after a stray blank line inside a cue
                    build.warnings.append(f"line {line_no}: text after a blank line joined to the cue above")
                    continue
                timing = None
                timing_at = broken if broken is not None else -1
            else:
                timing = _TIMING.match(block[timing_at])
            if pending is not None:
                speaker = _add(build, pending, speaker)
            if timing is None:   # kept untimed: the producer times it on the waveform
                untimed.append(line_no + max(timing_at, 0))
                pending = [None, None, None, "\n".join(block[timing_at + 1:])]
                continue
            timed += 1
            g = timing.groups()
            start, end = ms(g[0], g[1], g[2], g[3]), ms(g[4], g[5], g[6], g[7])
            if start is None or end is None:   # kept untimed, as a broken time line is
                out_of_range.append((line_no + timing_at, block[timing_at]))
                pending = [None, None, None, "\n".join(block[timing_at + 1:])]
                continue
            cue_lines.append([_TAGS.sub("", line) for line in block[timing_at + 1:]])
            pending = [None, start, end, "\n".join(block[timing_at + 1:])]
        if not header and not timed:
            raise TranscriptError("not a WebVTT file: no WEBVTT header and no cues", line=1)
        if pending is not None:
            _add(build, pending, speaker)
        if untimed:
            build.warnings.append(untimed_warning(untimed, "'00:00:00.000 --> 00:00:01.000'"))
        if out_of_range:
            build.warnings.append(out_of_range_warning(out_of_range))
        if not build.segments:
            if not header:
                raise TranscriptError("not a WebVTT file: no WEBVTT header and no cues", line=1)
            raise TranscriptError("no cues found", line=1)
        return build.result(keep_captions, cue_lines)


def _has_header(text: str) -> bool:
    return text.startswith("WEBVTT") and (len(text) == 6 or text[6] in " \t\n")


def _add(build: TranscriptBuilder, cue: list, speaker: str | None) -> str | None:
    """Add one cue as a segment; returns the speaker that continues into the next cue."""
    _, start, end, payload = cue
    voice = _VOICE.search(payload) if "<v" in payload else None
    if voice is not None and voice.group(1) and voice.group(1).strip():
        speaker = build.speaker(html.unescape(voice.group(1).strip()))  # <v Tom &amp; Jerry>
    if "<" in payload:
        payload = _TAGS.sub("", payload)
    if "&" in payload:
        payload = html.unescape(payload)
    if voice is None:
        name, payload = split_speaker(payload, build.speaker_names)
        if name is not None:
            speaker = build.speaker(name)
    build.add_text(speaker, start, end, payload)
    return speaker
