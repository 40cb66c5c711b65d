"""Wall-time timeline of opening the 12,000-cue SRT, launched the way the peer harness launches it.

Run: ``.venv/bin/python tests/bench/startup_timeline.py [--runs N] [--child | --thread]``. Needs the peer
harness (``../shared/peerbench``, or ``PEERBENCH=/path``; see ``bench_peers.py``). Each run starts the app
through ``open_time.sh`` exactly as ``bench_peers.py`` does (private Xvfb, xcb, fresh HOME, compiled
bytecode), but with a launcher that notes, in the app's own process, when each step of the start-up
begins and ends (wall time since the process started, and the GUI thread's CPU meanwhile), which threads
ran, and each pause of the garbage collector. Prints medians over the runs: the harness's figures, then
one row per step with its wall time, the GUI thread's CPU in it and the difference (the GUI thread
waiting: on the X server, on a lock, on the GIL another thread held, or for a CPU on a busy machine).

``bench_startup.py`` says where the GUI thread's CPU goes (module bodies, enums); this says where the
wall time goes. ``--child`` / ``--thread`` force where the file is read (by default: as the app decides
from the load average, ``editor.ui.files.preload``): on a busy machine the app reads on a thread, on a
quiet one in a child process. The launcher's own bookkeeping costs a few ms of CPU.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = HERE / "out" / "timeline"

# The launcher run in the app's process: `python -c LAUNCHER FILE` then starts the window as
# `transcript-editor FILE` does. Steps are noted by wrapping functions when their module is loaded.
LAUNCHER = r"""
import gc, importlib.abc, json, os, sys, threading, time
log_path, read_in = os.environ["TIMELINE_LOG"], os.environ.get("TIMELINE_READ")
with open("/proc/self/stat") as f:   # the process's start, so times count from the exec as the harness's do
    started = int(f.read().rsplit(")", 1)[1].split()[19]) / os.sysconf("SC_CLK_TCK")
offset = time.clock_gettime(time.CLOCK_BOOTTIME) - started - time.monotonic()
events = []

def note(kind, what, **extra):
    events.append(dict(kind=kind, what=what, t=time.monotonic() + offset, cpu=time.thread_time(),
                       thread=threading.current_thread().name, **extra))

STEPS = {   # module -> functions whose calls are steps
    "editor.ui.app": ["import_qt_free_layers", "set_desktop_identity"],
    "editor.ui.files.preload": ["start"],
    "editor.ui.main_window": ["MainWindow.__init__", "MainWindow.show", "MainWindow.open_path"],
    "editor.ui.document.transcript_view": ["TranscriptView.paintEvent"],
}
IMPORTS = {"PySide6", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "editor.ui.main_window"}

def wrap(module, path):
    owner = module
    *outer, name = path.split(".")
    for part in outer:
        owner = getattr(owner, part)
    function = getattr(owner, name)
    def step(*args, **kwargs):
        note("begin", path)
        try:
            result = function(*args, **kwargs)
            if path == "start":   # the file's read: in a child process (ChildRead) or on a thread (Preload)
                note("mark", "read in " + type(result).__name__)
            return result
        finally:
            note("end", path)
            if path == "TranscriptView.paintEvent":
                dump()   # the harness ends the app soon after: what is noted so far is kept
    setattr(owner, name, step)

