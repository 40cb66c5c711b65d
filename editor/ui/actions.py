"""Every window action in one table: name, menu, text and default shortcuts.

Keys were chosen so they never collide with typing in the transcript
(Express Scribe / oTranscribe habits): F-keys plus Ctrl/Alt chords that a
text field does not use. Ctrl+Left/Right stay word moves, so skipping is on
Alt+Left/Right and F7/F8. The user can change any of them (stored as
overrides in settings); Help ▸ Keyboard Shortcuts lists what is in effect.

Part 2 (and panels such as find/replace or the glossary) add rows to ``SPECS``
and connect the new names in MainWindow._connect_signals().
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence


@dataclass(frozen=True)
class ActionSpec:
    name: str
    menu: str                       # "File", "Playback", "View", "Help", ...
    text: str
    shortcuts: tuple[str, ...] = ()
    tip: str = ""


SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("open", "File", "&Open…", ("Ctrl+O",), "Open a transcript, project or audio file"),
    ActionSpec("open_sample", "File", "Open &Sample Episode"),
    ActionSpec("choose_audio", "File", "Choose &Audio…", ("Ctrl+Shift+O",), "Pick or relink the audio file"),
    ActionSpec("save", "File", "&Save", ("Ctrl+S",), "Save the project (corrections, marks, approvals)"),
    ActionSpec("save_as", "File", "Save &As…", ("Ctrl+Shift+S",), "Save the project under another name"),
    ActionSpec("export", "File", "&Export…", ("Ctrl+E",), "Export the transcript (text, captions, podcast JSON/HTML, DOCX)"),
    ActionSpec("settings", "File", "Se&ttings…", ("Ctrl+,",)),
    ActionSpec("quit", "File", "&Quit", ("Ctrl+Q",)),
    ActionSpec("undo", "Edit", "&Undo", ("Ctrl+Z",)),
    ActionSpec("redo", "Edit", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y")),
    ActionSpec("split_turn", "Edit", "&Split Turn at Caret", ("Alt+Return",),
               "Split the turn at the caret; the new turn starts at that word's time"),
    ActionSpec("merge_next", "Edit", "&Merge with Next Turn", ("Ctrl+M",)),
    ActionSpec("set_start", "Edit", "Set Start to &Playback Position", ("Ctrl+T",)),
    ActionSpec("change_speaker", "Edit", "Change Spea&ker…", ("Alt+S",), "Change the speaker of this turn"),
    ActionSpec("speakers", "Edit", "S&peakers…", (), "Rename speakers everywhere, add speakers"),
    ActionSpec("revert_turn", "Edit", "Re&vert Turn to Original", (), "Back to the recognizer's text"),
    ActionSpec("mark_inaudible", "Edit", "Mark &Inaudible", ("Ctrl+I",),
               "Mark the selection (or insert a marker) as inaudible at the playback time"),
    ActionSpec("mark_crosstalk", "Edit", "Mark &Crosstalk", ("Ctrl+Shift+X",)),
    ActionSpec("mark_unclear", "Edit", "Mark U&nclear (Best Guess)", ("Ctrl+U",)),
    ActionSpec("remove_mark", "Edit", "Remove Marke&r", ("Ctrl+Shift+I",)),
    ActionSpec("next_mark", "Edit", "Next Marker", ("Alt+M",)),
    ActionSpec("previous_mark", "Edit", "Previous Marker", ("Alt+Shift+M",)),
    ActionSpec("play_pause", "Playback", "Play/Pause", ("Ctrl+Space", "F9"), "Play or pause"),
    ActionSpec("skip_back", "Playback", "Skip Back", ("Alt+Left", "F7"), "Skip back"),
    ActionSpec("skip_forward", "Playback", "Skip Forward", ("Alt+Right", "F8"), "Skip forward"),
    ActionSpec("replay_3", "Playback", "Replay 3 s", ("Ctrl+R", "F6"), "Replay the last 3 seconds"),
    ActionSpec("replay_slow", "Playback", "Replay 5 s at 0.75×", ("Ctrl+Shift+R", "Shift+F6"),
               "Replay the last 5 seconds slower, then return to the speed before"),
    ActionSpec("slower", "Playback", "Slower", ("F3", "Ctrl+["), "Play slower (pitch kept)"),
    ActionSpec("faster", "Playback", "Faster", ("F4", "Ctrl+]"), "Play faster (pitch kept)"),
    ActionSpec("normal_speed", "Playback", "Normal Speed", ("Ctrl+0",)),
    ActionSpec("volume_up", "Playback", "Volume Up", ("Alt+Up",)),
    ActionSpec("volume_down", "Playback", "Volume Down", ("Alt+Down",)),
    ActionSpec("go_to_time", "Playback", "&Go to Time…", ("Ctrl+G",)),
    ActionSpec("next_low_confidence", "Playback", "Next &Low-Confidence Word", ("Ctrl+L",),
               "Select the next word the recognizer was unsure of and play it"),
    ActionSpec("find", "Edit", "&Find…", ("Ctrl+F",)),
    ActionSpec("replace", "Edit", "&Replace…", ("Ctrl+H",)),
    ActionSpec("correct_everywhere", "Edit", "&Correct Everywhere…", ("Ctrl+Shift+E",),
               "Correct the selected word or phrase, and its variants, everywhere at once"),
    ActionSpec("glossary", "Edit", "Show &Glossary…", (), "The show's names and terms, with known wrong forms"),
    ActionSpec("approve", "Review", "&Approve Turn", ("Ctrl+Shift+A",)),
    ActionSpec("approve_next", "Review", "Approve and &Next", ("Ctrl+Return", "F12"),
               "Approve this turn, go to the next and play it"),
    ActionSpec("flag", "Review", "&Flag Turn…", ("Ctrl+Shift+L",), "Flag this turn with a note"),
    ActionSpec("unreview", "Review", "Mark &Unreviewed"),
    ActionSpec("next_unreviewed", "Review", "Next U&nreviewed", ("Ctrl+Shift+N",)),
    ActionSpec("markers_panel", "View", "&Markers", ("Ctrl+Shift+M",), "List inaudible, crosstalk and unclear markers"),
    ActionSpec("follow", "View", "Back to &Playback", ("Ctrl+J",),
               "Scroll to what is playing and follow it again"),
    ActionSpec("show_suggestions", "View", "Glossary &Suggestions", (),
               "Likely misrecognitions of the show's glossary names"),
    ActionSpec("shade_low_confidence", "View", "Shade Low-&Confidence Words", (),
               "Tint words the recognizer was unsure of (where the transcript has confidences)"),
    ActionSpec("show_waveform", "View", "&Waveform", (), "Show or hide the waveform strip under the transcript"),
    # View ▸ Theme (a submenu of View: the window groups these as exclusive choices)
    ActionSpec("theme_system", "Theme", "&System", (), "Colours of the system (light or dark)"),
    ActionSpec("theme_light", "Theme", "&Light"),
    ActionSpec("theme_dark", "Theme", "&Dark"),
    ActionSpec("align_words", "Tools", "&Align Word Times", (),
               "Align every turn still without word times to the audio (in the background)"),
    ActionSpec("resync_turn", "Tools", "&Re-sync Word Times of This Turn", ("Ctrl+Shift+Y",),
               "Align the words of the turn being edited or played again (after a text edit)"),
    ActionSpec("shortcuts", "Help", "&Keyboard Shortcuts…", ("Ctrl+/", "F1"), "List every keyboard shortcut"),
    ActionSpec("about", "Help", "&About Transcript Editor"),
)

# Menus are grouped: a separator goes before each of these actions (when it is not the menu's first).
SEPARATOR_BEFORE = frozenset({
    "choose_audio", "save", "settings",                                    # File
    "split_turn", "mark_inaudible", "find",                                # Edit
    "next_unreviewed",                                                     # Review
    "replay_3", "slower", "volume_up", "go_to_time",                       # Playback
    "show_suggestions",                                                    # View
})


class Actions:
    """The window's QActions by name, with the shortcuts in effect."""

    def __init__(self, parent: QObject, overrides: dict[str, str] | None = None,
                 specs: tuple[ActionSpec, ...] = SPECS):
        self.specs = {spec.name: spec for spec in specs}
        self._actions: dict[str, QAction] = {}
        for spec in specs:
            action = QAction(spec.text, parent)
            action.setObjectName(spec.name)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if spec.tip:
                action.setToolTip(spec.tip)
                action.setStatusTip(spec.tip)
            self._actions[spec.name] = action
        self.apply_overrides(overrides or {})

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def names(self) -> list[str]:
        return list(self._actions)

    def in_menu(self, menu: str) -> list[QAction]:
        return [self._actions[s.name] for s in self.specs.values() if s.menu == menu]

    def apply_overrides(self, overrides: dict[str, str]) -> None:
        """Set every action's shortcuts: the user's override (``"F9; Ctrl+Space"``) or the default."""
        for name, action in self._actions.items():
            text = overrides.get(name)
            keys = [k.strip() for k in text.split(";")] if text is not None else list(self.specs[name].shortcuts)
            action.setShortcuts([QKeySequence(k) for k in keys if k])
            tip = self.specs[name].tip or self.specs[name].text.replace("&", "")
            shown = self.shortcut_text(name)
            action.setToolTip(f"{tip} ({shown})" if shown else tip)

    def shortcut_text(self, name: str) -> str:
        return "; ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in self._actions[name].shortcuts())

    def reserved_keys(self) -> set[int]:
        """Single-chord key combinations bound to actions (the text editor leaves them alone)."""
        keys: set[int] = set()
        for action in self._actions.values():
            for sequence in action.shortcuts():
                if sequence.count() == 1:
                    keys.add(sequence[0].toCombined())
        return keys
