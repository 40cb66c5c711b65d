"""The chapters feature's actions."""

from __future__ import annotations

from editor.ui.actions import WITH_TEXT, WITH_TEXT_AND_AUDIO, ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("chapter_at_turn", "Edit", "Mark C&hapter at Turn…", ("Ctrl+Shift+H",),
               "Start a chapter where the current turn starts", enabled=WITH_TEXT, separator=True),
    ActionSpec("chapter_at_playback", "Edit", "Mark Chapter at Play&back Position…", ("Ctrl+Shift+K",),
               "Start a chapter at the playback position", enabled=WITH_TEXT_AND_AUDIO),
    ActionSpec("chapters_panel", "View", "C&hapters", (), "Show the episode's chapters", enabled=WITH_TEXT),
)
