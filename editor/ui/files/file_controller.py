"""FileController: opening transcripts, projects and audio, and recent files.

It turns a path into a loaded transcript (through ``editor.formats.read_file``,
which also reads projects) and finds its audio: the one given, the one the
project records, or one with the same stem next to the transcript. Problems
never raise into the UI: they come out as signals the window shows (an error
dialog naming file and problem, a dismissable warning bar, a relink prompt).
"""

from __future__ import annotations

import os
from pathlib import Path

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
    recent_changed = Signal()
    captions_merged = Signal(int, int, bool)       # cues read, turns made, the cues look like finished subtitles

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        self._model = ctx.model
        self._playback = ctx.playback
        self._settings = ctx.settings
        self._window = ctx.window
        ctx.actions["choose_audio"].triggered.connect(self.choose_audio)
        self._path = ""
        self._format = ""
        self.extra: dict = {}   # the project's free "extra" object: saved back unchanged

    @property
    def current_path(self) -> str:
        return self._path

    @property
    def current_format(self) -> str:
        return self._format

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
        """Open a transcript; caption files are merged into turns unless *keep_captions*."""
        path = os.path.abspath(path)
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
        """Play *audio* with the open transcript (and remember it in the transcript)."""
        audio = os.path.abspath(audio)
        if not os.path.isfile(audio):
            self.audio_missing.emit(audio)
            return False
        try:
            self._playback.load(audio)
        except PlayerError as error:
            self.error_occurred.emit("Could not play the audio", f"{audio}: {error}")
            self.audio_missing.emit(audio)
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
        self.audio_dialog = dialog

    @staticmethod
    def open_filter() -> str:
        """The Open dialog's filter: every readable transcript format (from the format registry), audio."""
        from editor.formats import readable_extensions
        transcripts = " ".join("*" + e for e in readable_extensions())
        audio = " ".join("*" + e for e in AUDIO_EXTENSIONS)
        return f"Transcripts and projects ({transcripts});;Audio ({audio});;All files (*)"

    def recent_files(self) -> list[str]:
        return self._settings.recent_files()


def _transcript_next_to(audio: str) -> str | None:
    from editor.formats import readable_extensions
    path = Path(audio)
    for suffix in readable_extensions():   # a project first, then the formats in the registry's order
        candidate = path.with_name(path.stem + suffix)
        if candidate.is_file():
            return str(candidate)
    return None
