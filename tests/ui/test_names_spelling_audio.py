"""The right-click spelling menu asks the audio about its suggestions: real alignment and real PocketSphinx
on espeak-ng speech, the real turn editor and its menu.

The text says "Dukaki" where the audio says "Dukakis"; the glossary knows Dukakis. The menu opens
at once with its suggestions (Dukakis, then dictionary words such as "Dubai" and "Dukas") "asking
the audio…"; while it is open the verdicts arrive in place ("✓ audio agrees" for Dukakis, "audio
prefers the original" for words the audio did not say); a second right-click shows them at once,
ranked by them, and asks nothing more."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import hearing_material  # noqa: E402
from heard_episode import open_aligned, write_episode  # noqa: E402

from editor.ui.names.correcting_spell_menu import ASKING  # noqa: E402
from editor.ui.widgets.verdict_words import AUDIO_SAYS  # noqa: E402

LINES = [("name", "In the fall we voted for {Dukaki|Dukakis} with our friends.")]
WORD = "Dukaki"


@pytest.fixture
def editing(main_window, qtbot, tmp_path):
    """The aligned episode, its turn open in the editor with the spelling menu installed."""
    names = main_window.names
    open_aligned(main_window, qtbot, *write_episode(tmp_path, LINES),
                 before_alignment=lambda _window: names.show_glossary.glossary.add("Dukakis"))
    names.spelling.ensure_speller()
    names.spelling.glossary_names_changed()
    editor = main_window.view.open_editor(0, 0)
    qtbot.waitUntil(lambda: names.spelling.spell_menu is not None, timeout=10_000)
    return main_window, editor, names.spelling.spell_menu


def _right_click_menu(editor, spell_menu, word: str = WORD):
    """The menu a right-click on *word* builds, shown (not modal: the test goes on while it is open)."""
    cursor = QTextCursor(editor.document())
    cursor.setPosition(editor.toPlainText().index(word) + 2)
    pos = editor.cursorRect(cursor).center()
    menu = spell_menu.build_menu(pos)
    menu.popup(editor.viewport().mapToGlobal(pos))
    return menu


def _entries(menu, spell_menu) -> list[str]:
    """The texts of the menu's suggestion entries, in the menu's order."""
    suggested = list(spell_menu.suggestion_actions.values())
    return [a.text() for a in menu.actions() if a in suggested]


def test_the_menu_opens_at_once_and_shows_the_audios_verdicts_as_they_arrive(editing, qtbot):
    window, editor, spell_menu = editing
    menu = _right_click_menu(editor, spell_menu)
    first = _entries(menu, spell_menu)
    assert first[0] == f"Dukakis\t{ASKING}" and all(text.endswith(ASKING) for text in first)   # not waited for
    qtbot.waitUntil(lambda: not any(text.endswith(ASKING) for text in _entries(menu, spell_menu)), timeout=60_000)
    assert menu.isVisible()
    arrived = _entries(menu, spell_menu)
    assert arrived[0] == "Dukakis\t✓ audio agrees"
    assert "audio prefers the original" in "".join(arrived[1:])
    menu.close()
    menu.deleteLater()
    verdicts = window.names.spelling_verdicts
    qtbot.waitUntil(lambda: not verdicts.checks.is_running(), timeout=10_000)     # its thread has ended

    again = _right_click_menu(editor, spell_menu)      # known now: shown at once, ranked by the audio
    shown = _entries(again, spell_menu)
    assert sorted(shown) == sorted(arrived) and shown[0] == "Dukakis\t✓ audio agrees"
    assert shown[-1].endswith("audio prefers the original")
    assert not verdicts.checks.is_running()      # nothing asked again
    next(a for a in again.actions() if a.text().startswith("Dukakis")).trigger()
    assert "for Dukakis with" in editor.toPlainText()
    again.close()


@pytest.mark.slow
def test_a_word_spelt_right_that_the_audio_doubts_gets_suggestions_and_verdicts(main_window, qtbot, tmp_path):
    """A real word inside a suspect passage (no underline: "fold" in "Doctor Brand fold", where the
    audio says "Brandvold") gets the glossary names and dictionary words it may have been misheard
    for, and the audio is asked about each. Suspects are judged against the whole episode's typical
    fit, so this takes the whole evaluation episode; which passages the audio doubts is the hearing
    tests' business, so the word is any real word of any suspect with a glossary name near it."""
    episode = hearing_material.episode()
    wav = hearing_material.write_wav(tmp_path / "episode.wav", episode.audio)
    srt = hearing_material.write_srt(tmp_path / "episode.srt", episode.transcript)
    messages = []
    main_window.hearing.message.connect(messages.append)
    assert main_window.open_path(str(srt), str(wav))
    for name in episode.names:
        main_window.names.show_glossary.glossary.add(name)
    qtbot.waitUntil(lambda: any(m.startswith("Audio checked") for m in messages), timeout=180_000)
    spelling = main_window.names.spelling
    speller = spelling.ensure_speller()
    spelling.glossary_names_changed()
    segments = main_window.model.transcript.segments
    name_words = {w for name in episode.names for w in name.split()}
    doubted = [(row, word) for row, suspect in main_window.hearing.store.all(segments)
               for word in suspect.text.split()
               if word.isalpha() and word.islower() and len(word) >= 3 and speller.is_known(word)
               and name_words.intersection(speller.alternatives(word))]
    assert doubted, "no real word in the audio's suspects has a glossary name near it"
    row, word = doubted[0]
    editor = main_window.view.open_editor(row, 0)
    qtbot.waitUntil(lambda: spelling.spell_menu is not None, timeout=10_000)
    menu = _right_click_menu(editor, spelling.spell_menu, word)
    offered = list(spelling.spell_menu.suggestion_actions)
    assert len(offered) >= 2 and offered == speller.alternatives(word)[:len(offered)]
    assert offered[0] in name_words | set(episode.names)
    qtbot.waitUntil(lambda: not any(text.endswith(ASKING) for text in _entries(menu, spelling.spell_menu)),
                    timeout=60_000)
    said = {text.split("\t")[1].removeprefix("✓ ") for text in _entries(menu, spelling.spell_menu)}
    assert said and said <= set(AUDIO_SAYS.values())
    menu.close()
