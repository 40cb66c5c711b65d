"""A glossary suggestions panel with its first scan listed, as the window's glossary controller has it."""

from __future__ import annotations

from editor.core.glossary import Glossary
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.names.glossary_scan import GlossaryScan
from editor.ui.names.glossary_suggestions import SuggestionsPanel


def scanned_panel(qtbot, model: TranscriptModel, glossary: Glossary) -> SuggestionsPanel:
    """The panel over a scan of *model* for *glossary*'s names, once that scan has been listed."""
    scan = GlossaryScan(model)
    panel = SuggestionsPanel(model, glossary, scan)
    qtbot.addWidget(panel)
    scan.finished.connect(panel.show_scan)
    with qtbot.waitSignal(panel.scan_finished, timeout=10_000):
        panel.start_scan()
    return panel
