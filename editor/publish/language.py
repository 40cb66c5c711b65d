"""Which language the feed tags name when the producer has not said: :func:`default_language`.

The namespace's ``<podcast:transcript language="...">`` is optional, but apps use it to offer
the transcript to the right listeners, so a publish fills it in: the transcript's own language
when its file named one (Whisper does), else the language its text is in (:func:`guess_language`),
else the language last published for the show (the window remembers it), else the language of the
system's locale (``en_GB.UTF-8`` gives ``en``; the region is the producer's, not necessarily the
episode's, and a French system may well publish an English show).

The text is told by its commonest words (:mod:`editor.core.text_language`). A language not
listed there is left to the locale, and the publish dialog shows the language it chose, for the
producer to change.
"""

from __future__ import annotations

import contextlib
import locale
import os
from collections.abc import Iterable

from editor.core.text_language import guess_language
from editor.publish.feed_tags import check_language

# Where POSIX systems keep the locale, most specific first (LANGUAGE: a list, "de:en").
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")

def system_language() -> str:
    """The language code of the system's locale ("en"), "" when it names none (C, POSIX)."""
    names = [os.environ.get(name, "") for name in _LOCALE_VARIABLES]
    with contextlib.suppress(ValueError):   # an unknown locale name in the environment
        names.append(locale.getlocale()[0] or "")   # Windows and macOS keep it here, not in the environment
    for name in names:
        code = name.split(":")[0].split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
        if code and code not in ("c", "posix"):
            try:
                return check_language(code)
            except ValueError:
                continue
    return ""


def default_language(transcript_language: str, last_used: str = "", texts: Iterable[str] = ()) -> tuple[str, str]:
    """The language to publish with and where it came from ("the transcript", "the transcript's text",
    "the show's last publish", "the system"), or ``("", "")`` when none is known. *texts*: the
    transcript's turns, read only when its file names no language. Values that are no language
    code are passed over."""
    def checked(candidate: str) -> str:
        try:
            return check_language(candidate)
        except ValueError:
            return ""

    if code := checked(transcript_language):
        return code, "the transcript"
    last = checked(last_used)
    if guessed := guess_language(texts):
        # The show's last language says the region ("en-US") when it is the text's language.
        if last.split("-")[0].lower() == guessed:
            return last, "the show's last publish"
        return guessed, "the transcript's text"
    if last:
        return last, "the show's last publish"
    if code := checked(system_language()):
        return code, "the system"
    return "", ""


def transcript_texts(transcript) -> Iterable[str]:
    """The turns' texts of *transcript*, as :func:`default_language` reads them."""
    return (segment.text for segment in transcript.segments)
