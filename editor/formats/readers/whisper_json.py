"""Whisper JSON in its common dialects.

* openai-whisper CLI / ``transcribe()``: ``segments[]`` with ``start``/``end`` in
  seconds, ``text``, and ``words[]`` (``word``, ``start``, ``end``, ``probability``)
  when word timestamps were requested;
* WhisperX: ``speaker`` on segments and words, ``score`` instead of
  ``probability``, and words without times (numbers, symbols) left untimed;
* OpenAI API ``verbose_json``: as the CLI plus ``duration``; word timestamps come
  as one top-level ``words[]`` list, shared out to segments by time;
* whisper.cpp ``-oj``: ``transcription[]`` with ``offsets`` in ms; with ``-ojf``
  its ``tokens[]`` are joined into timed words.

Whisper segments are caption-sized; they are merged into turns
(:mod:`editor.formats.turns`) unless the caller keeps them. Word texts keep
their punctuation.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right

from editor.core.errors import TranscriptError
from editor.core.transcript import Word
from editor.formats.base import ReadResult
from editor.formats.readers import WHISPER_JSON
from editor.formats.readers._build import TranscriptBuilder
from editor.formats.readers._json import (
    bad_type,
    confidence,
    list_of,
    load_json,
    looks_like_json,
    milliseconds,
    object_of,
    seconds,
    sniff_head,
    text_of,
)

_SNIFF_WHISPER = re.compile(r'"(?:segments|transcription)"\s*:')
_SNIFF_WORDS = re.compile(r'"(?:avg_logprob|no_speech_prob|tokens|seek|words|offsets|probability)"\s*:')
_SNIFF_PODCAST = re.compile(r'"(?:startTime|body)"\s*:')
_LANGUAGES = {"english": "en", "german": "de", "french": "fr", "spanish": "es", "italian": "it",
              "dutch": "nl", "portuguese": "pt", "japanese": "ja", "chinese": "zh"}


class WhisperJsonReader:
    NAME, LABEL, EXTENSIONS = WHISPER_JSON.NAME, WHISPER_JSON.LABEL, WHISPER_JSON.EXTENSIONS
    MERGES_CUES = True

    def sniff(self, text: str) -> float:
        head = sniff_head(text)
        if not looks_like_json(head):
            return 0.0
        if _SNIFF_PODCAST.search(head):
            return 0.1
        if _SNIFF_WHISPER.search(head) or _SNIFF_WORDS.search(head):
            return 0.9
        return 0.3  # JSON of some kind: we give the clearest error about its shape

    def read(self, text: str, keep_captions: bool = False) -> ReadResult:
        data = load_json(text)
        build = TranscriptBuilder(self.NAME)
        if isinstance(data, list):
            _read_segments(build, data, "segments", [])
            return build.result(keep_captions)
        data = object_of(data, "the top level")
        _meta(build, data)
        if "transcription" in data:
            _read_whisper_cpp(build, list_of(data["transcription"], "transcription"))
        elif "segments" in data:
            shared = list_of(data.get("words"), "words", optional=True)
            _read_segments(build, list_of(data["segments"], "segments"), "segments", shared)
        else:
            raise TranscriptError("JSON without 'segments' or 'transcription': not a Whisper "
                                  "transcript (top-level keys: " + ", ".join(list(data)[:8]) + ")")
        if not build.segments:
            build.warnings.append("the transcript has no segments")
        return build.result(keep_captions)


def _meta(build: TranscriptBuilder, data: dict) -> None:
    language = data.get("language")
    if language is None and isinstance(data.get("result"), dict):
        language = data["result"].get("language")  # whisper.cpp
    if isinstance(language, str):
        build.meta.language = _LANGUAGES.get(language.lower(), language)
    if "duration" in data:
        build.meta.duration_ms = seconds(data["duration"], "duration", optional=True)
    for key in ("audio", "audio_path", "media", "file", "source"):
        if isinstance(data.get(key), str) and data[key]:
            build.meta.audio_path = data[key]
            break


def _read_segments(build: TranscriptBuilder, segments: list, where: str, shared_words: list) -> None:
    shared = _share_words(segments, shared_words, where) if shared_words else None
    speaker = build.speaker
    for index, raw in enumerate(segments):
        here = f"{where}[{index}]"
        if type(raw) is not dict:
            raise bad_type(here, "an object", raw)
        start = seconds(raw.get("start"), f"{here}.start", optional=True)
        end = seconds(raw.get("end"), f"{here}.end", optional=True)
        name = raw.get("speaker")
        raw_words = shared[index] if shared is not None else raw.get("words")
        if raw_words:
            words = _words(list_of(raw_words, f"{here}.words"), f"{here}.words")
            if name is None:
                name = next((w.get("speaker") for w in raw_words if type(w) is dict and w.get("speaker")), None)
        else:
            words = None
        speaker_id = speaker(name) if isinstance(name, str) else None
        if name is not None and not isinstance(name, str):
            raise bad_type(f"{here}.speaker", "a speaker name", name)
        if words:
            build.add_words(speaker_id, start, end, words)
        else:
            build.add_text(speaker_id, start, end, text_of(raw.get("text"), f"{here}.text", optional=True))


def _words(raw_words: list, where: str) -> list[Word]:
    """Timed words; the hot loop for 90,000-word files, so the common case is checked inline."""
    words: list[Word] = []
    append = words.append
    make = Word
    intern = sys.intern  # a transcript repeats a few thousand distinct words: share the strings
    for raw in raw_words:
        if type(raw) is not dict:
            return _words_careful(raw_words, where)
        token = raw.get("word")
        start = raw.get("start")
        end = raw.get("end")
        score = raw.get("probability")
        if type(token) is str and type(start) is float and type(end) is float \
                and type(score) is float and start >= 0 and end >= 0:
            token = token.strip()
            if token:
                append(make(intern(token), int(start * 1000 + 0.5), int(end * 1000 + 0.5), score))
        else:  # WhisperX (score, untimed words), ints, strings: the careful path
            return _words_careful(raw_words, where)
    if len(" ".join([w.text for w in words]).split()) != len(words):
        return _words_careful(raw_words, where)  # a token with a space inside
    return words


def _words_careful(raw_words: list, where: str) -> list[Word]:
    words: list[Word] = []
    for index, raw in enumerate(raw_words):
        if type(raw) is not dict:
            raise bad_type(f"{where}[{index}]", "an object", raw)
        token = raw.get("word")
        if token is None:
            token = raw.get("text")
        if type(token) is not str:
            raise bad_type(f"{where}[{index}].word", "text", token)
        start_ms = seconds(raw.get("start"), f"{where}[{index}].start", optional=True)
        end_ms = seconds(raw.get("end"), f"{where}[{index}].end", optional=True)
        score = raw.get("probability")
        if score is None:
            score = raw.get("score")
        score = confidence(score, f"{where}[{index}].probability")
        for part in token.split():
            words.append(Word(sys.intern(part), start_ms, end_ms, score))
    return words


def _share_words(segments: list, words: list, where: str) -> list[list]:
    """OpenAI verbose_json lists words at the top level: give each segment the words it spans."""
    starts: list[int] = []
    for index, raw in enumerate(segments):
        if type(raw) is not dict:
            raise bad_type(f"{where}[{index}]", "an object", raw)
        starts.append(seconds(raw.get("start"), f"{where}[{index}].start") if raw.get("start") is not None
                      else (starts[-1] if starts else 0))
    shared: list[list] = [[] for _ in segments]
    for index, raw in enumerate(words):
        if type(raw) is not dict:
            raise bad_type(f"words[{index}]", "an object", raw)
        start = seconds(raw.get("start"), f"words[{index}].start", optional=True) or 0
        slot = max(0, bisect_right(starts, start) - 1)
        if shared:
            shared[slot].append(raw)
    return shared


def _read_whisper_cpp(build: TranscriptBuilder, items: list) -> None:
    for index, raw in enumerate(items):
        here = f"transcription[{index}]"
        raw = object_of(raw, here)
        offsets = raw.get("offsets")
        if offsets is not None:
            offsets = object_of(offsets, f"{here}.offsets")
            start = milliseconds(offsets.get("from"), f"{here}.offsets.from", optional=True)
            end = milliseconds(offsets.get("to"), f"{here}.offsets.to", optional=True)
        else:
            start = end = None
        tokens = raw.get("tokens")
        words = _cpp_words(list_of(tokens, f"{here}.tokens"), f"{here}.tokens") if tokens else []
        if words:
            build.add_words(None, start, end, words)
        else:
            build.add_text(None, start, end, text_of(raw.get("text"), f"{here}.text", optional=True))


def _cpp_words(tokens: list, where: str) -> list[Word]:
    """whisper.cpp ``-ojf`` tokens are sub-word pieces; a leading space starts a new word."""
    words: list[Word] = []
    for index, raw in enumerate(tokens):
        raw = object_of(raw, f"{where}[{index}]")
        piece = text_of(raw.get("text"), f"{where}[{index}].text", optional=True)
        if not piece or piece.startswith("[_") or piece.strip() == "":
            continue  # special tokens: [_BEG_], [_TT_150], ...
        offsets = raw.get("offsets") or {}
        if not isinstance(offsets, dict):
            raise bad_type(f"{where}[{index}].offsets", "an object", offsets)
        start = milliseconds(offsets.get("from"), f"{where}[{index}].offsets.from", optional=True)
        end = milliseconds(offsets.get("to"), f"{where}[{index}].offsets.to", optional=True)
        p = confidence(raw.get("p"), f"{where}[{index}].p")
        first, *more = piece.split()   # a piece may hold a space inside ("! Welcome"): more words
        if piece[0].isspace() or not words:
            words.append(Word(first, start, end, p))
        else:
            last = words[-1]
            last.text += first
            last.end_ms = end if end is not None else last.end_ms
            if p is not None and last.confidence is not None:
                last.confidence = min(last.confidence, p)
        words.extend(Word(word, start, end, p) for word in more)
    return [w for w in words if w.text]
