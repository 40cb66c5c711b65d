"""EpisodeVocabulary: the episode's own words, kept up to date for checking edited turns again.

The context check lets the episode's words overrule the general language model for words said
alike (:mod:`editor.hearing.episode_words`). A whole pass counts them in its own process, from the
snapshot of every turn it took, and sends the count back first (``SuspectRunner.counted``); an
edited turn checked again is planned from a snapshot of only it and its neighbours, so it is given
its share of this count (:meth:`for_turns`) or the window would doubt "flour" in a bakery's turn
that ``transcript-editor suggest`` leaves alone. Counting a long episode again at every pause in
typing would be work proportional to the document: each edit instead takes the turn's old words
away and adds its new ones. Edits made while a pass is counting are put to its count as it arrives.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from editor.ui.document.transcript_model import Role

if TYPE_CHECKING:
    from editor.hearing.episode_words import EpisodeWords
    from editor.ui.document.transcript_model import TranscriptModel

# The roles of a change that may be one of a turn's text (see HearingController).
_TEXT_ROLES = frozenset({int(Qt.ItemDataRole.DisplayRole), int(Role.TEXT)})


class EpisodeVocabulary(QObject):
    """How often the episode uses each word, as its turns read now (once a whole pass has counted them)."""

    def __init__(self, model: TranscriptModel, parent=None):
        super().__init__(parent)
        self._model = model
        self._words: EpisodeWords | None = None
        self._counted: dict[str, str] = {}       # the text each turn (by id) has in _words
        # While a pass counts from its snapshot: each turn edited, added (its text) or taken away
        # (None) since, by id, to be put to that count when it arrives.
        self._since_snapshot: dict[str, str | None] | None = None
        model.dataChanged.connect(self._on_model_data_changed)
        model.rowsInserted.connect(self._on_model_rows_inserted)
        model.rowsAboutToBeRemoved.connect(self._on_model_rows_about_to_be_removed)
        model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)

    def counting(self) -> None:
        """A whole pass has just taken its snapshot of the turns: its count (:meth:`counted`) replaces this one."""
        self._since_snapshot = {}

    def counted(self, words: EpisodeWords, texts: dict[str, str]) -> None:
        """The pass's count of the episode's *words*, from turns reading *texts* (by id)."""
        self._words, self._counted = words, texts
        since, self._since_snapshot = self._since_snapshot or {}, None
        for turn_id, text in since.items():
            self._turn_reads(turn_id, text)

    def for_turns(self, texts: Iterable[str]) -> EpisodeWords | None:
        """The count's share for turns reading *texts* (None before a pass has counted): for a
        re-check on another thread, while this count goes on changing with the edits."""
        return None if self._words is None else self._words.about(texts)

    def _turn_reads(self, turn_id: str, text: str | None) -> None:
        """Turn *turn_id* now reads *text* (None: taken away)."""
        if self._since_snapshot is not None:
            self._since_snapshot[turn_id] = text
        if self._words is None:
            return
        old = self._counted.get(turn_id)
        if old == text:
            return
        self._words.replace(old or "", text or "")
        if text is None:
            del self._counted[turn_id]
        else:
            self._counted[turn_id] = text

    def _on_model_data_changed(self, top, bottom, roles=()) -> None:
        if roles and _TEXT_ROLES.isdisjoint(map(int, roles)):
            return       # times, a status, the playback highlight
        if self._words is None and self._since_snapshot is None:
            return
        segments = self._model.transcript.segments
        for segment in segments[top.row():bottom.row() + 1]:
            self._turn_reads(segment.id, segment.text)

    def _on_model_rows_inserted(self, _parent, first: int, last: int) -> None:
        self._on_model_data_changed(self._model.index(first), self._model.index(last))

    def _on_model_rows_about_to_be_removed(self, _parent, first: int, last: int) -> None:
        if self._words is None and self._since_snapshot is None:
            return
        for segment in self._model.transcript.segments[first:last + 1]:
            self._turn_reads(segment.id, None)

    def _on_model_about_to_be_reset(self) -> None:
        self._words, self._counted, self._since_snapshot = None, {}, None
