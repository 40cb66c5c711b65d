"""Menu mnemonics: every menu entry has an Alt+letter, and within one menu (and across the menu bar)
no two entries share one.

A shared letter makes Alt+letter cycle between the entries instead of choosing one, so a
keyboard user cannot reach the second without looking.
"""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QMenu


def mnemonic(text: str) -> str:
    """The letter after a single ``&`` ("&&" is a literal ampersand), lower case; "" when none."""
    match = re.search(r"(?<!&)&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else ""


def clashes(titles: list[str]) -> dict[str, list[str]]:
    by_letter = defaultdict(list)
    for title in titles:
        if mnemonic(title):
            by_letter[mnemonic(title)].append(title)
    return {letter: shared for letter, shared in by_letter.items() if len(shared) > 1}


def all_menus(menu: QMenu):
    yield menu
    for action in menu.actions():
        if action.menu() is not None:
            yield from all_menus(action.menu())


def test_mnemonic_parsing():
    assert mnemonic("Set &Start to Playback Position") == "s"
    assert mnemonic("Save && &Quit") == "q"
    assert mnemonic("Tom && Jerry") == ""


def test_no_two_items_of_a_menu_share_a_mnemonic(main_window, tmp_path):
    # A recent file whose name holds "&" must show it, not turn it into a mnemonic.
    recent = tmp_path / "Tom & Jerry.txt"
    recent.write_text("Maya: Welcome back to the show.\n\nLeo: Thanks for having me.\n", encoding="utf-8")
    assert main_window.open_path(str(recent))
    assert main_window.recent_menu.actions()[0].text() == "&1 Tom && Jerry.txt"
    bar = main_window.menuBar()
    tops = [action for action in bar.actions() if action.menu() is not None]
    titles = [action.text() for action in tops]
    assert len(titles) > 3 and all(mnemonic(title) for title in titles)
    assert len(set(titles)) == len(titles)
    assert clashes(titles) == {}, "menu bar"
    assert len({mnemonic(title) for title in titles}) == len(titles)
    found, missing = {}, []
    for top in tops:
        for menu in all_menus(top.menu()):
            items = [action.text() for action in menu.actions() if not action.isSeparator()]
            if clashes(items):
                found[menu.title()] = clashes(items)
            missing += [f"{menu.title()} ▸ {item}" for item in items if not mnemonic(item)]
    assert found == {}
    assert missing == []
