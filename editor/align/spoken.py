"""How a written token is read aloud: the dictionary words the aligner listens for.

Recognizer transcripts are written text; people say "patreon dot com slash t", "nineteen
ninety-nine", "fifty percent", "doctor", "f b i". Forced alignment only works when the
words it is given are the words spoken, so every visible token is turned into what a
speaker would most likely say for it:

* URLs and e-mail addresses: ``.`` "dot", ``/`` "slash", ``@`` "at", ``-`` "dash",
  ``www`` "w w w"; the scheme (``https://``) is dropped (nobody reads it out);
* acronyms that cannot be said as a word (``TSMH``, ``FBI``, ``HTML``) and lone letters
  (``T``, the ``t`` of ``.com/t``) letter by letter; ``NASA``, ``NATO`` as words;
* numbers (``1,200``, ``3.5``), years (``1999``, ``2024``), decades (``1990s``, ``'90s``),
  ordinals (``21st``), currency (``$5``, ``€3.50``, ``$2M``), percent, clock times
  (``10:30``), ``&`` "and", ``+`` "plus", ``#1`` "number one";
* common abbreviations (``Dr.``, ``Mr.``, ``vs.``, ``etc.``, ``e.g.``).

Each token maps to its own list of words, so word times found for them land back on
the token the producer sees (:mod:`editor.align.text`). Letters are written ``"t."``,
the CMU dictionary's spelling of a letter's name ("T IY"), so ``"a."`` is "EY", not "AH".
"""

from __future__ import annotations

import re
from functools import lru_cache

from num2words import num2words

# Abbreviations read as a word (lowercase, with their dots). "St" is the dictionary's own word,
# said "street" or "saint" (the search takes whichever the audio says), never its letters: read
# "s t", it fitted a right "Bury St Edmunds" 4 per frame worse than its turn's typical word, and
# pushed the name before it off its sounds. "No." (number, or the word no) is ambiguous and left
# to the letters-and-words rules.
ABBREVIATIONS = {
    "st.": ["st"], "st": ["st"],
    "dr.": ["doctor"], "mr.": ["mister"], "mrs.": ["missus"], "ms.": ["miz"],
    "prof.": ["professor"], "jr.": ["junior"], "sr.": ["senior"], "vs.": ["versus"],
    "vs": ["versus"], "etc.": ["et", "cetera"], "e.g.": ["for", "example"], "i.e.": ["that", "is"],
    "approx.": ["approximately"], "dept.": ["department"], "govt.": ["government"],
    "inc.": ["incorporated"], "ltd.": ["limited"], "mt.": ["mount"], "ft.": ["feet"],
    "lbs.": ["pounds"], "lb.": ["pound"], "min.": ["minutes"], "sec.": ["seconds"],
    "a.m.": ["a.", "m."], "p.m.": ["p.", "m."], "am": None, "pm": None,
}
CURRENCIES = {"$": ("dollar", "dollars", "cent", "cents"), "€": ("euro", "euros", "cent", "cents"),
              "£": ("pound", "pounds", "penny", "pence"), "¥": ("yen", "yen", "", "")}
# Words that come between an amount and its currency when spoken: "$2 million" is said
# "two million dollars" (see :func:`spoken_tokens`).
SCALE_WORDS = frozenset({"thousand", "million", "billion", "trillion"})
_SCALE_SUFFIXES = {"k": "thousand", "m": "million", "mm": "million", "b": "billion", "bn": "billion",
                   "t": "trillion"}
# Top-level domains that make "word.tld" a web address even without "www" or a scheme.
_TLDS = frozenset(["com", "org", "net", "edu", "gov", "io", "co", "fm", "ai", "app", "dev", "tv", "me", "us", "uk",
                   "ca", "au", "de", "fr", "info", "biz", "ly", "gg", "xyz", "blog", "news", "show", "club",
                   "online", "site", "store", "coop", "pub", "radio", "audio", "studio",
                   "media", "tech", "shop"])
