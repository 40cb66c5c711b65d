"""Podcasting 2.0 JSON transcripts (``<podcast:transcript type="application/json">``).

``{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}``,
times in seconds. Files come word by word (one segment per word, so players can
highlight words) or phrase by phrase. Either way we merge them back into turns:
a new turn starts when the speaker changes, after a pause of more than
:data:`TURN_GAP_MS`, or after a body ending in ``"\\n"`` (the namespace's turn
end). Word-level files keep every word's time. Files with no speakers at all
are cut at sentence ends after :data:`MAX_UNLABELLED_MS` so no segment grows
to the whole episode.
"""

from __future__ import annotations

import re
import sys

from editor.core.errors import TranscriptError
from editor.core.transcript import Word
from editor.formats.base import ReadResult
from editor.formats.readers._build import TranscriptBuilder
from editor.formats.readers._json import bad_type, list_of, load_json, object_of, seconds

TURN_GAP_MS = 2000
MAX_UNLABELLED_MS = 30_000
_SNIFF = re.compile(r'"(?:startTime|endTime|body)"\s*:')


class PodcastingJsonReader:
    NAME = "podcasting-json"
    LABEL = "Podcasting 2.0 JSON transcript"
    EXTENSIONS = (".json",)

    def sniff(self, text: str) -> float:
        head = text[:8192].lstrip()
        if head.startswith("{") and _SNIFF.search(head):
            return 0.95
        return 0.0

    def read(self, text: str) -> ReadResult:
        data = object_of(load_json(text), "the top level")
        if "segments" not in data:
            raise TranscriptError("JSON without 'segments': not a Podcasting 2.0 transcript")
        items = _items(list_of(data["segments"], "segments"))
        build = TranscriptBuilder(self.NAME)
        if isinstance(data.get("language"), str):
            build.meta.language = data["language"]
        word_level = bool(items) and sum(1 for it in items if " " not in it[3]) >= 0.9 * len(items)
        labelled = any(it[0] is not None for it in items)
        for turn in _turns(items, labelled):
            speaker_id = build.speaker(turn[0][0])
            if word_level:
                intern = sys.intern
                words = [Word(intern(part), s, e, None)
                         for _, s, e, body, _ in turn for part in body.split()]
                build.add_words(speaker_id, turn[0][1], turn[-1][2], words)
            else:
                build.add_text(speaker_id, turn[0][1], turn[-1][2], " ".join(it[3] for it in turn))
        if not build.segments:
            build.warnings.append("the transcript has no segments")
        return build.result()


def _items(segments: list) -> list[tuple]:
    """(speaker, start, end, body, ends_turn) per JSON segment, types checked."""
    items = []
    for index, raw in enumerate(segments):
        where = f"segments[{index}]"
        if type(raw) is not dict:
            raise bad_type(where, "an object", raw)
        body = raw.get("body")
        if not isinstance(body, str):
            raise bad_type(f"{where}.body", "text", body)
        speaker = raw.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            raise bad_type(f"{where}.speaker", "a speaker name", speaker)
        start = raw.get("startTime")
        start_ms = int(start * 1000 + 0.5) if type(start) is float and start >= 0 else \
            seconds(start, f"{where}.startTime")
        end = raw.get("endTime")
        end_ms = int(end * 1000 + 0.5) if type(end) is float and end >= 0 else \
            seconds(end, f"{where}.endTime", optional=True)
        text = body.strip()
        if text:
            items.append((speaker.strip() or None if speaker else None, start_ms, end_ms, text,
                          body.endswith("\n")))
        elif body.endswith("\n") and items:  # a bare "\n" body closes the turn
            items[-1] = items[-1][:4] + (True,)
    return items


def _turns(items: list[tuple], labelled: bool) -> list[list[tuple]]:
    turns: list[list[tuple]] = []
    current: list[tuple] = []
    for item in items:
        if current and _new_turn(current, item, labelled):
            turns.append(current)
            current = []
        current.append(item)
    if current:
        turns.append(current)
    return turns


def _new_turn(current: list[tuple], item: tuple, labelled: bool) -> bool:
    last = current[-1]
    if last[4] or item[0] != last[0]:
        return True
    last_end = last[2] if last[2] is not None else last[1]
    if item[1] - last_end > TURN_GAP_MS:
        return True
    return not labelled and item[1] - current[0][1] > MAX_UNLABELLED_MS and last[3][-1:] in ".?!"
