"""Suspects the glossary makes: a passage the scan offers to correct, which the audio does not
reject (or rejects, yet it is still offered), is worth a listen too.

Sound-alike errors ("Mill walkie" for Milwaukee) fit the audio nearly as well as the right
words, so the word fit alone misses them; the glossary scan finds them by their text. Such a
passage joins an overlapping suspect's evidence, or becomes a suspect of its own. The one rule
of ``transcript-editor suggest`` and the window's Suspects (which must list the same passages).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from editor.core.glossary import SCAN_THRESHOLD
from editor.hearing.suspects import Suspect, over_words
from editor.hearing.verdict import AGREES, PREFERS_ORIGINAL

if TYPE_CHECKING:
    from editor.core.transcript import Segment

MOST_DOUBT = 0.95        # a text match is never taken as certain
AGREED_WEIGHT = 0.9      # the share of the scan's score kept as doubt when the audio agrees...
UNHEARD_WEIGHT = 0.7     # ...when it could not tell (or did not hear the passage)...
REJECTED_WEIGHT = 0.5    # ...and when it preferred the text's words, yet the passage is still offered
SPLIT_ALLOWANCE = 10     # scan score a rejected sound match may lack where it splits a name word into more words
_TOKEN = re.compile(r"\S+")


class GlossaryPassage(Protocol):
    """A glossary suggestion once the audio has judged it: ``segments[segment].text[char_start:char_end]``."""

    @property
    def segment(self) -> int: ...
    @property
    def char_start(self) -> int: ...
    @property
    def char_end(self) -> int: ...
    @property
    def found(self) -> str: ...
    @property
    def replacement(self) -> str: ...
    @property
    def score(self) -> int: ...           # the scan's score as the audio's verdict left it
    @property
    def audio(self) -> str | None: ...    # the verdict's label (verdict.AGREES, ...), None: not heard
    @property
    def evidence(self) -> Sequence[str]: ...


def doubted(passage: GlossaryPassage) -> bool:
    """Whether *passage* makes a suspect: more than a change of capitals, and not rejected by the
    audio, unless the scan found it by its sound and still offers it (its score, less the
    rejection's, at SCAN_THRESHOLD or more).

    Words that sound like the name are what the audio then compares with the name as the
    dictionary or the guesses say it, and a name said otherwise by the speaker ("Hartshorne",
    which the dictionary says "HARCH-ern", said "HART-shorn"; written "hearts horn") loses though
    the text nearly spells it. A suggestion that sure of its text is offered, unticked
    (:func:`editor.hearing.suggest.judge`): the passage is worth a listen too.

    Where the passage splits a name word into more words ("Siren sister" for a town "Cirencester"),
    the rejection says still less: the words written are each the dictionary's, the one long name
    word only its letter rules' guess, which a voice's reading of a compound place name seldom
    follows; and everyday words that join, sound for sound, into a name are rarely what was said.
    Such a match is kept SPLIT_ALLOWANCE below SCAN_THRESHOLD (half the rejection's cost). A match
    of one word for one (an acronym, "CAP" for "CAB") keeps the full bar: there the audio compares
    like with like."""
    if "case" in passage.evidence:
        return False
    if passage.audio != PREFERS_ORIGINAL:
        return True
    bar = SCAN_THRESHOLD - (SPLIT_ALLOWANCE if _splits_a_word(passage.found, passage.replacement) else 0)
    return "sound" in passage.evidence and passage.score >= bar


def _splits_a_word(found: str, replacement: str) -> bool:
    """Whether *found* is written in more words than *replacement* (a name word written as several)."""
    return len(found.split()) > len(replacement.split())


def with_glossary(suspects: Iterable[Suspect], passages: Iterable[GlossaryPassage],
                  segment_of: Callable[[int], Segment]) -> list[Suspect]:
    """*suspects* with those *passages* make (see :func:`doubted`): a passage overlapping a suspect
    adds "glossary" to its evidence and raises its doubt (a new object: *suspects* are left as they
    are), any other becomes a suspect of its own, timed by its words. *segment_of(index)*: the
    passage's segment."""
    result = list(suspects)
    for p in passages:
        if not doubted(p):
            continue
        weight = {AGREES: AGREED_WEIGHT, PREFERS_ORIGINAL: REJECTED_WEIGHT}.get(p.audio or "", UNHEARD_WEIGHT)
        doubt = round(min(MOST_DOUBT, p.score / 100 * weight), 3)
        at = next((i for i, x in enumerate(result) if x.segment == p.segment and x.char_start < p.char_end
                   and p.char_start < x.char_end), None)
        if at is not None:
            held = result[at]
            result[at] = replace(held, evidence=list(dict.fromkeys(held.evidence + ["glossary"])),
                                 doubt=max(held.doubt, doubt))
            continue
        segment = segment_of(p.segment)
        start_ms, end_ms = _times(segment, p.char_start, p.char_end)
        result.append(over_words(Suspect(p.segment, segment.id, p.char_start, p.char_end, p.found, start_ms,
                                         end_ms, doubt, ["glossary"] + (["audio"] if p.audio == AGREES else [])),
                                 segment.text))
    return result


def _times(segment: Segment, char_start: int, char_end: int) -> tuple[int | None, int | None]:
    """The passage's times from its words' (the turn's when its words are not one per token)."""
    tokens = list(_TOKEN.finditer(segment.text))
    if len(tokens) != len(segment.words):
        return segment.start_ms, segment.end_ms
    inside = [w for m, w in zip(tokens, segment.words, strict=True) if m.start() < char_end and char_start < m.end()]
    if not inside:
        return segment.start_ms, segment.end_ms
    return inside[0].start_ms, inside[-1].end_ms
