"""The publishing rules of the podcast namespace and Apple Podcasts, as export options per format.

A plain export (File ▸ Export, ``transcript-editor export``) leaves every
choice to the producer. Publishing fixes them to what feeds and players
expect, so a published file never needs checking by hand:

=======  ======================  ==========================================================
format   feed type               rules
=======  ======================  ==========================================================
vtt      text/vtt                ``WEBVTT``, ``<v Name>`` on every cue, text escaped, lines
                                 of at most 65 characters broken at clause ends, cues in
                                 time order, each ending after it starts
srt      application/x-subrip    cards of at most 2 lines x 32 characters, a new card with
                                 ``Name:`` at each change of speaker, no dangling one- or
                                 two-word last line or card, cards in time order
json     application/json        ``{"version": "1.0.0", "segments": [...]}``, numeric times in
                                 time order, ``endTime`` always written, no newline in ``body``;
                                 word-level when the words have times
html     text/html               the namespace's fragment: ``<cite>``, ``<time>``, ``<p>``, escaped
txt      text/plain              the Rev layout of a plain export
=======  ======================  ==========================================================

Timed formats are marked ``rel="captions"`` in the feed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from editor.formats import writer
from editor.formats.base import ExportOptions

SRT_LINE_CHARS = 32
VTT_LINE_CHARS = 65


@dataclass(frozen=True)
class PublishFormat:
    name: str        # as on the command line: vtt, srt, json, html, txt
    mime: str        # the feed's <podcast:transcript type="...">
    captions: bool   # timed: rel="captions" in the feed
    label: str

    @property
    def extension(self) -> str:
        """The file's extension: its writer's (the format registry's)."""
        return writer(self.name).EXTENSION


PUBLISH_FORMATS: tuple[PublishFormat, ...] = (
    PublishFormat("vtt", "text/vtt", True, "WebVTT captions (Apple Podcasts shows speaker names)"),
    PublishFormat("srt", "application/x-subrip", True, "SRT captions"),
    PublishFormat("json", "application/json", True, "Podcasting 2.0 JSON (word highlighting)"),
    PublishFormat("html", "text/html", False, "HTML transcript"),
    PublishFormat("txt", "text/plain", False, "Plain text"),
)
FORMAT_NAMES = tuple(f.name for f in PUBLISH_FORMATS)


def publish_format(name: str) -> PublishFormat:
    for candidate in PUBLISH_FORMATS:
        if candidate.name == name:
            return candidate
    raise KeyError(name)


def publish_options(name: str, choices: ExportOptions | None = None) -> ExportOptions:
    """The options a published *name* file is written with.

    *choices* carries what stays the producer's choice when publishing (clean
    verbatim's filler words, word-timed WebVTT, the DOCX author, inaudible
    style); the layout rules above override everything else.
    """
    base = choices or ExportOptions()
    kept = ExportOptions(inaudible_style=base.inaudible_style, filler_words=base.filler_words,
                         word_timed_vtt=base.word_timed_vtt, author=base.author,
                         include_chapters=base.include_chapters)
    if name == "srt":
        return replace(kept, max_line_chars=SRT_LINE_CHARS, max_lines=2, balanced_lines=True,
                       clause_breaks=True, sorted_times=True)
    if name == "vtt":
        return replace(kept, max_line_chars=VTT_LINE_CHARS, max_lines=2, balanced_lines=True,
                       clause_breaks=True, sorted_times=True)
    if name == "json":
        return replace(kept, word_level=None)   # the JSON writer always writes in time order
    if name == "html":
        return replace(kept, html_fragment=True)
    if name == "txt":
        return kept
    raise KeyError(name)
