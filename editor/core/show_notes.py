"""The page text around a transcript (title, show notes) and the names it offers for the glossary.

A podcast page's show notes spell right what the recognizer gets wrong: the guests' names,
the organisations and books they mention, the sponsor's URL. The podcast-page reader keeps
that text in the transcript's ``extra`` (a :class:`PageText` under :data:`EXTRA_KEY`, saved
with the project); :func:`candidate_names` picks the names out of it, to be offered as glossary
entries "from the show notes" and to be looked for by the glossary scan before anyone adds them.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from typing import NamedTuple

from editor.core.page_text import EXTRA_KEY, PageText  # noqa: F401  (the page text's names, as before)


class NameCandidate(NamedTuple):
    """A name found in the show notes: ``text`` as written there, ``kind`` of find, how often."""

    text: str
    kind: str       # "name" (capitalised words), "brand" (CamelCase or a lone capitalised word),
                    # "acronym", "web" (the name in a URL) or "speaker"
    mentions: int


# Capitalised words, possibly joined by a particle ("Ines da Costa"), a hyphen or an apostrophe.
_CAP_WORD = r"[A-Z][\w’'\-]*[\w]"
_PARTICLE = r"(?:da|de|del|der|di|do|dos|du|la|le|van|von|bin|al|el)"
_NAME_RUN = re.compile(rf"(?<![\w.])({_CAP_WORD}(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP_WORD}){{1,4}})")
_CAMEL = re.compile(r"(?<![\w.])([A-Z]?[a-z]+[A-Z][\w]*|[A-Z][a-z]+(?:[A-Z][a-z]+)+)(?![\w])")
_ACRONYM = re.compile(r"(?<![\w.])([A-Z]{2,6})(?![\w])")
_URL = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9][a-z0-9-]*)\.(?:com|org|net|io|fm|co|tv|show|app|me|info)"
                  r"(?:\.[a-z]{2})?(/[A-Za-z0-9_\-]+)?", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^\s*|[.!?:;\"“(·]\s*)$")
# Words that start runs of capitals without being part of a name ("Support Maya Ortiz").
_NOT_NAME_WORDS = frozenset([
    "a", "an", "and", "at", "but", "by", "for", "from", "how", "i", "in", "into", "it", "its", "my", "of", "on", "or",
    "our", "so", "that", "the", "their", "then", "this", "to", "we", "what", "when", "where", "who", "why", "with",
    "you", "your", "episode", "episodes", "show", "notes", "other", "support", "subscribe", "follow", "listen",
    "join", "thanks", "thank", "welcome", "hosted", "produced", "music", "transcript", "season", "part", "chapter",
    "today", "this", "week", "view"
])
# A determiner capitalised in the middle of a sentence belongs to the name it starts ("Our
# Revolution", "The Guardian"); at a sentence's start it is the sentence's.
_NAME_ARTICLES = frozenset(["our", "the", "my", "your", "their"])
# A line of prose (the show notes proper) ends a sentence or has a few lower-case words; the page's
# header above the first such line holds the episode title, the show's name or slogan ("Talking
# Strategy, Making History"), dates: capitalised because they are headings, not because they are names.
_PROSE_WORD = re.compile(r"(?<![\w'’])[a-z][a-z'’]+")
_PROSE_WORDS = 4
_SENTENCE_END = re.compile(r"\w[.!?][\"'’”)]*\s*$")


def _is_prose(line: str) -> bool:
    """Whether *line* is a line of prose (a sentence's end, or a few lower-case words), not a heading."""
    return bool(_SENTENCE_END.search(line)) or len(_PROSE_WORD.findall(line)) >= _PROSE_WORDS


def _header_end(text: str) -> int:
    """Where the heading lines at the top of *text* end (0 when no line of prose follows them)."""
    at = 0
    for line in text.splitlines(keepends=True):
        if _is_prose(line):
            return at
        at += len(line)
    return 0


# Where a page lists the show's other episodes: each episode's title, date and "Listen" as headings,
# sometimes with a line of description. Their titles ("The Biden Years: What to Do", "BONUS: ...")
# are capitalised as titles are, and name other episodes' guests, not this one's.
_EPISODE_LIST = re.compile(r"^\s*(?:other|more|recent|related|latest|previous|past|all)\s+episodes\s*:?\s*$",
                           re.IGNORECASE | re.MULTILINE)
_EPISODE_MARK = re.compile(r"^\s*(?:#\s*\d+|bonus\b|episode\s+\d+|ep\.?\s*\d+|s\d+\s*e\d+)", re.IGNORECASE)


def without_episode_list_titles(text: str) -> str:
    """*text* without the heading lines of a list of other episodes (after "Other Episodes"): their
    titles, dates and links. The lines of prose there (an episode's description) stay, so a guest
    named in a description as well as in a title is still found. Such a list follows the episode's
    own notes: an "All Episodes" above the first line of prose is the site's menu, and the notes
    (a guest named on a line of its own) are below it."""
    found = next((f for f in _EPISODE_LIST.finditer(text)
                  if any(map(_is_prose, text[:f.start()].splitlines()))), None)
    if found is None:
        return text
    kept = []
    for line in text[found.end():].splitlines(keepends=True):
        if _is_prose(line) and not _EPISODE_MARK.match(line):
            kept.append(line)
        else:
            kept.append("\n")      # lines stay lines: a run of capitals never joins two of them
    return text[:found.start()] + "".join(kept)


def _all_known(run: list[str], words: Container[str]) -> bool:
    return all(re.sub(r"['’]s$", "", w).casefold() in words for w in run)


def candidate_names(text: str, known: Iterable[str] = (), dictionary: Container[str] | None = None
                    ) -> list[NameCandidate]:
    """Names in *text* worth offering for the glossary, most frequent first.

    Runs of two to five capitalised words (a particle inside is fine, sentence-opening words
    and the page's own vocabulary like "Other Episodes" are trimmed), CamelCase brands,
    acronyms, the site name and path of URLs ("patreon.com/HLPOD" gives "Patreon" and
    "HLPOD"), and single capitalised words that are neither sentence starts nor words of
    *dictionary* (default: the spelling word list). Names already *known* (the glossary,
    case-insensitively) are left out, and so are the titles of a list of other episodes
    (:func:`without_episode_list_titles`). A run in the heading lines above the first line of prose
    (title, the show's name or slogan) counts only when a word of it is not in *dictionary* or
    the notes name it too.
    """
    if dictionary is None:
        from editor.core.spelling import known_words
        words: Container[str] = known_words()
    else:
        words = dictionary
    known_folded = {k.strip().casefold() for k in known}
    counts: dict[str, list] = {}
    from_urls: set[str] = set()     # the words taken from a web address (casefolded)
    text = without_episode_list_titles(text)

    def add(name: str, kind: str) -> None:
        name = re.sub(r"['’]s$", "", name.strip(" '’-"))
        if len(name) < 3 or name.casefold() in known_folded:
            return
        entry = counts.setdefault(name.casefold(), [name, kind, 0])
        if entry[0].islower() and not name.islower():
            entry[0] = name     # "saltmarsh" of a web address is written "Saltmarsh" where the notes name it
        entry[2] += 1

    for found in _URL.finditer(text):
        if found.group(2):
            add(found.group(0).split("://")[-1].removeprefix("www."), "web")
        site = found.group(1)
        if site.casefold() not in words:
            add(site[:1].upper() + site[1:], "web")
            from_urls.add(site.casefold())
        path = (found.group(2) or "").lstrip("/")
        if path and path.casefold() not in words:
            add(path, "web")
            from_urls.add(path.casefold())
    without_urls = _URL.sub(" ", text)
    taken_spans: list[tuple[int, int]] = []
    header_end = _header_end(without_urls)
    runs: list[tuple[list[str], bool]] = []      # (words, in the heading lines)
    for found in _NAME_RUN.finditer(without_urls):
        run = found.group(1).split()
        lead = []
        while run and run[0].casefold() in _NOT_NAME_WORDS:
            lead.append(run.pop(0))
        while run and run[-1].casefold() in _NOT_NAME_WORDS | {"da", "de", "van", "von", "of"}:
            run.pop()
        if len(run) == 1 and len(lead) == 1 and lead[0].casefold() in _NAME_ARTICLES \
                and not _SENTENCE_START.search(without_urls[:found.start()]):
            run = lead + run     # "director of Our Revolution": the rest alone is a common word
        if len(run) >= 2:
            runs.append((run, found.start() < header_end))
            taken_spans.append(found.span())
    in_notes = {" ".join(run).casefold() for run, heading in runs if not heading}
    for run, heading in runs:
        if not heading or " ".join(run).casefold() in in_notes or not _all_known(run, words):
            add(" ".join(run), "name")
    for found in _CAMEL.finditer(without_urls):
        add(found.group(1), "brand")
    for found in _ACRONYM.finditer(without_urls):
        add(found.group(1), "acronym")
    for found in re.finditer(rf"(?<![\w.])({_CAP_WORD})(?![\w])", without_urls):
        word = found.group(1)
        if any(lo <= found.start() < hi for lo, hi in taken_spans) or word.isupper():
            continue
        if _SENTENCE_START.search(without_urls[:found.start()]) or word.casefold() in words \
                or word.casefold() in _NOT_NAME_WORDS:
            continue
        add(word, "brand")
    offered = [entry[0] for entry in counts.values()]
    kept = [entry for entry in counts.values() if _named_alone(entry[0], offered, without_urls, from_urls)]
    ranked = sorted(kept, key=lambda e: (-e[2], e[0].casefold()))
    return [NameCandidate(name, kind, count) for name, kind, count in ranked]


def _named_alone(name: str, offered: list[str], text: str, from_urls: Container[str]) -> bool:
    """Whether *name* is worth offering beside the other *offered* names, judged by how *text* (the
    notes without their web addresses) writes it.

    A part of a longer offered name ("Saltmarsh" of "Saltmarsh Coast", "McKay" of "Dana McKay")
    is offered only where the notes name it on its own, capitalised and not as a sentence's first
    word: else the longer name is the name, and the part would be a second entry for it. A word
    of a web address ("saltmarsh.org") that the notes write in lower case is their common word,
    not a name, unless they name it on its own too.
    """
    words = name.casefold().split()
    longer = [o for o in offered if _holds(o.casefold().split(), words) and len(o.split()) > len(words)]
    common = name.casefold() in from_urls
    if not longer and not common:
        return True
    inside = [m.span() for o in longer for m in re.finditer(rf"(?<![\w.]){re.escape(o)}(?![\w])", text,
                                                             re.IGNORECASE)]
    written_lower = False
    for found in re.finditer(rf"(?<![\w.]){re.escape(name)}(?![\w])", text, re.IGNORECASE):
        if any(lo <= found.start() < hi for lo, hi in inside):
            continue
        if found.group()[:1].islower():
            written_lower = True
        elif not _SENTENCE_START.search(text[:found.start()]):
            return True
    return not longer and not written_lower


def _holds(words: list[str], part: list[str]) -> bool:
    """Whether *part* is a run of consecutive words of *words*."""
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


# "Harbour Lights #42 - ...", "Riverbank Commons, episode 7: ...", "Ashgrove Voices — 19. ...": the show's
# name, then the episode's number.
# The number stands apart from the words before it ("Asleep 5:" is no "Asl" + "ep 5", "S02E05" no "S02E" + "05").
_SHOW_IN_TITLE = re.compile(r"^(?P<show>.*?[^\W\d_].*?)[\s,:;|·–—-]*"
                            r"(?<!\w)(?:#\s*\d+|s\d+\s*e\d+|(?:episode|ep\.?)\s*\d+|\d+\s*[.:–—-]\s)",
                            re.IGNORECASE)
_DATE_OR_TIME = re.compile(r"\d{1,2}:\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
                           re.IGNORECASE)
_EPISODE_LINE = re.compile(r"^(?:episode|ep\.?|season)\b|#\s*\d+", re.IGNORECASE)
MAX_SHOW_CHARS = 60


class ShowName(NamedTuple):
    """The show's name as the page gives it, and where on the page it stands (said to the producer)."""

    name: str
    where: str      # "the page's title" or "a heading of the page"


def show_name(page: PageText) -> ShowName | None:
    """The show an episode page belongs to: the words before the episode's number in the title
    ("Harbour Lights #42 - ..."), else the first heading line above the show notes that is not the
    episode's title, a date, an episode line or the page's own words ("Show Notes"): hosts print
    the show's name, often its slogan-like title, there. None when the page names no show."""
    found = _SHOW_IN_TITLE.match(page.title.strip())
    if found:
        name = found.group("show").strip(" ,:;|·–—-")
        # A show's name ends in a capitalised word; "Lessons from 2020: ..." is the title's own words.
        if 2 < len(name) <= MAX_SHOW_CHARS and not _page_words_only(name) and not name.split()[-1][:1].islower():
            return ShowName(name, "the page's title")
    title = page.title.strip().casefold()
    before = page.before
    end = _header_end(before)
    for line in before[:end].splitlines():
        line = line.strip()
        letters = sum(ch.isalpha() for ch in line)
        if letters < 3 or len(line) > MAX_SHOW_CHARS or line.casefold() == title:
            continue
        if _DATE_OR_TIME.search(line) or _EPISODE_LINE.search(line):
            continue
        if _page_words_only(line):
            continue        # the page's own words: "Show Notes", "Listen"
        return ShowName(line, "a heading of the page")
    return None


# A site's menu, copied with the page above the episode ("Home", "All Episodes", "About"): no show's name.
_MENU_WORDS = frozenset(["home", "about", "all", "contact", "menu", "search", "blog", "archive", "archives",
                         "shop", "store", "donate", "login", "log", "sign", "up", "back", "next", "previous",
                         "more", "latest", "recent", "rss", "feed", "faq", "team", "us"])


def _page_words_only(text: str) -> bool:
    """Whether *text* is only words any page has ("Show Notes", "Episode", "Listen", "All Episodes")."""
    return all(w in _NOT_NAME_WORDS or w in _MENU_WORDS for w in re.findall(r"[^\W\d_]+", text.casefold()))


def speaker_candidates(speaker_names: Iterable[str], known: Iterable[str] = ()) -> list[NameCandidate]:
    """Speakers' real names (not "Speaker 2") that the glossary lacks."""
    from editor.core.glossary import _GENERIC_SPEAKER  # the glossary scan imports this module's users

    known_folded = {k.strip().casefold() for k in known}
    names = dict.fromkeys(n.strip() for n in speaker_names if n.strip())
    return [NameCandidate(n, "speaker", 1) for n in names
            if not _GENERIC_SPEAKER.match(n) and n.casefold() not in known_folded]
