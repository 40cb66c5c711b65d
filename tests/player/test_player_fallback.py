"""create_player: VLC by default, QtMultimedia with a notice when libVLC cannot be loaded."""

import subprocess
import sys
from pathlib import Path

from editor.player import create_player

ROOT = Path(__file__).resolve().parents[2]

NO_VLC = r"""
import sys
sys.modules["vlc"] = None          # "import vlc" now raises ImportError, as without python-vlc/libvlc
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.player import create_player
player, notice = create_player("vlc")
player.load(sys.argv[1])
print(player.name)
print(notice)
player.close()
"""


def test_vlc_is_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_AOUT", "dummy")
    player, notice = create_player(cache_folder=tmp_path)
    try:
        assert player.name == "vlc" and notice == ""
    finally:
        player.close()


def test_falls_back_to_qt_with_a_notice_when_libvlc_is_missing():
    sample = ROOT / "resources" / "sample" / "sample-episode.ogg"
    out = subprocess.run([sys.executable, "-c", NO_VLC, str(sample)], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    name, notice = out.stdout.strip().splitlines()[-2:]
    assert name == "qt"
    assert notice.startswith("Playing through QtMultimedia") and "libVLC cannot be loaded" in notice


def test_qt_on_request(qtbot, tmp_path):
    player, notice = create_player("qt", cache_folder=tmp_path)
    try:
        assert player.name == "qt" and notice == ""
    finally:
        player.close()
