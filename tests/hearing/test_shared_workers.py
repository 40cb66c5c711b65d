"""An episode's alignment and its audio checks run on one set of worker processes (real PocketSphinx),
which end when the command's work ends, is stopped, or loses a worker.

The workers are watched from outside: they are this process's children (multiprocessing's
``active_children``), seen from the passes' progress calls, which run in this process.
"""

import multiprocessing
import os
import signal

import pytest

from editor.core.glossary import Glossary
from editor.hearing.suggest import FEW_TURNS, suggest

LINES = [("split name",
          "Tonight my guest is {Chevonne cove all check|Siobhan Kowalczyk} from the county housing board."),
         ("acronym", "She spent ten years at the {BSA|EPA} before she ran for office.")]
CLEAN = ["It rained all afternoon so the market closed early.", "We will be right back after this short break."]
GONE_WITHIN_S = 60      # a hang guard only: workers end within a second or two, more on a loaded machine


def _children() -> set[int]:
    return {p.pid for p in multiprocessing.active_children() if p.pid is not None}


class _Watch:
    """The worker processes seen at each stage of ``suggest``, other than the children there before."""

    def __init__(self, on_stage=None):
        self.before = _children()
        self.seen: dict[str, set[int]] = {"align": set(), "listen": set()}
        self.last: dict[str, tuple[int, int]] = {}      # (done, total) of each stage's last progress
        self.on_stage = on_stage

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage in self.seen:
            self.seen[stage] |= _children() - self.before
        self.last[stage] = (done, total)
        if self.on_stage is not None:
            self.on_stage(self, stage, done)

    def all_seen(self) -> set[int]:
        return self.seen["align"] | self.seen["listen"]


def _episode(material, tmp_path):
    episode = material.episode(LINES, CLEAN)
    wav = material.write_wav(tmp_path / "episode.wav", episode.audio)
    glossary = Glossary()
    for name in ("Siobhan Kowalczyk", "EPA"):
        glossary.add(name)
    return episode, wav, glossary


def _gone(pids: set[int]) -> bool:
    return not (_children() & pids)


def _wait_until_gone(pids: set[int]) -> None:
    for process in multiprocessing.active_children():
        if process.pid in pids:
            process.join(GONE_WITHIN_S)      # waits on its exit; the timeout is only a hang guard
    assert _gone(pids), f"worker processes {pids & _children()} still running"


def _found(report) -> tuple:
    return ([(s.segment, s.found, s.replacement, s.score, s.ticked, s.audio) for s in report.suggestions],
            [(s.segment, s.char_start, s.char_end, s.doubt) for s in report.suspects])


@pytest.fixture(scope="module")
def undisturbed(material, tmp_path_factory):
    """``suggest`` on an unaligned episode, left to finish: its report and the workers each stage saw."""
    episode, wav, glossary = _episode(material, tmp_path_factory.mktemp("one_pool"))
    watch = _Watch()
    report = suggest(episode.transcript, glossary, wav, workers=2, progress=watch)
    return report, watch, len(episode.transcript.segments)


def test_the_audio_checks_run_on_the_workers_that_aligned_the_episode(undisturbed):
    report, watch, turns = undisturbed
    assert report.aligned == turns
    assert watch.seen["align"] and watch.seen["listen"]
    assert watch.seen["listen"] <= watch.seen["align"]      # no worker started for the checks
    assert len(watch.all_seen()) <= 2                        # workers=2, for both passes
    # And the command's work done, none of them is left running.
    assert _gone(watch.all_seen())


def test_stopping_the_checks_ends_the_workers(material, tmp_path):
    episode, wav, glossary = _episode(material, tmp_path)
    stop = []

    def stop_when_listening(watch, stage, done):
        if stage == "listen" and done >= 1:
            stop.append(True)

    watch = _Watch(stop_when_listening)
    suggest(episode.transcript, glossary, wav, workers=2, progress=watch, cancelled=lambda: bool(stop))
    assert watch.seen["listen"]
    # Stopped after its first turn: nothing more was heard, nor checked after.
    assert watch.last["listen"] == (1, len(episode.transcript.segments)) and "check" not in watch.last
    _wait_until_gone(watch.all_seen())


def test_a_worker_killed_mid_alignment_leaves_the_same_report_and_no_process(material, tmp_path, undisturbed):
    episode, wav, glossary = _episode(material, tmp_path)
    killed: list[int] = []

    def kill_a_worker(watch, stage, done):
        if stage == "align" and not killed and watch.seen["align"]:
            killed.append(min(watch.seen["align"]))
            os.kill(killed[0], signal.SIGKILL)

    watch = _Watch(kill_a_worker)
    # The passes carry on in this process: every turn is aligned and heard as without the crash.
    report = suggest(episode.transcript, glossary, wav, workers=2, progress=watch)
    assert killed
    assert _found(report) == _found(undisturbed[0])
    assert report.aligned == undisturbed[0].aligned
    _wait_until_gone(watch.all_seen())


def test_a_few_turns_are_aligned_and_checked_in_this_process_with_the_same_report(material, tmp_path,
                                                                                  undisturbed):
    episode, wav, glossary = _episode(material, tmp_path)
    assert len(episode.transcript.segments) <= FEW_TURNS
    watch = _Watch()
    # No workers asked for: starting two would cost more than these turns take.
    report = suggest(episode.transcript, glossary, wav, progress=watch)
    assert watch.last["listen"][1] == len(episode.transcript.segments)
    assert not watch.all_seen()
    assert _found(report) == _found(undisturbed[0])
