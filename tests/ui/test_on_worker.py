"""OnWorker runs a function on a worker thread and always tells its outcome on the GUI thread: the
result, or the exception it raised, which the window shows (never lost in the thread)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QObject

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import write_project  # noqa: E402

from editor.ui.project.on_worker import OnWorker  # noqa: E402


def test_the_result_comes_back_on_the_gui_thread(qtbot):
    owner = QObject()
    worker = OnWorker(lambda: threading.current_thread().name, "a-worker", owner)
    told = []
    worker.done.connect(lambda result: told.append((result, threading.current_thread() is threading.main_thread())))
    worker.failed.connect(lambda error: told.append(error))
    with qtbot.waitSignal(worker.done):
        worker.start()
    assert told == [("a-worker", True)]


def test_an_exception_raised_on_the_worker_is_told_as_a_failure(qtbot):
    owner = QObject()

    def broken():
        raise OSError(5, "Input/output error")

    worker = OnWorker(broken, "a-worker", owner)
    told = []
    worker.done.connect(lambda result: told.append(("done", result)))
    with qtbot.waitSignal(worker.failed) as failure:
        worker.start()
    assert isinstance(failure.args[0], OSError) and told == []


@pytest.mark.usefixtures("own_data_dir")
def test_the_recover_dialog_says_why_it_could_not_look_for_kept_work(windows, tmp_path, qtbot, monkeypatch):
    from editor.session import kept_work
    window = windows()
    assert window.open_path(str(write_project(tmp_path)))

    def unreadable(_folders):
        raise PermissionError(13, "Permission denied", str(tmp_path))

    monkeypatch.setattr(kept_work, "find_kept", unreadable)
    window.action_table["recover_unsaved"].trigger()
    dialog = window.project.recovery.recover_dialog
    # Until the journals are read, the list's place says so.
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.empty.text() != "Looking for kept work…")
    assert "Could not look for kept work" in dialog.empty.text() and "Permission denied" in dialog.empty.text()
    assert dialog.empty.isVisible() and not dialog.restore_button.isVisible()
