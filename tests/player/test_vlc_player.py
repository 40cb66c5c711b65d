"""The VLC backend on the bundled sample, through real libVLC (aout dummy, or afile to hear)."""

import sys
import time
from pathlib import Path

import pytest

from editor.player.base import PlayerError, PlayerState
from editor.player.vlc_backend import VlcPlayer

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "sample-episode.ogg"
sys.path.insert(0, str(ROOT / "tests" / "bench"))
import heard  # noqa: E402  (the bench's "what is heard" measurement)
from waiting import wait_for  # noqa: E402  (tests/player, put on the path by conftest.py)


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("working-copies")


@pytest.fixture
def player(cache, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_AOUT", "dummy")
    p = VlcPlayer(cache_folder=cache)
    p.states = []
    p.on_state = p.states.append
    p.load(str(SAMPLE))
    job = p.working_copy_job
    if job is not None:
        # a hang guard: the decode runs at low priority, slow on a loaded machine
        assert job.wait(180), "working copy not decoded in 3 minutes"
        assert job.error is None
    p.position_ms()   # adopt the working copy
    assert p.precise_seeking
    yield p
    p.close()


def test_loaded_sample_is_stopped_with_its_duration(player):
    assert player.state() == PlayerState.STOPPED
    assert 140_000 < player.duration_ms() < 141_500
    assert player.position_ms() == 0


def test_position_follows_wall_time_and_pause_freezes_it(player):
    player.play()
    assert player.state() == PlayerState.PLAYING
    t0, p0 = time.monotonic(), player.position_ms()
    time.sleep(1.2)
    advanced = player.position_ms() - p0
    wall = (time.monotonic() - t0) * 1000
    assert abs(advanced - wall) < 120, (advanced, wall)
    player.pause()
    assert player.state() == PlayerState.PAUSED
    frozen = player.position_ms()
    time.sleep(0.4)
    assert player.position_ms() == frozen
    assert PlayerState.PLAYING in player.states and player.states[-1] == PlayerState.PAUSED


def test_seek_while_playing_moves_clock_at_once(player):
    player.play()
    assert wait_for(lambda: player.position_ms() > 200, 10)
    player.seek_ms(90_000)
    t0 = time.monotonic()
    assert 90_000 <= player.position_ms() < 90_050
    time.sleep(0.7)         # the stretch the clock is compared over, not a wait for something
    advanced = player.position_ms() - 90_000
    wall = (time.monotonic() - t0) * 1000
    assert abs(advanced - wall) < 120, (advanced, wall)


def test_rate_one_and_a_half_moves_faster(player):
    player.set_rate(1.5)
    assert player.rate() == 1.5
    player.play()
    time.sleep(0.5)
    t0, p0 = time.monotonic(), player.position_ms()
    time.sleep(1.5)
    speed = (player.position_ms() - p0) / ((time.monotonic() - t0) * 1000)
    assert 1.4 < speed < 1.6, speed
    player.set_rate(7)
    assert player.rate() == 2.0


def test_end_of_media_and_play_again(player):
    player.seek_ms(player.duration_ms() - 400)
    player.play()
    assert wait_for(lambda: player.state() == PlayerState.ENDED, 5)
    assert player.position_ms() == player.duration_ms()
    player.play()   # plays again from the start
    assert wait_for(lambda: 100 < player.position_ms() < 2000, 3)
    assert player.state() == PlayerState.PLAYING


def test_volume_is_clamped(player):
    player.set_volume(150)
    assert player.volume() == 100
    player.set_volume(40)
    assert player.volume() == 40


def test_what_is_heard_after_a_seek_is_where_it_was_asked(cache, monkeypatch):
    """OGG Vorbis: libVLC alone lands seconds away; through the working copy within 50 ms."""
    monkeypatch.delenv("TRANSCRIPT_EDITOR_AOUT", raising=False)
    ref = heard.decode_reference(SAMPLE, 22050)
    targets = heard_targets = [t for t in _speech_targets(ref)]
    for mode in ("start", "playing"):
        results = heard.measure(str(SAMPLE), targets, mode, working_copy=True, cache=cache, ref=ref)
        for r in results:
            assert r.score > 0.9, r
            assert abs(r.error_ms) <= 50, (mode, r)
    assert heard_targets


def _speech_targets(ref):
    import speech_audio
    return speech_audio.loud_targets(ref, 22050, fractions=(0.35, 0.7))


def test_working_copy_is_adopted_while_playing(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_AOUT", "dummy")
    p = VlcPlayer(cache_folder=tmp_path)
    try:
        p.load(str(SAMPLE))
        assert not p.precise_seeking and p.working_copy_job is not None
        p.play()
        assert wait_for(lambda: p.working_copy_job.ready.is_set(), 180)    # (a low-priority decode)
        before = p.position_ms()          # this call switches to the copy...
        t0 = time.monotonic()
        assert p.precise_seeking
        assert p.state() == PlayerState.PLAYING
        time.sleep(0.5)         # the stretch the clock is compared over
        after = p.position_ms()           # ...and playback continues from the same place
        wall = (time.monotonic() - t0) * 1000
        assert abs((after - before) - wall) < 200, (before, after, wall)
        assert list(tmp_path.glob("*.wav"))
    finally:
        p.close()


def test_missing_and_unplayable_files_raise_player_error(tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_AOUT", "dummy")
    p = VlcPlayer(cache_folder=tmp_path)
    try:
        with pytest.raises(PlayerError, match="does not exist"):
            p.load(str(tmp_path / "gone.mp3"))
        junk = tmp_path / "notes.mp3"
        junk.write_text("this is not audio at all\n" * 50)
        with pytest.raises(PlayerError, match="notes.mp3"):
            p.load(str(junk))
        assert p.state() == PlayerState.EMPTY
    finally:
        p.close()
