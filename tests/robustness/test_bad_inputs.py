"""The bad-input matrix (:mod:`bad_inputs`) through the core reader, the CLI, the audio side and the window.

For every broken file: a clear message naming the file and the problem, or a
load with a visible warning; never a traceback, never a freeze (subprocesses have a
generous hang guard; how long each read takes is printed by ``tests/bench/bench_bad_inputs.py``),
never text silently dropped (the words are checked after load).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bad_inputs import LINES, Case, matrix  # noqa: E402
from message_boxes import shown_error, wait_for_error  # noqa: E402

from editor.core.errors import TranscriptError  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD_S = 600   # a subprocess still running after this is hung, not slow (a loaded machine is slow)


@pytest.fixture(scope="module")
def cases(tmp_path_factory) -> dict[str, Case]:
    folder = tmp_path_factory.mktemp("bad")
    return {case.name: case for case in matrix(folder)}


def _names(audio: bool) -> list[str]:
    return [case.name for case, _ in __import__("bad_inputs")._cases() if case.audio == audio]


def _text_of(transcript) -> str:
    return " ".join(segment.text for segment in transcript.segments)


def _mentions(message: str, case: Case) -> bool:
    return not case.problem or any(word.lower() in message.lower() for word in case.problem)


# ---------------------------------------------------------------------------------- core reader
@pytest.mark.parametrize("name", _names(audio=False))
def test_core_reader(cases, name):
    from editor.formats import read_file
    case = cases[name]
    try:
        result = read_file(case.path)
    except TranscriptError as error:
        assert case.expect == "error", f"{name}: refused, but it should load with a warning: {error}"
        assert str(case.path) in str(error), f"{name}: the message does not name the file: {error}"
        assert _mentions(error.problem, case), f"{name}: the message does not say what is wrong: {error}"
    else:
        assert case.expect == "warning", f"{name}: loaded, but it is broken and should be refused"
        assert result.warnings, f"{name}: loaded without any visible warning"
        assert _mentions(" ".join(result.warnings), case), f"{name}: warnings miss the problem: {result.warnings}"
        text = _text_of(result.transcript)
        for word in case.words:
            assert word in text, f"{name}: {word!r} was dropped"


# ---------------------------------------------------------------------------------- command line
@pytest.mark.parametrize("name", _names(audio=False))
def test_cli_check(cases, name, capsys):
    case = cases[name]
    if name == "50 MB single line":   # a process of its own, so that a freeze meets the hang guard
        result = subprocess.run([sys.executable, "-m", "editor", "check", str(case.path)], cwd=ROOT,
                                capture_output=True, text=True, timeout=HANG_GUARD_S)
        code, stdout, stderr = result.returncode, result.stdout, result.stderr
    else:   # `python -m editor check FILE`'s own entry point, run here (tests/test_cli.py runs it as a process)
        from editor.__main__ import main
        code = main(["check", str(case.path)])
        stdout, stderr = capsys.readouterr()
    assert "Traceback" not in stderr + stdout, stderr
    if case.expect == "error":
        assert code == 2, f"{name}: exit {code}\n{stdout}"
        lines = stderr.strip().splitlines()
        assert len(lines) == 1 and str(case.path) in lines[0] and _mentions(lines[0], case), stderr
    else:
        assert code == 0, f"{name}: {stderr}"
        assert "warnings:   0" not in stdout and "    - " in stdout, stdout


# ---------------------------------------------------------------------------------- audio
@pytest.mark.parametrize("name", _names(audio=True))
def test_audio_decode_and_player(cases, name, tmp_path, monkeypatch):
    from editor.audio import decode
    from editor.player.base import PlayerError
    from editor.player.vlc_backend import VlcPlayer
    monkeypatch.setenv("TRANSCRIPT_EDITOR_CACHE", str(tmp_path / "cache"))
    case = cases[name]
    player = VlcPlayer(working_copy=False)
    try:
        if case.expect == "error":
            with pytest.raises(TranscriptError) as decoded:
                decode.decode(case.path)
            assert str(case.path) in str(decoded.value) and _mentions(decoded.value.problem, case)
            with pytest.raises(PlayerError) as played:
                player.load(str(case.path))
            assert str(case.path) in str(played.value)
        else:   # a truncated MP3 plays what is there
            samples = decode.decode(case.path, rate=16000)
            declared = decode.duration_ms(case.path)
            assert 0 < len(samples) / 16 <= declared + 100
            player.load(str(case.path))
            assert player.duration_ms() > 0
    finally:
        player.close()


# ---------------------------------------------------------------------------------- the window
@pytest.mark.parametrize("name", [n for n in _names(audio=False) if n != "50 MB single line"])
def test_window_open(cases, name, window, qtbot):
    case = cases[name]
    opened = window.open_path(str(case.path))
    error = shown_error(window)
    if case.expect == "error":
        assert not opened and error is not None, f"{name}: no error shown"
        title, message = error
        assert str(case.path) in message and _mentions(message, case), message
    else:
        assert opened, f"{name}: {error}"
        assert window.warning_bar.isVisible(), f"{name}: loaded with no warning bar"
        text = _text_of(window.model.transcript)
        for word in case.words:
            assert word in text, f"{name}: {word!r} missing in the window"


@pytest.mark.real_player     # what the real VLC backend makes of each bad audio file, shown by the window
@pytest.mark.parametrize("name", _names(audio=True))
def test_window_audio(cases, name, window, qtbot, tmp_path):
    case = cases[name]
    transcript = tmp_path / "episode.srt"
    transcript.write_text(f"1\n00:00:00,500 --> 00:00:02,000\n{LINES[0]}\n", encoding="utf-8")
    assert window.open_path(str(transcript), str(case.path))
    if case.expect == "error":
        assert str(case.path) in wait_for_error(qtbot, window)[1]
        assert window.audio_bar.isVisible()       # "Relink audio..." offered
        assert LINES[0] in _text_of(window.model.transcript)   # the transcript stays editable
    else:   # plays what is there, and says the file is shorter than its header once it is decoded
        assert shown_error(window) is None and window.playback.has_media()
        qtbot.waitUntil(lambda: "shorter than its header says" in window.audio_check.last_warning, timeout=15000)
        assert window.audio_bar.isVisible() and case.path.name in window.audio_bar.text()


_HUGE_IN_WINDOW = r"""
import os, sys, time
sys.path.insert(0, sys.argv[2])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TRANSCRIPT_EDITOR_AOUT", "dummy")
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.ui.main_window import MainWindow
w = MainWindow(); w.show(); app.processEvents()
ok = w.open_path(sys.argv[1])
# A file this large is read on a worker thread (progress and Cancel): wait until it is in.
while w.files.reading is not None:
    app.processEvents()
    time.sleep(0.01)
for _ in range(20):
    app.processEvents()
print(ok, "Brindle" in w.model.transcript.segments[-1].text, w.warning_bar.isVisible())
"""


@pytest.mark.slow
def test_window_50mb_single_line_does_not_freeze(cases, tmp_path):
    case = cases["50 MB single line"]
    env = dict(os.environ, TRANSCRIPT_EDITOR_SETTINGS=str(tmp_path / "settings.ini"))
    result = subprocess.run([sys.executable, "-c", _HUGE_IN_WINDOW, str(case.path), str(ROOT)],
                            capture_output=True, text=True, timeout=HANG_GUARD_S, env=env)
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    ok, kept, warned = result.stdout.split()
    assert ok == "True" and kept == "True" and warned == "True", result.stdout
