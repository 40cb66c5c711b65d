"""A turn's coloured areas (the current turn's background, the speaker's bar) are filled as
``QPainter.fillRect`` fills them, without PySide making the QGradient class fillRect's overloads
need (its enums are a few ms of the window's first paint)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

from editor.ui.document.turn_painter import fill

ROOT = Path(__file__).resolve().parents[3]
HANG_GUARD_S = 120


def _painted(with_fill_rect: bool, antialiased: bool) -> QImage:
    image = QImage(60, 60, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, antialiased)
    painter.setPen(QColor("black"))
    for rect, color in ((QRect(3, 4, 4, 40), QColor(200, 30, 60, 180)), (QRect(10, 10, 1, 1), QColor("blue")),
                        (QRect(20, 5, 13, 7), QColor(0, 128, 0, 90))):
        if with_fill_rect:
            painter.fillRect(rect, color)
        else:
            fill(painter, rect, color)
    painter.drawLine(0, 59, 59, 0)   # the pen is the painter's again after a fill
    painter.end()
    return image


def test_fill_paints_what_fill_rect_paints(qapp):
    for antialiased in (False, True):
        assert _painted(False, antialiased) == _painted(True, antialiased)


CHILD = r"""
import PySide6.QtGui as QtGui
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication
from editor.core.transcript import Segment
from editor.ui.document.turn_painter import TurnPainter
app = QApplication([])
image = QImage(600, 200, QImage.Format.Format_ARGB32)
painter = QPainter(image)
turns = TurnPainter(app.font())
segment = Segment("s1", 0, 1000, "Hello there, and welcome.", "spk1")
turns.paint(painter, QRect(0, 0, 600, 120), 0, segment, "Maya", 0, True, None, app.palette())
painter.end()
print("QGradient made" if "QGradient" in vars(QtGui) else "no QGradient")
"""


def test_painting_a_turn_makes_no_gradient_class(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    child = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, cwd=tmp_path,
                           timeout=HANG_GUARD_S)
    assert child.returncode == 0, child.stderr[-2000:]
    assert child.stdout.strip().splitlines()[-1] == "no QGradient"
