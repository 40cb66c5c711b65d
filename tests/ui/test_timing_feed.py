"""The timing controller's bookkeeping without a window: the strip's incremental feed stays equal
to a full re-read through every kind of edit (and does nothing for a keystroke), and the
alignment cache keeps word times per audio file, never for another file."""

from __future__ import annotations

import json
import os

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from editor.core import ops
from editor.core.transcript import Mark, MarkKind, Segment, Speaker, Transcript, Word, WordTiming
from editor.ui.document.commands import OpCommand
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.timing.alignment_cache import AlignmentCache, entry_key, needs_alignment, span_end
from editor.ui.timing.strip_feed import StripFeed
from editor.ui.timing.waveform import WaveformStrip


def _transcript() -> Transcript:
    speakers = {"a": Speaker("a", "Oda Brekke"), "b": Speaker("b", "Lars Vik")}
    texts = ["the ferry left late that morning", "we counted [inaudible] gulls on the pier",
             "nobody wanted the last sandwich", "then the engine coughed twice and stopped"]
    segments = []
    for i, text in enumerate(texts):
        start, end = i * 5000, i * 5000 + 4000
        tokens = text.split()
        words = [Word(t, start + k * 500, start + k * 500 + 400) for k, t in enumerate(tokens)]
        marks = [Mark(MarkKind.INAUDIBLE, text.index("[inaudible]"), text.index("[inaudible]") + 11, start + 1500)] \
            if "[inaudible]" in text else []
        segments.append(Segment(f"s{i + 1}", start, end, text, "ab"[i % 2], words=words, marks=marks,
                                word_timing=WordTiming.IMPORTED))
    return Transcript(speakers=speakers, segments=segments)


class _Counting(WaveformStrip):
    def __init__(self):
        super().__init__()
        self.pushes = 0

    def set_rows(self, *args, **kwargs):
        self.pushes += 1
        super().set_rows(*args, **kwargs)


def _full(transcript: Transcript) -> tuple:
    """What the strip's own full re-read computes."""
    reference = WaveformStrip()
    reference.set_duration(30_000)
    reference.set_transcript(transcript)
    return reference._bounds, reference._labels, reference._inaudible, reference._boundaries


def _fed(strip) -> tuple:
    return strip._bounds, strip._labels, strip._inaudible, strip._boundaries


def test_incremental_feed_matches_a_full_reread_through_every_edit(qtbot):
    transcript = _transcript()
    model = TranscriptModel(transcript)
    strip = _Counting()
    qtbot.addWidget(strip)
    strip.set_duration(30_000)
    feed = StripFeed(model, strip)
    feed.rebuild()
    stack = QUndoStack()
    # The inaudible spans follow on the next idle passes (an opened episode's thousands of marked
    # turns are never read in one go).
    qtbot.waitUntil(lambda: _fed(strip) == _full(transcript))

    pushes = strip.pushes
    model.set_text(0, "the ferry left very late that morning")       # typing: nothing to redraw
    model.set_text(2, "nobody wanted the last cheese sandwich")
    QApplication.processEvents()   # anything the edits queued for the strip runs now
    assert strip.pushes == pushes and _fed(strip) == _full(transcript)

    edits = [
        lambda: model.set_start(2, 10_500),                                       # a time
        lambda: model.rename_speaker("b", "Lars Vikingstad"),                     # a label everywhere
        lambda: model.set_speaker(0, "b"),                                        # one label
        lambda: model.run(ops.set_bounds(transcript, 3, 15_200, 18_800)),         # a drag
        lambda: model.run(ops.SetFields(((1, {"words": [Word(w.text, w.start_ms + 100, w.end_ms + 100)
                                                         for w in transcript.segments[1].words],
                                               "word_timing": WordTiming.ALIGNED}),))),  # an alignment
    ]
    for edit in edits:
        before = strip.pushes
        edit()
        qtbot.waitUntil(lambda before=before: strip.pushes > before)
        QApplication.processEvents()
        assert strip.pushes == before + 1       # one push per edit, however many row ranges it signals
        assert _fed(strip) == _full(transcript)

    # Structural edits rebuild once, on the next event-loop turn, and undo restores everything.
    before = strip.pushes
    stack.push(OpCommand(model, ops.split(transcript, 0, 10), "Split"))
    stack.push(OpCommand(model, ops.merge_with_next(transcript, 2), "Merge"))
    qtbot.waitUntil(lambda: strip.pushes > before)
    QApplication.processEvents()
    assert strip.pushes == before + 1 and _fed(strip) == _full(transcript)
    before = strip.pushes
    stack.undo()
    stack.undo()
    qtbot.waitUntil(lambda: strip.pushes > before)
    assert _fed(strip) == _full(transcript)

    # The playback highlight moving touches nothing in the strip.
    before = strip.pushes
    for row in range(4):
        model.set_current(row, 1)
    QApplication.processEvents()
    assert strip.pushes == before


