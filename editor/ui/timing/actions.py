"""The timing feature's actions. Word and turn times: the Timing menu, the waveform strip and forced alignment.

The nudges' keys: Alt+[ / Alt+] move the start, Alt+, / Alt+. (the < and > keys) the end, earlier
and later. Alt with arrows skips and sets the volume, Ctrl+arrows move by words while typing,
Ctrl+Alt+arrows switch workspaces on common desktops, and Alt+letters open menus.
"""

from __future__ import annotations

from editor.ui.actions import WITH_TEXT, WITH_TEXT_AND_AUDIO, ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("set_start", "Timing", "Set Start to &Playback Position", ("Ctrl+T",),
               "The turn in hand starts where playback is", enabled=WITH_TEXT_AND_AUDIO),
    ActionSpec("set_end", "Timing", "Set &End to Playback Position", ("Ctrl+Shift+T",),
               "The turn in hand ends where playback is", enabled=WITH_TEXT_AND_AUDIO),
    ActionSpec("nudge_start_earlier", "Timing", "Nudge &Start Earlier", ("Alt+[",),
               "Move the turn's start a tenth of a second earlier", enabled=WITH_TEXT, separator=True),
    ActionSpec("nudge_start_later", "Timing", "Nudge S&tart Later", ("Alt+]",),
               "Move the turn's start a tenth of a second later", enabled=WITH_TEXT),
    ActionSpec("nudge_end_earlier", "Timing", "Nudge E&nd Earlier", ("Alt+,",),
               "Move the turn's end a tenth of a second earlier", enabled=WITH_TEXT),
    ActionSpec("nudge_end_later", "Timing", "Nudge En&d Later", ("Alt+.",),
               "Move the turn's end a tenth of a second later", enabled=WITH_TEXT),
    ActionSpec("shift_times", "Timing", "S&hift Times…", (),
               "Move every time (turns, words, marks, chapters) from the first or the current turn on, "
               "e.g. after an intro was added", enabled=WITH_TEXT, separator=True),
    ActionSpec("show_waveform", "View", "&Waveform", (), "Show or hide the waveform strip under the transcript",
               checkable=True, checked=True),
    ActionSpec("align_words", "Tools", "&Align Word Times", (),
               "Align every turn still without word times to the audio (in the background)",
               enabled=WITH_TEXT_AND_AUDIO),
    ActionSpec("resync_turn", "Tools", "&Re-sync Word Times of This Turn", ("Ctrl+Shift+Y",),
               "Align the words of the turn being edited or played again (after a text edit)",
               enabled=WITH_TEXT_AND_AUDIO),
)
