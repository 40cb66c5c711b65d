"""An approved turn whose text is changed afterwards needs approving again, in the same undo step."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from window_helpers import press  # noqa: E402

from editor.core import project  # noqa: E402
from editor.core.transcript import ReviewStatus  # noqa: E402
from editor.publish import readiness  # noqa: E402
from editor.session.journal_lines import decode_line, segments_from_json  # noqa: E402
from editor.settings import Key  # noqa: E402

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_typing_in_an_approved_turn_takes_its_approval_back_and_undo_restores_both(timed_window, qtbot):
    w = timed_window
    w.settings.set(Key.REVIEWER_NAME, "Ada Reviewer")
    assert w.review.approve(1)
    approved_at = w.model.segment(1).approved_at
    assert w.review.recount().approved == 1
    assert w.view.badge_rects(1).get("status") is not None          # "✓ approved"

    QTest.keyClicks(w.view.open_editor(1, len("we hauled")), " all")
    segment = w.model.segment(1)
    assert segment.text == "we hauled all the nets before the rain started falling"
    assert segment.status is ReviewStatus.UNREVIEWED and segment.approved_by == "" and segment.approved_at == ""
    assert "status" not in w.view.badge_rects(1) and "edited" in w.view.badge_rects(1)
    assert w.review.recount().approved == 0                          # the review bar counts it out
    assert 1 in readiness.check(w.model.transcript).unapproved       # "approved only" publishing holds it back
    assert w.edits.stack.count() == 2                                # Approve, then one Typing step
    qtbot.waitUntil(lambda: "approve it again" in w.statusBar().currentMessage(), timeout=10_000)

    press(w, Qt.Key.Key_Z, CTRL)                                     # one Undo: the text and the approval
    segment = w.model.segment(1)
    assert segment.text == "we hauled the nets before the rain started falling"
    assert segment.status is ReviewStatus.APPROVED and segment.approved_by == "Ada Reviewer"
    assert segment.approved_at == approved_at
    assert w.review.recount().approved == 1
    press(w, Qt.Key.Key_Z, CTRL | SHIFT)                             # Redo: edited and unapproved again
    assert w.model.segment(1).text.startswith("we hauled all")
    assert w.model.segment(1).status is ReviewStatus.UNREVIEWED


def test_the_recovery_journal_keeps_the_lost_approval(timed_window, tmp_path):
    w = timed_window
    assert w.review.approve(2)
    assert w.project.save()
    QTest.keyClicks(w.view.open_editor(2, 0), "and ")
    journal = w.project.autosave.journal
    journal.sync()
    # The window holds its journal locked; read its lines as recovery would replay them.
    lines = journal.path.read_bytes().splitlines(keepends=True)[1:]
    records = [decode_line(line) for line in lines]     # a line per keystroke
    ((row, data),) = records[-1]["set"]
    (replayed,) = segments_from_json([data], w.model.transcript.speakers)
    assert row == 2 and replayed.text.startswith("and then")
    assert replayed.status is ReviewStatus.UNREVIEWED and replayed.approved_by == ""
    saved = project.load(w.files.current_path).transcript
    assert saved.segments[2].status is ReviewStatus.APPROVED          # the saved project still has it


def test_an_unapproved_turn_keeps_its_status_when_typed_in(timed_window):
    w = timed_window
    assert w.review.flag("the boat's name?", 3)
    QTest.keyClicks(w.view.open_editor(3, 0), "so ")
    assert w.model.segment(3).status is ReviewStatus.FLAGGED and w.model.segment(3).note == "the boat's name?"
    assert w.statusBar().currentMessage() == "" or "approve it again" not in w.statusBar().currentMessage()
