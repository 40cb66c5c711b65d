"""Clean verbatim: leaving filler words (uh, um, you know, ...) out of an export.

Only exports change: the project's text is never touched. The words to leave
out are a list per language, editable by the producer (one word or phrase a
line in ``<user config>/transcript-editor/fillers/<language>.txt``); a
language without a file of its own uses the built-in list below.

The rule that keeps meaning safe: a one-word filler ("um") goes wherever it
stands; a phrase ("you know", "I mean") goes only where it is set off from
the sentence: after a comma or a sentence end (or at the start of the turn)
and before a comma, a sentence end or the end of the turn, so "you know,
it leaked" loses the filler but "do you know him?" keeps its words. Where a
filler goes, its punctuation is tidied: one comma is kept where it stood
between two commas ("So, um, we" -> "So, we"), a sentence end moves onto the
word before ("it held, um." -> "it held."), and a filler that opened a
sentence hands its capital to the next word ("Um, so" -> "So").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

APP_DIR_NAME = "transcript-editor"

# Conservative defaults: hesitation sounds everywhere, phrases only where set off by commas.
# Words that are fillers only sometimes ("like", "so", "well") are left for the producer to add.
DEFAULT_FILLERS: dict[str, tuple[str, ...]] = {
    "en": ("uh", "um", "uhm", "umm", "uh-uh-uh", "er", "erm", "ah", "hmm", "mm", "mhm",
           "you know", "I mean", "sort of", "kind of"),
    "de": ("äh", "ähm", "öh", "hm", "hmm", "halt", "sozusagen", "weißt du"),
    "fr": ("euh", "heu", "bah", "ben", "hum", "tu vois", "tu sais", "en fait"),
    "es": ("eh", "em", "este", "o sea", "pues", "bueno", "sabes"),
    "it": ("ehm", "eh", "cioè", "tipo", "diciamo"),
    "nl": ("eh", "uh", "uhm", "ehm", "zeg maar", "weet je"),
    "pt": ("é", "hã", "tipo", "né", "sabe"),
}

_EDGE_PUNCTUATION = ".,;:!?\"'()[]…“”‘’«»"
_SENTENCE_END = ".?!…"


def base_language(language: str) -> str:
    """``en`` for ``en-US`` / ``en_GB`` / ``EN``; empty stays empty."""
    return re.split(r"[-_]", language.strip().lower(), maxsplit=1)[0] if language else ""


def fillers_dir() -> Path:
    """Where the producer's lists live (the user's config folder, e.g. ``~/.config/transcript-editor``)."""
    import platformdirs
    return Path(platformdirs.user_config_dir(APP_DIR_NAME)) / "fillers"


def fillers_path(language: str, folder: Path | None = None) -> Path:
    return (folder or fillers_dir()) / f"{base_language(language) or 'en'}.txt"


def load_fillers(language: str, folder: Path | None = None) -> tuple[str, ...]:
    """The filler list for *language*: the producer's file when there is one, else the built-in list."""
    path = fillers_path(language, folder)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return DEFAULT_FILLERS.get(base_language(language) or "en", ())
    except (OSError, UnicodeDecodeError):
        return DEFAULT_FILLERS.get(base_language(language) or "en", ())
    return parse_fillers(text)


def parse_fillers(text: str) -> tuple[str, ...]:
    """One filler a line; blank lines and ``#`` comments are ignored, duplicates dropped."""
    seen: dict[str, str] = {}
    for line in text.splitlines():
        phrase = " ".join(line.split("#", 1)[0].split())
        if phrase and phrase.lower() not in seen:
            seen[phrase.lower()] = phrase
    return tuple(seen.values())


