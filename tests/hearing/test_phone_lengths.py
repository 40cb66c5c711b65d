"""Slips the acoustic fit barely tells apart, found by the length of a phone (real PocketSphinx
aligner, phone by phone, on espeak-ng speech): a -teen/-ty number by the -teen's final n, a
consonant of a cluster the text dropped ("pants" for "plants") by that consonant's length; and a
short word a vowel from the word the sentence wants ("sit" for "sat"). Right sentences holding
those words, and the audio saying the text's own words, are left alone."""

import numpy as np
import pytest

from editor.align.aligner import RATE
from editor.align.text import segment_tokens
from editor.hearing.context import _consonant_after_s
from editor.hearing.durations import consonant_said, teen_said
from editor.hearing.fit import fit_tokens
from tests.hearing.context_run import episode_context_suspects

NUMBERS = [("real word", "Her brother is {thirty|thirteen} and still at school."),
           ("real word", "The village has {nineteen|ninety} houses and one shop.")]
NUMBERS_RIGHT = ["Thirteen boats left the harbour at dawn.", "The oak tree is eighty years old."]
CLUSTERS = [("real word", "The {pants|plants} on the balcony need more water."),
            ("real word", "He slammed on the {bakes|brakes} at the corner.")]
CLUSTERS_RIGHT = ["His pants were too long.", "She pressed the brakes gently."]
VOWELS = [("real word", "He {sit|sat} in the back row and said nothing.")]
VOWELS_RIGHT = ["He likes to sit in the sun.", "We got home after dark."]
VOICE = dict(voice="en-us+f2", speed=165)


