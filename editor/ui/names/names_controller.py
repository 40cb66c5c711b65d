"""NamesController: the names feature, made of one part per concern and wired in one place.

* :class:`SpanActions` – applying replacements (one undo step each) and showing a place;
* :class:`FindController` – the Find and Replace dock;
* :class:`CorrectController` – "Correct Everywhere";
* :class:`GlossaryController` – the show's glossary, its dialog, the suggestions panel and
  the open-time scan;
* :class:`SpellingController` – the dictionary, underlines, the spelling menu and
  low-confidence shading;
* :class:`LowConfidenceController` – the walk through low-confidence words;
* :class:`GlossaryLearner` – corrections typed in a turn, glossary suggestions applied and Replace
  teach the glossary their wrong forms;
* :class:`TypedCheck` – corrections typed in a turn are checked against the audio;
* :class:`SpellingVerdicts` – the spelling menu's suggestions are checked against the audio.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from editor.ui.context import WindowContext
from editor.ui.names import audio_verdicts
from editor.ui.names.correct_controller import CorrectController
from editor.ui.names.find_controller import FindController
from editor.ui.names.glossary_controller import GlossaryController
from editor.ui.names.glossary_learning import GlossaryLearner
from editor.ui.names.low_confidence_controller import LowConfidenceController
from editor.ui.names.span_actions import SpanActions
from editor.ui.names.spelling_controller import SpellingController
from editor.ui.names.spelling_verdicts import SpellingVerdicts
from editor.ui.names.typed_check import TypedCheck


class NamesController(QObject):
    """Find/replace, correct everywhere, glossary, spelling and low-confidence words in the window."""

    message = Signal(str)        # news of the glossary's scans and files (background: waits behind an answer)
    answer = Signal(str)         # what a step of the producer's did or found, or a problem to act on (shown at once)
    extra_changed = Signal()     # the project's "extra" changed (another show chosen): unsaved work

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        self.spans = SpanActions(ctx, self)
        self.spelling = SpellingController(ctx, lambda: self.show_glossary.glossary,
                                           lambda wrong=None: self.correcting.correct_everywhere(wrong), self,
                                           other_names=lambda: [c.text for c in self.show_glossary.show_notes])
        self.show_glossary = GlossaryController(ctx, self.spans, self.spelling.start_dictionary, self)
        self.correcting = CorrectController(ctx, self.spans, lambda: self.show_glossary.glossary,
                                            self.show_glossary.borrow_index, self, doubted=self._doubted)
        self.find = FindController(ctx, self.spans, self)
        self.low_confidence = LowConfidenceController(ctx, self.spans, self)
        self.learner = GlossaryLearner(ctx, lambda: self.show_glossary.glossary, self._right_names, self)
        self.typed = TypedCheck(ctx, lambda: self.correcting.audio_path, self)
        self.spelling_verdicts = SpellingVerdicts(ctx.model, lambda: self.correcting.audio_path, self)
        self.spelling.audio_verdicts = self.spelling_verdicts

        glossary = self.show_glossary
        glossary.glossary_set.connect(self.spelling.set_glossary)
        glossary.names_changed.connect(self.spelling.glossary_names_changed)
        self.spelling.word_added.connect(glossary.changed)
        self.correcting.glossary_changed.connect(glossary.changed)
        self.learner.learned.connect(self._on_learner_learned)
        self.spans.corrected.connect(self.learner.learn_corrections)
        glossary.corrected.connect(self.learner.learn_corrections)
        glossary.message.connect(self.message)
        glossary.problem.connect(self.answer)
        for part in (self.spans, self.low_confidence, self.learner, self.typed):
            part.message.connect(self.answer)
        glossary.extra_changed.connect(self.extra_changed)

        ctx.playback.media_changed.connect(self._on_playback_media_changed)
        a = ctx.actions
        a["find"].triggered.connect(self.find.show_find)
        a["replace"].triggered.connect(self.find.show_replace)
        a["correct_everywhere"].triggered.connect(lambda: self.correcting.correct_everywhere())
        a["glossary"].triggered.connect(glossary.edit_glossary)
        a["next_low_confidence"].triggered.connect(self.low_confidence.next_low_confidence)

    def _doubted(self, row: int, offset: int, word: str) -> bool:
        """Whether the spelling checker, the audio or a glossary suggestion flags *word* at *offset* of turn *row*."""
        return self.spelling.doubts(row, offset, word) or self.show_glossary.suggested_at(row, offset)

    def _right_names(self) -> list[str]:
        """Names a typed correction may be to, besides the glossary's: the show notes' and the speakers'."""
        speakers = [s.name for s in self.show_glossary.speakers()]
        return [c.text for c in self.show_glossary.show_notes] + speakers

    def _on_playback_media_changed(self, path: str, _duration_ms: int) -> None:
        if path:    # corrections will be checked against this audio once its words have times
            audio_verdicts.preload()

    def _on_learner_learned(self, _entry, _wrong: str) -> None:
        self.show_glossary.save()
        self.show_glossary.changed(share=False)

    def audio_ready(self, audio_path: str) -> None:
        """Every turn that can be aligned to *audio_path* has word times: corrections can be
        checked against the audio (glossary suggestions, Correct Everywhere, typed corrections)."""
        self.show_glossary.audio_ready(audio_path)
        self.correcting.audio_ready(audio_path)

    def shutdown(self) -> None:
        """The window closes: the audio checks of suggestions and of Correct Everywhere stop."""
        self.show_glossary.shutdown()
        self.correcting.shutdown()
        self.typed.shutdown()
        self.spelling_verdicts.shutdown()

    def scan_now(self) -> None:
        """Run the open-time background work (dictionary, glossary scan) now."""
        self.show_glossary.scan_now()

    def is_scanning(self) -> bool:
        return self.show_glossary.is_scanning()
