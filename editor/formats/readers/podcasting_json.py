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

from editor.core.transcript import Word
from editor.formats.base import ReadResult
from editor.formats.readers import PODCASTING_JSON
from editor.formats.readers._build import TranscriptBuilder
from editor.formats.readers._json import bad_type, list_of, load_object_with, seconds, sniff_head

TURN_GAP_MS = 2000
MAX_UNLABELLED_MS = 30_000
_SNIFF = re.compile(r'"(?:startTime|endTime|body)"\s*:')


class PodcastingJsonReader:
    NAME, LABEL, EXTENSIONS = PODCASTING_JSON.NAME, PODCASTING_JSON.LABEL, PODCASTING_JSON.EXTENSIONS

    def sniff(self, text: str) -> float:
        head = sniff_head(text)
        if head.startswith("{") and _SNIFF.search(head):
            return 0.95
        return 0.0

    def read(self, text: str) -> ReadResult:
        data = load_object_with(text, "segments", "not a Podcasting 2.0 transcript")
        build = TranscriptBuilder(self.NAME)
        if isinstance(data.get("language"), str):
            build.meta.language = data["language"]
        _Turns(build).read(list_of(data["segments"], "segments"))
        if not build.segments:
            build.warnings.append("the transcript has no segments")
        return build.result()


class _Turns:
    """One pass over the JSON segments, cutting turns as it goes (90,000 words: keep it tight)."""

    def __init__(self, build: TranscriptBuilder):
        self.build = build
        self.items: list[tuple[int, int | None, str]] = []  # (start, end, body) of the open turn
        self.speaker: str | None = None
        self.labelled = False

    def read(self, segments: list) -> None:
        items = self.items
        for index, raw in enumerate(segments):
            if type(raw) is not dict:
                raise bad_type(f"segments[{index}]", "an object", raw)
            body = raw.get("body")
            speaker = raw.get("speaker")
            start = raw.get("startTime")
            end = raw.get("endTime")
            if type(body) is not str:
                raise bad_type(f"segments[{index}].body", "text", body)
            if type(start) is float and start >= 0:
                start = int(start * 1000 + 0.5)
            else:
                start = seconds(start, f"segments[{index}].startTime")
            if type(end) is float and end >= 0:
                end = int(end * 1000 + 0.5)
            else:
                end = seconds(end, f"segments[{index}].endTime", optional=True)
            if speaker is not None:
                if type(speaker) is not str:
                    raise bad_type(f"segments[{index}].speaker", "a speaker name", speaker)
                speaker = speaker.strip() or None
                self.labelled = self.labelled or speaker is not None
            text = body.strip()
            if text:
                if items and self._new_turn(speaker, start):
                    self.flush()
                if not items:
                    self.speaker = speaker
                items.append((start, end, text))
            if body.endswith("\n"):
                self.flush()  # the namespace's turn end
        self.flush()

    def _new_turn(self, speaker: str | None, start: int) -> bool:
        if speaker != self.speaker:
            return True
        last_start, last_end, last_text = self.items[-1]
        if start - (last_end if last_end is not None else last_start) > TURN_GAP_MS:
            return True
        return (not self.labelled and start - self.items[0][0] > MAX_UNLABELLED_MS
                and last_text[-1] in ".?!")

    def flush(self) -> None:
        items = self.items
        if not items:
            return
        build = self.build
        speaker_id = build.speaker(self.speaker)
        start, end = items[0][0], items[-1][1]
        # One word per item: keep word times.
        if all(" " not in body and "\n" not in body and "\t" not in body for _, _, body in items):
            intern = sys.intern
            words = [Word(intern(body), s, e, None) for s, e, body in items]
            for word, following in zip(words, words[1:], strict=False):
                if word.end_ms is None:  # endTime is optional: a word lasts until the next one
                    word.end_ms = following.start_ms
            build.add_words(speaker_id, start, end, words)
        else:
            build.add_text(speaker_id, start, end, " ".join([body for _, _, body in items]))
        items.clear()
