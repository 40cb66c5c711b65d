"""The episode's own words in the window, as ``transcript-editor suggest`` counts them: a turn
corrected to a word said alike with a commoner one ("flower" to "flour") is not doubted when
checked again, because the rest of the episode uses the word; and the page text kept with the
transcript (its show notes) counts too (real alignment and PocketSphinx on espeak-ng speech, real
widgets)."""

from __future__ import annotations

import pytest
from heard_episode import open_aligned, share_cache, spoken_once

from editor.core import project
from editor.core.page_text import EXTRA_KEY, PageText
from editor.formats import read_file

BAKERY = ["We buy our flour from the mill at the top of the valley.",
          "Every sack of flour is weighed before it goes into the mixer.",
          "The bread comes out of the oven at six."]
# The recognizer wrote "flower": on the sentence alone the model wants "a new flower store", and
# the audio says the two alike.
MISHEARD = ("real word", "The parish paid for a new {flower|flour} store behind the bakery.")
FLOUR_STORE = "The parish paid for a new flour store behind the bakery."
PASS_TIMEOUT_MS = 180_000     # a hang guard: aligning and listening to a few turns take seconds


@pytest.fixture(scope="module")
def bakery(tmp_path_factory):
    """Five turns: more than the window plans on its worker thread (the pass's own process counts them)."""
    return spoken_once(tmp_path_factory, [MISHEARD], [*BAKERY, "The shop opens at seven on weekdays."],
                       voice="en-us+f2", speed=165)


def _listened(window, qtbot, srt, wav) -> list[str]:
    messages: list[str] = []
    window.hearing.message.connect(messages.append)
    open_aligned(window, qtbot, srt, wav)
    qtbot.waitUntil(lambda: any(m.startswith("Audio checked") for m in messages)
                    and not window.hearing.runner.is_running(), timeout=PASS_TIMEOUT_MS)
    return messages


def test_a_turn_corrected_to_a_word_the_episode_uses_is_not_doubted_when_checked_again(
        main_window, qtbot, bakery, monkeypatch):
    srt, wav, cache = bakery
    share_cache(monkeypatch, cache)
    window = main_window
    _listened(window, qtbot, srt, wav)
    segments = window.model.transcript.segments
    row = next(i for i, s in enumerate(segments) if "flower" in s.text)
    rechecked = []
    window.hearing.runner.heard.connect(rechecked.append)
    window.model.set_text(row, segments[row].text.replace("flower", "flour"))
    assert segments[row].text == FLOUR_STORE
    qtbot.waitUntil(lambda: any(h.index == row and h.text == FLOUR_STORE for h in rechecked), timeout=PASS_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not window.hearing.runner.is_running(), timeout=PASS_TIMEOUT_MS)
    # The other turns speak of flour twice: the edited turn's flour is the episode's word.
    assert window.hearing.store.checked[segments[row].id] == FLOUR_STORE
    assert window.hearing.store.for_segment(segments[row]) == []


def test_the_page_text_kept_with_the_transcript_counts_in_the_windows_pass(main_window, qtbot, tmp_path_factory,
                                                                           monkeypatch):
    srt, wav, cache = spoken_once(tmp_path_factory, [], [BAKERY[2], FLOUR_STORE], voice="en-us+f3", speed=150)
    share_cache(monkeypatch, cache)
    # Only the show notes speak of flour besides the turn (a project keeps the page text it was read with).
    notes = PageText("The bakery hour", after="Our bakery mills its own flour.\nThis week: why rye flour behaves "
                                              "differently.")
    saved = srt.with_name("bakery.tep.json")
    project.save(read_file(str(srt)).transcript, saved, extra={EXTRA_KEY: notes.to_json()})
    window = main_window
    _listened(window, qtbot, saved, wav)
    segments = window.model.transcript.segments
    row = next(i for i, s in enumerate(segments) if "flour" in s.text)
    assert window.hearing.store.checked[segments[row].id] == FLOUR_STORE
    assert window.hearing.store.for_segment(segments[row]) == []
