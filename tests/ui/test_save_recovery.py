"""Crash recovery: kill the real window's process (SIGKILL) mid-edit, open again, restore, nothing lost."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import comparable, write_project  # noqa: E402
from fake_player import fake_player_factory  # noqa: E402
from restore_helpers import button, prompt  # noqa: E402
from window_helpers import SAMPLE_TXT  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

# The child: the real window; edits typed through the editor and made through the controllers,
# an autosave snapshot in the middle, more edits after it; it prints the state it reached and
# keeps running until it is killed.
CHILD = textwrap.dedent("""
    import json, sys
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    sys.path.insert(0, {helpers!r})
    from edit_helpers import comparable
    from editor.core.transcript import MarkKind
    from editor.ui.main_window import MainWindow

    app = QApplication([])
    w = MainWindow()
    w.show()
    assert w.open_path({path!r})
    QTest.keyClicks(w.view.open_editor(1, 0), "Late that night ")
    w.view.open_editor(2, 5)
    w.edits.add_mark(MarkKind.INAUDIBLE)
    w.view.open_editor(3, len("and nobody heard"))
    w.edits.split_at_caret()
    assert w.project.autosave.save_now()        # the autosave snapshot, as after a pause
    w.project.autosave.wait()
    w.edits.rename_speaker("b", "Petter Lunde")
    w.review.approve(0)
    w.review.flag("which radio?", 2)
    QTest.keyClicks(w.view.open_editor(5, 0), "Then ")
    w.edits.undo()                               # undone work must stay undone
    QTest.keyClicks(w.view.open_editor(5, 0), "So then ")
    print(json.dumps(comparable(w.model.transcript), default=str), flush=True)
    print("READY", flush=True)
    app.exec()
""")


@pytest.fixture(autouse=True)
def data_dir(own_data_dir):
    return own_data_dir


def _kill_mid_edit(tmp_path, path, data_dir):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRANSCRIPT_EDITOR_DATA_DIR=str(data_dir),
               TRANSCRIPT_EDITOR_SETTINGS=str(tmp_path / "child.ini"), PYTHONPATH=str(ROOT))
    script = CHILD.format(helpers=str(Path(__file__).resolve().parent), path=str(path))
    child = subprocess.Popen([sys.executable, "-c", script], env=env, cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        expected = child.stdout.readline()
        assert child.stdout.readline().strip() == "READY", child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)             # no close event, no save, no clean-up
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    return json.loads(expected)


def _as_json(transcript):
    return json.loads(json.dumps(comparable(transcript), default=str))


def test_kill_mid_edit_then_reopen_and_restore_everything(main_window, tmp_path, data_dir, qtbot):
    path = write_project(tmp_path)
    original = path.read_bytes()
    expected = _kill_mid_edit(tmp_path, path, data_dir)
    assert path.read_bytes() == original               # the project itself was never saved

    w = main_window
    assert w.open_path(str(path))                      # opening it offers what was left behind
    box = prompt(w, qtbot)
    assert "Unsaved work on harbour.tep.json" in box.text()
    button(box, "Restore").click()
    qtbot.waitUntil(lambda: w.model.rowCount() == 6)
    assert _as_json(w.model.transcript) == expected    # every edit, including those after the autosave
    assert w.isWindowModified()                        # restored work is unsaved work

    QTest_type(w, 0, "Next morning ")                  # journaling goes on in the restored session
    assert w.project.save()
    reloaded = _load(path)
    assert reloaded.segments[0].text.startswith("Next morning the tide")
    assert _as_json(reloaded)[1:] == expected[1:]
    from editor.session import recovery
    left = recovery.find_for(path)
    assert left is None or not left.has_changes        # saved: nothing left to restore
    assert not w.isWindowModified()


def test_unsaved_import_is_offered_at_start_and_discard_removes_it(main_window, tmp_path, data_dir, qtbot):
    source = tmp_path / "episode.txt"
    shutil.copy(SAMPLE_TXT, source)
    expected_text = None
    w = main_window
    assert w.open_path(str(source))
    QTest_type(w, 1, "Right, ")
    expected_text = w.model.segment(1).text
    journals = list((data_dir / "recovery").glob("*.journal"))
    assert len(journals) == 1                          # unsaved work of an import: in the data folder
    w.project.autosave.close()                         # as a kill would leave it (the file stays)

    from editor.ui.main_window import MainWindow
    again = MainWindow(player_factory=fake_player_factory)
    qtbot.addWidget(again)
    try:
        assert again.project.recovery.offer_recovery() is not None     # what the app does at start
        button(prompt(again, qtbot), "Not Now").click()
        assert journals[0].exists()
        assert again.project.recovery.offer_recovery() is not None
        button(prompt(again, qtbot), "Restore").click()
        qtbot.waitUntil(lambda: again.model.rowCount() > 0)
        assert again.model.segment(1).text == expected_text
        assert again.project.source_path == str(source) and again.project.project_path == ""
        again.project.discard_changes()
        assert not journals[0].exists()
        assert again.project.recovery.offer_recovery() is None
    finally:
        again.close()


def test_clean_close_leaves_nothing_behind(main_window, tmp_path, qtbot):
    path = write_project(tmp_path)
    w = main_window
    assert w.open_path(str(path))
    QTest_type(w, 0, "x")
    assert Path(str(path) + ".journal").exists()
    w.edits.undo()                                     # back to the saved state
    assert w.close()
    assert not Path(str(path) + ".journal").exists()


def QTest_type(window, row, text):
    from PySide6.QtTest import QTest
    QTest.keyClicks(window.view.open_editor(row, 0), text)


def _load(path):
    from editor.core import project
    return project.load(path).transcript


@pytest.fixture(autouse=True)
def _no_stray_boxes(qtbot):
    yield
    from PySide6.QtWidgets import QApplication
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()
