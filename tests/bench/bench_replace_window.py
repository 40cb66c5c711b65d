"""Replace all, its undo and redo in the window, in-process: CPU until idle and where it goes.

Run: ``.venv/bin/python tests/bench/bench_replace_window.py [--runs N | --quick] [--root DIR] [SRT]``. Prints one
table (``--root DIR``: the app of another checkout, e.g. ``git archive REV | tar -x -C DIR``).

The scene of ``bench_peers.py``'s replace figure without the harness: the 12,000-cue SRT of the
peer harness's ``gen_srt.py`` opened as ``python -m editor FILE`` opens it (offscreen, fresh
settings), left until its deferred open-time work is done, then "the" -> "thy" typed into the
Find and Replace panel and Replace all clicked (7,240 replacements). Each step is timed in CPU
seconds of the whole process from the click (or Undo/Redo) until the process has used no CPU for
a second, the way the harness decides "idle"; on a machine shared with other work the wall time
moves, the CPU time much less. The parts of the step that run before it returns are listed too:
the spans (from the places the panel's list found, when the transcript is unchanged since), the
op's plan (new texts and marks; the words of a replaced turn are realigned when first read),
applying it with the model's signals, the recovery journal's line, what the glossary learns from it,
and the panel's refresh (a search of the turns where the replacement may have made the pattern
again: none for "thy"). Two figures are wall time, as marked: the step until it returned
to the event loop, and the recovery journal's start at the first edit (fsyncs wait on the disk, not
the CPU). "gc" is the cyclic collector's time in the step, on any thread (an autosave snapshot's too).
"""

from __future__ import annotations

import functools
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent / "out"


def srt_path() -> Path:
    args = [a for i, a in enumerate(sys.argv[1:], 1)
            if not a.startswith("--") and sys.argv[i - 1] not in ("--runs", "--root")]
    if args:
        return Path(args[0])
    srt = OUT / "cues_12000.srt"
    if not srt.exists():
        from bench_peers import peerbench
        OUT.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(peerbench() / "gen_srt.py"), "12000", str(srt)], check=True,
                       stdout=subprocess.DEVNULL)
    return srt


def one_run(srt: Path, root: Path) -> dict[str, dict[str, float]]:
    """Figures of one fresh window (a subprocess each run: nothing cached from the last one)."""
    code = f"import sys; sys.path.insert(0, {str(Path(__file__).resolve().parent)!r}); " \
           f"import bench_replace_window as b; b.in_window({str(srt)!r})"
    home = tempfile.mkdtemp(prefix="bench-replace-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRANSCRIPT_EDITOR_AOUT="dummy", HOME=home,
               TRANSCRIPT_EDITOR_SETTINGS=os.path.join(home, "settings.ini"),
               TRANSCRIPT_EDITOR_DATA_DIR=os.path.join(home, "data"), XDG_CACHE_HOME=os.path.join(home, "cache"),
               PYTHONPATH=str(root))
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=home, capture_output=True, text=True,
                         check=True).stdout
    figures: dict[str, dict[str, float]] = {}
    for line in out.splitlines():
        if line.startswith("FIG\t"):
            _, step, part, value = line.split("\t")
            figures.setdefault(step, {})[part] = float(value)
    return figures


def in_window(srt: str) -> None:
    from window_bench import spin, until_idle

    from editor.ui import app as app_module
    from editor.ui.names import find_panel

    app, window, _ = app_module.start([srt])
    window.resize(1240, 800)

    spin(2.0)
    until_idle()       # the open-time work deferred after the first paint is done
    parts: dict[str, float] = {}

    def timed(owner, name: str, label: str, clock=time.process_time) -> None:
        real = getattr(owner, name)

        @functools.wraps(real)
        def wrapper(*args, **kwargs):
            started = clock()
            try:
                return real(*args, **kwargs)
            finally:
                parts[label] = parts.get(label, 0.0) + clock() - started
        setattr(owner, name, wrapper)

    from editor.core import ops
    from editor.core.glossary import Glossary
    from editor.session import journal
    from editor.ui.project import autosave
    timed(find_panel, "replace_all_spans", "spans")
    timed(find_panel, "find_places", "panel refresh (search)")
    timed(ops, "replace_spans", "plan (texts, marks)")
    timed(ops, "run", "apply + model signals")
    timed(journal.Journal, "record", "journal line")
    timed(Glossary, "learn_from_edit", "glossary learning")
    # The first edit starts the journal: its file's fsyncs wait on the disk, which CPU time does not show.
    timed(autosave.Autosaver, "_start", "journal start (wall ms)", clock=time.perf_counter)
    gc_time = [0.0, 0.0]

    def on_gc(phase, _info):
        if phase == "start":
            gc_time[1] = time.process_time()
        else:
            gc_time[0] += time.process_time() - gc_time[1]
    gc.callbacks.append(on_gc)

    window.names.find.show_replace()
    panel = window.names.find.panel
    panel.find_edit.setText("the")
    panel.replace_edit.setText("thy")
    spin(0.5)
    until_idle()
    steps = {"replace all": panel.replace_all_button.click, "undo": window.undo_stack.undo,
             "redo": window.undo_stack.redo}
    for step, action in steps.items():
        parts.clear()
        gc_time[0] = 0.0
        started, wall = time.process_time(), time.perf_counter()
        action()
        returned, returned_wall = time.process_time() - started, time.perf_counter() - wall
        spin(0.05)
        until_idle()
        total = time.process_time() - started   # the quiet second at the end adds under 10 ms
        for label, value in [("to idle", total), ("until it returned", returned),
                             ("until it returned (wall ms)", returned_wall), *parts.items(),
                             ("gc", gc_time[0])]:
            print(f"FIG\t{step}\t{label}\t{value * 1000:.1f}")
    print(f"replaced: {panel.status.text()}", file=sys.stderr)
    window.project.discard_changes()


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 1 if "--quick" in sys.argv else 3
    srt = srt_path()
    root = Path(sys.argv[sys.argv.index("--root") + 1]).resolve() if "--root" in sys.argv else ROOT
    results = [one_run(srt, root) for _ in range(runs)]
    print(f"Replace all \"the\" -> \"thy\" in {srt.name} through the window, {runs} fresh windows; "
          f"CPU ms, median (min-max); app from {root}\n")
    print("| step | part | CPU ms |\n|---|---|---:|")
    for step in results[0]:
        for part in results[0][step]:
            values = [r[step][part] for r in results if part in r.get(step, {})]
            print(f"| {step} | {part} | {statistics.median(values):.0f} ({min(values):.0f}-{max(values):.0f}) |")


if __name__ == "__main__":
    main()
