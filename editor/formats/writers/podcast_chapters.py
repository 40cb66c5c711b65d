"""Podcasting 2.0 chapters (``<podcast:chapters type="application/json+chapters">``).

``{"version": "1.2.0", "chapters": [{"startTime": seconds, "title": ..., "url"?, "img"?}]}``,
sorted by start. Apple Podcasts shows these titles as headings in its
transcript view, so an episode published with chapters reads in sections.
The transcript's text plays no part: only its chapters are written.
"""

from __future__ import annotations

import json

from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions, InaudibleStyle


class PodcastChaptersWriter:
    NAME = "chapters"
    LABEL = "Podcasting 2.0 chapters (JSON)"
    EXTENSION = ".chapters.json"
    BINARY = False
    DEFAULT_INAUDIBLE = InaudibleStyle.PLAIN  # unused: chapters hold no transcript text
    OPTIONS: frozenset[str] = frozenset()   # chapters hold no transcript text: no option applies

    def write(self, transcript: Transcript, options: ExportOptions) -> str:
        chapters = []
        for chapter in sorted(transcript.chapters, key=lambda c: c.start_ms):
            item: dict = {"startTime": _seconds(chapter.start_ms), "title": chapter.title}
            if chapter.url:
                item["url"] = chapter.url
            if chapter.image:
                item["img"] = chapter.image
            chapters.append(item)
        return json.dumps({"version": "1.2.0", "chapters": chapters}, ensure_ascii=False, indent=2) + "\n"


def _seconds(ms: int) -> int | float:
    """Whole seconds as an integer (``12``), else seconds with the milliseconds (``12.5``)."""
    return ms // 1000 if ms % 1000 == 0 else ms / 1000