# Top-level domains said otherwise than their letters read as a word: ".coop" is "co-op", not "coop".
_TLD_READINGS = {"coop": ["co", "op"]}
_SYMBOLS = {"&": "and", "+": "plus", "=": "equals", "@": "at", "%": "percent", "#": "number"}
# Consonant pairs an English word may start with: an all-caps word starting otherwise
# (FBI, NPR, HTML) is spelled out.
_ONSETS = frozenset(["bl", "br", "ch", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gr", "gw", "kl", "kn", "kr", "kw",
                     "ph", "pl", "pr", "ps", "sc", "sh", "sk", "sl", "sm", "sn", "sp", "st", "sw", "th", "tr", "tw",
                     "wh", "wr"])
_VOWELS = frozenset("aeiouy")

_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_MONEY = re.compile(rf"([$€£¥])({_NUMBER})([a-z]{{0,2}})")
_ORDINAL = re.compile(r"(\d+)(st|nd|rd|th)")
_DECADE = re.compile(r"'?(\d{2}|1\d{3}|20\d{2})s")
_CLOCK = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(am|pm)?")
_AMPM = re.compile(rf"({_NUMBER})(am|pm|a\.m\.|p\.m\.)")
_PERCENT = re.compile(rf"({_NUMBER})%")
_PLAIN_NUMBER = re.compile(_NUMBER)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+|[\w-]+(?:\.[\w-]+)*\.([a-z]{2,6})(?:[/?#:]\S*)?")
_EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}<>,;:!?.…*_"


def spoken_words(token: str) -> list[str]:
    """The words a speaker says for one whitespace *token* ([] for a tag like ``[laughs]``)."""
    return list(_read_out(token))


# The audio checks read the same tokens over and over (every window of a turn compared with every
# name, the text and each candidate put to the audio): a token is worked out once, and each caller
# gets its own list of the words.
@lru_cache(maxsize=65536)
def _read_out(token: str) -> tuple[str, ...]:
    return tuple(_spoken(token))


def _spoken(token: str) -> list[str]:
    if token.startswith("[") and token.endswith("]"):
        return []
    token = token.replace("\u2019", "'").replace("\u2018", "'")
    bare = token.strip(_EDGE_PUNCTUATION)
    if not bare:
        return [_SYMBOLS[c] for c in token if c in "&+="]
    abbreviation = _abbreviation(token)
    if abbreviation is not None:
        return abbreviation
    lower = bare.lower()
    if _EMAIL.fullmatch(lower):
        return _address(lower)
    url = _URL.fullmatch(lower)
    if url and (url.group(1) is None or url.group(1) in _TLDS) and "." in lower:
        return _address(lower)
    return _words(bare)


def spoken_tokens(tokens: list[str]) -> list[list[str]]:
    """:func:`spoken_words` of each token, read in context.

    An amount followed by a scale word is said with the currency last: "$2.5 million" is
    "two point five" + "million dollars" (the currency word goes to the scale word's token,
    so each word still belongs to the token it is heard in).
    """
    spoken = [spoken_words(token) for token in tokens]
    for i in range(len(tokens) - 1):
        money = _MONEY.fullmatch(tokens[i].strip(_EDGE_PUNCTUATION).lower())
        scale = tokens[i + 1].strip(_EDGE_PUNCTUATION).lower()
        if money and not money.group(3) and scale in SCALE_WORDS:
            spoken[i] = _amount(money.group(2))
            spoken[i + 1] = [scale, CURRENCIES[money.group(1)][1]]
    return spoken


# ----------------------------------------------------------------------------- pieces
def _abbreviation(token: str) -> list[str] | None:
    words = ABBREVIATIONS.get(token.lower().strip("\"'“”()[]{},;:!?"))
    return list(words) if words is not None else None


def _address(text: str) -> list[str]:
    """A web or e-mail address read out: "patreon dot com slash t"."""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text).rstrip("/")
    words: list[str] = []
    for piece in re.split(r"([./@:?#=&_~+-])", text):
        if not piece:
            continue
        if piece in _ADDRESS_SYMBOLS:
            words += _ADDRESS_SYMBOLS[piece]
        elif piece == "www":
            words += ["w."] * 3
        elif piece.isdigit():
            words += _digits_or_number(piece)
        elif piece in _TLD_READINGS and words[-1:] == ["dot"]:
            words += _TLD_READINGS[piece]
        elif len(piece) == 1 or not any(c in _VOWELS for c in piece):
            words += letters(piece)
        else:
            words += _words(piece)
    return words


