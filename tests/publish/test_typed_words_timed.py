"""Words typed into a turn with heard word times get times of their own, and captions show them.

A turn's last word often ends exactly where the turn does, and aligned words touch: words typed
after or between them once got zero-length times, an SRT cue "00:02:32,473 --> 00:02:32,473"
that never shows, a JSON segment with endTime == startTime, and a published cue padded past the
end of the audio.
"""

import json
import re

import pytest

from editor.core import ops
from editor.core.transcript import Segment, Transcript, TranscriptMeta, Word, WordTiming
from editor.core.words import MIN_NEW_WORD_MS
from editor.formats import writer
from editor.formats.base import ExportOptions
from editor.publish import publish

AUDIO_MS = 152_473   # the audio ends where the last turn does


def episode() -> Transcript:
    transcript = Transcript(meta=TranscriptMeta(title="Harbour Lights", language="en", duration_ms=AUDIO_MS))
    nora = transcript.ensure_speaker("Nora Castellan")
    ingrid = transcript.ensure_speaker("Ingrid Solberg")
    first = "Our guest is a retired professor of naval history."
    last = "Thank you all for listening."
    for n, (text, speaker, start, end) in enumerate([(first, nora, 140_000, 145_000),
                                                      (last, ingrid, 149_000, AUDIO_MS)]):
        tokens = text.split()
        step = (end - start) // len(tokens)
        # aligned words touch, and the last one ends with the turn
        words = [Word(t, start + i * step, end if i == len(tokens) - 1 else start + (i + 1) * step)
                 for i, t in enumerate(tokens)]
        transcript.segments.append(Segment(f"s{n + 1}", start, end, text, speaker, words=words,
                                           word_timing=WordTiming.ALIGNED))
    return transcript


def edited(which: str) -> Transcript:
    transcript = episode()
    if which == "appended":
        ops.set_text(transcript, 1, transcript.segments[1].text + " one two three").apply(transcript)
    else:
        text = transcript.segments[0].text.replace("retired professor", "retired and very well known professor")
        ops.set_text(transcript, 0, text).apply(transcript)
    return transcript


@pytest.mark.parametrize("which", ["appended", "inserted"])
def test_typed_words_get_times_of_their_own_inside_the_turn(which):
    transcript = edited(which)
    row = 1 if which == "appended" else 0
    segment = transcript.segments[row]
    assert [w.text for w in segment.words] == segment.text.split()
    times = [t for w in segment.words for t in (w.start_ms, w.end_ms)]
    assert times == sorted(times)
    assert segment.start_ms <= times[0] and times[-1] <= segment.end_ms
    new = [w for w in segment.words if w.text in ("one", "two", "three", "and", "very", "well", "known")]
    assert all(w.end_ms > w.start_ms for w in new), new
    assert sum(w.end_ms - w.start_ms for w in new) >= MIN_NEW_WORD_MS * len(new) * 0.9
    # the times are a guess: the turn says so, and the next alignment of the episode redoes it
    assert segment.word_timing is WordTiming.ESTIMATED
    assert transcript.segments[1 - row].word_timing is WordTiming.ALIGNED


def test_undo_gives_the_turn_its_heard_timing_back():
    transcript = episode()
    words = list(transcript.segments[1].words)
    change = ops.set_text(transcript, 1, transcript.segments[1].text + " one").apply(transcript)
    change.undo.apply(transcript)
    assert transcript.segments[1].word_timing is WordTiming.ALIGNED
    assert transcript.segments[1].words == words


def test_a_corrected_word_keeps_heard_timing():
    transcript = episode()
    ops.set_text(transcript, 0, transcript.segments[0].text.replace("naval", "maritime")).apply(transcript)
    assert transcript.segments[0].word_timing is WordTiming.ALIGNED


def _srt_cues(text: str) -> list[tuple[int, int, str]]:
    def ms(clock: str) -> int:
        h, m, s = clock.replace(",", ".").split(":")
        return round((int(h) * 3600 + int(m) * 60 + float(s)) * 1000)
    cues = []
    for block in text.strip().split("\n\n"):
        lines = block.splitlines()
        start, end = re.fullmatch(r"(\S+) --> (\S+)", lines[1]).groups()
        cues.append((ms(start), ms(end), " ".join(lines[2:])))
    return cues


@pytest.mark.parametrize("which", ["appended", "inserted"])
def test_exported_and_published_captions_show_every_word_within_the_audio(which, tmp_path):
    transcript = edited(which)
    exported = _srt_cues(writer("srt").write(transcript, ExportOptions()))
    publish(transcript, tmp_path, formats=["srt", "json", "vtt"])
    published = _srt_cues((tmp_path / "harbour-lights.srt").read_text())
    for cues in (exported, published):
        assert all(start < end <= AUDIO_MS for start, end, _ in cues), cues
        assert "three" in cues[-1][2] or "known" in " ".join(c[2] for c in cues)
    assert exported[-1][1] == published[-1][1] == AUDIO_MS   # both end with the audio
    for segments in (json.loads(writer("json").write(transcript, ExportOptions()))["segments"],
                     json.loads((tmp_path / "harbour-lights.json").read_text())["segments"]):
        assert all(s["startTime"] < s["endTime"] <= AUDIO_MS / 1000 for s in segments), segments


def test_a_zero_length_cue_from_the_file_itself_still_shows_and_stays_inside_the_audio():
    transcript = episode()
    last = transcript.segments[1]
    last.words = [Word(w.text, AUDIO_MS, AUDIO_MS) for w in last.words]   # a recognizer's zero-length words
    last.start_ms = AUDIO_MS
    for options in (ExportOptions(), ExportOptions(max_line_chars=32, balanced_lines=True, sorted_times=True)):
        cues = _srt_cues(writer("srt").write(transcript, options))
        assert all(start < end <= AUDIO_MS for start, end, _ in cues), cues
