"""Before the working copy is ready, a held seek plays from a decoded window of it (real libVLC).

The whole copy's decode is held back by the test (``decode_to_wav`` waits for an event), the
windows' is not: so the player has only windows to play from, as on a long episode. Every
sample libVLC plays is captured through its audio callbacks; each fresh start of the engine
(a window, the next window, the copy) is noted with the position it was asked to play from,
and what it played is located in an exact decode of the source.
"""

import subprocess
import sys
import threading
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

RATE = 22050
# A hang guard for the whole working copy's decode: its thread runs at low priority (the window and
# the sound come first), so on a loaded machine it takes its time; playing from it then must not.
COPY_GUARD_S = 180


@pytest.fixture(scope="module")
def vbr_mp3(tmp_path_factory):
    """The sample as a VBR MP3 (libVLC's own seeks in it land seconds away), and its exact decode."""
    out = tmp_path_factory.mktemp("windows") / "episode-vbr.mp3"
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(SAMPLE), "-t", "90", "-ar", "44100", "-ac", "2",
                    "-c:a", "libmp3lame", "-q:a", "4", str(out)], check=True)
    return out, heard.decode_reference(out, RATE)


@pytest.fixture
def copy_gate(monkeypatch):
    """Holds the whole working copy's decode (not the windows') until set."""
    gate = threading.Event()
    real = wc.decode_to_wav

    def decode_when_opened(*args, **kwargs):
        gate.wait(60)
        return real(*args, **kwargs)

    monkeypatch.setattr(wc, "decode_to_wav", decode_when_opened)
    yield gate
    gate.set()


class Starts:
    """Each fresh start of the engine: (samples captured before it, the media ms it was asked for)."""

    def __init__(self, player: VlcPlayer, capture: heard.CallbackCapture) -> None:
        self.starts: list[tuple[int, float]] = []
        real = player._set_media

        def noted(path, start_ms=0, paused=False):
            if paused:      # a start (_restart_at), not just a medium loaded; the old input has stopped
                self.starts.append((round(capture.seconds() * RATE), start_ms + player._offset_ms))
            return real(path, start_ms, paused)

        player._set_media = noted


def located_errors(capture, ref, starts, min_len_s=0.8):
    """For each start followed by enough sound: where it really played from minus where it was asked.

    Blocks libVLC dropped as late (a stall of the loaded machine, see heard.CallbackCapture) were
    not heard, so what follows them is later in the episode by their length: the snippet located
    is the first stretch without a drop in it, and where it should be counts the drops before it."""
    audio = capture.audio()
    length = int(min_len_s * RATE)
    errors = []
    bounds = [index for index, _ in starts[1:]] + [len(audio)]
    for (index, asked), end in zip(starts, bounds, strict=True):
        begin, dropped = capture.clean_stretch(index, end, length)
        expected = asked + (begin - index) * 1000 / RATE + dropped * vlc_backend.DEMUX_BLOCK_MS
        snippet = audio[begin:min(end, begin + length)]
        if len(snippet) < length or abs(snippet).max() < 0.05:
            continue
        found, score = heard.locate(ref, snippet, expected / 1000, RATE, search_s=20)
        if score > 0.8:
            errors.append(found * 1000 / RATE - expected)
    return errors


def test_a_held_seek_plays_a_window_exactly_before_the_copy_is_ready(vbr_mp3, copy_gate, tmp_path):
    path, ref = vbr_mp3
    target = speech_audio.loud_targets(ref, RATE, fractions=(0.5,))[0]
    player = VlcPlayer(cache_folder=tmp_path / "copies")
    capture = heard.CallbackCapture(player, RATE)
    starts = Starts(player, capture)
    try:
        player.load(str(path))
        player.seek_ms(target)
        player.play()
        assert player.state() == PlayerState.PLAYING
        # played from a window: the copy is held back
        assert wait_for(lambda: player.position_ms() >= 0 and not player.holding, 30)
        assert player.working_copy_job is not None and player.precise_seeking
        assert wait_for(lambda: capture.seconds() > 1.5, 30)
        far = target - 30_000                                      # outside the window: held, then exact
        player.seek_ms(far)
        assert player.holding and player.position_ms() == far
        assert wait_for(lambda: player.position_ms() >= 0 and not player.holding, 30)
        count = len(starts.starts)
        assert wait_for(lambda: capture.seconds() > 4.0, 30)
        player.pause()
        assert player.state() == PlayerState.PAUSED
    finally:
        player.close()
    asked = [ms for _, ms in starts.starts]
    assert asked[0] == pytest.approx(target, abs=1) and asked[count - 1] == pytest.approx(far, abs=1)
    errors = located_errors(capture, ref, starts.starts)
    assert len(errors) >= 2 and max(map(abs, errors)) <= 20, errors


