"""Edit ▸ Change Speaker… and Edit ▸ Speakers…: the speaker dialogs, whose answers the edit controller makes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

if TYPE_CHECKING:
    from editor.ui.context import WindowContext


class SpeakersController(QObject):
    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        self._ctx = ctx
        ctx.actions["change_speaker"].triggered.connect(self._on_change_speaker_triggered)
        ctx.actions["speakers"].triggered.connect(self._on_speakers_triggered)

    def _on_change_speaker_triggered(self) -> None:
        from editor.ui.document.speaker_dialog import SpeakerPicker
        ctx = self._ctx
        row = ctx.edits.current_row()
        if row < 0:
            return
        dialog = SpeakerPicker(ctx.model.transcript, row, ctx.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: ctx.edits.set_speaker_by_name(dialog.name(), dialog.row))
        dialog.open()

    def _on_speakers_triggered(self) -> None:
        from editor.ui.document.speaker_dialog import SpeakersDialog
        ctx = self._ctx
        playback = ctx.playback
        dialog = SpeakersDialog(ctx.model.transcript, ctx.edits, ctx.window,
                                play=playback.play_from if playback.has_media() else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
