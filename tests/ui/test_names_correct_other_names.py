"""Correct Everywhere lists a sound-alike that is part of someone else's full name unticked, saying why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from window_helpers import wait_listed

from editor.core import ops
from editor.core.transcript import Segment, Transcript
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.names.candidate_table import MATCH_COLUMN, TICK_COLUMN
from editor.ui.names.correct_dialog import CorrectDialog

TURNS = [
    "Welcome back to Fen Radio, I'm Maren Kettle and my guest is Baraka.",
    "Thanks. Back when Barack Obama was in office we had no station at all.",
    "Even Barack Obama would have listened, I think.",
    "My co-host Thomas Rayes is here too, and later Thomas Rayez reads the news.",
    "So thank you, Baraka, and see you next week.",
]


def _dialog(qtbot, wrong: str, right: str):
    transcript = Transcript()
    for i, text in enumerate(TURNS):
        transcript.segments.append(Segment(f"s{i}", i * 6000, i * 6000 + 5000, text))
    model = TranscriptModel(transcript)
    dialog = CorrectDialog(model, wrong, right)
    qtbot.addWidget(dialog)
    dialog.apply_requested.connect(lambda spans, text: model.run(ops.replace_spans(model.transcript, spans)))
    wait_listed(qtbot, dialog)
    return dialog, model


def test_a_sound_alike_inside_another_full_name_is_listed_unticked_with_the_reason(qtbot):
    dialog, model = _dialog(qtbot, "Baraka", "Daraka")
    found = [(c.found, c.how) for c in dialog.candidates]
    assert found == [("Baraka", "exact"), ("Barack", "sound"), ("Barack", "sound"), ("Baraka", "exact")]
    assert [c.score >= 85 for c in dialog.candidates] == [True] * 4     # the text alone would tick them all
    assert [c.found for c in dialog.ticked()] == ["Baraka", "Baraka"]
    rows = dialog.table.model()
    assert rows.index(1, MATCH_COLUMN).data().endswith("in “Barack Obama”")
    tip = rows.index(1, TICK_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert "Not ticked" in tip and "Barack Obama" in tip
    assert dialog.apply_ticked() == 2
    text = " ".join(s.text for s in model.transcript.segments)
    assert "Daraka Obama" not in text and text.count("Barack Obama") == 2 and text.count("Daraka") == 2


def test_a_sound_alike_beside_the_same_first_name_is_still_ticked(qtbot):
    # "Rayez" is lifted by sound like "Barack", but the dictionary does not know it and "Thomas"
    # stands beside the wrong phrase too: the same person, misspelt.
    dialog, _ = _dialog(qtbot, "Rayes", "Reyes")
    assert [(c.found, c.how, c.other_name) for c in dialog.candidates] == [
        ("Rayes", "exact", ""), ("Rayez", "sound", "")]
    assert [c.found for c in dialog.ticked()] == ["Rayes", "Rayez"]
