"""Run as a script (``python orphaned_pass.py FOLDER``): a whole-episode alignment pass
(:mod:`editor.ui.episode_pass`) of a short espeak-ng episode, whose window (this script) is killed
while the pass's workers run.

Once the pass's process has started a worker, the script prints the process ids of the pass's
process and of its workers, one a line, then ``running``, and waits to be killed. The pass's
process and its workers write to this script's stderr: whoever reads it to its end waits for all of
them (tests/ui/test_episode_pass_cancel.py).
Imports stay inside functions: every spawned process imports this file again as its main module.
"""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from cancelled_pass import PASS_NAME, _episode, children_of  # noqa: E402


def main(folder: str) -> None:
    from editor.align.batch import align_transcript, plan_jobs
    from editor.ui import episode_pass

    wav, segments, duration = _episode(Path(folder), turns=12)
    jobs = plan_jobs(segments, duration)
    told = []

    def tell_once_a_worker_runs() -> bool:
        if not told:
            for process in multiprocessing.active_children():
                workers = children_of(process.pid) if process.name == PASS_NAME else []
                if workers:
                    print(*[process.pid, *workers], "running", sep="\n", flush=True)
                    told.append(True)
        return False

    for _item in episode_pass.run(align_transcript, str(wav), jobs, workers=2, cancelled=tell_once_a_worker_runs):
        pass
    print("finished before it was killed", flush=True)


if __name__ == "__main__":
    main(sys.argv[1])
