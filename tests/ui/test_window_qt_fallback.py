"""Without libvlc the window plays through QtMultimedia and says so.

Runs in a child process where ``import vlc`` fails (as on a machine without
python-vlc/libvlc), so the real VLC module other tests loaded cannot leak in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, sys
sys.modules["vlc"] = None            # import vlc -> ImportError: no libvlc here
from PySide6.QtWidgets import QApplication, QLabel
from PySide6.QtCore import QEventLoop, QTimer
app = QApplication([])
from editor.ui.main_window import MainWindow
w = MainWindow()
w.show()
opened = w.open_path(sys.argv[1])

def run(ms):
    loop = QEventLoop(); QTimer.singleShot(ms, loop.quit); loop.exec()

run(500)
w.playback.seek(24_000)
w.playback.play()
preparing = w.transport.findChild(QLabel, "PreparingExactSeeking")
for _ in range(300):                 # a seek waits for the exact-seek working copy (if not cached yet)
    if preparing.isHidden():
        break
    run(100)
run(1500)
result = {
    "opened": opened,
    "backend": w.playback.player.name if w.playback.player is not None else "",
    "notice_visible": w.notice_bar.isVisible(),
    "notice": w.notice_bar.text(),
    "position": w.playback.position(),
    "current_row": w.model.current_row,
    "row_start": w.model.segment(w.model.current_row).start_ms if w.model.current_row >= 0 else None,
    "vlc_loaded": "vlc" in sys.modules and sys.modules["vlc"] is not None,
}
w.close()
print("RESULT " + json.dumps(result))
"""


def test_qt_multimedia_fallback_when_libvlc_is_absent(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               TRANSCRIPT_EDITOR_SETTINGS=str(tmp_path / "settings.ini"))
    sample = ROOT / "resources" / "sample" / "sample-episode.txt"
    child = subprocess.run([sys.executable, "-c", CHILD, str(sample)], capture_output=True, text=True,
                           env=env, cwd=ROOT, timeout=60)
    lines = [line for line in child.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, child.stderr[-3000:]
    result = json.loads(lines[-1][len("RESULT "):])
    assert result["opened"] and not result["vlc_loaded"]
    assert result["backend"] == "qt"
    assert result["notice_visible"] and "VLC" in result["notice"].upper()
    assert result["position"] > 24_500                    # it really played
    assert result["row_start"] is not None and result["row_start"] <= result["position"]
