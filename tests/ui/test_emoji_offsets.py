"""A turn with emoji in it: what the view draws over its words and what a click on them finds.

The core counts characters (an emoji is one); Qt's text layout counts UTF-16 units (an emoji
outside the Basic Multilingual Plane is two). Each check measures the layout in UTF-16 itself,
independently of the painter's conversion.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QPlainTextEdit
from window_helpers import click, press

from editor.core import project
from editor.core.spelling import Speller
from editor.core.transcript import Mark, MarkKind, Segment, Speaker, Transcript, Word
from editor.ui.document.turn_painter import TurnPainter
from editor.ui.names.correcting_spell_menu import CorrectingSpellMenu
from editor.ui.names.spell_highlighter import SpellHighlighter, install_spelling
from editor.ui.utf16 import Utf16Offsets

WIDTH = 900
TEXT = "Party 🎉 time 🎙️ then mumble here and friends."


def _units(text: str, start: int, length: int) -> str:
    """*text*'s UTF-16 units start..start+length, as text."""
    data = text.encode("utf-16-le")
    return data[2 * start:2 * (start + length)].decode("utf-16-le")


def _utf16(text: str, char: int) -> int:
    return len(text[:char].encode("utf-16-le")) // 2


def _segment() -> Segment:
    start = TEXT.index("mumble")
    return Segment("s1", 0, 4000, TEXT, "A", marks=[Mark(MarkKind.INAUDIBLE, start, start + len("mumble"))])


def test_offsets_both_ways():
    offsets = Utf16Offsets(TEXT)
    for char in range(len(TEXT) + 1):
        position = _utf16(TEXT, char)
        assert offsets.to_qt(char) == position
        assert offsets.from_qt(position) == char
    assert offsets.from_qt(_utf16(TEXT, TEXT.index("🎉")) + 1) == TEXT.index("🎉")   # inside the emoji
    for plain in ("naïve café", ""):                  # no wide character: offsets and positions coincide
        same = Utf16Offsets(plain)
        assert all(same.to_qt(char) == char == same.from_qt(char) for char in range(len(plain) + 1))


def test_mark_word_and_spelling_ranges_cover_their_words(qapp):
    painter = TurnPainter(QFont())
    segment = _segment()
    here = TEXT.index("here")
    friends = TEXT.index("friends")
    underline = QTextCharFormat()
    underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    ranges = painter.text_ranges(0, segment, WIDTH, (here, here + 4), QPalette(),
                                 extra=[(friends, friends + 7, underline)])
    covered = [_units(TEXT, r.start, r.length) for r in ranges]
    assert covered == ["mumble", "friends", "here"]


def test_the_inaudible_tag_follows_the_whole_marked_word(qapp):
    painter = TurnPainter(QFont())
    segment = _segment()
    end = segment.marks[0].end
    plain = QTextLayout(TEXT, painter.text_font)   # the same text without the tag's room
    plain.beginLayout()
    line = plain.createLine()
    line.setLineWidth(painter.text_width(WIDTH))
    plain.endLayout()
    word_end, _ = line.cursorToX(_utf16(TEXT, end))
    [(mark, box)] = painter.tag_rects(0, segment, WIDTH)
    assert mark is segment.marks[0]
    assert box.left() >= painter.text_origin().x() + word_end   # after the "e" of "mumble", not before it


CLICKED = "🎉🎉🎉🎉🎉🎉 go now later"


def _show(window) -> list[Word]:
    """*window* showing one timed turn of CLICKED; its words."""
    words = [Word(t, 1000 + 500 * i, 1400 + 500 * i) for i, t in enumerate(CLICKED.split())]
    transcript = Transcript(speakers={"A": Speaker("A", "Ann")},
                            segments=[Segment("s1", 1000, 5000, CLICKED, "A", words=words)])
    window.model.set_transcript(transcript)
    window.stack.setCurrentWidget(window.editor_page)
    return words


def test_the_turn_editor_opens_with_the_caret_before_the_word(main_window):
    _show(main_window)
    go = CLICKED.index("go")
    editor = main_window.view.open_editor(0, go)
    assert editor.textCursor().position() == _utf16(CLICKED, go)
    assert editor.caret() == go


def test_ctrl_click_on_a_word_after_emoji_seeks_to_it(main_window, qtbot):
    w = main_window
    text = CLICKED
    words = _show(w)
    go = text.index("go")
    font = w.view.open_editor(0).font()    # the font the view lays the turn out in
    w.view.close_editor()
    w.view.viewport().repaint()
    layout = QTextLayout(text, font)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    x, _ = line.cursorToX(_utf16(text, go))
    index = [text[s:e] for s, e in w.model.word_spans(0).spans].index("go")
    row = w.view.word_rect(0, index)       # its height is the text line's, wherever the word is
    text_left = TurnPainter(font).margin_left    # the margin the view lays its turns out with, in its font
    at = QPoint(w.view.row_rect(0).left() + text_left + int(x) + 2, row.center().y())
    with qtbot.waitSignal(w.view.seek_requested) as seek:
        click(w.view.viewport(), at, Qt.KeyboardModifier.ControlModifier)
    assert seek.args == [w.model.word_start_ms(0, index)] == [words[index].start_ms]


