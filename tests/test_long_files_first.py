"""The order make test hands files to its workers in: the files holding a long (slow) test first.

Under --dist loadfile a worker takes a whole file at a time; a long file handed out last runs alone
while the other worker has nothing left to do."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


class _Item:
    """What the ordering reads of a collected test: its file and its markers."""

    def __init__(self, path: str, name: str, slow: bool = False):
        self.path, self.name, self.slow = Path(path), name, slow

    def get_closest_marker(self, name: str):
        return pytest.mark.slow.mark if name == "slow" and self.slow else None


def _top_conftest(config):
    return next(plugin for plugin in config.pluginmanager.get_plugins()
                if Path(getattr(plugin, "__file__", "") or "") == ROOT / "tests" / "conftest.py")


def test_files_holding_a_long_test_come_first_then_most_tests_first_each_file_in_its_own_order(request):
    items = [_Item("a.py", "a1"), _Item("a.py", "a2"),
             _Item("b.py", "b1"), _Item("b.py", "b2"), _Item("b.py", "b3"),
             _Item("kill.py", "kill1", slow=True),
             _Item("c.py", "c1"), _Item("c.py", "c2", slow=True), _Item("c.py", "c3")]
    _top_conftest(request.config).pytest_collection_modifyitems(items)
    assert [item.name for item in items] == ["c1", "c2", "c3", "kill1", "b1", "b2", "b3", "a1", "a2"]


def test_make_test_keeps_that_order():
    """xdist would sort the files by their number of tests again (a long file of one test last)."""
    parallel = re.search(r"^PARALLEL\s*:=(.*)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)
    assert parallel and "--dist loadfile" in parallel.group(1) and "--no-loadscope-reorder" in parallel.group(1)
