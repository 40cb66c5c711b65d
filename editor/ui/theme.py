"""Light and dark: the app's palette and every colour the window paints itself.

Widgets take their colours from the palette. What the window paints on its
own (the playing turn, marks, badges, message bars) comes from a
:class:`Pair`: one colour for a light palette and one for a dark one, chosen
from the palette in effect when painting, so a dark system palette, or the
producer's choice under View ▸ Theme, never leaves light-on-light text. The
pairs' contrast against the palette's text is checked by a test.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication

from editor.core.transcript import MarkKind, ReviewStatus


class Theme(str, enum.Enum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class Pair:
    """A colour for light palettes and one for dark palettes."""

    light: str
    dark: str

    def on(self, palette: QPalette | None = None) -> QColor:
        return QColor(self.dark if is_dark(palette) else self.light)


CURRENT_TURN_BG = Pair("#fff4cc", "#3b3420")
CURRENT_WORD_BG = Pair("#ffd24d", "#7a5a00")
EDITING_BORDER = Pair("#9dbbe8", "#5d86c4")
TURN_IN_HAND = Pair("#2f6fd0", "#7fa9ea")       # the focus ring of the turn the keys act on
MARK_BG = {MarkKind.INAUDIBLE: Pair("#e4e4ec", "#45455c"), MarkKind.CROSSTALK: Pair("#f0e0ec", "#57384e"),
           MarkKind.UNCLEAR: Pair("#e0ecf4", "#2d4a60")}
MARK_BORDER = {MarkKind.INAUDIBLE: Pair("#7a7a99", "#a5a5c8"), MarkKind.CROSSTALK: Pair("#a0608a", "#d08cb8"),
               MarkKind.UNCLEAR: Pair("#4f7fa8", "#80b0d8")}
SECONDARY_TEXT = Pair("#5f646c", "#a9afb8")   # times, "edited"
STATUS_TEXT = {ReviewStatus.APPROVED: Pair("#2e7d32", "#86c98a"), ReviewStatus.FLAGGED: Pair("#c62828", "#ff9a8f")}
NOTE_MARKER = Pair("#b45309", "#f5b86b")     # the flag's note marker on a turn
SUSPECT_MARKER = Pair("#8a3ab9", "#d3a6f0")  # "?" beside a turn with a passage the audio doubts
ERROR_TEXT = Pair("#b00020", "#ff8a80")
MISSPELT_UNDERLINE = Pair("#d0342c", "#ff6b60")
LOW_CONFIDENCE_BG = Pair("#5affc83c", "#50c89628")   # #AARRGGBB: a see-through amber
FOLLOW_BUTTON = Pair("#1f6feb", "#2a62c4")   # under white text
MESSAGE_BG = {"warning": Pair("#fff3cd", "#4a3f1a"), "info": Pair("#e7f0fb", "#1f3350"),
              "error": Pair("#fbe3e3", "#4d2424")}
MESSAGE_BORDER = {"warning": Pair("#e0c060", "#8a7430"), "info": Pair("#9bbbe0", "#3d5f8a"),
                  "error": Pair("#d08080", "#8a4040")}


def is_dark(palette: QPalette | None = None) -> bool:
    """Is *palette* (default: the application's) light text on a dark background?"""
    if palette is None:
        palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Base).lightness() < palette.color(QPalette.ColorRole.Text).lightness()


def _palette(colors: dict[QPalette.ColorRole, str], disabled_text: str) -> QPalette:
    """A palette of *colors*, with *disabled_text* for the text of disabled widgets."""
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled_text))
    return palette


def dark_palette() -> QPalette:
    return _palette({
        QPalette.ColorRole.Window: "#2b2d31", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f2023", QPalette.ColorRole.AlternateBase: "#2a2c30",
        QPalette.ColorRole.Text: "#e8e8e8", QPalette.ColorRole.Button: "#34373c",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Highlight: "#3d6ea8", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#34373c", QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8e939a", QPalette.ColorRole.Link: "#6cb6ff",
        QPalette.ColorRole.LinkVisited: "#b392f0", QPalette.ColorRole.Light: "#4a4d52",
        QPalette.ColorRole.Midlight: "#3e4146", QPalette.ColorRole.Mid: "#55585e",
        QPalette.ColorRole.Dark: "#18191b", QPalette.ColorRole.Shadow: "#0c0c0d",
    }, disabled_text="#7c8087")


