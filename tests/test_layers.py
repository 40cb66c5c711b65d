"""Imports between editor's packages point one way, as the README's architecture section draws them.

Read from the source (every import statement, lazy or not, and ``TYPE_CHECKING`` ones too), so a
new upward import fails here with the module that makes it, whether or not anything imports it yet.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from import_scan import EDITOR, imported_names  # noqa: E402

# What each package may import of the others (the README: ui -> player, hearing, align, audio,
# publish, session -> formats -> core). ``editor`` itself (its __version__) is open to all.
MAY_IMPORT: dict[str, set[str]] = {
    "core": set(),
    "formats": {"core"},
    "session": {"core", "formats"},
    "audio": {"core"},
    "align": {"core", "audio"},
    "hearing": {"core", "audio", "align"},
    "publish": {"core", "formats"},
    "player": {"core", "audio"},
    "settings": set(),
    "bundled": set(),
    "cli": {"core", "formats", "session", "audio", "align", "hearing", "publish", "bundled"},
    # The window, over everything; the command names only from the entry point (app.py: which
    # first arguments are commands, not files to open).
    "ui": {"core", "formats", "session", "audio", "align", "hearing", "publish", "player", "settings", "bundled",
           "cli"},
    "__main__": {"cli", "ui"},
}


def _package(path: Path) -> str:
    parts = path.relative_to(EDITOR).with_suffix("").parts
    return parts[0]


def _imported_packages(path: Path, source: str | None = None) -> set[str]:
    """The editor packages the module at *path* (its *source*, when given) imports (see :mod:`import_scan`)."""
    found = set()
    for name in imported_names(path, source):
        parts = name.split(".")
        if parts[0] == "editor" and len(parts) > 1 and parts[1] != "__version__":
            found.add(parts[1])
    return found


def test_every_package_is_placed_in_the_layers():
    packages = {_package(p) for p in EDITOR.rglob("*.py")} - {"__init__"}
    assert packages <= set(MAY_IMPORT), f"not in MAY_IMPORT (and the README's map): {packages - set(MAY_IMPORT)}"


def test_imports_point_one_way():
    wrong = []
    for path in sorted(EDITOR.rglob("*.py")):
        package = _package(path)
        if package == "__init__":
            continue
        for imported in _imported_packages(path) - {package} - MAY_IMPORT[package]:
            wrong.append(f"{path.relative_to(EDITOR)} imports editor.{imported}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("statement", [
    "from editor.session import journal",
    "import editor.session.recovery",
    "from ..session.journal import Journal",
    "from editor import session",
])
def test_the_check_sees_an_upward_import(statement):
    # As if written in formats/marks.py: formats may not import session, however it is spelled.
    assert "session" in _imported_packages(EDITOR / "formats" / "marks.py", statement)
