"""editor.ui.app.main: arguments, the window it opens, and the file read while Qt starts.

main() runs the application's event loop until quit, and quitting tells every
component the app is ending (aboutToQuit), so it runs in a child process here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from window_helpers import SAMPLE_AUDIO, SAMPLE_TXT

from editor.ui.app import parse_args

ROOT = Path(__file__).resolve().parents[2]
# A hang guard only: starting the application takes seconds on a loaded machine; its end does not
# wait for the aligner's niced workers (tests/ui/test_window_exit.py).
HANG_GUARD_S = 120

CHILD = r"""
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.ui.app import main
from editor.ui.main_window import MainWindow
seen = {}

def inspect():
    window = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()][-1]
    seen.update(title=window.windowTitle(), rows=window.model.rowCount(), audio=window.playback.media_path,
                start_page=window.stack.currentWidget() is window.start_page)
    window.close()
    app.quit()

QTimer.singleShot(1500, inspect)
code = main(sys.argv[1:])
print("RESULT " + json.dumps(dict(seen, code=code)))
"""


def test_parse_args():
    options = parse_args(["episode.srt", "episode.mp3", "--player", "qt"])
    assert (options.file, options.audio, options.player) == ("episode.srt", "episode.mp3", "qt")
    with pytest.raises(SystemExit):
        parse_args(["--player", "gstreamer"])


def _run_main(args, tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRANSCRIPT_EDITOR_SETTINGS=str(tmp_path / "s.ini"))
    child = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True, env=env,
                           cwd=ROOT, timeout=HANG_GUARD_S)
    lines = [line for line in child.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, child.stderr[-3000:]
    return json.loads(lines[-1][len("RESULT "):])


@pytest.mark.slow
def test_main_opens_the_transcript_and_its_audio(tmp_path):
    seen = _run_main([str(SAMPLE_TXT), str(SAMPLE_AUDIO)], tmp_path)
    assert seen["code"] == 0 and seen["title"].startswith("sample-episode.txt")
    assert seen["rows"] == 19 and seen["audio"] == str(SAMPLE_AUDIO)


def test_main_without_arguments_shows_the_start_page(tmp_path):
    seen = _run_main([], tmp_path)
    assert seen["code"] == 0 and seen["start_page"] and seen["rows"] == 0
