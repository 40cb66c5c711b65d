"""The turn editor's right-click menu: spelling fixes, what the audio says of them, and "Correct “…” Everywhere…".

:class:`~editor.ui.names.spell_highlighter.SpellMenu` offers suggestions, "add to glossary" and
"ignore" for an unknown word; this adds:

* the same suggestions for a known word the audio doubts (inside a suspect passage: a real word
  the recognizer heard wrong, which no dictionary underlines);
* the audio's verdict beside each suggestion ("audio agrees", "audio prefers the original"). The
  menu never waits for the audio: it opens with the verdicts already known
  (:class:`~editor.ui.names.spelling_verdicts.SpellingVerdicts` keeps them) and the agreed
  suggestions first; the others say "asking the audio…" and change in place as their verdicts
  arrive while the menu is open;
* the step from one wrong word to all of them: the selection (or the word under the mouse) goes
  to the "Correct Everywhere" dialog;
* "Ignore" on a word inside a suspect passage answers the audio too: the passage is right
  (:attr:`CorrectingSpellMenu.suspect_ignored`), so its suspect goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QMenu

from editor.core.spelling import Misspelling
from editor.ui.names.audio_verdicts import audio_rank
from editor.ui.names.spell_highlighter import SpellMenu, insert_before
from editor.ui.utf16 import Utf16Offsets
from editor.ui.widgets.verdict_words import AUDIO_SAYS

WORD_EDGE = re.compile(r"^[^\w'’]+|[^\w'’]+$")   # punctuation around a word ("Flax," -> "Flax")
# A word as the name tools count it: letters joined by apostrophes or hyphens ("I'm", "Tomasz's",
# "Banfield-Quay"), where Qt's word selection stops at the apostrophe or hyphen.
WHOLE_WORD = re.compile(r"\w+(?:['’-]\w+)*")
ASKING = "asking the audio…"


def phrase_of(text: str) -> str:
    """*text* without surrounding punctuation; "" when it spans paragraphs."""
    text = WORD_EDGE.sub("", text.strip())
    return "" if "\u2029" in text else text


def select_whole_word(cursor: QTextCursor) -> QTextCursor:
    """*cursor* (without a selection) selecting the whole word at it: Qt's WordUnderCursor, widened
    over the apostrophes and hyphens inside the word."""
    block = cursor.block()
    at = cursor.position() - block.position()
    cursor.select(QTextCursor.SelectionType.WordUnderCursor)
    text = block.text()
    # Qt counts positions in UTF-16 units, Python in characters: an emoji before the word is one
    # character but two positions.
    offsets = Utf16Offsets(text)
    for found in WHOLE_WORD.finditer(text):
        start, end = offsets.to_qt(found.start()), offsets.to_qt(found.end())
        if start <= at <= end and start < end:
            cursor.setPosition(block.position() + start)
            cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
            break
    return cursor


def verdict_text(verdict) -> str:
    """What a suggestion's entry says of the audio's verdict (in the menu's right-hand column)."""
    said = AUDIO_SAYS.get(verdict.label, "")
    return f"✓ {said}" if verdict.label == "agrees" else said


class CorrectingSpellMenu(SpellMenu):
    """The spelling menu, the audio's verdicts, and "Correct Everywhere…" for the word or selection under the mouse."""

    # (row, start, end): the suspect passage the word ignored lies in, which the producer says is right
    suspect_ignored = Signal(int, int, int)

    def __init__(self, editor, highlighter, glossary, correct, verdicts=None,
                 suspect_at: Callable[[int, int], tuple[int, int] | None] | None = None):
        """*verdicts*: a :class:`~editor.ui.names.spelling_verdicts.SpellingVerdicts` (None: no audio
        checks); *suspect_at(row, offset)*: the (start, end) of a suspect passage there, or None."""
        super().__init__(editor, highlighter, glossary)
        self._correct = correct
        self.verdicts = verdicts
        self.suspect_at = suspect_at
        # heard_at(row, offset): (start, end, name) of a glossary name the audio heard there, or None
        self.heard_at: Callable[[int, int], tuple[int, int, str] | None] | None = None
        self._doubted = False      # the word the menu is built for is spelt right, but a suspect

    def _row(self) -> int:
        """The turn being edited (the turn editor knows its row; any other editor has none: -1)."""
        return getattr(self.editor, "row", -1)

    def word_to_fix(self, position: int) -> tuple[int, Misspelling] | None:
        hit = super().word_to_fix(position)
        self._doubted = False
        if hit is not None or self.suspect_at is None:
            return hit
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(position)
        cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        word = cursor.selectedText()
        if not word.strip() or not any(ch.isalpha() for ch in word):
            return None
        # The suspects count characters in the turn's text, the misspelling in its block's text.
        block = cursor.block()
        at = Utf16Offsets(self.editor.toPlainText()).from_qt(cursor.selectionStart())
        if self.suspect_at(self._row(), at) is None:
            return None
        self._doubted = True
        in_block = Utf16Offsets(block.text()).from_qt
        return block.position(), Misspelling(in_block(cursor.selectionStart() - block.position()),
                                             in_block(cursor.selectionEnd() - block.position()), word)

    def ignore(self, word: str) -> None:
        """Ignore the word for spelling, and the suspect passage it lies in (if any) for the audio:
        for a word spelt right the menu is there because of that passage alone."""
        super().ignore(word)
        if self.fixing is None or self.suspect_at is None:
            return
        block_start, miss = self.fixing
        at = Utf16Offsets(self.editor.toPlainText()).from_qt(block_start) + miss.start
        passage = self.suspect_at(self._row(), at)
        if passage is not None:
            self.suspect_ignored.emit(self._row(), *passage)

    def suggestions_for(self, word: str) -> list[str]:
        if self._doubted:      # spelt right: the words it may have been misheard for
            return self.highlighter.speller.alternatives(word, limit=6)
        return super().suggestions_for(word)

    def build_menu(self, pos) -> QMenu:
        menu = super().build_menu(pos)
        self._show_verdicts(menu)
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            cursor = select_whole_word(self.editor.cursorForPosition(pos))
        phrase = phrase_of(cursor.selectedText())
        if phrase:
            action = QAction(f"Correct “{phrase}” Everywhere…", menu)
            action.triggered.connect(lambda: self._correct(phrase))
            first = menu.actions()[0] if menu.actions() else None
            insert_before(menu, first, action)
            insert_before(menu, first, None)
        self._offer_name_heard(menu, pos)
        return menu

    def _offer_name_heard(self, menu: QMenu, pos) -> None:
        """The glossary name the audio heard over the passage under the mouse, first in the menu:
        it replaces the whole passage ("DACA, Leora more hall"), which no one word's fix can."""
        if self.heard_at is None:
            return
        text = self.editor.toPlainText()
        offsets = Utf16Offsets(text)
        heard = self.heard_at(self._row(), offsets.from_qt(self.editor.cursorForPosition(pos).position()))
        if heard is None:
            return
        start, end, name = heard
        found = text[start:end]
        action = QAction(f"{name}\theard in the audio", menu)
        font = action.font()
        font.setBold(True)
        action.setFont(font)
        action.setToolTip(f"Replace “{found}” by {name}, the name the audio fits better")
        action.triggered.connect(lambda: self.replace_passage(start, end, found, name))
        first = menu.actions()[0] if menu.actions() else None
        insert_before(menu, first, action)
        insert_before(menu, first, None)

    def replace_passage(self, start: int, end: int, found: str, name: str) -> None:
        """Put *name* over the turn's characters *start*..*end* (an ordinary edit, as typing is),
        unless they no longer read *found*."""
        to_qt = Utf16Offsets(self.editor.toPlainText()).to_qt
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(to_qt(start))
        cursor.setPosition(to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        if cursor.selectedText() == found:
            cursor.insertText(name)

    def _show_verdicts(self, menu: QMenu) -> None:
        if self.verdicts is None or self.fixing is None or not self.suggestion_actions:
            return
        block_start, miss = self.fixing
        text = self.editor.toPlainText()
        start = Utf16Offsets(text).from_qt(block_start)        # the block's start in the turn's characters
        keys = self.verdicts.ask(self._row(), text, start + miss.start, start + miss.end,
                                 list(self.suggestion_actions))
        if not keys:
            return
        actions = self.suggestion_actions
        # Agreed first, rejected last; the rest keep the speller's order.
        ranked = sorted(actions, key=lambda word: audio_rank(self.verdicts.verdict(keys[word]))
                        if word in keys else 1)
        after = actions[next(reversed(actions))]     # the last suggestion: what follows it stays put
        below = menu.actions()[menu.actions().index(after) + 1]
        for word in ranked:
            menu.removeAction(actions[word])
            menu.insertAction(below, actions[word])
        _MenuVerdicts(menu, actions, keys, self.verdicts)


class _MenuVerdicts(QObject):
    """Puts each verdict beside its suggestion while the menu is open (a child of the menu: gone with it)."""

    def __init__(self, menu: QMenu, actions: dict[str, QAction], keys: dict[str, tuple], verdicts):
        super().__init__(menu)
        self._actions = {keys[word]: (word, actions[word]) for word in keys}
        for key, (word, action) in self._actions.items():
            verdict = verdicts.verdict(key)
            action.setText(f"{word}\t{verdict_text(verdict) if verdict is not None else ASKING}")
        verdicts.judged.connect(self._on_judged)

    def _on_judged(self, key: tuple, verdict) -> None:
        entry = self._actions.get(key)
        if entry is not None:
            word, action = entry
            action.setText(f"{word}\t{verdict_text(verdict)}")
