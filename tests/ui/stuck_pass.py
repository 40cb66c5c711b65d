"""Run as a script (``python stuck_pass.py``): a background pass (:mod:`editor.ui.episode_pass`)
whose work does not heed cancelling (it waits on a worker process of its own, as a pass waits on
its pool's workers starting slowly on a loaded machine) and holds a named semaphore, as a pass's
pool does; its window (this script) is killed while the pass waits.

Once the worker runs, the script prints the process ids of the pass's process and of its worker,
one a line, then ``running``, and waits to be killed. Those processes (and the resource tracker the
pass starts) write to this script's stderr: whoever reads it to its end waits for all of them
(tests/ui/test_episode_pass_cancel.py).
Imports stay inside functions: every spawned process imports this file again as its main module.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

GIVE_UP_S = 1.0     # how long the orphaned pass is given to end by itself (the app's EXIT_WAIT_S is 10 s)

if __name__ == "__mp_main__":     # this file imported again by the pass's process: it gives up on the window sooner
    from editor.ui import episode_pass
    episode_pass.EXIT_WAIT_S = GIVE_UP_S


def _sleep_forever() -> None:
    """The pass's worker: busy for good (it ends with the pass, as the pool's workers do)."""
    from editor.align import worker_start
    worker_start.begin()
    while True:
        time.sleep(1)


def waiting_on_its_worker(progress, cancelled):
    """A pass's work: a named semaphore (unlinked when the process leaves normally), and a wait on a
    worker process that ends only when it is killed."""
    import multiprocessing
    context = multiprocessing.get_context("spawn")
    held = context.Lock()
    worker = context.Process(target=_sleep_forever, name="stuck worker")
    worker.start()
    progress(os.getpid(), worker.pid)
    worker.join()
    del held
    yield from ()


def main() -> None:
    from editor.ui import episode_pass

    def tell(pass_pid: int, worker_pid: int) -> None:
        print(pass_pid, worker_pid, "running", sep="\n", flush=True)

    for _item in episode_pass.run(waiting_on_its_worker, progress=tell):
        pass
    print("finished before it was killed", flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
