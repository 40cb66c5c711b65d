"""CPU of reading the 12,000-cue SRT the way the window gets it at start-up, paired with another checkout.

Run: ``.venv/bin/python tests/bench/bench_open_read.py [--runs N] [--root DIR]``. Each run is a fresh
interpreter per checkout, the two interleaved (``--root DIR``: the other checkout, e.g. made by
``git archive REV | tar -x -C DIR``), so both meet the same load; the load average is printed with them.
In each interpreter, the best of 5 of:

* read: ``read_file`` of the peer harness's 12,000-cue SRT (``gen_srt.py``; see ``bench_peers.py``),
  detection and merging into turns included, as the start-up's child process reads it;
* send: ``editor.core.pickled.dumps`` of the result, as the child sends it;
* load: ``editor.core.pickled.loads`` of that, as the window's process takes it
  (``editor.ui.files.preload``);
* bytes: the size of what is sent.

CPU time of the process (``time.process_time``), in ms. Only the file's read: the window's start-up
is ``bench_startup.py`` (where its CPU goes) and ``startup_timeline.py`` (where its wall time goes).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

ONE_RUN = r"""
import gc, json, sys, time
from editor.core import pickled
from editor.formats import read_file

def best(action):
    spent = []
    for _ in range(5):
        start = time.process_time()
        action()
        spent.append(time.process_time() - start)
    return min(spent) * 1000

path = sys.argv[1]
result = read_file(path)
sent = pickled.dumps(("read", result))
gc.disable()   # as the window loads it: no collections while ~10^5 objects arrive
figures = {"read": best(lambda: read_file(path)), "send": best(lambda: pickled.dumps(("read", result))),
           "load": best(lambda: pickled.loads(sent)), "bytes": len(sent)}
print("RESULT " + json.dumps(figures))
"""


def one_run(root: Path, srt: Path) -> dict | None:
    env = dict(os.environ, PYTHONPATH=str(root))
    done = subprocess.run([sys.executable, "-c", ONE_RUN, str(srt)], capture_output=True, text=True, env=env,
                          cwd=root)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    if not lines:
        print(f"{root}: {done.stderr[-2000:]}", file=sys.stderr)
        return None
    return json.loads(lines[-1][len("RESULT "):])


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    roots = {"this": ROOT}
    if "--root" in sys.argv:
        roots["other"] = Path(sys.argv[sys.argv.index("--root") + 1]).resolve()
    sys.path.insert(0, str(HERE))
    from bench_peers import workdir
    srt = workdir() / "data" / "cues_12000.srt"
    figures: dict[str, list[dict]] = {name: [] for name in roots}
    loads = []
    for _ in range(runs):
        loads.append(os.getloadavg()[0])
        for name, root in roots.items():
            got = one_run(root, srt)
            if got is not None:
                figures[name].append(got)
    print(f"12,000-cue SRT, {runs} interleaved runs; CPU ms, median (min-max) of each run's best of 5\n")
    print("| checkout | read | send | load | bytes sent |\n|---|---:|---:|---:|---:|")
    for name, got in figures.items():
        if not got:
            continue
        cells = [_span([g[key] for g in got]) for key in ("read", "send", "load")]
        print(f"| {name} ({roots[name]}) | {' | '.join(cells)} | {got[0]['bytes']:,} |")
    print(f"\nLoad average (1 min) before each run: {', '.join(f'{x:.1f}' for x in loads)} "
          f"({os.cpu_count()} cores)")


def _span(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} ({min(values):.1f}-{max(values):.1f})"


if __name__ == "__main__":
    main()
