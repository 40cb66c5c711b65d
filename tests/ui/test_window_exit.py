"""Closing the window ends the application without waiting for its background passes' workers: a
pass's workers still loading PocketSphinx's model (niced, seconds on a loaded machine; here a model
that never finishes loading) are killed, and the pass is not waited for beyond a moment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from model_folders import stalled_models
from process_ends import ended

HANG_GUARD_S = 180     # the application ends in about a second; one waiting on its workers fails here


def test_closing_the_window_while_the_aligners_workers_load_ends_the_application(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               TRANSCRIPT_EDITOR_SETTINGS=str(tmp_path / "s.ini"), POCKETSPHINX_PATH=str(stalled_models(tmp_path)),
               PYTHONPATH=os.pathsep.join(sys.path))
    app = subprocess.Popen([sys.executable, str(Path(__file__).with_name("closing_window.py")), str(tmp_path)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        # Read to the end: the pipes close once every process of the application has ended.
        out, err = app.communicate(timeout=HANG_GUARD_S)
    finally:
        app.kill()
    lines = out.splitlines()
    assert "closing" in lines, err[-3000:]
    pids = [int(line) for line in lines[:lines.index("closing")]]
    assert len(pids) >= 2, "the window closed before the pass started its workers"
    assert lines[-1] == "ended 0" and app.returncode == 0, err[-3000:]
    # Nothing else on the terminal: no traceback, no semaphore left to the resource tracker.
    assert [line for line in err.splitlines() if "propagateSizeHints" not in line] == []    # (offscreen Qt's own)
    assert all(ended(pid, HANG_GUARD_S) for pid in pids)
