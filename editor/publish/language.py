"""Which language the feed tags name when the producer has not said: :func:`default_language`.

The namespace's ``<podcast:transcript language="...">`` is optional, but apps use it to offer
the transcript to the right listeners, so a publish fills it in: the transcript's own language
when its file named one (Whisper does), else the language its text is in (:func:`guess_language`),
else the language last published for the show (the window remembers it), else the language of the
system's locale (``en_GB.UTF-8`` gives ``en``; the region is the producer's, not necessarily the
episode's, and a French system may well publish an English show).

The text is told by its commonest words, not by a language-identification model: the libraries
made for the job load a model of megabytes (py3langid: about a second and 80 MB on this machine)
to tell a hundred languages apart, where a transcript is thousands of words of running speech
whose function words give its language away at once. A language not listed here is left to the
locale, and the publish dialog shows the language it chose, for the producer to change.
"""

from __future__ import annotations

import contextlib
import locale
import os
import re
from collections.abc import Iterable

from editor.publish.feed_tags import check_language

# Where POSIX systems keep the locale, most specific first (LANGUAGE: a list, "de:en").
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")

# Frequent words of each language that none of the others here uses much ("de", "en", "la", "que",
# "mais" are left out: several of these languages say them).
_COMMON_WORDS = {
    "en": "the and of that you was with this have what they are but not just it be for we from there about",
    "de": "der die das und ist nicht ich ein eine mit auf sich auch wir dass aber wie zu dem sind noch schon",
    "fr": "le les et est une des je pas nous vous dans pour avec qui ce sur du au ça elle très c'est",
    "es": "el los las y pero muy por del lo eso esto yo qué también hay cuando más porque tiene",
    "it": "il gli della dell che è sono anche questo questa perché molto per delle nel alla ci di più cosa poi ho "
          "tutto stato sia",
    "pt": "não você com muito isso ele são dos em eu uma um ao mas do o os então tem ela",
    "nl": "het een van dat niet ik wat maar ook zijn met op dit naar heb hebben nog wel kan gaat heel",
}
_LANGUAGE_OF = {word: code for code, words in _COMMON_WORDS.items() for word in words.split()}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
WORDS_READ = 5000        # enough running speech to tell; a long episode is not read to its end
MIN_HITS = 12            # fewer of a language's common words than this: the text cannot tell
MIN_SHARE = 0.08         # ... nor when they are this small a part of the words read
LEAD = 3.0               # the language must have this many times the hits of the next one


def guess_language(texts: Iterable[str]) -> str:
    """The language code of *texts* (a transcript's turns), "" when they cannot tell (too few words,
    a language not listed, or two languages as often)."""
    hits = dict.fromkeys(_COMMON_WORDS, 0)
    read = 0
    for text in texts:
        for word in _WORD.findall(text.lower().replace("’", "'")):
            code = _LANGUAGE_OF.get(word) or _LANGUAGE_OF.get(word.split("'")[0])
            if code is not None:
                hits[code] += 1
            read += 1
        if read >= WORDS_READ:
            break
    ranked = sorted(hits.items(), key=lambda item: item[1], reverse=True)
    (best, count), (_, runner_up) = ranked[0], ranked[1]
    if count < MIN_HITS or count < MIN_SHARE * read or count < LEAD * runner_up:
        return ""
    return best


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
