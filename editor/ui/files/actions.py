"""The files feature's actions. Opening transcripts and audio."""

from __future__ import annotations

from editor.ui.actions import WITH_TEXT, ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "File", "&Open…", ("Ctrl+O",), "Open a transcript, project or audio file"),
    ActionSpec("open_sample", "File", "Open &Sample Episode"),
    ActionSpec("reopen_encoding", "File", "Reopen with &Encoding…", (),
               "Read the open transcript again in another text encoding", enabled=WITH_TEXT),
    ActionSpec("choose_audio", "File", "Choose &Audio…", ("Ctrl+Shift+O",), "Pick or relink the audio file",
               enabled=WITH_TEXT, separator=True),
)
