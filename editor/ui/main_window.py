"""MainWindow: builds the widgets, composes the features, wires them in one place.

The window holds no business logic and alone owns the layout. It makes the shared
document layer (model, view, action table), puts it in a :class:`WindowContext`, and
builds each feature from that context; features place widgets only by asking the
window (:class:`~editor.ui.context.WindowLayout`). Controllers own their concern:

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

A new feature gets its package under ``editor/ui/``, declares its actions (with
when they are enabled) in its ``actions.py`` (added to :data:`ACTION_TABLES`) and
connects them itself; the window makes it from the context in ``__init__`` and wires
what crosses features (status messages, bars, its own dialogs of ``dialogs/``) in one
``_connect_*`` method. The window alone enables actions, from the table's conditions.
Side panels are docked through :meth:`dock_panel`; dialogs are imported lazily in
their handlers so startup stays fast.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from editor.core.user_data import user_data_dir
from editor.settings import Key, Settings
from editor.ui import process_tuning, saved_layout
from editor.ui.actions import CAN_REDO, CAN_UNDO, WITH_AUDIO, WITH_TEXT, Actions, ActionSpec
from editor.ui.chapters.actions import ACTIONS as CHAPTERS_ACTIONS
from editor.ui.chapters.chapter_controller import ChapterController
from editor.ui.context import WindowContext
from editor.ui.document.actions import ACTIONS as DOCUMENT_ACTIONS
from editor.ui.document.edit_controller import EditController
from editor.ui.document.speakers_controller import SpeakersController
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.document.transcript_view import TranscriptView
from editor.ui.files.actions import ACTIONS as FILES_ACTIONS
from editor.ui.files.audio_length_check import AudioLengthCheck
from editor.ui.files.file_controller import FileController, sample_path
from editor.ui.files.watch_controller import WatchController
from editor.ui.hearing.actions import ACTIONS as HEARING_ACTIONS
from editor.ui.hearing.hearing_controller import HearingController
from editor.ui.names.actions import ACTIONS as NAMES_ACTIONS
from editor.ui.names.names_controller import NamesController
from editor.ui.playback.actions import ACTIONS as PLAYBACK_ACTIONS
from editor.ui.playback.follow_controller import FollowController
from editor.ui.playback.playback_controller import PlaybackController
from editor.ui.playback.transport_bar import TransportBar
from editor.ui.project.actions import ACTIONS as PROJECT_ACTIONS
from editor.ui.project.project_controller import ProjectController
from editor.ui.publishing.actions import ACTIONS as PUBLISHING_ACTIONS
from editor.ui.publishing.publishing_controller import PublishingController
from editor.ui.review.actions import ACTIONS as REVIEW_ACTIONS
from editor.ui.review.review_bar import ReviewBar
from editor.ui.review.review_controller import ReviewController
from editor.ui.theme import Theme, ThemeSwitcher
from editor.ui.timing.actions import ACTIONS as TIMING_ACTIONS
from editor.ui.timing.timing_controller import TimingController
from editor.ui.widgets.message_bar import MessageBar, warnings_text
from editor.ui.widgets.mnemonics import DialogMnemonics
from editor.ui.widgets.scoped_shortcut import scoped_shortcut
from editor.ui.widgets.status_messages import StatusMessages

if TYPE_CHECKING:
    from editor.ui.files.start_page import StartPage

APP_NAME = "Transcript Editor"
MENU_ORDER = ("File", "Edit", "Review", "Playback", "Timing", "View", "Tools", "Help")
# A menu's title with its Alt+letter, where its first letter is another menu's.
_MENU_TITLES = {"Timing": "T&iming"}

# The window's own actions (settings, quit, help).
WINDOW_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("settings", "File", "Se&ttings…", ("Ctrl+,",), separator=True),
    ActionSpec("quit", "File", "&Quit", ("Ctrl+Q",), separator=True),
    # View ▸ Theme (a submenu of View: the window groups these as exclusive choices)
    ActionSpec("theme_system", "Theme", "&System", (), "Colours of the system (light or dark)", checkable=True),
    ActionSpec("theme_light", "Theme", "&Light", checkable=True),
    ActionSpec("theme_dark", "Theme", "&Dark", checkable=True),
    ActionSpec("shortcuts", "Help", "&Keyboard Shortcuts…", ("Ctrl+/", "F1"), "List every keyboard shortcut"),
    ActionSpec("about", "Help", "&About Transcript Editor"),
)
# Every action, in menu order within each menu (menus themselves follow MENU_ORDER).
ACTION_TABLES = (FILES_ACTIONS, PROJECT_ACTIONS, PUBLISHING_ACTIONS, WINDOW_ACTIONS, DOCUMENT_ACTIONS,
                 CHAPTERS_ACTIONS, REVIEW_ACTIONS, PLAYBACK_ACTIONS, NAMES_ACTIONS, TIMING_ACTIONS,
                 HEARING_ACTIONS)

# Where the window docks each feature's panel, and how tall a bottom panel starts.
# A panel's dock is made when it is first shown; its title is its object name, under which the
# window's saved layout (QMainWindow.saveState) keeps its place until then.
_MIN_VIEW_HEIGHT = 120
_PANEL_PLACES = {
    "find": (Qt.DockWidgetArea.BottomDockWidgetArea, 230),   # compact: the transcript keeps most of the height
    "suggestions": (Qt.DockWidgetArea.RightDockWidgetArea, 0),
    "markers": (Qt.DockWidgetArea.RightDockWidgetArea, 0),
    "chapters": (Qt.DockWidgetArea.RightDockWidgetArea, 0),
}
# The action that opens each panel (by dock title): panels open at the last close open again
# with the first transcript of the next session.
_PANEL_ACTIONS = {"Markers": "markers_panel", "Chapters": "chapters_panel", "Suspects": "suspects_panel",
                  "Glossary Suggestions": "show_suggestions", "Find and Replace": "find"}
# The share of the window's width a right-hand panel is given at least when the side is first shown
# in a session: the saved layout keeps widths in pixels, and a width saved in a small window is too
# narrow in a large one.
_SIDE_PANEL_SHARE = 0.25
_LAYOUT_VERSION = 1   # of the saved dock layout: raise it when the panels' places change meaning


class MainWindow(QMainWindow):
    """The editor window: start page or transcript, with the transport bar."""

    def __init__(self, settings: Settings | None = None, backend: str | None = None,
                 player_factory=None, parent=None, *, start_page: bool = True,
                 data_dir: str | os.PathLike | None = None):
        """*start_page*: show the start page (False when a file is about to open: it is then made
        only if ever needed); *data_dir*: the user data folder (default: :func:`user_data_dir`)."""
        super().__init__(parent)
        self.settings = settings or Settings()
        # Whether the right-hand side has been given its width this session (_widen): from then on the
        # width is the producer's, kept as they switch tabs or close and show panels.
        self._side_width_given = False
        app = QApplication.instance()
        assert isinstance(app, QApplication), "the window needs a QApplication"
        self.themes = ThemeSwitcher(app)
        self.themes.apply(_saved_theme(self.settings))
        self._mnemonics = DialogMnemonics(self)   # Alt+letter for every dialog button (watching from the end)
        self.action_table = Actions(self, [spec for table in ACTION_TABLES for spec in table],
                                    self.settings.shortcut_overrides())
        self.model = TranscriptModel(parent=self)
        self._build_widgets()
        ctx = self.context = WindowContext(window=self, layout=self, settings=self.settings,
                                           actions=self.action_table, model=self.model, view=self.view,
                                           data_dir=Path(data_dir) if data_dir is not None else user_data_dir())
        self.playback = ctx.playback = PlaybackController(ctx, backend, player_factory, self)
        self.files = ctx.files = FileController(ctx, self)
        self.follow = ctx.follow = FollowController(ctx, self)
        self.edits = ctx.edits = EditController(ctx, self)
        self.undo_stack = ctx.undo_stack   # one undo stack for every change
        self.review = ReviewController(ctx, self)
        self.project = ctx.project = ProjectController(ctx, self)
        self._closing_confirmed = False
        self.names = ctx.names = NamesController(ctx, self)   # find, glossary, spelling
        self.timing = ctx.timing = TimingController(ctx, self)
        self.statusBar().addPermanentWidget(self.timing.progress)
        # Corrections are checked against the audio once the words have times.
        self.timing.words_ready.connect(self.names.audio_ready)
        self.hearing = HearingController(ctx, self)      # suspect passages from the audio
        self.statusBar().addPermanentWidget(self.hearing.progress)
        self.hearing.message.connect(lambda text: self.status_messages.tell(text, 6000))   # news of its passes
        self.hearing.answer.connect(lambda text: self.status_messages.say(text, 6000))
        self.hearing.failed.connect(self._on_hearing_failed)
        self.timing.failed.connect(self._on_timing_failed)
        self._marks_dock: QDockWidget | None = None    # made when first shown
        self.chapters = ChapterController(ctx, self)
        self.chapters.message.connect(self._show_status)
        self.speakers = SpeakersController(ctx, self)          # Change Speaker…, Speakers…
        self.publishing = PublishingController(ctx, self)      # Export…, Publish…
        self.publishing.message.connect(self._show_status)
        self._build_menus()
        self._connect_signals()
        self._connect_editing_signals()
        self.watch = WatchController(ctx, self)           # Reload keeps the producer's place
        self._page_layout.insertWidget(0, self.watch.bar)   # "changed on disk" above the other bars
        self.watch.message.connect(self._show_status)
        # After the window's own audio_loaded slot (it clears the audio bar this may warn in).
        self.audio_check = ctx.audio_check = AudioLengthCheck(ctx, self.audio_bar, self)
        self.audio_check.audio_doubted.connect(self.timing.doubt_audio)   # a run under way stops, and no words ready
        self.audio_check.audio_doubted.connect(self.hearing.stop_listening)    # and a pass, as its warning says
        process_tuning.install(self)
        self.names.message.connect(lambda text: self.status_messages.tell(text, 6000))   # its scans' news
        self.names.answer.connect(lambda text: self.status_messages.say(text, 6000))
        self.names.extra_changed.connect(self.project.keep_unsaved)   # e.g. the show chosen: unsaved, journaled
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        self._fit_to_screen()   # first run: room for the text, its bars and the suggestions panel
        geometry = self.settings.get(Key.WINDOW_GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))
        # Docks made later take their saved places from here (restoreDockWidget in dock_panel).
        self._layout_restored = saved_layout.restore(self, self.settings.get(Key.WINDOW_STATE), _LAYOUT_VERSION,
                                                     self.bottom_bars)
        self._panels_to_reopen = [name for name in self.settings.get(Key.OPEN_PANELS) if name in _PANEL_ACTIONS]
        self._start_page: StartPage | None = None      # made when first shown
        self.stack.setCurrentWidget(self.start_page if start_page else self.editor_page)
        self.transport.show_volume(self.playback.volume())
        self._update_enabled()
        # Watched once built: building sends the window hundreds of events (an action added or
        # changed, a child added), each a call into Python for a filter that only wants dialogs.
        self._mnemonics.watch(self)

    # ------------------------------------------------------------------ building
    def _build_widgets(self) -> None:
        self.view = TranscriptView()
        self.view.set_model(self.model)
        self.view.set_reserved_shortcuts(self.action_table.reserved_keys())
        # The transcript shares its place with what goes under it (the waveform strip).
        self.transcript_splitter = QSplitter(Qt.Orientation.Vertical)
        self.transcript_splitter.setObjectName("transcript_waveform_splitter")
        self.transcript_splitter.setChildrenCollapsible(False)
        self.transcript_splitter.addWidget(self.view)
        self.transcript_splitter.setStretchFactor(0, 1)
        self.transport = TransportBar(self.action_table)
        self.warning_bar = MessageBar()
        self.audio_bar = MessageBar()
        self.notice_bar = MessageBar()
        self._split_offer = ""   # the notice bar's offer to split a turn too long to edit, while shown
        self.captions_bar = MessageBar()   # "merged into turns; keep the captions as they are?"
        self.pass_bar = MessageBar()       # an audio pass (alignment, listening) that could not be done, and a retry
        page = QWidget()
        layout = self._page_layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        for widget in (self.notice_bar, self.audio_bar, self.pass_bar, self.warning_bar, self.captions_bar):
            layout.addWidget(widget)
        layout.addWidget(self.transcript_splitter, 1)
        self.review_bar = ReviewBar(self.action_table)
        self.editor_page = page
        self.stack = QStackedWidget()
        self.stack.addWidget(self.editor_page)
        self.setCentralWidget(self.stack)
        # The review and transport bars are fixed tool bars under everything: docks sit above
        # them and can never squeeze or cover them.
        transport = self._fixed_bar("Transport", self.transport)   # bottom lines stack upwards:
        self.addToolBarBreak(Qt.ToolBarArea.BottomToolBarArea)       # the review bar sits above it
        self.bottom_bars = [self._fixed_bar("Review", self.review_bar), transport]
        # Tab goes top to bottom as the window shows them (once all are in the window): the transcript,
        # the review bar, then the transport bar under it (made first, it would otherwise come first).
        chain = [self.view, *self.review_bar.focus_chain(), *self.transport.focus_chain()]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        self._on_stack_current_changed()
        self._status = QLabel("")      # "format · N turns · audio" of the open file
        self.statusBar().addPermanentWidget(self._status)
        self._status_format = self._status_audio = ""
        # Split and merge change the count; these signals come once per edit, not per keystroke.
        for changed in (self.model.rowsInserted, self.model.rowsRemoved, self.model.modelReset):
            changed.connect(lambda *_: self._show_file_status())
        self.status_messages = StatusMessages(self.statusBar(), self)   # answers held, background news waits
        # The suggestions list runs the window's full height; find/replace (and other bottom
        # panels) then span the transcript only, under its transport bar.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        # The right-hand panels are tabs (see dock_panel), named at the top as their titles are.
        self.setTabPosition(Qt.DockWidgetArea.RightDockWidgetArea, QTabWidget.TabPosition.North)

    def _fixed_bar(self, name: str, widget: QWidget) -> QToolBar:
        bar = QToolBar(name, self)
        bar.setObjectName(f"{name.lower()}_bar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setAllowedAreas(Qt.ToolBarArea.BottomToolBarArea)
        bar.toggleViewAction().setVisible(False)   # not offered for hiding in the panels menu
        bar.setContentsMargins(0, 0, 0, 0)
        layout = bar.layout()
        if layout is not None:
            layout.setContentsMargins(0, 0, 0, 0)
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
            menu = self.menus[title] = bar.addMenu(_MENU_TITLES.get(title, f"&{title}"))
            for action in self.action_table.in_menu(title):
                if self.action_table.specs[action.objectName()].separator and menu.actions():
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
                    group.addAction(action)
                    self.theme_menu.addAction(action)
                self.addActions(self.action_table.in_menu("Theme"))
            self.addActions(self.action_table.in_menu(title))  # shortcuts work even with the menu bar hidden
        self._fill_recent_menu()

    # ------------------------------------------------------------------ layout (WindowLayout)
    def dock_panel(self, key: str, title: str, widget: QWidget) -> QDockWidget:
        """Dock a feature's panel where the window keeps panels of *key* and return its dock."""
        area, height = _PANEL_PLACES[key]
        dock = QDockWidget(title, self)
        dock.setObjectName(title)   # its name in the saved layout
        dock.setWidget(widget)
        dock.visibilityChanged.connect(lambda visible: self._widen_when_shown(dock, visible))   # also as restored
        if not (self._layout_restored and self.restoreDockWidget(dock)):   # else: where the user left it
            self.addDockWidget(area, dock)
            # Side panels share the right-hand side as tabs, each its full height (split, two panels
            # were too short to read); a hidden panel keeps its tab's place for when it is shown.
            beside = [d for d in self.findChildren(QDockWidget) if d is not dock
                      and self.dockWidgetArea(d) == area == Qt.DockWidgetArea.RightDockWidgetArea]
            if beside:
                self.tabifyDockWidget(beside[0], dock)
            if height:
                self.resizeDocks([dock], [height], Qt.Orientation.Vertical)
        escape = QKeySequence(Qt.Key.Key_Escape)
        if not any(s.key() == escape for s in widget.findChildren(QShortcut)):   # the panel's own Esc wins
            scoped_shortcut(escape, dock, lambda: self._close_panel(dock),
                            Qt.ShortcutContext.WidgetWithChildrenShortcut)
        return dock

    def _widen_when_shown(self, dock: QDockWidget, visible: bool) -> None:
        if visible:   # once the layout has placed it: its tab bar then holds every title
            QTimer.singleShot(0, lambda: self._widen(dock))

    def _widen(self, dock: QDockWidget) -> None:
        """Give a shown right-hand *dock* room for its tabs' titles and a fair share of the window, the
        first time the side is shown in a session (its width then comes from the saved layout, or from
        the first dock's default): later, the width is what the producer made it, whatever tab they show."""
        if (self._side_width_given or not dock.isVisible()
                or self.dockWidgetArea(dock) != Qt.DockWidgetArea.RightDockWidgetArea):
            return
        self._side_width_given = True
        titles = [bar.sizeHint().width() for bar in self.findChildren(QTabBar)
                  if bar.isVisible() and dock.windowTitle() in (bar.tabText(i) for i in range(bar.count()))]
        wanted = max([round(self.width() * _SIDE_PANEL_SHARE), *titles])
        if dock.width() < wanted:
            self.resizeDocks([dock], [wanted], Qt.Orientation.Horizontal)

    def place_under_transcript(self, widget: QWidget, height: int) -> None:
        splitter = self.transcript_splitter
        splitter.addWidget(widget)
        splitter.setStretchFactor(splitter.indexOf(widget), 0)
        splitter.setSizes([max(1, splitter.height() - height), height])

    def show_status(self, text: str, timeout_ms: int = 5000, *, background: bool = False) -> None:
        (self.status_messages.tell if background else self.status_messages.say)(text, timeout_ms)

    def _close_panel(self, dock: QDockWidget) -> None:
        """Esc in a side panel closes it and gives the keys back to the transcript."""
        dock.hide()
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _connect_signals(self) -> None:
        # The window's own actions (settings, shortcuts, theme, quit), and those that span features;
        # each feature connects the rest of its actions itself.
        a, playback, files, view = self.action_table, self.playback, self.files, self.view
        a["open"].triggered.connect(self._on_open_triggered)
        a["open_sample"].triggered.connect(self.open_sample)
        a["reopen_encoding"].triggered.connect(self.choose_encoding)
        a["settings"].triggered.connect(self._on_settings_triggered)
        a["quit"].triggered.connect(self.close)
        for theme in Theme:
            a[f"theme_{theme.value}"].triggered.connect(lambda _=False, t=theme: self.set_theme(t))
        a[f"theme_{self.themes.theme.value}"].setChecked(True)
        a["shortcuts"].triggered.connect(self._on_shortcuts_triggered)
        a["about"].triggered.connect(self._on_about_triggered)

        files.transcript_opened.connect(self._on_files_transcript_opened)
        files.audio_loaded.connect(self._on_files_audio_loaded)
        files.audio_missing.connect(self._on_files_audio_missing)
        files.audio_unplayable.connect(self._on_files_audio_unplayable)
        files.error_occurred.connect(self._on_files_error_occurred)
        files.recent_changed.connect(self._on_files_recent_changed)
        files.captions_merged.connect(self._on_files_captions_merged)

        playback.position_changed.connect(self.transport.show_position)
        playback.state_changed.connect(self.transport.show_state)
        playback.preparing_changed.connect(self.transport.show_preparing)
        playback.media_changed.connect(self._on_playback_media_changed)
        playback.rate_changed.connect(self.transport.show_rate)
        playback.volume_changed.connect(self.transport.show_volume)
        playback.notice.connect(self._on_playback_notice)

        self.transport.seek_requested.connect(playback.seek)
        self.transport.rate_requested.connect(playback.set_rate)
        self.transport.volume_requested.connect(playback.set_volume)

        view.seek_requested.connect(self._on_view_seek_requested)
        view.typed.connect(playback.notify_typing)


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
        opened = self.files.open_path(path, audio, preload)
        # The bars shown while opening (no audio, warnings) change the layout: settle it now, or the
        # window paints once with the old layout and again with the new (~30 ms for a full repaint).
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return opened

    def choose_encoding(self) -> None:
        self.files.choose_encoding(self.reopen_with_encoding)

    def reopen_with_encoding(self, encoding: str) -> bool:
        """Read the open transcript again in *encoding*, after Save/Discard of unsaved work."""
        if not self.project.ask_to_save("reopening it in another encoding",
                                        lambda: self.reopen_with_encoding(encoding)):
            return False
        return self.files.reopen_with_encoding(encoding)

    def open_sample(self) -> bool:
        return self.open_path(str(sample_path()))

    def _on_open_triggered(self) -> None:
        from PySide6.QtWidgets import QFileDialog
        path, _ = QFileDialog.getOpenFileName(self, "Open", self.settings.get(Key.LAST_DIR),
                                              self.files.open_filter())
        if path:
            self.settings.set(Key.LAST_DIR, os.path.dirname(path))
            self.open_path(path)

    def _on_files_transcript_opened(self, path: str, format_name: str, warnings: list) -> None:
        self.stack.setCurrentWidget(self.editor_page)
        self.setWindowFilePath(path)
        if warnings:
            guessed = any("another encoding" in w for w in warnings)   # the decoder's guess, said so
            self.warning_bar.show_message(warnings_text(Path(path).name, warnings), "warning", warnings,
                                          button="Reopen with Encoding…" if guessed else "",
                                          callback=self.choose_encoding if guessed else None)
        else:
            self.warning_bar.hide()
        self.audio_bar.hide()
        self.captions_bar.hide()
        self.pass_bar.hide()     # a pass that failed on the document before
        self._status_format, self._status_audio = self.files.current_format_label, ""
        self._show_file_status()
        self._update_enabled()
        self._reopen_panels()
        self.view.setFocus()

    def _reopen_panels(self) -> None:
        """The panels open at the last close, opened again (once, with the session's first transcript)."""
        names, self._panels_to_reopen = self._panels_to_reopen, []
        for name in names:
            action = self.action_table[_PANEL_ACTIONS[name]]
            if action.isEnabled() and not (action.isCheckable() and action.isChecked()):
                action.trigger()

    def _on_files_captions_merged(self, cues: int, turns: int, finished_subtitles: bool) -> None:
        if not finished_subtitles:
            return   # a recognizer's captions: turns are what the producer reviews
        self.captions_bar.show_message(
            f"{cues} captions were merged into {_turns(turns)}. This file looks like finished subtitles.",
            "info", button="&Keep captions as they are", callback=self._reopen_keeping_captions)

    def _reopen_keeping_captions(self) -> None:
        path, audio = self.files.current_path, self.playback.media_path or None
        if self.project.ask_to_save("reopening with one turn per caption", self._reopen_keeping_captions):
            self.files.open_transcript(path, audio, keep_captions=True)

    def _on_files_audio_loaded(self, path: str) -> None:
        self.audio_bar.hide()
        self._status_format = self.files.current_format_label
        # The player is no news here: a fallback from VLC is said when it happens (PlaybackController.notice).
        self._status_audio = Path(path).name
        self._show_file_status()
        self._update_enabled()

    def _show_file_status(self) -> None:
        if self._status_format:
            parts = [self._status_format, _turns(self.model.rowCount()), self._status_audio]
            self._status.setText(" · ".join(part for part in parts if part))

    def _on_files_audio_missing(self, expected: str) -> None:
        if expected:
            text = f"Audio file not found: {expected} (moved or renamed?). The transcript stays editable."
            button = "Relink audio…"
        else:
            text = "No audio found next to this transcript. The transcript stays editable."
            button = "Choose audio…"
        self.audio_bar.show_message(text, "info", button=button, callback=self.files.choose_audio)
        self._update_enabled()

    def _on_files_audio_unplayable(self, _path: str) -> None:
        # The error box said what the file is; the bar only offers the way on (no second message).
        self.audio_bar.show_message("No audio is playing. The transcript stays editable.", "info",
                                    button="Choose audio…", callback=self.files.choose_audio)
        self._update_enabled()

    def _on_files_error_occurred(self, title: str, message: str) -> None:
        # The headline says what failed; the details (file, line/byte, problem) go under it.
        from editor.ui.widgets.error_box import error_box  # (a message box: imported when one is needed)
        box = error_box(self, title, message)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()   # window-modal but not blocking: no nested event loop under the caller
        if not self.files.has_transcript() and self.stack.currentWidget() is self.editor_page:
            # the command line's file could not be read: the start page (Open…, recent files),
            # not an empty transcript
            self.stack.setCurrentWidget(self.start_page)

    def _on_files_recent_changed(self) -> None:
        self._fill_recent_menu()
        if self._start_page is not None:
            self._start_page.set_recent_files(self.files.recent_files())

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for number, path in enumerate(self.files.recent_files(), 1):
            # Numbered as Alt+1…9, 0 (file names share letters); a "&" in a name is no mnemonic.
            digits = str(number)
            shown = f"{digits[:-1]}&{digits[-1]} {Path(path).name.replace('&', '&&')}"
            action = self.recent_menu.addAction(shown)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(self.files.recent_files()))

    # ------------------------------------------------------------------ playback
    def _on_playback_media_changed(self, path: str, duration: int) -> None:
        self.transport.show_duration(duration)
        self._update_enabled()

    def _on_playback_notice(self, message: str) -> None:
        self.notice_bar.show_message(message, "info")

    # ------------------------------------------------------------------ audio passes that failed
    def _on_timing_failed(self, why: str) -> None:
        self.pass_bar.show_message(why, "warning", button="&Align Again",
                                   callback=lambda: self._pass_again(self.timing.align_pending))

    def _on_hearing_failed(self, why: str) -> None:
        self.pass_bar.show_message(why, "warning", button="&Listen Again",
                                   callback=lambda: self._pass_again(self.hearing.listen_again))

    def _pass_again(self, start) -> None:
        self.pass_bar.hide()     # shown again should this run fail too
        start()

    def _on_view_seek_requested(self, ms: int) -> None:
        self.follow.seek(ms)

    # ------------------------------------------------------------------ dialogs
    def _on_shortcuts_triggered(self) -> None:
        from editor.ui.dialogs.shortcuts_dialog import ShortcutsDialog
        dialog = ShortcutsDialog(self.action_table, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_settings_triggered(self) -> None:
        from editor.ui.dialogs.settings_dialog import SettingsDialog
        dialog = SettingsDialog(self.settings, self.action_table, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self._on_settings_accepted)
        dialog.open()

    def _on_settings_accepted(self) -> None:
        self.action_table.apply_overrides(self.settings.shortcut_overrides())
        self.view.set_reserved_shortcuts(self.action_table.reserved_keys())

    def _on_about_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from editor import __version__
        QMessageBox.about(self, f"About {APP_NAME}",
                          f"{APP_NAME} {__version__}\nTurn a speech-recognition transcript into an approved one.")

    # ------------------------------------------------------------------ state
    def _update_enabled(self, *_) -> None:
        """Every action's enabled state from its table row's condition (the only place that sets it)."""
        self.action_table.update_enabled({
            WITH_TEXT: self.files.has_transcript(), WITH_AUDIO: self.playback.has_media(),
            CAN_UNDO: self.undo_stack.canUndo(), CAN_REDO: self.undo_stack.canRedo()})

    # ------------------------------------------------------------------ edit, review, save, export
    def _connect_editing_signals(self) -> None:
        a, edits, review, project = self.action_table, self.edits, self.review, self.project
        stack = edits.stack
        a["markers_panel"].triggered.connect(self._on_markers_panel_triggered)
        stack.canUndoChanged.connect(self._update_enabled)
        stack.canRedoChanged.connect(self._update_enabled)
        edits.failed.connect(self._show_status)
        edits.message.connect(self._show_status)
        edits.split_offered.connect(self._offer_split)
        edits.split_offer_moved.connect(self._renumber_split_offer)
        review.message.connect(self._show_status)
        review.progress_changed.connect(self.review_bar.show_progress)
        review.filter_changed.connect(self.review_bar.show_filter)
        self.review_bar.filter_requested.connect(review.set_filter)
        project.title_changed.connect(self._on_project_title_changed)
        project.about_to_save.connect(review.store_position)
        project.error_occurred.connect(self._on_files_error_occurred)
        project.message.connect(self._show_status)
        project.warning.connect(lambda text: self.warning_bar.show_message(text, "warning"))

    def _offer_split(self, text: str, row: int) -> None:
        """A turn too long to edit in place: say so, with the split that makes it editable a click away
        (no *text*: a turn was split, and the offer goes)."""
        if text:
            # The turn is found again when the offer is taken: rows above it may be split or merged meanwhile.
            segment_id = self.model.segment(row).id
            self.notice_bar.show_message(text, "info", button="Split into Parts",
                                         callback=lambda: self._split_offered(segment_id, row))
            self._split_offer = text
        elif self.notice_bar.isVisible() and self.notice_bar.text() == self._split_offer:
            self.notice_bar.dismiss()

    def _renumber_split_offer(self, text: str) -> None:
        if self.notice_bar.isVisible() and self.notice_bar.text() == self._split_offer:
            self.notice_bar.set_text(text)
            self._split_offer = text

    def _split_offered(self, segment_id: str, row: int) -> None:
        row = self.model.row_of(segment_id, row)
        if row < 0:
            self._show_status("The turn offered for splitting is no longer in the transcript")
        else:
            self.edits.split_into_parts(row)

    def _show_status(self, message: str) -> None:
        self.status_messages.say(message)

    def _on_project_title_changed(self, name: str, modified: bool) -> None:
        self.setWindowTitle(f"{name}[*] — {APP_NAME}" if name else APP_NAME)
        self.setWindowModified(modified)

    @property
    def start_page(self) -> StartPage:
        """The page shown without a transcript (made the first time it is needed)."""
        if self._start_page is None:
            from editor.ui.files.start_page import StartPage
            page = self._start_page = StartPage()
            page.set_recent_files(self.files.recent_files())
            page.open_requested.connect(self._on_open_triggered)
            page.sample_requested.connect(self.open_sample)
            page.recent_requested.connect(self.open_path)
            self.stack.insertWidget(0, page)
        return self._start_page

    @property
    def marks_dock(self) -> QDockWidget:
        """The markers panel's dock (made the first time it is shown or asked for)."""
        if self._marks_dock is None:
            from editor.ui.review.marks_panel import MarksPanel
            panel = MarksPanel(self.model)
            panel.show_requested.connect(self.edits.show_mark)
            panel.remove_requested.connect(self.edits.remove_mark)
            self._marks_dock = self.dock_panel("markers", "Markers", panel)
            self._marks_dock.hide()   # shown by its action
        return self._marks_dock

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
        self.hearing.shutdown()
        self.names.shutdown()
        self.settings.set(Key.WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        self.settings.set(Key.WINDOW_STATE, saved_layout.save(self, _LAYOUT_VERSION, self.bottom_bars))
        self.settings.set(Key.OPEN_PANELS, [dock.objectName() for dock in self.findChildren(QDockWidget)
                                            if dock.isVisible() and dock.objectName() in _PANEL_ACTIONS])
        self.playback.close()
        super().closeEvent(event)

    def close_without_asking(self) -> None:
        """End the window with nobody there to answer (SIGTERM: a logout, a shutdown): unsaved work
        is kept in its recovery journal, offered at the next start; nothing else is left behind."""
        self._closing_confirmed = True
        self.close()

    def _close_confirmed(self) -> None:
        self._closing_confirmed = True
        self.close()



def _saved_theme(settings: Settings) -> Theme:
    try:
        return Theme(settings.get(Key.THEME))
    except ValueError:
        return Theme.SYSTEM


def _turns(count: int) -> str:
    return f"{count} turn{'' if count == 1 else 's'}"
