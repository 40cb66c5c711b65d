"""TypedCheck: a correction typed in a turn is checked against the audio, and the verdict is told.

When the in-place editor leaves a turn whose words were aligned (or came timed from the
recognizer), the one place where its text changed (:func:`editor.core.typed_corrections.replaced_span`)
is aligned over the audio of the old words, once as it was and once as typed
(:class:`~editor.ui.names.audio_verdicts.AudioChecker`, in the background). The status bar then
says "The audio agrees with “EPA”", or "The audio prefers the original “BSA” to “EPA”", so a
slip is caught while the turn is still in mind. A spelling suggestion chosen from the right-click
menu is a typed correction too. One comparison per turn left, never per keystroke; changes of
capitals or punctuation, insertions, deletions (words added or removed beside words kept), rewrites of
many words and changes to words neither alike nor a name ("red" -> "blue") are not asked about.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor.core.transcript import WordTiming
from editor.ui.context import WindowContext
from editor.ui.names.audio_verdicts import AudioChecker, CheckItem

if TYPE_CHECKING:
    from editor.hearing.verdict import TimedToken

MAX_WORDS = 6          # a longer rewrite is not a correction of what was heard
_TIMED = (WordTiming.ALIGNED, WordTiming.IMPORTED)
_TOKEN = re.compile(r"\S+")


class TypedCheck(QObject):
    message = Signal(str)
    judged = Signal(str, str, object)      # the words before, the words typed, editor.hearing.verdict.Verdict

    def __init__(self, ctx: WindowContext, audio_path: Callable[[], str], parent=None):
        """*audio_path()*: the episode's audio once its words have times ("" before)."""
        super().__init__(parent)
        self._model = ctx.model
        self._audio_path = audio_path
        # (segment id, text, TimedTokens) of the turn being edited, when its words are timed
        self._started: tuple[str, str, list[TimedToken]] | None = None
        self._asked: dict[tuple, tuple[str, str]] = {}    # check key -> (words before, words typed)
        self.checks = AudioChecker(self)
        self.checks.judged.connect(self._on_checks_judged)
        ctx.view.editing_started.connect(self._on_view_editing_started)
        ctx.view.editing_finished.connect(self._on_view_editing_finished)

    def _on_view_editing_started(self, row: int) -> None:
        from editor.hearing.verdict import TimedToken
        segment = self._model.segment(row)
        tokens = list(_TOKEN.finditer(segment.text))
        self._started = None
        if self._audio_path() and segment.word_timing in _TIMED and len(tokens) == len(segment.words):
            timed = [TimedToken(m.start(), m.end(), w.start_ms, w.end_ms)
                     for m, w in zip(tokens, segment.words, strict=True)]
            self._started = (segment.id, segment.text, timed)

    def _on_view_editing_finished(self, row: int) -> None:
        started, self._started = self._started, None
        if started is None or not self._audio_path():
            return
        segment_id, before, timed = started
        row = self._model.row_of(segment_id, row)      # a split or merge may have moved it
        if row < 0 or self._model.segment(row).text == before:
            return
        item = self._check_item(segment_id, before, self._model.segment(row).text, timed)
        if item is not None:
            self.checks.start(self._audio_path(), [item])

    def _check_item(self, segment_id: str, before: str, after: str, timed) -> CheckItem | None:
        from editor.core.phrase_likeness import Phrase
        from editor.core.typed_corrections import may_be_misheard, replaced_span
        from editor.hearing.verdict import region_of
        span = replaced_span(before, after)
        if span is None:
            return None
        wrong, right = span
        if Phrase.of(wrong).norms == Phrase.of(right).norms:
            return None           # capitals or punctuation only: the audio cannot tell
        if max(len(wrong.split()), len(right.split())) > MAX_WORDS or not may_be_misheard(wrong, right):
            return None           # a rewrite, not a word heard wrong
        start = _place(before, after, wrong)
        if start < 0:
            return None
        where = region_of(before, timed, start, start + len(wrong))
        if where is None:
            return None
        key = (segment_id, after, right)
        self._asked[key] = (wrong, right)
        return CheckItem(key, where, right)

    def _on_checks_judged(self, key: tuple, verdict) -> None:
        wrong, right = self._asked.pop(key, ("", ""))
        if not right:
            return
        self.judged.emit(wrong, right, verdict)
        if verdict.label == "agrees":
            self.message.emit(f"The audio agrees with “{right}”")
        elif verdict.rejected:
            self.message.emit(f"The audio prefers the original “{wrong}” to “{right}” (Undo takes the edit back)")
        else:
            self.message.emit(f"The audio cannot tell “{right}” from the original “{wrong}”")

    def shutdown(self) -> None:
        self.checks.cancel(wait=True)


def _place(before: str, after: str, wrong: str) -> int:
    """Where *wrong* (the replaced words) starts in *before*: the occurrence around the first
    character where the two texts differ."""
    differ = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
                  min(len(before), len(after)))
    starts = [m.start() for m in re.finditer(re.escape(wrong), before)]
    return next((s for s in reversed(starts) if s <= differ), starts[0] if starts else -1)
