"""The Podcasting 2.0 HTML transcript: ``<cite>Name:</cite><time>0:09</time><p>text</p>`` per turn.

A complete HTML5 document (with ``<meta charset="utf-8">`` so names with
accents survive any server), every piece of text escaped. ``<cite>`` and
``<time>`` are left out for turns without a speaker or a time, or when the
options turn them off.
"""

from __future__ import annotations

from html import escape

from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.formats.writers.render import render_segment, short_clock


class PodcastHtmlWriter:
    NAME = "html"
    LABEL = "Podcasting 2.0 HTML"
    EXTENSION = ".html"
    BINARY = False
    DEFAULT_INAUDIBLE = InaudibleStyle.PLAIN

    def write(self, transcript: Transcript, options: ExportOptions) -> str:
        style = options.inaudible_style or self.DEFAULT_INAUDIBLE
        title = escape(transcript.meta.title or "Transcript")
        lang = f' lang="{escape(transcript.meta.language)}"' if transcript.meta.language else ""
        parts = [f"<!DOCTYPE html>\n<html{lang}>\n<head>\n<meta charset=\"utf-8\">\n"
                 f"<title>{title}</title>\n</head>\n<body>\n"]
        for segment in transcript.segments:
            name = transcript.speaker_name(segment.speaker_id) if options.include_speakers else ""
            if name:
                parts.append(f"<cite>{escape(name)}:</cite>\n")
            if options.include_times and segment.start_ms is not None:
                parts.append(f"<time>{short_clock(segment.start_ms)}</time>\n")
            text = escape(render_segment(segment, style).strip()).replace("\n", "<br>\n")
            parts.append(f"<p>{text}</p>\n")
        parts.append("</body>\n</html>\n")
        return "".join(parts)
