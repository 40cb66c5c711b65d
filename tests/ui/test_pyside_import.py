"""PySide's first import keeps the support code shiboken carries as source compiled, as Python keeps bytecode.

Each start runs in a fresh interpreter (PySide is long imported in this one), with its own bytecode
folder (``PYTHONPYCACHEPREFIX``) so the repository's ``__pycache__`` is left alone. What is counted is
what shiboken hands to ``compile()``: compiled at the first start, loaded at the next.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

START = r"""
import builtins, json
compiled = []
original = builtins.compile
def counting(source, filename, mode, *args, **kwargs):
    if isinstance(filename, str) and (filename.startswith("shibokensupport/") or filename == "signature_bootstrap.py"):
        compiled.append(filename)
    return original(source, filename, mode, *args, **kwargs)
builtins.compile = counting
from editor.ui.pyside_import import cache_folder, import_pyside
import_pyside()
restored = builtins.compile is counting
from PySide6.QtCore import QObject
from PySide6.support.signature import get_signature
print(json.dumps({"compiled": compiled, "restored": restored, "folder": str(cache_folder()),
                  "signature": str(get_signature(QObject.setObjectName))}))
"""


def _start(pycache: Path, **env: str) -> dict:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": str(pycache),
                   "PYTHONDONTWRITEBYTECODE": "", "QT_QPA_PLATFORM": "offscreen", **env}
    run = subprocess.run([sys.executable, "-c", START], capture_output=True, text=True, env=environment,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.splitlines()[-1])


def _cached(result: dict) -> list[Path]:
    return sorted(Path(result["folder"]).glob("shibokensupport-*"))


def test_the_support_code_is_compiled_at_the_first_start_and_loaded_at_the_next(tmp_path):
    first = _start(tmp_path)
    assert "shibokensupport/signature/loader.py" in first["compiled"]
    assert "signature_bootstrap.py" in first["compiled"]
    assert Path(first["folder"]).is_relative_to(tmp_path)
    assert len(_cached(first)) == len(first["compiled"])

    second = _start(tmp_path)
    assert second["compiled"] == []
    assert second["signature"] == first["signature"] == "(self, name: str, /) -> None"
    assert second["restored"], "compile() is Python's own again after the import"


def test_a_damaged_cache_entry_is_compiled_again(tmp_path):
    first = _start(tmp_path)
    for entry in _cached(first):
        entry.write_bytes(b"not marshalled code")
    second = _start(tmp_path)
    assert sorted(second["compiled"]) == sorted(first["compiled"])
    assert second["signature"] == first["signature"]


def test_nothing_is_written_where_bytecode_is_not(tmp_path):
    result = _start(tmp_path, PYTHONDONTWRITEBYTECODE="1")
    assert result["compiled"] and _cached(result) == []
    assert result["signature"] == "(self, name: str, /) -> None"
