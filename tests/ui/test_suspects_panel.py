"""The Suspects panel lists what it is given, item for item, however the list changed since the last time."""

from __future__ import annotations

import random

from PySide6.QtCore import Qt

from editor.hearing.spotting import Spotted
from editor.hearing.suspects import Suspect
from editor.ui.hearing.suspects_panel import SuspectsPanel


def _suspect(row: int, start: int, doubt: float) -> Suspect:
    return Suspect(row, f"s{row}", start, start + 4, f"word{row}-{start}", 1000 * row + start, 1000 * row + start + 300,
                   doubt, ["audio"])


def _listed(panel: SuspectsPanel) -> list[tuple]:
    items = [panel.list.item(i) for i in range(panel.list.count())]
    return [(item.text(), item.data(Qt.ItemDataRole.UserRole), item.data(Qt.ItemDataRole.UserRole + 1))
            for item in items]


def _fresh(suspects, name_for, qtbot) -> list[tuple]:
    panel = SuspectsPanel()
    qtbot.addWidget(panel)
    panel.show_suspects(suspects, name_for=name_for)
    return _listed(panel)


def test_each_refresh_lists_what_a_fresh_panel_would(qtbot):
    panel = SuspectsPanel()
    qtbot.addWidget(panel)
    pool = [_suspect(row, start, random.Random(row * 7 + start).random()) for row in range(30) for start in (0, 10)]
    heard = {("s3", 0): Spotted(0, 4, "word3-0", "Kowalczyk", 0.5)}

    def name_for(row, suspect):
        return heard.get((suspect.segment_id, suspect.char_start))

    chance = random.Random(4)
    shown: list[Suspect] = []
    for _ in range(40):
        # Turns checked add suspects, edits take some away, a re-check changes a doubt.
        shown = [s for s in shown if chance.random() > 0.1]
        shown += chance.sample([s for s in pool if s not in shown], k=min(3, len(pool) - len(shown)))
        if shown and chance.random() < 0.3:
            old = chance.choice(shown)
            shown[shown.index(old)] = _suspect(old.segment, old.char_start, chance.random())
        suspects = sorted(((s.segment, s) for s in shown), key=lambda item: (-item[1].doubt, item[0]))
        panel.show_suspects(suspects, running=True, name_for=name_for)
        assert _listed(panel) == _fresh(suspects, name_for, qtbot)
    named = _suspect(3, 0, 0.99)      # the glossary name heard over a suspect is said under it
    panel.show_suspects([(3, named)] + suspects, name_for=name_for)
    assert "→ Kowalczyk" in panel.list.item(0).text()
    assert panel.list.item(0).data(Qt.ItemDataRole.UserRole + 1) == (3, 0, 4, "Kowalczyk")


def test_the_chosen_suspect_stays_chosen_and_none_is_chosen_once_it_is_gone(qtbot):
    panel = SuspectsPanel()
    qtbot.addWidget(panel)
    first, second, third = _suspect(1, 0, 0.9), _suspect(2, 0, 0.8), _suspect(3, 0, 0.7)
    panel.show_suspects([(1, first), (2, second), (3, third)])
    assert panel.list.currentRow() == -1
    assert panel.select(2, 0) and panel.list.currentRow() == 1
    panel.show_suspects([(4, _suspect(4, 0, 0.95)), (1, first), (2, second), (3, third)])
    assert panel.list.currentItem().data(Qt.ItemDataRole.UserRole) == (2, 0, 4)
    panel.show_suspects([(1, first), (3, third)])      # the chosen one was edited away
    assert panel.list.currentRow() == -1 and not panel.apply.isEnabled()
    assert not panel.select(2, 0)


