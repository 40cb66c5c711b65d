"""While an autosave snapshot is written on its worker, the cyclic collector waits (it would walk the words
the snapshot makes, holding the GIL the window needs), and what the snapshot made is frozen after it."""

from __future__ import annotations

import gc
import threading

import pytest

from editor.core import ops
from editor.core.transcript import STORED_FIELDS, ReviewStatus
from editor.core.user_data import ENV_DATA_DIR
from editor.formats import read_file
from editor.ui import process_tuning
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.project.autosave import Autosaver


@pytest.fixture
def eager_collector():
    """Collections every 200 allocations, as if the snapshot's words came by the hundred thousand."""
    threshold = gc.get_threshold()
    gc.set_threshold(200, *threshold[1:])
    yield
    gc.set_threshold(*threshold)


def _captions(tmp_path, cues: int = 400):
    path = tmp_path / "episode.srt"
    lines = []
    for i in range(cues):
        start, end = i * 3, i * 3 + 2
        lines += [str(i + 1), f"00:{start // 60:02d}:{start % 60:02d},000 --> 00:{end // 60:02d}:{end % 60:02d},500",
                  f"Cue number {i} says a few more words than the last one did.", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_snapshot_is_written_without_collections_and_what_it_made_is_frozen(tmp_path, monkeypatch, qtbot,
                                                                               eager_collector):
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    source = _captions(tmp_path)
    model = TranscriptModel(read_file(source).transcript)
    stored = STORED_FIELDS.index("stored_words")
    assert all(not isinstance(getattr(s, STORED_FIELDS[stored]), list) for s in model.transcript.segments[1:])
    autosave = Autosaver(lambda: model.transcript)
    model.committed.connect(autosave.on_committed)
    autosave.snapshot_started.connect(process_tuning.snapshot_started)     # as the window installs them
    autosave.snapshot_ended.connect(process_tuning.snapshot_ended)
    autosave.set_document(str(source), "srt", saved=False)
    model.set_text(0, "An edit, so there is something to snapshot.")
    # Most turns changed (their words left as recipes): the snapshot is the whole document, not a delta.
    model.run(ops.set_status(model.transcript, range(1, len(model.transcript.segments)), ReviewStatus.APPROVED))
    on_worker = []

    def collection(phase, _info):
        if phase == "start" and threading.current_thread().name == "autosave":
            on_worker.append(True)

    gc.callbacks.append(collection)
    frozen = gc.get_freeze_count()
    try:
        with qtbot.waitSignal(autosave.written, timeout=30_000) as written:
            assert autosave.save_now()
            assert not gc.isenabled()           # while the worker makes every turn's words
        assert written.args == [True]
    finally:
        gc.callbacks.remove(collection)
        autosave.close()
    assert on_worker == [] and gc.isenabled()
    assert gc.get_freeze_count() > frozen + 400 * 10     # the words made for the snapshot (~11 a turn)


def test_overlapping_pauses_resume_collection_once_the_last_ends():
    assert gc.isenabled()
    process_tuning.snapshot_started()
    process_tuning.snapshot_started()
    process_tuning.snapshot_ended()
    assert not gc.isenabled()
    process_tuning.snapshot_ended()
    assert gc.isenabled()
