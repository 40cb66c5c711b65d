"""Run as a script (``python closing_window.py FOLDER``): the application (``editor.ui.app.main``) on
the sample episode with its audio, whose alignment's workers are loading PocketSphinx's model
when the window is closed; the model (``POCKETSPHINX_PATH``, tests/ui/model_folders.py) never
finishes loading.

The script prints the process ids of the pass's process and its workers, one a line, then
``closing`` when it closes the window, and ``ended CODE`` when ``main()`` returns. Whoever waits
for the script waits for its interpreter's exit too, which waits for the processes multiprocessing
started (tests/ui/test_window_exit.py). Imports stay inside functions: every spawned process
imports this file again as its main module.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
PASS_NAME = "transcript-editor pass"      # the name episode_pass gives its process


def main(folder: str) -> None:
    import multiprocessing

    from cancelled_pass import children_of
    from model_folders import loading_the_model
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from editor.ui import episode_pass
    from editor.ui.app import main as run_app
    from editor.ui.main_window import MainWindow

    # A pass whose process does not end by itself hangs this script (the test's guard fails it)
    # rather than being ended by the window after its usual wait.
    episode_pass.EXIT_WAIT_S = 600
    app = QApplication([])
    blocked: dict[int, int] = {}

    def close_once_loading() -> None:
        passes = [p for p in multiprocessing.active_children() if p.name == PASS_NAME]
        workers = [w for p in passes for w in children_of(p.pid)]
        for worker in workers:      # asleep in openat for a few looks in a row: waiting on the model
            blocked[worker] = blocked.get(worker, 0) + 1 if loading_the_model(worker) else 0
        if not workers or not any(count >= 5 for count in blocked.values()):
            QTimer.singleShot(50, close_once_loading)
            return
        print(*[p.pid for p in passes], *workers, "closing", sep="\n", flush=True)
        window = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()][-1]
        window.close()
        app.quit()

    QTimer.singleShot(100, close_once_loading)
    code = run_app([str(SAMPLE / "sample-episode.txt"), str(SAMPLE / "sample-episode.ogg")])
    print(f"ended {code}", flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main(sys.argv[1])
