"""A glossary name said exactly like an everyday word (Brite, "bright") in the window: heard where the
text writes it as a name ("Bright said ..."), with the name proposed for its suspect, and left alone
where the text writes the word in lowercase inside its sentence; the window's suspects and names are
those ``transcript-editor suggest`` gives (real alignment and PocketSphinx on espeak-ng speech)."""

from __future__ import annotations

import copy

import pytest
from heard_episode import open_aligned, share_cache, spoken_once

from editor.hearing.suggest import suggest

LINES = [("sound-alike", "{Bright|Brite} said the plan would work out fine.")]
CLEAN = ["The morning was bright and cold by the river."]
HEARD_TIMEOUT_MS = 180_000     # a hang guard: aligning and listening to two turns take seconds


@pytest.fixture(scope="module")
def spoken(tmp_path_factory):
    return spoken_once(tmp_path_factory, LINES, CLEAN, voice="en-us+f2")


def test_the_name_is_heard_where_written_as_one_and_the_word_left_alone(main_window, qtbot, spoken, monkeypatch):
    srt, wav, cache = spoken
    share_cache(monkeypatch, cache)
    window = main_window
    messages: list[str] = []
    window.hearing.message.connect(messages.append)
    open_aligned(window, qtbot, srt, wav,
                 before_alignment=lambda w: w.names.show_glossary.glossary.add("Brite", []))
    qtbot.waitUntil(lambda: any(m.startswith("Audio checked") for m in messages)
                    and not window.hearing.runner.is_running(), timeout=HEARD_TIMEOUT_MS)
    segments = window.model.transcript.segments
    shown = window.hearing.store.all(segments)
    assert [(row, s.text) for row, s in shown] == [(0, "Bright")]
    row, suspect = shown[0]
    assert window.hearing.store.name_for(segments[row], suspect).name == "Brite"

    report = suggest(copy.deepcopy(window.model.transcript), window.names.show_glossary.glossary,
                     window.playback.media_path)
    assert [(s.segment, s.found, s.replacement, s.ticked) for s in report.suggestions] == [(0, "Bright", "Brite", False)]
    assert sorted((s.segment, s.char_start, s.char_end, sorted(s.evidence)) for s in report.suspects) \
        == sorted((r, s.char_start, s.char_end, sorted(s.evidence)) for r, s in shown)
