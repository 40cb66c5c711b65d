"""A painted turn's underlines and shading follow the palette: switched from light to dark, a row
already decorated gets the dark palette's colours, not those it was first painted with."""

from __future__ import annotations

from editor.core.transcript import Segment, Word
from editor.ui import theme
from editor.ui.document.turn_decorations import TurnDecorations, low_confidence_format


def test_a_rows_decorations_follow_the_palette_from_light_to_dark_and_back(qapp):
    segment = Segment("s1", 0, 1000, "we sailed north", None,
                      words=[Word("we", 0, 100, 0.9), Word("sailed", 100, 500, 0.2), Word("north", 500, 900, 0.9)])
    decorations = TurnDecorations()
    decorations.set_shading(True)
    kept = qapp.palette()
    try:
        qapp.setPalette(theme.light_palette())
        light = decorations(0, segment)
        light_format = low_confidence_format()
        qapp.setPalette(theme.dark_palette())
        dark = decorations(0, segment)
        dark_format = low_confidence_format()
        qapp.setPalette(theme.light_palette())
        light_again = decorations(0, segment)
    finally:
        qapp.setPalette(kept)
    assert light_format.background() != dark_format.background()
    assert [(s, e) for s, e, _f in light] == [(3, 9)]
    assert [f for _s, _e, f in light] == [light_format]
    assert [(s, e, f) for s, e, f in dark] == [(3, 9, dark_format)]
    assert [f for _s, _e, f in light_again] == [light_format]
