"""The Edit menu's Undo item names the step in title case, as the menu's other items are
("Undo Approve Turn", not "Undo Approve turn")."""

from __future__ import annotations

from editor.core.transcript import MarkKind, ReviewStatus


def test_undo_names_each_kind_of_step_in_title_case(timed_window):
    window = timed_window
    edits, review, undo = window.edits, window.review, window.action_table["undo"]
    window.model.set_current(0)
    steps = [
        (lambda: review.approve(0), "Approve Turn"),
        (lambda: review.set_status(ReviewStatus.FLAGGED, 0), "Flag Turn"),
        (lambda: review.set_status(ReviewStatus.UNREVIEWED, 0), "Mark Turn Unreviewed"),
        (lambda: edits.add_mark(MarkKind.CROSSTALK), "Mark Crosstalk"),
        (lambda: edits.remove_mark(0, window.model.transcript.segments[0].marks[-1]), "Remove Crosstalk Marker"),
        (lambda: edits.add_speaker("Ada Quist") is not None, "Add Speaker Ada Quist"),
        (lambda: edits.set_speaker_by_name("Ada Quist", 0), "Change Speaker"),
        (lambda: edits.merge_with_next(), "Merge Turns"),
    ]
    for step, text in steps:
        assert step(), text
        assert undo.text() == f"&Undo {text}"
    edits.undo()
    assert window.action_table["redo"].text() == "&Redo Merge Turns"
