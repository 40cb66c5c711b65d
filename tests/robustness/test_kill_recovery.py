"""Kill the editing process with SIGKILL at random moments; the restored episode must lose nothing.

A real subprocess (:mod:`edit_driver`) runs a deterministic edit script through
the journal, printing ``seq N`` after each edit's journal write returned, with
autosave snapshots and saves along the way. We SIGKILL it at a random moment,
restore (last save or snapshot + journal replay, as the next start would) and
compare with the state the same script reaches in-process: the restored state
must be exactly the state after some edit k >= the last one reported.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edit_script import fingerprint, fingerprints, fixture_transcript, generate, save_script  # noqa: E402

from editor.core import project  # noqa: E402
from editor.session import recovery  # noqa: E402

pytestmark = pytest.mark.slow   # dozens of SIGKILLed processes

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
KILLS = int(os.environ.get("TE_KILLS", "36"))
SCRIPT_LENGTH = 1200


@pytest.fixture(scope="module")
def episode(tmp_path_factory):
    """The base project, the script and the fingerprint after every action."""
    folder = tmp_path_factory.mktemp("kill")
    base = folder / "base.tep.json"
    project.save(fixture_transcript(), base)
    script = generate(project.load(base).transcript, SCRIPT_LENGTH, seed=11)
    save_script(script, folder / "script.jsonl")
    prints = fingerprints(project.load(base).transcript, script)
    return folder, base, prints


def _start(project_path: Path, script: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(HERE / "edit_driver.py"), str(project_path), str(script),
                             *extra], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)


def _restore(project_path: Path):
    """What the next start does: offer the journal if there is one, else open the save."""
    pending = recovery.find_for(project_path)
    if pending is None:
        return project.load(project_path).transcript, None
    assert pending.recoverable, pending.problem
    return pending.recover(), pending


def _kill_at(process: subprocess.Popen, target_seq: int, delay_s: float) -> bytes:
    """Read *process*'s reports until edit *target_seq*, SIGKILL it *delay_s* later; all it printed."""
    assert process.stdout.readline().strip() == b"ready", process.stderr.read().decode()
    # Kill at a random point of the script, not after a random wall time: a fast machine
    # finishes the whole script within a second. A few ms after the chosen edit's report the
    # driver is somewhere inside a later edit (or its journal write) -- the moment that matters.
    early = []   # report lines read while waiting, kept for the check below
    while True:
        line = process.stdout.readline()
        early.append(line)
        parts = line.split()
        if not line or (len(parts) == 2 and parts[0] == b"seq" and int(parts[1]) >= target_seq):
            break
    time.sleep(delay_s)
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=10)
    assert process.returncode == -signal.SIGKILL, err.decode()  # killed, not finished or crashed
    return b"".join(early) + out


def test_sigkill_at_random_moments_loses_no_edit(episode, tmp_path):
    folder, base, prints = episode
    rng = random.Random(2024)
    started = time.monotonic()
    survived, torn, from_snapshot, reported = 0, 0, 0, []
    # Each kill's settings, drawn in the order one kill after another would draw them.
    plans = [(["--autosave-every", str(rng.choice([7, 25, 60])), "--save-every", str(rng.choice([90, 250, 100000])),
               "--pause-ms", str(rng.choice([0.3, 0.6, 1.0]))],
              rng.randrange(1, SCRIPT_LENGTH - 200), rng.uniform(0.0, 0.005)) for _ in range(KILLS)]
    # Two victims at a time, each watched by its own thread (a kill still lands at its chosen edit):
    # the drivers keep both cores busy while this process waits on their reports.
    with ThreadPoolExecutor(max_workers=2) as pool:
        for pair in range(0, KILLS, 2):
            running = []
            for attempt in range(pair, min(pair + 2, KILLS)):
                work = tmp_path / f"run{attempt}"
                work.mkdir()
                target = work / "episode.tep.json"
                shutil.copy(base, target)
                options, target_seq, delay = plans[attempt]
                process = _start(target, folder / "script.jsonl", *options)
                running.append((attempt, target, pool.submit(_kill_at, process, target_seq, delay)))
            for attempt, target, killed in running:
                out = killed.result()
                lines = [line.split() for line in out.decode().splitlines()]
                last = max((int(parts[1]) for parts in lines if len(parts) == 2 and parts[0] == "seq"), default=0)
                reported.append(last)

                restored, pending = _restore(target)
                mark = fingerprint(restored)
                if pending is not None:
                    k = pending.last_seq
                    torn += pending.torn
                    from_snapshot += pending.base.kind == "snapshot"
                    assert k >= last, f"run {attempt}: journal ends at edit {k}, but edit {last} was reported"
                    assert prints[k] == mark, f"run {attempt}: restored state differs from the state after edit {k}"
                else:   # killed right after a save: the project itself must hold every reported edit
                    assert mark in prints[last:], f"run {attempt}: the saved project lacks reported edits"
                survived += 1
    elapsed = time.monotonic() - started
    print(f"\nkills survived: {survived}/{KILLS}; edits reported before the kill: "
          f"min {min(reported)}, median {sorted(reported)[len(reported) // 2]}, max {max(reported)}; "
          f"torn tails ignored: {torn}; restored from an autosave snapshot: {from_snapshot}; {elapsed:.1f} s")
    assert survived == KILLS
    assert max(reported) > 50, "the kills all came before any edit: the test proves nothing"


def test_restored_work_can_continue_and_be_restored_again(episode, tmp_path):
    """Kill, resume journaling on the restored state, kill again: still nothing lost."""
    folder, base, prints = episode
    target = tmp_path / "episode.tep.json"
    shutil.copy(base, target)
    process = _start(target, folder / "script.jsonl", "--autosave-every", "20")
    assert process.stdout.readline().strip() == b"ready"
    while True:   # let a few hundred edits happen
        line = process.stdout.readline().split()
        if line and line[0] == b"seq" and int(line[1]) >= 300:
            break
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=10)
    pending = recovery.find_for(target)
    recovered = pending.load()
    assert recovered.last_seq >= 300
    journal = pending.resume(fsync_interval=None)
    # Carry on where it stopped (the rest of the script is still valid from that state).
    from edit_script import UndoHistory, apply_action, load_script
    script = load_script(folder / "script.jsonl")
    transcript = recovered.transcript
    history = UndoHistory()
    # Undo/redo need the history the killed process had: replay only plain edits after the cut.
    for action in script[recovered.last_seq:recovered.last_seq + 100]:
        if action[0] in ("undo", "redo"):
            continue
        try:
            apply_action(transcript, action, lambda op: journal.run(transcript, op), history)
        except (ValueError, IndexError):
            continue   # an action that depended on a skipped undo
    expected = fingerprint(transcript)
    os.close(journal._fd)   # the process "dies": no close(), no fsync
    journal._closed = True
    again = recovery.find_for(target)
    assert again.recoverable and again.last_seq == journal.seq
    assert fingerprint(again.recover()) == expected
