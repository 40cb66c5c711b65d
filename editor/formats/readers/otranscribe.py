"""oTranscribe ``.otr`` files: JSON holding the editor's HTML and the media file name.

``{"text": "<p><span class="timestamp" data-timestamp="12.5">0:12</span> words…</p>",
"media": "episode.mp3", "media-time": 123.4}``. Each timestamp starts a
segment that runs to the next one; text before the first is an untimed
segment. oTranscribe has no speakers, but a typed ``Name:`` at the start of a
segment is taken as one.
"""

from __future__ import annotations

import html
import re

from editor.formats.base import ReadResult
from editor.formats.readers import OTRANSCRIBE
from editor.formats.readers._build import TranscriptBuilder
from editor.formats.readers._cues import split_speaker
from editor.formats.readers._json import load_object_with, seconds, sniff_head, text_of

_STAMP = re.compile(r"<span\b[^>]*\bdata-timestamp=\"([^\"]*)\"[^>]*>.*?</span\s*>", re.IGNORECASE | re.DOTALL)
_BREAK = re.compile(r"<br\s*/?>|</p\s*>|</div\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_SNIFF = re.compile(r'"media-time"\s*:|data-timestamp=')


class OTranscribeReader:
    NAME, LABEL, EXTENSIONS = OTRANSCRIBE.NAME, OTRANSCRIBE.LABEL, OTRANSCRIBE.EXTENSIONS

    def sniff(self, text: str) -> float:
        head = sniff_head(text)
        return 0.95 if head.startswith("{") and _SNIFF.search(head) else 0.0

    def read(self, text: str) -> ReadResult:
        data = load_object_with(text, "text", "not an oTranscribe file")
        markup = text_of(data["text"], "text")
        build = TranscriptBuilder(self.NAME)
        media = data.get("media")
        if isinstance(media, str) and media:
            build.meta.audio_path = media
        pieces = _STAMP.split(markup)  # [before, time1, text1, time2, text2, ...]
        _add(build, None, pieces[0])
        for index in range(1, len(pieces), 2):
            _add(build, seconds(pieces[index], f"text: timestamp {index // 2 + 1}"), pieces[index + 1])
        if not build.segments:
            build.warnings.append("the transcript is empty")
        return build.result()


def _add(build: TranscriptBuilder, start: int | None, fragment: str) -> None:
    plain = html.unescape(_TAG.sub(" ", _BREAK.sub("\n", fragment)))
    name, body = split_speaker(" ".join(plain.split()))
    build.add_text(build.speaker(name), start, None, body)
