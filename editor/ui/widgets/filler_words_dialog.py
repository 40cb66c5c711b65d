"""The clean-verbatim filler list of one language, edited as text (one word or phrase a line).

Saved to the user's config folder (:func:`editor.formats.clean_verbatim.save_fillers`);
Restore Defaults puts the built-in list back in the editor. Export and Publish
both open it next to their "Clean verbatim" option.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from editor.core.errors import TranscriptError
from editor.formats.clean_verbatim import DEFAULT_FILLERS, base_language, load_fillers, save_fillers


class FillerWordsDialog(QDialog):
    def __init__(self, language: str, parent=None):
        super().__init__(parent)
        self.language = base_language(language) or "en"
        self.setWindowTitle(f"Filler Words ({self.language})")
        layout = QVBoxLayout(self)
        about = QLabel("Left out of exports when Clean verbatim is on; the project keeps every word. "
                       "One word or phrase a line. A phrase (“you know”) is left out only where commas "
                       "or a sentence end set it off.")
        about.setWordWrap(True)
        layout.addWidget(about)
        self.editor = QPlainTextEdit("\n".join(load_fillers(self.language)))
        self.editor.setAccessibleName("Filler words")
        layout.addWidget(self.editor, 1)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout.addWidget(buttons)
        self.resize(420, 380)

    def words(self) -> list[str]:
        return self.editor.toPlainText().splitlines()

    def restore_defaults(self) -> None:
        self.editor.setPlainText("\n".join(DEFAULT_FILLERS.get(self.language, ())))

    def save(self) -> None:
        try:
            save_fillers(self.language, self.words())
        except (TranscriptError, OSError) as error:
            self.error.setText(f"Not saved: {error}")
            self.error.show()
            return
        self.accept()
