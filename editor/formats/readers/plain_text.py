"""Plain text with no times: each paragraph (or each line, when there are no blank lines)
becomes an untimed segment without a speaker, for the producer to time later."""

from __future__ import annotations

import re

from editor.formats.base import ReadResult
from editor.formats.readers import PLAIN_TEXT
from editor.formats.readers._build import TranscriptBuilder
from editor.formats.readers._json import looks_like_json

_BLANK_LINES = re.compile(r"\n[ \t]*\n")


class PlainTextReader:
    NAME, LABEL, EXTENSIONS = PLAIN_TEXT.NAME, PLAIN_TEXT.LABEL, PLAIN_TEXT.EXTENSIONS

    def sniff(self, text: str) -> float:
        return 0.02 if looks_like_json(text) or text.lstrip().startswith("<") else 0.1

    def read(self, text: str) -> ReadResult:
        build = TranscriptBuilder(self.NAME)
        blocks = _BLANK_LINES.split(text) if _BLANK_LINES.search(text) else text.split("\n")
        for block in blocks:
            build.add_text(None, None, None, block)
        if not build.segments:
            build.warnings.append("the file holds no text")
        else:
            build.warnings.append("no times in this file: segments are untimed")
        return build.result()