def test_a_pass_coming_in_does_not_lay_the_window_out_again(qtbot):
    """Each refresh while a pass runs changes the panel's words (its count), never its size: a layout
    request the panel gets is a layout of its dock and of the whole window too."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QTextEdit

    class LayoutRequests(QObject):
        count = 0

        def eventFilter(self, _watched, event):  # noqa: N802  (Qt's name)
            self.count += event.type() == QEvent.Type.LayoutRequest
            return False

    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QTextEdit())
    panel = SuspectsPanel()
    dock = QDockWidget("Suspects")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.show()
    qtbot.waitExposed(window)
    panel.show_suspects([], running=True)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    requests = LayoutRequests()
    panel.installEventFilter(requests)
    suspects = []
    for row in range(12):
        suspects.append((row, _suspect(row, 0, 0.5)))
        panel.show_suspects(suspects, running=True)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert requests.count == 0
    assert panel.summary.text() == "Listening… 12 passages to listen to"


def test_apply_the_name_heard_only_for_a_chosen_suspect_with_a_name(qtbot):
    panel = SuspectsPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    named, plain = _suspect(1, 0, 0.9), _suspect(2, 0, 0.8)
    heard = Spotted(0, 4, "word1-0", "Kowalczyk", 0.5)

    def name_for(row, suspect):
        return heard if suspect is named else None

    panel.show_suspects([], running=True)
    assert not panel.apply.isEnabled()           # "Listening…", nothing listed
    panel.show_suspects([(1, named), (2, plain)], running=True, name_for=name_for)
    # The list taking the focus makes its first item current without choosing it: nothing to apply.
    panel.list.setFocus()
    qtbot.waitUntil(panel.list.hasFocus, timeout=10_000)
    assert not panel.list.selectedItems() and not panel.apply.isEnabled()
    panel.list.setCurrentRow(0)
    assert panel.apply.isEnabled()
    panel.list.clearSelection()                  # (Ctrl+click) chosen no more
    assert not panel.apply.isEnabled()
    panel.list.setCurrentRow(1)
    assert not panel.apply.isEnabled()           # no name heard there
    panel.select(1, 0)
    assert panel.apply.isEnabled()
    panel.show_suspects([], running=True)        # a new pass starts: the list empties
    assert not panel.apply.isEnabled()
    panel.apply.click()                          # (a click that reached it anyway does nothing)


def test_the_name_heard_says_what_it_replaces_when_that_is_not_the_passage_listed(qtbot):
    panel = SuspectsPanel()
    qtbot.addWidget(panel)
    passage = Suspect(0, "s0", 0, 15, "I'm DACA, Leora", 0, 900, 1.0, ["audio"])
    wider = Spotted(0, 25, "I'm DACA, Leora more hall", "Daraka Larimore-Hall", 0.1, "sound", agrees=False)
    same = Spotted(0, 15, "I'm DACA, Leora", "Daraka Larimore-Hall", 0.1, "sound", agrees=False)
    panel.show_suspects([(0, passage)], name_for=lambda row, suspect: wider)
    assert ("→ Daraka Larimore-Hall for “I'm DACA, Leora more hall”  (said alike: audio cannot tell)"
            in panel.list.item(0).text())
    other = SuspectsPanel()
    qtbot.addWidget(other)
    other.show_suspects([(0, passage)], name_for=lambda row, suspect: same)
    assert "→ Daraka Larimore-Hall  (said alike: audio cannot tell)" in other.list.item(0).text()


def test_the_name_heards_verdict_reads_as_the_glossary_suggestions_say_it(qtbot):
    from editor.ui.widgets.verdict_words import AUDIO_SAYS

    passage = Suspect(0, "s0", 0, 9, "fog horn", 0, 900, 0.9, ["audio"])
    alike = Spotted(0, 9, "fog horn", "Foghorn", 0.1, "sound", agrees=False)
    agreed = Spotted(0, 9, "fog horn", "Foghorn", 0.4)
    assert AUDIO_SAYS["sounds alike"] == "said alike: audio cannot tell"
    assert f"→ Foghorn  ({AUDIO_SAYS['sounds alike']})" in _fresh([(0, passage)], lambda row, s: alike, qtbot)[0][0]
    assert f"→ Foghorn  ({AUDIO_SAYS['agrees']})" in _fresh([(0, passage)], lambda row, s: agreed, qtbot)[0][0]


def test_a_suspect_of_the_sentences_tense_says_why_in_words(qtbot):
    tense = Suspect(0, "s0", 20, 25, "climb", 1200, 1500, 0.6, ["grammar"])
    assert "the sentence's tense wants another form" in _fresh([(0, tense)], lambda row, suspect: None, qtbot)[0][0]


def _lines_start(image, top: int, bottom: int) -> list[int]:
    """The left edge of each line of text drawn between rows *top* and *bottom* of *image*."""
    starts, inked_before = [], False
    for y in range(top, bottom):
        inked = [x for x in range(image.width()) if image.pixelColor(x, y).lightness() < 110]
        if inked and not inked_before:
            starts.append(inked[0])
        elif inked:
            starts[-1] = min(starts[-1], inked[0])
        inked_before = bool(inked)
    return starts


def test_a_wrapped_line_of_an_item_keeps_its_indent_in_a_narrow_dock(qtbot):
    panel = SuspectsPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 400)
    panel.show()
    qtbot.waitExposed(panel)
    passage = Suspect(0, "s0", 0, 12, "Thomas Rayes", 8000, 9000, 0.89, ["audio", "spelling", "name", "glossary"])
    panel.show_suspects([(0, passage)])
    item = panel.list.item(0)
    assert item.text().count("\n") == 1         # the passage, then what is said of it: one line each
    qtbot.waitUntil(lambda: panel.list.visualItemRect(item).height() > 0, timeout=5000)
    rect = panel.list.visualItemRect(item)
    image = panel.list.viewport().grab().toImage()
    starts = _lines_start(image, rect.top(), rect.bottom())
    # "sounds different, unknown word, a glossary name fits, glossary suggestion" wraps in 300 px:
    # its second line goes on under its first, not under the time of the passage's line.
    assert len(starts) >= 3
    passage_x, evidence_x = starts[0], starts[1]
    assert evidence_x > passage_x + 8
    assert all(abs(x - evidence_x) <= 2 for x in starts[2:])
    # The list is as tall as the lines it draws (nothing cut off at the bottom).
    assert _lines_start(image, rect.bottom() + 1, image.height()) == []


def test_a_suspect_of_the_episodes_rare_word_says_why_in_words(qtbot):
    rare = Suspect(0, "s0", 16, 21, "drugs", 1200, 1500, 0.6, ["audio", "episode"])
    assert "a rare word the episode says sounds alike" in _fresh([(0, rare)], lambda row, suspect: None, qtbot)[0][0]
