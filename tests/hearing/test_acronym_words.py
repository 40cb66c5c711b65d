"""An acronym written as the words its letters sound like ("and be a" for NBA) is near it in
sound: one vowel for another counts half there (the real aligner's dictionary and letter names)."""

import re

import pytest

from editor.align.aligner import RATE
from editor.align.text import Token, spoken_words
from editor.hearing.fit import fit_tokens, hearing_aligner
from editor.hearing.listen import NEAR_DISTANCE
from editor.hearing.sayings import other_readings
from editor.hearing.sound_match import MAX_DISTANCE, PhoneSpeller, sound_alikes
from tests.hearing.heard_line import heard_line


@pytest.fixture(scope="module")
def phones():
    return PhoneSpeller(hearing_aligner())


def _alikes(text, names, phones, distance=MAX_DISTANCE):
    tokens = [Token(m.group(), m.start(), spoken_words(m.group())) for m in re.finditer(r"\S+", text)]
    return {" ".join(t.text for t in tokens[a.first:a.last + 1]): a.name for a in sound_alikes(tokens, names, phones,
                                                                                                 distance)}


def test_letters_written_as_words_sound_like_the_acronym(phones):
    assert _alikes("He watched the and be a finals", ["NBA"], phones).get("and be a") == "NBA"
    assert _alikes("The you and voted on it", ["UN"], phones).get("you and") == "UN"


def test_a_name_said_as_a_word_keeps_every_vowel(phones):
    # "Enbeeay" is said with NBA's phones, but as a word: its vowels count in full, and "and be
    # a" is not near enough to be listened for it.
    assert _alikes("He watched the and be a finals", ["Enbeeay"], phones, NEAR_DISTANCE) == {}


def test_an_acronym_said_as_a_word_is_near_a_word_with_other_vowels_and_a_flapped_t(phones):
    # SARDA said "sar-da": "sorter" differs in its vowels and in a t that American speech says
    # as a flap, like the d. A word with other consonants is not near it.
    assert _alikes("Our dog handlers are assessed by sorter every year.", ["SARDA"], phones) == {"sorter": "SARDA"}
    assert _alikes("We sorted the letters and saw a star.", ["SARDA"], phones) == {}
    # ...and the flap is one between vowels only: a word's first t and d stay apart.
    def flapped(word):
        return phones.vowel_blind(phones.of_words([word]), True)

    assert flapped("ladder") == flapped("latter")
    assert flapped("tin") != flapped("din")


def test_a_name_s_last_a_after_a_consonant_is_also_said_as_a_schwa():
    readings = other_readings("sarda", True, hearing_aligner().lookup)
    assert "S AA R D AH" in readings
    assert not any(r.endswith(" AH") for r in other_readings("sardo", True, hearing_aligner().lookup))


def test_a_name_s_last_syllable_like_las_is_also_said_with_a_schwa():
    # SOLAS is said "SO-luss", the vowel of its unstressed last syllable reduced; the guesses give the
    # letter a full vowel ("S OW L AA S"), which fits a voice saying it worse than the words "so last".
    aligner = hearing_aligner()
    aligner.prepare(["solas"])
    assert "S OW L AH S" in other_readings("solas", True, aligner.lookup, capitals=True)
    # A one-syllable word has no unstressed syllable to reduce, and "-ar" ends no such syllable.
    aligner.prepare(["blat", "zelkar", "ofwat"])
    assert not any(" AH" in r for r in other_readings("blat", True, aligner.lookup, capitals=True))
    assert not any(r.endswith(" AH R") for r in other_readings("zelkar", True, aligner.lookup, capitals=True))
    # A name written as a word keeps its guessed vowels: Ofwat is said "OF-wot".
    assert not any(r.endswith(" AH T") for r in other_readings("ofwat", True, aligner.lookup))


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f2", 165), ("en-us+f3", 150)])
def test_an_acronym_said_as_a_word_written_as_everyday_words_is_a_suspect_with_it_offered(material, voice, speed):
    # Written for this test: the recognizer wrote SOLAS (said as a word) as the words "so last".
    line = ("acronym", "Every ferry in the harbour is inspected under the {so last|SOLAS|solas} treaty each spring.")
    episode, heard = heard_line(material, line, ("SOLAS",), voice=voice, speed=speed)
    assert [s.text for s in heard.suspects] == ["so last"]
    assert [(s.found, s.name) for s in heard.spotted] == [("so last", "SOLAS")]
    # The words said as words ("so late", "last") are no such passage.
    plain = ("clean", "The ferry was so late that we missed the last bus home.")
    _, heard = heard_line(material, plain, ("SOLAS",), voice=voice, speed=speed)
    assert heard.suspects == [] and heard.spotted == []


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f2", 165), ("en-us+f3", 150)])
def test_a_garbled_acronym_written_as_a_word_is_a_suspect_with_the_acronym_offered(material, voice, speed):
    line = ("acronym", "Our dog handlers are assessed by {sorter|SARDA} every year.")
    _, heard = heard_line(material, line, ("SARDA",), voice=voice, speed=speed)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("sorter", ["sound", "name"])]
    assert [(s.found, s.name) for s in heard.spotted] == [("sorter", "SARDA")]
    # Said as written: the audio rules the acronym out.
    _, heard = heard_line(material, line, ("SARDA",), audio="wrong", voice=voice, speed=speed)
    assert heard.suspects == [] and heard.spotted == []


