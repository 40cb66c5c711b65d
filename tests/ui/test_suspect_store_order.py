"""The Suspects list's order: most doubtful first across the episode (not reading order), ties in
reading order; an approved turn's suspects are not listed (they come back if the approval is taken back)."""

from __future__ import annotations

from editor.core.transcript import ReviewStatus, Segment
from editor.hearing.suspects import Suspect
from editor.ui.hearing.suspect_store import SuspectStore

TEXTS = ["The guest came from the BSA last year.", "We met at small gate on Tuesday.",
         "Her flux was fine, the essay said so."]


def _suspect(row: int, word: str, doubt: float) -> Suspect:
    start = TEXTS[row].index(word)
    return Suspect(row, f"t{row}", start, start + len(word), word, 1000 * row + start, 1000 * row + start + 300,
                   doubt, ["audio"])


def test_listed_most_doubtful_first_and_approved_turns_left_out(qtbot):
    segments = [Segment(id=f"t{row}", start_ms=row * 1000, end_ms=row * 1000 + 900, text=text)
                for row, text in enumerate(TEXTS)]
    store = SuspectStore()
    store.put("t0", TEXTS[0], [_suspect(0, "BSA", 0.4)], row=0)
    store.put("t1", TEXTS[1], [_suspect(1, "small gate", 0.9)], row=1)
    store.put("t2", TEXTS[2], [_suspect(2, "flux", 0.6), _suspect(2, "essay", 0.6)], row=2)

    assert [(row, s.text) for row, s in store.all(segments)] == [
        (1, "small gate"), (2, "flux"), (2, "essay"), (0, "BSA")]

    segments[1].status = ReviewStatus.APPROVED
    store.refresh_rows(segments, 1, 1)
    assert [s.text for _, s in store.all(segments)] == ["flux", "essay", "BSA"]
    segments[1].status = ReviewStatus.UNREVIEWED
    store.refresh_rows(segments, 1, 1)
    assert [s.text for _, s in store.all(segments)][0] == "small gate"
