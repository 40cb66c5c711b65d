"""The Glossary Suggestions panel: one row per suggestion, counts said in good English, and items
whose lines fit the panel as it is first docked."""

from __future__ import annotations

from editor.core.glossary import Glossary, Suggestion
from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.names.glossary_scan import GlossaryScan, distinct
from editor.ui.names.glossary_suggestions import SuggestionsPanel

TEXT = "She ran for the Democrat party in the spring, and later for council."


def _model() -> TranscriptModel:
    segment = Segment(id="t0", start_ms=41_000, end_ms=46_000, speaker_id="S1", text=TEXT)
    return TranscriptModel(Transcript(meta=TranscriptMeta(title="Council"), speakers={"S1": Speaker("S1", "Sandrine")},
                                      segments=[segment]))


def _suggestion(**changes) -> Suggestion:
    start = TEXT.index("Democrat party")
    fields = dict(index=0, start=start, end=start + len("Democrat party"), found="Democrat party",
                  replacement="Democratic Party", score=80, how="sound", context=TEXT, context_start=0,
                  time_ms=41_000, evidence=("sound", "spelling"))
    fields.update(changes)
    return Suggestion(**fields)


def _panel(qtbot) -> SuggestionsPanel:
    model = _model()
    glossary = Glossary()
    glossary.add("Democratic Party")
    panel = SuggestionsPanel(model, glossary, GlossaryScan(model))
    qtbot.addWidget(panel)
    return panel


def test_the_same_suggestion_found_twice_is_listed_once(qtbot):
    panel = _panel(qtbot)
    # Repeats are dropped on the scan's worker thread (ScanWorker), before the panel lists them.
    panel.show_scan(distinct([_suggestion(), _suggestion(evidence=("show-notes",), source="show-notes"),
                              _suggestion(replacement="Democratic Party's")]))
    assert panel.items.rowCount() == 2
    assert panel.status.text().startswith("2 suggestions from 1 glossary entry")


def test_one_suggestion_is_said_as_one(qtbot):
    panel = _panel(qtbot)
    panel.candidates = ("Sandrine Okafor",)
    panel.show_scan([_suggestion()])
    # What was found and from which names; how long the scan took is no news to the producer.
    assert panel.status.text() == "1 suggestion from 1 glossary entry and 1 show-notes name."
    panel._on_checks_finished(True)              # as the audio check ends, with no verdict on it
    assert panel.status.text() == "The suggestion could not be checked against the audio."
    panel.start_scan()
    assert panel.status.text() == "Scanning for 2 names…"
    panel.candidates = ()
    panel.start_scan()
    assert panel.status.text() == "Scanning for 1 name…"


def test_an_items_lines_fit_the_panel_as_first_shown(qtbot):
    panel = _panel(qtbot)
    panel.show_scan([_suggestion()])
    panel.resize(panel.sizeHint())
    panel.show()
    qtbot.waitExposed(panel)
    # what the audio's verdict adds to an item: said as the check has it
    from editor.ui.widgets.verdict_words import AUDIO_SAYS
    longest = max(AUDIO_SAYS.values(), key=len)
    lines = panel._item_text(_suggestion()).splitlines()[:3] + [f"    {longest} · sounds alike"]
    room = panel.list.viewport().width() - 2 * panel.list.spacing() - 8
    metrics = panel.list.fontMetrics()
    assert [line for line in lines if metrics.horizontalAdvance(line) > room] == []   # the context may elide
