"""Suspect passages: runs of words the audio, the recognizer and the dictionary do not vouch for.

Each word gets a doubt from 0 to 1 out of independent pieces of evidence, combined as
1 - (1 - a)(1 - b)...:

* ``audio``: the word's acoustic fit (:mod:`editor.hearing.fit`) is poor in absolute terms, or
  much worse than the rest of its turn (a voice or a line the model hears badly lowers every
  word, so the turn's median is the reference), or speech the text does not account for
  follows it (a badly fitting pause);
* ``confidence``: the recognizer's own word confidence is low (when the transcript has it);
* ``spelling``: the word is not in the dictionary or the glossary, or it is an ALL-CAPS token
  that is not a common acronym.

Neighbouring doubtful words form one run; a run is a suspect when its strongest word's doubt
reaches :data:`SUSPECT_AT` and more than one word's fit speaks against it (or one word fits
extremely badly, or spelling or confidence doubt it too): a voice says some right words in a
way the model hears badly, one word at a time (see :func:`_supported`). The constants were set
on the evaluation episodes of tests/bench/bench_hearing.py (espeak-ng speech saying the right
words under a transcript with recognizer errors, and the control where the audio says the
transcript's own words), never on its held-out episode.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from editor.hearing.fit import TokenFit

SUSPECT_AT = 0.5       # a run whose doubtiest word reaches this is a suspect
JOIN_AT = 0.3          # neighbours this doubtful join the run
RUN_AT = 0.3           # audio doubt of a word that counts towards a run of poorly fitting words
SOLO_BELOW = 1.7       # a word fitting this far below the bar is flagged on its own
TYPICAL_PERCENT = 60    # the percentile of a turn's word fits taken as its typical right word
# Acoustic fit (mean log score per frame): about -1 for a well-heard word, -1.5..-2.5 for
# words the model hears less well even when right; worse than FIT_BAD is bad on its own.
FIT_FAIR = -2.7
FIT_BAD = -4.4
MEDIAN_TO_FAIR = 1.0   # the bar sits this far below the turn's typical right word when that is worse than usual
BELOW_TURN = 2.0       # this much worse than the turn's median fit counts as audio evidence
GAP_BAD = -4.0         # a pause fitting this badly holds speech the text lacks
SHORT_WORD_WEIGHT = 0.5  # "her", "for", "an": reduced in speech, often heard badly even when right
LOW_CONFIDENCE = 0.6
SPELLING_DOUBT = 0.35

# ALL-CAPS words that are common enough not to be doubted for being capitals.
COMMON_ACRONYMS = frozenset((
    "AI", "AM", "API", "BBC", "CEO", "CIA", "CNN", "COVID", "CV", "DC", "DIY", "DJ", "DNA", "DVD", "EU", "FAQ",
    "FBI", "FM", "GDP", "GPS", "HR", "ID", "IRS", "IT", "LA", "LGBT", "NASA", "NATO", "NBA", "NFL", "NGO",
    "NHS", "NPR", "NYC", "OK", "PC", "PDF", "PhD", "PM", "PR", "TV", "UK", "UN", "UFO", "URL", "US", "USA",
    "VIP", "VP", "WHO",
))

# Words of four letters or more that speech reduces as much as the short ones ("than" said
# "thn"): their fit alone says little.
FUNCTION_WORDS = frozenset((
    "also", "been", "both", "does", "each", "ever", "from", "have", "here", "into", "just", "more", "much",
    "must", "only", "over", "same", "shall", "should", "some", "such", "than", "that", "their", "them",
    "then", "there", "these", "they", "this", "those", "very", "were", "what", "when", "where", "which",
    "while", "will", "with", "would", "your", "about", "could", "itself", "being", "because",
))

_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass
class WordDoubt:
    token: int
    char_start: int
    char_end: int
    start_ms: int | None
    end_ms: int | None
    doubt: float
    evidence: list[str] = field(default_factory=list)
    audio: float = 0.0      # the doubt from the audio alone (0..1)
    other: float = 0.0      # the doubt from everything else (confidence, spelling)
    short: bool = False     # reduced in speech: three letters or fewer ("her"), or a FUNCTION_WORDS one
    alone: bool = False     # fits so badly that the audio flags it without a neighbour


@dataclass
class Suspect:
    """A passage of one segment the producer should listen to: ``segment.text[char_start:char_end]``."""

    segment: int
    segment_id: str
    char_start: int
    char_end: int
    text: str
    start_ms: int | None
    end_ms: int | None
    doubt: float
    evidence: list[str]

    def as_dict(self, segment_start_ms: int | None) -> dict:
        return {"segment": self.segment, "segment_start_ms": segment_start_ms,
                "char_start": self.char_start, "char_end": self.char_end, "text": self.text,
                "start_ms": self.start_ms, "end_ms": self.end_ms, "doubt": round(self.doubt, 3),
                "evidence": list(self.evidence)}


def audio_doubt(fit: TokenFit, turn_median: float, short: bool = False) -> float:
    """0..1 from the acoustic fit alone (*short*: a word reduced in speech, see WordDoubt.short)."""
    if not fit.spoken:
        return 0.0
    fair = _bar(turn_median)
    bad = fair - (FIT_FAIR - FIT_BAD)
    absolute = min(1.0, max(0.0, (fair - fit.fit) / (fair - bad)))
    if short:
        absolute *= SHORT_WORD_WEIGHT
    relative = 0.0
    below = turn_median - fit.fit
    if below > BELOW_TURN and fit.fit < fair:
        relative = min(1.0, 0.3 + (below - BELOW_TURN) * 0.4) * (SHORT_WORD_WEIGHT if short else 1.0)
    gap = min(1.0, max(0.0, (GAP_BAD - fit.gap_fit) / 3.0 + 0.3)) if fit.gap_fit < GAP_BAD else 0.0
    return 1 - (1 - absolute) * (1 - relative) * (1 - gap)


def _bar(turn_median: float) -> float:
    """The fit below which a word starts to be doubtful in a turn whose typical word fits *turn_median*.

    A voice the model hears less well lowers every word of the turn: the bar moves with its median.
    """
    return min(FIT_FAIR, turn_median - MEDIAN_TO_FAIR)


def spelling_doubt(token_text: str, is_known: Callable[[str], bool]) -> float:
    """SPELLING_DOUBT when a word of the token is unknown or an uncommon ALL-CAPS acronym."""
    if "://" in token_text or token_text.startswith("["):
        return 0.0
    for word in _LETTERS.findall(token_text):
        if len(word) > 1 and word.isupper():
            if word.rstrip("s") not in COMMON_ACRONYMS and word not in COMMON_ACRONYMS and not is_known(word):
                return SPELLING_DOUBT
        elif len(word) > 1 and not is_known(word):
            return SPELLING_DOUBT
    return 0.0


def word_doubts(text: str, fits: list[TokenFit], confidences: list[float | None] | None = None,
                is_known: Callable[[str], bool] | None = None) -> list[WordDoubt]:
    """The doubt of every token of one segment (*fits* from :func:`~editor.hearing.fit.fit_tokens`)."""
    median = typical_fit(fits)
    result = []
    for i, fit in enumerate(fits):
        letters = "".join(_LETTERS.findall(text[fit.char_start:fit.char_end]))
        # "her", "for", "than" are reduced in speech; an acronym ("BSA") is said letter by letter.
        short = ((len(letters) <= 3 or letters.casefold() in FUNCTION_WORDS)
                 and not (len(letters) > 1 and letters.isupper()))
        pieces: list[tuple[str, float]] = [("audio", audio_doubt(fit, median, short=short))]
        confidence = confidences[i] if confidences and i < len(confidences) else None
        if confidence is not None:
            pieces.append(("confidence", min(1.0, max(0.0, (LOW_CONFIDENCE - confidence) / LOW_CONFIDENCE))))
        if is_known is not None:
            pieces.append(("spelling", spelling_doubt(text[fit.char_start:fit.char_end], is_known)))
        keep = 1.0
        for _, value in pieces[1:]:
            keep *= 1 - value
        audio = pieces[0][1]
        alone = fit.spoken and not short and fit.fit <= _bar(median) - SOLO_BELOW
        result.append(WordDoubt(fit.token, fit.char_start, fit.char_end, fit.start_ms, fit.end_ms,
                                1 - keep * (1 - audio), [name for name, value in pieces if value > 0.05],
                                audio, 1 - keep, short, alone))
    return result


def runs(text: str, doubts: list[WordDoubt], segment: int, segment_id: str,
         unsupported: bool = False) -> list[Suspect]:
    """Suspects of one segment: maximal runs of doubtful words around a clearly doubtful one.

    *unsupported*: also the runs the audio alone does not flag (one word fitting badly): the
    places worth listening for a glossary name in, which becomes the evidence then.
    """
    suspects: list[Suspect] = []
    current: list[WordDoubt] = []

    def close() -> None:
        if current and max(d.doubt for d in current) >= SUSPECT_AT and (unsupported or _supported(current)):
            evidence = list(dict.fromkeys(e for d in current for e in d.evidence))
            times = [d for d in current if d.start_ms is not None]
            start, end = current[0].char_start, current[-1].char_end
            suspects.append(Suspect(segment, segment_id, start, end, text[start:end],
                                    times[0].start_ms if times else None,
                                    times[-1].end_ms if times else None,
                                    max(d.doubt for d in current), evidence))
        current.clear()

    for doubt in doubts:
        if doubt.doubt >= JOIN_AT:
            current.append(doubt)
        else:
            close()
    close()
    return suspects


def _supported(run: list[WordDoubt]) -> bool:
    """Whether a run of doubtful words is worth the producer's ear.

    A voice says some right words in a way the acoustic model hears badly ("river", "school",
    "her"), the same in every turn; a wrong text seldom misfits in one word alone. So the audio
    alone flags a run only when two words of it fit badly (not only short ones, which are
    reduced in speech), or one word fits extremely badly; any other evidence (spelling, the
    recognizer's confidence) makes a single word enough.
    """
    if any(d.other >= JOIN_AT for d in run):
        return True
    poor = [d for d in run if d.audio >= RUN_AT]
    if len(poor) >= 2 and not all(d.short for d in poor):
        return True
    return any(d.alone for d in run)


def by_doubt(suspects: Iterable[Suspect]) -> list[Suspect]:
    """Most doubtful first; ties in reading order."""
    return sorted(suspects, key=lambda s: (-s.doubt, s.segment, s.char_start))


def typical_fit(fits: list[TokenFit]) -> float:
    """The fit of a typical right word of the turn: a high percentile, so the wrong words of a
    badly misrecognized turn (half its words, say) do not drag the reference down with them."""
    ordered = sorted(f.fit for f in fits if f.spoken)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(len(ordered) * TYPICAL_PERCENT / 100))]
