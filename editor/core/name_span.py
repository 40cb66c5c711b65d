"""Where a name goes when it replaces a passage, and whether the passage already says it.

A passage found by the audio is made of whole tokens of the text, punctuation included:
"DACA, Leora more hall," for Daraka Larimore-Hall. The comma after it belongs to the sentence,
not to the misheard name, so the name replaces only what lies between the first and the last
letter or digit (punctuation inside, "DACA, Leora", goes with the misheard words). The command
line reports and the window applies the same span.
"""

from __future__ import annotations

import re
import unicodedata


def _is_punctuation(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def name_span(text: str, start: int, end: int, name: str = "") -> tuple[int, int]:
    """``text[start:end]`` without the punctuation on its edges that *name* does not itself
    begin or end with ("Acme Inc." keeps the full stop it replaces); never empty when the
    passage holds more than punctuation."""
    lo, hi = start, end
    while lo < hi and _is_punctuation(text[lo]) and not name.startswith(text[lo]):
        lo += 1
    while hi > lo and _is_punctuation(text[hi - 1]) and not name.endswith(text[hi - 1]):
        hi -= 1
    return (lo, hi) if lo < hi else (start, end)


def same_name(found: str, name: str) -> bool:
    """Whether *found* already says *name*, but for case and punctuation ("Dick Flacks." and
    Dick Flacks, "Larimore Hall" and Larimore-Hall): nothing to correct there. The words must
    be the same ones: "Vandersloot" is not yet "Van der Sloot"."""
    return bool(_words(name)) and _words(found) == _words(name)


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


_TRAILING_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


def without_possessive(name: str) -> str:
    """A name as it replaces a span: the transcript's own "'s" stays outside the span."""
    return _TRAILING_POSSESSIVE.sub("", name.strip())
