"""How long the application takes to end after its window is closed while the alignment pass's
workers are still starting (importing and loading PocketSphinx at low priority).

Run: ``.venv/bin/python tests/bench/bench_exit.py [--runs N] [--hogs K]``. Each run starts the
application the way ``transcript-editor sample-episode.txt sample-episode.ogg`` does (fresh HOME and
settings, offscreen), waits until the alignment pass's process has started its worker processes,
closes the window and quits, and prints:

* ``exit``: from the close to the application's process having ended (what a producer waits for);
* ``tree``: from the close to every process of the pass (its driver and its workers) having ended.

``--hogs K`` runs K busy processes at normal priority meanwhile (each of this machine's cores kept
busy, as other programs do): the pass's workers run niced, so it is then that they load slowest.
Say the load (``/proc/loadavg``) with any figure; compare branches in interleaved runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"

_CHILD = r"""
import os, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.ui.app import main
from editor.ui.main_window import MainWindow
import multiprocessing

def children(pid):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return found

def look():
    passes = [p for p in multiprocessing.active_children() if p.name == "transcript-editor pass"]
    workers = [w for p in passes for w in children(p.pid)]
    if not workers:
        QTimer.singleShot(20, look)
        return
    print("TREE", *[p.pid for p in passes], *workers, flush=True)
    window = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()][-1]
    print("CLOSING", time.monotonic(), flush=True)
    window.close()
    app.quit()

QTimer.singleShot(200, look)
sys.exit(main(sys.argv[1:]))
"""


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False


def one_run() -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, HOME=home, XDG_DATA_HOME=f"{home}/data", XDG_CACHE_HOME=f"{home}/cache",
                   XDG_CONFIG_HOME=f"{home}/config", QT_QPA_PLATFORM="offscreen",
                   TRANSCRIPT_EDITOR_SETTINGS=f"{home}/s.ini", PYTHONPATH=str(ROOT))
        app = subprocess.Popen([sys.executable, "-c", _CHILD, str(SAMPLE / "sample-episode.txt"),
                                str(SAMPLE / "sample-episode.ogg")], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT)
        assert app.stdout is not None
        tree: list[int] = []
        closing = None
        for line in app.stdout:
            if line.startswith("TREE "):
                tree = [int(pid) for pid in line.split()[1:]]
            elif line.startswith("CLOSING "):
                closing = float(line.split()[1])
                break
        assert closing is not None, "the window closed before the pass started its workers"
        app.wait(timeout=600)
        exited = time.monotonic() - closing
        while any(_alive(pid) for pid in tree):
            time.sleep(0.01)
        ended = time.monotonic() - closing
        app.stdout.close()
        return exited, ended


def _hog() -> None:
    while True:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hogs", type=int, default=0)
    options = parser.parse_args()
    import multiprocessing
    hogs = [multiprocessing.Process(target=_hog, daemon=True) for _ in range(options.hogs)]
    for hog in hogs:
        hog.start()
    try:
        print(f"load before: {Path('/proc/loadavg').read_text().split()[:3]}, hogs: {options.hogs}")
        exits, trees = [], []
        for _ in range(options.runs):
            exited, ended = one_run()
            exits.append(exited)
            trees.append(ended)
            print(f"exit {exited:6.2f} s   tree {ended:6.2f} s", flush=True)
        print(f"median: exit {statistics.median(exits):.2f} s, tree {statistics.median(trees):.2f} s; "
              f"load after: {Path('/proc/loadavg').read_text().split()[:3]}")
    finally:
        for hog in hogs:
            hog.kill()


if __name__ == "__main__":
    main()
