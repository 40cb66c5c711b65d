"""The window's autosaver writes deltas: the turns its model's edits and derived data touched since the
document was opened, and nothing else; a restore after a kill gives back the document it saw, derived
data included (word times the journal never wrote). Every edit undone, the journal goes and the next
one's delta adds to the file again."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "robustness"))

from edit_script import fingerprint  # noqa: E402

from editor.core import ops  # noqa: E402
from editor.session import recovery  # noqa: E402
from editor.session.autosave_delta import DELTA_KEY  # noqa: E402
from tests.safety.autosaved_document import opened_with_autosave  # noqa: E402


def _write_snapshot(qtbot, autosave) -> dict:
    with qtbot.waitSignal(autosave.written, timeout=30_000) as written:
        assert autosave.save_now()
    assert written.args == [True]
    return json.loads(Path(autosave.journal.base.path).read_bytes())


def _killed(autosave) -> None:
    journal = autosave.journal
    journal.wait_snapshot()
    os.close(journal._fd)
    journal._closed = True


def test_derived_data_before_the_first_edit_is_in_the_delta_and_restored(tmp_path, qtbot, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "ep.tep.json"
    model, autosave = opened_with_autosave(path)
    model.derived.connect(autosave.on_derived)
    segment = model.transcript.segments[3]
    later = [dataclasses.replace(w, start_ms=w.start_ms + 7, end_ms=w.end_ms + 7) for w in segment.words]
    model.run_derived(ops.SetFields(((3, {"words": later}),)))    # word times found in the audio
    model.set_text(10, "The first edit, after the word times came.")
    data = _write_snapshot(qtbot, autosave)
    assert DELTA_KEY in data
    assert [s["id"] for s in data["changed"]["segments"]] == [segment.id, model.transcript.segments[10].id]
    expected = fingerprint(model.transcript)
    _killed(autosave)
    pending = recovery.find_for(path)
    assert pending is not None and pending.recoverable
    assert fingerprint(pending.recover()) == expected


def test_after_every_edit_is_undone_the_next_delta_adds_to_the_file_again(tmp_path, qtbot, monkeypatch):
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "ep.tep.json"
    model, autosave = opened_with_autosave(path)
    undo = model.run(ops.merge_with_next(model.transcript, 4))      # rows move: the delta places every turn after it
    _write_snapshot(qtbot, autosave)
    model.run(undo)
    autosave.drop_unchanged()       # as the window does when the undo stack is clean again
    assert autosave.journal is None
    model.set_text(20, "A new edit on the file as it was.")
    data = _write_snapshot(qtbot, autosave)
    assert data[DELTA_KEY]["base"]["path"] == str(path)
    assert [s["id"] for s in data["changed"]["segments"]] == [model.transcript.segments[20].id]
    expected = fingerprint(model.transcript)
    _killed(autosave)
    assert fingerprint(recovery.find_for(path).recover()) == expected


def test_a_whole_snapshot_is_serialized_a_slice_at_a_time_between_turns_of_the_window(tmp_path, qtbot, monkeypatch):
    """Its worker waits for the window's event loop to go round between slices (the GIL the window
    needs is not taken from it for longer than a slice)."""
    import threading

    from editor.core.transcript import ReviewStatus
    from editor.ui.project.autosave import Autosaver
    monkeypatch.setenv("TRANSCRIPT_EDITOR_DATA_DIR", str(tmp_path / "data"))
    given = []
    real_give = Autosaver._give_turn

    def give_turn(self, turn):
        given.append(threading.current_thread())
        real_give(self, turn)
    monkeypatch.setattr(Autosaver, "_give_turn", give_turn)
    path = tmp_path / "ep.tep.json"
    model, autosave = opened_with_autosave(path)
    model.run(ops.set_status(model.transcript, range(len(model.transcript.segments)), ReviewStatus.FLAGGED))
    data = _write_snapshot(qtbot, autosave)
    assert DELTA_KEY not in data and len(data["segments"]) == len(model.transcript.segments)
    assert given and set(given) == {threading.main_thread()}
    expected = fingerprint(model.transcript)
    _killed(autosave)
    assert fingerprint(recovery.find_for(path).recover()) == expected
