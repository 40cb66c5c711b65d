"""The core, the formats, audio, alignment, publishing and the command line never import Qt or vlc
(checked in a fresh interpreter, every module of those packages imported)."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = """
import importlib, json, pkgutil, sys
import editor.core, editor.formats, editor.audio, editor.align, editor.cli, editor.publish, editor.session
for package in (editor.core, editor.formats, editor.audio, editor.align, editor.publish, editor.cli, editor.session):
    for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
editor.formats.all_readers()
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'vlc'))))
"""


def test_core_formats_audio_align_and_cli_import_no_qt_and_no_vlc():
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_running_the_cli_imports_no_qt(tmp_path):
    # `check` on a real project through the package entry point, with Qt/vlc imports forbidden.
    project = tmp_path / "tiny.tep.json"
    project.write_text('{"transcript_editor_project": 1, "speakers": [], "segments": '
                       '[{"id": "s1", "start_ms": 0, "end_ms": 900, "speaker": null, "text": "Ahoy there."}]}')
    guard = (
        "import sys, importlib.abc\n"
        "class Block(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'shiboken6', 'vlc'):\n"
        "            raise ImportError('forbidden in the CLI: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from editor.__main__ import main\n"
        f"sys.exit(main(['check', {str(project)!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", guard], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert "segments:   1" in result.stdout


CORE_ONLY = """
import importlib, json, pkgutil, sys
import editor.core
for module in pkgutil.walk_packages(editor.core.__path__, "editor.core."):
    importlib.import_module(module.name)
print(json.dumps(sorted(m for m in sys.modules if m.startswith(("editor.formats", "editor.session", "editor.ui")))))
"""


def test_the_core_imports_nothing_above_it():
    # Imports point one way: session and formats build on the core, never the other way round.
    result = subprocess.run([sys.executable, "-c", CORE_ONLY], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
