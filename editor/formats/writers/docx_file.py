"""Word (DOCX) export through python-docx: a title, then per turn the speaker in bold
with the time beside it, and the turn's text in the paragraph below; chapters are
level-2 headings. The document's properties say the episode's title, the author
from the settings and the app (python-docx's template would say "python-docx"),
and its language, which is also the text's proofing language (the template says
en-US whatever the text), when the transcript's file named it or its text tells it."""

from __future__ import annotations

import io

from editor import __version__
from editor.core.text_language import transcript_language
from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.render import chapter_headings, export_text, turn_clock


class DocxWriter:
    NAME = "docx"
    LABEL = "Word document (DOCX)"
    EXTENSION = ".docx"
    BINARY = True
    DEFAULT_INAUDIBLE = InaudibleStyle.REV
    OPTIONS: frozenset[str] = frozenset({
        "include_speakers", "include_times", "include_chapters", "inaudible_style", "filler_words", "author"
    })

    def write(self, transcript: Transcript, options: ExportOptions) -> bytes:
        import docx  # imported here: python-docx (lxml) costs ~0.2 s and only this export needs it

        style = options.inaudible_style or self.DEFAULT_INAUDIBLE
        document = docx.Document()
        title = transcript.meta.title or "Transcript"
        language = transcript_language(transcript)
        _set_properties(document.core_properties, title, options.author, language)
        _set_proofing_language(document, language)
        document.add_heading(_xml_safe(title), level=1)
        headings = chapter_headings(transcript) if options.include_chapters else {}
        for index, segment in enumerate(transcript.segments):
            for chapter in headings.get(index, ()):
                document.add_heading(_xml_safe(chapter.title), level=2)
            text = _xml_safe(export_text(segment, style, options.filler_words).strip())
            if not text and options.filler_words:
                continue  # a turn that was all fillers
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
            document.add_paragraph(text)
        for chapter in headings.get(len(transcript.segments), ()):
            document.add_heading(_xml_safe(chapter.title), level=2)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()


def _set_properties(properties, title: str, author: str, language: str) -> None:
    from datetime import datetime, timezone

    now = datetime.now(timezone.utc).replace(microsecond=0)
    properties.title = _xml_safe(title)
    properties.author = _xml_safe(author)
    properties.last_modified_by = _xml_safe(author)
    properties.comments = f"Transcript made with Transcript Editor {__version__}"
    properties.subject = "Transcript"
    properties.keywords = ""
    properties.category = ""
    properties.language = language
    properties.created = now
    properties.modified = now
    properties.revision = 1


def _set_proofing_language(document, language: str) -> None:
    """The language Word checks the text's spelling in; with none known, Word's own (not the template's en-US)."""
    from docx.oxml.ns import qn

    for lang in document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:lang"):
        if language:
            lang.set(qn("w:val"), language)
        else:
            lang.attrib.pop(qn("w:val"), None)


def _xml_safe(text: str) -> str:
    """Drop control characters XML cannot hold (lxml would raise on them)."""
    return "".join(ch for ch in text if ch in "\t\n" or ord(ch) >= 32) if any(
        ord(ch) < 32 for ch in text) else text
