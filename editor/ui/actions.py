"""Window actions: the row type features declare them with, and the table of QActions.

Each feature lists its actions in its own ``actions.py`` (name, menu, text, default
shortcuts, when the action is enabled); the window concatenates those tables in
menu order and builds one :class:`Actions` from them.

Keys were chosen so they never collide with typing in the transcript
(Express Scribe / oTranscribe habits): F-keys plus Ctrl/Alt chords that a
text field does not use. Ctrl+Left/Right stay word moves, so skipping is on
Alt+Left/Right and F7/F8. The user can change any of them (stored as
overrides in settings); Help ▸ Keyboard Shortcuts lists what is in effect.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

# When an action is enabled: the window's state it depends on (see Actions.update_enabled).
ALWAYS = ""
WITH_TEXT = "text"                 # a transcript is open
WITH_AUDIO = "audio"               # audio is loaded
WITH_TEXT_AND_AUDIO = "text+audio"
CAN_UNDO = "undo"
CAN_REDO = "redo"


@dataclass(frozen=True)
class ActionSpec:
    """One action of the window as its feature declares it: name, menu, text, keys, tip, when enabled."""

    name: str
    menu: str                       # "File", "Playback", "View", "Help", ...
    text: str
    shortcuts: tuple[str, ...] = ()
    tip: str = ""
    enabled: str = ALWAYS           # one of the conditions above
    separator: bool = False         # a separator before it in its menu (menus are grouped)
    checkable: bool = False
    checked: bool = False


class Actions:
    """The window's QActions by name, with the shortcuts in effect."""

    def __init__(self, parent: QObject, specs: Iterable[ActionSpec], overrides: dict[str, str] | None = None):
        self.specs = {spec.name: spec for spec in specs}
        self._actions: dict[str, QAction] = {}
        for spec in self.specs.values():
            action = QAction(spec.text, parent)
            action.setObjectName(spec.name)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if spec.tip:
                action.setToolTip(spec.tip)
                action.setStatusTip(spec.tip)
            if spec.checkable:
                action.setCheckable(True)
                action.setChecked(spec.checked)
            self._actions[spec.name] = action
        self.apply_overrides(overrides or {})

    def __getitem__(self, name: str) -> QAction:
        return self._actions[name]

    def names(self) -> list[str]:
        return list(self._actions)

    def in_menu(self, menu: str) -> list[QAction]:
        return [self._actions[s.name] for s in self.specs.values() if s.menu == menu]

    def update_enabled(self, state: Mapping[str, bool]) -> None:
        """Enable each action whose condition holds in *state* (``{"text": ..., "audio": ..., ...}``)."""
        for spec in self.specs.values():
            if spec.enabled == WITH_TEXT_AND_AUDIO:
                on = state[WITH_TEXT] and state[WITH_AUDIO]
            elif spec.enabled:
                on = state[spec.enabled]
            else:
                continue
            self._actions[spec.name].setEnabled(on)

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
                    keys.add(sequence[0].toCombined())  # type: ignore[index]  # PySide's stubs lack operator[]
        return keys