def test_cache_keeps_word_times_for_this_audio_only(tmp_path):
    audio = tmp_path / "show.ogg"
    audio.write_bytes(b"\0" * 100)
    path = tmp_path / "cache" / "show.json"
    cache = AlignmentCache(audio, path)
    words = [Word("hello", 1000, 1400), Word("there", 1450, 1900)]
    key = entry_key("hello there", 900, 2000)
    cache.add(key, words, WordTiming.ALIGNED)
    cache.add(entry_key("[inaudible]", 3000, 4000), [Word("[inaudible]", 3000, 4000)], WordTiming.FAILED)
    cache.save()
    cache.wait()
    again = AlignmentCache(audio, path)
    assert len(again) == 2
    found, timing = again.lookup(key)
    assert [(w.text, w.start_ms, w.end_ms) for w in found] == [("hello", 1000, 1400), ("there", 1450, 1900)]
    assert timing is WordTiming.ALIGNED
    assert again.lookup(entry_key("hello there!", 900, 2000)) is None      # other text
    assert again.lookup(entry_key("hello there", 900, 2100)) is None       # other span

    # The audio replaced (size/mtime change): its old times are never used.
    audio.write_bytes(b"\0" * 200)
    os.utime(audio, ns=(1, 1))
    assert len(AlignmentCache(audio, path)) == 0
    # A damaged file only costs a re-run.
    path.write_text("{not json")
    assert len(AlignmentCache(audio, path)) == 0
    path.write_text(json.dumps({"version": 1, "key": "x", "entries": []}))
    assert len(AlignmentCache(audio, path)) == 0


def test_which_turns_need_alignment_and_their_audio_span():
    transcript = _transcript()
    segments = transcript.segments
    assert not any(needs_alignment(s) for s in segments)          # imported word times
    segments[0].word_timing = WordTiming.NONE
    segments[1].word_timing = WordTiming.FAILED                   # tried already: re-sync redoes it
    segments[2].text += " extra"                                  # words no longer match the text
    segments[3].start_ms = None                                   # untimed: nothing to align against
    assert [needs_alignment(s) for s in segments] == [True, False, True, False]
    segments[1].end_ms = None
    assert span_end(segments, 1, 99_000) == 10_000                # the next timed start
    segments[2].end_ms = None
    assert span_end(segments, 2, 99_000) == 99_000                # the audio's end
    assert span_end(segments, 0, None) == 4000


def test_one_turn_is_read_from_the_working_copy_or_decoded_the_same(tmp_path, monkeypatch):
    """Re-sync reads only the turn's audio: from the player's PCM working copy when it exists
    (a seek, milliseconds anywhere in the episode), else decoded up to the turn's end."""
    import numpy as np

    from editor.core.user_data import ENV_CACHE_DIR
    from editor.player import working_copy
    from editor.ui.audio_process import read_span_16k

    sample = os.path.join(os.path.dirname(__file__), "..", "..", "resources", "sample", "sample-episode.ogg")
    monkeypatch.setenv(ENV_CACHE_DIR, str(tmp_path / "copies"))
    assert working_copy.cached_copy(sample) is None
    decoded, first = read_span_16k(sample, 61_000, 64_500)
    assert first == 61_000 and len(decoded) == 3_500 * 16
    job = working_copy.WorkingCopyJob(sample).start()
    assert job.wait(60) and job.error is None and working_copy.cached_copy(sample) is not None
    copied, first = read_span_16k(sample, 61_000, 64_500)
    assert first == 61_000 and abs(len(copied) - len(decoded)) <= 16
    n = min(len(copied), len(decoded))
    assert np.abs(decoded).max() > 1000                        # speech, not silence
    assert np.corrcoef(copied[:n].astype(float), decoded[:n].astype(float))[0, 1] > 0.99


def _many_marked(turns: int) -> Transcript:
    """Every turn has an [inaudible] mark over its timed third word."""
    segments = []
    for i in range(turns):
        start = i * 4000
        text = f"turn {i} [inaudible] went by"
        words = [Word(t, start + k * 600, start + k * 600 + 500) for k, t in enumerate(text.split())]
        at = text.index("[inaudible]")
        segments.append(Segment(f"s{i}", start, start + 3500, text, "a", words=words,
                                marks=[Mark(MarkKind.INAUDIBLE, at, at + 11, start + 1200)],
                                word_timing=WordTiming.IMPORTED))
    return Transcript(speakers={"a": Speaker("a", "Oda Brekke")}, segments=segments)


def test_many_marked_turns_reach_the_strip_when_idle_and_edits_meanwhile_are_kept(qtbot):
    transcript = _many_marked(3000)
    model = TranscriptModel(transcript)
    strip = WaveformStrip()
    qtbot.addWidget(strip)
    strip.set_duration(3000 * 4000)
    feed = StripFeed(model, strip)
    feed.rebuild()
    # Edits while the spans are being computed: a turn's mark removed, another's words retimed,
    # and a split (rows move: the unknown rows are listed anew).
    model.run(ops.SetFields(((2500, {"marks": []}),)))
    model.run(ops.SetFields(((2999, {"words": [Word(w.text, w.start_ms + 50, w.end_ms + 50)
                                               for w in transcript.segments[2999].words]}),)))
    model.split(10, len("turn 10 "), 41_100)
    qtbot.waitUntil(lambda: strip._inaudible == _full(transcript)[2], timeout=90_000)
    assert len(strip._inaudible) == 2999
    assert (2999 * 4000 + 1250, 2999 * 4000 + 1750) in strip._inaudible
    # What the strip draws is the spans in view, wherever it is scrolled.
    strip.scroll_to(1500 * 4000)
    lo, hi = strip.x_to_ms(0), strip.x_to_ms(strip.width())
    visible = [(a, b) for a, b, _ in strip._spans.visible(lo, hi) if b >= lo]
    assert visible and all(lo <= a <= hi or lo <= b <= hi for a, b in visible)
    assert visible == [span for span in _full(transcript)[2] if span[1] >= lo and span[0] <= hi]
