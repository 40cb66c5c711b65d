"""After a restore the window says how many edits came back (those an autosave snapshot holds as well
as the journal's lines after it) and puts the turn last edited in hand."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import write_project  # noqa: E402
from restore_helpers import button, kill, prompt, type_into  # noqa: E402

# every window and journal of these tests lives in a data folder of the test's own
pytestmark = pytest.mark.usefixtures("own_data_dir")


def _restore(window, path, qtbot) -> list[str]:
    said: list[str] = []
    window.project.recovery.message.connect(said.append)
    assert window.open_path(str(path))
    button(prompt(window, qtbot), "Restore").click()
    qtbot.waitUntil(lambda: any(message.startswith("Restored") for message in said))
    return said


def test_edits_before_the_autosave_are_counted_and_the_last_edited_turn_is_in_hand(windows, tmp_path, qtbot):
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    type_into(first, 0, "Late that night ")
    type_into(first, 4, "Oh. ")
    assert first.project.autosave.save_now()     # the snapshot: the two edits above are in it
    first.project.autosave.wait()
    type_into(first, 2, "Then ")
    kill(first)

    second = windows()
    said = _restore(second, path, qtbot)
    assert f"Restored unsaved work on {path.name}: 3 turns changed" in said
    assert second.view.current_turn() == 2


def test_an_autosave_alone_puts_its_last_changed_turn_in_hand(windows, tmp_path, qtbot):
    path = write_project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    type_into(first, 3, "Well, ")
    type_into(first, 1, "So ")
    assert first.project.autosave.save_now()
    first.project.autosave.wait()
    kill(first)

    second = windows()
    said = _restore(second, path, qtbot)
    assert f"Restored unsaved work on {path.name}: 2 turns changed" in said
    assert second.view.current_turn() == 3       # the last turn that differs (the edits' order is not kept)
