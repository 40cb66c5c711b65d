"""`suggest` stopped mid-way (Ctrl+C in its terminal, or SIGTERM) ends its worker processes and
leaves quietly: no traceback (its own, its workers' or its pool's as the process exits), the exit
code the command line documents (130, 143), no process left behind (tests/suggest_stopped.py).

The race of Python 3.11's process pool with its process's exit (tests/ui/late_pool_end.py) is
widened in the command's process: the command's workers are not that pool's, so nothing prints."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "ui"))
from cancelled_pass import children_of  # noqa: E402
from process_ends import ended  # noqa: E402

HANG_GUARD_S = 300      # the episode's passes take seconds; a command that never ends fails here
POLL_S = 0.05


def _workers(pid: int) -> list[int]:
    """The worker processes *pid* has started (spawned Python processes, not multiprocessing's resource tracker)."""
    found = []
    for child in children_of(pid):
        try:
            command = Path(f"/proc/{child}/cmdline").read_bytes()
        except OSError:
            continue
        if b"spawn_main" in command:
            found.append(child)
    return found


def _ignores_ctrl_c(pid: int) -> bool:
    """Whether *pid* ignores SIGINT now (the command does while it starts a worker, so that the worker
    starts ignoring it: a Ctrl+C in those milliseconds is lost, and the test's would be)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    ignored = int(next(line.split()[1] for line in status.splitlines() if line.startswith("SigIgn:")), 16)
    return bool(ignored & (1 << (signal.SIGINT - 1)))


def _stopped_mid_way(tmp_path, how, workers_seen: int = 2) -> tuple[subprocess.CompletedProcess, list[int]]:
    """Run the command, *how(process)* once *workers_seen* of its workers have been started, and
    return its end and the workers' ids."""
    command = subprocess.Popen([sys.executable, str(Path(__file__).with_name("suggest_stopped.py")), str(tmp_path)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                               env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "LATE_POOL_END": "1"})
    try:
        for _poll in range(int(HANG_GUARD_S / POLL_S)):
            if len(workers := _workers(command.pid)) >= workers_seen and not _ignores_ctrl_c(command.pid):
                break
            assert command.poll() is None, command.communicate()
            time.sleep(POLL_S)      # polling /proc: nothing to wait on for another process's children
        else:
            pytest.fail("the command's workers never started")
        how(command)
        out, err = command.communicate(timeout=HANG_GUARD_S)
    finally:
        if command.poll() is None:
            os.killpg(command.pid, signal.SIGKILL)
    return subprocess.CompletedProcess(command.args, command.returncode, out, err), workers


@pytest.mark.parametrize("workers_seen", [1, 2], ids=["as its first worker starts", "with both workers started"])
def test_ctrl_c_mid_way_ends_the_workers_quietly_with_130(tmp_path, workers_seen):
    # Ctrl+C reaches every process of the terminal's foreground group: the command and its workers,
    # also one still starting (whose Python, not ignoring it yet, printed a "Fatal Python error").
    done, workers = _stopped_mid_way(tmp_path, lambda command: os.killpg(command.pid, signal.SIGINT), workers_seen)
    assert done.stderr == ""     # whole: what a worker printed is the clue
    assert done.returncode == 130
    assert all(ended(pid, HANG_GUARD_S) for pid in workers)


def test_sigterm_mid_way_ends_the_workers_quietly_with_143(tmp_path):
    done, workers = _stopped_mid_way(tmp_path, lambda command: command.send_signal(signal.SIGTERM))
    assert done.stderr == ""
    assert done.returncode == 143
    assert all(ended(pid, HANG_GUARD_S) for pid in workers)
