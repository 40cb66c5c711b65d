"""The find / replace panel (Ctrl+F / Ctrl+H): options, scope, results with context and time.

It reads the transcript through the window's :class:`TranscriptModel` and never changes it:
choosing a result emits :attr:`FindPanel.match_chosen` (the window selects the text and
seeks), and Replace / Replace all emit :attr:`FindPanel.replace_requested` with a span list
the window applies as ONE undo step (``ops.replace_spans`` inside one QUndoCommand).
Results refresh by themselves after the transcript changes (debounced).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from editor.core.search import (
    FindOptions,
    ListedPlaces,
    Match,
    Places,
    Scope,
    ScopeKind,
    SearchError,
    find_all,
    find_places,
    places_after_edit,
    replace_all_spans,
    replacement_for,
    rows_to_search_again,
    time_at,
)
from editor.core.timecode import format_clock
from editor.ui.process_tuning import collection_paused
from editor.ui.theme import ERROR_TEXT
from editor.ui.widgets.scoped_shortcut import scoped_shortcut

CONTEXT_COLUMN = 2
MAX_LISTED = 5000  # results listed; Replace all still covers every match
MAX_KEPT = 50_000  # places of a plain search kept for Replace all (more: it searches again)

_NO_PARENT = QModelIndex()   # a list model's rows hang off the invalid root index


class ResultsModel(QAbstractTableModel):
    """Matches as rows: time, speaker, context (the match drawn bold by :class:`ContextDelegate`)."""

    HEADERS = ("Time", "Speaker", "Context")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.matches: Sequence[Match] = []
        self._speaker_of: Callable[[int], str] = lambda row: ""
        self._time_of: Callable[[Match], int | None] = lambda match: match.time_ms
        self._times: dict[int, int | None] = {}

    def set_matches(self, matches: Sequence[Match], speaker_of: Callable[[int], str] = lambda row: "",
                    time_of: Callable[[Match], int | None] | None = None) -> None:
        """*speaker_of* names the speaker of listed row *row*, and *time_of* times a match, when its
        row is shown or chosen (timing reads the turn's words: thousands listed after an undo of
        Replace all would make every listed turn's words); *matches* may make each when asked too
        (:class:`ListedPlaces`)."""
        self.beginResetModel()
        self.matches, self._speaker_of = matches, speaker_of
        self._time_of = time_of or (lambda match: match.time_ms)
        self._times = {}
        self.endResetModel()

    def time_ms(self, row: int) -> int | None:
        if row not in self._times:
            self._times[row] = self._time_of(self.matches[row])
        return self._times[row]

    def rowCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.matches)

    def columnCount(self, parent=_NO_PARENT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        match = self.matches[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return format_clock(self.time_ms(index.row()))
            if index.column() == 1:
                return self._speaker_of(index.row())
            return match.context
        if role == Qt.ItemDataRole.UserRole:
            return match
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == CONTEXT_COLUMN:
            return match.context
        return None


class ContextDelegate(QStyledItemDelegate):
    """Paints a context snippet with the matched text in bold."""

    def __init__(self, start_of, length_of, parent=None):
        super().__init__(parent)
        self._start_of, self._length_of = start_of, length_of

    def paint(self, painter, option, index) -> None:
        value = index.data(Qt.ItemDataRole.UserRole)
        if value is None:
            return super().paint(painter, option, index)
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else QStyle()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        start, length = self._start_of(value), self._length_of(value)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setPen(option.palette.color(role))
        rect = option.rect.adjusted(4, 0, -4, 0)
        bold = QFont(option.font)
        bold.setBold(True)
        x = rect.left()
        for piece, font in ((text[:start], option.font), (text[start:start + length], bold),
                            (text[start + length:], option.font)):
            if not piece or x >= rect.right():
                continue
            metrics = QFontMetrics(font)
            painter.setFont(font)
            shown = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, rect.right() - x)
            painter.drawText(QRect(x, rect.top(), rect.right() - x, rect.height()),
                             int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown)
            x += metrics.horizontalAdvance(shown)
        painter.restore()


class FindPanel(QWidget):
    """Find and replace over the whole transcript; emits intent, never edits."""

    match_chosen = Signal(int, int, int, int)     # segment index, start, end, time ms (-1: untimed)
    # [ReplaceSpan], undo text ("Replace All ‘a’ → ‘b’ (12)"); object, not list: a list would be copied
    # into a QVariantList and back (~4 ms for the 7,000 spans of a Replace all)
    replace_requested = Signal(object, str)
    close_requested = Signal()

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self._model = model
        self._selection: frozenset[int] = frozenset()
        self._stale = False
        self._pending_row: int | None = None   # set by Replace: the row whose next match to offer
        # What the last Replace all did ("Replaced 12 occurrences"): later refreshes of the list
        # (any edit re-searches) keep saying it rather than "No matches" of the replaced word,
        # until the producer searches for something else.
        self._replaced = ""
        # The places the last search found, with the options and scope it searched (None when it
        # was a regex, or found too many to keep): Replace all of the same search in the same,
        # unchanged transcript replaces them without searching again.
        self._found: tuple[FindOptions, Scope, Places] | None = None
        # The rows edits changed since that search (None: unknown, rows came or went, or a new
        # transcript): a refresh searches only them, the rest of the list still holds.
        self._changed_rows: set[int] | None = None
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.search)
        self._build()
        self._connect()
        self.show_find()

    # ------------------------------------------------------------------ building

    def keyPressEvent(self, event) -> None:
        # Window shortcuts only fire in the active window; Esc reaching the panel as a plain key
        # (e.g. while the window is not yet active) closes it just the same.
        if event.key() == Qt.Key.Key_Escape:
            self.close_requested.emit()
            return
        super().keyPressEvent(event)

    def _build(self) -> None:
        self.find_edit = QLineEdit(placeholderText="Find", clearButtonEnabled=True)
        self.find_edit.setAccessibleName("Find")
        self.replace_edit = QLineEdit(placeholderText="Replace with", clearButtonEnabled=True)
        self.replace_edit.setAccessibleName("Replace with")
        self.match_case = QCheckBox("Match &case")
        self.whole_word = QCheckBox("&Whole word")
        self.regex = QCheckBox("Rege&x")
        self.keep_case = QCheckBox("&Keep case")
        self.keep_case.setToolTip("The replacement follows the case of what it replaces (name → NAME in capitals)")
        # Underlined letters no menu (Alt+F: File, Alt+I: Timing) nor the glossary suggestions beside takes:
        # a letter taken twice makes Qt do neither. Find needs none: Enter in the field finds.
        self.include_marks = QCheckBox("Inside inaudi&ble marks")
        self.include_marks.setToolTip("Also search inside [inaudible], [crosstalk] and unclear passages")
        self.scope = QComboBox()
        self.scope.setAccessibleName("Scope")
        self.find_button = QPushButton("Find")
        # Every letter of "Replace" is taken (Alt+R: the Review menu, A: the suggestions' Apply, …):
        # Enter in the Replace field replaces, as Enter in the Find field finds.
        self.replace_button = QPushButton("Replace")
        self.replace_button.setToolTip("Replace the chosen match and go to the next (Enter in the Replace field)")
        self.replace_all_button = QPushButton("Replace a&ll")
        self.close_button = QPushButton("✕")
        self.close_button.setFlat(True)
        self.close_button.setToolTip("Close (Esc)")
        self.close_button.setFixedWidth(28)
        self.status = QLabel("")
        self.status.setAccessibleName("Find status")
        self.results = ResultsModel(self)
        self.table = QTableView()
        self.table.setModel(self.results)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # Fit the columns to the rows in view, not to the first 1,000 (Qt's default): a
        # refresh after an undo lists thousands of matches, and sizing them took ~0.1 s.
        header.setResizeContentsPrecision(0)
        self.table.setItemDelegateForColumn(CONTEXT_COLUMN, ContextDelegate(
            lambda m: m.context_start, lambda m: len(m.text), self.table))

        fields = QGridLayout()
        fields.addWidget(QLabel("Find:"), 0, 0)
        fields.addWidget(self.find_edit, 0, 1)
        fields.addWidget(self.find_button, 0, 2)
        fields.addWidget(self.close_button, 0, 3)
        self.replace_label = QLabel("Replace:")
        fields.addWidget(self.replace_label, 1, 0)
        fields.addWidget(self.replace_edit, 1, 1)
        replace_buttons = QHBoxLayout()
        replace_buttons.addWidget(self.replace_button)
        replace_buttons.addWidget(self.replace_all_button)
        fields.addLayout(replace_buttons, 1, 2, 1, 2)
        options = QHBoxLayout()
        for box in (self.match_case, self.whole_word, self.regex, self.keep_case, self.include_marks):
            options.addWidget(box)
        options.addStretch(1)
        options.addWidget(QLabel("In:"))
        options.addWidget(self.scope)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(fields)
        layout.addLayout(options)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        # Tab from the find text goes to the replacement (the layout's order would stop on the
        # Find button first, and a replacement typed after Tab was lost); Enter already finds.
        self.setTabOrder(self.find_edit, self.replace_edit)
        self.fill_scopes()

    def _connect(self) -> None:
        self.find_edit.textChanged.connect(self._on_query_changed)
        for box in (self.match_case, self.whole_word, self.regex, self.include_marks):
            box.toggled.connect(self._on_query_changed)
        self.scope.currentIndexChanged.connect(self._on_query_changed)
        self.find_edit.returnPressed.connect(self.next_result)
        self.find_button.clicked.connect(self.next_result)
        self.replace_edit.returnPressed.connect(self.replace_current)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_requested)
        self.table.clicked.connect(self._on_table_clicked)
        self.table.activated.connect(self._on_table_clicked)
        scoped_shortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_requested.emit,
                        Qt.ShortcutContext.WidgetWithChildrenShortcut)
        scoped_shortcut(QKeySequence("Shift+Return"), self.find_edit, self.previous_result,
                        Qt.ShortcutContext.WidgetShortcut)
        self._model.committed.connect(self._note_changed_rows)
        self._model.derived.connect(self._note_changed_rows)
        self._model.transcript_changed.connect(self._on_transcript_changed)
        self._model.modelReset.connect(self._forget_changed_rows)
        self._model.modelReset.connect(self._on_transcript_changed)
        self._model.speakers_changed.connect(self.fill_scopes)

    # ------------------------------------------------------------------ public API
    def show_find(self) -> None:
        """Ctrl+F: the find row only, focus in the find field with its text selected."""
        self._set_replace_visible(False)
        self._focus_find()

    def show_replace(self) -> None:
        """Ctrl+H: find and replace rows."""
        self._set_replace_visible(True)
        self._focus_find()

    def set_find_text(self, text: str) -> None:
        """Prefill the find field (e.g. with the editor's selected text)."""
        if text and "\n" not in text:
            self.find_edit.setText(text)

    def set_selection(self, rows) -> None:
        """The rows the "Selection" scope means (the window passes the view's selected turns)."""
        self._selection = frozenset(rows)
        if self.current_scope().kind is ScopeKind.SELECTION:
            self._schedule()

    def options(self) -> FindOptions:
        return FindOptions(self.find_edit.text(), self.match_case.isChecked(), self.whole_word.isChecked(),
                           self.regex.isChecked(), self.keep_case.isChecked(), self.include_marks.isChecked())

    def current_scope(self) -> Scope:
        data = self.scope.currentData()
        if data == "selection":
            return Scope.selection(self._selection)
        if data == "unreviewed":
            return Scope.unreviewed()
        if isinstance(data, tuple):
            return Scope.speaker(data[1])
        return Scope.all()

    def fill_scopes(self) -> None:
        """All / Selection / Unreviewed / one entry per speaker."""
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem("Whole transcript", "all")
        self.scope.addItem("Selected turns", "selection")
        self.scope.addItem("Unreviewed turns", "unreviewed")
        for speaker in self._model.transcript.speakers.values():
            self.scope.addItem(f"Speaker: {speaker.name}", ("speaker", speaker.id))
        at = self.scope.findData(current)
        self.scope.setCurrentIndex(max(0, at))
        self.scope.blockSignals(False)

    # ------------------------------------------------------------------ searching
    def search(self, within: Iterable[int] | None = None) -> Sequence[Match]:
        """Run the search now and fill the results list (*within*: the only rows of the scope that
        can match, e.g. after Replace all the rows it found something in; the others need no search).
        After edits that changed some rows only, only those are searched again."""
        self._timer.stop()
        self._stale = False
        transcript = self._model.transcript
        scope = self.current_scope()
        options = self.options()
        listed, self._found = self._found, None
        changed, self._changed_rows = self._changed_rows, set()
        found: Sequence[Match]
        try:
            searched = scope if within is None else Scope.selection(within)
            places = None
            if within is None and listed is not None and changed is not None and listed[:2] == (options, scope):
                places = places_after_edit(transcript, options, scope, listed[2], changed, limit=MAX_KEPT)
            if places is None:
                places = find_places(transcript, options, searched, limit=MAX_KEPT)
            if places is None:
                found = find_all(transcript, options, searched, limit=MAX_LISTED + 1, timed=False)
                more = len(found) > MAX_LISTED
                found = found[:MAX_LISTED]
            else:
                more = len(places.rows) > MAX_LISTED
                found = places.listing(transcript, MAX_LISTED)
                # Found within rows outside of which the scope has no match: the places of the scope.
                self._found = (options, scope, places) if places.complete else None
        except SearchError as error:
            self.results.set_matches([])
            self._show_status(str(error), error=True)
            return []
        self.results.set_matches(found, self._speaker_namer(found), self._time_of)
        if more:
            self._show_status(f"More than {MAX_LISTED} matches; the first {MAX_LISTED} are listed")
        elif self._replaced and not found:
            self._show_status(self._replaced)
        elif self.find_edit.text():
            self._replaced = ""   # the word is back (an undo): its count says more now
            self._show_status(_matches(len(found)) if found else "No matches")
        else:
            self._show_status("")
        self._update_buttons()
        return found

    def next_result(self) -> None:
        self._step(1)

    def previous_result(self) -> None:
        self._step(-1)

    def choose(self, row: int) -> None:
        """Select result *row* and tell the window to show and play it."""
        if not 0 <= row < self.results.rowCount():
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.results.index(row, 0))
        match = self.results.matches[row]
        time_ms = self.results.time_ms(row)
        self.match_chosen.emit(match.index, match.start, match.end, time_ms if time_ms is not None else -1)

    # ------------------------------------------------------------------ replacing
    def replace_current(self) -> None:
        """Replace the chosen result (or the first one) and move on to the next."""
        if self._stale or not self.results.matches:
            self.search()
        if not self.results.matches:
            return
        row = max(0, self._current_row())
        options = self.options()
        try:
            span = replacement_for(self._model.transcript, self.results.matches[row], options,
                                   self.replace_edit.text())
        except SearchError as error:
            self._show_status(str(error), error=True)
            return
        self._pending_row = row
        self.replace_requested.emit([span], f"Replace “{options.pattern}” → “{self.replace_edit.text()}”")

    def replace_all(self) -> int:
        """Emit every replacement in scope as one span list; returns how many."""
        with collection_paused():   # thousands of spans, new texts and undo records, all kept
            return self._replace_all()

    def _replace_all(self) -> int:
        options, scope = self.options(), self.current_scope()
        matched_rows: set[int] = set()
        # The places listed, when they are of this search in the transcript as it is now.
        listed = self._found if not self._stale and not self._timer.isActive() else None
        places = listed[2] if listed is not None and listed[:2] == (options, scope) else None
        try:
            spans = replace_all_spans(self._model.transcript, options, self.replace_edit.text(),
                                      scope, matched_rows, places)
        except SearchError as error:
            self._show_status(str(error), error=True)
            return 0
        self._stale = False     # until the transcript changes: the replacement was made
        if spans:
            self.replace_requested.emit(spans, f"Replace All “{options.pattern}” → “{self.replace_edit.text()}” "
                                               f"({len(spans)})")
        # What is left to find is in the rows just searched (a replacement may hold the pattern
        # again, or change nothing), often in none of them; the rest of the episode had no match
        # and was not changed.
        if self._stale:
            matched_rows = rows_to_search_again(self._model.transcript, options, self.replace_edit.text(),
                                                matched_rows)
        replaced = f"Replaced {len(spans)} occurrence{'s' if len(spans) != 1 else ''}"
        self._replaced = replaced
        left = self.search(within=matched_rows)
        if left:   # the replacement holds the pattern again
            self._show_status(f"{replaced}; {_matches(len(left))} left")
        return len(spans)

    # ------------------------------------------------------------------ internals
    def _set_replace_visible(self, visible: bool) -> None:
        for widget in (self.replace_label, self.replace_edit, self.replace_button, self.replace_all_button,
                       self.keep_case):
            widget.setVisible(visible)

    def _focus_find(self) -> None:
        if self._stale and self.find_edit.text():
            self.search()   # edits made while the panel was hidden
        self.find_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_edit.selectAll()

    def _schedule(self) -> None:
        self._timer.start()

    def _on_query_changed(self, *_args) -> None:
        self._replaced = ""   # a new search: its own count, not what the last Replace all did
        self._schedule()

    def _current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _step(self, direction: int) -> None:
        if self._stale or self._timer.isActive() or not self.results.matches:
            self.search()
        count = self.results.rowCount()
        if count:
            self.choose((self._current_row() + direction) % count if self._current_row() >= 0
                        else (0 if direction > 0 else count - 1))

    def _on_table_clicked(self, index: QModelIndex) -> None:
        self.choose(index.row())

    def _on_transcript_changed(self) -> None:
        # A search walks the whole episode (~15 ms on 10 hours): never per keystroke. Only a
        # Replace from this panel re-searches at once (to offer the next match); other edits
        # refresh a visible list after a pause, and a hidden panel catches up when shown.
        self._stale = True
        if not self.find_edit.text():
            return
        row, self._pending_row = self._pending_row, None
        if row is not None:
            self.search()
            if self.results.rowCount():
                self.choose(min(row, self.results.rowCount() - 1))
        elif self.isVisible():
            self._schedule()

    def _note_changed_rows(self, commit) -> None:
        if self._changed_rows is None:
            return
        for change in commit.changes:
            if change.moves_rows() or change.speakers:
                self._changed_rows = None
                return
            self._changed_rows.update(change.rows)

    def _forget_changed_rows(self) -> None:
        self._changed_rows = None

    def _speaker_namer(self, found: Sequence[Match]) -> Callable[[int], str]:
        """Names the speaker of a listed row when it is shown (as the turn and its speaker were
        when found)."""
        transcript = self._model.transcript
        names = {speaker: transcript.speaker_name(speaker) for speaker in transcript.speakers}
        if isinstance(found, ListedPlaces):
            ids: Callable[[int], str | None] = found.speaker_id
        else:
            ids = [transcript.segments[match.index].speaker_id for match in found].__getitem__
        return lambda row: names.get(ids(row)) or transcript.speaker_name(ids(row))

    def _time_of(self, match: Match) -> int | None:
        """Where a listed match plays from (its word's start when timed, else its turn's start)."""
        segments = self._model.transcript.segments
        return time_at(segments[match.index], match.start) if 0 <= match.index < len(segments) else None

    def _update_buttons(self) -> None:
        has = bool(self.results.matches)
        self.replace_button.setEnabled(has)
        self.replace_all_button.setEnabled(has)

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {ERROR_TEXT.on(self.palette()).name()};" if error else "")

    def sizeHint(self) -> QSize:
        return QSize(640, 260)


def _matches(count: int) -> str:
    return f"{count} match{'es' if count != 1 else ''}"
