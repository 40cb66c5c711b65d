"""Runs of short words where a longer name may have been said ("Priya Venn cat a ram an").

A recognizer that does not know a name often writes a short word for each of its syllables. Short
words are said lightly and fit loosely anyway, so such a run raises no doubt of its own, and a name
said over it fits no better than the pieces (a syllable or two of the name lands on each piece's
guessed vowel): the name's own fit there is lower than a name said over one or two words. Where the
run also sounds like a glossary name (see :mod:`editor.hearing.sound_match`), the name's fit is held
to a lower bar.
"""

from __future__ import annotations

from editor.hearing.verdict import TimedToken

SHORT_LETTERS = 3      # a word this short (letters) is a piece, not a word of a name
LEAST_PIECES = 3       # short words in a row that make a run (two are everyday: "of a", "in an")
RUN_FIT_SLACK = 0.6    # how much lower (log score per frame) a name may fit over such a run


def short_run(text: str, timed: list[TimedToken], first: int, last: int) -> bool:
    """Whether tokens *first*..*last* of *text* hold LEAST_PIECES short words in a row."""
    row = 0
    for token in timed[first:last + 1]:
        word = text[token.char_start:token.char_end].strip(".,;:!?")
        row = row + 1 if len(word) <= SHORT_LETTERS and word.isalpha() else 0
        if row >= LEAST_PIECES:
            return True
    return False


def run_fit_bar(bar: float, text: str, timed: list[TimedToken], first: int, last: int) -> float:
    """The fit a name sounding like tokens *first*..*last* must reach: *bar*, lowered over a short run."""
    return bar - RUN_FIT_SLACK if short_run(text, timed, first, last) else bar
