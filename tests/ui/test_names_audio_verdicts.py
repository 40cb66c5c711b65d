"""Glossary suggestions checked against the audio in the window: real alignment and real PocketSphinx on
espeak-ng speech. The panel says what the audio thinks of each suggestion, lists what it agrees with first,
and never ticks (for Apply all) one the audio rejects."""

from __future__ import annotations

import pytest
from heard_episode import open_aligned, share_cache, spoken_once, write_episode  # noqa: E402

# The audio says "EPA" where the text has "BSA"; and it says "Okafor", which the glossary wrongly
# remembers as a misspelling of another guest's name.
LINES = [("name", "Our next guest Okafor grew up near the harbor."),
         ("acronym", "She spent ten years at the {BSA|EPA} before she ran for office.")]


@pytest.fixture(scope="module")
def spoken(tmp_path_factory):
    """The episode of LINES, spoken and aligned once for the module's windows."""
    return spoken_once(tmp_path_factory, LINES)


@pytest.fixture
def checked_panel(main_window, qtbot, spoken, monkeypatch):
    srt, wav, cache = spoken
    share_cache(monkeypatch, cache)
    names = main_window.names.show_glossary

    def glossary(_window) -> None:
        names.glossary.add("EPA", ["BSA"])
        names.glossary.add("Okoro", ["Okafor"])

    open_aligned(main_window, qtbot, srt, wav, before_alignment=glossary)
    # Shown: made now if the words were timed before the deferred scan made it (a panel is made
    # when first shown, or for a scan's suggestions).
    main_window.action_table["show_suggestions"].setChecked(True)
    panel = names.suggestions
    checked, scanned = [], []
    panel.audio_checked.connect(checked.append)
    panel.scan_finished.connect(lambda _count: scanned.append([s.found for s in panel.suggestions]))
    names.scan_now()
    panel.start_scan()
    qtbot.waitUntil(lambda: checked == [True], timeout=90_000)
    assert scanned[-1] == ["Okafor", "BSA"]     # the scan's own order, before the audio spoke
    return main_window, panel


def test_the_audio_verdicts_are_shown_ranked_and_a_rejected_suggestion_is_not_ticked(checked_panel, qtbot):
    window, panel = checked_panel
    assert [(s.found, s.replacement) for s in panel.suggestions] == [("BSA", "EPA"), ("Okafor", "Okoro")]
    agreed, rejected = (panel.items.index(row).data() for row in range(2))
    assert agreed.startswith("✓ BSA  →  EPA") and "audio agrees" in agreed
    assert rejected.startswith("Okafor  →  Okoro") and "audio prefers the original" in rejected
    assert [panel.is_ticked(s) for s in panel.suggestions] == [True, False]
    assert panel.suggestions[1].ticked      # the scan alone would have ticked it
    assert panel.apply_all_button.text() == "Appl&y all ✓ (1)"
    assert not panel.stop_check_button.isVisible() and not panel.is_checking_audio()
    panel.apply_all()
    first, second = (s.text for s in window.model.transcript.segments)
    assert "Okafor" in first and "the EPA before" in second
    window.undo_stack.undo()
    assert "the BSA before" in window.model.transcript.segments[1].text


def test_an_edited_turn_is_checked_again_and_the_check_can_be_stopped(checked_panel, qtbot):
    window, panel = checked_panel
    assert panel.check_audio() == 0     # nothing changed: every verdict is kept, nothing is checked again
    # The turn's text changes: its verdict no longer holds, and the next scan's check asks again.
    window.model.set_text(0, window.model.transcript.segments[0].text.replace("harbor", "harbour"))
    with qtbot.waitSignal(panel.scan_finished, timeout=10_000):
        panel.start_scan()
    assert panel.is_checking_audio() and not panel.stop_check_button.isHidden()
    stopped = []
    panel.audio_checked.connect(stopped.append)
    panel.stop_check_button.click()
    assert not panel.is_checking_audio() and panel.stop_check_button.isHidden()
    okafor = next(s for s in panel.suggestions if s.found == "Okafor")
    assert panel.verdict(okafor) is None and panel.is_ticked(okafor)    # unchecked: the scan's tick stands
    assert stopped == []     # a stopped check reports nothing more
    panel.forget()           # another transcript: the verdicts belong to the old one
    assert panel.audio_path == "" and panel.check_audio() == 0


MANY = [("name", "Our next guest Okafor grew up near the harbor."),
        ("acronym", "She spent ten years at the {BSA|EPA} before she ran for office."),
        ("acronym", "Later the {BSA|EPA} asked her back for a year."),
        ("name", "Then Okafor went home to teach.")]


def test_the_verdicts_coming_in_do_not_lay_the_window_out_again(main_window, qtbot, tmp_path):
    """Each verdict changes the panel's words (its count, the check's progress), never its size: a
    layout request the panel gets is a layout of its dock and of the whole window too."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject

    class LayoutRequests(QObject):
        def __init__(self):
            super().__init__()
            self.counting, self.count = False, 0

        def eventFilter(self, _watched, event):  # noqa: N802  (Qt's name)
            self.count += self.counting and event.type() == QEvent.Type.LayoutRequest
            return False

    names = main_window.names.show_glossary

    def glossary(_window) -> None:
        names.glossary.add("EPA", ["BSA"])
        names.glossary.add("Okoro", ["Okafor"])

    open_aligned(main_window, qtbot, *write_episode(tmp_path, MANY), before_alignment=glossary)
    main_window.action_table["show_suggestions"].setChecked(True)
    panel = names.suggestions
    requests = LayoutRequests()
    panel.installEventFilter(requests)
    checked = []
    panel.audio_checked.connect(lambda completed: checked.append(completed) or setattr(requests, "counting", False))
    with qtbot.waitSignal(panel.scan_finished, timeout=30_000):
        panel.start_scan()
    assert panel.is_checking_audio() and len(panel.suggestions) == 4
    # The check's start (its Stop button shown) is laid out once, now; from here on, the verdicts.
    QCoreApplication.sendPostedEvents(panel, QEvent.Type.LayoutRequest)
    requests.counting = True
    qtbot.waitUntil(lambda: checked == [True], timeout=90_000)
    assert requests.count == 0
    assert panel.apply_all_button.text() == f"Appl&y all ✓ ({sum(map(panel.is_ticked, panel.suggestions))})"
    assert panel.status.text().startswith("4 suggestions checked against the audio: ")   # said as verdicts_said says
