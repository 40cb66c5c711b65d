"""Word times from the alignment cache go back to their turns a slice at a time, and never into a turn
that changed meanwhile."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from editor.core import ops
from editor.core.transcript import Segment, Speaker, Transcript, Word, WordTiming
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.timing import cached_restore
from editor.ui.timing.cached_restore import Cached, CachedRestore


def _model(turns: int) -> TranscriptModel:
    segments = [Segment(f"t{i}", i * 4000, i * 4000 + 3000, f"turn number {i} is here", "a") for i in range(turns)]
    return TranscriptModel(Transcript(segments=segments, speakers=[Speaker("a", "Ana")]))


def _cached(model: TranscriptModel) -> list[Cached]:
    found = []
    for row, segment in enumerate(model.transcript.segments):
        words = [Word(text, segment.start_ms + 500 * i, segment.start_ms + 500 * i + 400)
                 for i, text in enumerate(segment.text.split())]
        found.append(Cached(row, segment.id, segment.text, words, WordTiming.ALIGNED))
    return found


def test_cached_times_are_given_back_in_slices(qtbot, monkeypatch):
    monkeypatch.setattr(cached_restore, "SLICE_S", 0.0)     # one batch per turn of the event loop
    model = _model(3 * cached_restore.BATCH)
    restore = CachedRestore(model)
    derived = []
    model.derived.connect(lambda *args: derived.append(args))
    cached = _cached(model)
    with qtbot.waitSignal(restore.finished, timeout=5000) as done:
        restore.start(cached)
        assert restore.is_running()      # not all at once: the rest follow on the event loop
        assert model.segment(0).word_timing is WordTiming.ALIGNED
        assert model.segment(len(cached) - 1).word_timing is not WordTiming.ALIGNED
    assert done.args == [len(cached)] and not restore.is_running()
    assert len(derived) == 3
    for segment, item in zip(model.transcript.segments, cached, strict=True):
        assert segment.word_timing is WordTiming.ALIGNED
        assert [(w.text, w.start_ms) for w in segment.words] == [(w.text, w.start_ms) for w in item.words]


def test_a_turn_changed_meanwhile_keeps_what_it_has(qtbot, monkeypatch):
    monkeypatch.setattr(cached_restore, "SLICE_S", 0.0)
    model = _model(2 * cached_restore.BATCH)
    restore = CachedRestore(model)
    cached = _cached(model)
    with qtbot.waitSignal(restore.finished, timeout=5000) as done:
        restore.start(cached)
        last = len(cached) - 1
        model.set_text(last, "turn number edited")                 # its cached times are another text's
        # A turn split: its halves are other texts, and the turns after it move down a row.
        model.run(ops.split(model.transcript, cached_restore.BATCH, 4))
    assert done.args == [len(cached) - 2]
    assert model.segment(model.row_of(cached[last].segment_id)).word_timing is not WordTiming.ALIGNED
    moved = model.row_of(cached[-2].segment_id)
    assert moved == len(cached) - 1 and model.segment(moved).word_timing is WordTiming.ALIGNED


def test_cancelled_when_another_document_comes(qtbot, monkeypatch):
    monkeypatch.setattr(cached_restore, "SLICE_S", 0.0)
    model = _model(2 * cached_restore.BATCH)
    restore = CachedRestore(model)
    restore.start(_cached(model))
    restore.cancel()
    assert not restore.is_running()
    QApplication.processEvents()      # no slice left to come
    assert model.segment(len(model.transcript.segments) - 1).word_timing is not WordTiming.ALIGNED
