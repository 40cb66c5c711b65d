"""What the Glossary Suggestions panel costs the GUI thread around a split or merge, with thousands listed.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_suggestions_panel.py [--suggestions N] [--runs N]``.

The synthetic 10-hour episode (2,400 turns, 90,000 words) in a real TranscriptModel, and the real
SuggestionsPanel shown (400 x 800) listing N suggestions (default 5,000: about two a turn). Timed,
in GUI-thread CPU (``time.thread_time``; wall time in brackets, which a shared machine inflates):

* ``split: the edit``: a turn split through the model (the panel's part: a split replaces rows, so
  its items' speakers are named afresh and a scan started in the background), less the same split
  with an empty panel (paired, interleaved);
* ``rescan listed``: the scan's result handed to the panel (``show_scan``: the list ranked and
  listed again), as after every split, merge, undo of them, Apply or Ignore, with the turn of the
  event loop that paints it; then the longest of the next 80 turns (the view lays the list out a
  batch at a time);
* ``merge: the edit``: the split undone by merging the two halves, as the split.

The goal: each under a frame (16 ms) with 5,000 suggestions. Medians over the runs; say the load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE))
sys.path.insert(0, str(_HERE.parents[1]))
from window_bench import private_environment  # noqa: E402

private_environment("te-bench-suggestions-")

from synthetic import ten_hour_episode  # noqa: E402


def suggestions_for(transcript, count: int) -> list:
    """*count* suggestions spread over the turns: each a word of its turn, its context around it."""
    from editor.core.glossary import Suggestion
    found = []
    segments = transcript.segments
    for n in range(count):
        row = n * len(segments) // count
        text = segments[row].text
        words = text.split()
        word = words[(n * 7) % len(words)]
        start = text.find(word)
        end = start + len(word)
        found.append(Suggestion(row, start, end, word, f"{word.capitalize()}son{n % 9}", 60 + n % 40,
                                ("spelling", "sound", "known", "case")[n % 4],
                                text[max(0, start - 40):end + 40], max(0, start - 40), segments[row].start_ms,
                                ("spelling", "sound")))
    return found


def timed(function) -> tuple[float, float]:
    """(GUI-thread CPU ms, wall ms) of *function()*."""
    cpu, wall = time.thread_time(), time.perf_counter()
    function()
    return (time.thread_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suggestions", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    from editor.core import ops
    from editor.core.glossary import Glossary
    from editor.ui.document.transcript_model import TranscriptModel
    from editor.ui.names.glossary_scan import GlossaryScan
    from editor.ui.names.glossary_suggestions import SuggestionsPanel

    app = QApplication.instance() or QApplication([])
    model = TranscriptModel(ten_hour_episode())
    scan = GlossaryScan(model)
    scan.start = lambda *_args, **_kwargs: None      # the background scan is not what is timed here
    panel = SuggestionsPanel(model, Glossary(), scan)
    panel.resize(400, 800)
    panel.show()
    found = suggestions_for(model.transcript, args.suggestions)
    panel.show_scan(found)
    app.processEvents()
    assert len(panel.suggestions) == args.suggestions, len(panel.suggestions)

    figures: dict[str, list[tuple[float, float]]] = {"split": [], "split, empty panel": [], "merge": [],
                                                      "merge, empty panel": [], "rescan listed": [],
                                                      "later turn": []}
    row = len(model.transcript.segments) // 2
    for _ in range(args.runs):
        for listed in (True, False):
            panel.show_scan(found if listed else [])
            app.processEvents()
            suffix = "" if listed else ", empty panel"
            at = model.transcript.segments[row].text.index(" ") + 1
            figures["split" + suffix].append(timed(lambda at=at: model.run(ops.split(model.transcript, row, at))))
            app.processEvents()
            figures["merge" + suffix].append(timed(lambda: model.run(ops.merge_with_next(model.transcript, row))))
            app.processEvents()
        figures["rescan listed"].append(timed(lambda: (panel.show_scan(found), app.processEvents())))
        # The view lays the list out a batch at a time in the turns of the event loop that follow.
        figures["later turn"].append(max(timed(app.processEvents) for _ in range(80)))

    def median(key: str, part: int) -> float:
        return statistics.median(f[part] for f in figures[key])

    print(f"Suggestions panel: {args.suggestions} suggestions, 10-hour episode ({len(model.transcript.segments)} "
          f"turns), {args.runs} runs, load {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for what in ("split", "merge"):
        cpu = median(what, 0) - median(what + ", empty panel", 0)
        wall = median(what, 1) - median(what + ", empty panel", 1)
        print(f"{what}: the panel's part of the edit  {cpu:7.1f} ms CPU  ({wall:.1f} ms wall)   "
              f"[edit with the list: {median(what, 0):.1f} ms, with none: {median(what + ', empty panel', 0):.1f} ms]")
    print(f"rescan listed (show_scan + its repaint)  {median('rescan listed', 0):7.1f} ms CPU  "
          f"({median('rescan listed', 1):.1f} ms wall)")
    print(f"  then the longest of 80 turns of the event loop (batched layout)  {median('later turn', 0):7.1f} ms CPU  "
          f"({median('later turn', 1):.1f} ms wall)")


if __name__ == "__main__":
    main()
