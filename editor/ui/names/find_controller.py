"""FindController: the Find and Replace dock (made on first Ctrl+F / Ctrl+H)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget

from editor.ui.context import WindowContext
from editor.ui.names.span_actions import SpanActions

if TYPE_CHECKING:
    from editor.ui.names.find_panel import FindPanel


class FindController(QObject):
    def __init__(self, ctx: WindowContext, spans: SpanActions, parent=None):
        super().__init__(parent)
        self._model, self._view, self._layout = ctx.model, ctx.view, ctx.layout
        self._spans = spans
        # Made on first use: nothing of theirs loads at startup.
        self.panel: FindPanel | None = None
        self.dock: QDockWidget | None = None
        spans.focus_keepers.append(lambda: self.panel)

    def _ensure_panel(self) -> tuple[FindPanel, QDockWidget]:
        if self.panel is None or self.dock is None:
            from editor.ui.names.find_panel import FindPanel
            self.panel = FindPanel(self._model)
            self.dock = self._layout.dock_panel("find", "Find and Replace", self.panel)
            self.panel.match_chosen.connect(self._spans.show)
            self.panel.replace_requested.connect(lambda spans, text: self._spans.apply(spans, text, teach=True))
            self.panel.close_requested.connect(self._on_close_requested)
        return self.panel, self.dock

    def show_find(self) -> None:
        self._open(replace=False)

    def show_replace(self) -> None:
        self._open(replace=True)

    def _open(self, replace: bool) -> None:
        panel, dock = self._ensure_panel()
        editor = self._view.editor()
        if editor is not None:
            panel.set_selection([editor.row])
            selected = editor.textCursor().selectedText()
            if selected:
                panel.set_find_text(selected)
        dock.show()
        dock.raise_()
        if replace:
            panel.show_replace()
        else:
            panel.show_find()

    def _on_close_requested(self) -> None:
        if self.dock is not None:
            self.dock.hide()
        editor = self._view.editor()
        (editor or self._view).setFocus(Qt.FocusReason.OtherFocusReason)
