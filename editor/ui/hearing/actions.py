"""The hearing feature's actions: the suspects panel, walking suspects, checking again."""

from __future__ import annotations

from editor.ui.actions import WITH_AUDIO, WITH_TEXT, ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("next_suspect", "Review", "Next &Suspect", ("Alt+U",),
               "Go to the next passage the audio doubts and play it", enabled=WITH_TEXT, separator=True),
    ActionSpec("previous_suspect", "Review", "Pre&vious Suspect", ("Alt+Shift+U",),
               "Go to the previous passage the audio doubts and play it", enabled=WITH_TEXT),
    ActionSpec("find_suspects", "Review", "Find Suspects in the Au&dio",
               tip="Score every word against the audio and list the doubtful passages", enabled=WITH_AUDIO),
    ActionSpec("suspects_panel", "View", "S&uspects", ("Ctrl+Shift+U",),
               "List the passages the audio doubts, most doubtful first", enabled=WITH_TEXT),
)
