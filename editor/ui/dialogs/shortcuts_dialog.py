"""Help ▸ Keyboard Shortcuts: every action with the keys in effect, grouped by menu."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from editor.ui.actions import Actions


def sentence_case(title: str) -> str:
    """"Merge with Next Turn" -> "Merge with next turn" (menu names are Title Case, the list reads as sentences)."""
    first, _, rest = title.partition(" ")
    return " ".join([first] + [w if w.isupper() and len(w) > 1 else w.lower() for w in rest.split(" ") if rest])


def _menu_order(window) -> list[str]:
    """The titles of *window*'s menus as its menu bar shows them ("T&iming" read "Timing"); none
    without a menu bar."""
    bar = window.menuBar() if isinstance(window, QMainWindow) else None
    return [] if bar is None else [a.text().replace("&", "") for a in bar.actions()]


def _by_menu(names: list[str], actions: Actions, order: list[str]) -> list[str]:
    """*names* grouped by menu, the menus in *order* (others after them), each menu's in its own order.

    Features declare their actions in their own tables, and some of a menu's come from another
    feature's (the window's Help and Settings come first): listed as declared, a menu's rows were
    scattered through the list."""
    def place(name: str) -> int:
        menu = actions.specs[name].menu
        return order.index(menu) if menu in order else len(order)
    return sorted(names, key=place)     # stable: each menu keeps its items' order


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Actions, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(600, 640)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("These keys work while you type in the transcript. "
                                "Change them in File ▸ Settings."))
        names = _by_menu([n for n in actions.names() if actions.shortcut_text(n)], actions, _menu_order(parent))
        table = QTableWidget(len(names), 3)
        table.setHorizontalHeaderLabels(["Menu", "Action", "Keys"])
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, name in enumerate(names):
            spec = actions.specs[name]
            menu_text = spec.text.replace("&", "").replace("…", "")
            # Every row a sentence (descriptions are; bare menu names are made so), the menu item as tooltip.
            text = spec.tip or sentence_case(menu_text)
            for column, value in enumerate((spec.menu, text, actions.shortcut_text(name))):
                item = QTableWidgetItem(value)
                item.setToolTip(f"{spec.menu} ▸ {menu_text}")
                table.setItem(row, column, item)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(2)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table = table
