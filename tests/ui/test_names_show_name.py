"""The show (and so the glossary) an episode gets by default: the one its podcast page names, never
a folder like Downloads; the glossary dialog says where the name came from."""

from __future__ import annotations

import pytest

from tests.core.names_fixture import PAGE

# A page whose title starts with the episode's number: the show's name is a heading of its own.
PAGE_WITH_HEADING = """#12 - Nets, Quotas and the Fleet
Episode 12 March 03, 2026 00:21:40
#12 - Nets, Quotas and the Fleet
Lines From the Harbour
Mar 03 2026 | 00:21:40
Show Notes
In which Wenna Trevail walks us through the quota auction and what it did to the small boats.
Speaker 1 00:00:02 Welcome to Lines From the Harbour, I'm Wenna Trevail. \\
Speaker 2 00:00:09 And I'm Jory Pascoe, glad to be back.
"""


@pytest.fixture(autouse=True)
def own_glossary_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


def _open(main_window, folder, text):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "episode.txt"
    path.write_text(text, encoding="utf-8")
    assert main_window.open_path(str(path))
    return main_window.names.show_glossary


@pytest.mark.parametrize(("page", "show", "where"), [
    (PAGE, "Harbour Lights", "the show named in the page's title"),
    (PAGE_WITH_HEADING, "Lines From the Harbour", "the show named in a heading of the page"),
])
def test_a_page_in_downloads_gives_the_show_its_page_names(main_window, tmp_path, qtbot, page, show, where):
    names = _open(main_window, tmp_path / "Downloads", page)
    assert names.glossary.show == show
    dialog = names.edit_glossary()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.show_box.currentText() == show
    assert f"“{show}”, {where}" in dialog.show_hint.text()
    dialog.reject()


def test_a_transcript_without_a_page_in_downloads_is_not_given_the_show_downloads(main_window, tmp_path, qtbot):
    text = "Speaker 1 00:00:02 Welcome back, everyone. \\\nSpeaker 2 00:00:09 Glad to be here.\n"
    names = _open(main_window, tmp_path / "Downloads", text)
    assert names.glossary.show == "Unnamed show"
    dialog = names.edit_glossary()
    qtbot.waitUntil(dialog.isVisible)
    assert "Nothing names this episode's show" in dialog.show_hint.text()
    assert "type the show's name above" in dialog.show_hint.text()
    dialog.reject()


def test_a_glossary_kept_under_the_folders_name_stays_in_use_when_the_page_names_the_show(main_window, tmp_path):
    from editor.core.glossary import Glossary
    kept = Glossary.for_show("HL Shows")
    kept.add("Oriel Vantongeren", ["oriel van tongeren"])
    kept.save()
    names = _open(main_window, tmp_path / "HL Shows", PAGE)
    assert names.glossary.show == "HL Shows"
    assert [e.correct for e in names.glossary.entries] == ["Oriel Vantongeren"]
