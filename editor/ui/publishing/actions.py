"""The publishing feature's actions: the transcript written out, as one file or as what podcast apps read."""

from __future__ import annotations

from editor.ui.actions import WITH_TEXT, ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("export", "File", "&Export…", ("Ctrl+E",),
               "Export the transcript (text, captions, podcast JSON/HTML, DOCX)", enabled=WITH_TEXT),
    ActionSpec("publish", "File", "&Publish…", ("Ctrl+Shift+P",),
               "Write the files podcast apps read (WebVTT, SRT, JSON, HTML, text) and the feed tags to paste",
               enabled=WITH_TEXT),
)
