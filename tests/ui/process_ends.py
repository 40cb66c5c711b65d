"""Waiting for a process of a test's child tree (not a child of the test itself) to end."""

from __future__ import annotations

import os
import select


def ended(pid: int, timeout_s: float) -> bool:
    """Whether *pid* has ended (a zombie, or reaped), waited for up to *timeout_s*.

    The pipes a process wrote to reaching end of file is not enough: a process closes its files on
    its way out (the kernel's exit_files) before it becomes a zombie (exit_notify), and on a loaded
    machine it can wait for the CPU in between."""
    try:
        pidfd = os.pidfd_open(pid)      # readable once the process has ended, reaped or not
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([pidfd], [], [], timeout_s)[0])
    finally:
        os.close(pidfd)
