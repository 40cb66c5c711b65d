"""Forced alignment of one segment's text to its audio with PocketSphinx 5.

PocketSphinx ships a US-English acoustic model and the CMU dictionary inside its wheel,
so this runs offline. ``Decoder.set_align_text`` builds a grammar of exactly the given
words with optional silence/noise between them; decoding the segment's audio then yields
the frame (10 ms) where each word starts and ends.

A segment either aligns completely (WordTiming.ALIGNED) or is marked WordTiming.FAILED.
A failed segment is not given up on: a second pass decodes it with a grammar in which
every word may be skipped, and the words found there in runs of at least
``AlignOptions.anchor_run`` (text the audio really says) keep their times as anchors;
only the words between anchors are interpolated. Words with nothing to say
("[inaudible]", "--") get times interpolated between their aligned neighbours either way.
"""

from __future__ import annotations

import math
import os
import re
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from pocketsphinx import Decoder

from editor.align.edges import onsets
from editor.align.g2p import pronounce
from editor.align.interpolate import Span, interpolate
from editor.align.text import Token, spoken_words
from editor.core.british import american
from editor.core.transcript import Word, WordTiming

RATE = 16000
FRAME_MS = 10  # PocketSphinx's default frame rate is 100 frames per second
# Frame f is computed from a 25.6 ms window starting at f * FRAME_MS: a boundary found at
# frame f lies near the window's centre, not its start.
FRAME_CENTRE_MS = 13
NOISY_KEPT = 4        # audio buffers an aligner keeps with what it found in them (see Aligner._recent)


@dataclass(frozen=True)
class AlignOptions:
    """Search settings; each beam set is tried in turn until one aligns the whole text.

    The default PocketSphinx beams (1e-48) are fast and align nearly everything; a second
    try with wider beams (1e-80) rescues most of the rest. Wider still was measured worse.
    """

    beams: tuple[tuple[float, float, float], ...] = ((1e-48, 1e-48, 7e-29), (1e-80, 1e-80, 1e-60))
    # A noise floor is added before decoding, its standard deviation this fraction of the
    # segment's RMS (0.05 = 26 dB below the speech). PocketSphinx's noise tracking breaks on
    # digital silence (gated podcasts, synthetic speech): without it 10-25% of the bench
    # segments failed and words swallowed the pauses before them.
    noise_ratio: float = 0.05
    # Probability of the optional silence between words. PocketSphinx's 0.005 makes a
    # word start early and swallow the pause before it (p95 error 220 ms -> 50 ms at 1.0).
    silprob: float = 1.0
    # A failed segment keeps the words its skip-anything pass found in runs at least this
    # long (in text order, nothing skipped in between): shorter runs are often a word
    # forced onto the wrong sound.
    anchor_run: int = 3
    # A word whose frames fit this badly on average (natural log of the acoustic score per
    # frame; well-placed words measure -0.5 to -6) was crushed by a pruned search: the
    # next, wider beams are tried.
    squeezed_log: float = -7.0
    # Any other PocketSphinx settings (see its config_params), e.g. {"fillprob": 0.01}.
    extra: dict = field(default_factory=dict)


def _loaded(make: Callable[[], Decoder], settings: dict) -> Decoder:
    """``make()``, a decoder loading PocketSphinx's acoustic model and dictionary; a model that cannot
    be loaded (missing or damaged files, a wrong ``POCKETSPHINX_PATH``) raises a
    :class:`~editor.core.errors.TranscriptError` naming its folder. PocketSphinx itself says only
    "Failed to initialize PocketSphinx", which tells a producer nothing."""
    try:
        return make()
    except RuntimeError as error:
        from pocketsphinx import get_model_path

        from editor.core.errors import TranscriptError
        folder = settings.get("hmm") or get_model_path(os.path.join("en-us", "en-us"))
        raise TranscriptError("PocketSphinx's speech model could not be loaded (its files are missing or "
                              "damaged; reinstalling pocketsphinx, or setting POCKETSPHINX_PATH right, "
                              "mends it)", folder) from error


