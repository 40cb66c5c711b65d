"""The publishing feature's actions."""

from __future__ import annotations

from editor.ui.actions import WITH_TEXT, ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("publish", "File", "&Publish…", ("Ctrl+Shift+P",),
               "Write the files podcast apps read (WebVTT, SRT, JSON, HTML, text) and the feed tags to paste",
               enabled=WITH_TEXT),
)
