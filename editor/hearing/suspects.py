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
reaches :data:`SUSPECT_AT` and spelling or confidence doubt it too, and so is a word they doubt
that fits clearly worse than its turn's typical word. The audio alone makes a suspect of two
words near each other (at most :data:`PAIR_REACH` tokens apart) that both fit clearly worse than
their turn's typical word (see :func:`audio_pairs`): a voice says some right
words in a way the model hears badly, one word at a time, while a wrong text seldom misfits in
one word alone (the words around it are pushed off their sounds too). A pair nothing else backs
is judged again once the whole episode is heard (:mod:`~editor.hearing.voice`): a voice may say
some phones badly wherever they come. The constants were set
on the evaluation episodes of tests/bench/bench_hearing.py (espeak-ng speech saying the right
words under a transcript with recognizer errors, and the control where the audio says the
transcript's own words), never on its held-out episode.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from editor.core.british import american
from editor.core.name_span import name_span
from editor.hearing.fit import TokenFit

SUSPECT_AT = 0.5       # a run whose doubtiest word reaches this is a suspect
JOIN_AT = 0.3          # neighbours this doubtful join the run
TYPICAL_PERCENT = 60    # the percentile of a turn's word fits taken as its typical right word
# Two words fitting this much worse than their turn's typical word (log score per frame), at most
# PAIR_REACH tokens apart, make a suspect on the audio alone; a short word's shortfall counts
# SHORT_BELOW_WEIGHT of itself, and two short words are no pair.
PAIR_BELOW = 1.3
PAIR_REACH = 2
SHORT_BELOW_WEIGHT = 0.4
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
# "thn"): their fit alone says little. "onto" is "into" with another first vowel, unstressed and
# reduced the same way before its object ("onto the flat roof": "ɒntə", not the dictionary's
# AA N T UW; it misfitted 1.7 and 2.5 per frame worse than its turn's typical word in two espeak-ng
# voices, where "into" is reduced alike and never doubted for it).
FUNCTION_WORDS = frozenset((
    "also", "been", "both", "does", "each", "ever", "from", "have", "here", "into", "onto", "just", "more", "much",
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
    below: float = 0.0      # how far the fit lies under the turn's typical word (short words: weighted)
    fit_vs_turn: float = 0.0  # the fit less the turn's typical word's (signed, unweighted; 0 when unspoken)
    frames: int = 0
    phones: tuple[str, ...] = ()  # as the aligner says the token (filled in by the worker; see voice.py)


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
    # Made by the audio pair rule alone (two words near each other fitting clearly worse than their
    # turn's typical word): the one kind of suspect how a voice says its phones may explain (voice.py).
    from_fits: bool = False
    # Made by another word fitting the turn better than the text's by a check's bar: how far past
    # that bar, per frame of the word (None: no such bar made it). A voice that says the word's
    # phones poorly everywhere puts some right words just past such a bar (voice.py).
    past_bar: float | None = None

    def as_dict(self, segment_start_ms: int | None) -> dict:
        return {"segment": self.segment, "segment_start_ms": segment_start_ms,
                "char_start": self.char_start, "char_end": self.char_end, "text": self.text,
                "start_ms": self.start_ms, "end_ms": self.end_ms, "doubt": round(self.doubt, 3),
                "evidence": list(self.evidence)}


def over_words(suspect: Suspect, text: str) -> Suspect:
    """*suspect* over its words only (*text*: its segment's): a suspect is made of whole tokens,
    and the sentence's punctuation on their edges (a comma or full stop after the last word, a
    quote before the first) is not what the producer is asked to listen for. Punctuation inside
    the passage stays; a passage of punctuation alone is left as it is."""
    start, end = name_span(text, suspect.char_start, suspect.char_end)
    if (start, end) == (suspect.char_start, suspect.char_end):
        return suspect
    return replace(suspect, char_start=start, char_end=end, text=text[start:end])


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
        elif len(word) > 1 and not is_known(word) and not is_known(american(word)):
            return SPELLING_DOUBT
    return 0.0


def word_doubts(text: str, fits: list[TokenFit], confidences: list[float | None] | None = None,
                is_known: Callable[[str], bool] | None = None) -> list[WordDoubt]:
    """The doubt of every token of one segment (*fits* from :func:`~editor.hearing.fit.fit_tokens`)."""
    median = typical_fit(fits)
    result = []
    for i, fit in enumerate(fits):
        letters = "".join(_LETTERS.findall(text[fit.char_start:fit.char_end]))
        # "her", "for", "than" are reduced in speech; an acronym ("BSA") is said letter by letter,
        # and so is a lone capital ("M", "B", but not the words "A" and "I"): a letter's name is a
        # stressed syllable, said in full.
        short = ((len(letters) <= 3 or letters.casefold() in FUNCTION_WORDS)
                 and not (len(letters) > 1 and letters.isupper()) and not _letter_name(letters))
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
        below = max(0.0, median - fit.fit) * (SHORT_BELOW_WEIGHT if short else 1.0) if fit.spoken else 0.0
        result.append(WordDoubt(fit.token, fit.char_start, fit.char_end, fit.start_ms, fit.end_ms,
                                1 - keep * (1 - audio), [name for name, value in pieces if value > 0.05],
                                audio, 1 - keep, short, below,
                                fit.fit - median if fit.spoken else 0.0, fit.frames))
    return result


def _letter_name(letters: str) -> bool:
    """Whether *letters* is a lone capital said as its letter's name (not the words "A" and "I")."""
    return len(letters) == 1 and letters.isupper() and letters not in "AI"


def runs(text: str, doubts: list[WordDoubt], segment: int, segment_id: str,
         unsupported: bool = False) -> list[Suspect]:
    """Suspects of one segment: runs of doubtful words that spelling or confidence doubt too, and
    the stretches where the audio alone speaks against two words near each other (merged where
    they overlap).

    *unsupported*: instead, every run of doubtful words around a clearly doubtful one, also those
    nothing else backs (one word fitting badly): the places worth listening for a glossary name
    in, which becomes the evidence then.
    """
    spans: list[list[WordDoubt]] = []
    current: list[WordDoubt] = []

    def close() -> None:
        if current and max(d.doubt for d in current) >= SUSPECT_AT and (
                unsupported or any(d.other >= JOIN_AT for d in current)):
            spans.append(list(current))
        current.clear()

    for doubt in doubts:
        if doubt.doubt >= JOIN_AT:
            current.append(doubt)
        else:
            close()
    close()
    if not unsupported:
        # A word spelling or confidence doubts that also fits clearly worse than its turn's usual.
        doubted = [[d] for d in doubts if d.other >= JOIN_AT and d.below >= PAIR_BELOW]
        spans = _merged(spans + doubted + audio_pairs(doubts), doubts)
    suspects = []
    for words in spans:
        evidence = list(dict.fromkeys(e for d in words for e in d.evidence))
        if any(d.below >= PAIR_BELOW for d in words) and "audio" not in evidence:
            evidence.insert(0, "audio")
        times = [d for d in words if d.start_ms is not None]
        start, end = words[0].char_start, words[-1].char_end
        suspects.append(Suspect(segment, segment_id, start, end, text[start:end],
                                times[0].start_ms if times else None, times[-1].end_ms if times else None,
                                max(SUSPECT_AT, max(d.doubt for d in words)), evidence,
                                from_fits=evidence == ["audio"]))
    return suspects


def audio_pairs(doubts: list[WordDoubt]) -> list[list[WordDoubt]]:
    """Stretches from one poorly fitting word to another at most PAIR_REACH tokens on (chained).

    A voice says some right words in a way the acoustic model hears badly ("river", "school",
    "her"), the same in every turn, and then only that word fits worse than the turn's usual. A
    wrong text ("Our cat broke down" where the audio says "car") pushes its neighbours off
    their sounds too, so two poor fits close together are the audio's own evidence. Short words
    are reduced in speech and fit worse anyway: two of them are no pair.
    """
    poor = [i for i, d in enumerate(doubts) if d.below >= PAIR_BELOW]
    stretches: list[list[int]] = []
    for i in poor:
        partner = next((j for j in reversed(poor) if j < i and i - j <= PAIR_REACH
                        and not (doubts[i].short and doubts[j].short)), None)
        if partner is None:
            continue
        if stretches and stretches[-1][-1] >= partner:
            stretches[-1].append(i)
        else:
            stretches.append([partner, i])
    return [doubts[s[0]:s[-1] + 1] for s in stretches]


def _merged(spans: list[list[WordDoubt]], doubts: list[WordDoubt]) -> list[list[WordDoubt]]:
    """Overlapping or touching spans of *doubts* joined into one, in reading order."""
    position = {id(d): i for i, d in enumerate(doubts)}
    ranges = sorted((position[id(s[0])], position[id(s[-1])]) for s in spans)
    joined: list[list[int]] = []
    for lo, hi in ranges:
        if joined and lo <= joined[-1][1] + 1:
            joined[-1][1] = max(joined[-1][1], hi)
        else:
            joined.append([lo, hi])
    return [doubts[lo:hi + 1] for lo, hi in joined]


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
