"""The Podcasting 2.0 HTML transcript: ``<cite>Name:</cite><time>0:09</time><p>text</p>`` per turn.

A complete HTML5 document (with ``<meta charset="utf-8">`` so names with
accents survive any server, and ``lang`` when the transcript's file named its
language or its text tells it, for screen readers, hyphenation and translation),
or with ``html_fragment`` (publishing) only the namespace's fragment of
``<cite>``/``<time>``/``<p>`` elements, for a page to embed. Every piece of
text is escaped. ``<cite>`` and ``<time>`` are left out for turns without a
speaker or a time, or when the options turn them off.
Chapters are ``<h2>`` headings before the turn each one starts in.
"""

from __future__ import annotations

from html import escape

from editor.core.text_language import transcript_language
from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.render import chapter_headings, export_text, short_clock


class PodcastHtmlWriter:
    NAME = "html"
    LABEL = "Podcasting 2.0 HTML"
    EXTENSION = ".html"
    BINARY = False
    DEFAULT_INAUDIBLE = InaudibleStyle.PLAIN
    OPTIONS: frozenset[str] = frozenset({
        "include_speakers", "include_times", "include_chapters", "inaudible_style", "filler_words",
        "html_fragment"
    })

    def write(self, transcript: Transcript, options: ExportOptions) -> str:
        style = options.inaudible_style or self.DEFAULT_INAUDIBLE
        parts = []
        if not options.html_fragment:
            title = escape(transcript.meta.title or "Transcript")
            language = transcript_language(transcript)
            lang = f' lang="{escape(language)}"' if language else ""
            parts.append(f"<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset=\"utf-8\">\n"
                         f"<title>{title}</title>\n</head>\n<body>\n")
        headings = chapter_headings(transcript) if options.include_chapters else {}
        for index, segment in enumerate(transcript.segments):
            for chapter in headings.get(index, ()):
                parts.append(f"<h2>{escape(chapter.title)}</h2>\n")
            text = escape(export_text(segment, style, options.filler_words).strip()).replace("\n", "<br>\n")
            if not text and options.filler_words:
                continue  # a turn that was all fillers
            name = transcript.speaker_name(segment.speaker_id) if options.include_speakers else ""
            if name:
                parts.append(f"<cite>{escape(name)}:</cite>\n")
            if options.include_times and segment.start_ms is not None:
                parts.append(f"<time>{short_clock(segment.start_ms)}</time>\n")
            parts.append(f"<p>{text}</p>\n")
        for chapter in headings.get(len(transcript.segments), ()):
            parts.append(f"<h2>{escape(chapter.title)}</h2>\n")
        if not options.html_fragment:
            parts.append("</body>\n</html>\n")
        return "".join(parts)