_ADDRESS_SYMBOLS = {".": ["dot"], "/": ["slash"], "@": ["at"], ":": ["colon"], "?": ["question", "mark"],
                    "#": ["hash"], "=": ["equals"], "&": ["and"], "_": ["underscore"], "~": ["tilde"],
                    "-": ["dash"], "+": ["plus"]}


def _words(text: str) -> list[str]:
    """Words for a token that is not an address: numbers, acronyms, symbols, plain words."""
    words: list[str] = []
    # Hyphens, slashes and other joiners separate words ("well-known", "and/or", "24/7").
    for part in re.split(r"[-–—/\\|~]+", text):
        part = part.strip(_EDGE_PUNCTUATION)
        if part:
            words += _part(part)
    return words


def _part(part: str) -> list[str]:
    lower = part.lower()
    for pattern, reader in _READERS:
        match = pattern.fullmatch(lower)
        if match:
            return reader(match)
    if "&" in part:                                   # AT&T, R&D, rock&roll
        pieces = part.split("&")
        words: list[str] = []
        for i, piece in enumerate(pieces):
            words += _part(piece) if piece else []
            if i < len(pieces) - 1:
                words.append("and")
        return words
    if _is_acronym(part):
        return _spelled(part)
    words = []
    # Letters and digits run together ("mp3", "4k", "covid19"): each run on its own.
    for run in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+|[&+=%#@]", part):
        if run.isdigit():
            words += _digits_or_number(run)
        elif run in _SYMBOLS:
            words.append(_SYMBOLS[run])
        else:
            run = run.lower().strip("'")
            if (len(run) == 1 and run not in ("a", "i")) or (len(run) <= 4 and not _VOWELS & set(run)):
                words += letters(run)      # "t", "mp" of "mp3", "pdf"
            elif run:
                words.append(run)
    return words


def _spelled(part: str) -> list[str]:
    """An acronym letter by letter; a plural "s" ("APIs", "CEOs") joins the last letter."""
    if part.endswith("s") and part[:-1].isupper() and len(part) > 2:
        spelled = letters(part[:-1])
        return spelled[:-1] + [spelled[-1].rstrip(".") + "'s"]
    return letters(part)


def letters(text: str) -> list[str]:
    """Each letter's name ("t." is T IY in the CMU dictionary), digits as digits."""
    out: list[str] = []
    for char in text.lower():
        if char.isalpha():
            out.append(f"{char}.")
        elif char.isdigit():
            out += number_words(int(char))
    return out


def _is_acronym(part: str) -> bool:
    """An all-capitals token that is spelled out rather than said as a word."""
    core = part[:-1] if part.endswith("s") and len(part) > 2 else part
    if not (core.isalpha() and core.isupper()):
        return False
    if len(core) == 1:
        return core not in ("I", "A")
    lower = core.lower()
    if len(core) <= 3 or not any(c in _VOWELS for c in lower):
        return True
    if lower[0] not in _VOWELS and lower[1] not in _VOWELS and lower[:2] not in _ONSETS:
        return True
    # three consonants in a row are unlikely in a pronounceable acronym (HTML, WWDC)
    return re.search(r"[^aeiouy]{3}", lower) is not None and not lower.startswith(("str", "spr", "scr"))


# ----------------------------------------------------------------------------- numbers
def number_words(n: float | str) -> list[str]:
    """A cardinal number as words, American style ("one hundred one", "three point five")."""
    text = num2words(n)
    return [w for w in re.split(r"[\s,-]+", text) if w and w != "and"]


def _digits_or_number(digits: str) -> list[str]:
    """Long digit strings and ones with a leading zero are read digit by digit ("oh oh seven")."""
    if len(digits) > 9 or (len(digits) > 1 and digits.startswith("0")):
        return ["oh" if d == "0" else number_words(int(d))[0] for d in digits]
    return number_words(int(digits))


def _amount(text: str) -> list[str]:
    text = text.replace(",", "")
    if "." in text:
        whole, fraction = text.split(".", 1)
        return number_words(int(whole or 0)) + ["point"] + [number_words(int(d))[0] for d in fraction]
    return _digits_or_number(text) if text.startswith("0") and len(text) > 1 else number_words(int(text))


def year_words(year: int) -> list[str]:
    """A year as said: "nineteen ninety nine", "two thousand five", "twenty twenty four"."""
    return [w for w in re.split(r"[\s,-]+", num2words(year, to="year")) if w and w != "and"]


def _looks_like_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and (1100 <= int(text) <= 1999 or 2010 <= int(text) <= 2099)


def _read_number(match: re.Match) -> list[str]:
    text = match.group(0)
    if _looks_like_year(text):
        return year_words(int(text))
    return _amount(text)


def _read_money(match: re.Match) -> list[str]:
    symbol, amount, suffix = match.groups()
    one, many, cent, cents = CURRENCIES[symbol]
    scale = _SCALE_SUFFIXES.get(suffix)
    if suffix and scale is None:
        return _amount(amount) + letters(suffix) + [many]
    value = amount.replace(",", "")
    if scale:
        return _amount(value) + [scale, many]
    if "." in value and cent:
        whole, fraction = value.split(".", 1)
        fraction = (fraction + "0")[:2]
        words = number_words(int(whole)) + [one if whole == "1" else many] if whole != "0" else []
        if int(fraction):
            words += number_words(int(fraction)) + [cent if fraction == "01" else cents]
        return words or number_words(0) + [many]
    return number_words(int(value)) + [one if value == "1" else many]


def _read_ordinal(match: re.Match) -> list[str]:
    return [w for w in re.split(r"[\s,-]+", num2words(int(match.group(1)), to="ordinal")) if w and w != "and"]


def _read_decade(match: re.Match) -> list[str]:
    digits = match.group(1)
    # '90s and 80s as numbers, 1990s and 2020s as years
    words = number_words(int(digits)) if len(digits) == 2 else year_words(int(digits))
    last = words[-1]
    plural = {"twenty": "twenties", "thirty": "thirties", "forty": "forties", "fifty": "fifties",
              "sixty": "sixties", "seventy": "seventies", "eighty": "eighties", "ninety": "nineties",
              "hundred": "hundreds", "ten": "tens", "thousand": "thousands"}
    return words[:-1] + [plural.get(last, last + "s")]


def _read_clock(match: re.Match) -> list[str]:
    hours, minutes, seconds, half = match.groups()
    words = number_words(int(hours))
    if minutes != "00":
        words += (["oh"] if minutes.startswith("0") else []) + number_words(int(minutes))
    if seconds:
        words += number_words(int(seconds))
    return words + (letters(half) if half else [])


def _read_ampm(match: re.Match) -> list[str]:
    return _amount(match.group(1)) + letters(match.group(2).replace(".", ""))


def _read_percent(match: re.Match) -> list[str]:
    return _amount(match.group(1)) + ["percent"]


def _read_hash_number(match: re.Match) -> list[str]:
    return ["number"] + _amount(match.group(1))


_READERS = (
    (_MONEY, _read_money),
    (_PERCENT, _read_percent),
    (_ORDINAL, _read_ordinal),
    (_DECADE, _read_decade),
    (_CLOCK, _read_clock),
    (_AMPM, _read_ampm),
    (re.compile(rf"#({_NUMBER})"), _read_hash_number),
    (_PLAIN_NUMBER, _read_number),
)
