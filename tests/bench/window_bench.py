"""What the window benches share: a private environment and waiting on the event loop.

:func:`private_environment` points settings, data and caches at a fresh folder (no producer's
glossaries, recent files or alignment caches are read or written, and every run starts alike);
call it before the window is made. :func:`wait_until` runs the event loop until a condition holds;
:func:`spin` runs it for a while, :func:`until_idle` until the process spends no CPU for a while.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path


def private_environment(prefix: str, caches: bool = True) -> Path:
    """A fresh folder holding the window's settings, data and (with *caches*) caches; returns it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("TRANSCRIPT_EDITOR_AOUT", "dummy")
    private = Path(tempfile.mkdtemp(prefix=prefix))
    os.environ["XDG_DATA_HOME"] = str(private / "data")        # glossaries land here
    os.environ["XDG_CONFIG_HOME"] = str(private / "config")
    if caches:
        os.environ["XDG_CACHE_HOME"] = str(private / "cache")      # alignments, working copies, word lists
    os.environ["TRANSCRIPT_EDITOR_SETTINGS"] = str(private / "settings.ini")
    return private


def wait_until(app, done, timeout_s: float = 60.0, what: str = "the work") -> float:
    """Run the event loop until *done()*; returns the seconds it took."""
    started = time.perf_counter()
    while not done():
        if time.perf_counter() - started > timeout_s:
            raise TimeoutError(f"{what} did not finish in {timeout_s:.0f} s")
        app.processEvents()
        time.sleep(0.0002)
    return time.perf_counter() - started


def spin(seconds: float) -> None:
    """Run the event loop for *seconds* (timers, queued signals and repaints all run)."""
    from PySide6.QtCore import QEventLoop, QTimer
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def until_idle(quiet_s: float = 1.0) -> None:
    """Run the event loop until a *quiet_s* stretch of it costs this process (almost) no CPU."""
    while True:
        cpu = time.process_time()
        spin(quiet_s)
        if time.process_time() - cpu < 0.01:
            return
