"""A glossary name said exactly like an everyday word (Brite, "bright") in the window: heard where the
text writes it as a name ("Bright said ..."), with the name proposed for its suspect, and left alone
where the text writes the word in lowercase inside its sentence; a web address whose end is written as
letters is suggested over all of them; the window's suggestions and suspects are those
``transcript-editor suggest`` gives (real alignment and PocketSphinx on espeak-ng speech)."""

from __future__ import annotations

import copy

import pytest
from heard_episode import open_aligned, share_cache, spoken_once

from editor.hearing.suggest import suggest

LINES = [("sound-alike", "{Bright|Brite} said the plan would work out fine."),
         ("url", "Support us at {coffee.com/r B W|ko-fi.com/rbw|coffee dot com slash r b w} if you can.")]
ADDRESS = "ko-fi.com/rbw"
CLEAN = ["The morning was bright and cold by the river."]
HEARD_TIMEOUT_MS = 180_000     # a hang guard: aligning and listening to two turns take seconds


@pytest.fixture(scope="module")
def spoken(tmp_path_factory):
    return spoken_once(tmp_path_factory, LINES, CLEAN, voice="en-us+f2")


def test_names_are_offered_where_written_as_names_and_addresses_whole(main_window, qtbot, spoken, monkeypatch):
    srt, wav, cache = spoken
    share_cache(monkeypatch, cache)
    window = main_window
    messages: list[str] = []
    window.hearing.message.connect(messages.append)
    open_aligned(window, qtbot, srt, wav,
                 before_alignment=lambda w: [w.names.show_glossary.glossary.add(n, []) for n in ("Brite", ADDRESS)])
    qtbot.waitUntil(lambda: any(m.startswith("Audio checked") for m in messages)
                    and not window.hearing.runner.is_running(), timeout=HEARD_TIMEOUT_MS)
    segments = window.model.transcript.segments
    shown = window.hearing.store.all(segments)
    # (Other checks may doubt other words of the right line: only the names' passages are asked about.)
    texts = [(row, s.text) for row, s in shown]
    assert (0, "Bright") in texts and (2, "coffee.com/r B W") in texts
    assert not any(row == 1 and "bright" in text for row, text in texts)
    row, suspect = next((row, s) for row, s in shown if row == 0)
    assert window.hearing.store.name_for(segments[row], suspect).name == "Brite"
    qtbot.waitUntil(lambda: window.names.show_glossary.suggestions is not None, timeout=HEARD_TIMEOUT_MS)
    panel = window.names.show_glossary.suggestions
    qtbot.waitUntil(lambda: all(panel.verdict(s) is not None for s in panel.suggestions), timeout=HEARD_TIMEOUT_MS)
    assert [(s.index, s.found, s.replacement) for s in panel.suggestions] == [(2, "coffee.com/r B W", ADDRESS)]

    report = suggest(copy.deepcopy(window.model.transcript), window.names.show_glossary.glossary,
                     window.playback.media_path)
    assert [(s.segment, s.found, s.replacement, s.ticked) for s in report.suggestions] \
        == [(0, "Bright", "Brite", False), (2, "coffee.com/r B W", ADDRESS, panel.is_ticked(panel.suggestions[0]))]
    # The names' suspects are the same (the context's doubts of other words are compared elsewhere).
    assert sorted((s.segment, s.char_start, s.char_end, sorted(s.evidence)) for s in report.suspects
                  if {"name", "glossary"} & set(s.evidence)) \
        == sorted((r, s.char_start, s.char_end, sorted(s.evidence)) for r, s in shown
                  if {"name", "glossary"} & set(s.evidence))
