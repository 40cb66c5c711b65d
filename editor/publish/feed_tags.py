"""The tags a producer pastes into the episode's ``<item>`` in the feed.

One ``<podcast:transcript url type language [rel="captions"]/>`` per published
file, ``<podcast:chapters>`` when the episode has chapters, and one
``<podcast:person>`` per named speaker (the namespace asks that these names
equal the transcript's). The text is a fragment to paste, not a document: it
uses the ``podcast:`` prefix the feed's ``<rss>`` element declares
(``xmlns:podcast="https://podcastindex.org/namespace/1.0"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit
from xml.sax.saxutils import escape as escape_text
from xml.sax.saxutils import quoteattr

from editor.core.text_language import LANGUAGE_CODE
from editor.core.transcript import Transcript

NAMESPACE = "https://podcastindex.org/namespace/1.0"
CHAPTERS_TYPE = "application/json+chapters"
MAX_PERSON_CHARS = 128  # the namespace's limit for a podcast:person name

# What recognizers call voices they could not name: not people to list in a feed.
_GENERIC_NAME = re.compile(
    r"^(?:speaker|spk|unknown|voice|person|participant|unidentified|interviewer|interviewee|"
    r"host|guest|narrator|caller|audience|s)[\s_#.-]*[0-9a-z]{0,3}$", re.IGNORECASE)


@dataclass(frozen=True)
class FeedFile:
    """A published file as the feed names it."""

    file_name: str
    mime: str
    captions: bool


def check_base_url(base_url: str) -> str:
    """*base_url* without its trailing slash; ValueError when it is not an http(s) address."""
    base = (base_url or "").strip()
    if not base:
        return ""
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(ch.isspace() for ch in base):
        raise ValueError(f"the base URL must be a web address such as https://example.com/episodes/12, "
                         f"not {base_url!r}")
    return base.rstrip("/")




def check_language(language: str) -> str:
    """*language* as the feed writes it (``en``, ``en-US``); ValueError when it is not a language code."""
    code = (language or "").strip()
    if code and not LANGUAGE_CODE.match(code):
        raise ValueError(f"the language must be a code such as en, en-US or pt-BR, not {language!r}")
    return code.replace("_", "-")


def file_url(base_url: str, file_name: str) -> str:
    """Where *file_name* will be served (just the name when no base URL is known yet)."""
    name = quote(file_name)
    return f"{base_url.rstrip('/')}/{name}" if base_url else name


def is_named(name: str) -> bool:
    """False for "Speaker 1", "SPEAKER_00", "Unknown" and the like."""
    name = name.strip()
    return bool(name) and not _GENERIC_NAME.match(name)


def named_speakers(transcript: Transcript) -> list[str]:
    """The named speakers in order of first appearance (speakers who never speak are left out)."""
    seen: dict[str, None] = {}
    for segment in transcript.segments:
        if segment.speaker_id is None or not segment.text.strip():
            continue
        name = transcript.speaker_name(segment.speaker_id).strip()
        if is_named(name):
            seen.setdefault(name, None)
    return list(seen)


def person_tags(transcript: Transcript) -> list[str]:
    """``<podcast:person>`` per named speaker: the first voice is taken for the host, the others as guests."""
    tags = []
    for number, name in enumerate(named_speakers(transcript)):
        role = "host" if number == 0 else "guest"
        tags.append(f'<podcast:person role="{role}">{escape_text(name[:MAX_PERSON_CHARS])}</podcast:person>')
    return tags


def transcript_tag(feed_file: FeedFile, base_url: str, language: str) -> str:
    attributes = [f"url={quoteattr(file_url(base_url, feed_file.file_name))}",
                  f"type={quoteattr(feed_file.mime)}"]
    if language:
        attributes.append(f"language={quoteattr(language)}")
    if feed_file.captions:
        attributes.append('rel="captions"')
    return f"<podcast:transcript {' '.join(attributes)}/>"


def feed_tags(transcript: Transcript, files: list[FeedFile], base_url: str, language: str,
              chapters_file: str = "") -> str:
    """The whole snippet to paste, with a comment saying where it goes."""
    lines = ["<!-- Paste into the episode's <item>. The feed's <rss> element must declare",
             f'     xmlns:podcast="{NAMESPACE}". Serve the files with CORS allowed',
             "     (Access-Control-Allow-Origin: *): web players fetch them."]
    if not base_url:
        lines.append("     No base URL was given: replace each url with the file's full web address.")
    lines[-1] += " -->"
    lines += [transcript_tag(f, base_url, language) for f in files]
    if chapters_file:
        lines.append(f"<podcast:chapters url={quoteattr(file_url(base_url, chapters_file))} "
                     f"type={quoteattr(CHAPTERS_TYPE)}/>")
    persons = person_tags(transcript)
    if persons:
        lines.append("<!-- Speakers: check the roles (the first voice is taken for the host). -->")
        lines += persons
    return "\n".join(lines) + "\n"
