"""noScribe HTML: ``<p>`` paragraphs whose text sits in ``<a name="ts_<start>_<end>_<speaker>">`` spans.

Each paragraph becomes a segment timed from its first span's start to its last
span's end. The speaker is a ``Name:`` label at the start of the paragraph
when the producer typed one, else the span's speaker code (``S01``). The
audio file named in ``<meta name="audio_source">`` becomes the media path.
"""

from __future__ import annotations

import html
import re

from editor.core.errors import TranscriptError
from editor.formats.base import ReadResult
from editor.formats.readers import NOSCRIBE
from editor.formats.readers._build import TranscriptBuilder
from editor.formats.readers._cues import split_speaker

_PARAGRAPH = re.compile(r"<p\b[^>]*>(.*?)</p\s*>", re.IGNORECASE | re.DOTALL)
_ANCHOR = re.compile(r"<a\b[^>]*\bname=\"ts_(\d+)_(\d+)_([^\"]*)\"", re.IGNORECASE)
_AUDIO = re.compile(r"<meta\b[^>]*name=\"audio_source\"[^>]*content=\"([^\"]*)\"", re.IGNORECASE)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


class NoScribeReader:
    NAME, LABEL, EXTENSIONS = NOSCRIBE.NAME, NOSCRIBE.LABEL, NOSCRIBE.EXTENSIONS

    def sniff(self, text: str) -> float:
        head = text[:65536]
        return 0.95 if "<" in head and _ANCHOR.search(head) else 0.0

    def read(self, text: str) -> ReadResult:
        build = TranscriptBuilder(self.NAME)
        audio = _AUDIO.search(text)
        if audio:
            build.meta.audio_path = html.unescape(audio.group(1))
        title = _TITLE.search(text)
        if title:
            build.meta.title = html.unescape(_TAG.sub("", title.group(1))).strip()
        for paragraph in _PARAGRAPH.finditer(text):
            anchors = _ANCHOR.findall(paragraph.group(1))
            if not anchors:
                continue  # headings, the file's info lines
            plain = html.unescape(_TAG.sub("", paragraph.group(1)))
            name, body = split_speaker(" ".join(plain.split()))
            code = anchors[0][2].strip() or None
            build.add_text(build.speaker(name or code), int(anchors[0][0]), int(anchors[-1][1]), body)
        if not build.segments:
            raise TranscriptError("no timed paragraphs (<a name=\"ts_…\">) found")
        return build.result()
