"""The word the name tools take at a caret: the whole word around an apostrophe or hyphen, also
in a turn with characters Qt counts as two positions (an emoji before it)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from editor.ui.names.correcting_spell_menu import select_whole_word


@pytest.mark.parametrize("before", ["", "🎵 ", "🎵🎵 x ", "ok 🎙️ "])
@pytest.mark.parametrize(("word", "into"), [("Tomasz's", 7), ("Banfield-Quay", 10), ("Oriel", 2)])
def test_the_whole_word_at_the_caret(qapp, before, word, into):
    text = f"{before}Thanks, {word} boat leaves 🎵 at nine."
    document = QTextDocument(text)
    # Qt's positions count UTF-16 units: an emoji outside the BMP is two of them.
    at = len(text[:text.index(word) + into].encode("utf-16-le")) // 2
    cursor = QTextCursor(document)
    cursor.setPosition(at)
    assert select_whole_word(cursor).selectedText() == word
