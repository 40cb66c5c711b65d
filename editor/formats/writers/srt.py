"""SubRip (SRT) export: caption-sized cues, ``Name:`` at each change of speaker.

SubRip has no escapes: players take ``<b>``, ``<i>``, ``<u>``, ``<s>`` and ``<font ...>`` for
formatting (ffmpeg-based ones also hide any other ``<tag>`` that has its ``</tag>`` after it in the
cue), ``{\\an8}`` for a style override, subtitle readers strip all of these, and a ``-->`` in a text
line reads as a time line. Text that would be taken so (a producer's "<b>", "<div>...</div>") is
written with look-alike characters instead: ``‹b›``, ``{∖an8}``, ``--›``, one character for one, so
lines keep the width they were laid out to. All other text (``a < b``, ``<3``, a name such as
``Tomas <T>``, ``&``) is written as typed.

Written by hand rather than through pysubs2: the format is four lines per cue,
and building 30,000 library event objects for a 10-hour episode would cost
more than the whole export.
"""

from __future__ import annotations

import re

from editor.core.timecode import format_clock
from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.captions import build_cues


class SrtWriter:
    NAME = "srt"
    LABEL = "SubRip captions (SRT)"
    EXTENSION = ".srt"
    BINARY = False
    DEFAULT_INAUDIBLE = InaudibleStyle.PLAIN
    OPTIONS: frozenset[str] = frozenset({
        "include_speakers", "inaudible_style", "filler_words", "max_line_chars", "max_lines",
        "balanced_lines", "clause_breaks", "sorted_times"
    })

    def write(self, transcript: Transcript, options: ExportOptions) -> str:
        style = options.inaudible_style or self.DEFAULT_INAUDIBLE
        blocks = []
        for number, cue in enumerate(build_cues(transcript, options, style, name_prefix=True), 1):
            times = f"{_clock(cue.start_ms)} --> {_clock(cue.end_ms)}"
            blocks.append(f"{number}\n{times}\n" + shown_as_text("\n".join(cue.lines)) + "\n")
        return "\n".join(blocks)


# A tag as players parse one: "<" (or "</") and a letter, up to the next ">", over line breaks
# (a player reads a cue's lines as one text); a style override "{\...}" up to its "}".
_TAG_LIKE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]*>")
# The formatting tags players show as formatting, and those subtitle readers strip (this program's
# among them: editor/formats/readers/_build.py); any other tag only when its pair is in the cue too.
_FORMATTING = frozenset({"b", "i", "u", "s", "font", "c", "span", "lang", "ruby", "rt", "em", "strong"})
_OVERRIDE_LIKE = re.compile(r"\{\\(?=[^{}]*\})")
_LOOK_ALIKE = str.maketrans({"<": "\u2039", ">": "\u203a"})    # ‹ ›


def shown_as_text(cue_text: str) -> str:
    """*cue_text* with what SubRip would take for markup written so that it is shown as text."""
    if "<" in cue_text:
        tags = [(tag, tag.group(2).lower(), tag.group(1) == "/") for tag in _TAG_LIKE.finditer(cue_text)]
        paired = {name for _, name, closing in tags if not closing} & {name for _, name, closing in tags if closing}
        pieces, at = [], 0
        for tag, name, _ in tags:
            if name in _FORMATTING or name in paired:
                pieces += [cue_text[at:tag.start()], tag.group().translate(_LOOK_ALIKE)]
                at = tag.end()
        cue_text = "".join(pieces) + cue_text[at:]
    if "{\\" in cue_text:
        cue_text = _OVERRIDE_LIKE.sub("{\u2216", cue_text)          # ∖, drawn like a backslash
    if "-->" in cue_text:
        cue_text = cue_text.replace("-->", "--\u203a")
    return cue_text


def _clock(ms: int) -> str:
    return format_clock(ms, hours=True, millis=True, separator=",")
