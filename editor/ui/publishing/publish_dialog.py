"""File ▸ Publish…: the formats, where the files will be served, the language and the folder;
what stands in the way (unapproved, untimed, overlapping turns); the feed tags to paste.

The files are written by :func:`editor.publish.publish`, the code behind
``transcript-editor publish``, on a worker thread from a snapshot of the
transcript (the dialog is window-modal, so nothing changes meanwhile, and the
window keeps painting). Unlike the command line, problems only warn: the
producer sees them and decides. Files in the folder that the last publish did
not write as they are now (edited by hand) are replaced only once the producer
says so: the worker finds them after rendering, before writing anything, and
the dialog asks.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QThread, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from editor.core.errors import TranscriptError
from editor.core.show_guess import guess_show
from editor.core.transcript import Transcript
from editor.formats.base import ExportOptions
from editor.publish import (
    PUBLISH_FORMATS,
    PublishCancelled,
    Published,
    WouldReplaceChanged,
    check,
    episode_file_stem,
    plan_tags,
    publish,
)
from editor.publish.language import default_language, transcript_texts
from editor.settings import Key, Settings
from editor.ui.widgets.button_icons import with_style_icon
from editor.ui.widgets.form_rows import path_row, read_only_text, with_button
from editor.ui.widgets.replace_question import ask_to_replace

_WARNING_STYLE = ("#PublishWarning { background: #fff3cd; color: #3b2f00; border: 1px solid #e0c060;"
                  " padding: 6px; border-radius: 3px; }")
_READY_STYLE = ("#PublishWarning { background: #e3f4e8; color: #123d22; border: 1px solid #8cc9a0;"
                " padding: 6px; border-radius: 3px; }")


class PublishWorker(QThread):
    """Renders and writes the files off the GUI thread (a 10-hour episode takes a few seconds)."""

    published = Signal(object)     # Published
    failed = Signal(str)
    would_replace = Signal(list)   # the changed files (Path) in the way; nothing was written
    cancelled = Signal()
    progressed = Signal(int, int)  # files rendered, files in all

    def __init__(self, transcript: Transcript, folder: str, kwargs: dict, parent=None):
        super().__init__(parent)
        self._transcript, self._folder, self._kwargs = transcript, folder, kwargs
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self._stop.is_set()

    def run(self) -> None:
        try:
            self.published.emit(publish(self._transcript, self._folder, progress=self._progress, **self._kwargs))
        except PublishCancelled:
            self.cancelled.emit()
        except WouldReplaceChanged as error:
            self.would_replace.emit(error.files)
        except (TranscriptError, ValueError) as error:
            self.failed.emit(str(error))


class _WholeScrollArea(QScrollArea):
    """A scroll area that asks for all of its content's height (a plain one caps its wish at 24 lines),
    so it scrolls only when the screen is too small for it."""

    def sizeHint(self) -> QSize:
        content = self.widget()
        inner = content.sizeHint() if content is not None else QSize()
        frame = 2 * self.frameWidth()
        return QSize(inner.width() + frame, inner.height() + frame)


class PublishDialog(QDialog):
    def __init__(self, transcript: Transcript, source_path: str, audio_path: str, settings: Settings,
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle("Publish")
        self._transcript = transcript
        self._source = source_path
        self._audio = audio_path
        self._settings = settings
        self._stem = episode_file_stem(transcript, Path(source_path).name.split(".")[0] if source_path else "")
        self.worker: PublishWorker | None = None
        self.last_published: Published | None = None
        # What the publish under way came to (its files, or why there are none): said once its worker
        # has ended, so the result never shows beside a progress still on show and Publish still off.
        self._outcome: Published | str | None = None
        layout = QVBoxLayout(self)
        # The warning and the choices scroll, so that on a small screen (1024×600) the tags, the status
        # line and the buttons below them stay in view however many problems the warning lists.
        choices = QWidget()
        choices_layout = QVBoxLayout(choices)
        choices_layout.setContentsMargins(0, 0, 0, 0)
        self.choices_area = _WholeScrollArea()
        self.choices_area.setWidgetResizable(True)
        self.choices_area.setFrameShape(QFrame.Shape.NoFrame)
        self.choices_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.choices_area.setWidget(choices)
        layout.addWidget(self.choices_area)

        self.warning = QLabel()
        self.warning.setObjectName("PublishWarning")
        self.warning.setWordWrap(True)
        choices_layout.addWidget(self.warning)
        self.readiness = check(transcript)
        self._show_readiness()

        form = QFormLayout()
        boxes = QWidget()
        grid = QGridLayout(boxes)
        grid.setContentsMargins(0, 0, 0, 0)
        chosen = set(settings.get(Key.PUBLISH_FORMATS)) or {f.name for f in PUBLISH_FORMATS}
        self.format_checks: dict[str, QCheckBox] = {}
        for number, spec in enumerate(PUBLISH_FORMATS):
            box = QCheckBox(f"{spec.label} ({spec.extension})")
            box.setChecked(spec.name in chosen)
            box.setToolTip(f'<podcast:transcript type="{spec.mime}"'
                           + (' rel="captions"' if spec.captions else "") + ">")
            grid.addWidget(box, number // 2, number % 2)
            self.format_checks[spec.name] = box
        form.addRow("Formats:", boxes)
        self.base_url = QLineEdit(settings.get(Key.PUBLISH_BASE_URL))
        self.base_url.setPlaceholderText("https://example.com/episodes/12 (where the files will be served)")
        self.base_url.setAccessibleName("Base URL")
        form.addRow("Base URL:", self.base_url)
        self._show = guess_show(source_path).name if source_path else ""
        code, where = default_language(transcript.meta.language, self._last_language(), transcript_texts(transcript))
        self.language = QLineEdit(code)
        if where:
            self.language.setToolTip(f"The language the feed tags name (this one from {where})")
        self.language.setPlaceholderText("en, en-US, de, …")
        self.language.setAccessibleName("Language")
        form.addRow("Language:", self.language)
        self.clean_verbatim = QCheckBox("Clean verbatim (leave filler words out)")
        self.word_timed = QCheckBox("Word-timed WebVTT (a time before every word)")
        form.addRow("Options:", with_button(self.clean_verbatim, "Edit List…", self._on_edit_fillers_clicked))
        form.addRow("", self.word_timed)
        self.folder = QLineEdit(self._default_folder())
        self.folder.setAccessibleName("Folder")
        form.addRow("Folder:", path_row(self.folder, self._on_browse_clicked))
        choices_layout.addLayout(form)

        tags_head = QHBoxLayout()
        tags_head.addWidget(QLabel("Feed tags to paste into the episode's <item>:"), 1)
        self.copy_button = QPushButton("Copy")
        self.copy_button.setToolTip("Copy the tags to the clipboard")
        self.copy_button.clicked.connect(self.copy_tags)
        tags_head.addWidget(self.copy_button)
        layout.addLayout(tags_head)
        # Wrapped to the box (a long address anywhere), so that no tag has to be scrolled to sideways.
        self.tags = read_only_text("Feed tags", QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.tags.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.tags.setMinimumHeight(self.tags.fontMetrics().lineSpacing() * 4)
        layout.addWidget(self.tags, 1)

        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop before any file is written")
        self.cancel_button.clicked.connect(self.cancel_publish)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_row = QWidget()
        self.progress_row.setLayout(progress_row)
        self.progress_row.hide()
        layout.addWidget(self.progress_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.publish_button = with_style_icon(self.buttons.addButton("Publish", QDialogButtonBox.ButtonRole.ApplyRole),
                                              QStyle.StandardPixmap.SP_DialogSaveButton)
        self.publish_button.clicked.connect(self.start_publish)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Enter publishes. Made default once inside the dialog: a button not yet in one is default for
        # nobody, and the dialog would take the first button it finds (Edit List…) as its default.
        self.publish_button.setDefault(True)

        self._preview_timer = QTimer(self, singleShot=True, interval=150)
        self._preview_timer.timeout.connect(self.update_tags)
        for box in self.format_checks.values():
            box.toggled.connect(self._on_choice_changed)
        self.base_url.textChanged.connect(self._on_choice_changed)
        self.language.textChanged.connect(self._on_choice_changed)
        self.update_tags()
        self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """Room for everything on a laptop; no taller or wider than the screen's free area (the title
        bar takes some 40 pixels of it)."""
        width, height = 820, 680
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            width, height = min(width, screen.width()), min(height, screen.height() - 40)
        self.resize(width, height)

    # ------------------------------------------------------------------ choices
    def formats(self) -> list[str]:
        return [name for name, box in self.format_checks.items() if box.isChecked()]

    def choices(self) -> ExportOptions:
        from editor.formats.clean_verbatim import load_fillers
        language = self.language.text().strip()
        return ExportOptions(word_timed_vtt=self.word_timed.isChecked(), author=self._settings.get(Key.REVIEWER_NAME),
                             filler_words=load_fillers(language) if self.clean_verbatim.isChecked() else ())

    def _last_language(self) -> str:
        """The language last published for this show, else for any show."""
        languages = self._settings.get(Key.PUBLISH_LANGUAGES)
        return str(languages.get(self._show) or languages.get("") or "")

    def _remember_language(self) -> None:
        language = self.language.text().strip()
        if language:
            languages = self._settings.get(Key.PUBLISH_LANGUAGES)
            languages[self._show] = languages[""] = language
            self._settings.set(Key.PUBLISH_LANGUAGES, languages)

    def _on_edit_fillers_clicked(self) -> None:
        from editor.ui.widgets.filler_words_dialog import FillerWordsDialog
        dialog = FillerWordsDialog(self.language.text(), self)
        dialog.open()

    def _default_folder(self) -> str:
        base = os.path.dirname(os.path.abspath(self._source)) if self._source else os.path.expanduser("~")
        return os.path.join(base, f"{self._stem}-published")

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Publish into", self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _show_readiness(self) -> None:
        problems = [_sentence(problem) for problem in self.readiness.problems(self._transcript)]
        notes = "".join(f"\nℹ {_sentence(note)}" for note in self.readiness.notes(self._transcript))
        if problems:
            self.warning.setText("⚠ " + "\n⚠ ".join(problems) + notes + "\nYou can publish anyway; the files "
                                 "say what the transcript says now.")
            self.warning.setStyleSheet(_WARNING_STYLE)
        else:
            self.warning.setText("✓ Every turn is approved and timed, with no overlaps." + notes)
            self.warning.setStyleSheet(_READY_STYLE)

    # ------------------------------------------------------------------ tags
    def _on_choice_changed(self, *_) -> None:
        self.last_published = None   # the tags shown are a preview again until the next publish
        self._preview_timer.start()

    def update_tags(self) -> None:
        if self.last_published is not None:
            return   # the tags shown are the ones written, until a choice changes
        formats = self.formats()
        try:
            text = plan_tags(self._transcript, formats, self.base_url.text(), self.language.text(), self._stem)
        except ValueError as error:
            self.status.setText(_sentence(str(error)))
            self.publish_button.setEnabled(False)
            return
        self.status.setText("" if formats else "Choose at least one format.")
        self.publish_button.setEnabled(bool(formats) and self.worker is None)
        self.tags.setPlainText(text)

    def copy_tags(self) -> None:
        QGuiApplication.clipboard().setText(self.tags.toPlainText())
        self.status.setText("Feed tags copied.")

    # ------------------------------------------------------------------ publishing
    def _inputs(self) -> list[str]:
        """Files a published one must never replace: the document, its audio, the transcript it came from."""
        return [p for p in (self._source, self._audio, self._transcript.meta.source_path) if p]

    def start_publish(self, replace_changed: bool = False) -> None:
        from editor.session.snapshot_capture import capture
        folder = self.folder.text().strip()
        if not folder or not self.formats() or self.worker is not None:
            return
        kwargs = dict(formats=self.formats(), base_url=self.base_url.text(), language=self.language.text(),
                      choices=self.choices(), inputs=self._inputs(),
                      stem=self._stem, replace_changed=replace_changed)
        self._settings.set(Key.PUBLISH_BASE_URL, self.base_url.text().strip())
        self._settings.set(Key.PUBLISH_FORMATS, self.formats())
        self._remember_language()
        self._preview_timer.stop()
        self.publish_button.setEnabled(False)
        self.status.setText("Publishing…")
        self._outcome = None
        self.worker = PublishWorker(capture(self._transcript).thaw(), folder, kwargs, self)
        self.worker.published.connect(self._on_worker_published)
        self.worker.failed.connect(self._on_worker_failed)
        self.worker.would_replace.connect(self._on_worker_would_replace)
        self.worker.cancelled.connect(self._on_worker_cancelled)
        self.worker.progressed.connect(self._on_worker_progressed)
        worker = self.worker
        worker.finished.connect(lambda: self._on_worker_finished(worker))
        self.progress.setValue(0)
        self.progress_row.show()
        self.worker.start()

    def cancel_publish(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.status.setText("Stopping…")

    def _on_worker_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_worker_cancelled(self) -> None:
        self._outcome = "Publishing stopped; no file was written."

    def _on_worker_published(self, published: Published) -> None:
        self._outcome = published

    def _on_worker_failed(self, message: str) -> None:
        self._outcome = f"Not published: {message}"

    def _show_published(self, published: Published) -> None:
        self.last_published = published
        self.tags.setPlainText(published.tags)
        names = ", ".join(item.path.name for item in published.files)
        cleanup = published.cleanup_note()
        self.status.setText(f"Published into {published.folder}: {names} and {published.tags_path.name}. "
                            "Upload the files to the base URL and paste the tags into the feed."
                            + (f" {cleanup}" if cleanup else ""))

    def _on_worker_would_replace(self, files: list[Path]) -> None:
        if self.worker is not None:   # it has nothing left to do: end it now, so Replace can start the next
            self.worker.wait()
            self._on_worker_finished(self.worker)
        self.status.setText("Not published yet: files in the folder were changed since the last publish.")
        names = "\n".join(f"• {path.name}" for path in files)
        one = len(files) == 1
        text = (f"{'This file' if one else 'These files'} in {files[0].parent} "
                f"{'was' if one else 'were'} changed since the last publish there, or not written by "
                f"Transcript Editor:\n\n{names}\n\nPublishing replaces {'it' if one else 'them'}, and "
                f"{'its' if one else 'their'} changes are lost. Replace {'it' if one else 'them'}?")
        def answered(replace: bool) -> None:
            if replace:
                self.start_publish(replace_changed=True)
            else:
                self.status.setText("Not published: the changed files were kept.")

        ask_to_replace(self, "Replace changed files?", text, answered)

    def _on_worker_finished(self, worker: PublishWorker) -> None:
        if worker is not self.worker:
            return   # already seen off (asking to replace files waits for its worker to end)
        self.worker = None
        self.progress_row.hide()
        self.publish_button.setEnabled(bool(self.formats()))
        # The worker's outcome arrives (queued from its thread) before its end does: said only now.
        outcome, self._outcome = self._outcome, None
        if isinstance(outcome, Published):
            self._show_published(outcome)
        elif outcome is not None:
            self.status.setText(outcome)

    def done(self, code: int) -> None:
        if self.worker is not None:
            self.worker.cancel()   # closing stops a publish still rendering; writes under way finish
            self.worker.wait()
        super().done(code)


def _sentence(text: str) -> str:
    """*text* with a capital first letter (str.capitalize would lower-case "URL" and the user's value)."""
    return text[:1].upper() + text[1:]
