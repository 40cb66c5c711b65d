"""MainWindow: builds the widgets, composes the controllers, wires them in one place.

The window holds no business logic. Controllers own their concern:

* :class:`FileController` – opening transcripts/projects/audio, recent files;
* :class:`PlaybackController` – the player, transport and typing conveniences;
* :class:`FollowController` – the playing turn's highlight and auto-follow;
* :class:`TranscriptModel` – the transcript and every change to it;
* :class:`EditController` – the one undo stack and every correction (text, rows, speakers, marks);
* :class:`ReviewController` – approve/flag, progress, the review filter;
* :class:`ProjectController` – save, unsaved state, close confirmation, journal/autosave, recovery;
* :class:`NamesController` – find/replace, correct everywhere, glossary, spelling;
* :class:`TimingController` – waveform strip, peaks, forced alignment, re-sync, retiming;
* :class:`WatchController` – the document or audio changed on disk (Reload / Keep mine);
* :class:`AudioLengthCheck` – the audio's length against the transcript and its own header.

New controllers are added the same way: construct in ``__init__``, add their
actions to ``actions.SPECS`` and connect them in one ``_connect_*`` method.
Side panels go into ``self.add_panel`` docks; dialogs are imported lazily in
their handlers so startup stays fast.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QDockWidget, QLabel, QMainWindow, QMessageBox, QStackedWidget,
                               QToolBar, QVBoxLayout, QWidget)

from editor.core.transcript import MarkKind
from editor.settings import Key, Settings
from editor.ui.actions import SEPARATOR_BEFORE, Actions
from editor.ui.files.audio_length_check import AudioLengthCheck
from editor.ui.document.edit_controller import EditController
from editor.ui.files.file_controller import FileController, sample_path
from editor.ui.playback.follow_controller import FollowController
from editor.ui.review.marks_panel import MarksPanel
from editor.ui.widgets.message_bar import MessageBar, warnings_text
from editor.ui.widgets.mnemonics import DialogMnemonics
from editor.ui.widgets.theme import Theme, ThemeSwitcher
from editor.ui.names.names_controller import NamesController
from editor.ui.playback.playback_controller import PlaybackController
from editor.ui.project.project_controller import ProjectController
from editor.ui.review.review_bar import ReviewBar
from editor.ui.review.review_controller import ReviewController
from editor.ui.files.start_page import StartPage
from editor.ui.timing.timing_controller import TimingController
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.document.transcript_view import TranscriptView
from editor.ui.playback.transport_bar import TransportBar
from editor.ui.files.watch_controller import WatchController

APP_NAME = "Transcript Editor"
MENU_ORDER = ("File", "Edit", "Review", "Playback", "View", "Tools", "Help")
_OPEN_FILTER = ("Transcripts and projects (*.txt *.srt *.vtt *.json *.html *.htm *.tep.json);;"
                "Audio (*.mp3 *.m4a *.ogg *.opus *.flac *.wav);;All files (*)")
_MIN_VIEW_HEIGHT = 120
_AUDIO_FILTER = "Audio (*.mp3 *.m4a *.ogg *.opus *.flac *.wav *.aac *.mp4);;All files (*)"


class MainWindow(QMainWindow):
    """The editor window: start page or transcript, with the transport bar."""

    def __init__(self, settings: Settings | None = None, backend: str | None = None,
                 player_factory=None, parent=None):
        super().__init__(parent)
        self.settings = settings or Settings()
        self.themes = ThemeSwitcher(QApplication.instance())
        self.themes.apply(_saved_theme(self.settings))
        self._mnemonics = DialogMnemonics(self)   # Alt+letter for every dialog button
        QApplication.instance().installEventFilter(self._mnemonics)
        self.action_table = Actions(self, self.settings.shortcut_overrides())
        self.model = TranscriptModel(parent=self)
        self.playback = PlaybackController(self.settings, backend, player_factory, self)
        self.files = FileController(self.model, self.playback, self.settings, self)
        self._build_widgets()
        self.follow = FollowController(self.model, self.view, self.playback, self)
        self.edits = EditController(self.model, self.view, self.playback, self)
        self.undo_stack = self.edits.stack   # one undo stack for every change
        self.review = ReviewController(self.model, self.view, self.playback, self.edits, self.settings, self)
        self.project = ProjectController(self.model, self.files, self.edits.stack, self.settings, self)
        self._closing_confirmed = False
        self.names = NamesController(self.model, self.view, self.playback, self.undo_stack, self.files,
                                     self.action_table, self.add_panel, self)   # find, glossary, spelling
        self.timing = TimingController(self.model, self.playback, self.files, self.undo_stack, self.action_table,
                                       self.view, self.statusBar(), self, current_row=self.edits.current_row,
                                       seek=self._on_view_seek_requested,
                                       project_path=lambda: self.project.project_path)
        self.marks_panel = MarksPanel(self.model)
        self.marks_dock = self.add_panel("Markers", self.marks_panel, Qt.DockWidgetArea.RightDockWidgetArea)
        self.marks_dock.hide()
        self._build_menus()
        self._connect_signals()
        self._connect_editing_signals()
        self.watch = WatchController(self.files, self.project, self.playback, self._on_choose_audio_triggered, self,
                                     view=self.view, follow=self.follow)   # Reload keeps the producer's place
        self.editor_page.layout().insertWidget(0, self.watch.bar)   # "changed on disk" above the other bars
        self.watch.message.connect(self._show_status)
        self.audio_check = AudioLengthCheck(self.model, self.playback, self.files, self.audio_bar, self)
        self.names.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.names.extra_changed.connect(self.project.keep_unsaved)   # e.g. the show chosen: unsaved, journaled
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self._fit_to_screen()   # first run: room for the text, its bars and the suggestions panel
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
        self.view.set_reserved_shortcuts(self.action_table.reserved_keys())
        self.transport = TransportBar(self.action_table)
        self.warning_bar = MessageBar()
        self.audio_bar = MessageBar()
        self.notice_bar = MessageBar()
        self.captions_bar = MessageBar()   # "merged into turns; keep the captions as they are?"
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.notice_bar, self.audio_bar, self.warning_bar, self.captions_bar):
            layout.addWidget(widget)
        layout.addWidget(self.view, 1)
        self.review_bar = ReviewBar(self.action_table)
        self.editor_page = page
        self.stack = QStackedWidget()
        self.stack.addWidget(self.start_page)
        self.stack.addWidget(self.editor_page)
        self.setCentralWidget(self.stack)
        # The review and transport bars are fixed tool bars under everything: docks sit above
        # them and can never squeeze or cover them.
        transport = self._fixed_bar("Transport", self.transport)   # bottom lines stack upwards:
        self.addToolBarBreak(Qt.ToolBarArea.BottomToolBarArea)       # the review bar sits above it
        self.bottom_bars = [self._fixed_bar("Review", self.review_bar), transport]
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        self._on_stack_current_changed()
        self._status = QLabel("")
        self.statusBar().addPermanentWidget(self._status)

    def _fixed_bar(self, name: str, widget: QWidget) -> QToolBar:
        bar = QToolBar(name, self)
        bar.setObjectName(f"{name.lower()}_bar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setAllowedAreas(Qt.ToolBarArea.BottomToolBarArea)
        bar.toggleViewAction().setVisible(False)   # not offered for hiding in the panels menu
        bar.setContentsMargins(0, 0, 0, 0)
        bar.layout().setContentsMargins(0, 0, 0, 0)
        bar.addWidget(widget)
        self.addToolBar(Qt.ToolBarArea.BottomToolBarArea, bar)
        return bar

    def _on_stack_current_changed(self, _index: int = 0) -> None:
        on_transcript = self.stack.currentWidget() is self.editor_page
        for bar in self.bottom_bars:
            bar.setVisible(on_transcript)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # The transcript keeps at least a third of the window's height, whatever panels are docked.
        self.view.setMinimumHeight(max(_MIN_VIEW_HEIGHT, self.height() // 3))

    def _fit_to_screen(self) -> None:
        """The first-run size, shrunk to the screen's free area (a 1280×720 laptop shows the bars too)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1240, 800
        if screen is not None:
            width, height = min(width, screen.width()), min(height, screen.height() - 40)
        self.resize(width, height)

    def _build_menus(self) -> None:
        """One menu per ``ActionSpec.menu`` in MENU_ORDER (menus with no actions are left out)."""
        bar = self.menuBar()
        self.menus = {}
        for title in MENU_ORDER:
            if not self.action_table.in_menu(title):
                continue
            menu = self.menus[title] = bar.addMenu(f"&{title}")
            for action in self.action_table.in_menu(title):
                if action.objectName() == "quit" or (action.objectName() in SEPARATOR_BEFORE and menu.actions()):
                    menu.addSeparator()
                menu.addAction(action)
            if title == "File":
                self.recent_menu = menu.addMenu("Open &Recent")
                menu.insertMenu(self.action_table["open_sample"], self.recent_menu)
            if title == "View":
                menu.addSeparator()
                self.theme_menu = menu.addMenu("&Theme")
                group = QActionGroup(self)
                for action in self.action_table.in_menu("Theme"):
                    action.setCheckable(True)
                    group.addAction(action)
                    self.theme_menu.addAction(action)
                self.addActions(self.action_table.in_menu("Theme"))
            self.addActions(self.action_table.in_menu(title))  # shortcuts work even with the menu bar hidden
        self._fill_recent_menu()

    def add_panel(self, title: str, widget: QWidget,
                  area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea) -> QDockWidget:
        """Dock a panel (find/replace, waveform strip, ...) and return its dock."""
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        escape = QKeySequence(Qt.Key.Key_Escape)
        if not any(s.key() == escape for s in widget.findChildren(QShortcut)):   # the panel's own Esc wins
            QShortcut(escape, dock, lambda: self._close_panel(dock), context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return dock

    def _close_panel(self, dock: QDockWidget) -> None:
        """Esc in a side panel closes it and gives the keys back to the transcript."""
        dock.hide()
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _connect_signals(self) -> None:
        a, playback, files, view = self.action_table, self.playback, self.files, self.view
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
        for theme in Theme:
            a[f"theme_{theme.value}"].triggered.connect(lambda _=False, t=theme: self.set_theme(t))
        a[f"theme_{self.themes.theme.value}"].setChecked(True)
        a["shortcuts"].triggered.connect(self._on_shortcuts_triggered)
        a["about"].triggered.connect(self._on_about_triggered)

        files.transcript_opened.connect(self._on_files_transcript_opened)
        files.audio_loaded.connect(self._on_files_audio_loaded)
        files.audio_missing.connect(self._on_files_audio_missing)
        files.error_occurred.connect(self._on_files_error_occurred)
        files.recent_changed.connect(self._on_files_recent_changed)
        files.captions_merged.connect(self._on_files_captions_merged)

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
        view.typed.connect(playback.notify_typing)

        self.start_page.open_requested.connect(self._on_open_triggered)
        self.start_page.sample_requested.connect(self.open_sample)
        self.start_page.recent_requested.connect(self.open_path)

    def set_theme(self, theme: Theme) -> None:
        """System, light or dark colours (View ▸ Theme), remembered for the next start."""
        self.themes.apply(theme)
        self.settings.set(Key.THEME, theme.value)
        self.action_table[f"theme_{theme.value}"].setChecked(True)
        self.view.viewport().update()

    # ------------------------------------------------------------------ opening
    def open_path(self, path: str, audio: str | None = None, preload=None) -> bool:
        from editor.ui.files.audio_lookup import is_audio
        replacing = not (is_audio(path) and audio is None)   # an audio file alone is relinked
        if replacing and not self.project.ask_to_save("opening another file",
                                                      lambda: self.open_path(path, audio, preload)):
            return False
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

        from editor.ui.files.audio_lookup import choose_audio_start
        start = choose_audio_start(self.files.current_path, self.settings.get(Key.LAST_DIR))
        dialog = QFileDialog(self, "Choose the audio for this transcript", start, _AUDIO_FILTER)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if os.path.isfile(start):
            dialog.selectFile(start)   # the folder's only audio file: Enter takes it
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.files.relink_audio)
        dialog.open()   # window-modal, not blocking
        self.audio_dialog = dialog

    def _on_files_transcript_opened(self, path: str, format_name: str, warnings: list) -> None:
        self.stack.setCurrentWidget(self.editor_page)
        self.setWindowFilePath(path)
        if warnings:
            self.warning_bar.show_message(warnings_text(Path(path).name, warnings), "warning", warnings)
        else:
            self.warning_bar.hide()
        self.audio_bar.hide()
        self.captions_bar.hide()
        self._status.setText(f"{format_name} · {self.model.rowCount()} turns")
        self.view.setFocus()
        self._update_enabled()

    def _on_files_captions_merged(self, cues: int, turns: int, finished_subtitles: bool) -> None:
        if not finished_subtitles:
            return   # a recognizer's captions: turns are what the producer reviews
        self.captions_bar.show_message(
            f"{cues} captions were merged into {turns} turns. This file looks like finished subtitles.",
            "info", button="&Keep captions as they are", callback=self._reopen_keeping_captions)

    def _reopen_keeping_captions(self) -> None:
        path, audio = self.files.current_path, self.playback.media_path or None
        if self.project.ask_to_save("reopening with one turn per caption", self._reopen_keeping_captions):
            self.files.open_transcript(path, audio, keep_captions=True)

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
        # The headline says what failed; the details (file, line/byte, problem) go under it.
        box = QMessageBox(QMessageBox.Icon.Warning, title, f"{title}.", QMessageBox.StandardButton.Ok, self)
        box.setInformativeText(message)
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

    def _on_go_to_time_triggered(self) -> None:
        from editor.ui.playback.goto_dialog import GoToTimeDialog
        dialog = GoToTimeDialog(self.playback.position(), self.playback.duration(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._on_view_seek_requested(dialog.time_ms()))
        dialog.open()
        self.goto_dialog = dialog

    # ------------------------------------------------------------------ dialogs
    def _on_shortcuts_triggered(self) -> None:
        from editor.ui.dialogs.shortcuts_dialog import ShortcutsDialog
        dialog = ShortcutsDialog(self.action_table, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.shortcuts_dialog = dialog

    def _on_settings_triggered(self) -> None:
        from editor.ui.dialogs.settings_dialog import SettingsDialog
        dialog = SettingsDialog(self.settings, self.action_table, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_settings_accepted)
        dialog.open()
        self.settings_dialog = dialog

    def _on_settings_accepted(self) -> None:
        self.action_table.apply_overrides(self.settings.shortcut_overrides())
        self.view.set_reserved_shortcuts(self.action_table.reserved_keys())

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
            self.action_table[name].setEnabled(has_audio)
        self.action_table["go_to_time"].setEnabled(has_text)
        self.action_table["choose_audio"].setEnabled(has_text)
        self.action_table["follow"].setEnabled(has_text)
        for name in ("save", "save_as", "export", "split_turn", "merge_next", "change_speaker", "speakers",
                     "revert_turn", "mark_inaudible", "mark_crosstalk", "mark_unclear", "remove_mark",
                     "next_mark", "previous_mark", "approve", "approve_next", "flag", "unreview",
                     "next_unreviewed", "markers_panel"):
            self.action_table[name].setEnabled(has_text)
        self.action_table["set_start"].setEnabled(has_text and has_audio)
        self.action_table["undo"].setEnabled(self.edits.stack.canUndo())
        self.action_table["redo"].setEnabled(self.edits.stack.canRedo())

    # ------------------------------------------------------------------ edit, review, save, export
    def _connect_editing_signals(self) -> None:
        a, edits, review, project = self.action_table, self.edits, self.review, self.project
        stack = edits.stack
        a["save"].triggered.connect(project.save)
        a["save_as"].triggered.connect(lambda: project.save_as())
        a["export"].triggered.connect(self._on_export_triggered)
        a["undo"].triggered.connect(edits.undo)
        a["redo"].triggered.connect(edits.redo)
        stack.canUndoChanged.connect(a["undo"].setEnabled)
        stack.canRedoChanged.connect(a["redo"].setEnabled)
        stack.undoTextChanged.connect(lambda text: a["undo"].setText(f"&Undo {text}".strip()))
        stack.redoTextChanged.connect(lambda text: a["redo"].setText(f"&Redo {text}".strip()))
        a["split_turn"].triggered.connect(edits.split_at_caret)
        a["merge_next"].triggered.connect(edits.merge_with_next)
        a["set_start"].triggered.connect(edits.set_start_to_playback)
        a["change_speaker"].triggered.connect(self._on_change_speaker_triggered)
        a["speakers"].triggered.connect(self._on_speakers_triggered)
        a["revert_turn"].triggered.connect(edits.revert_to_original)
        a["mark_inaudible"].triggered.connect(lambda: edits.add_mark(MarkKind.INAUDIBLE))
        a["mark_crosstalk"].triggered.connect(lambda: edits.add_mark(MarkKind.CROSSTALK))
        a["mark_unclear"].triggered.connect(lambda: edits.add_mark(MarkKind.UNCLEAR))
        a["remove_mark"].triggered.connect(lambda: edits.remove_mark())
        a["next_mark"].triggered.connect(lambda: edits.go_to_mark(1))
        a["previous_mark"].triggered.connect(lambda: edits.go_to_mark(-1))
        a["markers_panel"].triggered.connect(self._on_markers_panel_triggered)
        a["approve"].triggered.connect(lambda: review.approve())
        a["approve_next"].triggered.connect(review.approve_and_next)
        a["flag"].triggered.connect(self._on_flag_triggered)
        a["unreview"].triggered.connect(lambda: review.unreview())
        a["next_unreviewed"].triggered.connect(review.next_unreviewed)
        edits.failed.connect(self._show_status)
        review.message.connect(self._show_status)
        review.progress_changed.connect(self.review_bar.show_progress)
        review.filter_changed.connect(self.review_bar.show_filter)
        self.review_bar.filter_requested.connect(review.set_filter)
        project.title_changed.connect(self._on_project_title_changed)
        project.error_occurred.connect(self._on_files_error_occurred)
        project.message.connect(self._show_status)
        self.marks_panel.show_requested.connect(edits.show_mark)
        self.marks_panel.remove_requested.connect(edits.remove_mark)

    def _show_status(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    def _on_project_title_changed(self, name: str, modified: bool) -> None:
        self.setWindowTitle(f"{name}[*] — {APP_NAME}" if name else APP_NAME)
        self.setWindowModified(modified)

    def _on_export_triggered(self) -> None:
        from editor.ui.dialogs.export_dialog import ExportDialog
        source = self.project.project_path or self.project.source_path
        dialog = ExportDialog(self.model.transcript, source, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._show_status(f"Exported {Path(dialog.exported_path).name}"))
        dialog.open()
        self.export_dialog = dialog

    def _on_change_speaker_triggered(self) -> None:
        from editor.ui.dialogs.speaker_dialog import SpeakerPicker
        row = self.edits.current_row()
        if row < 0:
            return
        dialog = SpeakerPicker(self.model.transcript, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.edits.set_speaker_by_name(dialog.name(), dialog.row))
        dialog.open()
        self.speaker_dialog = dialog

    def _on_speakers_triggered(self) -> None:
        from editor.ui.dialogs.speaker_dialog import SpeakersDialog
        dialog = SpeakersDialog(self.model.transcript, self.edits, self,
                                play=self.playback.play_from if self.playback.has_media() else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.speakers_dialog = dialog

    def _on_flag_triggered(self) -> None:
        from PySide6.QtWidgets import QInputDialog
        row = self.edits.current_row()
        if row < 0:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle("Flag Turn")
        dialog.setLabelText("What needs another look? (saved as the turn's note)")
        dialog.setTextValue(self.model.segment(row).note)
        dialog.setOkButtonText("Flag")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda note: self.review.flag(note, row))
        dialog.open()
        self.flag_dialog = dialog

    def _on_markers_panel_triggered(self) -> None:
        self.marks_dock.show()
        self.marks_dock.raise_()

    # ------------------------------------------------------------------ drag and drop, closing
    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        from editor.ui.files.audio_lookup import is_audio
        audio = next((p for p in paths if is_audio(p)), None)
        text = next((p for p in paths if not is_audio(p)), None)
        if text:
            self.open_path(text, audio)
        elif audio:
            self.open_path(audio)

    def closeEvent(self, event) -> None:
        if not self._closing_confirmed and not self.project.ask_to_save("closing", self._close_confirmed):
            event.ignore()   # the box asks; closing resumes after Save or Discard
            return
        self.project.shutdown()
        self.timing.shutdown()
        self.settings.set(Key.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.playback.close()
        super().closeEvent(event)

    def _close_confirmed(self) -> None:
        self._closing_confirmed = True
        self.close()



def _saved_theme(settings: Settings) -> Theme:
    try:
        return Theme(settings.get(Key.THEME))
    except ValueError:
        return Theme.SYSTEM
