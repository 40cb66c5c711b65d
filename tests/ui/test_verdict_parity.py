"""The window's verdict on a suggestion (its audio process) is the command line's: both know the
name's other pronunciations, so they tick the same suggestions (real alignment and PocketSphinx
on espeak-ng speech)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import hearing_material  # noqa: E402

from editor.hearing.suggest import align_missing, region_audio, verdicts  # noqa: E402
from editor.hearing.verdict import region  # noqa: E402
from editor.ui import audio_process  # noqa: E402

LINES = [("sound-alike", "We read the work of {Dick. Flax|Dick Flacks} about the student movement."),
         ("sound-alike", "You can join us on {Patrion|Patreon} every month.")]


def test_the_window_and_the_command_line_hear_a_suggestion_alike(tmp_path):
    episode = hearing_material.episode(LINES, [])
    wav = hearing_material.write_wav(tmp_path / "episode.wav", episode.audio)
    align_missing(episode.transcript, wav, workers=1)
    places = [(p.index, p.start, p.end, p.right) for p in episode.passages]
    regions = [region(episode.transcript.segments[s], start, end) for s, start, end, _ in places]
    names = [right for *_, right in places]
    command_line = [v for _, v in verdicts(wav, regions, names)]
    window = [audio_process.judge(samples, where, name)
              for samples, where, name in zip(region_audio(wav, regions), regions, names, strict=True)]
    assert [(v.label, v.margin) for v in window] == [(v.label, v.margin) for v in command_line]
