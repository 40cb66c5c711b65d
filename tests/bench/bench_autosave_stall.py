"""The autosave snapshot after the first edit: how long the window stops answering while it is written.

Run: ``.venv/bin/python tests/bench/bench_autosave_stall.py [--runs N | --quick] [--root DIR] [--ten-hours | FILE]``
(``--ten-hours``: the synthetic 10-hour episode as a project, instead of the 12,000-cue SRT; ``--replace``: the first
edit is a Replace all of "the" with "thy" in the Find and Replace panel, not one turn's text). Prints one table
(``--root DIR``: the app of another checkout, to pair figures: run both, interleaved, under the same load).

The 12,000-cue SRT of the peer harness's ``gen_srt.py`` is opened as ``python -m editor FILE`` opens
it (offscreen, fresh settings), left until its deferred open-time work is done; then one turn is edited
through the window's undo stack (the first edit starts the recovery journal) and the autosave timer
left to fire. Meanwhile a 5 ms timer ticks on the GUI thread: a tick that comes late is the window
not answering (input and paint wait as long). Figures from the autosave's start until it is written:
the GUI thread's longest stall and its stalls over 20 ms added up per second (wall ms), the same for
the idle window just before the edit (what the machine's load alone does to it), the snapshot's wall
time, the GUI thread's own part of it (the capture, the worker started), and the CPU of the whole
process (all threads) in that time.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TICK_MS = 5
STALL_MS = 20
IDLE_S = 2.0


def one_run(srt: Path, root: Path, edit: str = "turn") -> dict[str, float]:
    code = f"import sys; sys.path.insert(0, {str(Path(__file__).resolve().parent)!r}); " \
           f"import bench_autosave_stall as b; b.in_window({str(srt)!r}, {edit!r})"
    home = tempfile.mkdtemp(prefix="bench-autosave-")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRANSCRIPT_EDITOR_AOUT="dummy", HOME=home,
               TRANSCRIPT_EDITOR_SETTINGS=os.path.join(home, "settings.ini"),
               TRANSCRIPT_EDITOR_DATA_DIR=os.path.join(home, "data"),
               TRANSCRIPT_EDITOR_CACHE=os.path.join(home, "cache"), XDG_CACHE_HOME=os.path.join(home, "cache"),
               PYTHONPATH=str(root))
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=home, capture_output=True, text=True,
                         check=True).stdout
    return {part: float(value) for _, part, value in (line.split("\t") for line in out.splitlines()
                                                       if line.startswith("FIG\t"))}


def in_window(srt: str, edit: str = "turn") -> None:
    from PySide6.QtCore import QTimer
    from window_bench import spin, until_idle

    from editor.core import ops
    from editor.ui import app as app_module
    from editor.ui.document.commands import OpCommand

    _app, window, _ = app_module.start([srt])
    window.resize(1240, 800)

    spin(2.0)
    until_idle()
    autosave = window.project.autosave
    span: dict[str, float] = {}
    real_save_now = autosave.save_now

    def save_now() -> bool:      # the GUI thread's own part: the capture, the worker started
        started = time.perf_counter()
        try:
            return real_save_now()
        finally:
            span["gui part"] = time.perf_counter() - started
    autosave._timer.timeout.disconnect()
    autosave._timer.timeout.connect(save_now)
    autosave.snapshot_started.connect(lambda: span.update(start=time.perf_counter(), cpu=time.process_time()))
    autosave.written.connect(lambda ok: span.update(end=time.perf_counter(), cpu_end=time.process_time()))
    ticks: list[float] = []
    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    ticker.start()
    # The same ticks with the window idle first: what the machine's load alone costs the GUI thread.
    idle_from = time.perf_counter()
    spin(IDLE_S)
    idle = _stalls([t for t in ticks if t >= idle_from])
    model = window.model
    if edit == "replace":     # Replace all "the" with "thy" in the Find and Replace panel
        window.names.find.show_replace()
        panel = window.names.find.panel
        panel.find_edit.setText("the")
        panel.replace_edit.setText("thy")
        panel.replace_all_button.click()
    else:
        row = model.rowCount() // 2
        text = model.transcript.segments[row].text
        window.undo_stack.push(OpCommand(model, ops.set_text(model.transcript, row, text + " indeed"), "Edit"))
    deadline = time.perf_counter() + 60
    while "end" not in span and time.perf_counter() < deadline:
        spin(0.1)
    ticker.stop()
    if "end" not in span:
        raise SystemExit("no autosave snapshot within 60 s")
    busy = _stalls([t for t in ticks if span["start"] - 0.05 <= t <= span["end"] + 0.05])
    for label, value in [("GUI longest stall (wall ms)", busy[0]),
                         (f"GUI stalls over {STALL_MS} ms, per second (wall ms)", busy[1]),
                         ("idle window first: longest stall (wall ms)", idle[0]),
                         (f"idle window first: stalls over {STALL_MS} ms, per second (wall ms)", idle[1]),
                         ("GUI thread's own part: capture, worker started (wall ms)", span["gui part"] * 1000),
                         ("snapshot written in (wall ms)", (span["end"] - span["start"]) * 1000),
                         ("process CPU meanwhile (ms)", (span["cpu_end"] - span["cpu"]) * 1000)]:
        print(f"FIG\t{label}\t{value:.1f}")
    window.project.discard_changes()


def _stalls(ticks: list[float]) -> tuple[float, float]:
    """The longest gap between *ticks* and the gaps over STALL_MS added, per second of ticking (ms)."""
    gaps = [(b - a) * 1000 for a, b in zip(ticks, ticks[1:], strict=False)]
    seconds = (ticks[-1] - ticks[0]) if len(ticks) > 1 else 1.0
    return max(gaps, default=0.0), sum(g for g in gaps if g > STALL_MS) / seconds


def ten_hours_project() -> Path:
    """The synthetic 10-hour episode (2,400 turns, 90,000 timed words) saved as a project."""
    path = Path(__file__).resolve().parent / "out" / "ten_hours.tep.json"
    if not path.exists():
        from synthetic import ten_hour_episode

        from editor.core import project
        path.parent.mkdir(parents=True, exist_ok=True)
        project.save(ten_hour_episode(), path)
    return path


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 1 if "--quick" in sys.argv else 3
    root = Path(sys.argv[sys.argv.index("--root") + 1]).resolve() if "--root" in sys.argv else ROOT
    args = [a for i, a in enumerate(sys.argv[1:], 1) if not a.startswith("--")
            and sys.argv[i - 1] not in ("--runs", "--root")]
    if args:
        srt = Path(args[0])
    elif "--ten-hours" in sys.argv:
        srt = ten_hours_project()
    else:
        from bench_replace_window import srt_path
        srt = srt_path()
    load = Path("/proc/loadavg").read_text().split()[0] if os.path.exists("/proc/loadavg") else "?"
    edit = "replace" if "--replace" in sys.argv else "turn"
    results = [one_run(srt, root, edit) for _ in range(runs)]
    print(f"Autosave after the first edit ({'Replace all the/thy' if edit == 'replace' else 'one turn'}) "
          f"of {srt.name}, {runs} fresh windows; median (min-max); "
          f"app from {root}; load {load}\n")
    print("| figure | value |\n|---|---:|")
    for part in results[0]:
        values = [r[part] for r in results]
        print(f"| {part} | {statistics.median(values):.0f} ({min(values):.0f}-{max(values):.0f}) |")


if __name__ == "__main__":
    main()
