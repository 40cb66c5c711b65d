"""The Glossary Suggestions panel over a long episode's many suggestions: a split or merge, and the
rescan's list after it, cost the list a signal or two, not one per suggestion (its items are made
as the view paints them, a screenful). tests/bench/bench_suggestions_panel.py has the times."""

from __future__ import annotations

from editor.core import ops
from editor.core.glossary import Glossary, Suggestion
from editor.core.transcript import Segment, Speaker, Transcript
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.names.glossary_scan import GlossaryScan
from editor.ui.names.glossary_suggestions import SuggestionsPanel

TURNS = 600
PER_TURN = 3       # 1,800 suggestions
TEXT = "we met Maren Hult and Petter Lund at the harbour before the rain came in"


def _panel(qtbot) -> tuple[TranscriptModel, SuggestionsPanel, list[Suggestion]]:
    speakers = {"a": Speaker("a", "Maren Holt"), "b": Speaker("b", "Petter Lund")}
    segments = [Segment(f"t{i}", i * 6000, i * 6000 + 5000, TEXT, speaker_id="ab"[i % 2]) for i in range(TURNS)]
    model = TranscriptModel(Transcript(speakers=speakers, segments=segments))
    scan = GlossaryScan(model)
    panel = SuggestionsPanel(model, Glossary(), scan)
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    qtbot.waitExposed(panel)
    found = []
    for row in range(TURNS):
        for word, right in (("Hult", "Holt"), ("harbour", "Harbor"), ("rain", "Raine")):
            start = TEXT.index(word)
            found.append(Suggestion(row, start, start + len(word), word, right, 90, "spelling", TEXT, 0,
                                    row * 6000, ("spelling",)))
    return model, panel, found


def _counted(model) -> dict[str, list]:
    seen: dict[str, list] = {"changed": [], "inserted": [], "reset": []}
    model.dataChanged.connect(lambda *args: seen["changed"].append(args))
    model.rowsInserted.connect(lambda *args: seen["inserted"].append(args))
    model.modelReset.connect(lambda: seen["reset"].append(True))
    return seen


def test_a_split_and_the_rescans_list_cost_the_list_a_signal_not_one_per_suggestion(qtbot):
    model, panel, found = _panel(qtbot)
    panel.show_scan(found)
    assert panel.list.model().rowCount() == TURNS * PER_TURN
    listed = _counted(panel.list.model())

    model.run(ops.split(model.transcript, 10, TEXT.index("Petter")))     # whole rows replaced
    assert len(listed["changed"]) <= 1 and not listed["inserted"] and not listed["reset"]
    assert panel.is_scanning()      # the list is scanned again in the background

    panel.show_scan(found)     # what the rescan lists (here the same suggestions)
    assert listed["reset"] == [True] and not listed["inserted"] and len(listed["changed"]) <= 1
    items = panel.list.model()
    assert items.rowCount() == TURNS * PER_TURN
    assert items.index(0, 0).data().startswith("✓ Hult  →  Holt\n    00:00 · 90% · Maren Holt")
    assert items.index(TURNS * PER_TURN - 1, 0).data().startswith("✓ rain  →  Raine\n")

    model.run(ops.merge_with_next(model.transcript, 10))
    assert len(listed["changed"]) <= 2 and not listed["inserted"] and listed["reset"] == [True]
    qtbot.waitUntil(lambda: not panel.is_scanning(), timeout=60_000)    # its scans end before the panel goes
