"""Open-to-idle and Replace all against the peers, side by side in the same runs.

Run: ``.venv/bin/python tests/bench/bench_peers.py [--runs N] [--open-only|--replace-only] [--before DIR] [--settled]
[--floor] [--python PY]`` (``--before DIR``: also run the app from another checkout, e.g.
``git archive REV | tar -x -C DIR``;
``--python PY``: also run this checkout's app under another interpreter with the same packages, e.g. one
made by ``/usr/bin/python3 -m venv --without-pip V`` with a ``.pth`` file naming this venv's site-packages;
``--floor``: also open a bare PySide6 window, see below). Needs the peer
harness (``../shared/peerbench``, or ``PEERBENCH=/path``) and its peers installed with its
``install_peers.sh`` (Aegisub, Subtitle Composer; Xvfb, xdotool). Prints one table: medians (min-max) of
wall time to idle and CPU seconds, and our figure divided by the peer's *of the same run* (on a machine
shared with other work the absolute times move from run to run; the ratios much less).

* open: ``open_time.sh`` on the 12,000-cue SRT of ``gen_srt.py`` (idle = 500 ms without CPU), ours with a
  fresh HOME (first-run window) and compiled bytecode, as an installed app has it. Ours reads the file
  while Qt starts (``editor.ui.files.preload``): in a forked child process unless the load average is
  twice the cores or more (the harness counts descendants' CPU too: the CPU column is the whole tree's),
  else on a thread, as on a saturated machine a second process gains little (Linux schedules the
  harness's session as one group) and costs ~40 ms more CPU.
* ``--settled``: open again with a quiet period of 3 s instead of 0.5 s, so the work a program defers a
  few seconds after opening (ours: the no-audio waveform strip, the dictionary, the glossary scan) is
  inside the figure ("open settled"). With a fresh HOME every run is a first run: ours then builds the
  spelling word set (~0.3 s of a worker, most of what it defers), which a later start reads from its cache.
* ``--floor``: a bare PySide6 main window of the app's first-run size (no file, no menus), opened the same way:
  what Python and Qt alone cost before any of ours (this machine: ~0.16 s of CPU, ~0.21 s to idle when quiet).
* the load average (1 minute) before each run is printed with the table: on a shared machine the absolute
  figures follow it.
* replace all: "the" -> "thy" (7,240 replacements), typed by a prep script and triggered by one click on
  Replace all (``ours_replace_prep.sh``: the harness's ``peers/ours.replace.prep.sh`` with the panel's
  current coordinates), timed from the click to the next 500 ms without CPU.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "peers"
PYTHON = sys.executable
SETTLED_QUIET_MS = 3000   # longer than any work deferred after opening (ours waits 2.5 s)


def peerbench() -> Path:
    for place in (os.environ.get("PEERBENCH"), ROOT.parent / "shared" / "peerbench",
                  ROOT.parents[1] / "shared" / "peerbench"):
        if place and (Path(place) / "open_time.py").exists():
            return Path(place)
    raise SystemExit("peer harness not found: set PEERBENCH=/path/to/peerbench")


def workdir() -> Path:
    """A writable copy of the harness (it builds Aegisub's shim and writes data/ beside itself)."""
    work = OUT / "harness"
    if not (work / "open_time.py").exists():
        shutil.copytree(peerbench(), work, dirs_exist_ok=True)
        for path in [work, *work.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    (work / "data").mkdir(exist_ok=True)
    srt = work / "data" / "cues_12000.srt"
    if not srt.exists():
        subprocess.run([PYTHON, str(work / "gen_srt.py"), "12000", str(srt)], check=True, stdout=subprocess.DEVNULL)
    shim = work / "shims" / "wx_noassert.so"
    if not shim.exists():
        subprocess.run(["gcc", "-shared", "-fPIC", "-O2", "-o", str(shim), str(work / "shims" / "wx_noassert.c"),
                        "-l:libwx_baseu-3.2.so.0"], check=True)
    return work


def ours(srt: str, root: Path, home: Path, python: str = PYTHON) -> list[str]:
    # PYTHONDONTWRITEBYTECODE cleared: the app runs from compiled bytecode, as installed by pip.
    return ["--home", str(home), "--env", "QT_QPA_PLATFORM=xcb", "--env", f"PYTHONPATH={root}",
            "--env", "PYTHONDONTWRITEBYTECODE=", "--", python, "-m", "editor", srt]


# The floor: Python, PySide6's import and one shown main window reaching idle, nothing of ours.
BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1240, 800)
window.statusBar()
window.show()
sys.exit(app.exec())
"""


def peers(work: Path) -> dict[str, list[str]]:
    srt = str(work / "data" / "cues_12000.srt")
    programs = {"ours": ours(srt, ROOT, OUT / "home")}
    if "--before" in sys.argv:
        programs["ours_before"] = ours(srt, Path(sys.argv[sys.argv.index("--before") + 1]).resolve(),
                                       OUT / "home_before")
    if "--python" in sys.argv:
        programs["ours_python"] = ours(srt, ROOT, OUT / "home_python", sys.argv[sys.argv.index("--python") + 1])
    if "--floor" in sys.argv:
        programs["pyside_bare"] = ["--env", "QT_QPA_PLATFORM=xcb", "--env", "PYTHONDONTWRITEBYTECODE=", "--",
                                   PYTHON, "-c", BARE_WINDOW]
    return programs | {
        "aegisub": ["--env", f"LD_PRELOAD={work / 'shims' / 'wx_noassert.so'}", "--", "aegisub-3.2", srt],
        "subtitlecomposer": ["--", "subtitlecomposer", srt],
    }


REPLACE = {"ours": (str(HERE / "ours_replace_prep.sh"), "xdotool click 1"),
           "ours_before": (str(HERE / "ours_replace_prep.sh"), "xdotool click 1"),
           "ours_python": (str(HERE / "ours_replace_prep.sh"), "xdotool click 1"),
           "aegisub": ("peers/aegisub.replace.prep.sh", "xdotool click 1"),
           "subtitlecomposer": ("peers/subtitlecomposer.replace.prep.sh", "xdotool key Return")}


def harness(work: Path, prefix: str, args: list[str]) -> dict | None:
    if "--home" in args:   # every run starts as the first: no window state, recent files or journal of the last
        shutil.rmtree(args[args.index("--home") + 1], ignore_errors=True)
    subprocess.run([str(work / "open_time.sh"), str(OUT / prefix), *args], cwd=work,
                   capture_output=True, text=True)
    try:
        result = json.loads((OUT / f"{prefix}.json").read_text())
    except (OSError, ValueError):
        return None
    return result if result.get("status") == "ok" else None


def main() -> None:
    runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
    OUT.mkdir(parents=True, exist_ok=True)
    work = workdir()
    commands = peers(work)
    available = {name: cmd for name, cmd in commands.items()
                 if name.startswith(("ours", "pyside")) or shutil.which(cmd[cmd.index("--") + 1])}
    for name in available:   # compiles the bytecode, warms the page cache (not recorded)
        harness(work, f"warmup_{name}", available[name])
    figures: dict[tuple[str, str], list[tuple[float, float, int]]] = {}   # (wall or MB, CPU, run)
    loads: list[float] = []
    for run in range(1, runs + 1):
        loads.append(os.getloadavg()[0])
        for name, cmd in available.items():
            if "--replace-only" not in sys.argv and name != "subtitlecomposer":
                r = harness(work, f"open_{name}_12000_r{run}", cmd)
                if r:
                    figures.setdefault(("open", name), []).append((r["idle_s"], r["cpu_s_at_idle"], run))
                    figures.setdefault(("open rss", name), []).append((r["peak_rss_mb"], 0.0, run))
            if "--settled" in sys.argv and "--replace-only" not in sys.argv and name != "subtitlecomposer":
                r = harness(work, f"settled_{name}_12000_r{run}", ["--quiet-ms", str(SETTLED_QUIET_MS), *cmd])
                if r:
                    figures.setdefault(("open settled", name), []).append((r["idle_s"], r["cpu_s_at_idle"], run))
                    figures.setdefault(("open settled rss", name), []).append((r["peak_rss_mb"], 0.0, run))
            if "--open-only" not in sys.argv and name in REPLACE:
                prep, action = REPLACE[name]
                r = harness(work, f"replace_{name}_12000_r{run}",
                            ["--prep", prep, "--action", action, "--action-timeout", "400", *cmd])
                if r and r.get("action_s") is not None:
                    figures.setdefault(("replace", name), []).append((r["action_s"], r["action_cpu_s"], run))
        print(f"run {run}/{runs} done", file=sys.stderr)
    report(figures, runs)
    print(f"\nLoad average (1 min) before each run: {', '.join(f'{x:.1f}' for x in loads)} "
          f"(median {statistics.median(loads):.1f}, {os.cpu_count()} cores)")


def report(figures: dict, runs: int) -> None:
    def med(values, i):
        xs = [v[i] for v in values]
        return f"{statistics.median(xs):.2f} ({min(xs):.2f}-{max(xs):.2f})"

    print("| what | program | wall s, median (min-max) | CPU s | runs |\n|---|---|---:|---:|---:|")
    for (what, name), values in sorted(figures.items()):
        if what.endswith(" rss"):
            print(f"| {what[:-4]}: peak RSS MB | {name} | {med(values, 0)} | | {len(values)}/{runs} |")
        else:
            print(f"| {what} | {name} | {med(values, 0)} | {med(values, 1)} | {len(values)}/{runs} |")
    print("\nOurs / peer, per run (same run, so the machine's load is shared):")
    for what in ("open", "open settled", "replace"):
        for mine in ("ours", "ours_before", "ours_python", "pyside_bare"):
            own = {v[2]: v for v in figures.get((what, mine), [])}
            for peer in ("aegisub", "subtitlecomposer"):
                theirs = {v[2]: v for v in figures.get((what, peer), [])}
                pairs = [(own[run], theirs[run]) for run in sorted(own) if run in theirs]   # the same run only
                if not pairs:
                    continue
                wall = [o[0] / t[0] for o, t in pairs if t[0] > 0]
                cpu = [o[1] / t[1] for o, t in pairs if t[1] > 0]
                print(f"  {what}: {mine} / {peer}: wall {_span(wall)}, CPU {_span(cpu)}")


def _span(xs: list[float]) -> str:
    return f"{statistics.median(xs):.2f} ({min(xs):.2f}-{max(xs):.2f})" if xs else "-"


if __name__ == "__main__":
    main()