@dataclass
class SegmentAlignment:
    """Word times for one segment, in the order of its whitespace tokens."""

    words: list[Word]
    timing: WordTiming
    unknown: list[str] = field(default_factory=list)  # words pronounced by the g2p step
    anchored: int = 0                                  # tokens timed by the audio (the rest interpolated)


class Aligner:
    """One PocketSphinx decoder per beam setting (made lazily); not thread-safe, one per process."""

    def __init__(self, options: AlignOptions | None = None):
        self.options = options or AlignOptions()
        self._decoders: dict[int, Decoder] = {}
        self._choices: Decoder | None = None
        self._recognizer: Decoder | None = None
        self._pronounced: dict[str, str] = {}
        # Every pronunciation of a word, as :meth:`pronunciations` found it: the checks ask for
        # the same words' pronunciations tens of thousands of times an episode (each a walk of
        # "word", "word(2)"... through the decoder's dictionary). A word's entry goes when a
        # pronunciation of it is added.
        self._sayings: dict[str, tuple[str, ...]] = {}
        # How many pronunciations were added to words (add_pronunciation): a dictionary word's
        # pronunciations change only then, so what was worked out from them holds while this does.
        self.sayings_added = 0
        # The last few audio buffers decoded, with their noise floor and what was found in them: a
        # turn is decoded again and again over the same samples (a word swapped in, a candidate
        # and the original, a passage judged for two names), drawing the noise took about a
        # twentieth of a decode's time, and the same search over the same samples finds the same.
        self._recent: deque[_Decoded] = deque(maxlen=NOISY_KEPT)

    def _decoder(self, attempt: int) -> Decoder:
        if attempt not in self._decoders:
            beam, pbeam, wbeam = self.options.beams[attempt]
            decoder = _loaded(lambda: Decoder(lm=None, loglevel="FATAL", samprate=RATE,
                                              beam=beam, pbeam=pbeam, wbeam=wbeam,
                                              silprob=self.options.silprob, **self.options.extra),
                              self.options.extra)
            for word, phones in self._pronounced.items():
                decoder.add_word(word, phones, False)
            self._decoders[attempt] = decoder
        return self._decoders[attempt]

    def lookup(self, word: str) -> str | None:
        """The pronunciation the aligner will use for *word* (dictionary or g2p), None if unknown."""
        return self._pronounced.get(word) or self._decoder(0).lookup_word(word)

    def in_dictionary(self, word: str) -> str | None:
        """The dictionary's own pronunciation of *word*, None when only a guess made here has one.

        Pronunciations are guessed from the dictionary alone, never from earlier guesses
        ("vard" guessed once, "vardholm" became "vard" + "holm"), so a word is said the same
        way whatever words this process was given before it.
        """
        return None if word in self._pronounced else self._decoder(0).lookup_word(word)

    def prepare(self, words: list[str]) -> tuple[list[bool], list[str]]:
        """Make every word pronounceable (g2p for unknown ones); returns usable flags and the new words."""
        decoder = self._decoder(0)
        usable, added = [], []
        for word in words:
            if word in self._pronounced or decoder.lookup_word(word):
                usable.append(True)
                continue
            # A British spelling the dictionary lacks ("defences") is said every way its American
            # one is: a guess, or one of several, fits a right word worse than the word it is.
            spelled = american(word) if word.isalpha() else word
            sayings = self.pronunciations(spelled) if spelled != word and self.in_dictionary(spelled) else []
            phones = sayings[0] if sayings else pronounce(word, self.in_dictionary)
            if not phones:
                usable.append(False)
                continue
            self._pronounced[word] = phones
            self._sayings.pop(word, None)
            for each in [*self._decoders.values(), *([self._choices] if self._choices else [])]:
                each.add_word(word, phones, True)
            for other in sayings[1:]:
                self.add_pronunciation(word, other)
            usable.append(True)
            added.append(word)
        return usable, added

    def pronunciations(self, word: str) -> list[str]:
        """Every pronunciation of *word* the searches may pick (the dictionary's "word(2)"... too)."""
        known = self._sayings.get(word)
        if known is None:
            found: list[str] = []
            while phones := self.lookup(word if not found else f"{word}({len(found) + 1})"):
                found.append(phones)
            known = self._sayings[word] = tuple(found)
        return list(known)

    def add_pronunciation(self, word: str, phones: str) -> bool:
        """Let *word* (already known or prepared) also be said as *phones*, as the dictionary's
        alternatives are: every search then takes whichever fits the audio best. False when it
        already has that pronunciation or is unknown."""
        known = self.pronunciations(word)
        if not known or phones in known:
            return False
        alternative = f"{word}({len(known) + 1})"
        for decoded in self._recent:      # a search with *word* in it may now go another way
            decoded.found.clear()
        self._pronounced[alternative] = phones
        self._sayings.pop(word, None)
        self.sayings_added += 1
        for each in [*self._decoders.values(), *([self._choices] if self._choices else [])]:
            each.add_word(alternative, phones, True)
        return True

    def frames(self, audio_16k: np.ndarray, words: list[str], before: Sequence[str] = (),
               after: Sequence[str] = ()) -> list[tuple[int, int]] | None:
        """(start, end) frame of each word, or None when no beam setting aligns the whole text.

        *before* / *after*: the last words of the turn before and the first of the turn
        after. Transcript times are rough (Rev and Otter give whole seconds), so a turn's
        audio often begins with the end of the previous turn; without those words to take
        it, the first words of this turn would be stretched over it. They may be said or
        not (a grammar in which each of them can be skipped).
        """
        pieces = self.decode(audio_16k, words, before, after)
        if pieces is None:
            return None
        return [(p.start_frame, p.end_frame) for p in pieces if p.word is not None]

    def decode(self, audio_16k: np.ndarray, words: list[str], before: Sequence[str] = (),
               after: Sequence[str] = ()) -> list[AlignedPiece] | None:
        """Every piece of the best alignment of *words*, silences and noises included (the
        neighbours' context words left out; see :meth:`frames`).

        None when no beam setting aligns the whole text. Pieces of the text carry their
        word; the optional silences/noises between them have ``word`` None.
        """
        if not words or len(audio_16k) < RATE // 10:
            return None
        decoded = self._decoded(audio_16k)
        key = ("decode", tuple(words), tuple(before), tuple(after))
        if key not in decoded.found:
            decoded.found[key] = self._decode(decoded.data, words, before, after)
        pieces = decoded.found[key]
        return None if pieces is None else list(pieces)

    def _decode(self, data: bytes, words: list[str], before: Sequence[str],
                after: Sequence[str]) -> list[AlignedPiece] | None:
        """:meth:`decode` of the samples whose noisy bytes are *data*."""
        # The neighbours' words are made pronounceable here, not only when this process happened
        # to align their turn first: the grammar must not depend on which turns came before.
        before = [w for w, ok in zip(before, self.prepare(list(before))[0], strict=True) if ok]
        after = [w for w, ok in zip(after, self.prepare(list(after))[0], strict=True) if ok]
        # With the neighbours' words first; then the text alone (the grammar search fails
        # now and then where plain alignment does not).
        tries = [(attempt, True) for attempt in range(len(self.options.beams)) if before or after]
        tries += [(attempt, False) for attempt in range(len(self.options.beams))]
        for attempt, with_context in tries:
            pieces = self._decode_once(data, words, before if with_context else None, after, attempt)
            if pieces is None:
                continue
            if attempt + 1 < len(self.options.beams) and _squeezed(pieces, self.options.squeezed_log):
                # A word crushed into a few frames of sound that is not it: the beams pruned
                # the true path early on (typically where a neighbour's word sounds like this
                # turn's first one, "two" / "to"). The wider search finds it.
                wider = self._decode_once(data, words, before if with_context else None, after, attempt + 1)
                if wider is not None:
                    return wider
            return pieces
        return None

    def _decode_once(self, data: bytes, words: list[str], before: list[str] | None, after: list[str],
                     attempt: int) -> list[AlignedPiece] | None:
        """One decode of *words* with the beams of *attempt*: in the grammar with the
        neighbours' words (*before* not None), else plain alignment of the text alone."""
        decoder = self._decoder(attempt)
        if before is not None:
            self._set_grammar(decoder, words, before, after)
        else:
            decoder.set_align_text(" ".join(words))
        self._run(decoder, data)
        if decoder.hyp() is None:
            return None
        pieces = [AlignedPiece(None if _base(s.word) in _FILLERS else _base(s.word),
                               s.start_frame, s.end_frame, _log(s.ascore))
                  for s in (decoder.seg() or ()) if s.word != "</s>" and not s.word.endswith(_CONTEXT)]
        return pieces if sum(1 for p in pieces if p.word is not None) == len(words) else None

    def phones(self, audio_16k: np.ndarray, words: list[str]) -> list[list[PhoneSpan]] | None:
        """The phones of each of *words* (already prepared) with their frames and scores, from
        a second, phone-level pass over the best alignment of the text alone; None when no
        beam setting aligns it.

        The word-level search keeps no phone boundaries; PocketSphinx's sub-word alignment
        decodes the same audio once more along the path found. Each phone has at least three
        frames (one per HMM state): a phone the audio lacks is squeezed to that.
        """
        if not words or len(audio_16k) < RATE // 10:
            return None
        data = self._decoded(audio_16k).data
        for attempt in range(len(self.options.beams)):
            decoder = self._decoder(attempt)
            decoder.set_align_text(" ".join(words))
            try:
                self._run(decoder, data)
                if decoder.hyp() is None:
                    continue
                decoder.set_alignment()
                self._run(decoder, data)
            except RuntimeError:        # the phone pass found no path along the words
                continue
            alignment = decoder.get_alignment()
            found = [[PhoneSpan(phone.name, phone.start, phone.duration, phone.score * _ALIGNMENT_UNIT)
                      for phone in word] for word in alignment or () if _base(word.name) not in _FILLERS]
            if len(found) == len(words):
                return found
        return None

    def decode_choice(self, audio_16k: np.ndarray, before: Sequence[str], paths: Sequence[Sequence[str]],
                      after: Sequence[str]) -> list[str] | None:
        """The words of the best path through *before*, then one of *paths*, then *after* (words
        already prepared); None: no path through.

        One pass picks among alternatives ("the (essay | d_s_a | e_p_a) handed"), which costs
        about as much as one alignment instead of one per alternative. The grammar is built as a
        finite-state graph directly: a JSGF text of many alternatives takes longer to compile
        than to decode.
        """
        if len(audio_16k) < RATE // 10 or not paths:
            return None
        transitions: list[tuple] = []
        states = 1                      # state 0 is the start

        def chain(source: int, words: Sequence[str], target: int | None) -> int:
            """Transitions saying *words* from *source* (to *target*, else to a new state)."""
            nonlocal states
            if not words:
                if target is not None:
                    transitions.append((source, target, 1.0))
                    return target
                return source
            at = source
            for i, word in enumerate(words):
                if i == len(words) - 1 and target is not None:
                    following = target
                else:
                    following, states = states, states + 1
                transitions.append((at, following, 1.0, word))
                at = following
            return at

        fork = chain(0, before, None)
        join, states = states, states + 1
        for path in paths:
            chain(fork, path, join)
        end = chain(join, after, None)
        return self.decode_graph(audio_16k, transitions, end)

    def decode_graph(self, audio_16k: np.ndarray, transitions: Sequence[tuple], final: int) -> list[str] | None:
        """The words of the best path from state 0 to *final* of a finite-state grammar given as
        ``(from, to, probability, word)`` transitions (``(from, to, probability)``: no word);
        words already prepared. None: no path through. Searched as :meth:`decode_choice` is."""
        if len(audio_16k) < RATE // 10 or not transitions:
            return None
        decoded = self._decoded(audio_16k)
        key = ("graph", tuple(transitions), final)
        if key not in decoded.found:
            decoder = self._choice_decoder()
            decoder.add_fsg("_choice", decoder.create_fsg("_choice", 0, final, list(transitions)))
            decoder.activate_search("_choice")
            self._run(decoder, decoded.data)
            # "(NULL)": a transition without a word, which the segmentation lists too
            decoded.found[key] = None if decoder.hyp() is None else [
                _base(s.word) for s in (decoder.seg() or ()) if _base(s.word) not in _FILLERS and s.word != "(NULL)"]
        words = decoded.found[key]
        return None if words is None else list(words)

    def _choice_decoder(self) -> Decoder:
        """The decoder of :meth:`decode_choice`: the widest beams, since with narrow ones an
        alternative that starts badly (a name whose first phone the text fits better) is pruned
        before it can win; and no lattice rescoring, which takes longer than the search itself
        on a grammar of many alternatives (its word scores are then not comparable: only the
        path is used)."""
        if self._choices is None:
            beam, pbeam, wbeam = self.options.beams[-1]
            self._choices = _loaded(lambda: Decoder(lm=None, loglevel="FATAL", samprate=RATE, beam=beam,
                                                    pbeam=pbeam, wbeam=wbeam, silprob=self.options.silprob,
                                                    **{**self.options.extra, "bestpath": False}),
                                    self.options.extra)
            for word, phones in self._pronounced.items():
                self._choices.add_word(word, phones, False)
        return self._choices

    def recognize(self, audio_16k: np.ndarray) -> list[str] | None:
        """The words PocketSphinx's own recognizer hears in *audio_16k*, its US-English language
        model and whole dictionary with it (None: it heard nothing). A second opinion on what a
        passage says, free of the text; made on first use (loading the model takes about a second),
        and decoded as every other search here, each utterance on its own (see :meth:`_run`)."""
        if len(audio_16k) < RATE // 10:
            return None
        decoded = self._decoded(audio_16k)
        key = ("recognize",)
        if key not in decoded.found:
            if self._recognizer is None:
                self._recognizer = _loaded(lambda: Decoder(loglevel="FATAL", samprate=RATE), {})
            self._run(self._recognizer, decoded.data)
            hypothesis = self._recognizer.hyp()
            decoded.found[key] = None if hypothesis is None else [
                _base(s.word) for s in (self._recognizer.seg() or ()) if _base(s.word) not in _FILLERS
                and not s.word.startswith("[")]
        words = decoded.found[key]
        return None if words is None else list(words)

    def _set_grammar(self, decoder: Decoder, words: list[str], before: list[str], after: list[str]) -> None:
        """The end of *before* (any number of its last words, or none), then every one of
        *words*, then the start of *after* (any number of its first words, or none).

        The audio can only hold the previous turn's last words and the next turn's first
        ones, so the grammar allows just that: one null transition from the start into the
        *before* words and one from anywhere in the *after* words to the end. (A chain of
        optional words, each skippable on its own, failed to reach its end in most turns
        with more than two *after* words, and the turn fell back to its text alone, whose
        first words then took the previous turn's last sound.)
        """
        transitions: list[tuple] = []     # (from, to, probability[, word]): no word is a null transition
        for state, word in enumerate(before):
            transitions.append((state, state + 1, 1.0, self._context_word(decoder, word)))
        transitions += [(0, state, 1.0) for state in range(1, len(before) + 1)]
        state = len(before)
        for word in words:
            transitions.append((state, state + 1, 1.0, word))
            state += 1
        text_end = state
        for word in after:
            transitions.append((state, state + 1, 1.0, self._context_word(decoder, word)))
            state += 1
        transitions += [(each, state, 1.0) for each in range(text_end, state)]
        decoder.add_fsg("turn", decoder.create_fsg("turn", 0, state, transitions))
        decoder.activate_search("turn")

    def _context_word(self, decoder: Decoder, word: str) -> str:
        """A copy of *word* under its own name, so a neighbour's word is never taken for this turn's."""
        name = word + _CONTEXT
        if not decoder.lookup_word(name):
            decoder.add_word(name, self.lookup(word), True)
        return name

    def anchor_frames(self, audio_16k: np.ndarray, words: list[str]) -> list[tuple[int, int] | None]:
        """(start, end) frame of each word the audio really says, None for the others.

        Used when :meth:`frames` failed: a finite-state grammar in which each word may be
        skipped (the sound it did not match goes to the noise and silence fillers) finds the
        words that are there, in order; only runs of ``anchor_run`` consecutive words count.
        """
        found: list[tuple[int, int] | None] = [None] * len(words)
        if not words or len(audio_16k) < RATE // 10:
            return found
        decoder = self._decoder(len(self.options.beams) - 1)
        transitions = []
        for i, word in enumerate(words):
            transitions += [(i, i + 1, 0.9, word), (i, i + 1, 0.1)]
        decoder.add_fsg("anchors", decoder.create_fsg("anchors", 0, len(words), transitions))
        decoder.activate_search("anchors")
        self._run(decoder, self._decoded(audio_16k).data)
        if decoder.hyp() is None:
            return found
        hits = [(_base(s.word), s.start_frame, s.end_frame) for s in decoder.seg() or ()
                if _base(s.word) not in _FILLERS]
        # Match the hypothesis back to word positions (the grammar keeps the text's order).
        matched: list[tuple[int, int, int]] = []
        at = 0
        for word, first, last in hits:
            while at < len(words) and words[at] != word:
                at += 1
            if at == len(words):
                break
            matched.append((at, first, last))
            at += 1
        run: list[tuple[int, int, int]] = []
        for item in matched + [(-2, 0, 0)]:      # a sentinel closes the last run
            if run and item[0] != run[-1][0] + 1:
                if len(run) >= self.options.anchor_run:
                    for index, first, last in run:
                        found[index] = (first, last)
                run = []
            run.append(item)
        return found

    def _run(self, decoder: Decoder, data: bytes) -> None:
        """Decode one whole utterance as if it were the decoder's first.

        The cepstral mean is the utterance's own (the model's batch CMN over the full
        utterance), but the front end's noise tracking (the model's ``-remove_noise``)
        carries its noise estimate from one utterance into the next: a turn would score, and
        align, differently depending on which turns the same process decoded before it.
        Rebuilding the front end (cheap: tens of microseconds) starts that estimate afresh,
        so each decode depends on its own audio and text only.
        """
        decoder.reinit_feat()
        decoder.start_utt()
        decoder.process_raw(data, full_utt=True)
        decoder.end_utt()

    def _decoded(self, audio_16k: np.ndarray) -> _Decoded:
        """*audio_16k* as PocketSphinx decodes it (with its noise floor), and what searches over
        it found: kept for the same samples decoded again soon after."""
        samples = np.asarray(audio_16k, dtype=np.int16)
        for decoded in self._recent:
            if len(decoded.samples) == len(samples) and np.array_equal(decoded.samples, samples):
                return decoded
        decoded = _Decoded(samples.copy(), self._with_noise_floor(samples).tobytes())
        self._recent.append(decoded)
        return decoded

    def _with_noise_floor(self, audio_16k: np.ndarray) -> np.ndarray:
        samples = np.asarray(audio_16k, dtype=np.int16)
        if not self.options.noise_ratio:
            return np.ascontiguousarray(samples)
        squares = samples.astype(np.float64)
        rms = float(np.sqrt(np.mean(np.square(squares, out=squares)))) if len(samples) else 0.0
        sigma = max(1.0, self.options.noise_ratio * rms)
        # Fixed seed: the same audio always aligns the same way. (normal(0, sigma) is drawn as
        # sigma times a standard normal: the same numbers, worked on in place.)
        noisy = np.random.default_rng(len(samples)).standard_normal(len(samples))
        noisy *= sigma
        noisy += samples
        np.clip(noisy, -32768, 32767, out=noisy)
        return noisy.astype(np.int16)


