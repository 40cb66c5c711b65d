"""Every export format: ``WRITERS`` lists one writer object per format.

Each follows :class:`editor.formats.base.Writer` (``NAME``, ``LABEL``,
``EXTENSION``, ``BINARY``, ``DEFAULT_INAUDIBLE``, ``write``). Shared pieces:
:mod:`.render` (marks per inaudible style, word pieces, times for untimed
segments), :mod:`.captions` (cue splitting for SRT and WebVTT) and :mod:`.timed_spans`
(time for pieces said in no time, shared by captions and JSON).
"""

from __future__ import annotations

from editor.formats.writers.docx_file import DocxWriter
from editor.formats.writers.plain_text import PlainTextWriter
from editor.formats.writers.podcast_chapters import PodcastChaptersWriter
from editor.formats.writers.podcast_html import PodcastHtmlWriter
from editor.formats.writers.podcast_json import PodcastJsonWriter
from editor.formats.writers.srt import SrtWriter
from editor.formats.writers.webvtt import WebVttWriter

WRITERS: list = [PlainTextWriter(), SrtWriter(), WebVttWriter(), PodcastJsonWriter(),
                 PodcastHtmlWriter(), DocxWriter(), PodcastChaptersWriter()]


def writer_named(name: str):
    """The writer whose ``NAME`` is *name* (``KeyError`` when there is none)."""
    for candidate in WRITERS:
        if name == candidate.NAME:
            return candidate
    raise KeyError(name)
