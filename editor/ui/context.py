"""WindowContext: what the window builds its features from, and how they reach each other.

The window makes the shared document layer (model, view, the one undo stack, the action
table) and then each feature from this context, in order, storing each feature on it as
it is made. A feature reaches another feature only through the context (never by
importing its package; ``tests/ui/test_feature_imports.py`` checks), and places no
widget itself: it asks the window through :class:`WindowLayout`, which alone decides
where panels, strips and status widgets go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

    from editor.settings import Settings
    from editor.ui.actions import Actions
    from editor.ui.document.edit_controller import EditController
    from editor.ui.document.transcript_model import TranscriptModel
    from editor.ui.document.transcript_view import TranscriptView
    from editor.ui.files.audio_length_check import AudioLengthCheck
    from editor.ui.files.file_controller import FileController
    from editor.ui.names.names_controller import NamesController
    from editor.ui.playback.follow_controller import FollowController
    from editor.ui.playback.playback_controller import PlaybackController
    from editor.ui.project.project_controller import ProjectController
    from editor.ui.timing.timing_controller import TimingController


class WindowLayout(Protocol):
    """The window's side of layout: features hand it widgets, it decides where they go."""

    def dock_panel(self, key: str, title: str, widget: QWidget) -> QDockWidget:
        """Dock a side panel (*key*: which place the window keeps for it) and return its dock."""
        ...

    def place_under_transcript(self, widget: QWidget, height: int) -> None:
        """Put *widget* under the transcript, *height* pixels tall (the transcript keeps the rest)."""
        ...

    def show_status(self, text: str, timeout_ms: int = 5000, *, background: bool = False) -> None:
        """A short message in the status bar (*background*: news of background work, which waits
        while an answer to the producer is on show)."""
        ...


@dataclass(eq=False)
class WindowContext:
    """The window's shared parts and its features, filled in as the window builds them."""

    window: QMainWindow          # the parent of dialogs
    layout: WindowLayout
    settings: Settings
    actions: Actions
    model: TranscriptModel
    view: TranscriptView
    # The user data folder (show glossaries, the show chosen per folder, unsaved work's journals),
    # decided once as the window is made: features take it from here, never from the environment.
    data_dir: Path
    # Features, in the order the window makes them (each may use those before it).
    playback: PlaybackController = field(init=False)
    files: FileController = field(init=False)
    edits: EditController = field(init=False)
    follow: FollowController = field(init=False)
    project: ProjectController = field(init=False)
    names: NamesController = field(init=False)
    timing: TimingController = field(init=False)
    audio_check: AudioLengthCheck = field(init=False)   # does the loaded audio fit the transcript

    @property
    def undo_stack(self) -> QUndoStack:
        """The one undo stack every change goes through."""
        return self.edits.stack
