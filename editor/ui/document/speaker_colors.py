"""One distinct, readable colour per speaker (by the speaker's position in the transcript)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette

from editor.ui.theme import is_dark

# Colour-blind-friendly hues (Okabe-Ito, plus a few more), dark enough for text on white.
_PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7a5195", "#8c564b"]
_COLORS = [QColor(c) for c in _PALETTE]


def speaker_color(index: int) -> QColor:
    """Colour for the speaker at *index* in ``transcript.speakers`` (grey for none)."""
    if index < 0:
        return QColor("#888888")
    return _COLORS[index % len(_COLORS)]


def speaker_text_color(index: int, palette: QPalette | None = None) -> QColor:
    """The speaker's name colour: the hue darkened on a light background, lightened on a dark one."""
    color = speaker_color(index)
    return color.lighter(150) if is_dark(palette) else color.darker(135)
