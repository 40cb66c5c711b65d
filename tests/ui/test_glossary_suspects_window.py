"""The glossary's suggestions the audio does not reject are suspects in the window, as
``transcript-editor suggest`` makes them: underlined with a "?" in the margin, listed in the
Suspects panel and walked to; a change of capitals only is none; editing the turn takes them away
(an undo brings them back); and the window's suspects are the passages ``suggest`` finds, in a
turn without word times too (real alignment and PocketSphinx on espeak-ng speech, real widgets)."""

from __future__ import annotations

import copy
from collections.abc import Callable

import pytest
from heard_episode import open_aligned, share_cache, spoken_once

from editor.core import ops
from editor.hearing.suggest import suggest
from editor.hearing.verdict import PREFERS_ORIGINAL

# "Kestrel" is heard (the name is listened for there) and the glossary adds its word; "bakery" fits
# the audio well (it is what was said), so only the glossary's "Bakerie" doubts it; "main street"
# differs from "Main Street" in capitals only; "Okafor", taken for a wrong form of "Okoro", is what
# the audio says (it prefers the original).
LINES = [("sound-alike", "The {Kestrel|Kessler} Foundation paid for the new library roof."),
         ("name", "Our next guest Okafor grew up near the harbor.")]
CLEAN = ["A small bakery opened on the corner of the main street."]
NAMES = [("Kessler", []), ("Bakerie", []), ("Main Street", []), ("Okoro", ["Okafor"])]
JUDGED_TIMEOUT_MS = 180_000     # a hang guard: aligning, listening and checking two turns take seconds


@pytest.fixture(scope="module")
def spoken(tmp_path_factory):
    return spoken_once(tmp_path_factory, LINES, CLEAN)


@pytest.fixture
def judged_window(main_window, qtbot, spoken, monkeypatch):
    """The window with the episode open, listened to, and its glossary suggestions judged by the audio."""
    srt, wav, cache = spoken
    share_cache(monkeypatch, cache)
    return _open_judged(main_window, qtbot, srt, wav)


def _open_judged(window, qtbot, srt, wav, *, untimed: Callable[[str], bool] = lambda text: False):
    """*window* with *srt* open under the glossary's NAMES, listened to, and every suggestion judged
    by the audio but those in turns whose text is *untimed* (no word times: the audio cannot judge)."""
    messages: list[str] = []
    window.hearing.message.connect(messages.append)
    checked: list[bool] = []

    def fill_glossary(w) -> None:
        for name, wrong_forms in NAMES:
            w.names.show_glossary.glossary.add(name, wrong_forms)

    open_aligned(window, qtbot, srt, wav, before_alignment=fill_glossary)
    qtbot.waitUntil(lambda: window.names.show_glossary.suggestions is not None, timeout=JUDGED_TIMEOUT_MS)
    panel = window.names.show_glossary.suggestions
    panel.audio_checked.connect(checked.append)
    qtbot.waitUntil(lambda: any(m.startswith("Audio checked") for m in messages)
                    and not window.hearing.runner.is_running(), timeout=JUDGED_TIMEOUT_MS)
    segments = window.model.transcript.segments
    qtbot.waitUntil(lambda: (checked or not panel.is_checking_audio())
                    and all(panel.verdict(s) is not None for s in panel.suggestions
                            if not untimed(segments[s.index].text)), timeout=JUDGED_TIMEOUT_MS)
    return window


def _spans(window) -> list[tuple[int, str, list[str]]]:
    return sorted((row, s.text, s.evidence) for row, s in window.hearing.store.all(window.model.transcript.segments))


