"""Spelling underlines in the turn editor, and the right-click menu that fixes them.

:class:`SpellHighlighter` is a ``QSyntaxHighlighter`` on the editor's document. Qt calls
``highlightBlock`` only for blocks whose text changed, and the :class:`~editor.core.spelling.Speller`
caches each word's verdict, so a keystroke re-checks one paragraph with dictionary lookups,
never the document. Marked spans (inaudible etc.) are skipped: the window passes the
turn's marks with :meth:`SpellHighlighter.set_marks` when it loads a turn. Optional shading
of low-confidence words uses :meth:`SpellHighlighter.set_low_confidence`.

:func:`install_spelling` wires both into a ``QPlainTextEdit`` in one call.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QSyntaxHighlighter, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from editor.core.errors import TranscriptError
from editor.core.spelling import Misspelling, Speller
from editor.core.transcript import Mark
from editor.ui.document.turn_decorations import low_confidence_format, misspelt_format
from editor.ui.utf16 import Utf16Offsets


def insert_before(menu: QMenu, before: QAction | None, action: QAction | None) -> None:
    """Put *action* (None: a separator) before *before*, or at the end when *before* is None."""
    if action is None:
        if before is None:
            menu.addSeparator()
        else:
            menu.insertSeparator(before)
    elif before is None:
        menu.addAction(action)
    else:
        menu.insertAction(before, action)


class SpellHighlighter(QSyntaxHighlighter):
    """Red wavy underline under unknown words; optional amber shading of low-confidence words."""

    def __init__(self, document, speller: Speller):
        super().__init__(document)
        self.speller = speller
        self._marks: tuple[Mark, ...] = ()
        self._low: list[tuple[int, int]] = []
        self._error = misspelt_format()   # a wave underline: the same on every style
        self._low_format = low_confidence_format()

    def set_marks(self, marks) -> None:
        """The marks of the turn being edited (offsets in the whole text); never underlined."""
        self._marks = tuple(marks)
        self.rehighlight()

    def set_low_confidence(self, spans) -> None:
        """Character spans to shade as low-confidence ([] turns shading off)."""
        self._low = [(s, e) for s, e in spans if s >= 0]
        self.rehighlight()

    def misspellings(self, block_text: str, block_start: int = 0) -> list[Misspelling]:
        marks = [m.shifted(-block_start) for m in self._marks]
        return self.speller.unknown_words(block_text, marks)

    def highlightBlock(self, text: str) -> None:
        # Character offsets (the turn's one block: its start is 0) drawn in Qt's UTF-16 positions.
        block_start = self.currentBlock().position()
        qt = Utf16Offsets(text).to_qt
        for start, end in self._low:
            lo, hi = max(start - block_start, 0), min(end - block_start, len(text))
            if lo < hi:
                self.setFormat(qt(lo), qt(hi) - qt(lo), self._low_format)
        for miss in self.misspellings(text, block_start):
            fmt = QTextCharFormat(self.format(qt(miss.start)))
            fmt.merge(self._error)
            self.setFormat(qt(miss.start), qt(miss.end) - qt(miss.start), fmt)

    def misspelling_at(self, position: int) -> tuple[int, Misspelling] | None:
        """(block start, misspelling) under document *position*, if any: the block's start is Qt's
        position, the misspelling's offsets are characters in the block's text (as the core counts)."""
        block = self.document().findBlock(position)
        if not block.isValid():
            return None
        text = block.text()
        offset = Utf16Offsets(text).from_qt(position - block.position())
        for miss in self.misspellings(text, block.position()):
            if miss.start <= offset <= miss.end:
                return block.position(), miss
        return None


class SpellMenu(QObject):
    """Builds the editor's context menu with spelling suggestions, "Add to glossary" and "Ignore"."""

    word_added = Signal(str)     # a word joined the glossary (the window may refresh suggestions)
    word_ignored = Signal(str)

    def __init__(self, editor: QPlainTextEdit, highlighter: SpellHighlighter, glossary=None):
        super().__init__(editor)
        self.editor, self.highlighter, self.glossary = editor, highlighter, glossary
        # What the menu last built offers: (block start, the word to fix), and an action per suggestion.
        # As misspelling_at gives them: the block's start a Qt position, the word's offsets characters.
        self.fixing: tuple[int, Misspelling] | None = None
        self.suggestion_actions: dict[str, QAction] = {}
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._on_editor_menu_requested)

    def build_menu(self, pos: QPoint) -> QMenu:
        """The standard edit menu with spelling actions on top when *pos* is on an unknown word."""
        menu = self.editor.createStandardContextMenu(pos)
        cursor = self.editor.cursorForPosition(pos)
        hit = self.fixing = self.word_to_fix(cursor.position())
        self.suggestion_actions = {}
        if hit is None:
            return menu
        block_start, miss = hit
        first = menu.actions()[0] if menu.actions() else None   # None: the menu was empty, append
        suggestions = self.suggestions_for(miss.word)
        for word in suggestions:
            action = self.suggestion_actions[word] = QAction(word, menu)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(lambda _=False, w=word: self.replace_word(block_start, miss, w))
            insert_before(menu, first, action)
        if not suggestions:
            none = QAction("(no suggestions)", menu)
            none.setEnabled(False)
            insert_before(menu, first, none)
        insert_before(menu, first, None)
        add = QAction(f"Add “{miss.word}” to glossary", menu)
        add.setEnabled(self.glossary is not None)
        add.triggered.connect(lambda: self.add_to_glossary(miss.word))
        ignore = QAction(f"Ignore “{miss.word}”", menu)
        ignore.triggered.connect(lambda: self.ignore(miss.word))
        insert_before(menu, first, add)
        insert_before(menu, first, ignore)
        insert_before(menu, first, None)
        return menu

    def word_to_fix(self, position: int) -> tuple[int, Misspelling] | None:
        """(block start, word) the menu offers fixes for at document *position*: a misspelling."""
        return self.highlighter.misspelling_at(position)

    def suggestions_for(self, word: str) -> list[str]:
        """The menu's replacements for the word :meth:`word_to_fix` found."""
        return self.highlighter.speller.suggestions(word, limit=6)

    def replace_word(self, block_start: int, miss: Misspelling, word: str) -> None:
        """Put *word* over the misspelling (an ordinary edit: the editor reports it as typing)."""
        document = self.editor.document()
        qt = Utf16Offsets(document.findBlock(block_start).text()).to_qt
        cursor = QTextCursor(document)
        cursor.setPosition(block_start + qt(miss.start))
        cursor.setPosition(block_start + qt(miss.end), QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() == miss.word:     # the text changed since the menu opened: leave it
            cursor.insertText(word)

    def add_to_glossary(self, word: str) -> None:
        if self.glossary is None:
            return
        self.glossary.add(word)
        try:
            if self.glossary.path is not None:
                self.glossary.save()
        except TranscriptError:
            pass  # kept in memory; the glossary dialog reports save problems
        self.highlighter.speller.set_glossary_names(self.glossary.names())
        self.highlighter.rehighlight()
        self.word_added.emit(word)

    def ignore(self, word: str) -> None:
        self.highlighter.speller.ignore(word)
        self.highlighter.rehighlight()
        self.word_ignored.emit(word)

    def _on_editor_menu_requested(self, pos: QPoint) -> None:
        menu = self.build_menu(pos)
        menu.exec(self.editor.viewport().mapToGlobal(pos))
        menu.deleteLater()


def install_spelling(editor: QPlainTextEdit, speller: Speller, glossary=None) -> SpellMenu:
    """Underline unknown words in *editor* and give it the spelling context menu.

    Returns the :class:`SpellMenu`; its ``highlighter`` attribute is the :class:`SpellHighlighter`.
    """
    highlighter = SpellHighlighter(editor.document(), speller)
    return SpellMenu(editor, highlighter, glossary)
