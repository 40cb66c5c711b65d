"""How inaudible, crosstalk and unclear marks look in the transcript: what exports will write.

Exports drop the words under an inaudible or crosstalk mark and write the kind's token
("[inaudible]", "[inaudible 00:12:03]" in Rev style) in their place, so the window shows
such words struck through and dimmed, followed by a small tag with the token. An
"unclear" mark keeps its words (a best guess, written as "[unclear: guess]"), and a mark
that covers just its own token ("[inaudible]" in the text) already reads as it exports:
both are only tinted. All of it is per turn and per mark: nothing here reads the document.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFont, QPalette, QTextCharFormat

from editor.core.timecode import format_clock
from editor.core.transcript import Mark, MarkKind
from editor.ui import theme

_DROPS_WORDS = (MarkKind.INAUDIBLE, MarkKind.CROSSTALK)
TAG_PADDING = 4        # pixels each side of a tag's text, inside its outline
TAG_GAP = 3            # pixels between the struck words and their tag


def drops_words(text: str, mark: Mark) -> bool:
    """True when exports write *mark*'s token instead of words the producer sees under it."""
    if mark.kind not in _DROPS_WORDS or mark.end <= mark.start:
        return False
    covered = text[mark.start:mark.end].strip()
    return bool(covered) and covered != mark.kind.token


def tagged(text: str, marks: Sequence[Mark]) -> list[Mark]:
    """The marks of a turn that get a tag (those whose words exports drop), in text order."""
    return [mark for mark in marks if mark.end <= len(text) and drops_words(text, mark)]


def text_format(mark: Mark, text: str, palette: QPalette | None = None) -> QTextCharFormat:
    """The look of a mark's characters: tinted and italic; struck through and dimmed when
    exports drop them."""
    fmt = QTextCharFormat()
    fmt.setBackground(theme.MARK_BG.get(mark.kind, theme.MARK_BG[MarkKind.INAUDIBLE]).on(palette))
    fmt.setFontItalic(True)
    if drops_words(text, mark):
        fmt.setFontStrikeOut(True)
        fmt.setForeground(theme.SECONDARY_TEXT.on(palette))
    return fmt


def dropped_format(room: int = 0) -> QTextCharFormat:
    """Laid out with the words exports drop: struck through (part of the layout, so the playing
    word's highlight drawn over them keeps it), and on the last character *room* pixels after it
    for the tag, so the words that follow move over instead of running under it."""
    fmt = QTextCharFormat()
    fmt.setFontStrikeOut(True)
    if room:
        fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        fmt.setFontLetterSpacing(room)
    return fmt


def tooltip(mark: Mark, text: str) -> str:
    """What the mark is and what exports write for it."""
    when = f" at {format_clock(mark.time_ms)}" if mark.time_ms is not None else ""
    covered = " ".join(text[mark.start:mark.end].split())
    if mark.kind is MarkKind.UNCLEAR:
        return f"Unclear (best guess){when}: exports write \u201c[unclear: {covered}]\u201d"
    token = mark.kind.token
    if drops_words(text, mark):
        return (f"Marked {mark.kind.value}{when}: exports write \u201c{token}\u201d in place of "
                f"\u201c{covered[:80]}\u201d")
    return f"Marked {mark.kind.value}{when}: exports write \u201c{token}\u201d"
