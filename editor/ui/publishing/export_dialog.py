"""File ▸ Export: every writer with its options, a live preview, and a warning for unapproved turns.

The export goes beside the project as ``<stem>.<format>``; it is never proposed
over (nor allowed onto) a file the work was opened from, nor proposed over the
original transcript a project was made from (replacing that one asks first, with
a warning that names it), and replacing any other existing file is confirmed first.

The preview renders the first few turns with the options chosen (writers are
fast on a handful of segments, so it follows every change). Binary formats
(DOCX) are previewed through the plain-text writer with the same options,
which shows the same words, names, times and inaudible style.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from editor.core.errors import TranscriptError
from editor.core.transcript import ReviewStatus, Transcript
from editor.formats import all_writers, export, writer
from editor.formats.base import ExportOptions, InaudibleStyle
from editor.ui.theme import ERROR_TEXT, MESSAGE_BG, MESSAGE_BORDER
from editor.ui.widgets.button_icons import with_style_icon
from editor.ui.widgets.form_rows import buddy_label, path_row, read_only_text, with_button
from editor.ui.widgets.replace_question import ask_to_replace

PREVIEW_TURNS = 8
_STYLE_LABELS = {InaudibleStyle.REV: "[inaudible 00:12:03] (with time)",
                 InaudibleStyle.PLAIN: "[inaudible]",
                 InaudibleStyle.OMIT: "Leave out"}


def unapproved_count(transcript: Transcript) -> int:
    return sum(1 for s in transcript.segments if s.status is not ReviewStatus.APPROVED)


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


class ExportDialog(QDialog):
    def __init__(self, transcript: Transcript, source_path: str, parent=None, author: str = "",
                 inputs: tuple[str, ...] = ()):
        """*source_path*: the project (or the transcript opened); *author*: the DOCX author (from
        Settings); *inputs*: files never to write over. The transcript a project was made from
        (``meta.source_path``) is never proposed, and replacing it asks first."""
        super().__init__(parent)
        self._author = author   # DOCX properties: the name in Settings
        self.setWindowTitle("Export")
        self._transcript = transcript
        self._source = source_path
        self._inputs = tuple(p for p in (source_path, *inputs) if p)
        self._original = transcript.meta.source_path
        self._proposed = ""     # the path we last proposed (replaced when the format changes)
        self._writers = all_writers()
        self.exported_path = ""
        layout = QVBoxLayout(self)

        self.warning = QLabel()
        self.warning.setObjectName("ExportWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"#ExportWarning {{ background: {MESSAGE_BG['warning'].on().name()}; "
                                   f"border: 1px solid {MESSAGE_BORDER['warning'].on().name()};"
                                   " padding: 6px; border-radius: 3px; }")
        layout.addWidget(self.warning)
        unapproved = unapproved_count(transcript)
        self.unapproved = unapproved
        if unapproved:
            total = len(transcript.segments)
            self.warning.setText(f"⚠ {unapproved} of {total} turns are not approved yet. "
                                 "The export will include them as they are.")
        else:
            self.warning.hide()

        body = QHBoxLayout()
        layout.addLayout(body, 1)
        options = QWidget()
        form = QFormLayout(options)
        form.setContentsMargins(0, 0, 0, 0)
        self.format_box = QComboBox()
        self.format_box.setAccessibleName("Format")
        for w in self._writers:
            self.format_box.addItem(f"{w.LABEL} ({w.EXTENSION})", w.NAME)
        form.addRow(buddy_label("&Format:", self.format_box), self.format_box)
        self.style_box = QComboBox()
        self.style_box.setAccessibleName("Inaudible passages")
        self.style_box.addItem("Format default", None)
        for style, label in _STYLE_LABELS.items():
            self.style_box.addItem(label, style)
        form.addRow(buddy_label("&Inaudible:", self.style_box), self.style_box)
        self.speakers_check = QCheckBox("Speaker names")
        self.speakers_check.setChecked(True)
        self.times_check = QCheckBox("Timestamps")
        self.times_check.setChecked(True)
        form.addRow(buddy_label("I&nclude:", self.speakers_check), self.speakers_check)
        form.addRow("", self.times_check)
        self.line_chars = QSpinBox()
        self.line_chars.setRange(16, 120)
        self.line_chars.setValue(42)
        self.line_chars.setSuffix(" characters")
        self.max_lines = QSpinBox()
        self.max_lines.setRange(1, 4)
        self.max_lines.setValue(2)
        form.addRow(buddy_label("Caption &line:", self.line_chars), self.line_chars)
        form.addRow(buddy_label("Lines &per caption:", self.max_lines), self.max_lines)
        self.word_level = QCheckBox("Word-level times (when known)")
        self.word_level.setTristate(False)
        self.word_level.setChecked(True)
        form.addRow(buddy_label("&JSON:", self.word_level), self.word_level)
        self.clean_verbatim = QCheckBox("Clean verbatim (leave filler words out)")
        self.clean_verbatim.setToolTip("Uses the editable filler list for the episode's language; "
                                       "the project's text is not changed")
        form.addRow(buddy_label("&Text:", self.clean_verbatim),
                    with_button(self.clean_verbatim, "Edit List…", self._on_edit_fillers_clicked))
        self.word_timed = QCheckBox("A time before every word")
        form.addRow(buddy_label("&WebVTT:", self.word_timed), self.word_timed)
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("Export to")
        form.addRow(buddy_label("&Save to:", self.path_edit), path_row(self.path_edit, self._on_browse_clicked))
        body.addWidget(options)

        preview_box = QVBoxLayout()
        self.preview_label = QLabel(f"Preview (first {PREVIEW_TURNS} turns)")
        preview_box.addWidget(self.preview_label)
        self.preview = read_only_text("Preview", QPlainTextEdit.LineWrapMode.WidgetWidth)
        preview_box.addWidget(self.preview, 1)
        body.addLayout(preview_box, 1)

        self.error_label = QLabel()
        self.error_label.setStyleSheet(f"color: {ERROR_TEXT.on().name()};")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = with_style_icon(self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole),
                                             QStyle.StandardPixmap.SP_DialogSaveButton)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(60)
        self._preview_timer.timeout.connect(self.update_preview)
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        for signal in (self.style_box.currentIndexChanged, self.speakers_check.toggled,
                       self.times_check.toggled, self.line_chars.valueChanged, self.max_lines.valueChanged,
                       self.word_level.toggled, self.clean_verbatim.toggled, self.word_timed.toggled):
            signal.connect(self._preview_timer.start)
        self._on_format_changed()
        self.resize(900, 520)

    # ------------------------------------------------------------------ choices
    def format_name(self) -> str:
        return self.format_box.currentData()

    def options(self) -> ExportOptions:
        style = self.style_box.currentData()   # Qt hands str enums back as plain str
        return ExportOptions(
            inaudible_style=InaudibleStyle(style) if style else None,
            include_speakers=self.speakers_check.isChecked(),
            include_times=self.times_check.isChecked(),
            max_line_chars=self.line_chars.value(),
            max_lines=self.max_lines.value(),
            word_level=None if self.word_level.isChecked() else False,  # None: when words have times
            word_timed_vtt=self.word_timed.isChecked(),
            filler_words=self._fillers() if self.clean_verbatim.isChecked() else (),
            author=self._author,
        )

    def _on_edit_fillers_clicked(self) -> None:
        from editor.ui.widgets.filler_words_dialog import FillerWordsDialog
        dialog = FillerWordsDialog(self._transcript.meta.language, self)
        dialog.accepted.connect(self.update_preview)
        dialog.open()

    def _fillers(self) -> tuple[str, ...]:
        from editor.formats.clean_verbatim import load_fillers
        return load_fillers(self._transcript.meta.language)

    def _on_format_changed(self) -> None:
        chosen = writer(self.format_name())
        # Only the options the format reads are enabled: nothing looks like it does what it does not.
        for field, box in (("max_line_chars", self.line_chars), ("max_lines", self.max_lines),
                           ("include_times", self.times_check), ("word_level", self.word_level),
                           ("inaudible_style", self.style_box), ("include_speakers", self.speakers_check),
                           ("filler_words", self.clean_verbatim), ("word_timed_vtt", self.word_timed)):
            box.setEnabled(field in chosen.OPTIONS)
        default = chosen.DEFAULT_INAUDIBLE
        self.style_box.setItemText(0, f"Format default: {_STYLE_LABELS[default]}")
        self.path_edit.setText(self._suggested_path(chosen.EXTENSION))
        self.update_preview()

    def _suggested_path(self, extension: str) -> str:
        """``<stem><extension>`` in the folder of the path shown (at first: the project's), never an input."""
        current = self.path_edit.text().strip()
        # The producer's own choice of name is kept across format changes; our proposal is not.
        base = current if current and current != self._proposed else (self._source or "transcript")
        folder, name = os.path.split(base)
        stem = name.split(".")[0] or "transcript"
        candidate = os.path.join(folder, stem + extension)
        number = 1
        while self.is_input(candidate) or self.is_original(candidate):
            # The recognizer's own file (episode.txt opened, Plain text chosen): a new name beside it.
            candidate = os.path.join(folder, f"{stem}-edited{'' if number == 1 else f'-{number}'}{extension}")
            number += 1
        self._proposed = candidate
        return candidate

    def is_input(self, path: str) -> bool:
        """True when *path* is a file the work was opened from (project, transcript, audio)."""
        return any(_same_file(path, source) for source in self._inputs)

    def is_original(self, path: str) -> bool:
        """True when *path* is the transcript file the project was made from."""
        return bool(self._original) and os.path.exists(path) and _same_file(path, self._original)

    def _on_browse_clicked(self) -> None:
        chosen = writer(self.format_name())
        path, _ = QFileDialog.getSaveFileName(self, "Export to", self.path_edit.text(),
                                              f"{chosen.LABEL} (*{chosen.EXTENSION});;All files (*)")
        if path:
            self.path_edit.setText(path)

    # ------------------------------------------------------------------ preview and export
    def preview_text(self) -> str:
        chosen = writer(self.format_name())
        head = Transcript(self._transcript.meta, self._transcript.speakers,
                          self._transcript.segments[:PREVIEW_TURNS], self._transcript.chapters)
        if chosen.BINARY:
            chosen = writer("txt")
        content = chosen.write(head, self.options())
        return content if isinstance(content, str) else content.decode("utf-8", "replace")

    def update_preview(self) -> None:
        self._preview_timer.stop()
        try:
            text = self.preview_text()
        except (TranscriptError, ValueError) as error:
            text = f"(no preview: {error})"
        binary = writer(self.format_name()).BINARY
        self.preview_label.setText(f"Preview (first {PREVIEW_TURNS} turns" +
                                   (", shown as text)" if binary else ")"))
        self.preview.setPlainText(text)

    def export(self, replace: bool = False) -> bool:
        """Write the export; False when it could not, or when it first asks to replace a file."""
        path = self.path_edit.text().strip()
        if not path:
            self._show_error("Choose where to save the export.")
            return False
        if self.is_input(path):
            self._show_error(f"{Path(path).name} is a file this work was opened from; an export never "
                             "replaces it. Choose another name.")
            return False
        if os.path.exists(path) and not replace:
            if self.is_original(path):
                self._ask_to_replace(path, "Replace the original transcript?",
                                     f"{Path(path).name} is the original transcript this project was made "
                                     "from (the recognizer's text). Replacing it with this export loses that "
                                     "text for good. Replace it anyway?")
            else:
                self._ask_to_replace(path)
            return False
        try:
            export(self._transcript, path, self.format_name(), self.options())
        except TranscriptError as error:
            self._show_error(str(error))
            return False
        self.exported_path = str(Path(path).resolve())
        self.accept()
        return True

    def _ask_to_replace(self, path: str, title: str = "Replace the file?", text: str = "") -> None:
        text = text or f"{Path(path).name} already exists in {Path(path).parent}. Replace it with this export?"
        def answered(replace: bool) -> None:
            if replace:
                self.export(replace=True)

        ask_to_replace(self, title, text, answered)

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
