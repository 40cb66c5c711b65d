"""SpellingVerdicts: the audio's verdict on each spelling suggestion of the right-click menu.

The menu opens at once with its suggestions; :meth:`SpellingVerdicts.ask` gives back the verdicts
already known and has the rest found in the background (:class:`~editor.ui.names.audio_verdicts.AudioChecker`:
the turn's audio over the misspelt word, aligned once as written and once per suggestion). Each
verdict comes back as ``judged(key, verdict)``, so a menu still open can show it, and is kept:
a second right-click on the word shows every verdict at once. A verdict is kept under the turn's
id and text, the word's place and the suggestion, so an edit of the turn makes it stale; opening
another transcript forgets them all. Only turns whose words have times (aligned or imported)
can be asked about; the others get no verdict, and the menu works as without audio.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from editor.ui.names.audio_verdicts import AudioChecker, CheckItem

MAX_KEPT = 2000      # verdicts kept for the session (a few per right-click); the oldest go first


class SpellingVerdicts(QObject):
    judged = Signal(object, object)     # key (from ask), editor.hearing.verdict.Verdict

    def __init__(self, model, audio_path: Callable[[], str], parent=None):
        """*audio_path()*: the episode's audio once its words have times ("" before)."""
        super().__init__(parent)
        self._model = model
        self._audio_path = audio_path
        self._known: dict[tuple, object] = {}
        self.checks = AudioChecker(self)
        self.checks.judged.connect(self._on_checks_judged)
        model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)

    def ask(self, row: int, text: str, char_start: int, char_end: int, suggestions: Sequence[str]) -> dict[str, tuple]:
        """The key of each suggestion's verdict for ``text[char_start:char_end]`` of turn *row*
        (suggestions that cannot be checked are left out; all of them when the turn's text is no
        longer *text*); starts checking those not known yet. Known verdicts are
        :meth:`verdict` (key) at once; the others arrive as ``judged``."""
        from editor.hearing.verdict import region
        audio = self._audio_path()
        if not audio or not 0 <= row < self._model.rowCount() or self._model.segment(row).text != text:
            return {}
        segment = self._model.segment(row)
        where = region(segment, char_start, char_end)
        if where is None:
            return {}
        keys = {word: (segment.id, segment.text, char_start, char_end, word) for word in suggestions
                if word.casefold() != segment.text[char_start:char_end].casefold()}
        wanted = [CheckItem(key, where, word) for word, key in keys.items() if key not in self._known]
        if wanted:
            self.checks.start(audio, wanted)      # a menu opened before: its unfinished check stops
        return keys

    def verdict(self, key: tuple):
        """The known verdict under *key* (from :meth:`ask`); None: not known (yet)."""
        return self._known.get(key)

    def _on_checks_judged(self, key: tuple, verdict) -> None:
        if len(self._known) >= MAX_KEPT:
            del self._known[next(iter(self._known))]
        self._known[key] = verdict
        self.judged.emit(key, verdict)

    def _on_model_about_to_be_reset(self) -> None:
        self.checks.cancel()
        self._known.clear()

    def shutdown(self) -> None:
        self.checks.cancel(wait=True)
