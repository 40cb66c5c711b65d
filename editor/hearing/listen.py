"""The audio checks of a whole transcript, segment by segment on the alignment workers.

:func:`hear_transcript` plans one job per timed segment, lets :func:`editor.align.batch.align_transcript`
decode the audio once and hand each segment's audio to a worker process, where :func:`hear_segment`
aligns the text again to score every word (:mod:`~editor.hearing.fit`), turns the scores, the
recognizer's confidence and spelling into suspects (:mod:`~editor.hearing.suspects`), looks
for glossary names inside them (:mod:`~editor.hearing.spotting`), and adds the one-word slips the
sentence's context points at elsewhere (:mod:`~editor.hearing.context`), those a near consonant
apart that the audio hears (:mod:`~editor.hearing.near_consonants`), two phones apart that the
sentence strongly wants (:mod:`~editor.hearing.two_phones`), and a vowel or a consonant apart where
the word clearly misfits its turn (:mod:`~editor.hearing.misfit_slips`), a common word where the rest
of the episode says a rare one sounding like it (:mod:`~editor.hearing.episode_alikes`), a word clearly
misfitting that the audio hears as one a phone away the sentence does not rule out
(:mod:`~editor.hearing.unwanted_slips`), and a word misfitting alone
that the recognizer hears as another (:mod:`~editor.hearing.lone_misfits`). Results come back in
completion order; one whose segment text changed meanwhile is stale (compare ``text``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial

import numpy as np

from editor.align.aligner import RATE, Aligner, AlignOptions
from editor.align.aligner_pool import AlignerPool
from editor.align.batch import PAD_AFTER_MS, PAD_MS, AlignJob, align_transcript, plan_jobs
from editor.align.text import Token
from editor.core.name_span import name_span, same_name
from editor.core.transcript import Segment, WordTiming
from editor.hearing.context import context_model, context_suspects, spoken_words
from editor.hearing.episode_alikes import episode_alike_suspects
from editor.hearing.episode_words import EpisodeWords
from editor.hearing.fit import HEARING_OPTIONS, SegmentFit, fit_tokens
from editor.hearing.lone_misfits import lone_misfit_suspects
from editor.hearing.misfit_slips import misfit_slip_suspects
from editor.hearing.near_consonants import near_consonant_suspects
from editor.hearing.sayings import teach
from editor.hearing.short_runs import run_fit_bar
from editor.hearing.sound_match import (
    MAX_DISTANCE,
    PhoneSpeller,
    SoundAlike,
    everyday_word_in_a_sentence,
    name_words_near,
    sound_alikes,
    words_near_names,
)
from editor.hearing.spotting import EXPECTED_WINDOW, SPOT_COVERAGE, Spotted, fit_bar, spot_names
from editor.hearing.suspects import JOIN_AT, Suspect, WordDoubt, over_words, runs, typical_fit, word_doubts
from editor.hearing.two_phones import two_phone_suspects
from editor.hearing.unwanted_slips import unwanted_slip_suspects
from editor.hearing.verdict import AGREES, MARGIN, PREFERS_ORIGINAL, TimedToken, compare, cut, region_of
from editor.hearing.voice import token_phones

# The grammars of every name and of a word's sound-alikes (the context check) are searched more
# lightly than the words are fitted: two Gaussians a frame instead of four (topn). Only its choice
# of path is used; the winner's verdict and fit come from the full search (whose absolute fits the
# lighter one would lower). No frame downsampling (ds): on a skipped frame PocketSphinx rescores
# only the Gaussians the codebook kept from the frame before, and at an utterance's start those
# are what the previous utterance left, so a turn's choices depended on which turn the process
# heard before it (and so on the number of workers).
NAMES_OPTIONS = AlignOptions(extra={**HEARING_OPTIONS.extra, "topn": 2})
SOUND_ALIKE_DOUBT = 0.6   # a passage sounding like a glossary name the audio does not rule out
HEAR_PAD_MS = 400         # audio taken around a turn's aligned words
NEAR_DISTANCE = 0.45      # phone edit distance of a window worth listening for the names in
# The audio's preference a glossary person's first name or surname needs over a name the text says a
# sound away (see _heard_name_words): twice a verdict's margin. (Over audio saying the text's
# name, espeak-ng voices gave the glossary's word -0.6 to +0.35; over audio saying the glossary's,
# 0.6 to 0.9 where its guessed vowels were the voice's, and less, down to -1.2, where not.)
NAME_WORD_MARGIN = 2 * MARGIN
SPELLING_SPOT = JOIN_AT   # doubt from spelling alone that makes a word worth listening for the names in


@dataclass
class HearJob(AlignJob):
    names: tuple[str, ...] = ()                  # glossary names to listen for inside suspects
    confidences: list[float | None] | None = None  # the recognizer's, per token, when known
    not_before_ms: int | None = None             # audio before this is the previous turn's (not heard)
    names_only: bool = False                     # only the glossary's names listened for (the glossary
                                                 # changed): no context check; suspects of names and fit
    episode_uses: dict[str, int] = field(default_factory=dict)  # how often the rest of the episode uses
                                                 # each of the turn's words (the context check's topic)
    episode_words: tuple[str, ...] = ()          # the episode's words the turn does not use (its rare ones
                                                 # said as a common word here: episode_alikes)


@dataclass
class Heard:
    index: int
    segment_id: str
    text: str                                   # the text that was checked
    doubts: list[WordDoubt] = field(default_factory=list)
    suspects: list[Suspect] = field(default_factory=list)
    spotted: list[Spotted] = field(default_factory=list)
    aligned: bool = True                        # False: the text could not be fitted to the audio
    names_only: bool = False                    # heard for the glossary's names only (HearJob.names_only)


_speller = None


def _is_known(names: Sequence[str]) -> Callable[[str], bool]:
    """The dictionary (and the glossary's words) of this process, loaded once."""
    global _speller
    from editor.core.spelling import Speller

    if _speller is None:
        _speller = Speller()
    _speller.set_glossary_names(names)
    return _speller.is_known


def hear_segment(job: HearJob, aligner: Aligner) -> Heard:
    """Suspects and names heard in one segment (runs in a worker process)."""
    heard = Heard(job.index, job.segment_id, job.text, names_only=job.names_only)
    teach(aligner, job.names)      # once per process: the names' other pronunciations
    job, fitted = fit_turn(job, aligner)
    if fitted is None:
        heard.aligned = False
        return heard
    audio = job.audio
    assert audio is not None
    heard.doubts = turn_doubts(job, fitted, aligner)
    heard.suspects = runs(job.text, heard.doubts, job.index, job.segment_id)
    if job.names:
        _listen_for_names(job, audio, fitted, heard, aligner)
    if not job.names_only:
        # After the names: the words of a passage heard as a glossary name, or sounding like one
        # the audio does not rule out ("Ash combe" for Ashcombe), are said as the name is, not as
        # the dictionary says each word, and the context check does not ask about them.
        # In this order, each check leaving alone the words already in a suspect: the context check
        # first, then the slips a near consonant, two phones, or a misfit apart, a common word for the
        # episode's rare one, a word misfitting clearly that the sentence does not rule out, and last a word
        # misfitting alone that the recognizer, asked again, hears as another.
        for check in (partial(context_suspects, episode_uses=job.episode_uses), near_consonant_suspects,
                      two_phone_suspects, misfit_slip_suspects,
                      partial(episode_alike_suspects, episode_words=job.episode_words), unwanted_slip_suspects,
                      lone_misfit_suspects):
            heard.suspects += check(job.text, job.tokens, fitted, heard.doubts, audio, job.audio_start_ms, aligner,
                                    job.index, job.segment_id, heard.suspects, chooser=_names_aligner())
    # Found over whole tokens (the checks above compare them so); reported over their words.
    heard.suspects = sorted((over_words(s, job.text) for s in heard.suspects), key=lambda s: s.char_start)
    return heard


def fit_turn(job: HearJob, aligner: Aligner) -> tuple[HearJob, SegmentFit | None]:
    """*job* over the audio that is its turn's (from ``not_before_ms``), and its words' fits there
    (None: the text could not be fitted)."""
    audio = job.audio
    assert audio is not None, "the buffer gives every job its audio before it runs"
    if job.not_before_ms is not None and job.not_before_ms > job.audio_start_ms:
        drop = (job.not_before_ms - job.audio_start_ms) * RATE // 1000
        audio = audio[drop:]
        job = replace(job, audio=audio, audio_start_ms=job.audio_start_ms + drop * 1000 // RATE)
    return job, fit_tokens(audio, job.tokens, aligner, job.audio_start_ms)


def turn_doubts(job: HearJob, fitted: SegmentFit, aligner: Aligner) -> list[WordDoubt]:
    """The doubt of every word of *job*'s turn, with the phones it was fitted as (for the voice's
    picture of the whole episode, :mod:`~editor.hearing.voice`)."""
    doubts = word_doubts(job.text, fitted.tokens, job.confidences, _is_known(job.names))
    for doubt in doubts:
        doubt.phones = token_phones(job.tokens[doubt.token], aligner)
    return doubts


def _listen_for_names(job: HearJob, audio: np.ndarray, fitted: SegmentFit, heard: Heard, aligner: Aligner) -> None:
    """The glossary's names heard in the turn (``heard.spotted``), and the suspects they make or join."""
    timed = [TimedToken(f.char_start, f.char_end, f.start_ms, f.end_ms) for f in fitted.tokens]
    listener = _names_aligner()
    teach(listener, job.names)
    # Names are listened for in every poorly fitting run, also those too weak to show: a name
    # the audio clearly prefers to the text is what makes such a run worth showing.
    candidates = runs(job.text, heard.doubts, job.index, job.segment_id, unsupported=True)
    typical = typical_fit(fitted.tokens)
    alikes = sorted(sound_alikes(job.tokens, list(job.names), _phone_speller(aligner), NEAR_DISTANCE),
                    key=lambda a: a.distance)
    near = words_near_names(job.tokens, list(job.names), _phone_speller(aligner), NEAR_DISTANCE)
    # A run of everyday words as near a name as a sound-alike once its vowels count half ("off
    # come" for Ofcom) is one, put to the audio as the name (unless the plain search already
    # puts it so); a single word, or a run farther off, is only listened for. (A word already
    # near a name without weighing vowels half is put to the audio as that name.)
    near = [w for w in near if w.first == w.last or _unexpected_run(job.tokens, w.first, w.last)]
    near_runs = [w for w in near if w.last > w.first and w.distance <= MAX_DISTANCE
                 and not any(a.name == w.name and a.distance <= MAX_DISTANCE and _overlap(a, w) for a in alikes)]
    near_words = [w for w in near if w not in near_runs
                  and not any(a.name == w.name and a.first <= w.first <= a.last for a in alikes)]
    spans = listening_spans(heard.doubts, candidates, alikes, timed, near_words)
    if spans:
        heard.spotted = spot_names(job.text, timed, spans, list(job.names), audio, job.audio_start_ms,
                                   aligner, typical, chooser=listener, phones=_phone_speller(aligner))
    runs_heard = _heard_sound_alikes(job, timed, aligner,
                                     sorted([a for a in alikes if a.distance <= MAX_DISTANCE] + near_runs,
                                            key=lambda a: a.distance),
                                     heard.spotted, typical, fitted)
    # Such a run and the name differ in vowels only, which a voice says its own way: whichever the
    # audio seems to prefer, the producer decides (never ticked).
    ran = {(timed[w.first].char_start, timed[w.last].char_end, w.name) for w in near_runs}
    heard.spotted += [replace(s, sure=False) if (s.char_start, s.char_end, s.name) in ran else s for s in runs_heard]
    heard.spotted += _heard_name_words(job, timed, aligner, name_words_near(
        job.tokens, list(job.names), _phone_speller(aligner), MAX_DISTANCE), heard.spotted, typical)
    # A name the text already says ("Dick Flacks." for Dick Flacks) is nothing to suggest.
    heard.spotted = [s for s in heard.spotted if not same_name(s.found, s.name)]
    for spotted in heard.spotted:
        overlapping = [s for s in heard.suspects
                       if s.char_start < spotted.char_end and spotted.char_start < s.char_end]
        for suspect in overlapping:
            suspect.evidence = list(dict.fromkeys(suspect.evidence + ["name"]))
        weak = [s for s in candidates if s.char_start < spotted.char_end and spotted.char_start < s.char_end]
        if not overlapping and spotted.how == "audio" and weak:
            lo = min(spotted.char_start, *(s.char_start for s in weak))
            hi = max(spotted.char_end, *(s.char_end for s in weak))
            first = next(t for t in timed if t.char_start == lo)
            last = next(t for t in timed if t.char_end == hi)
            heard.suspects.append(Suspect(job.index, job.segment_id, lo, hi, job.text[lo:hi],
                                          first.start_ms, last.end_ms, max(s.doubt for s in weak),
                                          list(dict.fromkeys([e for s in weak for e in s.evidence] + ["name"]))))
        elif not overlapping:
            start = next(t for t in timed if t.char_start == spotted.char_start)
            end = next(t for t in timed if t.char_end == spotted.char_end)
            heard.suspects.append(Suspect(job.index, job.segment_id, spotted.char_start, spotted.char_end,
                                          spotted.found, start.start_ms, end.end_ms,
                                          SOUND_ALIKE_DOUBT + (0.2 if spotted.agrees else 0.0),
                                          (["sound"] if spotted.how == "sound" else []) + ["name"]
                                          + (["audio"] if spotted.agrees else [])))
    heard.spotted = [_without_edge_punctuation(job.text, s) for s in heard.spotted]


def _overlap(a: SoundAlike, b: SoundAlike) -> bool:
    return a.first <= b.last and b.first <= a.last


def _unexpected_run(tokens: list[Token], first: int, last: int) -> bool:
    """Whether tokens *first*..*last*, everyday words near a name once their vowels count half,
    may be the recognizer's writing of it: no punctuation inside (a name is not split by a comma:
    "we set off, what a day" is no Ofwat) and words their sentence does not expect, on average
    (the language model's trigrams holding each, as for a one-word passage a name is heard in:
    EXPECTED_WINDOW). The audio cannot choose between such a run and the name, which differ in
    vowels only ("off come", Ofcom): the text has to ("some of them" is no Ofgem)."""
    if any(t.text != t.text.strip(".,;:!?\"'()") for t in tokens[first:last]) \
            or tokens[last].text.lstrip(".,;:!?\"'(") != tokens[last].text:
        return False
    model = context_model()
    words, position = spoken_words(tokens, model)
    at = [position[i] for i in range(first, last + 1)]
    return sum(model.window(words, k, words[k]) for k in at) / len(at) < EXPECTED_WINDOW


def _without_edge_punctuation(text: str, spotted: Spotted) -> Spotted:
    """*spotted* over its words only: the sentence's punctuation around it stays when the name goes in."""
    start, end = name_span(text, spotted.char_start, spotted.char_end, spotted.name)
    return replace(spotted, char_start=start, char_end=end, found=text[start:end])


def listening_spans(doubts: list[WordDoubt], candidates: list[Suspect], alikes: list[SoundAlike],
                    timed: list[TimedToken], near_words: Sequence[SoundAlike] = ()) -> list[tuple[int, int]]:
    """The passages (char ranges) of a turn to listen for the glossary's names in: every poorly
    fitting run (*candidates*), a word the dictionary does not know ("ANH"), however well it
    fits, a window near a name in sound but not near enough to be put to the audio as that
    name alone ("a nook della cross"), and an everyday word near a one-word name once its
    vowels count half (*near_words*: "offset" for Ofsted, which fits audio saying the name well
    enough to raise no doubt): the grammar of every name decides there."""
    spans = [(s.char_start, s.char_end) for s in candidates]
    spans += [(d.char_start, d.char_end) for d in doubts if d.other >= SPELLING_SPOT and not d.short]
    spans += [(timed[a.first].char_start, timed[a.last].char_end) for a in alikes if a.distance > MAX_DISTANCE]
    spans += [(timed[a.first].char_start, timed[a.last].char_end) for a in near_words]
    return spans


_phones: PhoneSpeller | None = None
_listener: Aligner | None = None


def _names_aligner() -> Aligner:
    """This process's aligner for names (NAMES_OPTIONS), made on first use."""
    global _listener
    if _listener is None:
        _listener = Aligner(NAMES_OPTIONS)
    return _listener


def _phone_speller(aligner: Aligner) -> PhoneSpeller:
    global _phones
    if _phones is None or _phones._aligner is not aligner:
        _phones = PhoneSpeller(aligner)
    return _phones


def _heard_sound_alikes(job: HearJob, timed: list[TimedToken], aligner: Aligner, alikes: list[SoundAlike],
                        already: list[Spotted], turn_typical: float, fitted: SegmentFit) -> list[Spotted]:
    """Glossary names that sound like a run of the text (*alikes*, closest first) and that the
    audio does not rule out: the name fits about as well as a right word, or at least as well as
    the text's own words there (*fitted*), which fit that badly only where the voice is heard
    badly or the text is wrong (a garbled acronym, "sorter" for SARDA, where the model hears
    neither well)."""
    found: list[Spotted] = []
    tried: list[tuple[int, int, str]] = []
    for alike in alikes:
        lo, hi = timed[alike.first].char_start, timed[alike.last].char_end
        if any(s.char_start < hi and lo < s.char_end for s in already + found):
            continue
        # A wider or narrower window of a place already put to the audio as this name is
        # no new question: the closest-sounding window stands for its place.
        if any(name == alike.name and t_lo < hi and lo < t_hi for t_lo, t_hi, name in tried):
            continue
        tried.append((lo, hi, alike.name))
        if same_name(job.text[lo:hi], alike.name):
            continue
        where = region_of(job.text, timed, lo, hi)
        if where is None:
            continue
        assert job.audio is not None
        bar = min(run_fit_bar(fit_bar(turn_typical), job.text, timed, alike.first, alike.last),
                  text_fit(fitted, alike.first, alike.last))
        verdict = compare(cut(job.audio, job.audio_start_ms, where), where, alike.name, aligner,
                          margin_needed=False, usable_from=(bar, 0.0))
        if verdict.label == PREFERS_ORIGINAL or verdict.fit < bar:
            continue
        # An everyday word written as one inside its sentence, said as the name is ("bright" for
        # Brite): unless the audio prefers the name, the text's word stands. (An acronym is no such
        # name: a recognizer that does not know one writes whatever word it sounds like, "sorter"
        # for SARDA.)
        if verdict.label != AGREES and alike.first == alike.last and not alike.name.isupper() \
                and everyday_word_in_a_sentence(job.tokens, alike.first, _phone_speller(aligner)):
            continue
        found.append(Spotted(lo, hi, job.text[lo:hi], alike.name, verdict.margin, "sound", verdict.label == AGREES))
    return found


def _heard_name_words(job: HearJob, timed: list[TimedToken], aligner: Aligner, near: list[SoundAlike],
                      already: list[Spotted], turn_typical: float) -> list[Spotted]:
    """Words of a glossary person's name the audio prefers to a name the text says a sound away
    (*near*: "Thanks Gaskell" for Petra Haskell). Both are names, said nearly alike: a right one
    (a Mr Gaskell in the same episode) must stay, so the audio has to prefer the glossary's word
    by NAME_WORD_MARGIN, fitting as a right word does; and being a name for a name, it is offered,
    never ticked."""
    found: list[Spotted] = []
    bar = fit_bar(turn_typical)
    for alike in sorted(near, key=lambda a: a.distance):
        lo, hi = timed[alike.first].char_start, timed[alike.last].char_end
        if any(s.char_start < hi and lo < s.char_end for s in already + found):
            continue
        where = region_of(job.text, timed, lo, hi)
        if where is None:
            continue
        assert job.audio is not None
        verdict = compare(cut(job.audio, job.audio_start_ms, where), where, alike.name, aligner,
                          usable_from=(bar, SPOT_COVERAGE))
        if verdict.margin >= NAME_WORD_MARGIN and verdict.fit >= bar and verdict.coverage >= SPOT_COVERAGE:
            found.append(Spotted(lo, hi, job.text[lo:hi], alike.name, verdict.margin, sure=False))
    return found


def text_fit(fitted: SegmentFit, first: int, last: int) -> float:
    """The fit (log score per frame) of tokens *first*..*last* as the text says them (0 when unspoken)."""
    fits = [f for f in fitted.tokens[first:last + 1] if f.spoken]
    return sum(f.fit * f.frames for f in fits) / max(1, sum(f.frames for f in fits))


def plan(segments: Sequence[Segment], duration_ms: int | None = None, names: Sequence[str] = (),
         indices: Sequence[int] | None = None, names_only: bool = False, notes: str = "",
         vocabulary: EpisodeWords | None = None) -> list[HearJob]:
    """One job per timed segment (all, or *indices*); *names_only*: see :attr:`HearJob.names_only`.
    Each job carries how often the rest of the episode uses its turn's words, for the context check:
    as *vocabulary* counts them, else, when every segment is planned, as its segments, the page's
    *notes* and the glossary's *names* do (*indices* alone read only their segments and neighbours:
    a window's snapshot of some turns holds no others, see editor.ui.hearing.listening_pass).

    A segment whose words were aligned is heard over its words' span and HEAR_PAD_MS around it
    (less audio to decode, and less of the neighbouring turns' speech for its edge words to
    take); any other over its span with the padding alignment gives it. A turn whose first word
    was aligned onto the previous turn's words is heard from where those end.
    """
    jobs: list[HearJob] = []
    for job in plan_jobs(segments, duration_ms, indices, redo=True):
        if vocabulary is None and indices is None:   # (made once there is a turn to hear)
            vocabulary = EpisodeWords((s.text for s in segments), notes, names)
        words = segments[job.index].words
        timed = [(w.start_ms, w.end_ms) for w in words if w.start_ms is not None and w.end_ms is not None]
        not_before = None
        if segments[job.index].word_timing == WordTiming.ALIGNED and timed and len(words) == len(job.tokens):
            job.start_ms, job.end_ms = timed[0][0], max(end for _, end in timed)
            not_before = _previous_turn_end(segments, job.index)
            if not_before is not None and job.start_ms < not_before < job.end_ms:
                job.start_ms = not_before
            else:
                not_before = None
        else:
            job.start_ms, job.end_ms = job.start_ms - (PAD_MS - HEAR_PAD_MS), job.end_ms + (PAD_AFTER_MS - HEAR_PAD_MS)
        confidences = ([w.confidence for w in words] if len(words) == len(job.tokens)
                       and any(w.confidence is not None for w in words) else None)
        jobs.append(HearJob(job.index, job.segment_id, job.text, job.tokens, job.start_ms, job.end_ms,
                            names=tuple(names), confidences=confidences, not_before_ms=not_before,
                            names_only=names_only,
                            episode_uses={} if names_only or vocabulary is None else vocabulary.uses_outside(job.text),
                            episode_words=(() if names_only or vocabulary is None
                                           else vocabulary.words_outside(job.text))))
    return jobs


def _previous_turn_end(segments: Sequence[Segment], index: int) -> int | None:
    """Where the previous turn's aligned words end, when that is no later than this turn's start.

    A turn's first word, often short ("The"), is now and then aligned onto the end of the turn
    before; heard again over the same padded audio it goes there again, and the word after it
    is stretched over both (its fit, and every name compared there, suffer). When the previous
    turn's last word ends before this turn begins, the audio before that end is not this turn's.
    """
    start_ms = segments[index].start_ms
    if index == 0 or start_ms is None:
        return None
    previous = segments[index - 1]
    ends = [w.end_ms for w in previous.words if w.end_ms is not None]
    if previous.word_timing != WordTiming.ALIGNED or not ends or max(ends) > start_ms:
        return None
    return max(ends)


def hear_transcript(audio_path: str | os.PathLike, jobs: list[HearJob], *, workers: int = 2,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None, pool: AlignerPool | None = None) -> Iterator[Heard]:
    """:func:`hear_segment` for every job against *audio_path*, in completion order (on *pool*'s
    workers when given, as the alignment before it: see :func:`editor.align.batch.align_transcript`)."""
    yield from align_transcript(audio_path, jobs, workers=workers, progress=progress,
                                cancelled=cancelled, pool=pool, task=hear_segment, options=HEARING_OPTIONS,
                                pad_ms=HEAR_PAD_MS, pad_after_ms=HEAR_PAD_MS)
