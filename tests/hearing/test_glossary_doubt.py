"""The one rule by which glossary suggestions become suspects (``transcript-editor suggest`` and the
window): the audio's rejection and a change of capitals make none, an overlapping suspect takes the
glossary's word and the higher doubt without being changed in place, any other passage is a suspect
of its own timed by its words."""

from __future__ import annotations

from dataclasses import replace

from editor.core.transcript import Segment, Word
from editor.hearing.glossary_doubt import with_glossary
from editor.hearing.suggest import Suggested
from editor.hearing.suspects import Suspect
from editor.hearing.verdict import AGREES, PREFERS_ORIGINAL, SOUNDS_ALIKE

TEXT = "A small bakery opened on the corner of the main street."


def _segment() -> Segment:
    words = [Word(token, 1000 + 300 * i, 1250 + 300 * i) for i, token in enumerate(TEXT.split())]
    return Segment("t1", 1000, 4000, TEXT, words=words)


def _passage(found: str, score: int, audio: str | None, evidence: list[str]) -> Suggested:
    start = TEXT.index(found)
    return Suggested(0, 1000, start, start + len(found), found, found.title(), score, evidence, audio)


def test_rejected_and_capitals_only_passages_make_no_suspect():
    segment = _segment()
    passages = [_passage("bakery", 88, PREFERS_ORIGINAL, ["spelling"]),
                _passage("corner", 70, PREFERS_ORIGINAL, ["sound"]),
                _passage("main street", 40, SOUNDS_ALIKE, ["case"])]
    assert with_glossary([], passages, lambda _i: segment) == []


def test_a_rejected_passage_found_by_its_sound_and_still_offered_is_a_suspect():
    # Words sounding like the name, the text sure enough (97) that the audio's rejection (less 20)
    # leaves it offered: the audio heard the name as it is guessed to be said, maybe not as it was.
    segment = _segment()
    (rejected,) = with_glossary([], [_passage("main street", 77, PREFERS_ORIGINAL, ["sound", "spelling"])],
                                lambda _i: segment)
    assert (rejected.text, rejected.evidence) == ("main street", ["glossary"])
    assert rejected.doubt == 0.385         # half the score: less than when the audio could not tell


def test_a_rejected_sound_match_splitting_a_name_word_keeps_a_lower_bar():
    # "main street" for a one-word name: the audio compared dictionary words with a guessed name,
    # so its rejection counts half (68 is offered below SCAN_THRESHOLD, yet within its allowance).
    segment = _segment()
    start = TEXT.index("main street")
    split = Suggested(0, 1000, start, start + 11, "main street", "Mainstreet", 68, ["sound"], PREFERS_ORIGINAL)
    (rejected,) = with_glossary([], [split], lambda _i: segment)
    assert rejected.text == "main street"
    # The same score for a word written as one word (like for like), or below the allowance: none.
    one = _passage("corner", 68, PREFERS_ORIGINAL, ["sound"])
    low = replace(split, score=60)
    assert with_glossary([], [one, low], lambda _i: segment) == []


def test_a_passage_not_rejected_is_a_suspect_timed_by_its_words():
    segment = _segment()
    (agreed,) = with_glossary([], [_passage("corner", 80, AGREES, ["sound", "audio"])], lambda _i: segment)
    assert (agreed.char_start, agreed.text, agreed.evidence) == (TEXT.index("corner"), "corner", ["glossary", "audio"])
    assert (agreed.start_ms, agreed.end_ms) == (1000 + 300 * 6, 1250 + 300 * 6)
    assert agreed.doubt == 0.72            # nine tenths of the score when the audio agrees
    (unsure,) = with_glossary([], [_passage("bakery", 88, SOUNDS_ALIKE, ["spelling"])], lambda _i: segment)
    assert unsure.evidence == ["glossary"] and unsure.doubt == 0.616


def test_an_overlapping_suspect_takes_the_glossarys_word_and_is_not_changed_in_place():
    segment = _segment()
    start = TEXT.index("bakery")
    heard = Suspect(0, "t1", start, start + 6, "bakery", 1600, 1850, 0.5, ["audio"])
    (merged,) = with_glossary([heard], [_passage("bakery", 88, AGREES, ["spelling", "audio"])], lambda _i: segment)
    assert merged.evidence == ["audio", "glossary"] and merged.doubt == 0.792
    assert heard.evidence == ["audio"] and heard.doubt == 0.5
