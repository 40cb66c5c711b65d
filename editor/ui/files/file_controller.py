"""FileController: opening transcripts, projects and audio, and recent files.

It turns a path into a loaded transcript (through ``editor.formats.read_file``,
which also reads projects) and finds its audio: the one given, the one the
project records, or one with the same stem next to the transcript. Problems
never raise into the UI: they come out as signals the window shows (an error
dialog naming file and problem, a dismissable warning bar, a relink prompt).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from editor.core.errors import TranscriptError
from editor.core.transcript import Transcript
from editor.player.base import PlayerError
from editor.settings import Key
from editor.ui.context import WindowContext
from editor.ui.files.audio_lookup import (
    AUDIO_EXTENSIONS,
    episode_key,
    file_dialog_filter,
    find_audio_next_to,
    is_audio,
    resolve_audio,
)
from editor.ui.files.preload import wants_background

if TYPE_CHECKING:
    from editor.ui.files.background_read import BackgroundRead, ReadProgress


def sample_path() -> Path:
    """The bundled sample episode (package data in an installed app: editor.bundled)."""
    from editor.bundled import sample_episode
    return sample_episode()


class FileController(QObject):
    """Loads files into the model and the player; reports through signals."""

    transcript_opened = Signal(str, str, list)   # path, format name, warnings
    audio_loaded = Signal(str)                     # path
    audio_missing = Signal(str)                    # the path we expected ("" when nothing was recorded)
    error_occurred = Signal(str, str)              # title, message (names the file and problem)
    audio_unplayable = Signal(str)                 # the audio file is there but cannot be played
    read_cancelled = Signal(str)                   # the producer cancelled reading a large file
    recent_changed = Signal()
    captions_merged = Signal(int, int, bool)       # cues read, turns made, the cues look like finished subtitles

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        self._model = ctx.model
        self._playback = ctx.playback
        self._settings = ctx.settings
        self._window = ctx.window
        ctx.actions["choose_audio"].triggered.connect(self.choose_audio)
        self.reading: BackgroundRead | None = None      # a large file being read on a worker thread
        self.read_progress: ReadProgress | None = None  # its progress dialog
        self._path = ""
        self._format = ""
        self.extra: dict = {}   # the project's free "extra" object: saved back unchanged

    @property
    def current_path(self) -> str:
        return self._path

    @property
    def current_format_label(self) -> str:
        """The open file's format as a producer calls it ("Otter.ai text", "Podcast page transcript"):
        its reader's label without the shape in brackets the Open dialog shows; not the registry key."""
        if not self._format:
            return ""
        if self._format == "project":
            return "Transcript Editor project"
        from editor.formats import all_readers
        label = next((r.LABEL for r in all_readers() if self._format == r.NAME), self._format)
        return label.split(" (", 1)[0]

    def has_transcript(self) -> bool:
        return bool(self._path)

    # ------------------------------------------------------------------ opening
    def open_path(self, path: str, audio: str | None = None, preload=None) -> bool:
        """Open whatever *path* is: a transcript or project (with *audio*), or an audio file.

        *preload* (an :class:`editor.ui.files.preload.Preload` of *path*) is a read already under way.
        """
        if is_audio(path) and audio is None:
            if self.has_transcript():
                return self.relink_audio(path)
            transcript = _transcript_next_to(path)
            if transcript is None:
                self.error_occurred.emit("No transcript for this audio",
                                         f"{path}: open the transcript first, then this audio.")
                return False
            return self.open_transcript(transcript, path)
        return self.open_transcript(path, audio, preload)

    def open_transcript(self, path: str, audio: str | None = None, preload=None,
                        keep_captions: bool = False) -> bool:
        """Open *path*; True when it opened, or (a large file) when its background read began.
        Caption files are merged into turns unless *keep_captions*."""
        path = os.path.abspath(path)
        if preload is None and not keep_captions and wants_background(path):
            self.read_in_background(path, audio)
            return True
        try:
            if preload is not None and not keep_captions:
                result = preload.result()
            else:
                from editor.formats import read_file  # lazy: keeps startup fast without a file
                result = read_file(path, keep_captions=keep_captions)
        except TranscriptError as error:
            self.error_occurred.emit("Could not open the transcript", str(error))
            return False
        if self._playback.has_media():
            self._playback.unload()
        self._path = path
        self._format = result.format
        self.extra = dict(getattr(result, "extra", None) or {})
        self._model.set_transcript(result.transcript)
        self._settings.add_recent_file(path)
        self.recent_changed.emit()
        self.transcript_opened.emit(path, result.format, list(result.warnings))
        if result.merged_cues:
            self.captions_merged.emit(result.merged_cues, len(result.transcript.segments),
                                      result.finished_subtitles)
        self._find_audio(result.transcript, path, audio)
        return True

    # ------------------------------------------------------------------ large files
    def read_in_background(self, path: str, audio: str | None = None) -> None:
        """Read *path* on a worker thread with a progress dialog and Cancel; open it when read."""
        from editor.ui.files.background_read import BackgroundRead, ReadProgress  # for large files only
        self.cancel_reading()
        job = self.reading = BackgroundRead(path, audio, self)
        progress = self.read_progress = ReadProgress(path, self._window)
        progress.canceled.connect(self.cancel_reading)
        job.finished.connect(self._on_read_finished, Qt.ConnectionType.QueuedConnection)
        progress.show()
        job.start()

    def cancel_reading(self) -> None:
        """Abandon the background read (its result is dropped when the thread ends)."""
        job, self.reading = self.reading, None
        if job is not None:
            job.cancel()
            self.read_cancelled.emit(job.path)
        self._close_progress()

    def _close_progress(self) -> None:
        progress, self.read_progress = self.read_progress, None
        if progress is not None:
            progress.canceled.disconnect(self.cancel_reading)
            progress.close()
            progress.deleteLater()

    def _on_read_finished(self, job: BackgroundRead, result, error) -> None:
        job.deleteLater()        # it holds the read: nothing may keep a transcript the window let go
        job.release()
        if job.cancelled or job is not self.reading:
            return
        self.reading = None
        self._close_progress()
        if error is not None:
            message = str(error) if isinstance(error, TranscriptError) else f"{job.path}: {error}"
            self.error_occurred.emit("Could not open the transcript", message)
            return
        self.open_transcript(job.path, job.audio, preload=_Done(result))

    # ------------------------------------------------------------------ encodings
    # Offered first when the guess was wrong; any codec name Python knows can be typed.
    ENCODINGS = ("utf-8", "cp1252", "latin-1", "cp1250", "cp1251", "gb18030", "big5", "shift_jis",
                 "euc-kr", "koi8-r", "iso8859-7", "cp1256", "utf-16")

    def reopen_with_encoding(self, encoding: str) -> bool:
        """Read the open transcript again in *encoding* (its detected one looked wrong)."""
        from editor.formats import read_file
        path = self._path
        try:
            result = read_file(path, encoding=encoding)
        except TranscriptError as error:
            self.error_occurred.emit(f"Could not read the transcript as {encoding}", str(error))
            return False
        return self.open_transcript(path, preload=_Done(result))

    def choose_encoding(self, reopen: Callable[[str], object] | None = None) -> None:
        """File ▸ Reopen with Encoding…: pick (or type) an encoding, then *reopen(name)* (by default
        :meth:`reopen_with_encoding`; the window passes one that asks to save unsaved work first)."""
        from PySide6.QtWidgets import QInputDialog
        reopen = reopen or self.reopen_with_encoding
        dialog = QInputDialog(self._window)
        dialog.setWindowTitle("Reopen with Encoding")
        dialog.setLabelText(f"Read {Path(self._path).name} in this encoding\n(pick one or type any name Python knows):")
        dialog.setComboBoxItems(list(self.ENCODINGS))
        dialog.setComboBoxEditable(True)
        dialog.setMinimumWidth(420)   # the title and the label fit
        dialog.textValueSelected.connect(lambda name: name.strip() and reopen(name.strip()))
        dialog.open()

    def _find_audio(self, transcript: Transcript, path: str, audio: str | None) -> None:
        if audio:
            self.relink_audio(audio)
            return
        recorded = resolve_audio(transcript.meta.audio_path, path)
        if recorded and os.path.isfile(recorded):
            self.relink_audio(recorded)
            return
        nearby = find_audio_next_to(path)
        if nearby:
            self.relink_audio(nearby)
            return
        # Another transcript of this episode (same folder and name) was played with this audio.
        used_before = self._settings.audio_links().get(episode_key(path))
        if used_before and os.path.isfile(used_before):
            self.relink_audio(used_before)
            return
        self.audio_missing.emit(recorded)

    def relink_audio(self, audio: str) -> bool:
        """Play *audio* with the open transcript (and remember it in the transcript).

        A file that is not there gets the "not found" bar; one that is there but cannot be
        played (text, empty, a FIFO, ...) gets one message saying what it is, and whatever
        played before stops (it is not this transcript's audio any more).
        """
        audio = os.path.abspath(audio)
        if not os.path.lexists(audio):
            self.audio_missing.emit(audio)
            return False
        try:
            self._playback.load(audio)
        except PlayerError as error:
            if self._playback.has_media():
                self._playback.unload()
            message = str(error)
            self.error_occurred.emit("Could not play the audio",
                                     message if message.startswith(audio) else f"{audio}: {message}")
            self.audio_unplayable.emit(audio)
            return False
        if self._model.transcript.meta.audio_path != audio:
            from editor.core import ops
            # Remembered with the next save; linking audio alone is not an edit to recover.
            self._model.run_derived(ops.set_audio(self._model.transcript, path=audio))
        if self._path:
            self._settings.remember_audio_link(episode_key(self._path), audio)
        self.audio_loaded.emit(audio)
        return True

    def choose_audio(self) -> None:
        """Ask for the audio of the open transcript (Choose Audio…, Relink audio…) and play it."""
        from PySide6.QtWidgets import QFileDialog

        from editor.ui.files.audio_lookup import choose_audio_start
        start = choose_audio_start(self.current_path, self._settings.get(Key.LAST_DIR))
        dialog = QFileDialog(self._window, "Choose the audio for this transcript", start, file_dialog_filter())
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if os.path.isfile(start):
            dialog.selectFile(start)   # the folder's only audio file: Enter takes it
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.relink_audio)
        dialog.open()   # window-modal, not blocking

    @staticmethod
    def open_filter() -> str:
        """The Open dialog's filter: every readable transcript format (from the format registry), audio."""
        from editor.formats import readable_extensions
        transcripts = " ".join("*" + e for e in readable_extensions())
        audio = " ".join("*" + e for e in AUDIO_EXTENSIONS)
        return f"Transcripts and projects ({transcripts});;Audio ({audio});;All files (*)"

    def recent_files(self) -> list[str]:
        return self._settings.recent_files()


class _Done:
    """A read already made, in the shape ``open_transcript(preload=...)`` takes."""

    def __init__(self, result):
        self._result = result

    def result(self):
        return self._result


def _transcript_next_to(audio: str) -> str | None:
    from editor.formats import readable_extensions
    path = Path(audio)
    for suffix in readable_extensions():   # a project first, then the formats in the registry's order
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file():
            return str(candidate)
    return None
