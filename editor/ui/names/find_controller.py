"""FindController: the Find and Replace dock (made on first Ctrl+F / Ctrl+H)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from editor.ui.context import WindowContext
from editor.ui.names.span_actions import SpanActions


class FindController(QObject):
    def __init__(self, ctx: WindowContext, spans: SpanActions, parent=None):
        super().__init__(parent)
        self._model, self._view, self._layout = ctx.model, ctx.view, ctx.layout
        self._spans = spans
        self.panel = self.dock = None      # made on first use: nothing of theirs loads at startup
        spans.focus_keepers.append(lambda: self.panel)

    def _ensure_panel(self) -> None:
        if self.panel is not None:
            return
        from editor.ui.names.find_panel import FindPanel
        self.panel = FindPanel(self._model)
        self.dock = self._layout.dock_panel("find", "Find and Replace", self.panel)
        self.panel.match_chosen.connect(self._spans.show)
        self.panel.replace_requested.connect(self._spans.apply)
        self.panel.close_requested.connect(self._on_close_requested)

    def show_find(self) -> None:
        self._open(replace=False)

    def show_replace(self) -> None:
        self._open(replace=True)

    def _open(self, replace: bool) -> None:
        self._ensure_panel()
        editor = self._view.editor()
        if editor is not None:
            self.panel.set_selection([editor.row])
            selected = editor.textCursor().selectedText()
            if selected:
                self.panel.set_find_text(selected)
        self.dock.show()
        self.dock.raise_()
        if replace:
            self.panel.show_replace()
        else:
            self.panel.show_find()

    def _on_close_requested(self) -> None:
        self.dock.hide()
        editor = self._view.editor()
        (editor or self._view).setFocus(Qt.FocusReason.OtherFocusReason)
