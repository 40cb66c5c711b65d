"""An audio pass that cannot be done says so in a bar that stays until the producer acts on it (not
in the status bar, whose news times out), naming the problem, with a button that runs the pass
again. The models are found where ``POCKETSPHINX_PATH`` says: a damaged language model (the words
align; the audio checks, which judge sentences with it, cannot run), and no models at all (nothing
aligns), each mended before the pass runs again."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from model_folders import damaged_language_model
from window_helpers import bar_button, bar_buttons

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import hearing_material  # noqa: E402

LINES = [("acronym", "She spent ten years at the {BSA|EPA} before she ran for office.")]
# Six turns: a whole pass of more than a few turns runs in a process of its own, started with
# the configuration as it is then (a few turns go to the window's audio process, which may be older).
CLEAN = ["It rained all afternoon so the market closed early.",
         "The water was cold but the children swam anyway.",
         "Nobody expected the meeting to last until midnight.",
         "The library will stay open late during the exam season.",
         "My grandmother grew tomatoes on the balcony every summer."]
# A hang guard: aligning and listening to six turns takes seconds, but both run in niced processes,
# which wait for the CPU on a loaded machine (seen: a minute and more under a load average of 45).
PASS_TIMEOUT_MS = 300_000


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.mark.slow
def test_listening_that_fails_says_why_until_listened_again(main_window, qtbot, tmp_path, monkeypatch):
    window = main_window
    episode = hearing_material.episode(LINES, CLEAN)
    wav = hearing_material.write_wav(tmp_path / "episode.wav", episode.audio)
    srt = hearing_material.write_srt(tmp_path / "episode.srt", episode.transcript)
    models = damaged_language_model(tmp_path)
    monkeypatch.setenv("POCKETSPHINX_PATH", str(models))
    news = []
    window.hearing.message.connect(news.append)
    assert window.open_path(str(srt), str(wav))
    assert window.model.rowCount() == 6
    bar = window.pass_bar
    qtbot.waitUntil(bar.isVisible, timeout=PASS_TIMEOUT_MS)
    text = bar.text()
    assert text.startswith("Listening for suspects failed: ")
    assert str(models / "en-us" / "en-us.lm.bin") in text and "language model could not be read" in text
    assert bar_button(bar, "&Listen Again").isVisible()
    assert not window.hearing.progress.isVisible()
    assert not any(m.startswith("Audio checked") for m in news)     # no "no doubtful passages" after it

    monkeypatch.delenv("POCKETSPHINX_PATH")      # mended: PocketSphinx's own models again
    bar_button(bar, "&Listen Again").click()
    assert not bar.isVisible()
    qtbot.waitUntil(lambda: any(m.startswith("Audio checked") for m in news), timeout=PASS_TIMEOUT_MS)
    assert not bar.isVisible()
    assert [(row, s.text.split()[0]) for row, s in window.hearing.store.all(window.model.transcript.segments)] \
        == [(0, "BSA")]


def test_alignment_that_fails_says_why_until_aligned_again(main_window, qtbot, tmp_path, monkeypatch):
    window = main_window
    episode = hearing_material.episode(LINES, CLEAN)
    wav = hearing_material.write_wav(tmp_path / "episode.wav", episode.audio)
    srt = hearing_material.write_srt(tmp_path / "episode.srt", episode.transcript)
    monkeypatch.setenv("POCKETSPHINX_PATH", str(tmp_path / "no-models"))
    news, ready, aligning_when_said = [], [], []
    window.timing.message.connect(news.append)
    window.timing.words_ready.connect(ready.append)
    window.timing.failed.connect(lambda _why: aligning_when_said.append(window.timing.is_aligning()))
    assert window.open_path(str(srt), str(wav))
    bar = window.pass_bar
    qtbot.waitUntil(bar.isVisible, timeout=PASS_TIMEOUT_MS)
    # Said once the failed run has ended: Align Again, clicked at once, is never refused by it.
    assert aligning_when_said == [False]
    assert bar.text().startswith("Aligning the word times failed: ")
    assert str(tmp_path / "no-models" / "en-us" / "en-us") in bar.text()
    assert "speech model could not be loaded" in bar.text()
    assert "&Align Again" in bar_buttons(bar)
    assert not window.timing.progress.isVisible()
    assert ready == [] and not any(m.startswith("Word times aligned") for m in news)

    monkeypatch.delenv("POCKETSPHINX_PATH")
    bar_button(bar, "&Align Again").click()
    assert not bar.isVisible()
    assert window.timing.is_aligning()
    qtbot.waitUntil(lambda: bool(ready), timeout=PASS_TIMEOUT_MS)
    assert not bar.isVisible()
    assert any(m.startswith("Word times aligned") for m in news)
