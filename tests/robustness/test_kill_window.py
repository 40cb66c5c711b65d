"""SIGKILL the real application (``python -m editor PROJECT``) again and again; every restart restores all edits.

A chain of rounds on one project, as a producer whose machine keeps dying would live it:

1. start the real window offscreen on the project, with the scripted-session
   driver (``tests/robustness/scripted_session.py``): it presses Restore in the restore
   offer (from the second round on), dumps what the window then shows, prints
   ``ready <seq>`` and makes the round's edits through the window's own undo
   stack and command classes (typing merges, undo/redo as the Undo key does),
   printing ``seq <n>`` after each edit's journal line was written, with
   autosave snapshots along the way;
2. SIGKILL it at a random moment;
3. in the test: restore as the next start does (last save or snapshot + the
   journal) and compare with the state the same edits reach in-process: the
   restored state must be exactly the state after some edit k >= the last
   one the killed window reported (zero lost edits), and the next round's
   window must show exactly that state after its own Restore.

Each round's edits are generated from the state the previous one restored.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edit_script import fingerprint, fixture_transcript, generate, run_script, save_script  # noqa: E402

from editor.core import project  # noqa: E402
from editor.session import recovery  # noqa: E402

pytestmark = pytest.mark.slow   # the real window SIGKILLed again and again

ROOT = Path(__file__).resolve().parents[2]
KILLS = int(os.environ.get("TE_WINDOW_KILLS", "20"))
SCRIPT_LENGTH = 900
START_TIMEOUT_S = 30
EDITS_TIMEOUT_S = 120    # a hang guard: the edits a round waits for take a second or two


class _Window:
    """The application on PROJECT driven by ``scripted_session.py``; its stdout read on a thread."""

    def __init__(self, target: Path, script: Path, dump: Path, folder: Path, restore: bool, autosave_every: int):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT),
                   TRANSCRIPT_EDITOR_SETTINGS=str(folder / "settings.ini"),
                   TRANSCRIPT_EDITOR_DATA_DIR=str(folder / "data"),
                   TRANSCRIPT_EDITOR_TEST_EDITS=str(script), TRANSCRIPT_EDITOR_TEST_DUMP=str(dump),
                   TRANSCRIPT_EDITOR_TEST_RESTORE="1" if restore else "0",
                   TRANSCRIPT_EDITOR_TEST_AUTOSAVE_EVERY=str(autosave_every))
        driver = Path(__file__).resolve().parent / "scripted_session.py"
        self.process = subprocess.Popen([sys.executable, str(driver), str(target)], env=env, cwd=ROOT,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.last_seq = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            parts = line.split()
            if len(parts) == 2 and parts[0] == "seq":
                self.last_seq = int(parts[1])   # the journal line of this edit is on disk
            else:
                self.lines.put(line.strip())

    def wait_ready(self) -> int:
        try:
            line = self.lines.get(timeout=START_TIMEOUT_S)
        except queue.Empty:
            self.process.kill()
            raise AssertionError(f"the window never got ready: {self.process.stderr.read()[-3000:]}") from None
        assert line.startswith("ready "), (line, self.process.stderr.read()[-3000:])
        return int(line.split()[1])

    def kill(self) -> int:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)
        self._reader.join(10)
        assert self.process.returncode == -signal.SIGKILL, self.process.stderr.read()[-3000:]
        return self.last_seq


def _restore(target: Path):
    """What the next start restores: (transcript, last seq) from the save + journal."""
    pending = recovery.find_for(target)
    if pending is None:
        return project.load(target).transcript, 0
    assert pending.recoverable, pending.problem
    return pending.recover(), pending.last_seq


def test_window_killed_at_random_moments_loses_no_edit(tmp_path):
    rng = random.Random(77)
    target = tmp_path / "episode.tep.json"
    project.save(fixture_transcript(), target)
    state, seq = _restore(target)      # the state the next round starts from, and its journal seq
    started = time.monotonic()
    survived, edits, reported, from_snapshot = 0, 0, [], 0
    for round_number in range(KILLS + 1):
        final = round_number == KILLS  # one more start: only restore and show
        script = [] if final else generate(_restore(target)[0], SCRIPT_LENGTH, seed=round_number)
        script_path = tmp_path / f"script{round_number}.jsonl"
        save_script(script, script_path)
        dump = tmp_path / f"shown{round_number}.tep.json"
        window = _Window(target, script_path, dump, tmp_path, restore=round_number > 0,
                         autosave_every=rng.choice([7, 25, 60, 10_000]))
        ready_seq = window.wait_ready()
        # The window shows exactly what the killed one had journaled (its Restore, not ours).
        assert ready_seq == seq, f"round {round_number}: restored up to edit {ready_seq}, expected {seq}"
        assert fingerprint(project.load(dump).transcript) == fingerprint(state), \
            f"round {round_number}: the restored window differs from the journal's state"
        if final:
            window.kill()
            break
        # Killed once a random number of edits is journaled, at a random moment after that (in the
        # middle of the next edit, its journal line, an autosave): counted in edits, not in seconds,
        # so a loaded machine (slower edits) does not turn most kills into kills before any edit.
        wanted = ready_seq + rng.randint(0, 80)
        deadline = time.monotonic() + EDITS_TIMEOUT_S      # a hang guard
        while window.last_seq < wanted and window.process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.05))
        last = window.kill()
        reported.append(last - ready_seq)

        restored, restored_seq = _restore(target)
        assert restored_seq >= last, f"round {round_number}: journal ends at {restored_seq}, window reported {last}"
        done = restored_seq - ready_seq
        expected = state
        run_script(expected, script[:done])          # the same edits in-process, from the round's start
        assert fingerprint(restored) == fingerprint(expected), \
            f"round {round_number}: the restored state is not the state after edit {restored_seq}"
        pending = recovery.find_for(target)
        from_snapshot += pending is not None and pending.base.kind == "snapshot"
        state, seq = restored, restored_seq
        edits += done
        survived += 1
    elapsed = time.monotonic() - started
    print(f"\nwindow kills survived: {survived}/{KILLS}; edits made and restored: {edits} "
          f"(per round: min {min(reported)}, median {sorted(reported)[len(reported) // 2]}, max {max(reported)}); "
          f"restores from an autosave snapshot: {from_snapshot}; {KILLS + 1} starts in {elapsed:.1f} s")
    assert survived == KILLS
    assert sum(1 for n in reported if n > 20) >= KILLS // 2, "most kills came before any edit: proves little"
