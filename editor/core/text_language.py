"""Telling the language of a transcript's text by its commonest words: :func:`guess_language`.

No language-identification model: the libraries made for the job load a model of megabytes
(py3langid: about a second and 80 MB on this machine) to tell a hundred languages apart, where a
transcript is thousands of words of running speech whose function words give its language away at
once. Exports that say their language (HTML ``lang``, DOCX) and publishing (the feed tags) use it
when the transcript's file named none; a language not listed here is told by nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# A language code as BCP 47 writes it: "en", "en-US", "pt-BR", "zh-Hant" (an underscore is let by).
LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")

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
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
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
        # Word by word, up to the words needed: one turn may be a whole episode (megabytes).
        for match in _WORD.finditer(text):
            word = match.group().lower().replace("’", "'")
            code = _LANGUAGE_OF.get(word) or _LANGUAGE_OF.get(word.split("'")[0])
            if code is not None:
                hits[code] += 1
            read += 1
            if read >= WORDS_READ:
                break
        if read >= WORDS_READ:
            break
    ranked = sorted(hits.items(), key=lambda item: item[1], reverse=True)
    (best, count), (_, runner_up) = ranked[0], ranked[1]
    if count < MIN_HITS or count < MIN_SHARE * read or count < LEAD * runner_up:
        return ""
    return best


def transcript_language(transcript) -> str:
    """The language the transcript's file named, when it is a code, else the one its text is in ("" when
    neither tells)."""
    named = (transcript.meta.language or "").strip()
    if LANGUAGE_CODE.match(named):
        return named.replace("_", "-")
    return guess_language(segment.text for segment in transcript.segments)
