"""A whole-episode pass runs in a low-priority process of its own and streams its results back
(editor.ui.episode_pass): items and progress arrive in order, cancelling stops the process, and a
pass that fails says why."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from editor.align.worker_start import WORKER_NICENESS
from editor.core.errors import TranscriptError
from editor.ui import episode_pass
from editor.ui.audio_process import JobFailed


def count_to(n: int, *, progress, cancelled):
    """A pass of *n* steps: (step, the process it ran in, that process's niceness)."""
    for i in range(n):
        if cancelled():
            return
        progress(i + 1, n)
        yield i, os.getpid(), os.nice(0)


def endless(*, progress, cancelled):
    i = 0
    while not cancelled():
        yield i
        i += 1
        time.sleep(0.01)      # in the child: a pass that takes its time


def unreadable(*, progress, cancelled):
    raise TranscriptError("no audio stream", "/episodes/notes.txt")
    yield


def broken(*, progress, cancelled):
    yield 1
    raise ValueError("a bug")


def _passes() -> list:
    return [p for p in multiprocessing.active_children() if p.name == "transcript-editor pass"]


def test_items_and_progress_come_back_from_a_lower_priority_process():
    steps = []
    items = list(episode_pass.run(count_to, 5, progress=lambda done, total: steps.append((done, total))))
    assert [i for i, _pid, _nice in items] == [0, 1, 2, 3, 4]
    assert {pid for _i, pid, _nice in items} != {os.getpid()}
    assert all(nice >= max(os.nice(0), WORKER_NICENESS) for _i, _pid, nice in items)
    assert steps == [(i, 5) for i in range(1, 6)]
    assert _passes() == []


def test_cancelling_stops_the_pass_and_its_process():
    seen = []
    for item in episode_pass.run(endless, cancelled=lambda: len(seen) >= 3):
        seen.append(item)
    assert seen == [0, 1, 2]
    assert _passes() == []


def test_unreadable_audio_is_raised_with_its_message_and_any_other_failure_named():
    with pytest.raises(TranscriptError, match="notes.txt: no audio stream"):
        list(episode_pass.run(unreadable))
    got = []
    with pytest.raises(JobFailed, match="ValueError: a bug"):
        got.extend(episode_pass.run(broken))
    assert got == [1]


def test_what_a_worker_imports_before_lowering_its_priority_is_light():
    """A spawned worker imports its initializer's or target's module before it can lower its priority:
    those modules must not bring in numpy, PyAV, PocketSphinx or Qt."""
    import subprocess
    import sys
    code = ("import sys, editor.align.worker_start, editor.ui.episode_pass, editor.ui.audio_process; "
            "print(sorted({'numpy', 'av', 'pocketsphinx', 'PySide6'} & {m.split('.')[0] for m in sys.modules}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stdout.strip() == "[]"
