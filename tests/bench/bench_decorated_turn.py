"""Painting a long turn where nearly every word is underlined: a German turn spell-checked against
English (the real speller and decorations), in a window-sized view, at the top, middle and end of
the turn. Prints the milliseconds of one paint (median of three) for turns of 300 to 12,000 words:
a paint should cost what the view shows, whatever the turn's length.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_decorated_turn.py

Compare two checkouts by running this in each, interleaved, at the same load.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QRect  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from editor.core.spelling import Speller  # noqa: E402
from editor.core.transcript import Segment  # noqa: E402
from editor.ui.document.turn_decorations import TurnDecorations  # noqa: E402
from editor.ui.document.turn_painter import TurnPainter  # noqa: E402

_GERMAN = ("dass wir über den Hafen und die langen Winternächte draußen auf dem Wasser gesprochen "
           "haben, während draußen der Sturm über die Küste zog und niemand schlafen konnte")
WIDTH, HEIGHT = 900, 700     # the transcript's part of a window


def paint_ms(painter: TurnPainter, segment: Segment, extra: list, top: int, height: int) -> float:
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32)
    times = []
    for _ in range(3):
        image.fill(QColor("white"))
        qp = QPainter(image)
        qp.setClipRect(QRect(0, 0, WIDTH, HEIGHT))     # as the view's paint event clips
        began = time.perf_counter()
        painter.paint(qp, QRect(0, top, WIDTH, height), 0, segment, "Gast", 0, True, (0, 4),
                      QApplication.palette(), extra=list(extra))
        times.append(time.perf_counter() - began)
        qp.end()
    return statistics.median(times) * 1000


def main() -> None:
    app = QApplication.instance() or QApplication([])   # noqa: F841 (painting needs it)
    decorations = TurnDecorations()
    decorations.set_speller(Speller())
    print(f"load {Path('/proc/loadavg').read_text().split()[0]}")
    vocabulary = _GERMAN.split()
    for words in (300, 3_000, 12_000):
        text = " ".join(vocabulary[i % len(vocabulary)] for i in range(words))
        segment = Segment("s1", 0, 1000, text, None)
        extra = decorations(0, segment)
        painter = TurnPainter(QFont())
        height = painter.exact_height(0, text, WIDTH)
        figures = []
        for where, top in (("top", 0), ("middle", -(height // 2)), ("end", -(height - HEIGHT))):
            paint_ms(painter, segment, extra, top, height)    # the first paint lays the turn out
            figures.append(f"{where} {paint_ms(painter, segment, extra, top, height):8.1f} ms")
        print(f"{words:>6,} words, {len(text):>7,} characters, {len(extra):>6,} underlined: " + ", ".join(figures))


if __name__ == "__main__":
    main()
