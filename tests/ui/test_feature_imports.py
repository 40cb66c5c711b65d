"""The window's feature packages reach each other only through the window's context.

``editor/ui/document`` (model, view, commands, edits) and ``editor/ui/widgets`` are the shared
layer every feature may import; they import no feature. A feature package imports no other
feature package, not even for type annotations: what it needs of another feature it gets
from :class:`editor.ui.context.WindowContext`, which the window fills in.
"""

from __future__ import annotations

import ast
from pathlib import Path

import editor.ui

UI = Path(editor.ui.__file__).parent
SHARED = {"document", "widgets"}
FEATURES = sorted(p.name for p in UI.iterdir() if p.is_dir() and (p / "__init__.py").is_file())


def _ui_imports(path: Path) -> set[str]:
    """The ``editor.ui.<package>`` names a module imports (anywhere in it, lazily or not)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[:2] == ["editor", "ui"] and len(parts) > 2:
                found.add(parts[2])
    return found


def test_the_feature_packages_are_there():
    assert {"document", "playback", "files", "project", "review", "names", "timing"} <= set(FEATURES)


def test_features_import_each_other_only_through_the_context():
    wrong = []
    for feature in FEATURES:
        allowed = {feature, "context", "actions"} | (set() if feature in SHARED else SHARED)
        for module in sorted((UI / feature).rglob("*.py")):
            for package in _ui_imports(module) - allowed:
                if package in FEATURES or package in ("main_window", "app"):   # nor the window itself
                    wrong.append(f"{module.relative_to(UI)} imports editor.ui.{package}")
    assert not wrong, "\n".join(wrong)
