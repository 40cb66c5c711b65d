"""CPython 3.11's race between a process pool winding down and its process's exit, made to happen every time.

A :class:`concurrent.futures.ProcessPoolExecutor` whose worker died (a cancelled pass kills its
workers) is wound down by its manager thread, which last closes the pipe that wakes it
(``_ThreadWakeup.close``). As the process exits, ``concurrent.futures.process._python_exit`` writes
to that same pipe, looking first whether it is closed but without the lock the manager thread
closes it under (fixed in CPython 3.12, gh-125451; not in 3.11). A manager thread that closes it
between that look and that write (a niced pass on a loaded machine: rare) makes the exit print a
traceback ending ``OSError: [Errno 9] Bad file descriptor`` (or ``handle is closed``).

:func:`install`, in a pass's process (tests/ui/cancelled_pass.py calls it there when
``LATE_POOL_END`` is set; tests/suggest_stopped.py in the command's), widens both sides of that
race: the manager thread closes the pipe :data:`CLOSE_LATE_S` late (descheduled), and the exit
hook, having looked, writes
:data:`WRITE_LATE_S` later still. A pass that leaves its manager thread to the exit hook then
always prints the traceback; one that has waited for the thread (its pipe closed) never does.

No Qt, no PocketSphinx, nothing heavy: every process spawned by the script imports this.
"""

from __future__ import annotations

import time

CLOSE_LATE_S = 2.0     # the manager thread closes its wake-up pipe this late
WRITE_LATE_S = 4.0     # the exit hook writes this long after it looked (after the close above)


def install() -> None:
    from concurrent.futures import process

    close = process._ThreadWakeup.close

    def closed_late(self) -> None:
        time.sleep(CLOSE_LATE_S)
        close(self)

    def wakeup(self) -> None:
        # CPython 3.11's own wakeup, with the exit hook descheduled between its look and its write.
        if not self._closed:
            if process._global_shutdown:        # set by the exit hook (_python_exit) alone
                time.sleep(WRITE_LATE_S)
            self._writer.send_bytes(b"")

    process._ThreadWakeup.close = closed_late
    process._ThreadWakeup.wakeup = wakeup
