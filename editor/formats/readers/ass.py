"""Advanced SubStation Alpha (ASS/SSA) subtitles, read with pysubs2.

Subtitle editors (Aegisub, Subtitle Edit) keep the speaker in each Dialogue
line's ``Name`` field. pysubs2 does the parsing, which ASS needs (styles,
override tags, ``\\N`` line breaks); comments are skipped.
"""

from __future__ import annotations

import warnings

from editor.core.errors import TranscriptError
from editor.formats.base import ReadResult
from editor.formats.readers import ASS
from editor.formats.readers._build import TranscriptBuilder
from editor.formats.readers._cues import split_speaker


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
        for event in subs:
            if event.is_comment:
                continue
            body = event.plaintext.replace("\n", " ")
            if uses_names:
                speaker = build.speaker(event.name.strip() or None)
            else:
                name, body = split_speaker(body)
                if name is not None:
                    speaker = build.speaker(name)
            build.add_text(speaker, event.start, event.end, body)
        if not build.segments:
            raise TranscriptError("no Dialogue lines found in the [Events] section")
        return build.result()


def _line_of(text: str, error: Exception) -> int | None:
    """The line holding the value pysubs2 quotes in its message (``... timestamp: '100:00:10.00'``)."""
    quoted = str(error).rpartition(": ")[2].strip("'\"")
    at = text.find(quoted) if len(quoted) >= 4 else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else None