def test_an_acronym_whose_letters_spell_a_word_is_also_said_letter_by_letter():
    # The dictionary reads "abo" and "ism" as words; said as an acronym they are letters.
    from editor.hearing.sayings import teach

    aligner = hearing_aligner()
    teach(aligner, ["ABO", "ISM"])
    assert "EY B IY OW" in aligner.pronunciations("a_b_o")
    assert "AY EH S EH M" in aligner.pronunciations("i_s_m")


@pytest.mark.parametrize(("voice", "speed"), [("en-us+f2", 165), ("en-us+f3", 150)])
def test_an_acronym_s_letters_written_as_words_are_a_suspect_with_the_acronym_offered(material, voice, speed):
    # ABO's letters spell a dictionary word ("abo"): said letter by letter, "a bow" is what a
    # recognizer writes for it.
    line = ("acronym", "She chairs the {a bow|ABO} in her town.")
    _, heard = heard_line(material, line, ("ABO", "Kessler"), voice=voice, speed=speed)
    assert [s.text for s in heard.suspects] == ["a bow"]
    assert [(s.found, s.name) for s in heard.spotted] == [("a bow", "ABO")]
    # Said as written, the audio rules the acronym out; and the words "a bow" said as words are
    # no acronym of the glossary.
    _, heard = heard_line(material, line, ("ABO", "Kessler"), audio="wrong", voice=voice, speed=speed)
    assert heard.suspects == [] and heard.spotted == []
    plain = ("clean", "He shot an arrow from a bow at the fair.")
    _, heard = heard_line(material, plain, ("ABO", "Kessler"), voice=voice, speed=speed)
    assert heard.suspects == [] and heard.spotted == []


@pytest.mark.slow
def test_the_suggest_command_offers_the_acronym_for_its_letters_written_as_words(material, tmp_path, capsys):
    import json

    from editor.__main__ import main

    episode = material.episode([("acronym", "She chairs the {a bow|ABO} in her town.")],
                               ["He shot an arrow from a bow at the fair."])
    srt, wav, glossary = material.write_episode(tmp_path, episode, "ABO,,\n")
    assert main(["suggest", str(srt), str(wav), "--glossary", str(glossary), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [(s["segment"], s["found"], s["replacement"]) for s in report["suggestions"]] == [(0, "a bow", "ABO")]
    assert "audio" in report["suggestions"][0]["evidence"]
    assert [(s["segment"], s["text"]) for s in report["suspects"]] == [(0, "a bow")]


@pytest.mark.parametrize("audio", ["right", "wrong"])
def test_acronyms_a_letter_apart_are_never_ticked_when_the_audio_barely_tells_them_apart(material, audio):
    # PLD and PLB differ in a letter whose name is a phone from the other's (D IY, B IY): the
    # audio fits both about as well whichever was said, and the text cannot choose either.
    from editor.align.text import segment_tokens
    from editor.hearing.listen import HEAR_PAD_MS, plan
    from editor.hearing.suggest import judge
    from editor.hearing.verdict import UNSURE, TimedToken, compare, cut, region_of

    line = ("acronym", "The stranded walker switched on her {PLD|PLB} and waited.")
    episode = material.episode([line], [], voice="en-us+f2", speed=165, audio=audio)
    segment = episode.transcript.segments[0]
    job = plan(episode.transcript.segments, len(episode.audio) * 1000 // RATE)[0]
    start = max(0, job.start_ms - HEAR_PAD_MS)
    samples = episode.audio[start * RATE // 1000:(job.end_ms + HEAR_PAD_MS) * RATE // 1000]
    aligner = hearing_aligner()
    fitted = fit_tokens(samples, segment_tokens(segment), aligner, start)
    assert fitted is not None
    timed = [TimedToken(t.char_start, t.char_end, t.start_ms, t.end_ms) for t in fitted.tokens]
    at = segment.text.index("PLD")
    where = region_of(segment.text, timed, at, at + 3)
    verdict = compare(cut(samples, start, where), where, "PLB", aligner)
    assert abs(verdict.margin) < 0.25 and verdict.label == UNSURE
    assert judge(90, verdict)[1] is False
