"""The document feature's actions. Editing the document: undo, turns, speakers, marks."""

from __future__ import annotations

from editor.core.long_text import PART_CHARS
from editor.ui.actions import CAN_REDO, CAN_UNDO, WITH_TEXT, ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("undo", "Edit", "&Undo", ("Ctrl+Z",), enabled=CAN_UNDO),
    ActionSpec("redo", "Edit", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), enabled=CAN_REDO),
    ActionSpec("split_turn", "Edit", "&Split Turn at Caret", ("Alt+Return",),
               "Split the turn at the caret; the new turn starts at that word's time",
               enabled=WITH_TEXT, separator=True),
    ActionSpec("split_long_turn", "Edit", "Split Long Turn Into P&arts", (),
               f"Cut the turn into turns of at most {PART_CHARS:,} characters, between sentences: a turn too long "
               "to edit in place becomes editable", enabled=WITH_TEXT),
    ActionSpec("merge_next", "Edit", "&Merge with Next Turn", ("Ctrl+M",), enabled=WITH_TEXT),
    ActionSpec("change_speaker", "Edit", "Change Spea&ker…", ("Alt+S",), "Change the speaker of this turn",
               enabled=WITH_TEXT),
    ActionSpec("speakers", "Edit", "Sp&eakers…", (), "Rename speakers everywhere, add speakers", enabled=WITH_TEXT),
    ActionSpec("revert_turn", "Edit", "Re&vert Turn to Original", (), "Back to the recognizer's text",
               enabled=WITH_TEXT),
    ActionSpec("mark_inaudible", "Edit", "Mark &Inaudible", ("Ctrl+I",),
               "Mark the selection (or insert a marker) as inaudible at the playback time",
               enabled=WITH_TEXT, separator=True),
    ActionSpec("mark_crosstalk", "Edit", "Mark Cross&talk", ("Ctrl+Shift+X",), enabled=WITH_TEXT),
    ActionSpec("mark_unclear", "Edit", "Mark U&nclear (Best Guess)", ("Ctrl+U",), enabled=WITH_TEXT),
    ActionSpec("remove_mark", "Edit", "Rem&ove Marker", ("Ctrl+Shift+I",), enabled=WITH_TEXT),
    ActionSpec("next_mark", "Edit", "Ne&xt Marker", ("Alt+M",), enabled=WITH_TEXT),
    ActionSpec("previous_mark", "Edit", "&Previous Marker", ("Alt+Shift+M",), enabled=WITH_TEXT),
)
