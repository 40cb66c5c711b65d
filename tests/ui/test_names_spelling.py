"""Spelling underlines and the context menu in a real QPlainTextEdit (the turn editor's base)."""

from __future__ import annotations

from PySide6.QtGui import QTextFormat
from PySide6.QtWidgets import QPlainTextEdit

from editor.core.glossary import Glossary
from editor.core.spelling import Speller
from editor.core.transcript import Mark, MarkKind
from editor.ui.names.spell_highlighter import install_spelling

TEXT = "Welcome to Saltmarsh Radio with Thomas Rayes. [inaudible] and a lenz polisher."


def _underlined(editor) -> list[str]:
    block = editor.document().firstBlock()
    words = []
    for fmt_range in block.layout().formats():
        if fmt_range.format.underlineStyle() != fmt_range.format.UnderlineStyle.NoUnderline:
            words.append(block.text()[fmt_range.start:fmt_range.start + fmt_range.length])
    return words


def _editor(qtbot, glossary=None):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    names = glossary.names() if glossary else []
    menu = install_spelling(editor, Speller(names), glossary)
    editor.setPlainText(TEXT)
    return editor, menu


def test_unknown_words_are_underlined_but_not_marks_or_glossary(qtbot, tmp_path):
    glossary = Glossary(path=tmp_path / "g.json")
    glossary.add("Saltmarsh Radio")
    editor, _ = _editor(qtbot, glossary)
    assert _underlined(editor) == ["Rayes", "lenz"]


def test_marks_passed_by_the_window_are_skipped(qtbot):
    editor, menu = _editor(qtbot)
    start = TEXT.index("a lenz")
    menu.highlighter.set_marks([Mark(MarkKind.UNCLEAR, start, start + 6)])
    assert _underlined(editor) == ["Saltmarsh", "Rayes"]


def test_menu_offers_suggestions_and_replaces_the_word(qtbot, tmp_path):
    glossary = Glossary(path=tmp_path / "g.json")
    glossary.add("Tomas Reyes")
    editor, menu = _editor(qtbot, glossary)
    cursor = editor.textCursor()
    cursor.setPosition(TEXT.index("Rayes") + 2)
    qmenu = menu.build_menu(editor.cursorRect(cursor).center())
    texts = [a.text() for a in qmenu.actions()]
    assert texts[0] in ("Reyes", "Tomas Reyes")
    assert "Add “Rayes” to glossary" in texts and "Ignore “Rayes”" in texts
    next(a for a in qmenu.actions() if a.text() == "Reyes").trigger()
    assert "Thomas Reyes." in editor.toPlainText()


def test_add_to_glossary_and_ignore_clear_underlines(qtbot, tmp_path):
    glossary = Glossary(path=tmp_path / "g.json")
    editor, menu = _editor(qtbot, glossary)
    with qtbot.waitSignal(menu.word_added):
        menu.add_to_glossary("Saltmarsh")
    assert Glossary.load(tmp_path / "g.json").names() == ["Saltmarsh"]
    menu.ignore("lenz")
    assert _underlined(editor) == ["Rayes"]


def test_low_confidence_shading_on_and_off(qtbot):
    editor, menu = _editor(qtbot)
    start = TEXT.index("polisher")

    def shaded():
        formats = editor.document().firstBlock().layout().formats()
        return [(r.start, r.length) for r in formats if r.format.hasProperty(QTextFormat.Property.BackgroundBrush)]

    menu.highlighter.set_low_confidence([(start, start + 8)])
    assert shaded() == [(start, 8)]
    menu.highlighter.set_low_confidence([])          # View ▸ Shade Low-Confidence Words unticked
    assert shaded() == [] and _underlined(editor) == ["Saltmarsh", "Rayes", "lenz"]   # the underlines stay


def test_menu_off_a_misspelling_is_the_standard_menu(qtbot):
    editor, menu = _editor(qtbot)
    cursor = editor.textCursor()
    cursor.setPosition(TEXT.index("Welcome") + 1)
    qmenu = menu.build_menu(editor.cursorRect(cursor).center())
    assert not any("glossary" in a.text() for a in qmenu.actions())
