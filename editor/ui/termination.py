"""SIGTERM (a logout, a system shutdown, ``kill``) ends the window as closing it does, without asking.

Nobody is there to answer "Save the changes?" when the session ends, and Qt never sees the signal:
by default Python's SIGTERM ends the process where it stands, which leaves the recovery journal (and
the journal file prepared for the next edit) behind even when nothing was unsaved, so the next start
offered to restore nothing. Closed here instead, unsaved work stays in its journal, offered at the next
start as after a crash (its journal's last line says the system closed it, and the prompt says so), and
a document with nothing unsaved leaves nothing behind.

The signal's C handler only writes its number to a pipe (``signal.set_wakeup_fd``); a
``QSocketNotifier`` on its other end wakes the event loop, which closes the window between events,
never in the middle of an edit. (A pipe where there are pipes: importing ``socket`` cost the start-up
~3-5 ms of CPU. Windows wakes only on a socket, so there it is a socket pair.)
"""

from __future__ import annotations

import contextlib
import os
import signal

from PySide6.QtCore import QObject, QSocketNotifier


class _WakeupChannel:
    """Two connected non-blocking descriptors: the signal's number is written to one, read from the other."""

    def __init__(self) -> None:
        if os.name == "posix":
            self.read_fd, self.write_fd = os.pipe()
            for fd in (self.read_fd, self.write_fd):
                os.set_blocking(fd, False)   # set_wakeup_fd needs its end non-blocking
            self._sockets = None
        else:
            import socket
            self._sockets = socket.socketpair()
            for end in self._sockets:
                end.setblocking(False)
            self.read_fd, self.write_fd = (end.fileno() for end in self._sockets)

    def receive(self) -> bytes:
        """What was written so far (OSError when nothing was)."""
        return os.read(self.read_fd, 64) if self._sockets is None else self._sockets[0].recv(64)

    def close(self) -> None:
        if self._sockets is None:
            os.close(self.read_fd)
            os.close(self.write_fd)
        else:
            for end in self._sockets:
                end.close()


class SigtermClose(QObject):
    """While installed, SIGTERM calls ``window.close_without_asking()``; :meth:`uninstall` puts back
    what was there before."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self._window = window
        self._channel = _WakeupChannel()
        self._old_fd = signal.set_wakeup_fd(self._channel.write_fd, warn_on_full_buffer=False)
        # A Python-level handler is what makes the C handler write to the wakeup channel and not end
        # the process; the work is done by the notifier, on the event loop.
        self._old_handler = signal.signal(signal.SIGTERM, _noted)
        self._notifier = QSocketNotifier(self._channel.read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_signal)
        self._installed = True
        # Gone with the window: the wakeup descriptor must never outlive its channel (its number
        # could be given to another file, which each later signal would then be written into).
        window.destroyed.connect(lambda *_: self.uninstall())

    def _on_signal(self, *_) -> None:
        try:
            numbers = self._channel.receive()
        except OSError:       # nothing there after all
            return
        if signal.SIGTERM in numbers:
            self._window.project.closing_by_system()     # the restore prompt says so, not "a crash"
            self._window.close_without_asking()

    def uninstall(self) -> None:
        if not self._installed:
            return
        self._installed = False
        with contextlib.suppress(RuntimeError):   # the notifier went with the window
            self._notifier.setEnabled(False)
        signal.signal(signal.SIGTERM, self._old_handler)
        signal.set_wakeup_fd(self._old_fd)
        self._channel.close()


def _noted(_number: int, _frame) -> None:
    """The signal was seen; :class:`SigtermClose` acts on it from the event loop."""


def close_on_sigterm(window) -> SigtermClose:
    """Install the SIGTERM handling for *window* (the process's one main window)."""
    return SigtermClose(window)
