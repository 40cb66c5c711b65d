"""Soak: a long simulated session on the 10-hour episode through the real window's undo stack and commands.

Thousands of scripted edits (typing, replace-all, split/merge, marks, review,
speakers) with undo/redo bursts and a seek after every action, autosave
snapshots along the way, all pushed the way the window's own handlers push
them (``scripted_session.apply``: ``TypingCommand`` for typing, so
same-turn typing merges; ``OpCommand`` otherwise; undo/redo through
``EditController``), journaled by the window's ``Autosaver``. Checks: memory
growth stays bounded, the model agrees with the core transcript, the journal
restores exactly the live state, and undoing everything gives back the opened
episode.
"""

from __future__ import annotations

import gc
import os
import random
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))

from edit_script import fingerprint, generate  # noqa: E402
from fake_player import fake_player_factory  # noqa: E402
from synthetic import ten_hour_episode  # noqa: E402

from editor.core import project  # noqa: E402
from editor.session import recovery  # noqa: E402

pytestmark = pytest.mark.slow   # a long editing session on a 10-hour episode

ACTIONS = int(os.environ.get("TE_SOAK_ACTIONS", "3000"))


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def test_long_session_memory_flat_and_consistent(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))
    from PySide6.QtWidgets import QApplication
    from scripted_session import apply

    from editor.ui.main_window import MainWindow

    path = tmp_path / "ten-hours.tep.json"
    project.save(ten_hour_episode(), path)
    started = time.monotonic()
    script = generate(project.load(path).transcript, ACTIONS, seed=21)
    generated = time.monotonic() - started
    gc.collect()
    blocks_before = sys.getallocatedblocks()   # whatever else this process holds (other tests' leftovers)
    window = MainWindow(player_factory=fake_player_factory)   # an editing session: no audio to play
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(str(path))
    model, stack, autosave = window.model, window.undo_stack, window.project.autosave
    transcript = model.transcript
    opened = fingerprint(transcript)

    rng = random.Random(3)
    end_ms = transcript.end_ms
    samples: dict[int, float] = {}
    seeks = 0
    gc.collect()
    samples[0] = _rss_mb()
    blocks_opened = sys.getallocatedblocks() - blocks_before   # the window with the episode open
    for number, action in enumerate(script, 1):
        apply(window, action)
        model.update_current_from_time(rng.randrange(end_ms))   # a seek: highlight lookup after every edit
        seeks += 1
        if number % 50 == 0:
            QApplication.processEvents()       # repaints, timers, as between a producer's keystrokes
        if number % 200 == 0:
            autosave.save_now()                # what the autosave timer does after a pause
        if number in (ACTIONS // 3, ACTIONS):
            autosave.wait()
            gc.collect()
            samples[number] = _rss_mb()
    session = time.monotonic() - started - generated

    # The model and the core agree, and the journal restores exactly the live state.
    assert model.rowCount() == len(model.transcript.segments)
    assert all(model.segment(r) is model.transcript.segments[r] for r in range(0, model.rowCount(), 97))
    final = fingerprint(model.transcript)
    autosave.wait()
    autosave.close()                           # as a kill would leave it
    pending = recovery.find_for(path)
    assert pending.last_seq >= ACTIONS and fingerprint(pending.recover()) == final
    pending.discard()     # with the copy of the episode it restored: not the window's memory
    del pending

    # Undo everything: the episode as opened. Redo everything: the final state. What is checked here
    # is the model and its undo stack: the journal was checked above and closed, as a kill leaves it,
    # so the autosaver stops observing the model first. Otherwise its next edit starts a fresh journal
    # and the ~2,600 undo and redo steps are written to it, unchecked (about 7 s of the test's CPU).
    model.committed.disconnect(autosave.on_committed)
    stack.setIndex(0)
    assert fingerprint(model.transcript) == opened
    stack.setIndex(stack.count())
    assert fingerprint(model.transcript) == final

    # Without the undo history, what the session left behind is the edited episode itself.
    steps = stack.count()
    gc.collect()
    blocks_with_history = sys.getallocatedblocks()
    stack.clear()
    gc.collect()
    blocks_freed = blocks_with_history - sys.getallocatedblocks()
    blocks_left = sys.getallocatedblocks() - blocks_before - blocks_opened
    first, last = samples[ACTIONS // 3], samples[ACTIONS]
    print(f"\nsoak: {ACTIONS} actions ({steps} undo steps), {seeks} seeks on "
          f"{len(model.transcript.segments)} turns in {session:.1f} s; RSS {samples[0]:.0f} MB at start, "
          f"{first:.0f} MB after {ACTIONS // 3}, {last:.0f} MB after {ACTIONS} "
          f"(+{last - first:.1f} MB for the last {ACTIONS - ACTIONS // 3} actions, undo history included); "
          f"Python blocks after clearing the undo history: {blocks_left:+,} ({blocks_left / blocks_opened:+.1%} "
          f"of the opened window's {blocks_opened:,}; {blocks_freed:,} freed by the clear)")
    # Unlimited undo keeps every step's old and new values (a replace-all of a common word on the
    # 10-hour episode is thousands of turns' texts and words), and edited caption turns get words of
    # their own: 90-113 MB measured for these 2,000 actions, alone and after other tests in one process
    # (the allocator's pages vary with what ran before). A copy of the episode kept per action would
    # be gigabytes.
    assert last - first < 160, f"memory grew {last - first:.0f} MB"
    # With the history cleared, what stays is the edited episode's new texts and words (~70,000 words
    # made for turns that had none), the word-span cache of the rows the seeks visited and the
    # glossary's name index built once: 2.2-3.1 times the opened window's own Python blocks measured.
    # History that was never freed would add every undo step's old and new values on top.
    assert blocks_left < 4 * blocks_opened, f"{blocks_left:,} Python blocks left after clearing the history"
    assert blocks_freed > 0.2 * blocks_opened, f"clearing the undo history freed only {blocks_freed:,} blocks"
    window.project.discard_changes()
    window.close()
