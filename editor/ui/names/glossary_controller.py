"""GlossaryController: the show's glossary, its dialog, and the suggestions it makes.

* the show glossary is loaded when a transcript opens; the show is the one chosen in the
  glossary dialog (kept in the project's ``extra`` and per folder), else the folder the
  transcript lives in (a producer keeps one folder per show); the glossary file lives in
  the user's data folder (:func:`editor.core.glossary.default_path`);
* the glossary scan runs on the thread pool a while after opening (the producer reads and
  scrolls the new episode first); opening the suggestions panel starts it sooner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDockWidget

from editor.core.errors import TranscriptError
from editor.ui.context import WindowContext
from editor.ui.names.span_actions import SpanActions

if TYPE_CHECKING:
    from editor.core.glossary import Glossary
    from editor.ui.names.glossary_dialog import GlossaryDialog
    from editor.ui.names.glossary_suggestions import SuggestionsPanel

EXTRA_SHOW = "show"        # key of the chosen show in a project's "extra" object
# After a transcript opens, the dictionary load and the glossary scan wait this long: the
# producer reads and scrolls the new episode at once, and neither a 160,000-word list (~0.25 s,
# ~30 MB) nor a name index of every word (~0.2 s) competes with that. Opening the suggestions
# panel, or the first edit, starts them sooner.
BACKGROUND_AFTER_OPEN_MS = 2500


def show_name_for(path: str) -> str:
    """The show a transcript belongs to: the name of the folder it is in."""
    return Path(path).resolve().parent.name or "default"


class GlossaryController(QObject):
    message = Signal(str)
    # The project's "extra" changed (another show chosen): unsaved work, to be journaled by the window.
    extra_changed = Signal()
    glossary_set = Signal(object)   # another Glossary is in use (another episode or show)
    names_changed = Signal()        # the glossary's names changed (known words follow)

    def __init__(self, ctx: WindowContext, spans: SpanActions, before_scan: Callable[[], None],
                 parent=None, data_dir: str | None = None):
        """*before_scan()*: the rest of the open-time background work, started first (the
        dictionary); *data_dir*: where show glossaries live (default: the user's data folder)."""
        super().__init__(parent)
        self._model, self._files, self._window = ctx.model, ctx.files, ctx.window
        self._layout = ctx.layout
        self._show_action = ctx.actions["show_suggestions"]
        self._spans = spans
        self._before_scan = before_scan
        self._data_dir = data_dir
        self.glossary: Glossary | None = None   # the show's glossary once a transcript is open
        self.dialog: GlossaryDialog | None = None
        # Made when the first transcript opens.
        self.suggestions: SuggestionsPanel | None = None
        self.suggestions_dock: QDockWidget | None = None
        self._suggestions_dismissed = False     # the user closed the suggestions dock: do not reopen it
        self._scan_timer = QTimer(self, singleShot=True, interval=BACKGROUND_AFTER_OPEN_MS)
        self._scan_timer.timeout.connect(self._scan_opened)
        spans.focus_keepers.append(lambda: self.suggestions)
        self._show_action.toggled.connect(self._on_show_suggestions_toggled)
        self._files.transcript_opened.connect(self._on_files_transcript_opened)

    # ------------------------------------------------------------------ opening a transcript
    def _on_files_transcript_opened(self, path: str, _format: str, _warnings: list) -> None:
        show = self.show_for(path)
        glossary = self.glossary
        if glossary is None or glossary.show != show or glossary.path is None:
            glossary = self._load(show)
            self.set_glossary(glossary)
        suggestions, _dock = self._ensure_suggestions()
        suggestions.forget()    # the previous episode's suggestions must not be applied to this one
        if glossary.join_speakers(self._model.transcript):
            self._save()
        self.changed(rescan=False)
        # Dictionary and scan wait until the producer has had the episode on screen a while
        # (BACKGROUND_AFTER_OPEN_MS): nothing but the window's own work happens at open.
        self._scan_timer.start()

    def _scan_opened(self) -> None:
        """The deferred work of an opened transcript: the dictionary, then (with a glossary) the scan."""
        self._scan_timer.stop()
        if not self._files.has_transcript():
            return
        self._before_scan()
        if self.suggestions is None or self.glossary is None:
            return
        if self.glossary.entries:
            self.suggestions.start_scan()
        else:   # an empty glossary has nothing to suggest: no name index, no scan
            self.suggestions.status.setText("No glossary names for this show yet: add them "
                                            "(Glossary…) and suggestions appear here.")

    def scan_now(self) -> None:
        """Run the deferred open-time work now (the suggestions panel was opened, a test wants it)."""
        if self._scan_timer.isActive():
            self._scan_opened()

    def is_scanning(self) -> bool:
        """A glossary scan is due or running (suggestions are not final yet)."""
        return self._scan_timer.isActive() or (self.suggestions is not None and self.suggestions.is_scanning())

    def borrow_index(self, transcript):
        """A copy of the scan's name index of *transcript*, if the scan made one."""
        return self.suggestions.borrow_index(transcript) if self.suggestions is not None else None

    # ------------------------------------------------------------------ the glossary
    def _load(self, show: str) -> Glossary:
        from editor.core.glossary import Glossary
        try:
            return Glossary.for_show(show, self._data_dir)
        except TranscriptError as error:
            # A damaged file is left alone (no path: nothing is written over it); names still work.
            self.message.emit(f"Glossary not loaded: {error}")
            return Glossary(show=show)

    def set_glossary(self, glossary: Glossary) -> None:
        self.glossary = glossary
        if self.suggestions is not None:
            self.suggestions.glossary = glossary
        self.glossary_set.emit(glossary)

    def _save(self) -> None:
        if self.glossary is None or self.glossary.path is None:
            return
        try:
            self.glossary.save()
        except TranscriptError as error:
            self.message.emit(f"Glossary not saved: {error}")

    def changed(self, rescan: bool = True) -> None:
        """The glossary's names changed: known words, underlines and (optionally) suggestions follow."""
        self.names_changed.emit()
        if rescan and self.suggestions is not None:
            self.suggestions.start_scan()

    def edit_glossary(self):
        from editor.ui.names.glossary_dialog import GlossaryDialog
        path = self._files.current_path
        dialog = GlossaryDialog(self.glossary, self._window, data_dir=self._data_dir,
                                folder_show=show_name_for(path) if path else "")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_dialog_accepted(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_accepted(self, dialog) -> None:
        if dialog.glossary is self.glossary:
            self.changed()
            return
        # Another show was chosen for this episode: remember it, use its glossary.
        glossary = dialog.glossary
        self._remember_show(glossary.show)
        self.set_glossary(glossary)
        if glossary.join_speakers(self._model.transcript):
            self._save()
        self.changed()
        self.message.emit(f"Using the glossary of {glossary.show}.")

    # ------------------------------------------------------------------ which show
    def show_for(self, path: str) -> str:
        """The show of the transcript at *path*: the one chosen for it (kept in the project's
        ``extra``), else the one chosen for its folder, else the folder's name."""
        chosen = self._files.extra.get(EXTRA_SHOW) if isinstance(self._files.extra, dict) else None
        if isinstance(chosen, str) and chosen.strip():
            return chosen.strip()
        from editor.core.glossary import show_for_folder
        return show_for_folder(Path(path).parent, self._data_dir) or show_name_for(path)

    def _remember_show(self, show: str) -> None:
        """Keep *show* for this episode: in the project (saved with it) and for its folder (so a
        transcript not yet saved as a project, and its neighbours, open with it too)."""
        path = self._files.current_path
        if not path:
            return
        default = show_name_for(path)
        chosen = None if show.casefold() == default.casefold() else show
        before = self._files.extra.get(EXTRA_SHOW)
        if chosen is None:
            self._files.extra.pop(EXTRA_SHOW, None)
        else:
            self._files.extra[EXTRA_SHOW] = chosen
        if self._files.extra.get(EXTRA_SHOW) != before:
            self.extra_changed.emit()   # saved with the project: the document now has unsaved work
        from editor.core.glossary import choose_show_for_folder
        try:
            choose_show_for_folder(Path(path).parent, chosen, self._data_dir)
        except TranscriptError as error:
            self.message.emit(f"Show not remembered for the folder: {error}")

    # ------------------------------------------------------------------ suggestions
    def _ensure_suggestions(self) -> tuple[SuggestionsPanel, QDockWidget]:
        if self.suggestions is None or self.suggestions_dock is None:
            from editor.ui.names.glossary_suggestions import SuggestionsPanel
            assert self.glossary is not None   # the panel is made when a transcript opens, after its glossary
            panel = self.suggestions = SuggestionsPanel(self._model, self.glossary)
            dock = self.suggestions_dock = self._layout.dock_panel("suggestions", "Glossary Suggestions", panel)
            dock.hide()
            dock.visibilityChanged.connect(self._on_suggestions_dock_visibility_changed)
            panel.apply_requested.connect(self._spans.apply)
            panel.seek_requested.connect(self._spans.seek)
            panel.list.currentRowChanged.connect(self._on_suggestion_current_row_changed)
            panel.scan_finished.connect(self._on_suggestions_scan_finished)
        return self.suggestions, self.suggestions_dock

    def _on_suggestion_current_row_changed(self, row: int) -> None:
        suggestions = self.suggestions.suggestions if self.suggestions is not None else []
        if 0 <= row < len(suggestions):
            s = suggestions[row]
            self._spans.show(s.index, s.start, s.end, -1)   # the panel seeks itself

    def _on_suggestions_scan_finished(self, count: int) -> None:
        panel, dock = self._ensure_suggestions()
        if count and not self._suggestions_dismissed:
            dock.show()
        self.message.emit(panel.status.text())

    def _on_show_suggestions_toggled(self, on: bool) -> None:
        if self.suggestions_dock is None:
            return
        if on:
            self._suggestions_dismissed = False
            self.scan_now()
        self.suggestions_dock.setVisible(on)

    def _on_suggestions_dock_visibility_changed(self, visible: bool) -> None:
        if not shiboken6.isValid(self._window) or not shiboken6.isValid(self._show_action):
            return   # the window is being destroyed
        if not visible and self._window.isVisible() and not self._window.isMinimized():
            self._suggestions_dismissed = True
        action = self._show_action
        action.blockSignals(True)
        action.setChecked(visible)
        action.blockSignals(False)
