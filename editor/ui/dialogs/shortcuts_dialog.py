"""Help ▸ Keyboard Shortcuts: every action with the keys in effect, grouped by menu."""

from __future__ import annotations

from PySide6.QtGui import QAction
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


def menu_item_name(action: QAction) -> str:
    """*action*'s menu text as read: no mnemonic ampersand ("&&" is one "&"), no "…"."""
    return action.iconText().replace("…", "").strip()     # iconText: Qt's text with the "&" taken out


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
            # The item as its menu shows it, so it can be found there; its description says what it does.
            item_name = menu_item_name(actions[name])
            tip = spec.tip or f"{spec.menu} ▸ {item_name}"
            for column, value in enumerate((spec.menu, item_name, actions.shortcut_text(name))):
                item = QTableWidgetItem(value)
                item.setToolTip(tip)
                table.setItem(row, column, item)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnToContents(0)
        table.resizeColumnToContents(2)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table = table
