"""A check of corrections against the audio that cannot be done (the audio cannot be read) says why
once the check has ended: the line that says so never shows beside a Stop button still on show,
in the Correct Everywhere dialog and in the Glossary Suggestions panel alike. The check's failure and
its thread's end are two signals queued from the worker thread, handled in two turns of the event loop."""

from __future__ import annotations

import pytest
from edit_helpers import timed_transcript
from scanned_panel import scanned_panel

from editor.core.glossary import Glossary
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.names.correct_dialog import CorrectDialog

CHECK_TIMEOUT_MS = 60_000     # the window's audio process starts with the first check


@pytest.fixture
def unreadable_audio(tmp_path):
    path = tmp_path / "episode.wav"
    path.write_text("not audio at all\n" * 50)
    return path


def _faces(checks, status, stop_button, over) -> list[tuple[str, bool]]:
    """(status line, Stop on show) each time *checks* reports a failure or its end, seen right after
    the owner took it (connected after the owner's own slots)."""
    faces: list[tuple[str, bool]] = []

    def look(*_) -> None:
        faces.append((status.text(), stop_button.isVisibleTo(over)))

    checks.failed.connect(look)
    checks.finished.connect(look)
    return faces


def test_correct_everywhere_says_the_audio_could_not_be_read_once_its_check_has_ended(qtbot, unreadable_audio):
    model = TranscriptModel(timed_transcript())
    dialog = CorrectDialog(model, "foghorn", "fog horn", audio_path=str(unreadable_audio))
    qtbot.addWidget(dialog)
    faces = _faces(dialog._checks, dialog.audio_status, dialog.stop_check_button, dialog)
    # Listed, then checked at once: a check of unreadable audio can end within the same 10 ms of
    # processing events that listed the places, so the end of the check is waited for, not its start.
    qtbot.waitUntil(lambda: bool(faces) and not dialog.is_checking_audio(), timeout=CHECK_TIMEOUT_MS)
    assert [c.found for c in dialog.candidates] == ["foghorn"]
    assert dialog.audio_status.text().startswith("Not checked against the audio: ")
    assert "episode.wav" in dialog.audio_status.text()
    said = [stop_shown for status, stop_shown in faces if status.startswith("Not checked")]
    assert said and not any(said)
    assert not dialog.stop_check_button.isVisibleTo(dialog)


def test_the_suggestions_panel_says_the_audio_could_not_be_read_once_its_check_has_ended(qtbot, tmp_path,
                                                                                         unreadable_audio):
    model = TranscriptModel(timed_transcript())
    glossary = Glossary(path=tmp_path / "harbour.json", show="Harbour Night")
    glossary.add("Fog Horn", ["foghorn"])
    panel = scanned_panel(qtbot, model, glossary)
    assert [s.found for s in panel.suggestions] == ["foghorn"]
    faces = _faces(panel._checks, panel.status, panel.stop_check_button, panel)
    checked = []
    panel.audio_checked.connect(checked.append)
    assert panel.check_audio(str(unreadable_audio)) == 1
    qtbot.waitUntil(lambda: bool(checked), timeout=CHECK_TIMEOUT_MS)
    assert checked == [False] and not panel.is_checking_audio()
    assert panel.status.text().startswith("Suggestions not checked against the audio: ")
    assert "episode.wav" in panel.status.text()
    said = [stop_shown for status, stop_shown in faces if status.startswith("Suggestions not checked")]
    assert said and not any(said)
    assert not panel.stop_check_button.isVisibleTo(panel)
