"""Choosing something that is not audio: one message saying what it is, and the old audio stops."""

from __future__ import annotations

import os
import subprocess

import pytest
from message_boxes import shown_error

from editor.core import project
from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta

# What the real backend says about files that are not audio is what these tests are about.
pytestmark = pytest.mark.real_player


@pytest.fixture
def playing(window, tmp_path, qtbot):
    audio = tmp_path / "episode.wav"
    subprocess.run(["sox", "-n", "-r", "16000", "-c", "1", str(audio), "synth", "2", "sine", "330"], check=True)
    transcript = tmp_path / "episode.srt"
    transcript.write_text("1\n00:00:00,500 --> 00:00:01,500\nthe ketch left the slipway\n", encoding="utf-8")
    assert window.open_path(str(transcript), str(audio))
    assert window.playback.has_media()
    return window


def _not_audio(tmp_path, kind):
    if kind == "text":
        path = tmp_path / "notes.mp3"
        path.write_text("1\n00:00:01,000 --> 00:00:02,000\nHello.\n", encoding="utf-8")
        return path, "holds text"
    if kind == "empty":
        path = tmp_path / "empty.mp3"
        path.write_bytes(b"")
        return path, "empty (0 bytes)"
    path = tmp_path / "stream.mp3"
    os.mkfifo(path)
    return path, "pipe (FIFO)"


@pytest.mark.parametrize("kind", ["text", "empty", "fifo"])
def test_one_clear_message_and_the_previous_audio_stops(playing, tmp_path, kind):
    w = playing
    path, says = _not_audio(tmp_path, kind)
    assert not w.files.relink_audio(str(path))
    error = shown_error(w)
    assert error is not None
    title, message = error
    assert says in message and message.count(str(path)) == 1
    assert "not found" not in w.audio_bar.text() and str(path) not in w.audio_bar.text()
    assert not w.playback.has_media()


def test_a_projects_audio_path_to_a_fifo_is_not_followed(window, tmp_path):
    fifo = tmp_path / "episode.mp3"
    os.mkfifo(fifo)
    doc = tmp_path / "episode.tep.json"
    project.save(Transcript(TranscriptMeta(title="t", audio_path=str(fifo)), {"a": Speaker("a", "Ada")},
                            [Segment("s1", 0, 1000, "the ketch", "a")]), doc)
    assert window.open_path(str(doc))                  # opens at once; the transcript stays editable
    assert not window.playback.has_media()
    assert window.audio_bar.isVisible()
