"""The Podcasting 2.0 HTML transcript: ``<cite>Name:</cite><time>0:09</time><p>text</p>`` per turn.

The namespace's low-fidelity form (and what our HTML export writes). Each
``<p>`` is a turn; the ``<cite>`` and ``<time>`` before it give its speaker
and start (a speaker carries on until the next ``<cite>``). The page
``<title>`` becomes the episode title.
"""

from __future__ import annotations

import html
import re

from editor.core.errors import TranscriptError
from editor.formats.base import ReadResult
from editor.formats.readers import PODCAST_HTML
from editor.formats.readers._build import TranscriptBuilder, clock_ms

_ELEMENT = re.compile(r"<(cite|time|p)\b[^>]*>(.*?)</\1\s*>", re.IGNORECASE | re.DOTALL)
_TITLE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_SNIFF = re.compile(r"<cite\b[^>]*>.*?</cite\s*>\s*<time\b", re.IGNORECASE | re.DOTALL)


class PodcastHtmlReader:
    NAME, LABEL, EXTENSIONS = PODCAST_HTML.NAME, PODCAST_HTML.LABEL, PODCAST_HTML.EXTENSIONS

    def sniff(self, text: str) -> float:
        return 0.9 if _SNIFF.search(text[:16384]) else 0.0

    def read(self, text: str) -> ReadResult:
        build = TranscriptBuilder(self.NAME)
        title = _TITLE.search(text)
        if title:
            build.meta.title = _plain(title.group(1))
        speaker = None
        start = None
        for match in _ELEMENT.finditer(text):
            tag, content = match.group(1).lower(), _plain(match.group(2))
            if tag == "cite":
                # "Name:" (one colon: a name may end in one of its own, "Dr. Who::")
                label = content.strip()
                speaker = build.speaker((label[:-1] if label.endswith(":") else label).strip() or None)
            elif tag == "time":
                line = text.count("\n", 0, match.start()) + 1
                start = clock_ms(content, line) if content else None
            else:
                build.add_text(speaker, start, None, content)
                start = None
        if not build.segments:
            raise TranscriptError("no <p> paragraphs with transcript text found", line=1)
        return build.result()


def _plain(fragment: str) -> str:
    if "<" in fragment:
        fragment = _TAG.sub(" ", fragment)
    return html.unescape(fragment).strip()
