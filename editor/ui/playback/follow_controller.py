"""FollowController: keeps the playing turn highlighted and in view, until the user looks elsewhere.

Per playback tick: one O(log n) look-up of the segment and the word
(:meth:`TranscriptModel.update_current_from_time`), which signals only the
rows whose highlight changed, and a scroll only when the playing turn
changes. Scrolling or editing another turn stops following; the view's
"Back to playback" button (or its action) resumes it. While following, the
playing turn is also the turn in hand (what Enter, typing and Ctrl+Enter act
on) each time playback moves into another turn or following resumes; the
producer's going elsewhere stops following, so playback never takes it back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor.ui.context import WindowContext

if TYPE_CHECKING:
    from editor.ui.playback.goto_dialog import GoToTimeDialog


class FollowController(QObject):
    following_changed = Signal(bool)

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        model = self._model = ctx.model
        view = self._view = ctx.view
        playback = self._playback = ctx.playback
        self._window = ctx.window
        ctx.actions["follow"].triggered.connect(self.resume)
        ctx.actions["go_to_time"].triggered.connect(self.ask_time)
        self._following = True
        self._last_row = -1
        playback.position_changed.connect(self._on_playback_position_changed)
        view.user_scrolled.connect(self._on_view_user_scrolled)
        view.editing_started.connect(self._on_view_editing_started)
        view.follow_requested.connect(self.resume)
        model.modelReset.connect(self._on_model_reset)

    def is_following(self) -> bool:
        return self._following

    def ask_time(self) -> None:
        """Go to Time: a small dialog; its time is played from and followed."""
        from PySide6.QtCore import Qt

        from editor.ui.playback.goto_dialog import GoToTimeDialog
        dialog = GoToTimeDialog(self._playback.position(), self._playback.duration(), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._seek_to_chosen(dialog))
        dialog.open()

    def _seek_to_chosen(self, dialog: GoToTimeDialog) -> None:
        ms = dialog.time_ms()
        if ms is not None:   # the dialog accepts only a time it could read
            self.seek(ms)

    def seek(self, ms: int) -> None:
        """Play from *ms* (a click on a time, the strip, Go to time) and follow playback again."""
        self._playback.seek(ms)
        self.resume()

    def resume(self) -> None:
        """Follow playback again and bring the playing turn into view."""
        self._set_following(True)
        row = self._model.current_row
        if row < 0:
            row, _ = self._model.update_current_from_time(self._playback.position())
        self._scroll_to(row)
        if row >= 0:
            self._view.set_current_turn(row, scroll=False)

    def stop(self) -> None:
        self._set_following(False)

    def _on_playback_position_changed(self, ms: int) -> None:
        row, word = self._model.update_current_from_time(ms)
        if not self._following or row < 0:
            self._last_row = row
            return
        if row != self._last_row:
            self._view.set_current_turn(row, scroll=False)
        if row != self._last_row or self._view.row_rect(row).height() > self._view.viewport().height():
            self._scroll_to(row, word)
        self._last_row = row

    def _scroll_to(self, row: int, word: int = -1) -> None:
        if row < 0:
            return
        char = None
        if word >= 0:
            spans = self._model.word_spans(row).spans
            char = spans[word][0] if word < len(spans) else None
        self._view.ensure_visible(row, char)

    def _on_view_user_scrolled(self) -> None:
        if self._model.rowCount():
            self._set_following(False)

    def _on_view_editing_started(self, row: int) -> None:
        if row != self._model.current_row:
            self._set_following(False)

    def _on_model_reset(self) -> None:
        self._last_row = -1
        self._set_following(True)

    def _set_following(self, following: bool) -> None:
        # Nothing has played or been clicked yet: there is no playback to go back to.
        self._view.set_follow_button_visible(not following and self._model.current_row >= 0)
        if following != self._following:
            self._following = following
            self.following_changed.emit(following)
