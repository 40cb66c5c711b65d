"""A glossary suggestion's first line keeps the name it proposes readable in a narrow dock:
the found text is shortened, never the replacement."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QStyleOptionViewItem
from scanned_panel import scanned_panel

from editor.core.glossary import Glossary
from editor.core.transcript import Segment, Speaker, Transcript
from editor.ui.document.transcript_model import TranscriptModel

ARROW = "  →  "


def _painted_first_lines(qtbot, width: int) -> list[tuple[str, str]]:
    """(each item's first line as painted in a row *width* wide, the item's own first line)."""
    text = "Thanks to Bartholomew Okonkwo rays and to BSA for this."
    model = TranscriptModel(Transcript(speakers={"S1": Speaker("S1", "Host")},
                                       segments=[Segment("t0", 0, 4000, text, speaker_id="S1")]))
    glossary = Glossary()
    glossary.add("Bartholomew Okonkwo-Reyes", ["Bartholomew Okonkwo rays"])
    glossary.add("EPA", ["BSA"])
    panel = scanned_panel(qtbot, model, glossary)
    lines = []
    for row in range(panel.items.rowCount()):
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, width, 80)
        option.widget = panel.list
        panel.list.itemDelegate().initStyleOption(option, panel.list.model().index(row, 0))
        lines.append((option.text.partition("\u2028")[0], panel.items.index(row).data().partition("\n")[0]))
    return lines


def test_a_long_found_text_is_shortened_before_the_name_proposed(qtbot):
    lines = dict((whole.split(ARROW)[1], painted) for painted, whole in _painted_first_lines(qtbot, 240))
    long_one = lines["Bartholomew Okonkwo-Reyes"]
    assert long_one.endswith(f"{ARROW}Bartholomew Okonkwo-Reyes") and "…" in long_one
    assert long_one.startswith(("B", "✓ B"))
    assert lines["EPA"].endswith(f"BSA{ARROW}EPA")             # one that fits is left whole
