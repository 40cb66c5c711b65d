"""File ▸ Export… and File ▸ Publish…: the transcript written out, opened from the window's context.

Both dialogs are window-modal without blocking and imported when first shown (PySide builds a Qt
class's enums when the class is first imported, which start-up does not need).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from editor.settings import Key

if TYPE_CHECKING:
    from editor.ui.context import WindowContext


class PublishingController(QObject):
    message = Signal(str)     # what was exported, for the status bar

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        self._ctx = ctx
        ctx.actions["export"].triggered.connect(self._on_export_triggered)
        ctx.actions["publish"].triggered.connect(self._on_publish_triggered)

    def _source(self) -> str:
        """The file the work is: its project once saved, else the transcript it was opened from."""
        project = self._ctx.project
        return project.project_path or project.source_path or ""

    def _on_export_triggered(self) -> None:
        from editor.ui.publishing.export_dialog import ExportDialog
        ctx = self._ctx
        transcript = ctx.model.transcript
        dialog = ExportDialog(transcript, self._source(), ctx.window, author=ctx.settings.get(Key.REVIEWER_NAME),
                              inputs=(ctx.project.source_path, ctx.project.project_path, transcript.meta.audio_path))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.message.emit(f"Exported {Path(dialog.exported_path).name}"))
        dialog.open()

    def _on_publish_triggered(self) -> None:
        from editor.ui.publishing.publish_dialog import PublishDialog
        ctx = self._ctx
        dialog = PublishDialog(ctx.model.transcript, self._source(), ctx.playback.media_path or "", ctx.settings,
                               ctx.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
