"""British spellings of English words and the American ones the app's word lists know.

The spelling word list, PocketSphinx's pronunciation dictionary and its language model are all
American: "defences", "manoeuvre" or "paediatric" are missing from them, though right. A word
missing from one of them is judged (said, spelled, weighed in its sentence) as its American
spelling when British English spells it that way. The pairs come from breame's word list, not
from ending rules: "four" is no British "for", nor "filled" a British "filed", and no ending
rule turns "defence" into "defense" or "grey" into "gray".
"""

from __future__ import annotations

from breame.spelling import get_american_spelling


def american(word: str) -> str:
    """*word* (lower case) as American English spells it ("colours": "colors"), or itself when
    British English spells it no other way."""
    return get_american_spelling(word).strip()