class Steps(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name not in STEPS and name not in IMPORTS:
            return None
        for finder in sys.meta_path:
            spec = None if finder is self else getattr(finder, "find_spec", lambda *a: None)(name, path, target)
            if spec is not None and spec.loader is not None:
                run = spec.loader.exec_module
                def exec_module(module, run=run, name=name):
                    note("begin", "import " + name)
                    run(module)
                    note("end", "import " + name)
                    for function in STEPS.get(name, ()):
                        wrap(module, function)
                spec.loader.exec_module = exec_module
                return spec
        return None

sys.meta_path.insert(0, Steps())
gc.callbacks.append(lambda phase, info: note("begin" if phase == "start" else "end", "gc"))
thread_start = threading.Thread.start
def start_thread(self):
    run, name = self.run, self.name
    def noted():
        note("begin", "thread " + name)
        try:
            run()
        finally:
            note("end", "thread " + name)
    self.run = noted
    thread_start(self)
threading.Thread.start = start_thread

def dump():
    with open(log_path, "w") as f:
        json.dump(events, f)

import atexit
atexit.register(dump)
if read_in:
    import editor.ui.files.preload as preload
    preload.core_to_spare = lambda: read_in == "child"
note("mark", "launcher ready")
from editor.__main__ import main
sys.exit(main(sys.argv[1:]))
"""

# The rows printed, in order: (label, kind of span, what); a span runs from the first "begin" of
# `what` on the GUI thread to its matching "end".
ROWS = [
    ("Python and the launcher", "to", "launcher ready"),
    ("Qt-free modules (before PySide)", "step", "import_qt_free_layers"),
    ("PySide6 package (shiboken, signature support)", "step", "import PySide6"),
    ("QtCore, QtGui, QtWidgets", "steps", ("import PySide6.QtCore", "import PySide6.QtWidgets")),
    ("QApplication made (X connection) to icon", "between", ("import PySide6.QtWidgets", "set_desktop_identity")),
    ("window icon", "step", "set_desktop_identity"),
    ("window's modules imported", "step", "import editor.ui.main_window"),
    ("window built", "step", "MainWindow.__init__"),
    ("window shown", "step", "MainWindow.show"),
    ("event loop's first turn until the file opens", "between", ("MainWindow.show", "MainWindow.open_path")),
    ("file opened into the model", "step", "MainWindow.open_path"),
    ("until the transcript paints", "between", ("MainWindow.open_path", "TranscriptView.paintEvent")),
    ("transcript's first paint", "step", "TranscriptView.paintEvent"),
]


def spans(events: list[dict]) -> dict:
    """(start, end, GUI-thread CPU) of each step's first run on the GUI thread, and the threads."""
    main = [e for e in events if e["thread"] == "MainThread"]
    first: dict[tuple[str, str], dict] = {}
    for e in main:
        first.setdefault((e["kind"], e["what"]), e)
    rows = {}
    for label, kind, what in ROWS:
        if kind == "to":
            b, e = {"t": 0.0, "cpu": 0.0}, first.get(("mark", what))
        elif kind == "step":
            b, e = first.get(("begin", what)), first.get(("end", what))
        elif kind == "steps":
            b, e = first.get(("begin", what[0])), first.get(("end", what[-1]))
        else:
            b, e = first.get(("end", what[0])), first.get(("begin", what[1]))
        if b is not None and e is not None:
            rows[label] = (b["t"], e["t"], e["cpu"] - b["cpu"])
    gc_pauses = [(e["t"] - b["t"]) for b, e in zip(main, main[1:], strict=False)
                 if b["what"] == e["what"] == "gc" and b["kind"] == "begin" and e["kind"] == "end"]
    threads = {}
    for e in events:
        if e["what"].startswith("thread ") and e["thread"] != "MainThread":
            entry = threads.setdefault(e["thread"], {})
            entry[e["kind"]] = e
    ran = {name: (x["begin"]["t"], x["end"]["t"], x["end"]["cpu"] - x["begin"]["cpu"])
           for name, x in threads.items() if "begin" in x and "end" in x}
    return {"rows": rows, "gc": gc_pauses, "threads": ran}


def run_once(work: Path, srt: str, read_in: str | None, k: int) -> dict | None:
    home, log = OUT / "home", OUT / f"run{k}.events.json"
    shutil.rmtree(home, ignore_errors=True)
    log.unlink(missing_ok=True)
    env = ["--env", f"TIMELINE_LOG={log}"] + (["--env", f"TIMELINE_READ={read_in}"] if read_in else [])
    subprocess.run([str(work / "open_time.sh"), str(OUT / f"run{k}"), "--home", str(home),
                    "--env", "QT_QPA_PLATFORM=xcb", "--env", f"PYTHONPATH={ROOT}", "--env", "PYTHONDONTWRITEBYTECODE=",
                    *env, "--", sys.executable, "-c", LAUNCHER, srt], cwd=work, capture_output=True, text=True)
    try:
        harness = json.loads((OUT / f"run{k}.json").read_text())
        events = json.loads(log.read_text())
    except (OSError, ValueError):
        return None
    if harness.get("status") != "ok":
        return None
    read = [e["what"][len("read in "):] for e in events if e["what"].startswith("read in ")]
    return {"harness": harness, **spans(events), "read_in": read[0] if read else "-"}


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    read_in = "child" if "--child" in sys.argv else "thread" if "--thread" in sys.argv else None
    sys.path.insert(0, str(HERE))
    from bench_peers import workdir
    work = workdir()
    OUT.mkdir(parents=True, exist_ok=True)
    srt = str(work / "data" / "cues_12000.srt")
    run_once(work, srt, read_in, -1)   # compiles the bytecode, warms the page cache (not recorded)
    results = [r for k in range(runs) if (r := run_once(work, srt, read_in, k)) is not None]
    if not results:
        raise SystemExit("no run reached idle")

    def ms(values) -> str:
        return f"{statistics.median(values) * 1000:.0f}"

    h = [r["harness"] for r in results]
    reads = sorted({r["read_in"] for r in results})
    print(f"{len(results)}/{runs} runs; file read by: {', '.join(reads)} (ChildRead: a child process, Preload: "
          f"a thread; {'forced' if read_in else 'as the app decides'}); "
          f"load average {os.getloadavg()[0]:.1f} ({os.cpu_count()} cores)")
    print(f"harness: window mapped {ms([x['window_s'] for x in h])} ms, idle {ms([x['idle_s'] for x in h])} ms, "
          f"process tree CPU {ms([x['cpu_s_at_idle'] for x in h])} ms (medians)\n")
    print("| step (GUI thread) | starts at ms | wall ms | GUI-thread CPU ms | waiting ms |\n|---|---:|---:|---:|---:|")
    for label, _, _ in ROWS:
        got = [r["rows"][label] for r in results if label in r["rows"]]
        if got:
            print(f"| {label} | {ms([g[0] for g in got])} | {ms([g[1] - g[0] for g in got])} | "
                  f"{ms([g[2] for g in got])} | {ms([(g[1] - g[0]) - g[2] for g in got])} |")
    print(f"\ngarbage collector: {ms([sum(r['gc']) for r in results])} ms in "
          f"{statistics.median([len(r['gc']) for r in results]):.0f} pause(s) on the GUI thread")
    print("\n| other thread | starts at ms | ends at ms | its CPU ms |\n|---|---:|---:|---:|")
    for name in sorted({n for r in results for n in r["threads"]}):
        got = [r["threads"][name] for r in results if name in r["threads"]]
        print(f"| {name} | {ms([g[0] for g in got])} | {ms([g[1] for g in got])} | {ms([g[2] for g in got])} |")


if __name__ == "__main__":
    main()
