"""Exporting a very long subtitle file (one turn per cue) to WebVTT and SRT, against `check` of the same file.

A 200,000-cue SRT (some 110 hours of one-line captions, 20 MB) read as one turn per cue makes
200,000 turns to lay out as captions: the caption layout's cost per turn, not per word, decides
the time. Each command runs as `python -m editor` in a subprocess, so the peak memory (max RSS)
is that command's alone.

    python tests/bench/bench_export_subtitles.py [--quick] [--cues N] [--root CHECKOUT ...]

With several ``--root`` checkouts (e.g. main and a branch) the runs alternate between them,
so a loaded machine weighs on both alike (paired figures); the load average is printed with them.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def write_srt(path: Path, cues: int) -> None:
    """*cues* two-second captions, three speakers named in the text (``Speaker 1: …``)."""
    def clock(ms: int) -> str:
        hours, rest = divmod(ms, 3_600_000)
        minutes, rest = divmod(rest, 60_000)
        seconds, millis = divmod(rest, 1000)
        return f"{hours:02d}:{minutes:02d}:{seconds:02d},{millis:03d}"

    with path.open("w", encoding="utf-8") as out:
        for number in range(cues):
            start = number * 2000
            out.write(f"{number + 1}\n{clock(start)} --> {clock(start + 1900)}\n"
                      f"Speaker {number % 3}: This is caption number {number} with some words in it.\n\n")


def run(root: Path, args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak resident MB of `python -m editor *args` run in *root*."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "editor", *args], cwd=root,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, errors = process.communicate()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed in {root}: {errors.decode(errors='replace')[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of the children is the largest child so far: run each command in a fresh process tree.
    return wall, cpu, after.ru_maxrss / 1024


def measure(root: Path, args: list[str]) -> tuple[float, float, float]:
    """Run once in a child process of its own, so its max RSS is not an earlier command's."""
    script = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
              f"from bench_export_subtitles import run; from pathlib import Path; "
              f"print(*run(Path({str(root)!r}), {args!r}))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    wall, cpu, rss = map(float, result.stdout.split())
    return wall, cpu, rss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="20,000 cues instead of 200,000")
    parser.add_argument("--cues", type=int, default=0)
    parser.add_argument("--root", action="append", type=Path, help="a checkout to run (default: this one)")
    parser.add_argument("--rounds", type=int, default=1, help="alternating rounds over the checkouts")
    options = parser.parse_args()
    cues = options.cues or (20_000 if options.quick else 200_000)
    roots = options.root or [ROOT]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "long.srt"
        write_srt(source, cues)
        print(f"{cues:,} cues, {source.stat().st_size / 1e6:.1f} MB of SRT")
        print(f"{'checkout':<28} {'command':<16} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}  load")
        commands = [("check", ["check", str(source)])] + [
            (f"export {name}", ["export", str(source), "--to", name, "-o", str(Path(folder) / f"out.{name}")])
            for name in ("vtt", "srt")]
        for _ in range(options.rounds):
            for name, args in commands:
                for root in roots:
                    wall, cpu, rss = measure(root, args)
                    load = os.getloadavg()[0]
                    print(f"{str(root)[-28:]:<28} {name:<16} {wall:8.1f} {cpu:8.1f} {rss:8.0f}  {load:.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