def test_a_glossary_passage_not_rejected_is_a_suspect_shown_listed_and_walked(judged_window, qtbot):
    window = judged_window
    hearing = window.hearing
    segments = window.model.transcript.segments
    row = next(i for i, s in enumerate(segments) if "bakery" in s.text)
    found = _spans(window)
    # Its own suspect, the glossary its only evidence; the capitals of "main street" are none.
    assert (row, "bakery", ["glossary"]) in found
    assert not any("street" in text.lower() for _, text, _ in found)
    # The audio rejects "Okoro": "Okafor" is none.
    panel = window.names.show_glossary.suggestions
    (okoro,) = [s for s in panel.suggestions if s.replacement == "Okoro"]
    assert panel.verdict(okoro).label == PREFERS_ORIGINAL
    assert not any("Okafor" in text and "glossary" in evidence for _, text, evidence in found), found
    # The heard suspect over "Kestrel" has the glossary's word added.
    assert any("Kestrel" in text and "glossary" in evidence for _, text, evidence in found)
    # Underlined, with a "?" in the margin.
    start = segments[row].text.index("bakery")
    assert [(a, b) for a, b, _ in hearing._decorate(row, segments[row])] == [(start, start + len("bakery"))]
    assert hearing._marker(row, segments[row]) == "?"
    # Listed, and walked to.
    window.action_table["suspects_panel"].trigger()
    items = [hearing.panel.list.item(i).text() for i in range(hearing.panel.list.count())]
    assert len(items) == len(found) and any("bakery" in item for item in items)
    answers: list[str] = []
    hearing.answer.connect(answers.append)
    window.view.set_current_turn(row)
    window.action_table["next_suspect"].trigger()     # from the turn's start: its one suspect
    assert window.model.current_row == row and answers == ["Suspect: “bakery”"]
    # The summary of a pass counts it.
    messages: list[str] = []
    hearing.message.connect(messages.append)
    window.action_table["find_suspects"].trigger()
    qtbot.waitUntil(lambda: any(m.startswith("Audio checked") for m in messages), timeout=JUDGED_TIMEOUT_MS)
    assert f"{len(found)} passages" in messages[-1]


def test_editing_the_turn_takes_its_glossary_suspect_away_and_undo_brings_it_back(judged_window, qtbot):
    window = judged_window
    hearing = window.hearing
    segments = window.model.transcript.segments
    row = next(i for i, s in enumerate(segments) if "bakery" in s.text)
    at = segments[row].text.index("bakery")
    assert window.edits.push(ops.replace_spans(window.model.transcript, [(row, at, at + 6, "baker's")]),
                             "Typing", row)
    assert hearing.store.for_segment(segments[row]) == [] and hearing._marker(row, segments[row]) is None
    assert not any(r == row for r, _, _ in _spans(window))
    window.undo_stack.undo()
    assert "bakery" in segments[row].text
    assert (row, "bakery", ["glossary"]) in _spans(window)


def test_the_windows_suspects_are_the_passages_suggest_finds(judged_window, qtbot):
    window = judged_window
    segments = window.model.transcript.segments
    # The same transcript (with the word times the window gave it) and glossary, through the command's code.
    report = suggest(copy.deepcopy(window.model.transcript), window.names.show_glossary.glossary,
                     window.playback.media_path)
    # The same passages with the same evidence (the heard doubts are the listening's own, not compared here).
    theirs = sorted((s.segment, s.char_start, s.char_end, sorted(s.evidence)) for s in report.suspects)
    ours = sorted((row, s.char_start, s.char_end, sorted(s.evidence)) for row, s in window.hearing.store.all(segments))
    assert ours == theirs
    assert any(s.evidence == ["glossary"] for s in report.suspects)    # the passages this is about are there


def test_a_turn_without_word_times_has_the_glossary_suspects_suggest_gives_it(main_window, qtbot, spoken, tmp_path,
                                                                               monkeypatch):
    """A cue whose time line is damaged is read as an untimed turn: nothing aligns or hears it, and
    the audio cannot judge the glossary's suggestion there. ``suggest`` makes it a suspect all the
    same (not heard: the text's evidence alone), and so must the window."""
    srt, wav, cache = spoken
    share_cache(monkeypatch, cache)
    damaged = tmp_path / "episode.srt"
    damaged.write_text(srt.read_text(encoding="utf-8").rstrip("\n")
                       + "\n\n99\n00:00:3O,000 --> 00:00:33,000\nGuest: Then we stopped at the bakery for bread.\n",
                       encoding="utf-8")
    window = _open_judged(main_window, qtbot, damaged, wav, untimed=lambda text: "stopped at the bakery" in text)
    segments = window.model.transcript.segments
    row = next(i for i, s in enumerate(segments) if "stopped at the bakery" in s.text)
    assert segments[row].start_ms is None and not segments[row].words
    panel = window.names.show_glossary.suggestions
    assert any(s.index == row and s.replacement == "Bakerie" for s in panel.suggestions)

    report = suggest(copy.deepcopy(window.model.transcript), window.names.show_glossary.glossary,
                     window.playback.media_path)
    theirs = sorted((s.segment, s.char_start, s.char_end, sorted(s.evidence)) for s in report.suspects)
    start = segments[row].text.index("bakery")
    assert (row, start, start + len("bakery"), ["glossary"]) in theirs
    qtbot.waitUntil(lambda: sorted((r, s.char_start, s.char_end, sorted(s.evidence))
                                   for r, s in window.hearing.store.all(segments)) == theirs, timeout=10_000)
    assert window.hearing._marker(row, segments[row]) == "?"
