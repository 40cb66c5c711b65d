"""Which language the feed tags name when the producer has not said: :func:`default_language`.

The namespace's ``<podcast:transcript language="...">`` is optional, but apps use it to offer
the transcript to the right listeners, so a publish fills it in: the transcript's own language
when its file named one (Whisper does), else the language last published for the show (the
window remembers it), else the language of the system's locale (``en_GB.UTF-8`` gives ``en``;
the region is the producer's, not necessarily the episode's).
"""

from __future__ import annotations

import contextlib
import locale
import os

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


def default_language(transcript_language: str, last_used: str = "") -> tuple[str, str]:
    """The language to publish with and where it came from ("the transcript", "the show's last
    publish", "the system"), or ``("", "")`` when none is known. Values that are no language code
    are passed over."""
    for candidate, where in ((transcript_language, "the transcript"), (last_used, "the show's last publish"),
                             (system_language(), "the system")):
        try:
            code = check_language(candidate)
        except ValueError:
            continue
        if code:
            return code, where
    return "", ""