@dataclass
class _Decoded:
    """Samples an aligner decoded: the bytes it gave PocketSphinx (noise floor added) and what
    each search over them found (by the search: its words or grammar), while its pronunciations
    stay as they were."""

    samples: np.ndarray
    data: bytes
    found: dict[tuple, list | None] = field(default_factory=dict)


_FILLERS = frozenset({"<s>", "</s>", "<sil>", "[NOISE]", "[SPEECH]"})
_CONTEXT = "|context"     # suffix of the neighbouring turns' words in a turn's grammar


def _squeezed(pieces: list[AlignedPiece], floor: float) -> bool:
    return any(p.word is not None and p.log_score / p.frames < floor for p in pieces)


def _base(word: str) -> str:
    return re.sub(r"\(\d+\)$", "", word)


def align_segment(audio_16k: np.ndarray, text_words: list[str] | list[Token], start_ms: int,
                  end_ms: int | None = None, aligner: Aligner | None = None,
                  audio_start_ms: int | None = None, before: Sequence[str] = (),
                  after: Sequence[str] = ()) -> SegmentAlignment:
    """Word times for *text_words* (the segment's whitespace tokens) spoken in *audio_16k*.

    *audio_16k* is mono int16 at 16 kHz whose first sample is at *audio_start_ms*
    (default *start_ms*; give an earlier time when the audio is padded). *start_ms*..*end_ms*
    is the segment's span, used for interpolation (default: the audio's end). *before* /
    *after*: spoken words of the neighbouring turns that the padded audio may hold.
    """
    aligner = aligner or Aligner()
    audio_start_ms = start_ms if audio_start_ms is None else audio_start_ms
    if end_ms is None:
        end_ms = audio_start_ms + len(audio_16k) * 1000 // RATE
    tokens = [t if isinstance(t, Token) else Token(t, 0, spoken_words(t)) for t in text_words]
    texts = [t.text for t in tokens]
    flat: list[tuple[int, str]] = [(i, w) for i, t in enumerate(tokens) for w in t.spoken]
    usable, unknown = aligner.prepare([w for _, w in flat])
    flat = [item for item, ok in zip(flat, usable, strict=False) if ok]
    if not flat:
        spans = interpolate(texts, [None] * len(texts), start_ms, end_ms)
        return SegmentAlignment(_words(texts, spans), WordTiming.ESTIMATED, unknown)
    spoken = [w for _, w in flat]
    aligned = aligner.frames(audio_16k, spoken, before, after)
    timing = WordTiming.ALIGNED
    frames: list[tuple[int, int] | None]
    if aligned is None:
        frames = aligner.anchor_frames(audio_16k, spoken)
        timing = WordTiming.FAILED
    else:
        frames = list(aligned)
    # A token's span runs from its first spoken word's start to its last one's end; a
    # token only some of whose words were found (anchor pass) is interpolated instead.
    heard = onsets(audio_16k, RATE, [None if span is None else (span[0] * FRAME_MS + FRAME_CENTRE_MS,
                                                                 (span[1] + 1) * FRAME_MS + FRAME_CENTRE_MS)
                                      for span in frames])
    known: list[Span | None] = [None] * len(tokens)
    complete = [True] * len(tokens)
    for (index, _), span in zip(flat, heard, strict=True):
        if span is None:
            complete[index] = False
            continue
        begin, finish = audio_start_ms + span[0], audio_start_ms + span[1]
        previous = known[index]
        known[index] = (begin, finish) if previous is None else (previous[0], finish)
    known = [span if ok else None for span, ok in zip(known, complete, strict=False)]
    spans = interpolate(texts, known, start_ms, end_ms)
    return SegmentAlignment(_words(texts, spans), timing, unknown, anchored=sum(s is not None for s in known))



