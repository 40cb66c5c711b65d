"""Glossary dialog (table, CSV) and the background suggestions panel on the real sample episode."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication, QTableWidgetItem

from editor.core import ops
from editor.core.glossary import Glossary
from editor.core.timecode import format_clock
from editor.core.transcript import Word, WordTiming
from editor.formats import read_file
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.names.glossary_dialog import GlossaryDialog
from editor.ui.names.glossary_scan import GlossaryScan
from editor.ui.names.glossary_suggestions import SuggestionsPanel

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "sample-episode.txt"


@pytest.fixture()
def glossary(tmp_path) -> Glossary:
    g = Glossary(path=tmp_path / "saltmarsh.json", show="Saltmarsh Radio")
    g.add("Vardholm", ["Vard Home"], "lighthouse")
    return g


@pytest.fixture()
def model():
    return TranscriptModel(read_file(SAMPLE).transcript)


@pytest.fixture()
def scan(model):
    return GlossaryScan(model)


def _panel(qtbot, model, glossary, scan) -> SuggestionsPanel:
    """The panel over *scan*, listing what it finds as the window's glossary controller has it do."""
    panel = SuggestionsPanel(model, glossary, scan)
    qtbot.addWidget(panel)
    scan.finished.connect(panel.show_scan)
    return panel


def test_dialog_edits_and_saves(qtbot, glossary, tmp_path):
    dialog = GlossaryDialog(glossary)
    qtbot.addWidget(dialog)
    assert dialog.table.item(0, 1).text() == "Vard Home"
    dialog.add_row()
    row = dialog.table.rowCount() - 1
    dialog.table.setItem(row, 0, QTableWidgetItem("Kettle Ness"))
    dialog.table.setItem(row, 1, QTableWidgetItem("Kettle Nest; Cattle Ness"))
    dialog.accept()
    saved = Glossary.load(tmp_path / "saltmarsh.json")
    assert saved.entry_for("Kettle Ness").wrong_forms == ["Kettle Nest", "Cattle Ness"]


def test_dialog_csv_round_trip_filter_and_remove(qtbot, glossary, tmp_path):
    dialog = GlossaryDialog(glossary)
    qtbot.addWidget(dialog)
    csv_path = tmp_path / "more.csv"
    csv_path.write_text("correct,wrong_forms,note\nBright Wick Tea,Bright Week Tea,sponsor\n", encoding="utf-8")
    assert dialog.import_csv(str(csv_path)) == 1
    assert dialog.table.rowCount() == 2
    dialog.filter_edit.setText("sponsor")
    assert dialog.table.isRowHidden(0) and not dialog.table.isRowHidden(1)
    out = tmp_path / "out.csv"
    dialog.export_csv(str(out))
    assert "Bright Wick Tea,Bright Week Tea,sponsor" in out.read_text(encoding="utf-8")
    dialog.filter_edit.clear()
    dialog.table.selectRow(0)
    dialog.remove_selected()
    assert [e.correct for e in dialog.entries()] == ["Bright Wick Tea"]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\xff\xfe bad")
    assert dialog.import_csv(str(bad)) == 0 and "bad.csv" in dialog.status.text()


def test_background_scan_then_apply_ignore_apply_all(qtbot, model, glossary, scan):
    glossary.join_speakers(model.transcript)
    panel = _panel(qtbot, model, glossary, scan)
    applied = []
    panel.apply_requested.connect(lambda spans, text: (applied.append(text),
                                                       model.run(ops.replace_spans(model.transcript, spans))))
    with qtbot.waitSignal(panel.scan_finished, timeout=10_000) as blocker:
        panel.start_scan()
    assert blocker.args == [4]
    found = [s.found for s in panel.suggestions]
    assert found == ["Thomas Rayes", "Ingrid Soulberg", "Vard Home", "Ingrid Sol Berg"]
    with qtbot.waitSignal(panel.seek_requested):
        panel.list.setCurrentIndex(panel.items.index(2))
    # Ignore "Thomas Rayes", apply "Vard Home" alone, then the rest at once.
    panel.list.setCurrentIndex(panel.items.index(0))
    panel.ignore_selected()
    assert [s.found for s in panel.suggestions] == ["Ingrid Soulberg", "Vard Home", "Ingrid Sol Berg"]
    panel.list.setCurrentIndex(panel.items.index(1))
    with qtbot.waitSignal(panel.scan_finished, timeout=10_000):
        assert panel.apply_selected() == 1  # a rescan refreshes the remaining offsets
    assert [s.found for s in panel.suggestions] == ["Ingrid Soulberg", "Ingrid Sol Berg"]
    assert panel.apply_all() == 2
    text = " ".join(s.text for s in model.transcript.segments)
    assert "Vardholm" in text and "Soulberg" not in text and "Sol Berg" not in text
    assert "Thomas Rayes" in text  # ignored
    assert len(applied) == 2


