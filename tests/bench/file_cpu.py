"""Where the test suite's CPU goes: a pytest plugin that prints each test file's CPU time.

    PYTHONPATH=$PWD:tests/bench QT_QPA_PLATFORM=offscreen PYTHONDONTWRITEBYTECODE= \\
        .venv/bin/python -m pytest -q -p no:cacheprovider -p file_cpu -n 2 --dist loadfile \\
        --no-loadscope-reorder tests

A file's CPU is what the process running it (a pytest -n worker) spent from the file's first test
to the next file's first test: its own (the tests, their fixtures, module fixtures made and torn
down) and its children's that were waited for meanwhile (the command line, pass processes and their
workers, a killed and restarted app). Wall time on a machine other engineers load says little; CPU
seconds compare runs made under any load. What no file is charged for is shown apart: collection
and start-up in each worker, and processes kept for a whole worker's session (the window's audio
process), waited for only when the worker exits.

The table goes to the terminal at the end of the run (the files with the most CPU first), with the
run's CPU since pytest read its configuration (its own process and every process waited for: run
the whole under ``/usr/bin/time`` for start-up too); ``FILE_CPU_TOP`` rows (30).
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from pathlib import Path

_ENV = "FILE_CPU_FOLDER"      # where each worker writes its files' lines, named by the controller


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


class _Files:
    """The file this process is running, since when, and the lines of the files it finished."""

    def __init__(self, folder: Path, name: str):
        self.out = folder / f"{name}.tsv"
        self.current: str | None = None
        self.since = (0.0, 0.0, 0.0)

    def start(self, path: str | None) -> None:
        own, children = _cpu()
        if self.current is not None:
            own0, children0, wall0 = self.since
            with self.out.open("a") as out:
                out.write(f"{self.current}\t{own - own0:.2f}\t{children - children0:.2f}"
                          f"\t{time.monotonic() - wall0:.1f}\n")
        self.current, self.since = path, (own, children, time.monotonic())


_files: _Files | None = None


def pytest_configure(config) -> None:
    global _files
    if os.environ.get(_ENV) is None:     # the controller (or a run without -n): names the folder
        os.environ[_ENV] = tempfile.mkdtemp(prefix="file-cpu-")
    config._file_cpu_started = _cpu()    # type: ignore[attr-defined]
    _files = _Files(Path(os.environ[_ENV]), os.environ.get("PYTEST_XDIST_WORKER", "main"))


def pytest_runtest_protocol(item, nextitem):
    if _files is not None and _files.current != str(item.path):
        _files.start(str(item.path))


def pytest_sessionfinish(session) -> None:
    if _files is not None:
        _files.start(None)


def pytest_terminal_summary(terminalreporter, config) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return
    rows = []
    for lines in Path(os.environ[_ENV]).glob("*.tsv"):
        for line in lines.read_text().splitlines():
            path, own, children, wall = line.split("\t")
            rows.append((float(own) + float(children), float(own), float(children), float(wall), path))
    rows.sort(reverse=True)
    root = str(config.rootpath) + os.sep
    own, children = _cpu()
    own0, children0 = config._file_cpu_started
    whole = own - own0 + children - children0
    charged = sum(row[0] for row in rows)
    write = terminalreporter.write_line
    write("")
    write(f"CPU by test file (s): {len(rows)} files, {charged:.1f} s charged to them, "
          f"{whole:.1f} s in the whole run ({whole - charged:.1f} s not charged to a file)")
    write(f"{'total':>7} {'own':>7} {'children':>8} {'wall':>7}  file")
    for total, mine, theirs, wall, path in rows[:int(os.environ.get("FILE_CPU_TOP", "30"))]:
        write(f"{total:7.2f} {mine:7.2f} {theirs:8.2f} {wall:7.1f}  {path.removeprefix(root)}")
