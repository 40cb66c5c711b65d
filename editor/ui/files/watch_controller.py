"""WatchController: the open transcript/project or its audio changed on disk behind the window's back.

Glue between :class:`~editor.ui.files.file_watcher.FileWatcher` and the window:

* the opened document and its audio are watched; the window's own saves are
  not changes (:meth:`FileWatcher.saved` after every ``ProjectController`` save);
* a change by another program shows a bar: "NAME changed on disk" with
  **Reload** (read the file again; unsaved corrections are dropped, after the
  new file was read successfully) and **Keep mine** (the window's version stays,
  unsaved, and becomes the recovery base so a crash never replays onto the
  other program's file); a deleted or moved file says so and keeps the window's
  version open;
* Reload keeps the producer's place: the playback position (and playing on
  if it was), the transcript's scroll position and whether it followed playback;
* for the audio, Reload plays the new file from the same position.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from editor.core.errors import TranscriptError
from editor.ui.context import WindowContext
from editor.ui.files.file_watcher import AUDIO, TRANSCRIPT, FileWatcher
from editor.ui.widgets.message_bar import MessageBar


class _Read:
    """A read already done, in the shape ``FileController.open_transcript(preload=...)`` takes."""

    def __init__(self, result):
        self._result = result

    def result(self):
        return self._result


class WatchController(QObject):
    message = Signal(str)   # a status-bar line ("Reloaded NAME")

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        self._view = ctx.view          # the transcript's scroll place and following survive a Reload
        self._follow = ctx.follow
        files = self._files = ctx.files
        project = self._project = ctx.project
        self._playback = ctx.playback
        self._choose_audio = files.choose_audio
        self.bar = MessageBar()
        self.watcher = FileWatcher(self)
        files.transcript_opened.connect(self._on_files_transcript_opened)
        files.audio_loaded.connect(self.watcher.watch_audio)
        project.saved.connect(self.watcher.saved)
        self.watcher.changed_on_disk.connect(self._on_changed_on_disk)

    def _on_files_transcript_opened(self, path: str, _format: str, _warnings: list) -> None:
        self.bar.hide()
        self.watcher.watch(path)    # the audio is added when it loads (audio_loaded follows)

    # ------------------------------------------------------------------ telling the producer
    def _on_changed_on_disk(self, path: str, kind: str, exists: bool) -> None:
        name = Path(path).name
        if kind == TRANSCRIPT:
            self._project.note_changed_on_disk(path, exists)   # protects the window's version first
            if exists:
                unsaved = " (your unsaved corrections are lost if you reload)" if self._project.is_modified() else ""
                self.bar.show_message(f"{name} changed on disk: another program wrote it{unsaved}.", "warning",
                                      button="Reload", callback=lambda: self.reload(path),
                                      button2="Keep mine", callback2=lambda: self.keep_mine(path))
            else:
                self.bar.show_message(f"{name} was deleted or moved on disk. Your version stays open; "
                                      f"saving writes it again.", "warning",
                                      button2="Keep mine", callback2=lambda: self.keep_mine(path))
        elif kind == AUDIO:
            if exists:
                self.bar.show_message(f"The audio {name} changed on disk.", "info",
                                      button="Reload", callback=lambda: self.reload_audio(path),
                                      button2="Keep playing", callback2=lambda: self._accept(path))
            else:
                self.bar.show_message(f"The audio {name} was deleted or moved on disk.", "warning",
                                      button="Choose audio…", callback=self._choose_audio,
                                      button2="Keep playing", callback2=lambda: self._accept(path))

    # ------------------------------------------------------------------ the choices
    def reload(self, path: str) -> bool:
        """Open the file as it is on disk now, dropping the window's unsaved version."""
        from editor.formats import read_file
        try:
            result = read_file(path)
        except TranscriptError as error:   # half-written or broken: keep the window's version
            self.bar.show_message(f"{Path(path).name} changed on disk but cannot be read: {error.problem}. "
                                  f"Your version stays open.", "error",
                                  button2="Keep mine", callback2=lambda: self.keep_mine(path))
            return False
        self.bar.hide()
        place = self._place()
        self._project.discard_changes()
        if not self._files.open_transcript(path, preload=_Read(result)):
            return False
        self._restore(place)
        self.message.emit(f"Reloaded {Path(path).name}")
        return True

    def _place(self) -> tuple:
        """Where the producer is: playback position, playing, scroll anchor, following."""
        playback = self._playback
        position = playback.position() if playback.has_media() else None
        anchor = self._view.scroll_anchor() if self._view is not None else None
        following = self._follow.is_following() if self._follow is not None else True
        return position, playback.is_playing(), anchor, following

    def _restore(self, place: tuple) -> None:
        """Back to *place* after the document (and its audio) were opened again."""
        position, playing, anchor, following = place
        if position is not None and self._playback.has_media():
            self._playback.seek(position)
            if playing:
                self._playback.play()
        if anchor is not None:
            self._view.restore_scroll_anchor(anchor)
        if not following:
            self._follow.stop()

    def keep_mine(self, path: str) -> None:
        """The window's version stays (unsaved: Save writes it over the other program's)."""
        self._accept(path)
        if self._files.has_transcript():
            self._project.keep_unsaved()

    def reload_audio(self, path: str) -> bool:
        self.bar.hide()
        position = self._playback.position()
        if not self._files.relink_audio(path):
            return False
        self._playback.seek(position)
        self.message.emit(f"Reloaded the audio {Path(path).name}")
        return True

    def _accept(self, path: str) -> None:
        self.watcher.accept(path)
        self.bar.hide()
