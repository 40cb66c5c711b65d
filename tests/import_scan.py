"""What a module of editor imports, read from its source (for the tests that hold imports to the README's map).

Every import statement counts, wherever it is (lazy in a function, under ``TYPE_CHECKING``),
relative ones made absolute, and a module named to ``importlib.import_module`` as a string.
"""

from __future__ import annotations

import ast
from pathlib import Path

import editor

EDITOR = Path(editor.__file__).parent


def imported_names(path: Path, source: str | None = None) -> list[str]:
    """The dotted names the module at *path* (its *source*, when given) imports: each module, and each
    module.name of a ``from`` import (``from editor import session`` names ``editor.session``)."""
    package = ["editor", *path.relative_to(EDITOR).with_suffix("").parts]
    package = package if path.name == "__init__.py" else package[:-1]
    names: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8") if source is None else source)):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                module = ".".join([*package[: len(package) - node.level + 1], *([module] if module else [])])
            names += [module] + [f"{module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            names.append(node.args[0].value)
    return names