def save_fillers(language: str, fillers: Sequence[str], folder: Path | None = None) -> Path:
    """Write the producer's list for *language* atomically; returns the file's path."""
    from editor.core.atomic import atomic_write

    path = fillers_path(language, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join(f"{phrase}\n" for phrase in parse_fillers("\n".join(fillers)))
    atomic_write(path, body.encode("utf-8"), backup=False)
    return path


# ------------------------------------------------------------------------------ removing
def _normal(token: str) -> str:
    return token.strip(_EDGE_PUNCTUATION).lower()


def _trailing(token: str) -> str:
    core = token.rstrip(_EDGE_PUNCTUATION)
    return token[len(core):] if core else ""


def _is_break(punctuation: str) -> bool:
    return any(ch in punctuation for ch in ",;:" + _SENTENCE_END)


def _ends_sentence(token: str) -> bool:
    return any(ch in _trailing(token) for ch in _SENTENCE_END)


def clean_tokens(tokens: Sequence[str], fillers: Sequence[str]) -> list[str | None]:
    """For each token its clean-verbatim text, or None where it is left out.

    Tokens are whitespace-separated words as written (punctuation attached).
    """
    out: list[str | None] = list(tokens)
    by_first = _phrases_by_first_word(tuple(fillers))
    if not by_first:
        return out
    normal = [_normal(t) for t in tokens]
    i = 0
    while i < len(tokens):
        candidates = by_first.get(normal[i])
        length = _match(tokens, normal, i, candidates) if candidates else 0
        if not length:
            i += 1
            continue
        _remove(out, tokens, i, length)
        i += length
    return out


@lru_cache(maxsize=16)
def _phrases_by_first_word(fillers: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """The filler phrases as normalised words, grouped by their first word, longest first."""
    phrases = sorted({tuple(_normal(w) for w in f.split()) for f in fillers if f.split()}, key=len, reverse=True)
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase[0]:
            grouped.setdefault(phrase[0], []).append(phrase)
    return grouped


def _match(tokens: Sequence[str], normal: list[str], i: int, phrases: list[tuple[str, ...]]) -> int:
    for phrase in phrases:
        n = len(phrase)
        if i + n > len(tokens) or tuple(normal[i:i + n]) != phrase:
            continue
        # Inside a phrase no punctuation may stand ("you, know" is not the filler).
        if any(_trailing(t) for t in tokens[i:i + n - 1]):
            continue
        if n == 1:
            return 1
        set_off_before = i == 0 or _is_break(_trailing(tokens[i - 1]))
        set_off_after = i + n == len(tokens) or _is_break(_trailing(tokens[i + n - 1]))
        if set_off_before and set_off_after:
            return n
    return 0


def _remove(out: list[str | None], tokens: Sequence[str], i: int, length: int) -> None:
    last = tokens[i + length - 1]
    punctuation = _trailing(last)
    opened_sentence = i == 0 or _ends_sentence(_previous_kept(out, i) or ".")
    for k in range(i, i + length):
        out[k] = None
    before = _previous_index(out, i)
    ending = "".join(ch for ch in punctuation if ch in _SENTENCE_END + "\"”»)")
    if before is not None and ending:
        # "it held, um." -> "it held.": the sentence end moves onto the word before.
        word = out[before] or ""
        out[before] = word.rstrip(",;:") + ending if not _ends_sentence(word) else word
    after = i + length
    following = out[after] if after < len(out) else None
    if opened_sentence and following and tokens[i][:1].isupper():
        out[after] = following[:1].upper() + following[1:]


def _previous_index(out: list[str | None], i: int) -> int | None:
    for k in range(i - 1, -1, -1):
        if out[k] is not None:
            return k
    return None


def _previous_kept(out: list[str | None], i: int) -> str | None:
    k = _previous_index(out, i)
    return None if k is None else out[k]


_TOKEN_OR_SPACE = re.compile(r"(\s+)")


def clean_text(text: str, fillers: Sequence[str]) -> str:
    """*text* without its fillers; the spacing and line breaks between kept words are kept
    (where a filler goes, the space before it stays unless a line break followed it); space
    around the whole text is not."""
    if not fillers or not text.strip():
        return text
    parts = _TOKEN_OR_SPACE.split(text)
    # parts alternate token, space, token, ... (a leading/trailing "" where text starts/ends with space)
    token_indexes = [k for k in range(0, len(parts), 2) if parts[k]]
    cleaned = clean_tokens([parts[k] for k in token_indexes], fillers)
    if all(new == parts[k] for k, new in zip(token_indexes, cleaned, strict=True)):
        return text
    kept: list[str] = []
    pending_space = ""
    for k, new in zip(token_indexes, cleaned, strict=True):
        space_after = parts[k + 1] if k + 1 < len(parts) else ""
        if new is None:
            if "\n" in space_after and "\n" not in pending_space:
                pending_space = space_after  # a line break outweighs a space
            continue
        if kept:
            kept.append(pending_space or " ")
        kept.append(new)
        pending_space = space_after
    return "".join(kept)
