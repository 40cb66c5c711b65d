"""Where the time-stretched sound is, against what the clock assumes (real libVLC, its audio callbacks).

At rates other than 1 the clock takes libVLC's time minus ``output_lead_ms(rate)``, which
holds the time-stretch filter's average shift of the sound (``stretch_content_offset_ms``).
Here the samples libVLC outputs at 0.5x and 2x are located in the episode: their median
offset from the nominal timeline must be that shift. Only the samples are compared, no
wall-clock time.
"""

import sys
from pathlib import Path

import pytest

from editor.player.vlc_backend import VlcPlayer, stretch_content_offset_ms

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "bench"))
import bench_clock_heard  # noqa: E402  (the bench's offset measurement)
import heard  # noqa: E402
import speech_audio  # noqa: E402
from waiting import wait_for  # noqa: E402  (tests/player, put on the path by conftest.py)

OUT = bench_clock_heard.OUT_RATE


@pytest.fixture(scope="module")
def speech(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stretch")
    wav = speech_audio.make_speech_wav(folder, minutes=0.25)
    return wav, heard.decode_reference(wav, OUT)


@pytest.mark.parametrize("rate", [0.5, 2.0])
def test_the_stretched_sound_is_shifted_as_the_clock_assumes(speech, rate, tmp_path):
    wav, ref = speech
    player = VlcPlayer(cache_folder=tmp_path)
    try:
        capture = heard.CallbackCapture(player, OUT)
        player.load(str(wav))
        player.set_rate(rate)
        player.seek_ms(bench_clock_heard.START_MS)
        player.play()
        assert wait_for(lambda: capture.seconds() > 1.2, 30)    # 1.2 s of output
        player.pause()
    finally:
        player.close()
    audio = capture.audio()
    measured = bench_clock_heard.stretch_offset_ms(audio, ref, rate)
    assert measured == pytest.approx(stretch_content_offset_ms(rate), abs=5)
