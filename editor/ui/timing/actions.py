"""The timing feature's actions. Word and turn times: the waveform strip and forced alignment."""

from __future__ import annotations

from editor.ui.actions import WITH_TEXT_AND_AUDIO, ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("show_waveform", "View", "&Waveform", (), "Show or hide the waveform strip under the transcript",
               checkable=True, checked=True),
    ActionSpec("align_words", "Tools", "&Align Word Times", (),
               "Align every turn still without word times to the audio (in the background)",
               enabled=WITH_TEXT_AND_AUDIO),
    ActionSpec("resync_turn", "Tools", "&Re-sync Word Times of This Turn", ("Ctrl+Shift+Y",),
               "Align the words of the turn being edited or played again (after a text edit)",
               enabled=WITH_TEXT_AND_AUDIO),
)
