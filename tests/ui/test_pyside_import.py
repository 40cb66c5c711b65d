"""PySide's first import keeps the support code shiboken carries as source compiled, as Python keeps bytecode,
and leaves the regular expressions that code makes for reading signatures to their first use.

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
import builtins, json, re
compiled = []
original = builtins.compile
patterns = []   # the regular expressions compiled, by their length
compile_pattern = re.compile
def counting_patterns(pattern, flags=0):
    patterns.append(len(pattern))
    return compile_pattern(pattern, flags)
re.compile = counting_patterns
def counting(source, filename, mode, *args, **kwargs):
    if isinstance(filename, str) and (filename.startswith("shibokensupport/") or filename == "signature_bootstrap.py"):
        compiled.append(filename)
    return original(source, filename, mode, *args, **kwargs)
builtins.compile = counting
from editor.ui.pyside_import import cache_folder, import_pyside
import_pyside()
restored = builtins.compile is counting and re.compile is counting_patterns
at_import = list(patterns)
from PySide6.QtCore import QObject
from PySide6.support.signature import get_signature
from shibokensupport.signature.lib.pyi_generator import Formatter
wrong_call = ""
try:
    QObject().setProperty("name")
except TypeError as error:
    wrong_call = str(error)
print(json.dumps({"compiled": compiled, "restored": restored, "folder": str(cache_folder()),
                  "signature": str(get_signature(QObject.setObjectName)),
                  "overloads": str(get_signature(QObject.setProperty)), "wrong_call": wrong_call,
                  "split": Formatter.split("x, Tuple[int, str]"),
                  "patterns_at_import": at_import, "patterns": patterns}))
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


# The support code's patterns for bracketed text (signatures, stubs) are ~6 KB each; nothing else it
# compiles comes near.
LONG_PATTERN = 2000


def test_the_support_codes_long_patterns_are_compiled_when_first_used_not_at_import(tmp_path):
    result = _start(tmp_path)
    assert [n for n in result["patterns_at_import"] if n > LONG_PATTERN] == []
    assert result["restored"], "re.compile is the one it was again after the import"
    # Used since: a signature read (its argument list parsed), a wrong call explained, a stub's split.
    assert len([n for n in result["patterns"] if n > LONG_PATTERN]) == 2
    assert result["overloads"] == "(self, name: str, value: Any, /) -> bool"
    assert "setProperty" in result["wrong_call"]
    assert result["split"] == ["", "x", ",", " Tuple[int, str]", ""]
