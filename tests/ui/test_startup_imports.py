"""What opening a transcript from the command line imports: no dialog's Qt class, no socket, no
dataclass without a docstring, no library the first screen does without.

PySide builds every enum of a Qt class when the class is first imported (QStyle's: ~8 ms of CPU,
QMessageBox's ~2 ms), so a module the window imports at start-up names the classes only dialogs
use inside the functions that show them. A ``@dataclass`` without a docstring is given one at import,
made from ``inspect.signature`` of the class (~0.2 ms each; a dozen of them at start-up). Checked in a
fresh interpreter started the way ``transcript-editor FILE`` starts, the file opened, by reading the
module-level code of every module of ours it loaded.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Qt classes only dialogs and message boxes use (and the style, which only dialog buttons ask for icons).
DIALOG_ONLY = {"QMessageBox", "QFileDialog", "QInputDialog", "QStyle"}
# Libraries the window does without until later, if ever: platformdirs (~7 ms to import) where the
# user data folder is found by the plain XDG rule, difflib until an edit runs over a passage said right.
NOT_AT_START = ("platformdirs", "difflib")

PROBE = """
import json, sys
from editor.ui.app import start
app, window, _ = start([sys.argv[1]])
from PySide6.QtCore import QTimer
QTimer.singleShot(0, app.quit)   # after the open, queued before this on the first turn of the loop
app.exec()
if "--deferred" in sys.argv:     # the work the window defers a few seconds after opening, done now
    window.names.show_glossary.scan_now()
loaded = sorted(m for m in sys.modules if m in ("socket", "platformdirs", "difflib") or m.startswith("editor."))
print("RESULT " + json.dumps({"turns": window.model.rowCount(), "modules": loaded}))
window.project.discard_changes()
"""

SRT = "1\n00:00:01,000 --> 00:00:03,000\nHello there.\n\n2\n00:00:04,000 --> 00:00:06,000\nAnd welcome back.\n"


def _module_level_qt_names(path: Path) -> set[str]:
    """The names a module imports from PySide6 at its top level (not under ``if TYPE_CHECKING:``)."""
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
            names.update(alias.name for alias in node.names)
    return names


def _undocumented_dataclasses(path: Path) -> list[str]:
    """The module's ``@dataclass`` classes (at any depth) that have no docstring."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ClassDef) and ast.get_docstring(node) is None:
            for decorator in node.decorator_list:
                called = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(called, ast.Name) and called.id == "dataclass":
                    found.append(node.name)
    return found


def _loaded(tmp_path_factory, *probe_args: str, named_data_dir: bool = True,
            others: list[str] | None = None) -> dict[str, Path]:
    tmp_path = tmp_path_factory.mktemp("start")
    srt = tmp_path / "episode.srt"
    srt.write_text(SRT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"), TRANSCRIPT_EDITOR_SETTINGS=str(tmp_path / "settings.ini"),
               TRANSCRIPT_EDITOR_DATA_DIR=str(tmp_path / "work"))
    if not named_data_dir:   # the platform's folder, as most producers have it
        del env["TRANSCRIPT_EDITOR_DATA_DIR"]
    child = subprocess.run([sys.executable, "-c", PROBE, str(srt), *probe_args], capture_output=True, text=True,
                           cwd=ROOT, env=env, timeout=120)
    line = next((x for x in child.stdout.splitlines() if x.startswith("RESULT ")), None)
    assert line is not None, child.stderr[-3000:]
    result = json.loads(line[len("RESULT "):])
    assert result["turns"] == 2                 # the file was opened
    modules = result["modules"]
    assert "socket" not in modules              # SIGTERM's wakeup descriptor is a pipe
    if others is not None:
        others.extend(name for name in modules if not name.startswith("editor."))
    sources = {}
    for name in modules:
        spec_path = ROOT / Path(*name.split("."))
        path = spec_path / "__init__.py" if spec_path.is_dir() else spec_path.with_suffix(".py")
        if path.exists():
            sources[name] = path
    assert len(sources) > 50                    # the window's modules were all found
    return sources


@pytest.fixture(scope="module")
def loaded_at_start(tmp_path_factory) -> dict[str, Path]:
    """Our modules loaded by opening a transcript from the command line: name -> source file."""
    return _loaded(tmp_path_factory)


def test_opening_a_file_imports_no_dialog_class_and_no_socket(loaded_at_start):
    named = {name: _module_level_qt_names(path) & DIALOG_ONLY for name, path in loaded_at_start.items()}
    assert {name: sorted(found) for name, found in named.items() if found} == {}


def test_the_dataclasses_imported_at_start_have_docstrings(loaded_at_start):
    undocumented = {name: _undocumented_dataclasses(path) for name, path in loaded_at_start.items()}
    assert {name: found for name, found in undocumented.items() if found} == {}


def test_the_deferred_open_work_of_a_transcript_without_page_text_reads_no_show_notes(tmp_path_factory):
    # The show notes' reader makes a dozen regular expressions as it is imported, on the GUI thread.
    loaded = _loaded(tmp_path_factory, "--deferred")
    assert "editor.ui.names.glossary_scan" in loaded and "editor.core.show_notes" not in loaded


def test_opening_a_file_in_the_platform_s_data_folder_imports_no_library_the_first_screen_does_without(
        tmp_path_factory):
    others: list[str] = []
    loaded = _loaded(tmp_path_factory, named_data_dir=False, others=others)
    assert "editor.core.user_data" in loaded and "editor.core.ignored_passages" in loaded
    assert [name for name in others if name in NOT_AT_START] == []
