"""Plain text with no times: each paragraph (or each line, when there are no blank lines)
becomes an untimed segment without a speaker, for the producer to time later.

A paragraph too long to edit as one turn (a whole episode pasted with no breaks) is cut
into parts at sentence ends (:mod:`editor.core.long_text`), and the reading says so."""

from __future__ import annotations

import re
from collections.abc import Iterator

from editor.core.long_text import LONG_PARAGRAPH, PART_CHARS, part_starts
from editor.formats.base import ReadResult
from editor.formats.marks import marker_spans
from editor.formats.readers import PLAIN_TEXT
from editor.formats.readers._build import TranscriptBuilder
from editor.formats.readers._json import looks_like_json

_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_LINE_BREAK = re.compile(r"\n")


class PlainTextReader:
    NAME, LABEL, EXTENSIONS = PLAIN_TEXT.NAME, PLAIN_TEXT.LABEL, PLAIN_TEXT.EXTENSIONS

    def sniff(self, text: str) -> float:
        return 0.02 if looks_like_json(text) or text.lstrip().startswith("<") else 0.1

    def read(self, text: str) -> ReadResult:
        build = TranscriptBuilder(self.NAME)
        cut: list[tuple[int, int]] = []     # (line, characters) of each paragraph cut into parts
        parts = 0
        for block, line in _blocks(text):
            # A marker with a time in it ("[inaudible 00:12:03]") is two words: never cut in two.
            starts = part_starts(block, keep_whole=marker_spans(block)) if len(block) > LONG_PARAGRAPH else []
            if starts:
                cut.append((line, len(block.strip())))
                parts += len(starts) + 1
            for start, end in zip([0, *starts], [*starts, len(block)], strict=True):
                build.add_text(None, None, None, block[start:end])
        if not build.segments:
            build.warnings.append("the file holds no text")
        else:
            build.warnings.append("no times in this file: segments are untimed")
        if cut:
            build.warnings.append(_cut_warning(cut, parts))
        return build.result()


def _blocks(text: str) -> Iterator[tuple[str, int]]:
    """The paragraphs of *text* (its lines when it has no blank lines), each with its first line's number."""
    separator = _BLANK_LINES if _BLANK_LINES.search(text) else _LINE_BREAK
    at, line = 0, 1
    for match in separator.finditer(text):
        yield text[at:match.start()], line
        line += text.count("\n", at, match.end())
        at = match.end()
    yield text[at:], line


def _cut_warning(cut: list[tuple[int, int]], parts: int) -> str:
    line, size = cut[0]
    which = (f"the paragraph at line {line} ({size:,} characters) was" if len(cut) == 1 else
             f"{len(cut):,} paragraphs (the first at line {line}, {size:,} characters) were")
    return (f"{which} too long to edit as one turn: cut into {parts:,} turns of at most {PART_CHARS:,} "
            "characters, between sentences where there are any, else between words, else at the limit "
            "(Merge with Next Turn joins two back)")
