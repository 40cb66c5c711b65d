"""A passage marked inaudible shows what exports write: its words struck through, a "[inaudible]" tag."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

TEXT = "then the radio went quiet for an hour"


def _mark_radio(w) -> None:
    editor = w.view.open_editor(2, 0)
    cursor = editor.textCursor()
    cursor.setPosition(TEXT.index("radio"))
    cursor.setPosition(TEXT.index("radio") + len("radio"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    w.action_table["mark_inaudible"].trigger()


def test_words_under_an_inaudible_mark_are_struck_and_tagged(timed_window, qtbot):
    w = timed_window
    assert w.view.mark_tag_rects(2) == []
    radio, went_before = w.view.word_rect(2, 2), w.view.word_rect(2, 3).left()
    _mark_radio(w)
    editor = w.view.editor()
    struck = [s for s in editor.extraSelections() if s.format.fontStrikeOut()]
    assert [(s.cursor.selectionStart(), s.cursor.selectedText()) for s in struck] == [(TEXT.index("radio"), "radio")]
    w.view.close_editor()

    (tag,) = w.view.mark_tag_rects(2)
    went = w.view.word_rect(2, 3)
    assert radio.right() <= tag.left() and tag.right() <= went.left()      # between the words, over neither
    assert went.left() - went_before >= tag.width()                           # the words after moved over for it
    assert tag.top() < radio.center().y() < tag.bottom()                      # on the word's line

    image = w.view.viewport().grab().toImage()
    inked = sum(1 for x in range(tag.left() + 3, tag.right() - 2) for y in range(tag.top() + 2, tag.bottom() - 1)
                if image.pixelColor(x, y).lightness() < 110)
    assert inked > 20                                                         # the tag's text is drawn

    QToolTip.hideText()
    QApplication.sendEvent(w.view.viewport(), QHelpEvent(QEvent.Type.ToolTip, radio.center(),
                                                         w.view.viewport().mapToGlobal(radio.center())))
    qtbot.waitUntil(lambda: "in place of \u201cradio\u201d" in QToolTip.text(), timeout=10_000)
    assert "exports write \u201c[inaudible]\u201d" in QToolTip.text()


def test_a_bare_token_and_an_unclear_guess_get_no_tag(timed_window, qtbot):
    w = timed_window
    w.view.open_editor(1, 0)
    w.action_table["mark_inaudible"].trigger()                  # "[inaudible]" put in at the caret
    editor = w.view.open_editor(3, 0)
    cursor = editor.textCursor()
    cursor.setPosition(len("and nobody heard the "))
    cursor.setPosition(len("and nobody heard the foghorn"), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    w.action_table["mark_unclear"].trigger()                    # a best guess: exports keep the words
    w.view.close_editor()
    assert w.model.segment(1).text.startswith("[inaudible] we hauled")
    assert w.view.mark_tag_rects(1) == [] and w.view.mark_tag_rects(3) == []
    foghorn = w.view.word_rect(3, 4)
    QApplication.sendEvent(w.view.viewport(), QHelpEvent(QEvent.Type.ToolTip, foghorn.center(),
                                                         w.view.viewport().mapToGlobal(foghorn.center())))
    qtbot.waitUntil(lambda: "[unclear: foghorn]" in QToolTip.text(), timeout=10_000)
