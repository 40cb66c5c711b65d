"""The status bar keeps an answer to the producer readable: the result of a Restore is not replaced at
once by the news of the alignment the restore started; that news is shown when the answer has had
its time."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QStatusBar

sys.path.insert(0, str(Path(__file__).resolve().parent))
from restore_helpers import button, kill, prompt, type_into  # noqa: E402

from editor.ui.widgets.status_messages import StatusMessages  # noqa: E402


def test_background_news_waits_for_the_answer_on_show_and_only_the_latest_is_shown(qtbot):
    bar = QStatusBar()
    qtbot.addWidget(bar)
    messages = StatusMessages(bar)
    messages.tell("Aligning word times of 3 turns in the background…")
    assert bar.currentMessage().startswith("Aligning")        # nothing held: news shows at once
    messages.say("Restored unsaved work on harbour.tep.json: 1 turn changed", 300)
    messages.tell("Aligning word times of 1 turns in the background…")
    messages.tell("Word times aligned")
    assert bar.currentMessage().startswith("Restored")
    qtbot.waitUntil(lambda: bar.currentMessage() == "Word times aligned")
    messages.say("Saved harbour.tep.json", 300)                # an answer covers news at once
    assert bar.currentMessage() == "Saved harbour.tep.json"


def test_news_waiting_behind_an_answer_is_not_lost_when_another_answer_comes(qtbot):
    """An alignment's failure waits while the restore's result is read; the producer saves meanwhile:
    the failure is shown once the save's answer has had its time, not dropped (nothing else says it)."""
    bar = QStatusBar()
    qtbot.addWidget(bar)
    messages = StatusMessages(bar)
    messages.say("Restored unsaved work on harbour.tep.json: 1 turn changed", 200)
    messages.tell("Alignment failed: the audio cannot be read")
    messages.say("Saved harbour.tep.json", 200)
    assert bar.currentMessage() == "Saved harbour.tep.json"
    qtbot.waitUntil(lambda: bar.currentMessage() == "Alignment failed: the audio cannot be read")


def _project_with_audio(tmp_path):
    """A project of timed turns linked to its audio (silence as long as its turns)."""
    from edit_helpers import END_MS, timed_transcript
    from silent_audio import silence

    from editor.core import project
    transcript = timed_transcript()
    transcript.meta.audio_path = str(silence(tmp_path / "harbour.wav", END_MS / 1000 + 1))
    path = tmp_path / "harbour.tep.json"
    project.save(transcript, path)
    return path


@pytest.mark.usefixtures("own_data_dir")
def test_the_restore_result_stays_while_the_alignment_and_the_scan_it_started_run(windows, tmp_path, qtbot,
                                                                                  monkeypatch):
    from editor.ui.widgets import status_messages
    monkeypatch.setattr(status_messages, "ANSWER_MS", 60_000)   # held however slow the machine is today
    path = _project_with_audio(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    type_into(first, 1, "Typo ")            # the typed turn's words lose their times: it is aligned again
    kill(first)

    window = windows()
    assert window.open_path(str(path))
    button(prompt(window, qtbot), "Restore").click()
    qtbot.waitUntil(window.timing.is_aligning, timeout=10_000)
    glossary = window.names.show_glossary
    scanned: list[str] = []
    glossary.message.connect(scanned.append)
    glossary.scan_now()              # the restored text's glossary scan (its count is news too)
    qtbot.waitUntil(lambda: bool(scanned), timeout=10_000)
    assert window.statusBar().currentMessage() == f"Restored unsaved work on {path.name}: 1 turn changed"
    window.timing.cancel_alignment()


def test_an_answer_from_the_names_tools_is_shown_at_once_over_an_earlier_answer(main_window, tmp_path):
    """Next Low-Confidence Word answers the producer: it is no background news to wait (or be dropped)
    behind the answer to what was done before."""
    from editor.core import project
    from editor.core.transcript import Segment, Speaker, Transcript, Word
    words = [Word("we", 0, 300, 0.95), Word("sailed", 300, 800, 0.31), Word("north", 800, 1200, 0.9)]
    transcript = Transcript(speakers={"a": Speaker("a", "Ines Varga")},
                            segments=[Segment("s1", 0, 1200, "we sailed north", "a", words=words)])
    path = tmp_path / "north.tep.json"
    project.save(transcript, path)
    w = main_window
    assert w.open_path(str(path))
    w.show_status("Saved north.tep.json")            # an answer, held for its time
    w.action_table["next_low_confidence"].trigger()
    assert w.statusBar().currentMessage() == "“sailed”: 31% confidence"


def test_a_shared_glossary_that_cannot_be_read_is_said_at_once_not_after_the_answer_on_show(main_window, tmp_path,
                                                                                            qtbot, monkeypatch):
    """The shared glossary file is damaged on disk while an answer is on show: the window's re-read
    fails, and the producer must act on it (the team's names are missing), so it shows at once; it
    is not background news waiting its turn, nor replaced there by later news."""
    from editor.core import project
    from editor.core.transcript import Segment, Speaker, Transcript
    from editor.ui.widgets import status_messages
    monkeypatch.setattr(status_messages, "ANSWER_MS", 60_000)   # held however slow the machine is today
    path = tmp_path / "north.tep.json"
    project.save(Transcript(speakers={"a": Speaker("a", "Ines Varga")},
                            segments=[Segment("s1", 0, 1200, "we sailed north", "a")]), path)
    shared = tmp_path / "team" / "glossary.csv"
    shared.parent.mkdir()
    shared.write_text("Renata Morholt,Renata More hold\n", encoding="utf-8")
    w = main_window
    assert w.open_path(str(path))
    glossary = w.names.show_glossary
    glossary.glossary.shared_file = str(shared)
    glossary.set_glossary(glossary.glossary)        # follows the shared file from now on
    assert glossary.glossary.entry_for("Renata Morholt") is not None
    w.show_status("Saved north.tep.json")            # an answer, held for its time
    shared.write_bytes(b"Renata Morholt,\xff\xfe broken\n")     # not UTF-8: cannot be read
    qtbot.waitUntil(lambda: w.statusBar().currentMessage().startswith("Shared glossary not read"), timeout=10_000)
    assert "glossary.csv" in w.statusBar().currentMessage()
    glossary.message.emit("The shared glossary changed on disk: merged.")    # later news waits behind it
    assert w.statusBar().currentMessage().startswith("Shared glossary not read")