def light_palette() -> QPalette:
    return _palette({
        QPalette.ColorRole.Window: "#efefef", QPalette.ColorRole.WindowText: "#1b1b1b",
        QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f5f5f5",
        QPalette.ColorRole.Text: "#1b1b1b", QPalette.ColorRole.Button: "#efefef",
        QPalette.ColorRole.ButtonText: "#1b1b1b", QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#308cc6", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffdc", QPalette.ColorRole.ToolTipText: "#000000",
        QPalette.ColorRole.PlaceholderText: "#6d6d6d", QPalette.ColorRole.Link: "#0b57d0",
        QPalette.ColorRole.LinkVisited: "#7b3fb0", QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#cacaca", QPalette.ColorRole.Mid: "#b8b8b8",
        QPalette.ColorRole.Dark: "#9f9f9f", QPalette.ColorRole.Shadow: "#767676",
    }, disabled_text="#9a9a9a")


# Per application: the palette and style it started with, taken when it first leaves them.
_SYSTEM: dict[int, tuple[QPalette, str]] = {}


class ThemeSwitcher:
    """Applies a :class:`Theme` to the application, remembering the system palette to go back to."""

    def __init__(self, app: QApplication):
        self._app = app
        self.theme = Theme.SYSTEM

    def apply(self, theme: Theme) -> None:
        self.theme = theme
        system = _SYSTEM.get(id(self._app))
        if theme is Theme.SYSTEM:
            # An application never switched still has the system's look: nothing to do (asking for
            # its style at start-up made PySide build QStyle's enums, ~10 ms, and setting it made a new one).
            if system is not None:
                self._app.setStyle(system[1])
                self._app.setPalette(system[0])
            palette = self._app.palette()
            readable = readable_placeholder(palette) or palette
            readable = dimmed_disabled_text(readable) or readable
            if readable is not palette:
                self._app.setPalette(readable)
            return
        if system is None:
            _SYSTEM[id(self._app)] = (QPalette(self._app.palette()), self._app.style().name())
        # Fusion honours every palette role on every platform.
        self._app.setStyle(_fusion_with_readable_panel_buttons(SECONDARY_TEXT.dark if theme is Theme.DARK
                                                               else SECONDARY_TEXT.light))
        self._app.setPalette(dark_palette() if theme is Theme.DARK else light_palette())


# The standard pixmaps a dock's title bar shows (float, close).
_PANEL_BUTTON_PIXMAPS = ("SP_TitleBarNormalButton", "SP_TitleBarCloseButton", "SP_DockWidgetCloseButton")


def _fusion_with_readable_panel_buttons(ink: str):
    """The Fusion style with a panel's float and close buttons drawn in *ink*.

    Fusion draws them from fixed mid-grey pixmaps, whatever the palette: 2.6:1 on the dark theme's
    window, too faint to find. Their shapes are kept, their colour is the theme's secondary text.
    """
    from PySide6.QtWidgets import QProxyStyle, QStyle  # QStyle's enums: only when a theme is chosen

    tinted = {getattr(QStyle.StandardPixmap, name) for name in _PANEL_BUTTON_PIXMAPS}

    class ReadablePanelButtons(QProxyStyle):
        def standardIcon(self, standard_icon, option=None, widget=None):   # noqa: N802 (Qt's name)
            icon = super().standardIcon(standard_icon, option, widget)
            return _inked(icon, QColor(ink)) if standard_icon in tinted else icon

    return ReadablePanelButtons("Fusion")


def _inked(icon: QIcon, ink: QColor) -> QIcon:
    """*icon*'s shapes (each size it has) filled with *ink*."""
    inked = QIcon()
    for size in icon.availableSizes() or [QSize(16, 16), QSize(32, 32)]:
        pixmap = icon.pixmap(size)
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), ink)
        painter.end()
        inked.addPixmap(pixmap)
    return inked


PLACEHOLDER_CONTRAST = 4.5   # WCAG's for text: a placeholder ("https://example.com/…") is read too


def readable_placeholder(palette: QPalette) -> QPalette | None:
    """*palette* with a placeholder text that reads on its fields, or None when it already does.

    A dark palette that sets no placeholder colour (common on dark desktops) keeps Qt's default, half-
    transparent black: all but invisible on a dark field. The placeholder then becomes the dimmest
    colour between the field and its text that still reads, so it stays apart from typed text.
    """
    base, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
    if contrast(_over(palette.color(QPalette.ColorRole.PlaceholderText), base), base) >= PLACEHOLDER_CONTRAST:
        return None
    readable = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled):
        readable.setColor(group, QPalette.ColorRole.PlaceholderText, _dimmest(text, base, PLACEHOLDER_CONTRAST))
    return readable


DISABLED_CONTRAST = 3.0   # a disabled button's words still read, but clearly fainter than an enabled one's

