"""PySide's first import, with the support code shiboken carries as source compiled once, not at every start.

Importing PySide6 loads shiboken's signature support: a dozen Python modules (``shibokensupport.*``:
signatures, ``__feature__``, the stub generator) that the shiboken library carries as source text in
an embedded zip. Its importer compiles each with ``compile()`` every time the process starts, ~30-40 ms
of the GUI thread's CPU before the window can show (a tenth of the start-up's CPU). Python keeps the
compiled bytecode of its own modules in ``__pycache__``; :func:`import_pyside` keeps these the same way,
beside ours: while PySide is first imported, a compile of one of those modules is answered from a code
object saved by an earlier start (marshalled, keyed by Python's bytecode version, the module's name and
its exact source, so an upgraded PySide or Python gets its own), else compiled as usual and saved.

PySide's own switch for this (``SBK_EMBED=0``: the modules written out as files under
``site-packages/shiboken6/files.dir``) was measured ~30 ms *slower*: with those files present shiboken
imports the whole support package twice. Everything else is as without the cache: the same source makes
the same code, run by PySide's own importer; where the cache cannot be read or written (a read-only
install, ``PYTHONDONTWRITEBYTECODE``), the modules are compiled as before.
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import importlib.util
import marshal
import os
import sys
from collections.abc import Iterator
from pathlib import Path

# The names shiboken compiles its embedded modules under (their paths in its zip; the bootstrap that
# installs its importer).
_EMBEDDED_PREFIX = "shibokensupport/"
_EMBEDDED_BOOTSTRAP = "signature_bootstrap.py"


def import_pyside() -> None:
    """Import PySide6 (QtCore) for the first time, its embedded support code from the bytecode cache."""
    if "PySide6.QtCore" in sys.modules:
        return
    try:
        folder = cache_folder()
    except NotImplementedError:   # an interpreter that keeps no bytecode (no cache tag): compiled as usual
        import PySide6.QtCore  # noqa: F401
        return
    with _compiled_once(folder):
        import PySide6.QtCore  # noqa: F401


def cache_folder() -> Path:
    """Where the compiled support code is kept: this package's ``__pycache__`` (or its place under
    ``PYTHONPYCACHEPREFIX``), as Python keeps the bytecode of this module."""
    return Path(importlib.util.cache_from_source(__file__)).parent


@contextlib.contextmanager
def _compiled_once(folder: Path) -> Iterator[None]:
    original = builtins.compile

    def compile_or_load(source, filename, mode, *args, **kwargs):
        # Only shiboken's calls, compile(source_bytes, "shibokensupport/...py", "exec"); any other
        # compile (another thread's import meanwhile, say) goes straight through.
        if (args or kwargs or mode != "exec" or not isinstance(source, bytes) or not isinstance(filename, str)
                or not (filename.startswith(_EMBEDDED_PREFIX) or filename == _EMBEDDED_BOOTSTRAP)):
            return original(source, filename, mode, *args, **kwargs)
        key = hashlib.blake2b(importlib.util.MAGIC_NUMBER + filename.encode() + b"\0" + source,
                              digest_size=16).hexdigest()
        path = folder / f"shibokensupport-{key}.{sys.implementation.cache_tag}.code"
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            return marshal.loads(path.read_bytes())
        code = original(source, filename, mode)
        if not sys.dont_write_bytecode:
            _write(path, marshal.dumps(code))
        return code

    builtins.compile = compile_or_load
    try:
        yield
    finally:
        if builtins.compile is compile_or_load:
            builtins.compile = original


def _write(path: Path, data: bytes) -> None:
    """Write *data* whole or not at all (another start may be reading the same cache)."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, path)
    except OSError:   # read-only install: compiled at every start, as without the cache
        with contextlib.suppress(OSError):
            partial.unlink()