def _words(texts: list[str], spans: list[Span]) -> list[Word]:
    return [Word(text, start, end) for text, (start, end) in zip(texts, spans, strict=False)]


# The lowest log score a piece is given when its probability underflows to 0.0.
_FLOOR_LOG = -745.0


@dataclass(frozen=True)
class AlignedPiece:
    """One word (or silence, word None) of an alignment: frames start..end inclusive.

    ``log_score`` is the natural log of the piece's acoustic score. PocketSphinx scales
    every frame's senone scores by the best senone of that frame, so 0 means "as good as
    any sound the model knows" and the per-frame mean says how well the audio fits.
    """

    word: str | None
    start_frame: int
    end_frame: int
    log_score: float

    @property
    def frames(self) -> int:
        return self.end_frame - self.start_frame + 1


@dataclass(frozen=True)
class PhoneSpan:
    """One phone of a word in a phone-level alignment (:meth:`Aligner.phones`)."""

    phone: str
    start_frame: int
    frames: int
    log_score: float     # natural log of its acoustic score (0: as good as any sound the model knows)


# The sub-word alignment reports scores in the search's integer units: log base 1.0001, shifted
# right by 10 bits (PocketSphinx's SENSCR_SHIFT). One unit in natural log:
_ALIGNMENT_UNIT = 1024 * math.log(1.0001)


def _log(probability: float) -> float:
    return math.log(probability) if probability > 0 else _FLOOR_LOG
