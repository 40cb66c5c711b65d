"""Apply the Name Heard acts on the text the audio heard: a turn edited since (the list not yet
refreshed) is not changed at the passage's old place, where other words now are."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtTest import QTest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import write_project  # noqa: E402

from editor.hearing.spotting import Spotted  # noqa: E402
from editor.hearing.suspects import Suspect  # noqa: E402


def test_apply_the_name_heard_leaves_a_turn_edited_since_as_it_is(main_window, qtbot, tmp_path):
    window = main_window
    assert window.open_path(str(write_project(tmp_path)))
    segment = window.model.segment(3)
    text = segment.text                      # "and nobody heard the foghorn until morning"
    start, end = text.index("foghorn"), text.index("foghorn") + len("foghorn")
    suspect = Suspect(3, segment.id, start, end, "foghorn", segment.start_ms, segment.end_ms, 0.9, ["audio"])
    heard = Spotted(start, end, "foghorn", "Fog Horn Inc", 0.5)
    window.hearing.store.put(segment.id, text, [suspect], [heard], 3)
    window.action_table["suspects_panel"].trigger()
    panel = window.hearing.panel
    window.hearing.store.changed.emit()
    qtbot.waitUntil(lambda: panel.list.count() == 1)
    panel.list.setCurrentRow(0)
    assert panel.apply.isEnabled()
    # The producer types at the turn's start, and clicks before the list has caught up.
    QTest.keyClicks(window.view.open_editor(3, 0), "Well ")
    window.view.close_editor()
    edited = window.model.segment(3).text
    assert edited == "Well " + text
    panel.apply.click()
    assert window.model.segment(3).text == edited     # no word of the producer's replaced
