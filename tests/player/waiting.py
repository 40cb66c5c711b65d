"""Polling for a player's state from its own thread (the player tests have no Qt event loop to wait in)."""

import time


def wait_for(predicate, timeout=5.0):
    """True as soon as *predicate()* is, False when *timeout* seconds pass first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return False
