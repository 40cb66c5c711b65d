"""Seeks before the working copy is ready are held, then played exactly (real libVLC).

The working copy's decode is real but held back by the test until it has checked the
hold (``decode_to_wav`` waits for an event first), so nothing depends on timing. What is
heard is captured through libVLC's audio callbacks and located in an exact decode.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from editor.player import vlc_backend
from editor.player import working_copy as wc
from editor.player.base import PlayerState
from editor.player.vlc_backend import VlcPlayer

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "sample-episode.ogg"
sys.path.insert(0, str(ROOT / "tests" / "bench"))
import heard  # noqa: E402
import speech_audio  # noqa: E402
from waiting import wait_for  # noqa: E402  (tests/player, put on the path by conftest.py)


@pytest.fixture(scope="module")
def vbr_mp3(tmp_path_factory):
    """The sample as a VBR MP3: libVLC's own seeks in it land seconds away."""
    out = tmp_path_factory.mktemp("hold") / "episode-vbr.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(SAMPLE), "-t", "60", "-ar", "44100", "-ac", "2",
                    "-c:a", "libmp3lame", "-q:a", "4", str(out)], check=True)
    return out


def no_windows(source, start_ms, *_args, **_kwargs):
    raise wc.WorkingCopyError(f"{source}: no window in this test")


def test_a_seek_before_the_copy_is_ready_is_held_then_plays_exactly_there(vbr_mp3, working_copy_gate, tmp_path,
                                                                         monkeypatch):
    # Without windows of the copy (test_vlc_windows has them): the hold lasts until the copy
    # is adopted, and the first thing played is the copy at the target, with no restart after.
    monkeypatch.setattr(wc, "decode_window", no_windows)
    ref = heard.decode_reference(vbr_mp3, 22050)
    target = speech_audio.loud_targets(ref, 22050, fractions=(0.6,))[0]
    player = VlcPlayer(cache_folder=tmp_path / "copies")
    capture = heard.CallbackCapture(player)
    try:
        player.load(str(vbr_mp3))
        assert player.working_copy_job is not None and not player.precise_seeking
        player.seek_ms(target)
        assert player.holding and player.position_ms() == target
        player.play()
        assert player.state() == PlayerState.PLAYING and player.holding
        assert player.position_ms() == target            # nothing is heard, so no time passes
        job = player.working_copy_job
        working_copy_gate.set()                                          # the working copy may now be made
        assert wait_for(job.ready.is_set, 180)        # (its decode runs at low priority: slow under load)
        assert wait_for(lambda: player.position_ms() >= 0 and not player.holding and player.precise_seeking, 30)
        assert player.state() == PlayerState.PLAYING
        assert wait_for(lambda: player.position_ms() > target + 1200, 10)
    finally:
        player.close()
    heard_audio, rate = capture.audio(), capture.rate
    assert len(heard_audio) > rate
    # The very first thing played; blocks libVLC dropped as late (a stall of a loaded machine, see
    # heard.CallbackCapture) were not heard: the first stretch without a drop, where it should be.
    begin, dropped = capture.clean_stretch(0, len(heard_audio), int(0.6 * rate))
    expected = target + begin * 1000 / rate + dropped * vlc_backend.DEMUX_BLOCK_MS
    snippet = heard_audio[begin:begin + int(0.6 * rate)]
    found, score = heard.locate(ref, snippet, expected / 1000, rate)
    assert score > 0.8
    assert abs(found * 1000 / rate - expected) <= 20, (found * 1000 / rate - expected, capture.drops)


def test_pausing_a_held_seek_keeps_the_position_and_plays_nothing(vbr_mp3, working_copy_gate, tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_AOUT", "dummy")
    player = VlcPlayer(cache_folder=tmp_path / "copies")
    try:
        player.load(str(vbr_mp3))
        player.play()                                       # from the start: no seek, plays at once
        assert player.state() == PlayerState.PLAYING and not player.holding
        player.seek_ms(30_000)
        assert player.holding and player.state() == PlayerState.PLAYING
        player.pause()
        assert player.holding and player.state() == PlayerState.PAUSED
        working_copy_gate.set()
        assert wait_for(lambda: player.position_ms() >= 0 and not player.holding and player.precise_seeking, 30)
        assert player.state() == PlayerState.PAUSED and player.position_ms() == 30_000
        player.play()
        assert wait_for(lambda: player.position_ms() > 30_300, 5)
    finally:
        player.close()
