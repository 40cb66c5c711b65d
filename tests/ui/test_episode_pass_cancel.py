"""A whole-episode pass cancelled right after it starts (a window closed just after opening an
episode) ends by itself and prints nothing: its worker pool, still starting or busy with its
queued turns, is waited for, not left to a process that is exiting (tests/ui/cancelled_pass.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from process_ends import ended

HANG_GUARD_S = 180      # a short episode's passes end in seconds; a pass that never ends fails here


def test_a_pass_cancelled_as_it_starts_ends_and_prints_nothing(tmp_path):
    script = Path(__file__).with_name("cancelled_pass.py")
    # The script's output pipes stay open until every process of its tree has ended.
    out = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True,
                         timeout=HANG_GUARD_S, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stderr == "", out.stderr       # whole: what a worker printed is the clue
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert [line.partition(":")[0] for line in lines] == ["cancelled as its first worker started",
                                                          "cancelled after its first turn"]
    assert lines[1].startswith("cancelled after its first turn: 1 of 6 turns")


def test_a_pass_the_window_gives_up_on_ends_its_workers_and_prints_nothing(tmp_path):
    """A cancelled pass not ended by itself in time is ended with SIGTERM: it kills its workers and
    unlinks its pool's semaphores as it leaves (ended outright, it left them to the resource tracker,
    which warned of 5 leaked semaphores on the terminal)."""
    script = Path(__file__).with_name("cancelled_pass.py")
    out = subprocess.run([sys.executable, str(script), str(tmp_path), "--given-up"], capture_output=True,
                         text=True, timeout=HANG_GUARD_S, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stderr == "", out.stderr       # whole: what a worker printed is the clue
    assert out.returncode == 0
    assert out.stdout.startswith("given up on as its first worker started")


def test_a_pass_cancelled_while_its_workers_load_the_model_ends_them_and_prints_nothing(tmp_path):
    """Workers still loading PocketSphinx's model (niced: seconds on a loaded machine; here a model
    that never loads) are killed when their pass is cancelled, not waited for.

    Their pool, finding them dead, is wound down by its manager thread while the pass leaves: here
    that thread closes its wake-up pipe late, and the exit hook of Python 3.11's pool writes to the
    pipe late (tests/ui/late_pool_end.py), which made the pass print "OSError: [Errno 9] Bad file
    descriptor" whenever the pass left that thread to the exit hook (rarely, as it happens: once in CI)."""
    from model_folders import stalled_models
    script = Path(__file__).with_name("cancelled_pass.py")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "POCKETSPHINX_PATH": str(stalled_models(tmp_path)),
           "LATE_POOL_END": "1"}
    out = subprocess.run([sys.executable, str(script), str(tmp_path), "--stalled"], capture_output=True,
                         text=True, timeout=HANG_GUARD_S, env=env)
    assert out.stderr == "", out.stderr       # whole: what a worker printed is the clue
    assert out.returncode == 0
    assert out.stdout == "cancelled as its workers loaded the model: 0 turns\n"


def _kill_the_window_while_its_pass_runs(script: str, *args: str) -> tuple[list[int], str]:
    """Run *script* (a window whose pass runs), end it with SIGTERM once it prints ``running`` (the
    process ids it printed before: of the pass and its workers), and return those ids and all its
    stderr, read to the end: the pipes close once every process of the pass has ended."""
    import signal
    window = subprocess.Popen([sys.executable, str(Path(__file__).with_name(script)), *args],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        pids = []
        for line in window.stdout:
            if line.strip() == "running":
                break
            pids.append(int(line))
        window.send_signal(signal.SIGTERM)
        _out, err = window.communicate(timeout=HANG_GUARD_S)
    finally:
        window.kill()
    return pids, err


def test_a_pass_whose_window_is_killed_ends_with_its_workers_and_prints_nothing(tmp_path):
    """The screenshot tool ends the window with SIGTERM: the pass's process sees it go, stops its
    workers and waits for them as a cancelled pass does (not ended at once, which left the pool's
    semaphores to the resource tracker: a warning on the terminal)."""
    pids, err = _kill_the_window_while_its_pass_runs("orphaned_pass.py", str(tmp_path))
    assert len(pids) >= 2, "the pass finished before a worker ran"
    assert err == ""
    assert all(ended(pid, HANG_GUARD_S) for pid in pids)


def test_a_pass_that_does_not_end_after_its_window_is_killed_is_ended_cleanly_and_prints_nothing():
    """An orphaned pass still running after its grace (its main thread waiting on a worker) is
    ended as the window ends a pass it gives up on: SIGTERM, its workers killed, its semaphores
    unlinked as it leaves (ended outright with os._exit, it left them to the resource tracker,
    which warned of a leaked semaphore on the terminal)."""
    pids, err = _kill_the_window_while_its_pass_runs("stuck_pass.py")
    assert len(pids) == 2, "the pass ended before its worker ran"
    assert err == ""
    assert all(ended(pid, HANG_GUARD_S) for pid in pids)
