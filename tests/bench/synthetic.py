"""A deterministic synthetic 10-hour episode for benchmarks and load tests.

``from synthetic import ten_hour_episode`` (with ``tests/bench`` on ``sys.path``)
gives a :class:`~editor.core.Transcript` of about 2,400 turns and 90,000 timed
words, 5 speakers, a few hundred inaudible/crosstalk/unclear marks, some
approved and corrected segments and notes -- the size a long-form podcast
producer really opens. The same arguments always give the same transcript, so
figures from different runs and different engineers compare.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:  # so the script runs from anywhere without installing
    sys.path.insert(0, str(_ROOT))

from editor.core.transcript import (  # noqa: E402
    Mark,
    MarkKind,
    ReviewStatus,
    Segment,
    Speaker,
    Transcript,
    TranscriptMeta,
    Word,
    WordTiming,
)

TEN_HOURS_MS = 10 * 3600 * 1000

# Invented vocabulary (no real transcript text); a few capitalised "names" for search/glossary work.
_WORDS = ["the", "a", "and", "of", "to", "in", "that", "it", "was", "we", "for", "on", "with", "they", "but", "so",
          "just", "like", "about", "what", "this", "there", "boat", "hull", "timber", "plank", "cedar", "oak",
          "river", "harbour", "tide", "keel", "mast", "sail", "rope", "workshop", "winter", "summer", "really",
          "actually", "maybe", "think", "know", "mean", "going", "people", "started", "building", "together",
          "thing", "things", "village", "market", "festival", "council", "budget", "vote", "season", "crew",
          "engine", "paint", "varnish", "brush", "clamp", "because", "remember", "always", "never", "sometimes",
          "morning", "evening", "weather", "storm", "quiet", "loud", "story"]
_NAMES = ["Tidewater", "Marrowby", "Quillon", "Esk", "Brannagh", "Solveig", "Okonkwo", "Liang"]
_SPEAKERS = ["Maya Ortiz", "Desmond Lee", "Priya Raman", "Tomasz Wójcik", "Ines Ferreira", "Kofi Mensah"]


def ten_hour_episode(seed: int = 7, turns: int = 2400, words: int = 90_000,
                     speakers: int = 5, duration_ms: int = TEN_HOURS_MS) -> Transcript:
    """A synthetic episode: *turns* segments, about *words* timed words, *speakers* voices."""
    rng = random.Random(seed)
    transcript = Transcript(meta=TranscriptMeta(title="Synthetic ten-hour episode",
                                                audio_path="synthetic-episode.mp3",
                                                duration_ms=duration_ms, language="en"))
    for number, name in enumerate(_SPEAKERS[:max(1, min(speakers, len(_SPEAKERS)))], 1):
        transcript.speakers[f"spk{number}"] = Speaker(f"spk{number}", name)
    speaker_ids = list(transcript.speakers)
    counts = _turn_lengths(rng, turns, words)
    # Leave room for the pauses between turns (a quarter word on average) and 1% slack at the end.
    ms_per_word = duration_ms * 0.99 / max(1, sum(counts) + 0.25 * len(counts))
    clock = 0.0
    previous_speaker = None
    for index, count in enumerate(counts):
        speaker = rng.choice([s for s in speaker_ids if s != previous_speaker] or speaker_ids)
        previous_speaker = speaker
        segment, clock = _make_segment(rng, f"s{index + 1}", speaker, count, clock, ms_per_word)
        transcript.segments.append(segment)
    return transcript


def _turn_lengths(rng: random.Random, turns: int, words: int) -> list[int]:
    """Turn lengths that vary (short replies, long answers) and sum to exactly *words*."""
    weights = [rng.choice((0.2, 0.5, 1.0, 1.0, 1.5, 2.5)) for _ in range(turns)]
    scale = words / sum(weights)
    counts = [max(1, round(w * scale)) for w in weights]
    diff = words - sum(counts)
    i = 0
    while diff != 0 and turns:
        j = i % turns
        if diff > 0:
            counts[j] += 1
            diff -= 1
        elif counts[j] > 1:
            counts[j] -= 1
            diff += 1
        i += 1
    return counts


def _make_segment(rng: random.Random, seg_id: str, speaker: str, count: int,
                  clock: float, ms_per_word: float) -> tuple[Segment, float]:
    tokens: list[str] = []
    words: list[Word] = []
    marks: list[Mark] = []
    offset = 0
    for n in range(count):
        start = int(clock)
        length = ms_per_word * rng.uniform(0.55, 0.95)
        end = int(clock + length)
        clock += ms_per_word
        token, kind = _token(rng, n == 0, n == count - 1)
        if kind is not None:
            marks.append(Mark(kind, offset, offset + len(token), start))
        tokens.append(token)
        words.append(Word(token, start, end, None if kind is MarkKind.INAUDIBLE
                          else round(rng.uniform(0.35, 1.0), 3)))
        offset += len(token) + 1
    text = " ".join(tokens)
    segment = Segment(seg_id, words[0].start_ms, words[-1].end_ms, text, speaker,
                      words=words, marks=marks, word_timing=WordTiming.IMPORTED)
    _review(rng, segment)
    clock += ms_per_word * rng.uniform(0.0, 0.5)  # a little breath between turns
    return segment, clock


def _token(rng: random.Random, first: bool, last: bool) -> tuple[str, MarkKind | None]:
    roll = rng.random()
    if roll < 0.0025:
        return "[inaudible]", MarkKind.INAUDIBLE
    if roll < 0.0030:
        return "[crosstalk]", MarkKind.CROSSTALK
    if roll < 0.0040:
        return rng.choice(_WORDS), MarkKind.UNCLEAR
    word = rng.choice(_NAMES) if roll < 0.02 else rng.choice(_WORDS)
    if first:
        word = word[:1].upper() + word[1:]
    if last:
        word += rng.choice(".?.!.")
    elif rng.random() < 0.06:
        word += ","
    return word, None


def _review(rng: random.Random, segment: Segment) -> None:
    """Some segments approved, some flagged with a note, some corrected by the producer."""
    roll = rng.random()
    if roll < 0.30:
        segment.status = ReviewStatus.APPROVED
        segment.approved_by = "producer"
        segment.approved_at = "2024-05-01T12:00:00Z"
    elif roll < 0.33:
        segment.status = ReviewStatus.FLAGGED
        segment.note = "check this name against the show notes"
    if rng.random() < 0.05 and not segment.marks:
        # The producer corrected the recogniser: original text stays, the visible text changes
        # (same token count, so the words stay aligned).
        segment.original_text = segment.text
        segment.original_marks = []
        first, _, rest = segment.text.partition(" ")
        fixed = "Quillon" if first != "Quillon" else "Esk"
        segment.text = f"{fixed} {rest}".rstrip() if rest else fixed
        segment.words[0].text = fixed


if __name__ == "__main__":
    import time
    t0 = time.perf_counter()
    episode = ten_hour_episode()
    elapsed = time.perf_counter() - t0
    print(f"{len(episode.segments)} turns, {episode.word_count} words, {len(episode.speakers)} speakers, "
          f"{episode.mark_count()} marks, ends {episode.end_ms / 3.6e6:.2f} h, built in {elapsed:.2f} s")
