"""Process-wide interpreter tuning for a responsive window, installed once at start-up.

Two settings of the whole Python process matter to the window, and both are made here
and nowhere else:

* **Cyclic GC.** A 10-hour episode is ~1 M long-lived objects; a full collection walks
  them all (14-80 ms measured), and the snapshot worker's allocations trigger one now and
  then, which stops the GUI thread for that long. So whenever a document has been loaded
  into the model, and again once its words have their times from the audio, everything
  alive is moved out of the collector's reach (``gc.freeze()``). Frozen objects are still
  freed by reference counting when the document closes (the model has no reference cycles);
  only cyclic garbage that exists right then would stay. Edits allocate in bursts too: a
  replace in thousands of turns makes tens of thousands of objects (new words, undo records) that all live on in the
  undo history. Collected every 700 allocations (Python's default) they were walked
  again and again, and a full collection came in the middle of the edit (~50 ms of a
  0.25 s replace-all), so the young generation holds :data:`YOUNG_OBJECTS` before it is
  collected (a few ms each time, when it comes), and an edit in many turns is made with the
  collector paused and its objects frozen after (:func:`collection_paused`).
  While a big file is read on a worker, its objects pile up by the hundred thousand and
  all live on, so collections during the read only walk them again and again (full ones
  of 0.7-0.9 s measured at 200,000 turns, holding the GIL the window needs): the collector
  waits until the read is done and its objects are frozen (:func:`collection_paused`).
  An autosave snapshot serializes the turns changed since the document's file on a worker (a
  delta), and a whole one, when most turns changed, makes the words of every turn still holding
  its recipe (~100,000 objects for 12,000 cues, all kept by the live turns): collections in the
  middle of it walked them again
  (two of 18-27 ms each, holding the GIL the window needs), so the collector waits while a
  snapshot is written and freezes what it made after (:func:`snapshot_started` / :func:`snapshot_ended`).
* **GIL switch interval.** While an autosave snapshot is serialized on a worker, the
  worker keeps the GIL for a whole switch interval each time the GUI thread asks for it,
  and one repaint asks many times (21 ms stalls measured with Python's default 5 ms). So
  while a snapshot is being written the interval is 0.2 ms, and back to what it was after.
  Any other worker thread running Python for long (the glossary scan) does the same with
  :func:`python_on_worker`, and so does every background pass's thread while it runs
  (:class:`editor.ui.background.WorkerThread`: planning, imports, starting a process).
* **Imports.** PySide replaces ``builtins.__import__`` with a hook for its ``from __feature__ import
  snake_case, true_property`` switches: every import statement then runs Python code of PySide's,
  which reads the source file of every module it meets for the first time to see whether it uses
  PySide (~15-20 ms of a start-up: the window's own modules are all imported after PySide). The
  window never selects a feature, so once PySide is loaded the import the hook wrapped is given back
  (:func:`drop_feature_import_hook`: shiboken's own, which makes a Qt class when it is first imported,
  stays); a module that PySide's feature table does not list behaves as it does without features.
* **Enum classes.** PySide makes a Python enum class for every enum of a Qt class the first time the
  class is used (~250 classes, ~3,700 members before the window shows), and ``enum`` spends ~25 µs on
  each member: those calls are answered by :mod:`editor.ui.enum_classes`, which makes the same classes
  in a fifth of the time (:func:`faster_enum_classes`, before PySide is first imported).
* **Dataclass code.** ``@dataclass`` compiles the source of each class's methods every time the class
  is made (~170 compiles at every start, ~30 ms): while :func:`kept_dataclass_code` is in effect the
  code is taken from a table kept with the bytecode (:mod:`editor.ui.dataclass_code`).
"""

from __future__ import annotations

import contextlib
import gc
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

SNAPSHOT_SWITCH_INTERVAL_S = 0.0002
YOUNG_OBJECTS = 50_000   # gc's first threshold (Python's default: 700)


