"""The memory the transcript's painter keeps in laid-out turns after painting a whole long episode.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_painter_memory.py [--turns N] [--words N]``.

A follow through a whole episode (playback, or scrolling to its end) paints every turn once; the
painter keeps each painted turn's QTextLayout for the next paint, and a turn of over
``KEEP_GLYPHS_FROM`` characters its shaped glyphs too. Default: a 10-hour episode of long answers,
90,000 words in 200 turns (about 2,700 characters each, all over that mark). Prints the process's
resident memory gained (freed memory handed back to the system first, ``malloc_trim``) and the
turns and characters the painter keeps, then the same for painting the first 40 turns again (a
screenful the painter should still have). Compare two checkouts in interleaved runs; say the load.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtGui import QFont, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor.core.transcript import Segment  # noqa: E402
from editor.ui.document.turn_painter import TurnPainter  # noqa: E402

_SENTENCE = ("the harbour master said that the boats would not go out again until the storm had passed "
             "over the point and the ferry to the island was cancelled for the whole of the week")
WIDTH = 900


def resident_mb() -> float:
    ctypes.CDLL("libc.so.6").malloc_trim(0)      # what was freed goes back to the system first
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--words", type=int, default=90_000, help="in the whole episode")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])   # noqa: F841 (painting needs it)
    per_turn = args.words // args.turns
    words = _SENTENCE.split()
    segments = [Segment(f"s{row}", row * 1000, row * 1000 + 900,
                        " ".join(words[(row + i) % len(words)] for i in range(per_turn)), None)
                for row in range(args.turns)]
    characters = sum(len(s.text) for s in segments)
    painter = TurnPainter(QFont())
    image = QImage(WIDTH, 700, QImage.Format.Format_ARGB32)

    def paint(rows: range) -> float:
        began = time.perf_counter()
        for row in rows:
            qp = QPainter(image)
            height = painter.exact_height(row, segments[row].text, WIDTH)
            painter.paint(qp, QRect(0, 0, WIDTH, height), row, segments[row], "Host", 0, True, (0, 4),
                          QApplication.palette(), extra=[])
            qp.end()
        return (time.perf_counter() - began) * 1000

    before = resident_mb()
    everything = paint(range(args.turns))
    after = resident_mb()
    kept = len(getattr(painter, "_cache", ()))
    held = getattr(painter, "laid_out_characters", None)
    again = paint(range(min(40, args.turns)))
    print(f"load {Path('/proc/loadavg').read_text().split()[0]}; {args.turns} turns, {args.words:,} words, "
          f"{characters:,} characters ({characters // args.turns:,} a turn)")
    print(f"painted every turn once: +{after - before:.1f} MB resident, {kept} turns kept"
          + (f", {held:,} characters" if held is not None else "") + f"; {everything:.0f} ms")
    print(f"the first 40 turns painted again: {again:.0f} ms")


if __name__ == "__main__":
    main()
