"""A whole-episode pass cancelled right after it starts (a window closed just after opening an
episode) ends by itself and prints nothing: its worker pool, still starting or busy with its
queued turns, is waited for, not left to a process that is exiting (tests/ui/cancelled_pass.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HANG_GUARD_S = 180      # a short episode's passes end in seconds; a pass that never ends fails here


def test_a_pass_cancelled_as_it_starts_ends_and_prints_nothing(tmp_path):
    script = Path(__file__).with_name("cancelled_pass.py")
    # The script's output pipes stay open until every process of its tree has ended.
    out = subprocess.run([sys.executable, str(script), str(tmp_path)], capture_output=True, text=True,
                         timeout=HANG_GUARD_S, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stderr == ""
    assert out.returncode == 0
    lines = out.stdout.splitlines()
    assert [line.partition(":")[0] for line in lines] == ["cancelled as its first worker started",
                                                          "cancelled after its first turn"]
    assert lines[1].startswith("cancelled after its first turn: 1 of 6 turns")