def test_marking_a_selection_after_emoji_marks_those_words(main_window, tmp_path):
    w = main_window
    _show(w)
    path = tmp_path / "emoji.tep.json"          # opened as a producer would, so the edit actions are on
    project.save(w.model.transcript, path)
    assert w.open_path(str(path))
    now = CLICKED.index("now")
    editor = w.view.open_editor(0, now)
    cursor = editor.textCursor()                 # the producer selects "now" (Qt's positions)
    cursor.setPosition(_utf16(CLICKED, now))
    cursor.setPosition(_utf16(CLICKED, now + 3), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    press(w, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)   # Mark inaudible
    [mark] = w.model.segment(0).marks
    assert CLICKED[mark.start:mark.end] == "now"
    assert [s.cursor.selectedText() for s in editor.extraSelections()] == ["now"]


def test_the_open_editor_underlines_the_unknown_word_after_emoji(qtbot):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    install_spelling(editor, Speller([]))
    text = "Party 🎉🎉 with Rayes tonight"
    editor.setPlainText(text)
    layout = editor.document().firstBlock().layout()
    underlined = [_units(text, r.start, r.length) for r in layout.formats()
                  if r.format.underlineStyle() != r.format.UnderlineStyle.NoUnderline]
    assert underlined == ["Rayes"]


def test_a_found_span_after_emoji_is_selected_in_the_editor(main_window):
    w = main_window
    _show(w)
    later = CLICKED.index("later")
    w.names.spans.show(0, later, later + len("later"))   # what Find and the suspect list call
    assert w.view.editor().textCursor().selectedText() == "later"
    assert w.view.editor().selection() == (later, later + len("later"))


SPELT = "Party 🎉🎉🎉 with Rayes tonight"


def _spelling_editor(qtbot, menu_class=None, **extra):
    """A plain editor showing SPELT with the spelling menu (*menu_class*: the correcting one)."""
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    if menu_class is None:
        menu = install_spelling(editor, Speller(["Reyes"]))
    else:
        menu = menu_class(editor, SpellHighlighter(editor.document(), Speller(["Reyes"])), None,
                          lambda phrase: None, **extra)
    editor.setPlainText(SPELT)
    return editor, menu


def _right_click_menu(editor, menu, char: int):
    """The menu a right-click on SPELT's character *char* builds."""
    cursor = editor.textCursor()
    cursor.setPosition(_utf16(SPELT, char))
    return menu.build_menu(editor.cursorRect(cursor).center())


def test_right_click_after_emoji_fixes_that_misspelling(qtbot):
    editor, menu = _spelling_editor(qtbot)
    rayes = SPELT.index("Rayes")
    qmenu = _right_click_menu(editor, menu, rayes + 1)
    assert "Ignore “Rayes”" in [a.text() for a in qmenu.actions()]
    menu.suggestion_actions["Reyes"].trigger()
    assert editor.toPlainText() == SPELT.replace("Rayes", "Reyes")


def test_right_click_on_a_suspect_word_after_emoji_asks_and_fixes_that_word(qtbot):
    asked = []
    with_ = SPELT.index("with")

    def suspect_at(row, offset):
        asked.append(offset)
        return (with_, with_ + 4) if with_ <= offset < with_ + 4 else None

    editor, menu = _spelling_editor(qtbot, CorrectingSpellMenu, suspect_at=suspect_at)
    _right_click_menu(editor, menu, with_ + 1)
    assert asked[-1] == with_
    start, miss = menu.fixing
    assert SPELT[start + miss.start:start + miss.end] == miss.word == "with"
    replacement = next(iter(menu.suggestion_actions))
    menu.suggestion_actions[replacement].trigger()
    assert editor.toPlainText() == SPELT.replace("with", replacement)


def test_the_audio_is_asked_about_the_misspelling_after_emoji(main_window, qtbot, tmp_path):
    """Real speech, alignment and PocketSphinx: the menu's verdicts are about the word under the
    mouse, and the agreed suggestion replaces it."""
    from heard_episode import open_aligned, write_episode

    names = main_window.names
    lines = [("name", "In the fall {🎉🎉|🎉🎉|} we voted for {Dukaki|Dukakis} with our friends.")]
    open_aligned(main_window, qtbot, *write_episode(tmp_path, lines),
                 before_alignment=lambda _window: names.show_glossary.glossary.add("Dukakis"))
    names.spelling.ensure_speller()
    names.spelling.glossary_names_changed()
    editor = main_window.view.open_editor(0, 0)
    qtbot.waitUntil(lambda: names.spelling.spell_menu is not None, timeout=10_000)
    spell_menu, text = names.spelling.spell_menu, editor.toPlainText()
    assert "🎉" in text
    start = text.index("Dukaki")
    cursor = editor.textCursor()
    cursor.setPosition(_utf16(text, start + 2))
    menu = spell_menu.build_menu(editor.cursorRect(cursor).center())
    assert "Dukakis" in spell_menu.suggestion_actions
    verdicts = names.spelling_verdicts
    qtbot.waitUntil(lambda: not verdicts.checks.is_running(), timeout=60_000)
    # Asking again about "Dukaki" itself finds the menu's verdicts known: it asked about that word.
    keys = verdicts.ask(0, text, start, start + len("Dukaki"), ["Dukakis"])
    assert verdicts.verdict(keys["Dukakis"]).label == "agrees"
    assert spell_menu.suggestion_actions["Dukakis"].text() == "Dukakis\t✓ audio agrees"
    spell_menu.suggestion_actions["Dukakis"].trigger()
    assert editor.toPlainText() == text.replace("Dukaki", "Dukakis")
    menu.deleteLater()