def tune_collector() -> None:
    """The young generation collected every :data:`YOUNG_OBJECTS` allocations. Set first thing at
    start-up (``editor.ui.app``), before the modules and widgets are made: at Python's 700 they were
    walked by ~90 collections that found next to nothing, while the window was starting."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, older, oldest)


def faster_enum_classes() -> None:
    """Enum classes made through ``enum``'s functional API, as PySide makes Qt's, made by
    :func:`editor.ui.enum_classes.create` from now on (see the module's docstring)."""
    from editor.ui import enum_classes
    enum_classes.install()


def kept_dataclass_code() -> None:
    """``@dataclass`` methods' code from the table kept with the bytecode from now on (before the
    modules that make dataclasses are imported); :func:`editor.ui.dataclass_code.save` writes what
    the start-up added to it."""
    from editor.ui import dataclass_code
    from editor.ui.pyside_import import cache_folder
    dataclass_code.install(cache_folder())


def drop_feature_import_hook() -> None:
    """Give back the ``__import__`` PySide's ``__feature__`` hook wrapped (set at PySide's first
    import; see the module's docstring). Nothing happens when the hook is not there (PySide not
    loaded yet, or a PySide without it) or something else has replaced it since."""
    import builtins
    original = getattr(builtins, "__orig_import__", None)
    hook = getattr(builtins, "__feature_import__", None)
    if original is not None and hook is not None and builtins.__import__ is hook:
        builtins.__import__ = original


def install(window: MainWindow) -> None:
    """Tie the process-wide settings to *window*'s document and autosave (once, at start-up)."""
    window.model.modelReset.connect(_freeze_long_lived)   # a document was loaded (opened, reloaded, restored)
    # Every turn's words have their times: the aligned words live on with the document (left young,
    # a collection while the episode is then heard walked them all, 10 ms at 300 turns).
    window.timing.words_ready.connect(_freeze_long_lived)
    tune_collector()
    autosave = window.project.autosave
    autosave.snapshot_started.connect(snapshot_started)
    autosave.snapshot_ended.connect(snapshot_ended)


def snapshot_started() -> None:
    """An autosave snapshot is being serialized on a worker (GUI thread; pair with :func:`snapshot_ended`)."""
    _short_switches.enter()
    _paused_collection.enter()


def snapshot_ended() -> None:
    _paused_collection.leave()
    _short_switches.leave()


class _ShortSwitches:
    """The short switch interval while any worker runs Python for long (counted: workers overlap)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._workers = 0
        self._normal = sys.getswitchinterval()

    def enter(self) -> None:
        with self._lock:
            if self._workers == 0:
                self._normal = sys.getswitchinterval()
                sys.setswitchinterval(SNAPSHOT_SWITCH_INTERVAL_S)
            self._workers += 1

    def leave(self) -> None:
        with self._lock:
            self._workers = max(0, self._workers - 1)
            if self._workers == 0:
                sys.setswitchinterval(self._normal)


_short_switches = _ShortSwitches()


class _PausedCollection:
    """No cyclic collection while any pauser is at work (counted: a worker's read, an edit and a
    snapshot may overlap, and only the last to end may turn the collector back on), what each made
    frozen as it ends."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pausers = 0
        self._was_enabled = True

    def enter(self) -> None:
        with self._lock:
            if self._pausers == 0:
                self._was_enabled = gc.isenabled()
                gc.disable()
            self._pausers += 1

    def leave(self) -> None:
        with self._lock:
            gc.freeze()
            self._pausers = max(0, self._pausers - 1)
            if self._pausers == 0 and self._was_enabled:
                gc.enable()


_paused_collection = _PausedCollection()


def worker_started() -> None:
    """A worker thread that may run Python for long has started (pair with :func:`worker_ended`)."""
    _short_switches.enter()


def worker_ended() -> None:
    _short_switches.leave()


@contextlib.contextmanager
def python_on_worker() -> Iterator[None]:
    """Around a worker thread's long Python work: the GUI thread gets the GIL back within 0.2 ms."""
    _short_switches.enter()
    try:
        yield
    finally:
        _short_switches.leave()


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Around work that makes objects by the ten thousand which all live on: no cyclic collection
    meanwhile, and what it made frozen afterwards. A worker's read of a document (a second freeze
    when the model takes the document costs nothing), and an edit in thousands of turns (its new
    texts, words and undo records live on in the undo history; a collection in the middle of it
    walked them all, ~15 ms of a 7,000-place Replace all)."""
    _paused_collection.enter()
    try:
        yield
    finally:
        _paused_collection.leave()


def _freeze_long_lived() -> None:
    gc.freeze()
