"""A transcript in a legacy encoding: the window names the guess and reopens it in another encoding."""

from __future__ import annotations

from message_boxes import shown_error
from PySide6.QtWidgets import QInputDialog
from window_helpers import bar_buttons

_RUSSIAN = ["Привет, как дела у вас сегодня?", "Это проверка кодировки файла."]


def _srt(lines):
    return "".join(f"{n}\n00:00:0{n},000 --> 00:00:0{n},900\n{line}\n\n" for n, line in enumerate(lines, 1))


def _text(window) -> str:
    """The transcript's words (one speaker's cues open merged into one turn)."""
    return " ".join(s.text for s in window.model.transcript.segments)


def test_the_guess_is_named_and_reopen_with_encoding_reads_it_right(window, tmp_path, qtbot):
    path = tmp_path / "ru.srt"
    path.write_bytes(_srt(_RUSSIAN).encode("koi8_r"))
    assert window.open_path(str(path))
    bar = window.warning_bar
    assert bar.isVisible() and "Reopen with Encoding…" in bar_buttons(bar)
    wrong = _text(window)
    if wrong != " ".join(_RUSSIAN):   # the detector may guess right; the choice must work either way
        assert window.reopen_with_encoding("koi8-r")
    assert _text(window) == " ".join(_RUSSIAN)


def test_the_action_opens_a_choice_of_encodings(window, tmp_path, qtbot):
    path = tmp_path / "ru.srt"
    path.write_bytes(_srt(_RUSSIAN).encode("cp1251"))
    assert window.open_path(str(path))
    window.action_table["reopen_encoding"].trigger()
    dialog = window.findChildren(QInputDialog)[-1]   # the dialog just opened
    qtbot.waitUntil(dialog.isVisible)
    dialog.setTextValue("cp1251")
    dialog.accept()
    qtbot.waitUntil(lambda: _text(window) == " ".join(_RUSSIAN))


def test_an_encoding_that_does_not_fit_is_an_error_and_the_transcript_stays(window, tmp_path):
    path = tmp_path / "ru.srt"
    path.write_bytes(_srt(_RUSSIAN).encode("cp1251"))
    assert window.open_path(str(path))
    before = [s.text for s in window.model.transcript.segments]
    assert not window.reopen_with_encoding("utf-8")
    error = shown_error(window)
    assert error is not None and "utf-8" in error[0]
    assert [s.text for s in window.model.transcript.segments] == before
