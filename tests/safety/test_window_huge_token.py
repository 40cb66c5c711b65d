"""A turn holding megabytes without a space: the window lays it out, paints it and opens it at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = r"""
import os, sys
sys.path.insert(0, sys.argv[2])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.ui.main_window import MainWindow
w = MainWindow(); w.resize(1000, 700); w.show(); app.processEvents()
assert w.open_path(sys.argv[1])
for _ in range(5):
    app.processEvents()
w.view.viewport().repaint()
texts = [segment.text for segment in w.model.transcript.segments]
row = max(range(len(texts)), key=lambda i: len(texts[i]))   # a long paragraph is read as several turns
editor = w.view.open_editor(row, 0)
for _ in range(5):
    app.processEvents()
print(len(" ".join(texts)), editor.isReadOnly(), "Find and Replace" in editor.toPlainText(), flush=True)
w.project.discard_changes()
"""


def test_a_two_megabyte_token_opens_paints_and_edits_without_freezing(tmp_path):
    token = "x" * 2_000_000
    path = tmp_path / "token.srt"      # a cue is one turn as read (a plain text's paragraph is cut into parts)
    path.write_text(f"1\n00:00:01,000 --> 00:10:00,000\nhello {token} world\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRANSCRIPT_EDITOR_SETTINGS=str(tmp_path / "s.ini"),
               TRANSCRIPT_EDITOR_DATA_DIR=str(tmp_path / "data"))
    # A hang guard, not a speed assertion: word-boundary wrapping of this token took hours.
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(path), str(ROOT)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    length, read_only, says_how = done.stdout.split()
    assert int(length) == len(f"hello {token} world")     # the whole token is kept in the transcript
    assert read_only == "True" and says_how == "True"     # shown cut short, with the way to change it


_PAINT_SCRIPT = r"""
import sys, time
sys.path.insert(0, sys.argv[2])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.ui.main_window import MainWindow
w = MainWindow(); w.resize(1280, 720); w.show(); app.processEvents()
assert w.open_path(sys.argv[1])
w.names.spelling.ensure_speller()      # the dictionary the window loads in the background, now
segment = w.model.segment(0)
flagged = w.names.spelling.decorations(0, segment)
for _ in range(5):
    app.processEvents()
started = time.perf_counter()
for _ in range(3):
    w.view.viewport().repaint()
print(len(segment.text), len(flagged), flush=True)
print(f"3 paints of a {len(segment.text):,}-character turn with {len(flagged)} decorations: "
      f"{time.perf_counter() - started:.2f} s", file=sys.stderr)
w.project.discard_changes()
"""


def test_a_long_japanese_turn_with_many_decorations_paints_without_freezing(tmp_path):
    """A 20,000-character Japanese turn (no spaces; from a file whose cues are not cut on reading)
    with English words misspelt all through it: Qt drew every line once per decoration (~7 s a
    paint, the window never answered); only the lines in view are drawn, each with its own."""
    sentences = "港と船の話を長くしました wrold。" * 1000
    path = tmp_path / "ja.srt"
    path.write_text(f"1\n00:00:01,000 --> 00:30:00,000\n{sentences}\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRANSCRIPT_EDITOR_SETTINGS=str(tmp_path / "s.ini"),
               TRANSCRIPT_EDITOR_DATA_DIR=str(tmp_path / "data"))
    # A hang guard, not a speed assertion (the figure goes to stderr): before, these paints took minutes.
    done = subprocess.run([sys.executable, "-c", _PAINT_SCRIPT, str(path), str(ROOT)], capture_output=True,
                          text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    length, flagged = map(int, done.stdout.split())
    assert length == len(sentences)
    assert flagged == 1000         # the misspelt English words, not each Japanese sentence


def test_rows_with_long_tokens_wrap_anywhere_and_are_laid_out_only_in_part(qtbot):
    from PySide6.QtGui import QFont, QTextOption

    from editor.ui.document.turn_painter import LAYOUT_LIMIT, TurnPainter, shown_text, wrap_mode_for
    assert wrap_mode_for("plain words " * 50) == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
    assert wrap_mode_for("see " + "z" * 300) == QTextOption.WrapMode.WrapAnywhere
    huge = "word " * (LAYOUT_LIMIT // 2)
    assert len(shown_text(huge)) < LAYOUT_LIMIT + 100 and "more characters" in shown_text(huge)
    painter = TurnPainter(QFont())
    assert painter.exact_height(0, huge, 800) == painter.exact_height(1, huge[:LAYOUT_LIMIT + 10] + "x" * 10**6, 800)


def test_spelling_of_a_painted_row_checks_only_what_the_row_shows(qtbot):
    from editor.core.spelling import Speller
    from editor.core.transcript import Segment
    from editor.ui.document.turn_decorations import TurnDecorations
    from editor.ui.document.turn_painter import LAYOUT_LIMIT
    decorations = TurnDecorations()
    decorations.set_speller(Speller())
    segment = Segment("s1", 0, 1000, "wrold " * (LAYOUT_LIMIT // 2), None)   # 300,000 characters
    ranges = decorations(0, segment)
    assert ranges and max(end for _start, end, _format in ranges) <= LAYOUT_LIMIT


def test_a_turn_painted_through_a_clip_shows_the_same_decorations_as_painted_whole(qtbot):
    """Only the lines and decorations in view are drawn; what is in view looks the same."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QFont, QImage, QPainter
    from PySide6.QtWidgets import QApplication

    from editor.core.transcript import Segment
    from editor.ui.document.turn_decorations import misspelt_format
    from editor.ui.document.turn_painter import TurnPainter
    text = "港と船の話をしました wrold。" * 300
    segment = Segment("s1", None, None, text, None)
    extra = [(i, i + 5, misspelt_format()) for i in range(len(text)) if text.startswith("wrold", i)]
    painter = TurnPainter(QFont())
    height = painter.exact_height(0, text, 900)
    images = []
    for clipped in (False, True):
        image = QImage(900, 300, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        with_clip = QPainter(image)
        if clipped:
            with_clip.setClipRect(QRect(0, 0, 900, 300))
        painter._paint_text(with_clip, QRect(0, 0, 900, height), 0, segment, None,
                            QApplication.palette(), extra)
        with_clip.end()
        images.append(image)
    plain = images[0].copy()
    plain.fill(QColor("white"))
    assert images[0] != plain and images[1] == images[0]
