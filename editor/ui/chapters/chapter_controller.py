"""ChapterController: marking, editing and removing chapters as undoable commands.

A chapter starts where the current turn starts (the turn being edited or
playing) or at the playback position; the producer types its title in a small
dialog. Every change is one core op (``ops.add_chapter`` / ``edit_chapter`` /
``remove_chapter``) pushed on the window's undo stack, so it is journaled,
saved with the project and undone like any other edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, Signal

from editor.core.timecode import format_clock
from editor.ui.context import WindowContext
from editor.ui.document.commands import ops

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDockWidget

    from editor.ui.chapters.chapters_model import ChaptersModel
    from editor.ui.chapters.chapters_panel import ChaptersPanel

_TITLE_WORDS = 6   # a suggested title: the first words of the turn


class ChapterController(QObject):
    message = Signal(str)

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        self._window, self._model, self._edits = ctx.window, ctx.model, ctx.edits
        self._playback, self._follow, self._actions = ctx.playback, ctx.follow, ctx.actions
        self._layout = ctx.layout
        self._table: ChaptersModel | None = None   # made when first asked for (the panel's)
        self._dock: QDockWidget | None = None   # the panel and its dock, made when first shown
        a = self._actions
        a["chapter_at_turn"].triggered.connect(self.mark_at_turn)
        a["chapter_at_playback"].triggered.connect(self.mark_at_playback)
        a["chapters_panel"].triggered.connect(self.show_panel)

    @property
    def table(self) -> ChaptersModel:
        """The chapters as a table (made the first time it is asked for: it reads the transcript's
        chapters as they are whenever it is read)."""
        if self._table is None:
            from editor.ui.chapters.chapters_model import ChaptersModel
            self._table = ChaptersModel(self._model, self.edit, self)
        return self._table

    @property
    def dock(self) -> QDockWidget:
        """The Chapters panel's dock (made the first time it is shown or asked for)."""
        if self._dock is None:
            from editor.ui.chapters.chapters_panel import ChaptersPanel
            panel = ChaptersPanel(self.table)
            panel.add_at_turn_requested.connect(self.mark_at_turn)
            panel.add_at_playback_requested.connect(self.mark_at_playback)
            panel.remove_requested.connect(self.remove)
            panel.play_requested.connect(self.play)
            self._dock = self._layout.dock_panel("chapters", "Chapters", panel)
            self._dock.hide()   # shown by its action
        return self._dock

    @property
    def panel(self) -> ChaptersPanel:
        return cast("ChaptersPanel", self.dock.widget())

    # ------------------------------------------------------------------ marking
    def mark_at_turn(self) -> None:
        row = self._edits.current_row()
        if row < 0:
            return
        segment = self._model.transcript.segments[row]
        if segment.start_ms is None:
            self._fail("This turn has no time yet: set its start first (Ctrl+T)")
            return
        self.ask_title(segment.start_ms, " ".join(segment.text.split()[:_TITLE_WORDS]).rstrip(",;:"))

    def mark_at_playback(self) -> None:
        if not self._playback.has_media():
            self._fail("No audio: mark the chapter at a turn instead")
            return
        self.ask_title(self._playback.position(), "")

    def ask_title(self, start_ms: int, suggestion: str) -> None:
        """Ask for the title (a window-modal dialog that does not block), then add the chapter."""
        from PySide6.QtWidgets import QInputDialog
        dialog = QInputDialog(self._window)
        dialog.setWindowTitle("Mark Chapter")
        dialog.setLabelText(f"Title of the chapter starting at {format_clock(start_ms, hours=True)}:")
        dialog.setTextValue(suggestion)
        dialog.setOkButtonText("Add Chapter")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda title: self.add(start_ms, title))
        dialog.open()

    # ------------------------------------------------------------------ changes (undoable)
    def add(self, start_ms: int, title: str, url: str = "", image: str = "") -> bool:
        op = self._plan(ops.add_chapter, start_ms, title, url, image)
        if op is None or not self._edits.push(op, "Add Chapter"):
            return False
        index = ops.chapter_index(self._model.transcript.chapters, start_ms)
        if self._dock is not None:   # a panel not made yet shows the new chapter when it is
            self.panel.select(index)
        added = self._model.transcript.chapters[index]
        self.message.emit(f"Chapter “{added.title}” at {format_clock(start_ms, hours=True)}")
        return True

    def edit(self, index: int, field: str, value) -> bool:
        """A cell of the panel was edited: one undoable change (or a message saying why not)."""
        if field == "start_ms" and value is None:
            self._fail("A chapter start is a time such as 00:12:03 or 12:03.5")
            return False
        op = self._plan(ops.edit_chapter, index, **{field: value})
        return op is not None and self._edits.push(op, "Edit Chapter")

    def remove(self, index: int) -> bool:
        op = self._plan(ops.remove_chapter, index)
        return op is not None and self._edits.push(op, "Remove Chapter")

    def play(self, index: int) -> None:
        chapters = self._model.transcript.chapters
        if 0 <= index < len(chapters):
            self._follow.seek(chapters[index].start_ms)

    def show_panel(self) -> None:
        self.dock.show()
        self.dock.raise_()

    # ------------------------------------------------------------------ internals
    def _plan(self, planner, *args, **kwargs):
        try:
            return planner(self._model.transcript, *args, **kwargs)
        except ValueError as error:
            self._fail(_sentence(str(error)))
            return None

    def _fail(self, text: str) -> None:
        self.message.emit(text)


def _sentence(text: str) -> str:
    """*text* with a capital first letter (str.capitalize would lower-case "URL" and the user's value)."""
    return text[:1].upper() + text[1:]
