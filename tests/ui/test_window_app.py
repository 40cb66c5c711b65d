"""editor.ui.app.main: arguments, the window it opens, and the file read while Qt starts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from editor.ui.app import main, parse_args
from window_helpers import SAMPLE_AUDIO, SAMPLE_TXT


def test_parse_args():
    options = parse_args(["episode.srt", "episode.mp3", "--player", "qt"])
    assert (options.file, options.audio, options.player) == ("episode.srt", "episode.mp3", "qt")
    with pytest.raises(SystemExit):
        parse_args(["--player", "gstreamer"])


def _run_main(qapp, args):
    seen = {}

    def inspect():
        from editor.ui.main_window import MainWindow
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        window = windows[-1]
        seen.update(title=window.windowTitle(), rows=window.model.rowCount(),
                    audio=window.playback.media_path, start_page=window.stack.currentWidget() is window.start_page)
        window.close()
        qapp.quit()

    QTimer.singleShot(700, inspect)
    assert main(args) == 0
    return seen


def test_main_opens_the_transcript_and_its_audio(qapp):
    seen = _run_main(qapp, [str(SAMPLE_TXT), str(SAMPLE_AUDIO)])
    assert seen["title"].startswith("sample-episode.txt")
    assert seen["rows"] == 19 and seen["audio"] == str(SAMPLE_AUDIO)


def test_main_without_arguments_shows_the_start_page(qapp):
    seen = _run_main(qapp, [])
    assert seen["start_page"] and seen["rows"] == 0
