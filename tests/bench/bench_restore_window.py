"""Restoring a long journal in the window: each journal line comes back as an undo step, the
window stays responsive meanwhile, and restore's cost per line does not grow with the document.

Run: ``.venv/bin/python tests/bench/bench_restore_window.py [--edits N] [--turns N]``. Writes the
10-hour synthetic episode as a project, journals N edits onto it in the core (typing in turns
spread over the episode, every tenth an approval), then opens it in the window and restores;
prints the core's replay (no undo steps), the window's restore (from the click on Restore until the
undo steps are there) and the longest stretch the GUI thread did not get back to its event loop
during it (a 5 ms timer's largest gap), in milliseconds.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "ui"))
from synthetic import ten_hour_episode  # noqa: E402
from window_bench import private_environment, wait_until  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--turns", type=int, default=2400)
    args = parser.parse_args()
    private = private_environment("bench-restore-")
    import os
    os.environ["TRANSCRIPT_EDITOR_DATA_DIR"] = str(private / "data")

    from fake_player import fake_player_factory
    from message_boxes import button
    from PySide6.QtWidgets import QApplication
    from restore_helpers import restore_prompt

    from editor.core import ops, project
    from editor.session import recovery
    from editor.session.journal import Journal

    path = private / "ten-hours.tep.json"
    project.save(ten_hour_episode(turns=args.turns), path)
    transcript = project.load(path).transcript
    rng = random.Random(3)
    journal = Journal.for_document(path, saved=True)
    for number in range(args.edits):
        row = rng.randrange(len(transcript.segments))
        if number % 10 == 9:
            journal.run(transcript, ops.set_status(transcript, [row], "approved", "bench", "now"))
        else:
            journal.run(transcript, ops.set_text(transcript, row, transcript.segments[row].text + "s"))
    journal.close()
    expected = [segment.text for segment in transcript.segments]

    t0 = time.perf_counter()
    pending = recovery.find_for(path, True)
    find_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    core = pending.recover()
    core_ms = (time.perf_counter() - t0) * 1000
    assert [segment.text for segment in core.segments] == expected

    app = QApplication.instance() or QApplication([])
    from editor.ui.main_window import MainWindow
    window = MainWindow(player_factory=fake_player_factory)
    window.show()
    from PySide6.QtCore import QTimer
    ticks: list[float] = []
    ticker = QTimer(interval=5)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
    assert window.open_path(str(path))
    ticker.start()
    opened = time.perf_counter()
    ticks.append(opened)
    wait_until(app, lambda: restore_prompt(window) is not None, what="the restore box")
    prompt_ms = (time.perf_counter() - opened) * 1000
    ticks.append(time.perf_counter())
    prompt_stall_ms = max(later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)) * 1000
    restore = button(restore_prompt(window), "Restore")
    wait_until(app, lambda: len(ticks) > 2, what="the ticker")
    t0 = time.perf_counter()
    ticks.append(t0)
    restore.click()
    wait_until(app, lambda: restore_prompt(window) is None and window.project.recovery.restoring is None,
               what="the restore")
    window_ms = (time.perf_counter() - t0) * 1000
    ticks.append(time.perf_counter())
    ticker.stop()
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False) if earlier >= t0]
    stall_ms = max(gaps) * 1000
    assert [segment.text for segment in window.model.transcript.segments] == expected
    print(f"{len(transcript.segments)} turns, {args.edits} journal lines, "
          f"{window.edits.stack.count()} undo steps")
    print(f"reading the journal for the restore prompt: {find_ms:8.1f} ms (in the core)")
    print(f"window: opened until the prompt shows:      {prompt_ms:8.1f} ms (read on a worker, input held)")
    print(f"longest GUI stall until the prompt:         {prompt_stall_ms:8.1f} ms")
    print(f"core replay (load + replay, no undo steps): {core_ms:8.1f} ms")
    print(f"window restore (undo steps):                {window_ms:8.1f} ms "
          f"({window_ms / max(args.edits, 1):.3f} ms per line)")
    print(f"longest GUI stall during the restore:       {stall_ms:8.1f} ms")
    window.project.discard_changes()
    window.close()


if __name__ == "__main__":
    main()
