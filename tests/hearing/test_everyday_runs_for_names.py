"""A run of everyday words the recognizer wrote for a one-word name it does not know ("off rum" for
Ofrom, said "OF-rom": the two differ in their vowels only) is a sound-alike of that name once its
vowels count half, as a single such word is already listened for. The audio cannot choose between
the two (a voice says vowels its own way), so the text does: a run a name is never written as (split
by a comma, or words their sentence expects) is left alone, and the name is offered, never ticked.
Real PocketSphinx on espeak-ng speech."""

import re

import pytest

from editor.align.text import Token, spoken_words
from editor.hearing.fit import hearing_aligner
from editor.hearing.listen import NEAR_DISTANCE, _unexpected_run
from editor.hearing.sayings import teach
from editor.hearing.sound_match import MAX_DISTANCE, PhoneSpeller, sound_alikes, words_near_names
from editor.hearing.suggest import Suggested
from tests.hearing.heard_line import heard_line

VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]
# Written for these tests (not lines of the evaluation episodes); Ofrom is a made-up regulator.
NAMED = ("acronym", "The price of a stamp is watched by {off rum|Ofrom} every year.")
RIGHT_RUN = ("clean", "We set off, rum in hand, before dawn.")


def _tokens(text):
    return [Token(m.group(), m.start(), spoken_words(m.group())) for m in re.finditer(r"\S+", text)]


def _near(text, names):
    aligner = hearing_aligner()
    teach(aligner, names)
    tokens = _tokens(text)
    phones = PhoneSpeller(aligner)
    return ([(" ".join(t.text for t in tokens[a.first:a.last + 1]), a.name, a.distance <= MAX_DISTANCE)
             for a in words_near_names(tokens, list(names), phones, NEAR_DISTANCE)],
            [(" ".join(t.text for t in tokens[a.first:a.last + 1]), a.distance <= MAX_DISTANCE)
             for a in sound_alikes(tokens, list(names), phones, NEAR_DISTANCE)])


def test_a_run_of_everyday_words_is_near_a_one_word_name_once_its_vowels_count_half():
    runs, alikes = _near("The price of a stamp is watched by off rum every year.", ("Ofrom",))
    # off rum (AO F R AH M) and Ofrom (AA F R AA M) differ in two of five phones, both vowels: the
    # plain search finds it no sound-alike (only a passage to listen in); weighing vowels half, it is.
    assert alikes == [("off rum", False)]
    assert runs == [("off rum", "Ofrom", True)]
    # A run with a word as long as the name ("offset rum"), or the name written in full, is not (a
    # single word, "offset", is only listened for, as before).
    runs, _ = _near("The price is watched by offset rum and by Ofrom every year.", ("Ofrom",))
    assert [run for run in runs if " " in run[0]] == []


def test_a_run_the_sentence_expects_or_a_comma_splits_is_no_name():
    def unexpected(text, run):
        tokens = _tokens(text)
        first = next(i for i, t in enumerate(tokens) if t.text.startswith(run.split()[0]))
        return _unexpected_run(tokens, first, first + len(run.split()) - 1)

    assert unexpected(NAMED[1].replace("{off rum|Ofrom}", "off rum"), "off rum")
    assert not unexpected(RIGHT_RUN[1], "off, rum")
    assert not unexpected("Most of them came back and some of them stayed.", "of them")


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_a_run_said_as_the_name_is_offered_as_the_name_unticked(material, voice, speed):
    episode, heard = heard_line(material, NAMED, ("Ofrom",), voice=voice, speed=speed)
    assert [(s.found, s.name, s.how) for s in heard.spotted] == [("off rum", "Ofrom", "sound")]
    assert [(s.text, "name" in s.evidence) for s in heard.suspects] == [("off rum", True)]
    offered = Suggested.from_spot(heard.spotted[0], 0, episode.transcript.segments[0].start_ms)
    assert (offered.replacement, offered.ticked) == ("Ofrom", False)


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_the_run_said_as_written_is_never_ticked(material, voice, speed):
    # Over audio saying "off rum" the name may fit as well (only vowels tell them apart, said
    # each voice's way): the run's oddness in its sentence is what offers it, for the producer to hear.
    episode, heard = heard_line(material, NAMED, ("Ofrom",), audio="wrong", voice=voice, speed=speed)
    segment = episode.transcript.segments[0]
    assert not any(Suggested.from_spot(s, 0, segment.start_ms).ticked for s in heard.spotted)
    assert all(s.how == "sound" for s in heard.spotted)


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_a_run_split_by_a_comma_is_not_offered(material, voice, speed):
    _, heard = heard_line(material, RIGHT_RUN, ("Ofrom",), voice=voice, speed=speed)
    assert heard.spotted == [] and heard.suspects == []
