"""A stop a signal asks (Ctrl+C) is held back while the main thread is in held work, which runs on to
its end and sees it asked; it is raised as the work is left, and at once outside it."""

from __future__ import annotations

import signal

import pytest

from editor.core import stop_request


@pytest.fixture
def ctrl_c_asks():
    before = signal.signal(signal.SIGINT, lambda _signal, _frame: stop_request.ask(KeyboardInterrupt()))
    yield
    signal.signal(signal.SIGINT, before)


def test_ctrl_c_in_held_work_is_raised_as_it_is_left(ctrl_c_asks):
    steps = []
    with pytest.raises(KeyboardInterrupt), stop_request.held():
        steps.append(stop_request.asked())
        signal.raise_signal(signal.SIGINT)      # its handler runs here, in this thread
        steps.append(stop_request.asked())
        with stop_request.held():               # nested: raised by the outermost only
            steps.append("inner")
        steps.append("after inner")
    assert steps == [False, True, "inner", "after inner"]
    assert not stop_request.asked()


def test_ctrl_c_outside_held_work_is_raised_at_once(ctrl_c_asks):
    steps = []
    with pytest.raises(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)
        steps.append("went on")
    assert steps == []
    assert not stop_request.asked()
