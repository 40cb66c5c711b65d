"""Opening caption files in the window: turns, and the offer to keep finished subtitles as they are."""

from __future__ import annotations

import pytest
from window_helpers import bar_button


def _clock(seconds: float) -> str:
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d},{ms % 1000:03d}"


@pytest.fixture
def window(main_window):
    return main_window


def test_recognizer_captions_open_as_turns_without_an_offer(window, tmp_path):
    cues = [("Ana", "Good morning."), ("Ana", "Welcome to the show."), ("Tom", "Thanks."), ("Tom", "Glad to be here.")]
    path = tmp_path / "episode.srt"
    path.write_text("\n\n".join(f"{n}\n{_clock(n * 2)} --> {_clock(n * 2 + 2)}\n{who}: {text}"
                                for n, (who, text) in enumerate(cues, 1)) + "\n")
    assert window.open_path(str(path))
    assert window.model.rowCount() == 2
    assert window.captions_bar.isHidden()


def test_finished_subtitles_offer_to_keep_captions(window, tmp_path, qtbot):
    path = tmp_path / "film.srt"
    path.write_text("\n\n".join(f"{n}\n{_clock(n * 4)} --> {_clock(n * 4 + 3.8)}\n"
                                f"Line {n} cut for viewers,\nand its second half." for n in range(1, 21)) + "\n")
    assert window.open_path(str(path))
    assert window.model.rowCount() < 20
    assert window.captions_bar.isVisible()
    assert "20 captions were merged" in window.captions_bar.text()
    bar_button(window.captions_bar, "&Keep captions as they are").click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 20)
    assert window.captions_bar.isHidden()
    assert window.files.current_path == str(path)


def test_keeping_captions_reloads_one_turn_per_cue_with_its_time(window, tmp_path, qtbot):
    halves = [("The tide came in at six,", "and the ferry waited."),
              ("Nobody on deck spoke", "until the engine slowed.")]
    path = tmp_path / "harbour.srt"
    path.write_text("\n\n".join(f"{n + 1}\n{_clock(n * 4)} --> {_clock(n * 4 + 3.6)}\n" + "\n".join(halves[n % 2])
                                for n in range(12)) + "\n")
    assert window.open_path(str(path))
    assert window.captions_bar.isVisible()
    assert "12 captions were merged" in window.captions_bar.text()
    bar_button(window.captions_bar, "&Keep captions as they are").click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 12)
    for n in range(12):
        segment = window.model.segment(n)
        assert segment.text == " ".join(halves[n % 2])            # the cue's lines, one turn
        assert (segment.start_ms, segment.end_ms) == (n * 4000, n * 4000 + 3600)
    assert window.captions_bar.isHidden()
    assert window.files.current_path == str(path)
