"""A podcast-page transcript of a million turns: memory and responsiveness, command line and window.

Prints, for the command line (``transcript-editor check``): seconds and peak resident memory;
for the window: how long the background read took, the longest event-loop stall while it
read (the window must keep painting) and in the 20 s after it opened, and peak memory.
The limit both must keep: 1.5 GB. ``--quick`` uses 200,000 turns.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_WINDOW = r"""
import os, sys, time, resource
sys.path.insert(0, sys.argv[2])
from PySide6.QtWidgets import QApplication
app = QApplication([])
from editor.ui.main_window import MainWindow
w = MainWindow(); w.resize(1200, 800); w.show(); app.processEvents()
started = time.monotonic()
w.open_path(sys.argv[1])
during = 0.0
while w.files.reading is not None:
    a = time.monotonic(); app.processEvents(); during = max(during, time.monotonic() - a); time.sleep(0.01)
read = time.monotonic() - started
after = 0.0
end = time.monotonic() + 20
while time.monotonic() < end:
    a = time.monotonic(); app.processEvents(); after = max(after, time.monotonic() - a); time.sleep(0.01)
print(len(w.model.transcript.segments), f"{read:.1f}", f"{during:.2f}", f"{after:.1f}",
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, flush=True)
w.project.discard_changes()
os._exit(0)
"""


def _write(path: Path, turns: int) -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i in range(turns):
            h, rest = divmod(i * 3, 3600)
            out.write(f"Speaker {i % 3 + 1} {h:02d}:{rest // 60:02d}:{rest % 60:02d} "
                      f"Turn {i} says a few words about boats.\n")


def main() -> None:
    turns = 200_000 if "--quick" in sys.argv else 1_000_000
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "million.txt"
        _write(path, turns)
        env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
                   TRANSCRIPT_EDITOR_SETTINGS=str(Path(folder) / "s.ini"),
                   TRANSCRIPT_EDITOR_DATA_DIR=str(Path(folder) / "data"))
        print(f"{turns:,} turns, {path.stat().st_size / 1e6:.0f} MB")
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "editor", "check", str(path)], env=env, capture_output=True,
                       check=True)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        print(f"  check:  {time.monotonic() - started:5.1f} s, peak {peak} MB (limit 1536 MB)")
        done = subprocess.run([sys.executable, "-c", _WINDOW, str(path), str(ROOT)], env=env,
                              capture_output=True, text=True, check=True)
        rows, read, during, after, peak = done.stdout.split()
        print(f"  window: {rows} turns read in {read} s; longest stall while reading {during} s, "
              f"in the 20 s after {after} s; peak {peak} MB (limit 1536 MB)")


if __name__ == "__main__":
    main()
