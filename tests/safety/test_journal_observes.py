"""The journal observes committed edits: told what each primitive did after the fact, it records
exactly what running the ops through it records."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "robustness"))

from edit_script import fingerprint, fixture_transcript, generate, run_script  # noqa: E402

from editor.core import ops, project  # noqa: E402
from editor.session import recovery  # noqa: E402
from editor.session.journal import Journal  # noqa: E402


class _Collect:
    """What the window's model does: note the changes of each edit, tell the journal afterwards."""

    def __init__(self):
        self.changes = []

    def about_to_apply(self, op):
        pass

    def applied(self, change):
        self.changes.append(change)


def test_recording_committed_changes_restores_every_state(tmp_path):
    path = tmp_path / "ep.tep.json"
    project.save(fixture_transcript(), path)
    transcript = project.load(path).transcript
    script = generate(fixture_transcript(), 400, seed=11)
    journal = Journal.for_document(path, saved=True, data_dir=tmp_path / "data", fsync_interval=None)

    def observed(op):
        collect = _Collect()
        before = len(transcript.segments)
        undo = ops.run(transcript, op, collect)
        journal.record(transcript, collect.changes, before)
        return undo

    run_script(transcript, script, observed)
    expected = fingerprint(transcript)
    journal.close()
    pending = recovery.find_for(path, True, tmp_path / "data")
    assert pending is not None and pending.recoverable and pending.edit_count == journal.seq
    assert fingerprint(pending.recover()) == expected
