"""What the waveform strip costs the window on the 10-hour episode, per event.

The strip must never turn a keystroke or a playback tick into work over the whole
document. Prints, for the synthetic 10-hour episode (tests/bench/synthetic.py):

* ``WaveformStrip.set_transcript`` (the full re-read the strip offers) vs. the
  incremental feed of :mod:`editor.ui.timing.timing_controller` for: one keystroke in a turn,
  one alignment result applied, one boundary retimed (undoable command), a full rebuild
  (open, split/merge);
* one paint of the strip at 1000 px (what every 33 ms playback tick triggers), and the
  same paint on 1-hour / 10-hour / 12,000-cue documents (it must not grow with them);
* applying cached word times for every turn at open (AlignmentCache lookup + one op).

    .venv/bin/python tests/bench/bench_timing_feed.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from synthetic import ten_hour_episode  # noqa: E402


def _ms(fn, repeat: int = 20) -> float:
    """Median milliseconds of *fn()* over *repeat* runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2]


def main() -> None:
    import numpy as np
    from PySide6.QtGui import QImage, QUndoStack
    from PySide6.QtWidgets import QApplication

    from editor.audio.peaks import Peaks
    from editor.core import ops
    from editor.core.transcript import Word, WordTiming
    from editor.ui.document.transcript_model import TranscriptModel
    from editor.ui.timing.alignment_cache import AlignmentCache, entry_key, span_end
    from editor.ui.timing.strip_feed import StripFeed
    from editor.ui.timing.waveform import WaveformStrip
    from editor.ui.timing.waveform_retime import push_retime

    app = QApplication.instance() or QApplication([])
    transcript = ten_hour_episode()
    segments = transcript.segments
    duration = max(s.end_ms or s.start_ms or 0 for s in segments) + 1000
    model = TranscriptModel(transcript)
    strip = WaveformStrip()
    strip.resize(1000, 140)
    strip.set_duration(duration)
    strip.set_peaks(Peaks([np.zeros((duration // (10 * 4 ** i) + 1, 2), np.int8) for i in range(5)], duration))
    feed = StripFeed(model, strip)
    rows: list[tuple[str, float]] = []

    rows.append(("strip.set_transcript (full re-read)", _ms(lambda: strip.set_transcript(transcript), 5)))
    rows.append(("feed rebuild (open, split/merge)", _ms(feed.rebuild, 5)))

    row = len(segments) // 2
    texts = [segments[row].text + " x", segments[row].text]
    state = {"i": 0}

    def keystroke() -> None:
        state["i"] += 1
        model.set_text(row, texts[state["i"] % 2])

    def keystroke_model_only() -> None:
        model.blockSignals(True)
        keystroke()
        model.blockSignals(False)

    def settled(fn):
        """*fn* plus the event-loop turn on which the feed hands its changes to the strip."""
        def run() -> None:
            fn()
            app.processEvents()
        return run

    rows.append(("event-loop turn alone (baseline for the rows below)", _ms(app.processEvents, 50)))
    rows.append(("keystroke: model only (signals blocked)", _ms(keystroke_model_only, 50)))
    rows.append(("keystroke: model + feed", _ms(settled(keystroke), 50)))

    def aligned_result() -> None:
        segment = segments[state["i"] % len(segments)]
        state["i"] += 1
        words = [Word(w.text, w.start_ms, w.end_ms) for w in segment.words]
        model.run(ops.SetFields(((segments.index(segment), {"words": words,
                                                            "word_timing": WordTiming.ALIGNED}),)))

    rows.append(("alignment result applied (model + feed)", _ms(settled(aligned_result), 50)))

    stack = QUndoStack()
    target = row
    end = segments[target].end_ms
    moves = [end - 300, end]

    def retime() -> None:   # the turn's end boundary dragged 300 ms back and forth
        state["i"] += 1
        push_retime(stack, model, [(target, segments[target].start_ms, moves[state["i"] % 2])])

    rows.append(("boundary drag released (undo command + feed)", _ms(settled(retime), 10)))

    image = QImage(1000, 140, QImage.Format.Format_RGB32)
    for label, at in (("start", 5_000), ("middle", duration // 2), ("end", duration - 10_000)):
        strip.set_position(at)
        rows.append((f"strip paint per playback tick ({label})", _ms(lambda: strip.render(image), 30)))
    # The same paint, at the same time (0:30:00, so the ruler's labels match), on documents of other
    # lengths with the same words per hour: it must not grow with them.
    for label, turns, n_words, hours in (("1-hour, 240 turns", 240, 9_000, 1),
                                         ("10-hour, 2,400 turns", 2_400, 90_000, 10),
                                         ("10-hour, 12,000 cues", 12_000, 90_000, 10)):
        length = hours * 3_600_000
        other = WaveformStrip()
        other.resize(1000, 140)
        other.set_duration(length)
        other.set_peaks(Peaks([np.zeros((length // (10 * 4 ** i) + 1, 2), np.int8) for i in range(5)], length))
        other.set_transcript(ten_hour_episode(turns=turns, words=n_words, duration_ms=length))
        other.set_position(1_800_000)
        rows.append((f"strip paint at 0:30:00, {label}", _ms(lambda strip=other: strip.render(image), 30)))

    with tempfile.TemporaryDirectory() as tmp:
        audio = Path(tmp) / "episode.wav"
        audio.write_bytes(b"RIFF")
        cache = AlignmentCache(audio, Path(tmp) / "cache.json")
        for i, segment in enumerate(segments):
            cache.add(entry_key(segment.text, segment.start_ms, span_end(segments, i, duration)),
                      segment.words, WordTiming.ALIGNED)
        rows.append(("alignment cache write (all turns, JSON)", _ms(lambda: cache.save(background=False) or
                                                                    setattr(cache, "_dirty", True), 3)))
        rows.append(("alignment cache load", _ms(lambda: AlignmentCache(audio, Path(tmp) / "cache.json"), 3)))

        def restore_all() -> None:
            edits = []
            for i, segment in enumerate(segments):
                hit = cache.lookup(entry_key(segment.text, segment.start_ms, span_end(segments, i, duration)))
                if hit is not None:
                    edits.append((i, {"words": hit[0], "word_timing": hit[1]}))
            model.run(ops.SetFields(tuple(edits)))

        rows.append(("restore every turn's words from the cache", _ms(restore_all, 3)))

    words = sum(len(s.words) for s in segments)
    print(f"10-hour episode: {len(segments)} turns, {words} words; medians in ms")
    print(f"{'event':50} {'ms':>9}")
    for label, value in rows:
        print(f"{label:50} {value:9.3f}")
    app.processEvents()


if __name__ == "__main__":
    main()
