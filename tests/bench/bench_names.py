"""Figures for the name tools on the synthetic 10-hour episode (~90,000 words, 2,400 turns).

Prints one table: find, replace-all (span list, then applied as one op and undone), "correct
everywhere", the glossary scan against 200 entries, and spell checking. Goals:
replace-all <= 100 ms, glossary scan <= 2 s. Median of several runs; the first run is shown too
where caches matter.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE))
sys.path.insert(0, str(_HERE.parents[1]))

from synthetic import ten_hour_episode  # noqa: E402

from editor.core import ops  # noqa: E402
from editor.core.corrections import find_variants  # noqa: E402
from editor.core.glossary import Glossary, capture, scan, snapshot  # noqa: E402
from editor.core.name_index import NameIndex  # noqa: E402
from editor.core.search import FindOptions, find_all, replace_all_spans  # noqa: E402
from editor.core.spelling import Speller, english  # noqa: E402

_SYLLABLES = ["ka", "lo", "mi", "ren", "dor", "vel", "an", "is", "tor", "bra", "quil", "sen", "mar", "ow", "by",
              "ti", "de", "wa", "ter", "ek", "lin", "gos"]


def glossary_of_200(transcript) -> Glossary:
    """The episode's names and speakers plus invented names, 200 entries, many with wrong forms."""
    rng = random.Random(5)
    glossary = Glossary()
    for name in ("Tidewater", "Marrowby", "Quillon", "Esk", "Brannagh", "Solveig", "Okonkwo", "Liang"):
        glossary.add(name, [misspelt(rng, name)])
    glossary.join_speakers(transcript)
    while len(glossary.entries) < 200:
        first = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
        last = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        correct = f"{first} {last}" if rng.random() < 0.6 else last
        glossary.add(correct, [misspelt(rng, correct)] if rng.random() < 0.5 else [])
    return glossary


_MISHEARD = {"Tidewater": "Tide water", "Quillon": "Quilan", "Marrowby": "Marrow bee",
             "Brannagh": "Brannock", "Solveig": "Solvay", "Okonkwo": "Okonko", "Liang": "Lyang"}


def with_misrecognitions(transcript, every: int = 3):
    """A copy where every *every*-th occurrence of each synthetic name is misheard."""
    copy = snapshot(transcript)
    seen = 0
    for segment in copy.segments:
        words = segment.text.split(" ")
        for i, word in enumerate(words):
            core = word.rstrip(".,?!")
            if core in _MISHEARD:
                seen += 1
                if seen % every == 0:
                    words[i] = _MISHEARD[core] + word[len(core):]
        segment.text = " ".join(words)
    return copy


def misspelt(rng: random.Random, name: str) -> str:
    """A recognizer-style wrong form: one vowel swapped."""
    vowels = [i for i, c in enumerate(name) if c in "aeiou"]
    if not vowels:
        return name + "e"
    i = rng.choice(vowels)
    return name[:i] + rng.choice([v for v in "aeiou" if v != name[i]]) + name[i + 1:]


def timed(fn, runs: int = 5) -> tuple[float, float, object]:
    """(first run ms, median ms, last result)."""
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return times[0], statistics.median(times), result


def main() -> None:
    episode = ten_hour_episode()
    rows: list[tuple[str, float, float, str]] = []

    def add(label, fn, note="", runs=5):
        first, median, result = timed(fn, runs)
        rows.append((label, first, median, note(result) if callable(note) else note))
        return result

    name = FindOptions("Quillon", whole_word=True)
    common = FindOptions("the", whole_word=True)
    add("find 'Quillon' (whole word)", lambda: find_all(episode, name), lambda r: f"{len(r)} matches")
    add("find 'the' (whole word)", lambda: find_all(episode, common), lambda r: f"{len(r)} matches")
    spans = add("replace-all spans 'Quillon'", lambda: replace_all_spans(episode, name, "Quillan"),
                lambda r: f"{len(r)} spans")
    add("replace-all spans 'the'", lambda: replace_all_spans(episode, common, "thee"), lambda r: f"{len(r)} spans")

    def apply_and_undo():
        undo = ops.run(episode, ops.replace_spans(episode, replace_all_spans(episode, name, "Quillan")))
        ops.run(episode, undo)
    add("replace-all 'Quillon': spans + apply + undo", apply_and_undo, f"{len(spans)} spans, one op")
    big = replace_all_spans(episode, common, "thee")

    def apply_big():
        undo = ops.run(episode, ops.replace_spans(episode, replace_all_spans(episode, common, "thee")))
        ops.run(episode, undo)
    add("replace-all 'the': spans + apply + undo", apply_big, f"{len(big)} spans, one op", runs=3)

    add("name index build (tokens + Metaphone)", lambda: NameIndex(episode), "once per episode", runs=3)
    index = NameIndex(episode)
    add("correct everywhere 'Quillon'->'Quillan'", lambda: find_variants(episode, "Quillon", "Quillan", index=index),
        lambda r: f"{len(r)} candidates")
    add("correct everywhere 'Maya Ortis'->'Maya Ortiz'",
        lambda: find_variants(episode, "Maya Ortis", "Maya Ortiz", index=index), lambda r: f"{len(r)} candidates")

    glossary = glossary_of_200(episode)
    misheard = with_misrecognitions(episode)
    add("glossary scan, 200 entries (snapshot+index+scan)", lambda: scan(snapshot(misheard), glossary),
        lambda r: f"{len(r)} suggestions", runs=3)
    kept = NameIndex(capture(misheard))
    row = next(i for i, s in enumerate(misheard.segments) if "Quillon" in s.text)

    def rescan_after_an_edit():
        text = misheard.segments[row].text           # one turn edited: a space added or taken away
        edit = (len(text) - 1, len(text), "") if text.endswith(" ") else (len(text), len(text), " ")
        ops.replace_spans(misheard, [(row, *edit)]).apply(misheard)
        return scan(capture(misheard), glossary, index=kept)
    add("glossary rescan after an edit (kept index, capture)", rescan_after_an_edit,
        lambda r: f"{len(r)} suggestions; {kept.retokenised} turn re-read", runs=3)

    english()  # the word list loads once per process (~0.1 s); not part of a check
    fresh = Speller(glossary.names())
    add("spell check whole episode, cold cache", lambda: Speller(glossary.names()).check_transcript(episode),
        lambda r: f"{sum(map(len, r.values()))} unknown", runs=3)
    fresh.check_transcript(episode)
    add("spell check whole episode, warm cache", lambda: fresh.check_transcript(episode), runs=3)
    longest = max(episode.segments, key=lambda s: len(s.text))
    add("spell check one segment (warm)", lambda: fresh.check_segment(longest),
        f"{len(longest.text.split())} words")
    add("spelling suggestions for 'Quilon'", lambda: fresh.suggestions("Quilon"), lambda r: ", ".join(r[:3]), runs=3)

    print(f"episode: {len(episode.segments)} turns, {episode.word_count} words; "
          f"glossary: {len(glossary.entries)} entries")
    print(f"{'what':52} {'first ms':>9} {'median ms':>10}  note")
    for label, first, median, note in rows:
        print(f"{label:52} {first:9.1f} {median:10.1f}  {note}")


if __name__ == "__main__":
    main()
