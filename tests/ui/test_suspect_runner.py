"""SuspectRunner: a whole episode's turns are planned and heard in the pass's own process (real
PocketSphinx on espeak-ng speech), every turn's result comes back without the per-word scores the
window does not use (once, or again at the end with the pairs of poor fits the voice does not
explain), and a pass cancelled as it starts ends promptly."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import timing_audio as speech  # noqa: E402

from editor.ui.hearing.suspect_runner import FEW_TURNS, SuspectRunner  # noqa: E402

PASS_TIMEOUT_MS = 120_000     # a hang guard: six short turns are heard in seconds


def _episode(folder: Path, turns: int):
    audio, segments, length_ms = speech.spoken_turns(turns, seed=5, words_per=(4, 6), start_early_ms=200)
    return speech.write_wav(folder / "episode.wav", audio), segments, length_ms


def _runner_keeping_what_it_hears() -> tuple[SuspectRunner, list]:
    runner = SuspectRunner()
    heard: list = []
    runner.heard.connect(heard.append)
    return runner, heard


def _typed_on_while_it_starts(transcript) -> list[str]:
    """The producer types on in turns 1 and 3 while the check starts (call right after start());
    the texts the turns had when it started."""
    from editor.core import ops

    before = [s.text for s in transcript.segments]
    for row in (1, 3):
        ops.run(transcript, ops.set_text(transcript, row, f"{before[row]} edited"))
    return before


# Each pass below is also typed on as it starts (what the two passes of a check that starts while
# the producer types would show): the GUI thread takes a snapshot of the turns, and an edit made
# while the worker thread pickles them for the pass (or plans a few) does not reach the check, whose
# results are matched back by text. One pass of each kind checks both what it hears and that.
@pytest.mark.slow
def test_a_whole_episode_is_planned_and_heard_in_the_pass_process_as_the_turns_were_at_its_start(
        qtbot, tmp_path, monkeypatch):
    from editor.core.transcript import Transcript
    from editor.hearing import listen

    wav, segments, length_ms = _episode(tmp_path, FEW_TURNS + 2)
    transcript = Transcript(segments=segments)
    planned_here = []
    real_plan = listen.plan
    monkeypatch.setattr(listen, "plan", lambda *a, **k: planned_here.append(a) or real_plan(*a, **k))
    runner = SuspectRunner()
    heard, progress = [], []
    runner.heard.connect(heard.append)
    runner.progressed.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(runner.finished, timeout=PASS_TIMEOUT_MS) as finished:
        runner.start(str(wav), transcript.segments, length_ms, ["Zbigniew"])
        before = _typed_on_while_it_starts(transcript)
    assert finished.args == [True]
    assert planned_here == []        # not in the window's process: in the pass's
    assert sorted((h.index, h.segment_id, h.text) for h in heard) == [(i, s.id, before[i]) for i, s in
                                                                    enumerate(segments)]
    assert all(h.aligned and h.doubts == [] for h in heard)
    assert progress[0] == (0, len(segments)) and progress[-1] == (len(segments), len(segments))


def test_a_few_edited_turns_are_still_heard_one_by_one_as_they_were_at_its_start(qtbot, tmp_path):
    from editor.core.transcript import Transcript

    wav, segments, length_ms = _episode(tmp_path, FEW_TURNS + 2)
    transcript = Transcript(segments=segments)
    runner, heard = _runner_keeping_what_it_hears()
    with qtbot.waitSignal(runner.finished, timeout=PASS_TIMEOUT_MS) as finished:
        runner.start(str(wav), transcript.segments, length_ms, rows=[1, 3])
        before = _typed_on_while_it_starts(transcript)
    assert finished.args == [True]
    assert sorted(h.index for h in heard) == [1, 3]
    assert {h.index: h.text for h in heard} == {1: before[1], 3: before[3]}


def test_a_pass_cancelled_as_it_starts_stops_its_process(qtbot, tmp_path):
    wav, segments, length_ms = _episode(tmp_path, FEW_TURNS + 2)
    runner, heard = _runner_keeping_what_it_hears()
    with qtbot.waitSignal(runner.finished, timeout=PASS_TIMEOUT_MS) as finished:
        runner.start(str(wav), segments, length_ms)
        qtbot.waitUntil(lambda: any(p.name == "transcript-editor pass" for p in multiprocessing.active_children()),
                        timeout=PASS_TIMEOUT_MS)
        runner.cancel()
        count = len(heard)
    assert finished.args == [False]
    # The pass's process ends on its own once its pool's workers have (no kill after a long wait).
    qtbot.waitUntil(lambda: not any(p.name == "transcript-editor pass" for p in multiprocessing.active_children()),
                    timeout=PASS_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not runner.is_running())
    assert len(heard) == count       # what the cancelled pass still sent is not passed on
