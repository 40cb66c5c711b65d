"""A project opened as the window opens one: its model's commits journaled by an Autosaver."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "robustness"))

from edit_script import fixture_transcript  # noqa: E402

from editor.core import project  # noqa: E402
from editor.ui.document.transcript_model import TranscriptModel  # noqa: E402
from editor.ui.project.autosave import Autosaver  # noqa: E402


def opened_with_autosave(path: Path) -> tuple[TranscriptModel, Autosaver]:
    """The fixture episode saved at *path*, then loaded into a model whose commits an Autosaver journals."""
    project.save(fixture_transcript(), path)
    model = TranscriptModel(project.load(path).transcript)
    autosave = Autosaver(lambda: model.transcript)
    model.committed.connect(autosave.on_committed)
    autosave.set_document(str(path), "project", saved=True)
    return model, autosave
