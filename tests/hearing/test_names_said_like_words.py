"""A glossary name said exactly like an everyday word ("Brite", said as "bright"): the audio cannot
tell the two apart, so the text has to. Written as a name (a capital mid-sentence, or a sentence's
first word, whose capital may be the name's) it is offered, unticked; written as a lowercase word
inside a sentence ("the morning was bright") it is the word, and nothing is offered or doubted.
Real PocketSphinx on espeak-ng speech; the command line and the window hear turns alike."""

import json

import pytest

from tests.hearing.heard_line import heard_line

VOICES = [("en-us+f2", 165), ("en-us+f3", 150)]
NAMES = ("Brite",)
# Written for these tests (not lines of the evaluation episodes).
AT_START = ("sound-alike", "{Bright|Brite} said the plan would work out fine.")
MID_SENTENCE = ("sound-alike", "We asked {Bright|Brite} about the plan on Monday.")
THE_WORD = ("clean", "The morning was bright and cold by the river.")


@pytest.mark.parametrize(("voice", "speed"), VOICES)
@pytest.mark.parametrize("line", [AT_START, MID_SENTENCE], ids=["sentence start", "mid-sentence"])
def test_a_word_written_as_a_name_is_offered_the_glossary_name(material, line, voice, speed):
    _, heard = heard_line(material, line, NAMES, voice=voice, speed=speed)
    assert [(s.found, s.name, s.how, s.agrees) for s in heard.spotted] == [("Bright", "Brite", "sound", False)]
    assert [(s.text, "name" in s.evidence) for s in heard.suspects] == [("Bright", True)]


@pytest.mark.parametrize(("voice", "speed"), VOICES)
def test_the_everyday_word_inside_a_sentence_is_left_alone(material, voice, speed):
    _, heard = heard_line(material, THE_WORD, NAMES, voice=voice, speed=speed)
    assert heard.spotted == [] and heard.suspects == []


@pytest.mark.slow
def test_suggest_offers_the_name_only_where_it_is_written_as_one(material, tmp_path, capsys):
    from editor.__main__ import main

    episode = material.episode([AT_START], [THE_WORD[1]], voice="en-us+f2")
    srt, wav, glossary = material.write_episode(tmp_path, episode, "Brite,,\n")

    assert main(["suggest", str(srt), str(wav), "--glossary", str(glossary), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    offered = [(s["segment"], s["found"], s["replacement"], s["ticked"]) for s in report["suggestions"]]
    # Said alike, the audio cannot choose: offered, never ticked.
    assert offered == [(0, "Bright", "Brite", False)]
    assert [(s["segment"], s["text"]) for s in report["suspects"]] == [(0, "Bright")]
