"""Word (DOCX) export through python-docx: a title, then per turn the speaker in bold
with the time beside it, and the turn's text in the paragraph below."""

from __future__ import annotations

import io

from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.render import render_segment, turn_clock


class DocxWriter:
    NAME = "docx"
    LABEL = "Word document (DOCX)"
    EXTENSION = ".docx"
    BINARY = True
    DEFAULT_INAUDIBLE = InaudibleStyle.REV

    def write(self, transcript: Transcript, options: ExportOptions) -> bytes:
        import docx  # imported here: python-docx (lxml) costs ~0.2 s and only this export needs it

        style = options.inaudible_style or self.DEFAULT_INAUDIBLE
        document = docx.Document()
        title = transcript.meta.title or "Transcript"
        document.core_properties.title = title
        document.add_heading(title, level=1)
        for segment in transcript.segments:
            name = transcript.speaker_name(segment.speaker_id) if options.include_speakers else ""
            time = turn_clock(segment.start_ms) if options.include_times and segment.start_ms is not None else ""
            if name or time:
                header = document.add_paragraph()
                header.paragraph_format.keep_with_next = True  # never strand a name at a page foot
                header.paragraph_format.space_after = 0
                if name:
                    header.add_run(name).bold = True
                if time:
                    header.add_run(f"  ({time})" if name else f"({time})")
            document.add_paragraph(_xml_safe(render_segment(segment, style).strip()))
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()


def _xml_safe(text: str) -> str:
    """Drop control characters XML cannot hold (lxml would raise on them)."""
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32) if any(
        ord(ch) < 32 for ch in text) else text
