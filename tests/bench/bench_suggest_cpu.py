"""CPU of ``transcript-editor suggest`` with audio on a short episode, this tree against another (prints figures).

    PYTHONPATH=. python tests/bench/bench_suggest_cpu.py --other /path/to/other/tree [--rounds 5] [--lines 4]

Writes a short espeak-ng episode (tests/bench/hearing_material.py: recognizer errors, a glossary of
its names, no word times, so the command aligns it first and then checks its audio), then runs the
command in a fresh process from each tree in turn, interleaved (this tree, the other, this tree...),
so both see the same load. For each run: the command's own CPU and its children's (the worker
processes: ``resource.getrusage(RUSAGE_CHILDREN)`` counts a child reaped by its parent, and the
command's process is reaped by this one), and wall time. Prints the medians, the paired ratios,
the load average, and whether both trees' ``--json`` reports (suggestions and suspects) are identical.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hearing_material as hm  # noqa: E402

HERE = Path(__file__).resolve().parents[2]


def _episode(folder: Path, lines: int) -> list[str]:
    episode = hm.episode(hm.LINES[:lines], hm.CLEAN[:lines])
    wav = hm.write_wav(folder / "episode.wav", episode.audio)
    srt = hm.write_srt(folder / "episode.srt", episode.transcript)
    glossary = folder / "names.csv"
    glossary.write_text("correct,wrong_forms,note\n" + "".join(f'"{name}",,\n' for name in episode.names),
                        encoding="utf-8")
    return ["suggest", str(srt), str(wav), "--glossary", str(glossary), "--json"]


def _run(tree: Path, arguments: list[str]) -> tuple[float, float, dict]:
    """(CPU of the command and all its processes, s; wall, s; report)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "editor", *arguments], cwd=tree, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(tree)}, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--other", type=Path, required=True, help="the tree to compare with (e.g. main's)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--lines", type=int, default=4, help="error lines (and as many clean ones) of the episode")
    options = parser.parse_args()
    trees = {"this": HERE, "other": options.other.resolve()}
    with tempfile.TemporaryDirectory() as folder:
        arguments = _episode(Path(folder), options.lines)
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        wall: dict[str, list[float]] = {name: [] for name in trees}
        reports: dict[str, list[dict]] = {name: [] for name in trees}
        loads = []
        for round_ in range(options.rounds):
            order = list(trees) if round_ % 2 == 0 else list(reversed(trees))
            for name in order:
                loads.append(os.getloadavg()[0])
                used, took, report = _run(trees[name], arguments)
                cpu[name].append(used)
                wall[name].append(took)
                reports[name].append(report)
                print(f"round {round_ + 1} {name:5}: cpu {used:6.2f} s  wall {took:6.2f} s  load {loads[-1]:.1f}",
                      flush=True)
    for name in trees:
        print(f"{name:5} ({trees[name]}): median cpu {statistics.median(cpu[name]):.2f} s, "
              f"wall {statistics.median(wall[name]):.2f} s")
    ratios = [a / b for a, b in zip(cpu["this"], cpu["other"], strict=True)]
    print(f"paired cpu ratio this/other: median {statistics.median(ratios):.3f} "
          f"(min {min(ratios):.3f}, max {max(ratios):.3f}); load 1-min avg {statistics.mean(loads):.1f} "
          f"(min {min(loads):.1f}, max {max(loads):.1f})")
    every = [r for name in trees for r in reports[name]]
    print("reports identical across trees and runs:", all(r == every[0] for r in every),
          f"({len(every[0]['suggestions'])} suggestions, {len(every[0]['suspects'])} suspects)")


if __name__ == "__main__":
    main()
