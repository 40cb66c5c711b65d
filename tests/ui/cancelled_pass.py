"""Run as a script (``python cancelled_pass.py FOLDER``): whole-episode alignment passes
(:mod:`editor.ui.episode_pass`) of a short espeak-ng episode, each cancelled right after it starts
(``FOLDER --given-up``: one pass, ended by the window instead of waited for; ``FOLDER --stalled``:
one pass cancelled while its workers wait on a model that never loads, tests/ui/model_folders.py).

The pass's process and its pool's workers write to this script's stderr, and whoever reads this
script's output to its end waits for all of them: tests/ui/test_episode_pass_cancel.py reads both.
Imports stay inside functions: every spawned process imports this file again as its main module.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

PASS_NAME = "transcript-editor pass"      # the name episode_pass gives its process

if __name__ == "__mp_main__" and os.environ.get("LATE_POOL_END"):
    # In the pass's process (and its workers, which have no pool): its pool's manager thread
    # closes its wake-up pipe late, and the exit hook writes to it late (tests/ui/late_pool_end.py).
    import late_pool_end
    late_pool_end.install()


def _episode(folder: Path, turns: int = 6):
    """A wav of *turns* spoken sentences, the transcript's segments and the audio's length (ms)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import timing_audio as speech

    audio, segments, length_ms = speech.spoken_turns(turns, seed=3, words_per=(4, 7), start_early_ms=200)
    return speech.write_wav(folder / "episode.wav", audio), segments, length_ms


def children_of(pid: int) -> list[int]:
    """The processes *pid* has started that are still there (read from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:      # ended meanwhile
            continue
        # "pid (name) state ppid ...": the name may hold spaces and parentheses
        if int(stat.rpartition(")")[2].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _a_worker_is_starting() -> bool:
    return any(children_of(p.pid) for p in multiprocessing.active_children() if p.name == PASS_NAME)


def given_up(folder: str) -> None:
    """A pass cancelled as its first worker starts, which the window does not wait for at all (as
    when its workers take longer than ``EXIT_WAIT_S`` to end, on a loaded machine): it is ended
    with SIGTERM while its pool is starting."""
    from editor.align.batch import align_transcript, plan_jobs
    from editor.ui import episode_pass

    episode_pass.EXIT_WAIT_S = 0
    wav, segments, duration = _episode(Path(folder))
    items = list(episode_pass.run(align_transcript, str(wav), plan_jobs(segments, duration), workers=2,
                                  cancelled=_a_worker_is_starting))
    print(f"given up on as its first worker started: {len(items)} turns")


def stalled(folder: str) -> None:
    """A pass cancelled while its workers are loading PocketSphinx's model, which never finishes
    (``POCKETSPHINX_PATH``, set by the caller): its workers are ended, not waited for."""
    from model_folders import loading_the_model

    from editor.align.batch import align_transcript, plan_jobs
    from editor.ui import episode_pass

    episode_pass.EXIT_WAIT_S = 600      # a pass that waits for its workers hangs this script
    wav, segments, duration = _episode(Path(folder))
    looks: dict[int, int] = {}

    def a_worker_waits_on_the_model() -> bool:
        for process in multiprocessing.active_children():
            for worker in children_of(process.pid) if process.name == PASS_NAME else []:
                looks[worker] = looks.get(worker, 0) + 1 if loading_the_model(worker) else 0
        return any(count >= 5 for count in looks.values())

    items = list(episode_pass.run(align_transcript, str(wav), plan_jobs(segments, duration), workers=2,
                                  cancelled=a_worker_waits_on_the_model))
    print(f"cancelled as its workers loaded the model: {len(items)} turns")


def main(folder: str) -> None:
    from editor.align.batch import align_transcript, plan_jobs
    from editor.ui import episode_pass

    # A pass's process that does not end by itself hangs this script (the test's guard fails it)
    # rather than being ended by the window's side after its usual wait.
    episode_pass.EXIT_WAIT_S = 600
    wav, segments, duration = _episode(Path(folder))
    jobs = plan_jobs(segments, duration)

    items = list(episode_pass.run(align_transcript, str(wav), jobs, workers=2, cancelled=_a_worker_is_starting))
    print(f"cancelled as its first worker started: {len(items)} of {len(jobs)} turns")

    items = []
    for item in episode_pass.run(align_transcript, str(wav), jobs, workers=2, cancelled=lambda: bool(items)):
        items.append(item)
    print(f"cancelled after its first turn: {len(items)} of {len(jobs)} turns")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    if sys.argv[2:] == ["--given-up"]:
        given_up(sys.argv[1])
    elif sys.argv[2:] == ["--stalled"]:
        stalled(sys.argv[1])
    else:
        main(sys.argv[1])
