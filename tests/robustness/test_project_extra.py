"""A project's free ``extra`` object (alignment cache, glossary ignore list, ...) survives open -> edit -> save.

It travels ``read_file`` -> ``ReadResult.extra`` -> ``FileController.extra`` ->
``project.save(..., extra=)``, and into autosave snapshots so a restored
session keeps it too.
"""

from __future__ import annotations

import json

from PySide6.QtTest import QTest

from editor.core import project
from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta
from editor.formats import read_file
from editor.session import recovery

EXTRA = {"alignment_cache": {"audio_sha": "9f1c0de4", "turns": {"t1": [[0, 410], [410, 900]]}},
         "glossary": {"ignore": ["Vessik", "oakum"]}, "note": "kept by tools we do not know"}


def _write(path):
    transcript = Transcript(TranscriptMeta(title="Slipway"), {"a": Speaker("a", "Ada Quist")},
                            [Segment("t1", 0, 900, "the ketch left the slipway", "a"),
                             Segment("t2", 900, 2000, "Vessik caulked the sternpost", "a")])
    project.save(transcript, path, extra=EXTRA)
    return path


def test_read_file_returns_the_project_extra(tmp_path):
    assert read_file(_write(tmp_path / "slip.tep.json")).extra == EXTRA


def test_window_open_edit_save_keeps_extra(window, tmp_path, qtbot):
    path = _write(tmp_path / "slip.tep.json")
    assert window.open_path(str(path))
    QTest.keyClicks(window.view.open_editor(0, 0), "So ")
    qtbot.waitUntil(lambda: window.project.is_modified())
    assert window.project.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert _without_review(saved["extra"]) == EXTRA   # the window adds where the review stopped
    assert saved["segments"][0]["text"].startswith("So the ketch")


def test_autosave_snapshot_and_restore_keep_extra(window, tmp_path, qtbot):
    path = _write(tmp_path / "slip.tep.json")
    assert window.open_path(str(path))
    QTest.keyClicks(window.view.open_editor(1, 0), "Then ")
    assert window.project.autosave.save_now()
    window.project.autosave.wait()
    window.project.autosave.close()           # as if the process died: the journal stays behind
    pending = recovery.find_for(path)
    assert pending is not None and pending.base.kind == "snapshot"
    recovered = pending.load()
    assert recovered.extra == EXTRA
    assert recovered.transcript.segments[1].text.startswith("Then Vessik")
    assert window.project.recovery.restore(pending)
    assert window.files.extra == EXTRA
    assert window.project.save()
    assert _without_review(json.loads(path.read_text(encoding="utf-8"))["extra"]) == EXTRA


def _without_review(extra: dict) -> dict:
    """A saved project's extra data without the review position the window keeps there."""
    return {key: value for key, value in extra.items() if key != "review"}
