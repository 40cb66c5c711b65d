"""The transport bar: play/pause, skip, replay, speed, volume and the position slider.

Buttons are bound to the window's QActions (one place for text, shortcut and
enabled state); the bar only shows the controller's state. Per playback tick
it moves the slider and, once a second, rewrites the elapsed time label.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSlider, QToolButton, QWidget

from editor.core.timecode import format_clock
from editor.player.base import PlayerState
from editor.ui.playback.playback_controller import RATES
from editor.ui.theme import transport_icon

# Beside their icon, the replay buttons say only what differs (the tooltip has the whole name and keys),
# so the bar fits a narrow window.
_SHORT_LABELS = {"replay_3": "3 s", "replay_slow": "5 s slower"}
_ICONS = {"skip_back": "back", "play_pause": "play", "skip_forward": "forward",
          "replay_3": "replay", "replay_slow": "replay"}


class _ActionButton(QToolButton):
    """A tool button for an action that keeps its own short label when the action changes
    (QToolButton copies the action's text back on every change, e.g. new shortcuts)."""

    def __init__(self, label: str = "", parent=None):
        super().__init__(parent)
        self._label = label

    def actionEvent(self, event) -> None:
        super().actionEvent(event)
        if self._label:
            self.setText(self._label)


class TransportBar(QWidget):
    """Shows and drives playback; emits what the user asks for."""

    seek_requested = Signal(int)
    rate_requested = Signal(float)
    volume_requested = Signal(int)

    def __init__(self, actions, parent=None):
        super().__init__(parent)
        self.setObjectName("TransportBar")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(4)
        self._actions = actions
        self._playing = False
        self._play_action = actions["play_pause"]
        self._buttons: list[QToolButton] = []
        for name in _ICONS:
            button = self._button(actions[name], _SHORT_LABELS.get(name, ""))
            self._buttons.append(button)
            layout.addWidget(button)
        self._elapsed = QLabel("00:00")
        self._elapsed.setAccessibleName("Elapsed time")
        self._slider = QSlider(Qt.Orientation.Horizontal)
        self._slider.setAccessibleName("Position")
        self._slider.setRange(0, 0)
        self._slider.setPageStep(10_000)
        self._slider.setSingleStep(1000)
        self._total = QLabel("00:00")
        self._total.setAccessibleName("Duration")
        # Shown while a seek waits for the working copy (the player holds instead of playing
        # the compressed original from a wrong place).
        self._preparing = QLabel()
        self._preparing.setObjectName("PreparingExactSeeking")
        self._preparing.setAccessibleName("Preparing exact seeking")
        self._preparing.setToolTip("The audio is being decoded once so that every seek lands exactly; "
                                   "playback starts at the chosen time as soon as it is ready")
        self._preparing.hide()
        layout.addSpacing(6)
        layout.addWidget(self._preparing)
        layout.addSpacing(4)
        layout.addWidget(self._elapsed)
        layout.addWidget(self._slider, 1)
        layout.addWidget(self._total)
        layout.addSpacing(6)
        self._rate = QComboBox()
        self._rate.setAccessibleName("Speed")
        self._rate.setToolTip("Playback speed (pitch is kept)")
        for rate in RATES:
            self._rate.addItem(f"{rate:g}×", rate)
        self._rate.setCurrentIndex(RATES.index(1.0))
        layout.addWidget(self._rate)
        self._volume = QSlider(Qt.Orientation.Horizontal)
        self._volume.setAccessibleName("Volume")
        self._volume.setToolTip("Volume")
        self._volume.setRange(0, 100)
        self._volume.setFixedWidth(80)
        self._volume_icon = QLabel()
        layout.addWidget(self._volume_icon)
        self._icon_colours: tuple[int, int] | None = None   # the button text colours the icons are in
        self._paint_icons()
        layout.addWidget(self._volume)
        self._shown_second = -1
        self._dragging = False
        self._slider.sliderPressed.connect(self._on_slider_pressed)
        self._slider.sliderReleased.connect(self._on_slider_released)
        self._slider.actionTriggered.connect(self._on_slider_action)
        self._rate.activated.connect(lambda i: self.rate_requested.emit(self._rate.itemData(i)))
        self._volume.valueChanged.connect(self.volume_requested)

    def focus_chain(self) -> list[QWidget]:
        """What Tab reaches in the bar, left to right as shown."""
        return [*self._buttons, self._slider, self._rate, self._volume]

    def show_preparing(self, holding: bool, progress: float) -> None:
        """"Preparing exact seeking… 45%" while playback waits for exact audio around the
        target (*progress* below 0: how far is not known, so no percentage)."""
        if holding:
            self._preparing.setText("Preparing exact seeking…" if progress < 0
                                    else f"Preparing exact seeking… {int(progress * 100)}%")
        self._preparing.setVisible(holding)

    def _button(self, action: QAction, label: str) -> QToolButton:
        button = _ActionButton(label)
        button.setDefaultAction(action)
        button.setAutoRaise(True)
        button.setAccessibleName(action.text().replace("&", ""))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if label
                                  else Qt.ToolButtonStyle.ToolButtonIconOnly)
        # Reached by Tab (a keyboard user's way to them); a click leaves the keys with the text.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    def _paint_icons(self) -> None:
        """Icons in the palette's button text colour (again whenever the palette changes: light/dark)."""
        if not all(shiboken6.isValid(self._actions[name]) for name in _ICONS):
            return   # the window is being torn down: its actions went first
        palette = self.palette()
        # A palette change reaches the bar several times as the window is built (its tool bar, the
        # window, the style) with the same colours: the icons are drawn again only in new ones.
        colours = (palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText).rgba(),
                   palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText).rgba())
        if colours == self._icon_colours:
            return
        self._icon_colours = colours
        for name, kind in _ICONS.items():
            if name == "play_pause":
                kind = "pause" if self._playing else "play"
            self._actions[name].setIcon(transport_icon(kind, palette))
        self._volume_icon.setPixmap(transport_icon("volume", palette, 16).pixmap(16, 16))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()

    # ------------------------------------------------------------------ showing state
    def show_position(self, ms: int) -> None:
        if not self._dragging:
            self._slider.setValue(ms)
        second = ms // 1000
        if second != self._shown_second:
            self._shown_second = second
            # A long episode shows hours from the start (the field does not jump); any position past
            # an hour shows them even when there is no audio to give the length (None: when h > 0).
            self._elapsed.setText(format_clock(ms, hours=True if self._slider.maximum() >= 3_600_000 else None))

    def show_duration(self, ms: int) -> None:
        self._slider.setRange(0, max(0, ms))
        self._total.setText(format_clock(ms) if ms else "--:--")
        self._shown_second = -1

    def show_state(self, state: PlayerState) -> None:
        playing = state == PlayerState.PLAYING
        if playing != self._playing:
            self._playing = playing
            self._play_action.setIcon(transport_icon("pause" if playing else "play", self.palette()))

    def show_rate(self, rate: float) -> None:
        index = min(range(len(RATES)), key=lambda i: abs(RATES[i] - rate))
        self._rate.setCurrentIndex(index)

    def show_volume(self, percent: int) -> None:
        self._volume.blockSignals(True)
        self._volume.setValue(percent)
        self._volume.blockSignals(False)

    # ------------------------------------------------------------------ slider
    def _on_slider_pressed(self) -> None:
        self._dragging = True

    def _on_slider_released(self) -> None:
        self._dragging = False
        self.seek_requested.emit(self._slider.value())

    def _on_slider_action(self, action: int) -> None:
        if not self._dragging and action != QSlider.SliderAction.SliderMove:
            self.seek_requested.emit(self._slider.sliderPosition())
