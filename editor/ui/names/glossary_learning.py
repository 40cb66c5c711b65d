"""GlossaryLearner: every correction the producer makes in the window can teach the show's glossary.

When the in-place editor leaves a turn, the turn's text then is compared with its text when
editing began (:meth:`editor.core.glossary.Glossary.learn_from_edit`): when a name of the
glossary, of the show notes or a speaker's name was written over other words, those words
become a known wrong form of it, so the next scan (this episode's or the next one's) finds
them wherever the recognizer wrote them again. One comparison per turn left, never per keystroke.
Corrections made without typing (a glossary suggestion applied, a name heard in the audio put in,
Replace) teach the same way (:meth:`learn_corrections`); Correct Everywhere has its own "Remember"
choice and is not taught twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor.ui.context import WindowContext

if TYPE_CHECKING:
    from editor.core.glossary import Glossary, GlossaryEntry


# A Replace All of more different texts than this (a pattern's) corrects no one misheard name: not
# learnt from (and not weighed one by one on the GUI thread).
MAX_DISTINCT = 20


class GlossaryLearner(QObject):
    learned = Signal(object, str)    # the GlossaryEntry that learnt, the wrong form it learnt (the last, of many)
    message = Signal(str)

    def __init__(self, ctx: WindowContext, glossary: Callable[[], Glossary | None], names: Callable[[], list[str]],
                 parent=None):
        """*glossary()*: the show's Glossary (or None); *names()*: other right names (show notes, speakers)."""
        super().__init__(parent)
        self._model = ctx.model
        self._glossary = glossary
        self._names = names
        self._started: tuple[str, str] | None = None    # (segment id, its text when editing began)
        ctx.view.editing_started.connect(self._on_view_editing_started)
        ctx.view.editing_finished.connect(self._on_view_editing_finished)

    def _on_view_editing_started(self, row: int) -> None:
        segment = self._model.segment(row)
        self._started = (segment.id, segment.text)

    def _on_view_editing_finished(self, row: int) -> None:
        started, self._started = self._started, None
        glossary = self._glossary()
        if started is None or glossary is None:
            return
        segment_id, before = started
        row = self._model.row_of(segment_id, row)      # a split or merge may have moved it
        if row < 0 or self._model.segment(row).text == before:
            return
        learnt = self._learn(glossary, before, self._model.segment(row).text)
        if learnt is not None:
            self._announce([learnt])

    def learn_corrections(self, corrections: list[tuple[str, str]]) -> None:
        """Corrections applied without typing, as (words before, words put in): each may teach.
        Announced once for all (Apply all may teach many: the glossary is saved and scanned once)."""
        glossary = self._glossary()
        distinct = dict.fromkeys(corrections)
        if glossary is None or len(distinct) > MAX_DISTINCT:
            return
        learnt = [found for before, after in distinct
                  if (found := self._learn(glossary, before, after)) is not None]
        if learnt:
            self._announce(learnt)

    def _learn(self, glossary: Glossary, before: str, after: str) -> tuple[GlossaryEntry, str] | None:
        """(entry, wrong form) the glossary learnt from one correction, if it learnt something new."""
        known = {(e.correct, tuple(e.wrong_forms)) for e in glossary.entries}
        entry = glossary.learn_from_edit(before, after, names=self._names())
        if entry is None or (entry.correct, tuple(entry.wrong_forms)) in known:
            return None
        return entry, entry.wrong_forms[-1] if entry.wrong_forms else ""

    def _announce(self, learnt: list[tuple[GlossaryEntry, str]]) -> None:
        entry, wrong = learnt[-1]
        self.learned.emit(entry, wrong)
        if len(learnt) == 1:
            self.message.emit(f"Glossary: “{wrong}” is now a known wrong form of {entry.correct}")
        else:
            forms = ", ".join(f"“{w}”" for _, w in learnt)
            self.message.emit(f"Glossary: {len(learnt)} known wrong forms learnt ({forms})")
