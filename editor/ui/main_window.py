"""MainWindow: builds the widgets, composes the controllers, wires them in one place.

The window holds no business logic. Controllers own their concern:

* :class:`FileController` – opening transcripts/projects/audio, recent files;
* :class:`PlaybackController` – the player, transport and typing conveniences;
* :class:`FollowController` – the playing turn's highlight and auto-follow;
* :class:`TranscriptModel` – the transcript and every change to it.

Part 2 adds an EditController (undo stack, approve, save, export) the same
way: construct it in ``__init__``, add its actions to ``actions.SPECS`` and
connect it in :meth:`_connect_signals`. Side panels (find/replace, waveform)
go into ``self.add_panel`` docks; dialogs are imported lazily in their
handlers so startup stays fast.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from editor.settings import Key, Settings
from editor.ui.actions import Actions
from editor.ui.file_controller import FileController, sample_path
from editor.ui.follow_controller import FollowController
from editor.ui.message_bar import MessageBar, warnings_text
from editor.ui.names_controller import NamesController
from editor.ui.playback_controller import PlaybackController
from editor.ui.start_page import StartPage
from editor.ui.transcript_model import TranscriptModel
from editor.ui.transcript_view import TranscriptView
from editor.ui.transport_bar import TransportBar

APP_NAME = "Transcript Editor"
MENU_ORDER = ("File", "Edit", "Review", "Playback", "View", "Tools", "Help")
_OPEN_FILTER = ("Transcripts and projects (*.txt *.srt *.vtt *.json *.html *.htm *.tep.json);;"
                "Audio (*.mp3 *.m4a *.ogg *.opus *.flac *.wav);;All files (*)")
_AUDIO_FILTER = "Audio (*.mp3 *.m4a *.ogg *.opus *.flac *.wav *.aac *.mp4);;All files (*)"


class MainWindow(QMainWindow):
    """The editor window: start page or transcript, with the transport bar."""

    def __init__(self, settings: Settings | None = None, backend: str | None = None,
                 player_factory=None, parent=None):
        super().__init__(parent)
        self.settings = settings or Settings()
        self.actions = Actions(self, self.settings.shortcut_overrides())
        self.model = TranscriptModel(parent=self)
        self.playback = PlaybackController(self.settings, backend, player_factory, self)
        self.files = FileController(self.model, self.playback, self.settings, self)
        self._build_widgets()
        self.follow = FollowController(self.model, self.view, self.playback, self)
        # One undo stack for every change (part 2: pass EditController's stack here instead).
        self.undo_stack = QUndoStack(self)
        self.names = NamesController(self.model, self.view, self.playback, self.undo_stack, self.files,
                                     self.actions, self.add_panel, self)   # find, glossary, spelling (issue 5)
        self._build_menus()
        self._connect_signals()
        self.names.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self.resize(1000, 760)
        geometry = self.settings.get(Key.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        self.start_page.set_recent_files(self.files.recent_files())
        self.transport.show_volume(self.playback.volume())
        self._update_enabled()

    # ------------------------------------------------------------------ building
    def _build_widgets(self) -> None:
        self.start_page = StartPage()
        self.view = TranscriptView()
        self.view.set_model(self.model)
        self.view.set_reserved_shortcuts(self.actions.reserved_keys())
        self.transport = TransportBar(self.actions)
        self.warning_bar = MessageBar()
        self.audio_bar = MessageBar()
        self.notice_bar = MessageBar()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.notice_bar, self.audio_bar, self.warning_bar):
            layout.addWidget(widget)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.transport)
        self.editor_page = page
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.editor_page)
        self.setCentralWidget(self.stack)
        self._status = QLabel("")
        self.statusBar().addPermanentWidget(self._status)

    def _build_menus(self) -> None:
        """One menu per ``ActionSpec.menu`` in MENU_ORDER (menus with no actions are left out)."""
        bar = self.menuBar()
        self.menus = {}
        for title in MENU_ORDER:
            if not self.actions.in_menu(title):
                continue
            menu = self.menus[title] = bar.addMenu(f"&{title}")
            for action in self.actions.in_menu(title):
                if action.objectName() == "quit":
                    menu.addSeparator()
                menu.addAction(action)
            if title == "File":
                self.recent_menu = menu.addMenu("Open &Recent")
                menu.insertMenu(self.actions["open_sample"], self.recent_menu)
            self.addActions(self.actions.in_menu(title))  # shortcuts work even with the menu bar hidden
        self._fill_recent_menu()

    def add_panel(self, title: str, widget: QWidget,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea) -> QDockWidget:
        """Dock a panel (find/replace, waveform strip, ...) and return its dock."""
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _connect_signals(self) -> None:
        a, playback, files, view = self.actions, self.playback, self.files, self.view
        a["open"].triggered.connect(self._on_open_triggered)
        a["open_sample"].triggered.connect(self.open_sample)
        a["choose_audio"].triggered.connect(self._on_choose_audio_triggered)
        a["settings"].triggered.connect(self._on_settings_triggered)
        a["quit"].triggered.connect(self.close)
        a["play_pause"].triggered.connect(playback.toggle)
        a["skip_back"].triggered.connect(lambda: playback.skip(-1))
        a["skip_forward"].triggered.connect(lambda: playback.skip(1))
        a["replay_3"].triggered.connect(lambda: playback.replay(3.0))
        a["replay_slow"].triggered.connect(lambda: playback.replay_slowly(5.0))
        a["slower"].triggered.connect(lambda: playback.step_rate(-1))
        a["faster"].triggered.connect(lambda: playback.step_rate(1))
        a["normal_speed"].triggered.connect(lambda: playback.set_rate(1.0))
        a["volume_up"].triggered.connect(lambda: playback.set_volume(playback.volume() + 10))
        a["volume_down"].triggered.connect(lambda: playback.set_volume(playback.volume() - 10))
        a["go_to_time"].triggered.connect(self._on_go_to_time_triggered)
        a["follow"].triggered.connect(self.follow.resume)
        a["shortcuts"].triggered.connect(self._on_shortcuts_triggered)
        a["about"].triggered.connect(self._on_about_triggered)

        files.transcript_opened.connect(self._on_files_transcript_opened)
        files.audio_loaded.connect(self._on_files_audio_loaded)
        files.audio_missing.connect(self._on_files_audio_missing)
        files.error_occurred.connect(self._on_files_error_occurred)
        files.recent_changed.connect(self._on_files_recent_changed)

        playback.position_changed.connect(self.transport.show_position)
        playback.state_changed.connect(self.transport.show_state)
        playback.media_changed.connect(self._on_playback_media_changed)
        playback.rate_changed.connect(self.transport.show_rate)
        playback.volume_changed.connect(self.transport.show_volume)
        playback.notice.connect(self._on_playback_notice)

        self.transport.seek_requested.connect(playback.seek)
        self.transport.rate_requested.connect(playback.set_rate)
        self.transport.volume_requested.connect(playback.set_volume)

        view.seek_requested.connect(self._on_view_seek_requested)
        view.text_edited.connect(self._on_view_text_edited)
        view.typed.connect(playback.notify_typing)

        self.start_page.open_requested.connect(self._on_open_triggered)
        self.start_page.sample_requested.connect(self.open_sample)
        self.start_page.recent_requested.connect(self.open_path)

    # ------------------------------------------------------------------ opening
    def open_path(self, path: str, audio: str | None = None, preload=None) -> bool:
        return self.files.open_path(path, audio, preload)

    def open_sample(self) -> bool:
        return self.open_path(str(sample_path()))

    def _on_open_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog
        path, _ = QFileDialog.getOpenFileName(self, "Open", self.settings.get(Key.LAST_DIR), _OPEN_FILTER)
        if path:
            self.settings.set(Key.LAST_DIR, os.path.dirname(path))
            self.open_path(path)

    def _on_choose_audio_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog
        start = os.path.dirname(self.files.current_path) or self.settings.get(Key.LAST_DIR)
        path, _ = QFileDialog.getOpenFileName(self, "Choose the audio for this transcript", start, _AUDIO_FILTER)
        if path:
            self.files.relink_audio(path)

    def _on_files_transcript_opened(self, path: str, format_name: str, warnings: list) -> None:
        self.stack.setCurrentWidget(self.editor_page)
        self.setWindowTitle(f"{Path(path).name} — {APP_NAME}")
        self.setWindowFilePath(path)
        if warnings:
            self.warning_bar.show_message(warnings_text(Path(path).name, warnings), "warning", warnings)
        else:
            self.warning_bar.hide()
        self.audio_bar.hide()
        self._status.setText(f"{format_name} · {self.model.rowCount()} turns")
        self.view.setFocus()
        self._update_enabled()

    def _on_files_audio_loaded(self, path: str) -> None:
        self.audio_bar.hide()
        self._status.setText(f"{self.files.current_format} · {self.model.rowCount()} turns · "
                             f"{Path(path).name} ({self.playback.backend_name()})")
        self._update_enabled()

    def _on_files_audio_missing(self, expected: str) -> None:
        if expected:
            text = f"Audio file not found: {expected} (moved or renamed?). The transcript stays editable."
            button = "Relink audio…"
        else:
            text = "No audio found next to this transcript. The transcript stays editable."
            button = "Choose audio…"
        self.audio_bar.show_message(text, "info", button=button, callback=self._on_choose_audio_triggered)
        self._update_enabled()

    def _on_files_error_occurred(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()   # window-modal but not blocking: tests and scripts keep running
        self.last_error = (title, message)

    def _on_files_recent_changed(self) -> None:
        self._fill_recent_menu()
        self.start_page.set_recent_files(self.files.recent_files())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.files.recent_files():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.files.recent_files()))

    # ------------------------------------------------------------------ playback
    def _on_playback_media_changed(self, path: str, duration: int) -> None:
        self.transport.show_duration(duration)
        self._update_enabled()

    def _on_playback_notice(self, message: str) -> None:
        self.notice_bar.show_message(message, "info")

    def _on_view_seek_requested(self, ms: int) -> None:
        self.playback.seek(ms)
        self.follow.resume()

    def _on_view_text_edited(self, row: int, text: str) -> None:
        # Part 2 replaces this with an undo command pushed on the stack (model.run inside).
        self.model.set_text(row, text)

    def _on_go_to_time_triggered(self) -> None:
        from editor.ui.goto_dialog import GoToTimeDialog
        dialog = GoToTimeDialog(self.playback.position(), self.playback.duration(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_view_seek_requested(dialog.time_ms()))
        dialog.open()
        self.goto_dialog = dialog

    # ------------------------------------------------------------------ dialogs
    def _on_shortcuts_triggered(self) -> None:
        from editor.ui.shortcuts_dialog import ShortcutsDialog
        dialog = ShortcutsDialog(self.actions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.shortcuts_dialog = dialog

    def _on_settings_triggered(self) -> None:
        from editor.ui.settings_dialog import SettingsDialog
        dialog = SettingsDialog(self.settings, self.actions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_settings_accepted)
        dialog.open()
        self.settings_dialog = dialog

    def _on_settings_accepted(self) -> None:
        self.actions.apply_overrides(self.settings.shortcut_overrides())
        self.view.set_reserved_shortcuts(self.actions.reserved_keys())

    def _on_about_triggered(self) -> None:
        from editor import __version__
        QMessageBox.about(self, f"About {APP_NAME}",
                          f"{APP_NAME} {__version__}\nTurn a speech-recognition transcript into an approved one.")

    # ------------------------------------------------------------------ state
    def _update_enabled(self) -> None:
        has_audio = self.playback.has_media()
        has_text = self.files.has_transcript()
        for name in ("play_pause", "skip_back", "skip_forward", "replay_3", "replay_slow",
                     "slower", "faster", "normal_speed", "volume_up", "volume_down"):
            self.actions[name].setEnabled(has_audio)
        self.actions["go_to_time"].setEnabled(has_text)
        self.actions["choose_audio"].setEnabled(has_text)
        self.actions["follow"].setEnabled(has_text)

    # ------------------------------------------------------------------ drag and drop, closing
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        from editor.ui.audio_lookup import is_audio
        audio = next((p for p in paths if is_audio(p)), None)
        text = next((p for p in paths if not is_audio(p)), None)
        if text:
            self.open_path(text, audio)
        elif audio:
            self.open_path(audio)

    def closeEvent(self, event) -> None:
        self.settings.set(Key.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.playback.close()
        super().closeEvent(event)

