"""How long each broken input of the robustness matrix takes to be refused or read with a warning.

The tests (``tests/robustness/test_bad_inputs.py``) check what happens to each file; this
script prints how long it takes: the core reader per case (median of 3) against the bound
the case declares, and the 50 MB single-line file opened in the real window (offscreen, a
fresh process, as the test does). Nothing here fails on time; a row over its bound says OVER.
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
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "robustness"))

from bad_inputs import matrix  # noqa: E402

from editor.core.errors import TranscriptError  # noqa: E402
from editor.formats import read_file  # noqa: E402

_HUGE_IN_WINDOW = r"""
import os, sys, time
sys.path.insert(0, sys.argv[2])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("TRANSCRIPT_EDITOR_AOUT", "dummy")
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.ui.main_window import MainWindow
w = MainWindow(); w.show(); app.processEvents()
started = time.monotonic()
w.open_path(sys.argv[1])
for _ in range(20):
    app.processEvents()
print(round(time.monotonic() - started, 2))
"""


def _read_seconds(path: Path) -> tuple[float, str]:
    times, outcome = [], ""
    for _ in range(3):
        started = time.perf_counter()
        try:
            result = read_file(path)
            outcome = f"warning ({len(result.warnings)})"
        except TranscriptError:
            outcome = "refused"
        times.append(time.perf_counter() - started)
    return statistics.median(times), outcome


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        cases = [case for case in matrix(Path(folder)) if not case.audio]
        print(f"{'case':34} {'outcome':14} {'read s':>8} {'bound s':>8}")
        for case in cases:
            seconds, outcome = _read_seconds(case.path)
            over = "  OVER" if seconds > case.seconds else ""
            print(f"{case.name:34} {outcome:14} {seconds:8.3f} {case.seconds:8.1f}{over}")
        huge = next(case for case in cases if case.name == "50 MB single line")
        env = dict(os.environ, TRANSCRIPT_EDITOR_SETTINGS=str(Path(folder) / "settings.ini"),
                   TRANSCRIPT_EDITOR_DATA_DIR=str(Path(folder) / "data"))   # glossaries, journals: not the user's
        result = subprocess.run([sys.executable, "-c", _HUGE_IN_WINDOW, str(huge.path), str(ROOT)],
                                capture_output=True, text=True, env=env)
        shown = result.stdout.strip() or f"failed: {result.stderr[-300:]}"
        print(f"\n50 MB single line opened in the window: {shown} s (bound {huge.seconds:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
