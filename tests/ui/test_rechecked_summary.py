"""What the status bar says once the audio has checked again the turns whose suspects an edit took
away: one line however many turns one edit (Apply all, Correct Everywhere) touched."""

from __future__ import annotations

from editor.core.transcript import Segment
from editor.hearing.suspects import Suspect
from editor.ui.hearing.hearing_controller import _rechecked_summary


def _turn(index: int, start_ms: int | None = 62_000) -> Segment:
    return Segment(f"s{index}", start_ms, None, "Our guest is Tobias Wrenfield today.")


def _doubt(index: int, text: str, doubt: float) -> Suspect:
    return Suspect(index, f"s{index}", 13, 29, text, 1000, 1800, doubt, ["audio"])


def test_one_turn_right_or_still_doubted_names_its_time_and_the_most_doubtful_passage():
    assert _rechecked_summary([(_turn(1), [])]) == "The audio says this is right: the edited turn at 01:02 fits it"
    assert _rechecked_summary([(_turn(1, None), [])]) == "The audio says this is right: the edited turn fits it"
    doubted = [_doubt(1, "Tobias", 0.4), _doubt(1, "Wrenfield", 0.9)]
    assert _rechecked_summary([(_turn(1), doubted)]) == \
        "The audio still doubts “Wrenfield” in the edited turn at 01:02 (Next Suspect goes there)"


def test_many_turns_are_told_in_one_line():
    right = [(_turn(i), []) for i in range(3)]
    assert _rechecked_summary(right) == "The audio says this is right: all 3 edited turns fit it"
    assert _rechecked_summary([*right, (_turn(4), [_doubt(4, "Wrenfield", 0.9)])]) == \
        ("The audio says 3 of the 4 edited turns are right; 1 still has a passage to listen to "
         "(Next Suspect goes there)")
    assert _rechecked_summary([(_turn(i), [_doubt(i, "Wrenfield", 0.9)]) for i in range(2)]) == \
        "The audio still doubts a passage in each of the 2 edited turns (Next Suspect goes there)"
