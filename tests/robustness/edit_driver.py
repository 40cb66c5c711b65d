"""Runs an edit script on a project through the journal, as the window will: the kill tests' victim.

    python tests/robustness/edit_driver.py PROJECT SCRIPT [--autosave-every N] [--save-every N]

It opens PROJECT, starts its journal, prints ``ready``, then runs each action
of SCRIPT (:mod:`edit_script`) through ``Journal.run`` and prints ``seq N``
(flushed) only after the journal write returned. Every N edits it autosaves
(snapshot in the background thread, like the window's timer) or saves the
project and rotates the journal. The test kills it at random moments.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from edit_script import UndoHistory, apply_action, load_script  # noqa: E402

from editor.core import project  # noqa: E402
from editor.session.autosave_delta import Unchanged  # noqa: E402
from editor.session.journal import Journal  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("project")
    parser.add_argument("script")
    parser.add_argument("--autosave-every", type=int, default=0)
    parser.add_argument("--save-every", type=int, default=0)
    parser.add_argument("--pause-ms", type=float, default=0.0, help="between edits (a typing pace)")
    args = parser.parse_args()

    transcript = project.load(args.project).transcript
    script = load_script(args.script)
    journal = Journal.for_document(args.project, saved=True)
    journal.unchanged = Unchanged(transcript.segments, journal.base)   # as the window's autosaver: deltas on it
    history = UndoHistory()
    print("ready", flush=True)
    run = lambda op: journal.run(transcript, op)  # noqa: E731
    for number, action in enumerate(script, 1):
        apply_action(transcript, action, run, history)
        print(f"seq {journal.seq}", flush=True)
        if args.autosave_every and number % args.autosave_every == 0:
            journal.snapshot_async(transcript)
        if args.save_every and number % args.save_every == 0:
            journal.save_project(transcript, args.project)   # as the window saves
        if args.pause_ms:
            time.sleep(args.pause_ms / 1000)
    journal.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
