"""Where the CPU of opening a 12,000-cue SRT goes, up to the window's idle point.

Run: ``.venv/bin/python tests/bench/bench_startup.py [--runs N]``. Starts the window the way
``transcript-editor FILE`` does (``editor.ui.app.start``, fresh HOME, offscreen platform) N times and
prints medians of the process CPU at each step and of what the start-up spends it on:

* steps: ``start()`` returned (imports, QApplication, the window built and shown), then the first
  turn of the event loop (the file opened into the model), then the idle point (the last turn of the
  loop that used CPU before a second of quiet: the first paint). Process CPU, so a read on a worker
  thread counts; a read in a child process (``editor.ui.files.preload``) does not.
* imports: CPU of the GUI thread inside module bodies, by package (a module's own body, not the
  modules it imports): ours, PySide6/shiboken (their signature support is compiled from an embedded
  zip at every start), the rest (stdlib, platformdirs, ...).
* costs spread through them: Python enums PySide makes the first time a Qt class or namespace is
  touched (``Qt`` alone: ~25 ms), ``@dataclass`` classes being made, and PySide's ``__feature__``
  import hook reading the source of every module first imported after PySide (``_mod_uses_pyside``;
  ~0 since ``editor.ui.app`` gives Python's own import back once PySide is loaded).

The peer harness (``bench_peers.py``) measures the same start-up by wall time on a private X server;
this says where to look. Offscreen costs a little less than xcb (no X round trips).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent

_CHILD = r"""
import dataclasses, enum, importlib.abc, json, sys, threading, time
srt = sys.argv[1]
spent = {"enums": 0.0, "dataclasses": 0.0, "feature_hook": 0.0}
imports = {}          # group -> GUI-thread CPU in module bodies (their own, not their imports')
stack = []

def group(name):
    if name.startswith("editor.ui"):
        return "ours: editor.ui"
    if name.startswith("editor"):
        return "ours: core, formats, session"
    if name.startswith(("PySide6", "shiboken", "shibokensupport", "signature_bootstrap")):
        return "PySide6 / shiboken"
    return "stdlib and other libraries"

def timed(key, function):
    def wrapper(*args, **kwargs):
        start = time.thread_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[key] += time.thread_time() - start
    return wrapper

def time_feature_hook():
    # PySide loads its support modules through its own finder, ahead of this one: wrap the hook's
    # source check once it is there (before the first of our modules that import PySide).
    feature = sys.modules.get("shibokensupport.feature")
    if feature is not None and not getattr(feature, "_timed", False):
        feature._mod_uses_pyside = timed("feature_hook", feature._mod_uses_pyside)
        feature._timed = True

