"""Soak: a long simulated session on the 10-hour episode through the Qt model, a QUndoStack and the journal.

Thousands of scripted edits (typing, replace-all, split/merge, marks, review,
speakers) with undo/redo bursts and a seek after every action, autosave
snapshots along the way. Checks: memory growth stays bounded, the model agrees
with the core transcript, the journal restores exactly the live state, and
undoing everything gives back the opened episode.

The window's own ``EditController``/commands are not committed yet; this uses
the committed ``TranscriptModel`` with the same one-line integration the window
needs (``journal.run(transcript, op, model)`` inside the command).
"""

from __future__ import annotations

import gc
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from edit_script import fingerprint, generate, plan  # noqa: E402
from synthetic import ten_hour_episode  # noqa: E402

from editor.core import ops, project, recovery  # noqa: E402
from editor.core.journal import Journal  # noqa: E402

ACTIONS = int(os.environ.get("TE_SOAK_ACTIONS", "3000"))


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def test_long_session_memory_flat_and_consistent(qtbot, tmp_path):
    from PySide6.QtGui import QUndoCommand, QUndoStack
    from editor.ui.transcript_model import TranscriptModel

    path = tmp_path / "ten-hours.tep.json"
    project.save(ten_hour_episode(), path)
    started = time.monotonic()
    script = generate(project.load(path).transcript, ACTIONS, seed=21)
    generated = time.monotonic() - started
    transcript = project.load(path).transcript
    opened = fingerprint(transcript)
    model = TranscriptModel(transcript)
    journal = Journal.for_document(path, saved=True)
    stack = QUndoStack()

    class Command(QUndoCommand):   # what editor/ui/commands.py does, with the journal line added
        def __init__(self, op, row=None):
            super().__init__("edit")
            self.op, self.row = op, row

        def redo(self):
            self.op = journal.run(model.transcript, self.op, model)
            model.transcript_changed.emit()

        undo = redo

        def id(self):
            return 1 if self.row is not None else -1

        def mergeWith(self, other):
            if other.row != self.row:
                return False
            self.op = ops.merged_undo(self.op, other.op)
            return True

    rng = random.Random(3)
    end_ms = transcript.end_ms
    samples: dict[int, float] = {}
    seeks = 0
    gc.collect()
    samples[0] = _rss_mb()
    for number, action in enumerate(script, 1):
        if action[0] == "undo":
            stack.undo()
        elif action[0] == "redo":
            stack.redo()
        else:
            stack.push(Command(plan(model.transcript, action), action[1] if action[0] == "set_text" else None))
        model.update_current_from_time(rng.randrange(end_ms))   # a seek: highlight lookup after every edit
        seeks += 1
        if number % 200 == 0:
            journal.snapshot_async(model.transcript)
        if number in (ACTIONS // 3, ACTIONS):
            journal.wait_snapshot()
            gc.collect()
            samples[number] = _rss_mb()
    session = time.monotonic() - started - generated

    # The model and the core agree, and the journal restores exactly the live state.
    assert model.rowCount() == len(model.transcript.segments)
    assert all(model.segment(r) is model.transcript.segments[r] for r in range(0, model.rowCount(), 97))
    final = fingerprint(model.transcript)
    journal.close()
    pending = recovery.find_for(path)
    assert pending.last_seq >= ACTIONS and fingerprint(pending.recover()) == final

    # Undo everything: the episode as opened. Redo everything: the final state.
    stack.setIndex(0)
    assert fingerprint(model.transcript) == opened
    stack.setIndex(stack.count())
    assert fingerprint(model.transcript) == final

    first, last = samples[ACTIONS // 3], samples[ACTIONS]
    print(f"\nsoak: {ACTIONS} actions ({stack.count()} undo steps), {seeks} seeks on "
          f"{len(model.transcript.segments)} turns in {session:.1f} s; RSS {samples[0]:.0f} MB at start, "
          f"{first:.0f} MB after {ACTIONS // 3}, {last:.0f} MB after {ACTIONS} "
          f"(+{last - first:.1f} MB for the last {ACTIONS - ACTIONS // 3} actions, undo history included)")
    # Unlimited undo keeps every step's old values; beyond that nothing may pile up.
    assert last - first < 60, f"memory grew {last - first:.0f} MB"
    pending.discard()
