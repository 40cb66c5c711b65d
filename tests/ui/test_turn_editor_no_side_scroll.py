"""The open turn editor wraps and never scrolls sideways: typing at the end of a wrapped line keeps
the turn's first character at the editor's left edge."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

TEXT = ("Welcome to Saltmarsh Radio, the show about people who work where the land runs out, and with me "
        "in the studio is my co-host who keeps the lamps lit and the kettle warm all night long.")


def _first_character_left(editor) -> int:
    cursor = QTextCursor(editor.document())
    cursor.setPosition(0)
    return editor.cursorRect(cursor).left()


def _line_ends(editor) -> list[int]:
    block = editor.document().firstBlock()
    editor.blockBoundingRect(block)       # lays the block out if it is not yet
    layout = block.layout()
    return [layout.lineAt(n).textStart() + layout.lineAt(n).textLength() for n in range(layout.lineCount() - 1)]


def test_typing_at_wrap_points_never_scrolls_the_editor_sideways(main_window, tmp_path, qtbot):
    source = tmp_path / "long.txt"
    source.write_text(f"[00:00:00] Nora: {TEXT}\n[00:00:20] Tom: Short.\n", encoding="utf-8")
    w = main_window
    assert w.open_path(str(source))
    checked = 0
    for width in range(700, 1000, 9):        # wrap points fall at many places in the words
        w.resize(width, 600)
        editor = w.view.open_editor(0, 0)
        qtbot.waitUntil(lambda editor=editor, width=width: editor.width() < width)
        ends = _line_ends(editor)
        assert ends, f"the turn should wrap at width {width}"
        for end in ends:
            for caret in (end - 1, end):      # after the last word, and after the space it wrapped at
                editor = w.view.open_editor(0, caret)
                for key in "ab":
                    QTest.keyClick(editor, key)
                    editor.ensureCursorVisible()
                    bar = editor.horizontalScrollBar()
                    assert (bar.value(), bar.maximum()) == (0, 0), f"scrolled sideways at width {width}"
                    assert _first_character_left(editor) == 0, f"text shifted left at width {width}"
                    checked += 1
                w.edits.undo()
    assert checked > 100
