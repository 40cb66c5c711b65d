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


def test_a_sure_items_found_text_starts_where_the_others_do(qtbot):
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QListView, QStyle

    from editor.ui.names.suggestion_delegate import FirstLineDelegate
    items = QStandardItemModel()
    for text in (f"✓ Okonkwo rays{ARROW}Okonkwo-Reyes\n    00:04 · 96%", f"sandy nell{ARROW}Sandinell\n    00:09"):
        items.appendRow(QStandardItem(text))
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(items)
    delegate = FirstLineDelegate(view)
    view.setItemDelegate(delegate)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    starts, ticks = [], []
    for row, found in ((0, "Okonkwo rays"), (1, "sandy nell")):
        option = QStyleOptionViewItem()
        option.rect = view.visualRect(items.index(row, 0))
        option.widget = view
        delegate.initStyleOption(option, items.index(row, 0))
        text = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
        starts.append(text.left() + option.fontMetrics.horizontalAdvance(option.text[:option.text.index(found)]))
        ticks.append(not option.icon.isNull())
    assert starts[0] == starts[1]          # the ✓ has a column of its own, kept by every item
    assert ticks == [True, False]          # and a sure item still shows it
    assert items.index(0, 0).data().startswith("✓ ")    # the item's own text (screen readers) keeps it
