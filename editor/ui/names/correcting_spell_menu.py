"""The turn editor's right-click menu: spelling fixes plus "Correct “…” Everywhere…".

:class:`~editor.ui.names.spell_highlighter.SpellMenu` offers suggestions, "add to glossary" and
"ignore" for an unknown word; this adds the step from one wrong word to all of them: the
selection (or the word under the mouse) goes to the "Correct Everywhere" dialog.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu

from editor.ui.names.spell_highlighter import SpellMenu, insert_before

WORD_EDGE = re.compile(r"^[^\w'’]+|[^\w'’]+$")   # punctuation around a word ("Flax," -> "Flax")


def phrase_of(text: str) -> str:
    """*text* without surrounding punctuation; "" when it spans paragraphs."""
    text = WORD_EDGE.sub("", text.strip())
    return "" if "\u2029" in text else text


class CorrectingSpellMenu(SpellMenu):
    """The spelling menu plus "Correct Everywhere…" for the word or selection under the mouse."""

    def __init__(self, editor, highlighter, glossary, correct):
        super().__init__(editor, highlighter, glossary)
        self._correct = correct

    def build_menu(self, pos) -> QMenu:
        menu = super().build_menu(pos)
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            cursor = self.editor.cursorForPosition(pos)
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        phrase = phrase_of(cursor.selectedText())
        if phrase:
            action = QAction(f"Correct “{phrase}” Everywhere…", menu)
            action.triggered.connect(lambda: self._correct(phrase))
            first = menu.actions()[0] if menu.actions() else None
            insert_before(menu, first, action)
            insert_before(menu, first, None)
        return menu