def _one_turn(material, line, aligner, audio="right"):
    """The turn of *line* (wrong text) fitted to audio saying its right or wrong side."""
    episode = material.episode([("real word", line)], [], audio=audio, **VOICE)
    segment = episode.transcript.segments[0]
    lo, hi = segment.start_ms - 200, segment.end_ms + 200
    samples = episode.audio[lo * RATE // 1000:hi * RATE // 1000]
    tokens = segment_tokens(segment)
    fitted = fit_tokens(samples, tokens, aligner, lo)
    assert fitted is not None
    return tokens, fitted, samples, lo


def test_a_phone_level_alignment_gives_every_phone_of_every_word_its_frames(material, aligner):
    samples = material.say("He scored sixteen points.", **VOICE)
    padded = np.concatenate([np.zeros(RATE // 5, np.int16), samples, np.zeros(RATE // 5, np.int16)])
    phones = aligner.phones(padded, ["he", "scored", "sixteen", "points"])
    assert [[p.phone for p in word] for word in phones] == [
        ["HH", "IY"], ["S", "K", "AO", "R", "D"], ["S", "IH", "K", "S", "T", "IY", "N"], ["P", "OY", "N", "T", "S"]]
    assert all(p.frames >= 3 and p.log_score <= 0 for word in phones for p in word)
    starts = [p.start_frame for word in phones for p in word]
    assert starts == sorted(starts)
    # A word list the audio cannot hold gives no alignment rather than a made-up one.
    assert aligner.phones(padded[:RATE // 20], ["he", "scored"]) is None


def test_the_teen_s_n_is_there_only_where_the_audio_says_a_teen(material, aligner):
    line = "Her brother is {thirty|thirteen} and still at school."
    tokens, fitted, samples, lo = _one_turn(material, line, aligner)             # "thirteen" said
    assert teen_said(tokens, 3, "thirteen", fitted, samples, lo, aligner) is True
    tokens, fitted, samples, lo = _one_turn(material, line, aligner, audio="wrong")  # "thirty" said
    assert teen_said(tokens, 3, "thirteen", fitted, samples, lo, aligner) is False


def test_a_number_said_as_its_teen_or_ty_pair_is_found_and_right_numbers_are_not(material, aligner):
    found = {s.text: s.evidence for s in episode_context_suspects(material.episode(NUMBERS, NUMBERS_RIGHT, **VOICE),
                                                                  aligner)}
    assert found == {"thirty": ["audio"], "nineteen": ["audio"]}, found
    assert episode_context_suspects(material.episode(NUMBERS, NUMBERS_RIGHT, audio="wrong", **VOICE), aligner) == []
    assert episode_context_suspects(material.episode(NUMBERS, NUMBERS_RIGHT, text="right", **VOICE), aligner) == []


def test_a_cluster_consonant_is_heard_only_where_the_audio_has_it(material, aligner):
    line = "The {pants|plants} on the balcony need more water."
    sayings = aligner.pronunciations("pants")
    tokens, fitted, samples, lo = _one_turn(material, line, aligner)              # "plants" said
    assert consonant_said(tokens, 1, "plants", sayings, fitted, samples, lo, aligner)
    tokens, fitted, samples, lo = _one_turn(material, line, aligner, audio="wrong")  # "pants" said
    assert not consonant_said(tokens, 1, "plants", sayings, fitted, samples, lo, aligner)


def test_a_dropped_cluster_consonant_is_found_and_right_words_are_not(material, aligner):
    found = {s.text: s.evidence for s in episode_context_suspects(material.episode(CLUSTERS, CLUSTERS_RIGHT, **VOICE),
                                                                  aligner)}
    assert set(found) == {"pants", "bakes"}, found
    assert all("audio" in evidence for evidence in found.values())
    assert episode_context_suspects(material.episode(CLUSTERS, CLUSTERS_RIGHT, audio="wrong", **VOICE), aligner) == []
    assert episode_context_suspects(material.episode(CLUSTERS, CLUSTERS_RIGHT, text="right", **VOICE), aligner) == []


def test_a_short_word_a_vowel_from_the_tense_the_sentence_wants_is_found(material, aligner):
    found = {s.text: s.evidence for s in episode_context_suspects(material.episode(VOWELS, VOWELS_RIGHT, **VOICE),
                                                                  aligner)}
    assert found == {"sit": ["audio", "context"]}, found
    assert episode_context_suspects(material.episode(VOWELS, VOWELS_RIGHT, audio="wrong", **VOICE), aligner) == []
    assert episode_context_suspects(material.episode(VOWELS, VOWELS_RIGHT, text="right", **VOICE), aligner) == []


# A consonant of an s-cluster the text dropped, where the text's word may fit as well as its turn's
# right words (a short unaspirated stop, a nasal run into the s), and right words holding the s.
S_CLUSTERS = [("real word", "A {sail|snail} crawled up the garden wall."),
              ("real word", "The workers {sacked|stacked} the boxes in the hall.")]
S_CLUSTERS_RIGHT = ["The sack of flour was heavy.", "We sell old books on Saturday.", "The sail was torn in the storm.",
                    "A sore throat kept her at home.", "The sand was warm under our feet.", "She sold her old car."]


def test_a_consonant_of_an_s_cluster_is_one_put_after_a_first_s():
    assert _consonant_after_s(["S EY JH"], ["S T EY JH"])        # sage / stage
    assert _consonant_after_s(["S EY L"], ["S N EY L"])          # sail / snail
    assert not _consonant_after_s(["P AE N T S"], ["P L AE N T S"])  # pants / plants: no s
    assert not _consonant_after_s(["S EY L"], ["S W EY L"])      # an s's w is a CLUSTER_PHONES one
    assert not _consonant_after_s(["AE S K"], ["T AE S K"])      # ask / task: not after the s


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f2", 165), ("en-us+f3", 150)])
def test_a_dropped_consonant_of_an_s_cluster_is_found_and_right_words_are_not(material, aligner, voice, speed):
    episode = material.episode(S_CLUSTERS, S_CLUSTERS_RIGHT, voice=voice, speed=speed)
    found = {s.text: s.evidence for s in episode_context_suspects(episode, aligner)}
    # ("sacked" is found in one voice or both, as the turns heard before it leave the decoder.)
    assert "sail" in found and set(found) <= {"sail", "sacked"}, found
    assert all(evidence == ["audio"] for evidence in found.values()), found
    for options in ({"audio": "wrong"}, {"text": "right"}):
        episode = material.episode(S_CLUSTERS, S_CLUSTERS_RIGHT, voice=voice, speed=speed, **options)
        assert episode_context_suspects(episode, aligner) == [], options
