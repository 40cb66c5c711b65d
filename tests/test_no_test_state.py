"""No state kept only for tests: every attribute the window code (``editor/ui``) sets on ``self`` is
read somewhere in ``editor`` itself, and every public method it defines is called there (or is an
override Qt calls).

A message box kept in an attribute only so that a test could reach it, or a figure kept only for a
bench, fails here with its name and file: tests find a box on screen as the producer does
(``tests/ui/message_boxes.py``), and a bench times the call itself. Read from the source by name
(any ``.name`` read, or the name as a string, as ``getattr`` takes it), so it misses an attribute
whose name some other object's attribute shares; it cannot flag one that is read. Likewise a query
only tests asked ("is it still searching?") fails: tests watch what the producer sees instead (a
label's text, a model's rows, a signal the app itself uses).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

EDITOR = Path(__file__).resolve().parents[1] / "editor"

# Set and never read, on purpose: held so that the object lives as long as its owner.
HELD_ALIVE = {
    "_accessible": "the transcript view's accessible interface, registered with Qt: held as long as its view",
}


def parsed(root: Path) -> Iterator[tuple[Path, bool, ast.AST]]:
    """Every module under *root*: its path, whether it is window code (under *root*/ui), its tree."""
    for path in root.rglob("*.py"):
        yield path, path.relative_to(root).parts[0] == "ui", ast.parse(path.read_text(encoding="utf-8"), str(path))


def name_read(node: ast.AST) -> str | None:
    """The name *node* reads: an attribute read (``.name``) or a string (as ``getattr`` takes it)."""
    if isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Store):
        return node.attr
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def unread_attributes(root: Path) -> dict[str, list[str]]:
    """The attributes code under *root*/ui sets on ``self`` whose names nothing under *root* reads,
    each with the files that set it."""
    set_on_self: dict[str, set[str]] = defaultdict(set)
    read: set[str] = set()
    for path, in_ui, tree in parsed(root):
        for node in ast.walk(tree):
            if (in_ui and isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store)
                    and isinstance(node.value, ast.Name) and node.value.id == "self"):
                set_on_self[node.attr].add(str(path.relative_to(root.parent)))
            elif (name := name_read(node)) is not None:
                read.add(name)
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


# Public methods of window classes that nothing in editor/ calls, on purpose.
CALLED_BY_TESTS_ONLY = {
    "phrase_at_caret": "Correct Everywhere's word at the caret (whole across an apostrophe or hyphen); the app "
                       "prefills it only when something doubts the word, so a test reads the rule itself",
    # The transcript view's geometry of what it paints (as QAbstractItemView.visualRect): tests click a
    # word, a header badge or an [inaudible] tag where the producer sees it. The view's own hit testing
    # goes through the painter's layout, not these.
    "word_rect": "where the view paints a word, for a test to click it",
    "badge_rects": "where the view paints a turn's header badges, for a test to click one",
    "mark_tag_rects": "where the view paints a turn's [inaudible] tags, for a test to click one",
}


def qt_names() -> set[str]:
    """Every name a Qt class defines: a window class's method of that name is an override Qt calls."""
    from PySide6 import QtCore, QtGui, QtWidgets
    classes = (getattr(module, name) for module in (QtCore, QtGui, QtWidgets) for name in dir(module))  # loads each
    return {name for cls in classes if isinstance(cls, type) for name in dir(cls)}


def uncalled_methods(root: Path, overrides: set[str]) -> dict[str, list[str]]:
    """The public methods classes under *root*/ui define whose names nothing under *root* reads (as
    ``.name`` or a string), but for *overrides*; each with the classes that define it."""
    defined: dict[str, set[str]] = defaultdict(set)
    read: set[str] = set()
    for path, in_ui, tree in parsed(root):
        for node in ast.walk(tree):
            if in_ui and isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) and not item.name.startswith("_"):
                        defined[item.name].add(f"{path.relative_to(root.parent)}:{node.name}")
        read |= names_called_beyond_namesakes(tree)
    return {name: sorted(where) for name, where in defined.items() if name not in read and name not in overrides}


def names_called_beyond_namesakes(tree: ast.AST) -> set[str]:
    """The names *tree* reads, less those read only inside a function of the same name: a method that
    hands its call on to a helper's namesake (``def word_rect(...): return self._hits.word_rect(...)``)
    does not make either of them called."""
    found: set[str] = set()

    def visit(node: ast.AST, function: str | None) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            function = node.name
        elif (name := name_read(node)) is not None and name != function:
            found.add(name)
        for child in ast.iter_child_nodes(node):
            visit(child, function)

    visit(tree, None)
    return found


def test_every_public_method_of_the_window_code_is_called_by_the_app():
    uncalled = {name: where for name, where in uncalled_methods(EDITOR, qt_names()).items()
                if name not in CALLED_BY_TESTS_ONLY}
    assert uncalled == {}, f"defined but never called in editor/ (a query kept for tests?): {uncalled}"


def test_a_method_only_a_test_calls_is_found(tmp_path):
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "panel.py").write_text(
        "class Panel:\n"
        "    def is_busy(self):\n"
        "        return False\n"
        "    def refresh(self):\n"
        "        return self.shown()\n"
        "    def shown(self):\n"
        "        return 1\n"
        "    def paintEvent(self, event):\n"
        "        pass\n", encoding="utf-8")
    (tmp_path / "app.py").write_text("def run(panel):\n    panel.refresh()\n", encoding="utf-8")
    assert uncalled_methods(tmp_path, {"paintEvent"}) == {"is_busy": [f"{tmp_path.name}/ui/panel.py:Panel"]}


def test_a_method_only_its_namesake_calls_is_found(tmp_path):
    """A view method handing its call on to a helper's method of the same name is not called by
    that: both are found when nothing else calls them."""
    (tmp_path / "ui").mkdir()
    (tmp_path / "ui" / "view.py").write_text(
        "class Hits:\n"
        "    def word_rect(self, row):\n"
        "        return row\n"
        "    def hit(self, row):\n"
        "        return row\n"
        "class View:\n"
        "    def word_rect(self, row):\n"
        "        return self._hits.word_rect(row)\n"
        "    def click(self, row):\n"
        "        return self._hits.hit(row)\n", encoding="utf-8")
    (tmp_path / "app.py").write_text("def run(view):\n    view.click(1)\n", encoding="utf-8")
    assert uncalled_methods(tmp_path, set()) == {
        "word_rect": [f"{tmp_path.name}/ui/view.py:Hits", f"{tmp_path.name}/ui/view.py:View"]}
