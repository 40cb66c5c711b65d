"""A common word written where the episode elsewhere says a rare word sounding like it ("we streamed two
drugs behind the boat" in an episode that says "drogues") is a suspect when the audio prefers the rare
word; over audio saying the common word, and in a right sentence using the common word, it is left alone
(real PocketSphinx trigram model and aligner on espeak-ng speech)."""

import pytest

from editor.align.aligner import RATE
from editor.align.text import segment_tokens
from editor.core.transcript import Segment
from editor.hearing.context import context_model, spoken_words
from editor.hearing.episode_alikes import _dropped, _middle_dropped, _stem, said_alike, vouched
from editor.hearing.episode_words import EpisodeWords
from editor.hearing.listen import HEAR_PAD_MS, hear_segment, plan
from tests.hearing.heard_line import _aligner_for

VOICES = [dict(voice="en-us+f2", speed=165), dict(voice="en-us+f3", speed=150)]
DROGUES = "The drogues are rinsed, dried and folded after every exercise."


def heard_turn(material, lines, clean, index, **options):
    """The episode of *lines* and *clean* lines (interleaved, as ``material.episode`` lays them) and
    :func:`hear_segment` on its turn *index*, planned with the whole episode's words."""
    episode = material.episode(lines, clean, **options)
    jobs = plan(episode.transcript.segments, len(episode.audio) * 1000 // RATE, ())
    job = jobs[index]
    start = max(0, job.start_ms - HEAR_PAD_MS)
    job.audio = episode.audio[start * RATE // 1000:(job.end_ms + HEAR_PAD_MS) * RATE // 1000]
    job.audio_start_ms = start
    return hear_segment(job, _aligner_for(()))


def from_episode(heard):
    return [(s.text, s.evidence) for s in heard.suspects if "episode" in s.evidence]


@pytest.mark.parametrize("voice", VOICES)
def test_a_common_word_for_the_episodes_rare_word_is_found_where_the_audio_says_the_rare_one(material, voice):
    line = ("real word", "We streamed two {drugs|drogues} behind the boat to keep her straight in the surf.")
    heard = heard_turn(material, [line], [DROGUES], 0, **voice)
    # (In the second voice "drugs" misfits its turn clearly, and a check before this one finds it.)
    assert [s.text for s in heard.suspects] == ["drugs"]
    if voice == VOICES[0]:
        assert from_episode(heard) == [("drugs", ["audio", "episode"])]
    # Over audio saying "drugs", "drogues" fits worse: nothing from the episode's words.
    heard = heard_turn(material, [line], [DROGUES], 0, audio="wrong", **voice)
    assert from_episode(heard) == []


@pytest.mark.parametrize("voice", VOICES)
def test_the_common_word_used_rightly_is_left_alone(material, voice):
    heard = heard_turn(material, [], [DROGUES, "The police searched the boat for drugs after we brought her in."],
                       1, **voice)
    assert from_episode(heard) == []


def test_only_a_word_said_alike_but_for_its_end_is_asked_about(aligner):
    def alike(word, other):
        aligner.prepare([other])
        return said_alike(aligner.pronunciations(word), aligner.pronunciations(other))

    assert alike("drugs", "drogues") and alike("cast", "mast") and alike("windows", "windlass")
    # The last phone changed, added or dropped is how a word's end is said; far words are not alike.
    assert not alike("built", "bilge") and not alike("scrape", "scraped") and not alike("windows", "winter")
    assert not alike("home", "combe") and not alike("hair", "air")


def test_the_text_words_own_inflection_is_not_a_rare_word_for_it():
    assert _stem("swimming") == _stem("swims") and _stem("carriages") == _stem("carriage")
    assert _stem("windows") != _stem("windlass")


def test_a_word_its_sentence_vouches_for_is_not_asked_about():
    def vouches(text, word):
        tokens = segment_tokens(Segment("s", 0, 1000, text))
        words, _ = spoken_words(tokens, context_model())
        return vouched(words, words.index(word))

    assert vouches("The hull is riveted iron, and it was built in nineteen thirty four.", "built")
    assert not vouches("We streamed two drugs behind the boat.", "drugs")


def test_a_turn_is_given_the_episodes_words_it_does_not_use():
    words = EpisodeWords(["The drogues are rinsed.", "We streamed two drugs behind the boat."])
    assert words.words_outside("We streamed two drugs behind the boat.") == ("drogues", "rinsed")
    # A few turns' share (for a re-check on another thread) still knows every word of the episode.
    share = words.about(["We streamed two drugs behind the boat."])
    assert share.words_outside("We streamed two drugs behind the boat.") == ("drogues", "rinsed")


@pytest.mark.parametrize("voice", VOICES)
def test_a_word_only_a_little_commoner_needs_the_audios_clear_preference(material, voice):
    # "task" is three times as common as "cask" in general text (not thirty): the audio must prefer
    # "cask" clearly, as it does where it says it (1.3 per frame better in both voices).
    cellar = "On Thursday the cellar was scrubbed and every cask was checked for leaks."
    line = ("real word", "The landlord tapped a new {task|cask} of ale on Friday night.")
    heard = heard_turn(material, [line], [cellar], 0, **voice)
    assert from_episode(heard) == [("task", ["audio", "episode"])]
    heard = heard_turn(material, [line], [cellar], 0, audio="wrong", **voice)
    assert from_episode(heard) == []



@pytest.mark.parametrize("voice", VOICES)
def test_a_weak_first_h_is_not_taken_for_the_episodes_rare_word(material, voice):
    # "home" where the episode's "Ash combe" singers are heard: a voice's weak h lets "combe" fit
    # 1.0 per frame better or more.
    heard = heard_turn(material, [], ["The Ash combe singers closed the evening with a hymn.",
                                      "We stopped for petrol on the way home."], 1, **voice)
    assert from_episode(heard) == []


HEDGELAYERS = "Our hedgelayers cut the stems half through and bend them over."


@pytest.mark.parametrize("voice", VOICES)
def test_a_word_that_is_the_rare_word_less_a_middle_syllable_is_found(material, voice):
    # "hedgers" is "hedgelayers" with "-lay-" passed over: two phones of its middle.
    line = ("real word", "The {hedgers|hedgelayers} work along the lanes all through the winter.")
    heard = heard_turn(material, [line], [HEDGELAYERS], 0, **voice)
    # (In the first voice "hedgers" misfits its turn clearly, and a check before this one finds it.)
    assert [s.text for s in heard.suspects] == ["hedgers"]
    if voice == VOICES[1]:
        assert from_episode(heard) == [("hedgers", ["audio", "episode"])]
    # Over audio saying "hedgers", the longer word fits worse: nothing from the episode's words.
    heard = heard_turn(material, [line], [HEDGELAYERS], 0, audio="wrong", **voice)
    assert from_episode(heard) == []


def test_a_middle_dropped_but_not_a_start_an_end_or_from_a_short_word(aligner):
    def dropped(word, other):
        aligner.prepare([other])
        return _middle_dropped(aligner.pronunciations(word)[0].split(), aligner.pronunciations(other)[0].split())

    assert dropped("hedgers", "hedgelayers") and dropped("coppers", "coppicers")
    # Three phones away, or the end changed: not so.
    assert not dropped("corners", "cordwainers") and not dropped("millers", "millwrights")
    assert not _dropped(("S P IH N",), ("S P IH N AH K",))     # (too short: four phones)
    assert not _dropped(("K AA P ER",), ("K AA P ER Z IH",))   # (the end dropped)
    assert not _dropped(("AA P ER Z S",), ("K R AA P ER Z S",))   # (the start dropped)
