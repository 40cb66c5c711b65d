"""The review feature's actions. Reviewing turns and the marks panel."""

from __future__ import annotations

from editor.ui.actions import WITH_TEXT, ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("approve", "Review", "&Approve Turn", ("Ctrl+Shift+A",), enabled=WITH_TEXT),
    ActionSpec("approve_next", "Review", "Approve and &Next", ("Ctrl+Return", "F12"),
               "Approve this turn, go to the next and play it", enabled=WITH_TEXT),
    ActionSpec("flag", "Review", "&Flag Turn…", ("Ctrl+Shift+L",), "Flag this turn with a note", enabled=WITH_TEXT),
    ActionSpec("unreview", "Review", "Mark &Unreviewed", enabled=WITH_TEXT),
    ActionSpec("next_unreviewed", "Review", "Next Un&reviewed", ("Ctrl+Shift+N",), enabled=WITH_TEXT, separator=True),
    ActionSpec("markers_panel", "View", "&Markers", ("Ctrl+Shift+M",), "List inaudible, crosstalk and unclear markers",
               enabled=WITH_TEXT),
)
