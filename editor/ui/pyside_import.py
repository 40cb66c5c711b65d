"""PySide's first import, with the support code shiboken carries as source compiled once, not at every start,
and that code's regular expressions compiled when first used.

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

Those modules also compile regular expressions as they load, three of them ~6 KB each (a pattern for
nested brackets, three levels deep, that reads the text form of a signature: ~10 ms apiece, ~35 ms of
the GUI thread's CPU in all before the window can show). They serve only when a signature is asked
for (``inspect.signature`` of a Qt method, the message of a call with wrong arguments, writing ``.pyi``
stubs), which a start-up never does. So while PySide is first imported, a pattern the support code
compiles is handed back as a :class:`_PatternCompiledWhenUsed`, which compiles it (with ``re``, as
before) the first time one of its methods is called.
"""

from __future__ import annotations

import builtins
import contextlib
import functools
import hashlib
import importlib.util
import marshal
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

# The names shiboken compiles its embedded modules under (their paths in its zip; the bootstrap that
# installs its importer).
_EMBEDDED_PREFIX = "shibokensupport/"
_EMBEDDED_BOOTSTRAP = "signature_bootstrap.py"


def import_pyside() -> None:
    """Import PySide6 (QtCore) for the first time, its embedded support code from the bytecode cache and
    its regular expressions left for their first use."""
    if "PySide6.QtCore" in sys.modules:
        return
    with _patterns_compiled_when_used():
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


@contextlib.contextmanager
def _patterns_compiled_when_used() -> Iterator[None]:
    original = re.compile

    def compile_when_used(pattern, flags=0):
        # Only the support code's own calls (its modules' file names are their paths in shiboken's
        # zip); any other (another thread's import meanwhile, say) is compiled at once as usual.
        if sys._getframe(1).f_code.co_filename.startswith(_EMBEDDED_PREFIX):
            return _PatternCompiledWhenUsed(pattern, flags)
        return original(pattern, flags)

    re.compile = compile_when_used
    try:
        yield
    finally:
        if re.compile is compile_when_used:
            re.compile = original


# What the support code calls on its patterns, some of them taken as bound methods as its modules load
# (``split = brace_searcher.split``): handed out uncompiled, compiled when called.
_PATTERN_METHODS = frozenset({"match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer",
                              "scanner"})


class _PatternCompiledWhenUsed:
    """A regular expression of shiboken's support code, compiled when it is first used (then as
    :func:`re.compile` compiles it, once); anything else asked of it (``pattern``, ``groups``) compiles
    it too."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern, flags) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern | None = None

    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = re.compile(self._pattern, self._flags)
        return self._compiled

    def __getattr__(self, name: str):
        if name.startswith("__"):
            # Python looking for a protocol, not the support code using the pattern: an abstract
            # class that keeps one looks for __isabstractmethod__ on it as the class is made.
            raise AttributeError(name)
        if name in _PATTERN_METHODS:
            # A partial, as a compiled pattern's bound method, binds no instance when kept in a class.
            return functools.partial(self._call, name)
        return getattr(self.compiled(), name)

    def _call(self, name: str, *args, **kwargs):
        return getattr(self.compiled(), name)(*args, **kwargs)
