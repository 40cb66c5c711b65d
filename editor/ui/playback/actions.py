"""The playback feature's actions. Playing the audio and following it."""

from __future__ import annotations

from editor.ui.actions import WITH_AUDIO, WITH_TEXT, ActionSpec

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("play_pause", "Playback", "&Play/Pause", ("Ctrl+Space", "F9"), "Play or pause", enabled=WITH_AUDIO),
    ActionSpec("skip_back", "Playback", "Skip &Back", ("Alt+Left", "F7"), "Skip back", enabled=WITH_AUDIO),
    ActionSpec("skip_forward", "Playback", "Skip &Forward", ("Alt+Right", "F8"), "Skip forward", enabled=WITH_AUDIO),
    ActionSpec("replay_3", "Playback", "&Replay 3 s", ("Ctrl+R", "F6"), "Replay the last 3 seconds",
               enabled=WITH_AUDIO, separator=True),
    ActionSpec("replay_slow", "Playback", "Replay &5 s at 0.75×", ("Ctrl+Shift+R", "Shift+F6"),
               "Replay the last 5 seconds slower, then return to the speed before", enabled=WITH_AUDIO),
    ActionSpec("slower", "Playback", "&Slower", ("F3", "Ctrl+["), "Play slower (pitch kept)",
               enabled=WITH_AUDIO, separator=True),
    ActionSpec("faster", "Playback", "Fas&ter", ("F4", "Ctrl+]"), "Play faster (pitch kept)", enabled=WITH_AUDIO),
    ActionSpec("normal_speed", "Playback", "&Normal Speed", ("Ctrl+0",), enabled=WITH_AUDIO),
    ActionSpec("volume_up", "Playback", "Volume &Up", ("Alt+Up",), enabled=WITH_AUDIO, separator=True),
    ActionSpec("volume_down", "Playback", "Volume &Down", ("Alt+Down",), enabled=WITH_AUDIO),
    ActionSpec("go_to_time", "Playback", "&Go to Time…", ("Ctrl+G",), enabled=WITH_TEXT, separator=True),
    ActionSpec("follow", "View", "Back to &Playback", ("Ctrl+J",),
               "Scroll to what is playing and follow it again", enabled=WITH_TEXT),
)
