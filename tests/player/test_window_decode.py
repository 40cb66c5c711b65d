"""A window of the working copy holds, sample for sample, what the whole copy holds there.

Real decodes of the bundled sample (Ogg Vorbis, whose frames around a change of block size
carry timestamps a few hundred samples off) and of an MP3 made from it (encoder delay):
windows at several starts are compared with the whole working copy.
"""

import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from editor.player import working_copy as wc

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample-episode.ogg"


def samples(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path)) as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(np.int32), w.getframerate()


@pytest.fixture(scope="module", params=["ogg", "mp3"])
def source_and_copy(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(f"window-{request.param}")
    source = SAMPLE
    if request.param == "mp3":
        source = folder / "episode.mp3"
        subprocess.run(["ffmpeg", "-v", "error", "-y", "-i", str(SAMPLE), "-t", "90", "-ar", "44100", "-ac", "2",
                        "-c:a", "libmp3lame", "-q:a", "4", str(source)], check=True)
    copy = wc.decode_to_wav(source, folder / "copy.wav")
    return source, samples(copy), folder


@pytest.mark.parametrize("start_ms", [0, 12_345, 47_000, 80_500])
def test_a_window_is_the_copy_there(source_and_copy, start_ms):
    source, (whole, rate), folder = source_and_copy
    window = wc.decode_window(source, start_ms, start_ms + 4000, folder / f"window-{start_ms}.wav")
    part, part_rate = samples(window.path)
    assert part_rate == rate and abs(window.start_ms - start_ms) < 1000 / rate * 2
    first = round(window.start_ms * rate / 1000)
    assert window.end_ms == pytest.approx(window.start_ms + len(part) * 1000 / rate)
    edge = int(0.01 * rate)                                 # the resampler's first and last samples
    settled = part[edge:len(part) - edge]
    same = whole[first + edge:first + len(part) - edge]
    assert len(settled) > 3 * rate
    assert np.abs(settled - same).max() <= 4                # the same samples, to rounding (a shift
    #                                                         of one sample would differ by hundreds)


def test_a_window_past_the_end_stops_there_and_says_so(source_and_copy):
    source, (whole, rate), folder = source_and_copy
    end_ms = len(whole) * 1000 / rate
    window = wc.decode_window(source, end_ms - 1500, end_ms + 30_000, folder / "last.wav")
    assert window.at_end and window.end_ms == pytest.approx(end_ms, abs=30)
    assert window.covers(end_ms - 10, margin_ms=3000)        # up to the very end