def test_a_suggestion_listed_before_alignment_shows_and_plays_its_word_once_aligned(qtbot, model, glossary, scan):
    # The scan runs as the episode opens, before its words have times: it can say only the turn's
    # start. Once alignment times the words, the list says where the name is heard and plays from there.
    glossary.join_speakers(model.transcript)
    panel = _panel(qtbot, model, glossary, scan)
    with qtbot.waitSignal(panel.scan_finished, timeout=10_000):
        panel.start_scan()
    row = [s.found for s in panel.suggestions].index("Thomas Rayes")
    found = panel.suggestions[row]
    segment = model.transcript.segments[found.index]
    assert format_clock(segment.start_ms) in panel.items.data(panel.items.index(row))
    words = [Word(text, segment.start_ms + 300 * number, segment.start_ms + 300 * number + 250)
             for number, text in enumerate(segment.text.split())]
    model.run_derived(ops.set_word_times(model.transcript, found.index, words, WordTiming.ALIGNED))
    heard_at = words[len(segment.text[:found.start].split())].start_ms
    assert heard_at > segment.start_ms + 1000
    panel.items.changed()                 # as an audio verdict arriving has the list painted again
    assert f"{format_clock(heard_at)} · " in panel.items.data(panel.items.index(row))
    with qtbot.waitSignal(panel.seek_requested) as blocker:
        panel.list.setCurrentIndex(panel.items.index(row))
    assert blocker.args == [heard_at]


def test_newer_scan_supersedes_older(qtbot, model, glossary, scan):
    panel = _panel(qtbot, model, glossary, scan)
    panel.start_scan()
    with qtbot.waitSignal(panel.scan_finished, timeout=10_000) as blocker:
        panel.start_scan()
    assert blocker.args == [1]
    QThreadPool.globalInstance().waitForDone(10_000)   # the superseded scan's late result ...
    QApplication.processEvents()                        # ... is delivered, and ignored
    assert not panel.is_scanning()


def test_rescan_keeps_the_index_and_rereads_only_the_edited_turn(qtbot, model, glossary, scan):
    """Seen through the copies of the scans' index that Correct Everywhere borrows: the turns the
    rescan did not re-read keep the very tokens the first scan made."""
    panel = _panel(qtbot, model, glossary, scan)
    with qtbot.waitSignal(panel.scan_finished, timeout=10_000):
        panel.start_scan()
    before = scan.borrow_index(model.transcript).segments
    row = next(i for i, s in enumerate(model.transcript.segments) if "Vard Home" in s.text)
    at = model.transcript.segments[row].text.index("Vard Home")
    model.run(ops.replace_spans(model.transcript, [(row, at, at + len("Vard Home"), "Vardholm")]))
    with qtbot.waitSignal(panel.scan_finished, timeout=10_000) as blocker:
        panel.start_scan()
    assert blocker.args == [0]
    after = scan.borrow_index(model.transcript)
    assert after.retokenised == 0            # the scan brought the index up to date with the edit
    assert [i for i, (old, new) in enumerate(zip(before, after.segments, strict=True)) if old is not new] == [row]


def test_dialog_can_offer_ignored_suggestions_again(qtbot, glossary, tmp_path):
    glossary.ignore_suggestion("Vard Home", "Vardholm")
    dialog = GlossaryDialog(glossary, data_dir=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.forget_ignored_button.isVisible()
    assert dialog.forget_ignored_button.text() == "Offer 1 &ignored suggestion again"
    dialog.forget_ignored()
    assert not dialog.forget_ignored_button.isVisible() and glossary.ignored   # only on Save
    dialog.accept()
    assert glossary.ignored == [] and Glossary.load(tmp_path / "saltmarsh.json").ignored == []


def test_dialog_switches_show_and_saves_each_glossary_edited(qtbot, glossary, tmp_path):
    data = tmp_path / "data"
    dialog = GlossaryDialog(glossary, data_dir=data)
    qtbot.addWidget(dialog)
    assert [dialog.show_box.itemText(i) for i in range(dialog.show_box.count())] == ["Saltmarsh Radio"]
    dialog.add_row()
    dialog.table.item(1, 0).setText("Kettle Ness")
    assert dialog.set_show("Dock Notes")
    assert dialog.table.rowCount() == 0 and "Dock Notes" in dialog.status.text()
    dialog.add_row()
    dialog.table.item(0, 0).setText("Quay Lantern")
    dialog.accept()
    assert dialog.glossary.show == "Dock Notes"
    assert Glossary.for_show("Dock Notes", data).entry_for("Quay Lantern") is not None
    assert Glossary.load(tmp_path / "saltmarsh.json").entry_for("Kettle Ness") is not None
