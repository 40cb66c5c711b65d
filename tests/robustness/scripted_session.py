"""The real application making a scripted series of edits (the window's SIGKILL test).

Run as ``python tests/robustness/scripted_session.py FILE`` with
``TRANSCRIPT_EDITOR_TEST_EDITS=<script.jsonl>``: it starts the application exactly as
``python -m editor FILE`` does (:func:`editor.ui.app.start`) and, with the file open,
the window:

1. restores the work a crash left, when ``TRANSCRIPT_EDITOR_TEST_RESTORE=1``,
   by pressing Restore in the very box the producer sees;
2. writes what it shows to ``TRANSCRIPT_EDITOR_TEST_DUMP`` (a project file), if set;
3. prints ``ready <seq>`` (the journal's last committed edit);
4. runs each action of the script (``tests/robustness/edit_script.py`` format)
   through the window's own undo stack and command classes: ``undo``/``redo``
   through :class:`EditController` (which ends a typing step like the Undo key
   does), ``set_text`` as a :class:`TypingCommand` (same-row typing merges), any
   other edit as an :class:`OpCommand`; after each it prints ``seq <n>`` once the
   journal line is written. One action per event-loop turn, so timers (autosave)
   and repaints run in between as they do while a producer works;
5. every ``TRANSCRIPT_EDITOR_TEST_AUTOSAVE_EVERY`` actions it snapshots as the
   autosave timer does after a pause; at the end it prints ``done`` and keeps running.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path

ENV_EDITS = "TRANSCRIPT_EDITOR_TEST_EDITS"
ENV_RESTORE = "TRANSCRIPT_EDITOR_TEST_RESTORE"
ENV_DUMP = "TRANSCRIPT_EDITOR_TEST_DUMP"
ENV_AUTOSAVE_EVERY = "TRANSCRIPT_EDITOR_TEST_AUTOSAVE_EVERY"
_POLL_MS = 10


def plan(transcript, action: list):
    """The core op for one scripted (non undo/redo) action: ``["set_text", row, text]`` etc."""
    from editor.core import ops
    name, args = action[0], action[1:]
    if name == "remove_mark":            # scripts name a mark by its index in the turn
        row, index = args
        return ops.remove_mark(transcript, row, transcript.segments[row].marks[index])
    if name == "replace_spans":          # JSON has lists, the planner takes tuples
        return ops.replace_spans(transcript, [tuple(span) for span in args[0]])
    if name == "ignore_passages":        # JSON has lists, the planner takes tuples
        row, spans = args
        return ops.ignore_passages(transcript, row, [tuple(span) for span in spans])
    if name == "unignore_passages":      # scripts name a passage by its index in the turn
        row, index = args
        return ops.unignore_passages(transcript, row, [transcript.segments[row].ignored[index]])
    if name == "shift_times":            # ["shift_times", delta_ms, first]: the planner says what it did too
        return ops.shift_times(transcript, *args).op
    return getattr(ops, name)(transcript, *args)


def apply(window, action: list) -> None:
    """One action through the window's undo stack, as its own handlers push it."""
    from editor.ui.document.commands import OpCommand, TypingCommand
    name = action[0]
    if name == "undo":
        window.edits.undo()
    elif name == "redo":
        window.edits.redo()
    elif name == "set_text":
        window.undo_stack.push(TypingCommand(window.model, plan(window.model.transcript, action), action[1]))
    else:
        row = action[1] if len(action) > 1 and isinstance(action[1], int) else -1
        window.undo_stack.push(OpCommand(window.model, plan(window.model.transcript, action), name, row))


def journal_seq(window) -> int:
    journal = window.project.autosave.journal
    return journal.seq if journal is not None else 0


def start(window, document: str, script_path: str) -> None:
    """Drive *window* once *document* is open."""
    from PySide6.QtCore import QTimer
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "ui"))   # the restore prompt, found as tests find it
    from message_boxes import button
    from restore_helpers import restore_prompt
    with open(script_path, encoding="utf-8") as handle:
        script = [json.loads(line) for line in handle if line.strip()]
    document = os.path.abspath(document)
    autosave_every = int(os.environ.get(ENV_AUTOSAVE_EVERY) or 0)
    state = {"next": 0, "restore_asked": False}

    def when_open() -> None:
        if window.files.current_path != document:
            QTimer.singleShot(_POLL_MS, when_open)
            return
        if window.project.recovery.reading is not None:     # the journal left behind is read for its prompt
            QTimer.singleShot(_POLL_MS, when_open)
            return
        box = restore_prompt(window)                        # the offer is queued right after opening
        if os.environ.get(ENV_RESTORE) == "1":
            if box is None and not state["restore_asked"]:
                state["restore_asked"] = True      # give the queued offer one more turn
                QTimer.singleShot(_POLL_MS, when_open)
                return
            if box is not None:
                button(box, "Restore").click()
        elif box is not None:
            button(box, "Discard").click()
        dump = os.environ.get(ENV_DUMP)
        if dump:
            from editor.core import project
            project.save(window.model.transcript, dump)
        print(f"ready {journal_seq(window)}", flush=True)
        QTimer.singleShot(0, step)

    def step() -> None:
        number = state["next"]
        if number >= len(script):
            print("done", flush=True)
            return
        apply(window, script[number])
        state["next"] = number + 1
        print(f"seq {journal_seq(window)}", flush=True)
        if autosave_every and (number + 1) % autosave_every == 0:
            window.project.autosave.save_now()     # what the timer does after a pause
        QTimer.singleShot(0, step)

    with contextlib.suppress(AttributeError):
        sys.stdout.reconfigure(line_buffering=True)
    QTimer.singleShot(0, when_open)


if __name__ == "__main__":
    from editor.ui import app as application
    qt_app, main_window, options = application.start(sys.argv[1:])
    start(main_window, options.file, os.environ[ENV_EDITS])
    sys.exit(qt_app.exec())