# Each text role with the background it is read on.
_TEXT_ON = ((QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
            (QPalette.ColorRole.Text, QPalette.ColorRole.Base),
            (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button))


def dimmed_disabled_text(palette: QPalette) -> QPalette | None:
    """*palette* with the text of disabled widgets fainter than that of enabled ones, or None when it is.

    A palette made by setting each role once (common on dark desktops) gives disabled widgets the
    same text as enabled ones: a disabled Apply or Ignore looked as pressable as the button beside
    it. Such text becomes the dimmest colour between its background and it that still reads."""
    dimmed = None
    for role, background in _TEXT_ON:
        text = palette.color(QPalette.ColorGroup.Active, role)
        if palette.color(QPalette.ColorGroup.Disabled, role).rgb() != text.rgb():
            continue
        dimmed = dimmed or QPalette(palette)
        back = palette.color(QPalette.ColorGroup.Disabled, background)
        dimmed.setColor(QPalette.ColorGroup.Disabled, role, _dimmest(text, back, DISABLED_CONTRAST))
    return dimmed


def _dimmest(text: QColor, base: QColor, wanted: float) -> QColor:
    """The colour between *base* and *text* nearest *base* with at least *wanted* contrast on *base*."""
    for percent in range(40, 101, 5):
        mixed = QColor.fromRgbF(*(b + (t - b) * percent / 100 for b, t in zip(_rgb(base), _rgb(text), strict=True)))
        if contrast(mixed, base) >= wanted:
            return mixed
    return QColor(text)


def _over(color: QColor, background: QColor) -> QColor:
    """*color* as seen over *background* (its transparency blended in)."""
    alpha = color.alphaF()
    return QColor.fromRgbF(*(c * alpha + b * (1 - alpha) for c, b in zip(_rgb(color), _rgb(background), strict=True)))


def _rgb(color: QColor) -> tuple[float, float, float]:
    return color.redF(), color.greenF(), color.blueF()


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two opaque colours (1 … 21)."""
    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF())
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# ---------------------------------------------------------------------- transport icons
def transport_icon(kind: str, palette: QPalette, size: int = 20) -> QIcon:
    """A transport icon ("play", "pause", "back", "forward", "replay", "volume") in the palette's button text.

    The styles' standard media icons are black pixmaps, invisible on a dark
    button; these are drawn in whatever colour the buttons' text has.
    """
    icon = QIcon()
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        pixmap = QPixmap(size * 2, size * 2)
        pixmap.setDevicePixelRatio(2.0)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = palette.color(group, QPalette.ColorRole.ButtonText)
        _draw(painter, kind, color, float(size))
        painter.end()
        icon.addPixmap(pixmap, mode)
    return icon


def _draw(painter: QPainter, kind: str, color: QColor, s: float) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    if kind == "play":
        painter.drawPolygon([QPointF(s * 0.3, s * 0.2), QPointF(s * 0.82, s * 0.5), QPointF(s * 0.3, s * 0.8)])
    elif kind == "pause":
        painter.drawRect(QRectF(s * 0.27, s * 0.2, s * 0.16, s * 0.6))
        painter.drawRect(QRectF(s * 0.57, s * 0.2, s * 0.16, s * 0.6))
    elif kind in ("back", "forward"):
        points = [(0.5, 0.25, 0.15, 0.5, 0.5, 0.75), (0.85, 0.25, 0.5, 0.5, 0.85, 0.75)]
        for x1, y1, x2, y2, x3, y3 in points:
            if kind == "forward":
                x1, x2, x3 = 1 - x1, 1 - x2, 1 - x3
            painter.drawPolygon([QPointF(s * x1, s * y1), QPointF(s * x2, s * y2), QPointF(s * x3, s * y3)])
    elif kind == "replay":
        pen = QPen(color, s * 0.1)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(s * 0.2, s * 0.2, s * 0.6, s * 0.6), 100 * 16, 280 * 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPolygon([QPointF(s * 0.36, s * 0.08), QPointF(s * 0.56, s * 0.2), QPointF(s * 0.36, s * 0.34)])
    elif kind == "volume":
        path = QPainterPath()
        path.moveTo(s * 0.15, s * 0.38)
        for x, y in ((0.32, 0.38), (0.55, 0.18), (0.55, 0.82), (0.32, 0.62), (0.15, 0.62)):
            path.lineTo(s * x, s * y)
        path.closeSubpath()
        painter.drawPath(path)
        pen = QPen(color, s * 0.07)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(s * 0.45, s * 0.3, s * 0.3, s * 0.4), -50 * 16, 100 * 16)
