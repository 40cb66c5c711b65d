"""The code ``@dataclass`` writes for a class's methods, compiled once and kept, as Python keeps bytecode.

``dataclasses`` makes each class's ``__init__``, ``__repr__``, ``__eq__`` (...) by writing their source
and compiling it (``exec`` of a string) every time the class is made, which is every start: ~40
dataclasses before the window shows, ~170 compiles, ~30 ms of the GUI thread's CPU (a module's own
bytecode comes from ``__pycache__``, this code never did). So while :func:`install` is in effect, the
text ``dataclasses`` hands to ``exec`` is looked up in a table of code objects kept in this package's
bytecode folder (beside PySide's compiled support code, :func:`editor.ui.pyside_import.cache_folder`);
only a text not in it is compiled, as ``exec`` compiles it (no ``__future__`` flags: ``dataclasses``
has none), and the table is written again after start-up (:func:`save`) when it gained some. The
same text always compiles to the same code, and the code is then run by ``exec`` as before: the
classes are the ones ``dataclasses`` makes without the table.

The table is one file per Python bytecode version; a file of another version, a damaged or unreadable
one is ignored (everything is compiled as without it), and where it cannot be written (a read-only
install, ``PYTHONDONTWRITEBYTECODE``) nothing is kept.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import importlib.util
import marshal
import os
import sys
from pathlib import Path

_FILE_NAME = f"dataclass-code.{sys.implementation.cache_tag}.table"

_MAX_KEPT = 2000   # texts kept in the table; past this, only those of the last start (code long changed)

_codes: dict[str, object] = {}    # source text -> its code object
_used: set[str] = set()           # the texts this process has asked for
_added = False                    # compiled since the table was read (to be written by save())
_folder: Path | None = None


def install(folder: Path) -> None:
    """Read the table kept in *folder* and answer ``dataclasses``' compiles from it from now on."""
    global _folder
    _folder = folder
    _codes.update(_read(folder / _FILE_NAME))
    # A global of the module shadows the builtin its _create_fn calls.
    dataclasses.exec = _exec  # type: ignore[attr-defined]


def save() -> None:
    """Write the table when texts were compiled since it was read (whole or not at all)."""
    global _added
    if not _added or _folder is None or sys.dont_write_bytecode:
        return
    _added = False
    kept = _codes if len(_codes) <= _MAX_KEPT else {text: _codes[text] for text in _used}
    path = _folder / _FILE_NAME
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(importlib.util.MAGIC_NUMBER + marshal.dumps(dict(kept)))
        os.replace(partial, path)
    except OSError:   # read-only install: compiled at every start, as without the table
        with contextlib.suppress(OSError):
            partial.unlink()


def _exec(source, globals=None, locals=None):  # noqa: A002 (the builtin's own parameter names)
    """``exec`` as ``dataclasses._create_fn`` calls it, the text's code taken from the table."""
    if source.__class__ is not str:
        return builtins.exec(source, globals, locals)
    _used.add(source)
    code = _codes.get(source)
    if code is None:
        global _added
        code = _codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
        _added = True
    return builtins.exec(code, globals, locals)


def _read(path: Path) -> dict[str, object]:
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        data = path.read_bytes()
        magic = importlib.util.MAGIC_NUMBER
        if data[:len(magic)] == magic:
            table = marshal.loads(data[len(magic):])
            if isinstance(table, dict):
                return table
    return {}
