"""The project feature's actions. Recovering unsaved work and saving the work."""

from __future__ import annotations

from editor.ui.actions import WITH_TEXT, ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    # Beside Open and Open Recent: a way to open work of an earlier session.
    ActionSpec("recover_unsaved", "File", "Recover Unsaved &Work…", (),
               "Unsaved work from earlier sessions that was not restored: restore or delete it"),
    ActionSpec("save", "File", "&Save", ("Ctrl+S",), "Save the project (corrections, marks, approvals)",
               enabled=WITH_TEXT, separator=True),
    ActionSpec("save_as", "File", "Save &As…", ("Ctrl+Shift+S",), "Save the project under another name",
               enabled=WITH_TEXT),
)
