"""No state kept only for tests: every attribute the window code (``editor/ui``) sets on ``self`` is
read somewhere in ``editor`` itself.

A message box kept in an attribute only so that a test could reach it, or a figure kept only for a
bench, fails here with its name and file: tests find a box on screen as the producer does
(``tests/ui/message_boxes.py``), and a bench times the call itself. Read from the source by name
(any ``.name`` read, or the name as a string, as ``getattr`` takes it), so it misses an attribute
whose name some other object's attribute shares; it cannot flag one that is read.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

EDITOR = Path(__file__).resolve().parents[1] / "editor"

# Set and never read, on purpose: held so that the object lives as long as its owner.
HELD_ALIVE = {
    "_accessible": "the transcript view's accessible interface, registered with Qt: held as long as its view",
}


def unread_attributes(root: Path) -> dict[str, list[str]]:
    """The attributes code under *root*/ui sets on ``self`` whose names nothing under *root* reads,
    each with the files that set it."""
    set_on_self: dict[str, set[str]] = defaultdict(set)
    read: set[str] = set()
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        in_ui = path.relative_to(root).parts[0] == "ui"
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                if isinstance(node.ctx, ast.Store):
                    if in_ui and isinstance(node.value, ast.Name) and node.value.id == "self":
                        set_on_self[node.attr].add(str(path.relative_to(root.parent)))
                else:
                    read.add(node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                read.add(node.value)
    return {name: sorted(files) for name, files in set_on_self.items() if name not in read}


def test_every_attribute_the_window_code_sets_is_read_by_the_app():
    unread = {name: files for name, files in unread_attributes(EDITOR).items() if name not in HELD_ALIVE}
    assert unread == {}, f"set but never read in editor/ (state kept for tests?): {unread}"


def test_an_attribute_only_a_test_reads_is_found(tmp_path):
    """The scan itself, on a window module of its own: a box kept for a test is found, one the code
    reads (or reaches by ``getattr``) is not."""
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "window.py").write_text(
        "class Window:\n"
        "    def ask(self, box):\n"
        "        self.close_box = box\n"
        "        self.answer = box.result()\n"
        "        self.named = 1\n"
        "        return self.answer, getattr(self, 'named')\n", encoding="utf-8")
    assert unread_attributes(tmp_path) == {"close_box": [f"{tmp_path.name}/ui/window.py"]}