def test_windows_follow_one_another_and_hand_over_to_the_copy(vbr_mp3, copy_gate, tmp_path, monkeypatch):
    # a short first window: the next one takes over 3.5 s after the target
    monkeypatch.setattr(vlc_backend, "FIRST_WINDOW_MS", 6500)
    monkeypatch.setattr(vlc_backend, "PREFETCH_MS", 5000)
    path, ref = vbr_mp3
    target = speech_audio.loud_targets(ref, RATE, fractions=(0.3,))[0]
    player = VlcPlayer(cache_folder=tmp_path / "copies")
    capture = heard.CallbackCapture(player, RATE)
    starts = Starts(player, capture)
    shown: list[int] = []
    try:
        player.load(str(path))
        player.seek_ms(target)
        player.play()
        # the window polls, as the window's timer does; the clock never steps back
        assert wait_for(lambda: shown.append(player.position_ms()) or shown[-1] > target + 5000, 60)
        job = player.working_copy_job
        copy_gate.set()
        assert job is not None and wait_for(job.ready.is_set, COPY_GUARD_S)
        assert wait_for(lambda: player.position_ms() >= 0 and player.working_copy_job is None, 10)
        mark = player.position_ms()
        assert wait_for(lambda: shown.append(player.position_ms()) or shown[-1] > mark + 1000, 10), \
            (player.state(), shown[-3:])
        assert player.state() == PlayerState.PLAYING and not player.holding
    finally:
        player.close()
    assert all(b >= a for a, b in zip(shown, shown[1:], strict=False))
    assert len(starts.starts) >= 3                     # the first window, the next one, the copy
    errors = located_errors(capture, ref, starts.starts)
    assert len(errors) >= 2 and max(map(abs, errors)) <= 20, errors      # (a start in a pause is not located)


def test_a_window_reaching_the_end_plays_to_it_then_play_starts_over(vbr_mp3, copy_gate, tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_AOUT", "dummy")
    path, _ = vbr_mp3
    player = VlcPlayer(cache_folder=tmp_path / "copies")
    try:
        player.load(str(path))
        end = player.duration_ms()
        player.seek_ms(end - 1500)           # within the last seconds: no window ends earlier than the file
        player.play()
        assert wait_for(lambda: player.position_ms() >= 0 and player.state() == PlayerState.ENDED, 30)
        assert player.working_copy_job is not None and player.position_ms() == end
        player.play()                        # again, from the start: a window there
        assert wait_for(lambda: player.position_ms() > 500 and not player.holding, 30)
        assert player.state() == PlayerState.PLAYING and player.position_ms() < 5000
    finally:
        player.close()


def test_play_just_after_the_end_is_not_undone_by_libvlcs_late_stopped_event(vbr_mp3, copy_gate, tmp_path,
                                                                             monkeypatch):
    # When an input plays to its end, libVLC reports EndReached, tears the input down on its own
    # thread and only then reports Stopped. Under load that Stopped may come after the user has
    # pressed play again; here libVLC's thread is held at EndReached (after the player has taken
    # it) until play() has returned, so it always does. It is the old input's news, not a stop of
    # the new play.
    monkeypatch.setenv("TRANSCRIPT_EDITOR_AOUT", "dummy")
    pressed = threading.Event()
    real_on_end = VlcPlayer._on_end

    def on_end_then_wait(self, event):
        real_on_end(self, event)
        pressed.wait(10)

    monkeypatch.setattr(VlcPlayer, "_on_end", on_end_then_wait)     # (python-vlc keeps one handler per event)
    path, _ = vbr_mp3
    player = VlcPlayer(cache_folder=tmp_path / "copies")
    try:
        player.load(str(path))
        end = player.duration_ms()
        player.seek_ms(end - 1500)
        player.play()
        assert wait_for(lambda: player.position_ms() >= 0 and player.state() == PlayerState.ENDED, 30)
        player.play()                        # while libVLC is still ending the input
        pressed.set()
        assert wait_for(lambda: player.position_ms() > 500 and not player.holding, 30), player.state()
        assert player.state() == PlayerState.PLAYING and player.position_ms() < 5000
    finally:
        pressed.set()
        player.close()


def test_when_no_window_can_be_decoded_the_hold_waits_for_the_copy(vbr_mp3, copy_gate, tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_AOUT", "dummy")
    tried = []

    def cannot(source, start_ms, *_args, **_kwargs):
        tried.append(start_ms)
        raise wc.WorkingCopyError(f"{source}: cannot decode from {start_ms / 1000:.1f} s")

    monkeypatch.setattr(wc, "decode_window", cannot)
    path, _ = vbr_mp3
    player = VlcPlayer(cache_folder=tmp_path / "copies")
    try:
        player.load(str(path))
        player.seek_ms(40_000)
        player.play()
        assert wait_for(lambda: player.position_ms() >= 0 and len(tried) == 1, 10)
        assert player.position_ms() == 40_000 and player.holding    # still held, nothing played
        job = player.working_copy_job
        copy_gate.set()
        assert job is not None and wait_for(job.ready.is_set, COPY_GUARD_S)
        assert wait_for(lambda: player.position_ms() > 40_300 and not player.holding, 30), \
            (player.position_ms(), player.holding, player.state(), player.working_copy_job, player._mp.get_state())
        assert player.working_copy_job is None and len(tried) == 1    # not tried again and again
    finally:
        player.close()