class Timing(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if threading.current_thread() is not threading.main_thread():
            return None
        time_feature_hook()
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is None:
                continue
            loader = spec.loader
            if loader is not None and hasattr(loader, "exec_module"):
                run = loader.exec_module
                def exec_module(module, run=run, name=name):
                    start = time.thread_time()
                    stack.append(0.0)
                    try:
                        run(module)
                    finally:
                        total = time.thread_time() - start
                        inner = stack.pop()
                        imports[group(name)] = imports.get(group(name), 0.0) + total - inner
                        if stack:
                            stack[-1] += total
                try:
                    loader.exec_module = exec_module
                except (AttributeError, TypeError):
                    pass
            return spec
        return None

sys.meta_path.insert(0, Timing())
enum.EnumType._create_ = timed("enums", enum.EnumType._create_)
from editor.ui import enum_classes   # what the app makes Qt's enums with (installed by start())
enum_classes.create = timed("enums", enum_classes.create)
dataclasses._process_class = timed("dataclasses", dataclasses._process_class)

import editor.ui.files.preload as reading
mode = []
begin = reading.start
def start_read(*args, **kwargs):
    preload = begin(*args, **kwargs)
    mode.append("child process" if type(preload).__name__ == "ChildRead" else "thread")
    return preload
reading.start = start_read

from editor.ui.app import start
app, window, _ = start([srt])
steps = {"start() returned: the window built and shown": time.process_time()}
open_path = window.open_path   # called on the first turn of the event loop
def opened(*args, **kwargs):
    try:
        return open_path(*args, **kwargs)
    finally:
        steps["the file opened into the model"] = time.process_time()
window.open_path = opened
from PySide6.QtCore import QAbstractEventDispatcher, QTimer
blocks = []
QAbstractEventDispatcher.instance().aboutToBlock.connect(lambda: blocks.append((time.perf_counter(),
                                                                               time.process_time())))
began = time.perf_counter()
QTimer.singleShot(2000, app.quit)
app.exec()
busy = [c for (w, c), (_, before) in zip(blocks[1:], blocks) if c - before > 0.002 and w - began < 1.0]
steps["idle: the first paint done"] = busy[-1] if busy else blocks[-1][1]
print("RESULT " + json.dumps({"steps": steps, "imports": imports, "spent": spent, "mode": mode[:1],
                              "turns": window.model.rowCount()}), flush=True)
window.project.discard_changes()
"""


def run_once(srt: Path, folder: Path) -> dict:
    home = folder / "home"
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(home), QT_QPA_PLATFORM="offscreen",
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"),
               XDG_CONFIG_HOME=str(home / ".config"), TRANSCRIPT_EDITOR_SETTINGS=str(home / "s.ini"),
               PYTHONDONTWRITEBYTECODE="")   # compiled bytecode, as an installed app has it
    child = subprocess.run([sys.executable, "-c", _CHILD, str(srt)], capture_output=True, text=True, env=env,
                           cwd=ROOT, timeout=120)
    line = next((x for x in child.stdout.splitlines() if x.startswith("RESULT ")), None)
    if line is None:
        raise SystemExit(child.stderr[-3000:])
    return json.loads(line[len("RESULT "):])


def write_srt(path: Path) -> None:
    """The peer harness's 12,000-cue SRT (the file bench_peers.py opens) when the harness is at hand,
    else this folder's synthetic one."""
    from bench_peers import peerbench
    try:
        generator = peerbench() / "gen_srt.py"
    except SystemExit:
        from bench_open_after import _srt
        _srt(path)
        return
    subprocess.run([sys.executable, str(generator), "12000", str(path)], check=True, capture_output=True)


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
    sys.path.insert(0, str(HERE))
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        srt = folder / "episode.srt"
        write_srt(srt)
        run_once(srt, folder)   # compiles the bytecode, warms the page cache (not recorded)
        results = [run_once(srt, folder) for _ in range(runs)]
    load = os.getloadavg()[0]

    def median(values) -> str:
        return f"{statistics.median(values) * 1000:.0f} ms"

    modes = sorted({r["mode"][0] for r in results if r["mode"]})
    print(f"Opening a 12,000-cue SRT ({results[0]['turns']} turns), median of {runs} runs; file read in a "
          f"{' / '.join(modes)}; load average {load:.1f}\n")
    print("| step (process CPU so far) | median |\n|---|---:|")
    for step in results[0]["steps"]:
        print(f"| {step} | {median([r['steps'][step] for r in results])} |")
    print("\n| GUI-thread CPU in module bodies | median |\n|---|---:|")
    for what in sorted(results[0]["imports"]):
        print(f"| {what} | {median([r['imports'].get(what, 0.0) for r in results])} |")
    print("\n| spread through the above | median |\n|---|---:|")
    labels = {"enums": "Qt enums made as classes are first touched (PySide)",
              "dataclasses": "@dataclass classes made", "feature_hook": "PySide's __feature__ import hook"}
    for key, label in labels.items():
        print(f"| {label} | {median([r['spent'][key] for r in results])} |")


if __name__ == "__main__":
    main()
