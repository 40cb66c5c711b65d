"""Process-wide interpreter tuning for a responsive window, installed once at start-up.

Two settings of the whole Python process matter to the window, and both are made here
and nowhere else:

* **Cyclic GC.** A 10-hour episode is ~1 M long-lived objects; a full collection walks
  them all (14-80 ms measured), and the snapshot worker's allocations trigger one now and
  then, which stops the GUI thread for that long. So whenever a document has been loaded
  into the model, everything alive is moved out of the collector's reach
  (``gc.freeze()``). Frozen objects are still freed by reference counting when the
  document closes (the model has no reference cycles); only cyclic garbage that exists
  right then would stay. Edits allocate in bursts too: a replace in thousands of turns
  makes tens of thousands of objects (new words, undo records) that all live on in the
  undo history. Collected every 700 allocations (Python's default) they were walked
  again and again, and a full collection came in the middle of the edit (~50 ms of a
  0.25 s replace-all), so the young generation holds :data:`YOUNG_OBJECTS` before it is
  collected (a few ms each time, when it comes).
* **GIL switch interval.** While an autosave snapshot is serialized on a worker, the
  worker keeps the GIL for a whole switch interval each time the GUI thread asks for it,
  and one repaint asks many times (21 ms stalls measured with Python's default 5 ms). So
  while a snapshot is being written the interval is 0.2 ms, and back to what it was after.
"""

from __future__ import annotations

import gc
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editor.ui.main_window import MainWindow

SNAPSHOT_SWITCH_INTERVAL_S = 0.0002
YOUNG_OBJECTS = 50_000   # gc's first threshold (Python's default: 700)


def install(window: MainWindow) -> None:
    """Tie the process-wide settings to *window*'s document and autosave (once, at start-up)."""
    window.model.modelReset.connect(_freeze_long_lived)   # a document was loaded (opened, reloaded, restored)
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS, older, oldest)
    normal = sys.getswitchinterval()
    autosave = window.project.autosave
    autosave.snapshot_started.connect(lambda: sys.setswitchinterval(SNAPSHOT_SWITCH_INTERVAL_S))
    autosave.snapshot_ended.connect(lambda: sys.setswitchinterval(normal))


def _freeze_long_lived() -> None:
    gc.freeze()
