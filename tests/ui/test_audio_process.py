"""The window's audio process: PocketSphinx work runs there, not in the window's process (where it
would hold the GIL and stop the GUI thread), at a lower CPU priority than the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import hearing_material  # noqa: E402

from editor.align.worker_start import WORKER_NICENESS  # noqa: E402
from editor.ui import audio_process  # noqa: E402


def test_jobs_run_in_another_process_at_a_lower_priority():
    process = audio_process.AudioProcess()
    try:
        pid = process.submit(os.getpid).result(timeout=60)
        niceness = process.submit(os.nice, 0).result(timeout=60)
    finally:
        process.shutdown()
    assert pid != os.getpid()
    assert niceness >= max(os.nice(0), WORKER_NICENESS)


def test_a_verdict_is_judged_in_the_audio_process():
    from editor.hearing.verdict import Region
    samples = hearing_material.say("at the EPA for")
    ms = len(samples) * 1000 // hearing_material.RATE
    silence = np.zeros(hearing_material.RATE // 5, np.int16)
    audio = np.concatenate([silence, samples, silence])
    where = Region("at the", "BSA", "for", 0, ms + 400, max(10, ms // 3))
    future = audio_process.shared().submit(audio_process.judge, audio, where, "EPA")
    verdict = audio_process.result(future, cancelled=lambda: False)
    assert verdict.label == "agrees"


def test_waiting_for_a_job_stops_when_cancelled():
    process = audio_process.AudioProcess()
    try:
        running = process.submit(os.system, "sleep 2")     # 0 once it has finished
        queued = [process.submit(os.getpid) for _ in range(4)]
        assert audio_process.result(running, cancelled=lambda: True) is None     # not waited for
        assert audio_process.result(queued[-1], cancelled=lambda: True) is None
        assert queued[-1].cancelled()          # a job not started yet never runs
    finally:
        process.shutdown()


def test_a_job_that_fails_is_reported_not_raised_as_is():
    future = audio_process.shared().submit(int, "not a number")
    with pytest.raises(audio_process.JobFailed, match="ValueError"):
        audio_process.result(future, cancelled=lambda: False)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:       # a zombie is gone for good (its parent has not reaped it yet)
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_the_audio_process_ends_when_the_window_is_killed():
    """A window that is killed (no atexit, no shutdown) leaves no idle worker behind."""
    import signal
    import subprocess
    import sys
    import time
    code = ("import os, sys, time; from editor.ui import audio_process; "
            "print(audio_process.shared().submit(os.getpid).result(timeout=60), flush=True); time.sleep(600)")
    window = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        worker = int(window.stdout.readline())
        assert _alive(worker)
    finally:
        window.send_signal(signal.SIGKILL)
        window.wait()
        window.stdout.close()
    deadline = time.monotonic() + 30      # a hang guard: it looks once a second
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)


def test_a_window_ended_mid_job_leaves_no_warning_and_no_worker():
    """Ended with SIGTERM (as the screenshot tool ends it) while a job runs: the worker ends, and
    nothing is left for Python's resource tracker to warn of (a pipe, no named semaphores)."""
    import signal
    import subprocess
    import sys
    code = ("import os, sys, time; from editor.ui import audio_process; "
            "process = audio_process.shared(); print(process.submit(os.getpid).result(timeout=60), flush=True); "
            "process.submit(time.sleep, 600); time.sleep(600)")
    window = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        worker = int(window.stdout.readline())
        window.send_signal(signal.SIGTERM)
        # The pipes close once the worker (which holds them too) has ended as well.
        _out, err = window.communicate(timeout=60)
    finally:
        window.kill()
    assert err == ""
    assert not _alive(worker)


def test_a_job_or_answer_that_cannot_be_sent_fails_alone():
    process = audio_process.AudioProcess()
    try:
        with pytest.raises(audio_process.JobFailed, match="pickle"):
            audio_process.result(process.submit(os.getpid, lambda: None), cancelled=lambda: False)
        with pytest.raises(audio_process.JobFailed, match="pickle"):
            audio_process.result(process.submit(_unsendable_answer), cancelled=lambda: False)
        assert process.submit(os.getpid).result(timeout=60) != os.getpid()    # the same process carries on
    finally:
        process.shutdown()


def _unsendable_answer():
    return lambda: None


def test_a_worker_that_dies_fails_its_job_and_the_next_job_starts_another():
    process = audio_process.AudioProcess()
    try:
        first = process.submit(os.getpid).result(timeout=60)
        with pytest.raises(audio_process.JobFailed, match="stopped unexpectedly"):
            audio_process.result(process.submit(os._exit, 3), cancelled=lambda: False)
        second = audio_process.result(process.submit(os.getpid), cancelled=lambda: False)
        assert second not in (first, os.getpid())
    finally:
        process.shutdown()


def _reaped(pid: int, within_s: float = 30.0) -> bool:
    """Whether *pid* is gone altogether -- not even a zombie left for its parent to reap -- waited for
    up to *within_s* (a hang guard: the worker's thread reaps it as soon as it ends)."""
    import time
    deadline = time.monotonic() + within_s
    while os.path.exists(f"/proc/{pid}") and time.monotonic() < deadline:
        time.sleep(0.02)
    return not os.path.exists(f"/proc/{pid}")


def test_a_worker_let_go_of_or_dead_is_reaped_without_waiting_for_the_next_one():
    process = audio_process.AudioProcess()
    try:
        shut_down = process.submit(os.getpid).result(timeout=60)
    finally:
        process.shutdown()
    assert _reaped(shut_down)

    process = audio_process.AudioProcess()
    try:
        died = process.submit(os.getpid).result(timeout=60)
        with pytest.raises(audio_process.JobFailed, match="stopped unexpectedly"):
            audio_process.result(process.submit(os._exit, 3), cancelled=lambda: False)
        assert _reaped(died)      # no new worker started yet, which would have reaped it by the way
    finally:
        process.shutdown()
