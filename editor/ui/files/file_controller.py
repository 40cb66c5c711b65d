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

from PySide6.QtCore import QObject, Signal

from editor.core.errors import TranscriptError
from editor.core.transcript import Transcript
from editor.player.base import PlayerError
from editor.settings import Key
from editor.ui.context import WindowContext
from editor.ui.files.audio_lookup import (
    AUDIO_EXTENSIONS,
    file_dialog_filter,
    find_audio_next_to,
    is_audio,
    resolve_audio,
)

_ROOT = Path(__file__).resolve().parents[3]


def resource_path(relative: str) -> Path:
    """A bundled resource: ``editor/resources`` in a wheel, ``resources/`` in a checkout."""
    for base in (Path(__file__).resolve().parents[2] / "resources", _ROOT / "resources"):
        candidate = base / relative
        if candidate.exists():
            return candidate
    return _ROOT / "resources" / relative


def sample_path() -> Path:
    return resource_path("sample/sample-episode.txt")


class FileController(QObject):
    """Loads files into the model and the player; reports through signals."""

    transcript_opened = Signal(str, str, list)   # path, format name, warnings
    audio_loaded = Signal(str)                     # path
    audio_missing = Signal(str)                    # the path we expected ("" when nothing was recorded)
    error_occurred = Signal(str, str)              # title, message (names the file and problem)
    recent_changed = Signal()

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        self._model = ctx.model
        self._playback = ctx.playback
        self._settings = ctx.settings
        self._window = ctx.window
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

    def open_transcript(self, path: str, audio: str | None = None, preload=None) -> bool:
        path = os.path.abspath(path)
        try:
            if preload is not None:
                result = preload.result()
            else:
                from editor.formats import read_file  # lazy: keeps startup fast without a file
                result = read_file(path)
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
        self.audio_loaded.emit(audio)
        return True

    def choose_audio(self) -> None:
        """Ask for the audio of the open transcript (Choose Audio…, Relink audio…) and play it."""
        from PySide6.QtWidgets import QFileDialog
        start = os.path.dirname(self.current_path) or self._settings.get(Key.LAST_DIR)
        path, _ = QFileDialog.getOpenFileName(self._window, "Choose the audio for this transcript", start,
                                              file_dialog_filter())
        if path:
            self.relink_audio(path)

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
