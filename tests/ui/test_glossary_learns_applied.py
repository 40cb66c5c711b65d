"""Corrections made without typing teach the show's glossary too: a glossary suggestion applied
(found by sound, not yet a known wrong form) and a Replace All put in a name, and the words they
replaced become a known wrong form of it, saved with the glossary (the real window on the sample
episode; the suspects panel's Apply the Name Heard is tested with real audio in
test_hearing_names_applied.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from window_helpers import SAMPLE_TXT

from editor.core.glossary import Glossary


@pytest.fixture(autouse=True)
def own_glossary_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def _opened(window, qtbot, sample_txt):
    assert window.open_path(str(sample_txt))
    names = window.names
    names.scan_now()
    qtbot.waitUntil(lambda: not names.is_scanning() and names.show_glossary.suggestions is not None, timeout=10_000)
    return names


def _wrong_forms(glossary: Glossary, name: str) -> list[str]:
    entry = glossary.entry_for(name)
    return entry.wrong_forms if entry is not None else []


def test_a_glossary_suggestion_applied_teaches_its_wrong_form(main_window, qtbot):
    names = _opened(main_window, qtbot, SAMPLE_TXT)
    glossary = names.show_glossary.glossary
    panel = names.show_glossary.suggestions
    assert "Ingrid Soulberg" not in _wrong_forms(glossary, "Ingrid Solberg")     # found by its sound
    row = next(i for i, s in enumerate(panel.suggestions) if s.found == "Ingrid Soulberg")
    panel.list.setCurrentIndex(panel.items.index(row))
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)

    assert "Ingrid Soulberg" not in " ".join(s.text for s in main_window.model.transcript.segments)
    assert "Ingrid Soulberg" in _wrong_forms(glossary, "Ingrid Solberg")
    assert "Ingrid Soulberg" in _wrong_forms(Glossary.load(glossary.path), "Ingrid Solberg")   # saved


def test_a_replace_all_that_puts_in_a_name_teaches_its_wrong_form(main_window, qtbot):
    names = _opened(main_window, qtbot, SAMPLE_TXT)
    glossary = names.show_glossary.glossary
    names.find.show_replace()
    panel = names.find.panel
    panel.find_edit.setText("Vard Home")
    panel.replace_edit.setText("Vardholm")
    assert panel.replace_all() == 1
    assert "Vardholm for thirty years" in " ".join(s.text for s in main_window.model.transcript.segments)
    assert _wrong_forms(glossary, "Vardholm") == ["Vard Home"]


def test_apply_all_teaches_every_wrong_form_and_saves_once(main_window, qtbot):
    names = _opened(main_window, qtbot, SAMPLE_TXT)
    glossary = names.show_glossary.glossary
    panel = names.show_glossary.suggestions
    ticked = [(s.found, s.replacement) for s in panel.suggestions if panel.is_ticked(s)]
    assert len(ticked) >= 2
    learned, said = [], []
    names.learner.learned.connect(lambda entry, wrong: learned.append(wrong))
    names.answer.connect(said.append)
    qtbot.mouseClick(panel.apply_all_button, Qt.MouseButton.LeftButton)
    for found, replacement in ticked:
        assert found in _wrong_forms(glossary, replacement)
    assert len(learned) == 1                # announced once: one save, one scan
    assert any(m.startswith(f"Glossary: {len(ticked)} known wrong forms learnt") for m in said)


def test_a_replace_of_many_different_texts_teaches_nothing(main_window, qtbot):
    # A pattern replaced all over the episode is no misheard name: not weighed one by one either.
    from editor.ui.names.glossary_learning import MAX_DISTINCT

    names = _opened(main_window, qtbot, SAMPLE_TXT)
    glossary = names.show_glossary.glossary
    many = [(f"Vard Hom{chr(97 + i % 26)}{i}", "Vardholm") for i in range(MAX_DISTINCT + 1)]
    names.learner.learn_corrections(many)
    assert glossary.entry_for("Vardholm") is None
    names.learner.learn_corrections(many[:2])
    assert _wrong_forms(glossary, "Vardholm") == [many[0][0], many[1][0]]
