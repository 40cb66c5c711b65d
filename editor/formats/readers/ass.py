"""Advanced SubStation Alpha (ASS/SSA) subtitles, read with pysubs2.

Subtitle editors (Aegisub, Subtitle Edit) keep the speaker in each Dialogue
line's ``Name`` field. pysubs2 does the parsing, which ASS needs (styles,
override tags, ``\\N`` line breaks); comments are skipped.
"""

from __future__ import annotations

import re
import warnings

from editor.core.errors import TranscriptError
from editor.formats.base import ReadResult
from editor.formats.readers import ASS
from editor.formats.readers._build import TranscriptBuilder
from editor.formats.readers._cues import out_of_range_warning, split_speaker

_EVENT_LINE = re.compile(r"^[ \t]*(?:Dialogue|Comment):")
_STAMP = re.compile(r"^\s*(\d+):(\d+):(\d+)[.,](\d+)\s*$")


class AssReader:
    NAME, LABEL, EXTENSIONS = ASS.NAME, ASS.LABEL, ASS.EXTENSIONS

    def sniff(self, text: str) -> float:
        head = text[:4096].lstrip()
        if head.startswith("[Script Info]") or ("[Events]" in head and "Dialogue:" in text[:65536]):
            return 0.95
        return 0.0

    def read(self, text: str) -> ReadResult:
        import pysubs2  # here, not at the top: it costs ~15 ms of start-up for a rare format

        try:
            with warnings.catch_warnings(record=True) as noticed:
                warnings.simplefilter("always")
                subs = pysubs2.SSAFile.from_string(text, format_="ass")
        except Exception as error:  # pysubs2 raises assorted errors for damaged files
            raise TranscriptError(f"not a readable ASS/SSA file ({error})", line=_line_of(text, error)) from None
        build = TranscriptBuilder(self.NAME)
        for message in dict.fromkeys(str(w.message) for w in noticed):
            build.warnings.append(f"ASS/SSA: {message}")
        title = subs.info.get("Title", "")
        if title and title != "Default Aegisub file":
            build.meta.title = title
        audio = getattr(subs, "aegisub_project", {}).get("Audio File", "")
        if audio:
            build.meta.audio_path = audio
        # With Name fields in use a blank one means "no speaker"; without them, "Name:" prefixes
        # carry over to the following lines, as in SRT.
        uses_names = any(event.name.strip() for event in subs)
        speaker = None
        out_of_range: list[tuple[int, str]] = []
        for event, (line_no, times) in zip(subs, _event_times(text, len(subs.events)), strict=True):
            if event.is_comment:
                continue
            start: int | None = event.start
            end: int | None = event.end
            if times is not None:
                out_of_range.append((line_no, times))
                start = end = None
            body = event.plaintext.replace("\n", " ")
            if uses_names:
                speaker = build.speaker(event.name.strip() or None)
            else:
                name, body = split_speaker(body)
                if name is not None:
                    speaker = build.speaker(name)
            build.add_text(speaker, start, end, body)
        if not build.segments:
            raise TranscriptError("no Dialogue lines found in the [Events] section")
        if out_of_range:
            build.warnings.append(out_of_range_warning(out_of_range))
        return build.result()


def _event_times(text: str, events: int) -> list[tuple[int, str | None]]:
    """For each event line, in the order pysubs2 reads them: its line number, and its Start and End
    fields when one of them is out of range (minutes or seconds past 59; else None). pysubs2 takes
    "0:61:03.00" for 1:01:03, which would send the line far from where it stands. Nothing is
    flagged when the lines found are not pysubs2's events one for one."""
    found: list[tuple[int, str | None]] = []
    for line_no, line in enumerate(text.split("\n"), 1):
        if _EVENT_LINE.match(line):
            fields = line.split(":", 1)[1].strip().split(",", 3)[1:3]
            bad = any(_out_of_range(field) for field in fields)
            found.append((line_no, ",".join(fields) if bad else None))
    return found if len(found) == events else [(0, None)] * events


def _out_of_range(stamp: str) -> bool:
    match = _STAMP.match(stamp)
    return match is not None and (int(match.group(2)) >= 60 or int(match.group(3)) >= 60)


def _line_of(text: str, error: Exception) -> int | None:
    """The line holding the value pysubs2 quotes in its message (``... timestamp: '100:00:10.00'``)."""
    quoted = str(error).rpartition(": ")[2].strip("'\"")
    at = text.find(quoted) if len(quoted) >= 4 else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else None
