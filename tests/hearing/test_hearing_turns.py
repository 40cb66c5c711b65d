"""A name the grammar of every name chooses over the text, a turn whose first word was aligned
onto the turn before, and texts said too alike for the audio to agree with either (real
PocketSphinx on espeak-ng speech; no scorer is mocked)."""

import pytest

from editor.align.aligner import RATE
from editor.hearing.fit import hearing_aligner
from editor.hearing.listen import hear_transcript, plan
from editor.hearing.sayings import teach
from editor.hearing.spotting import SPOT_MARGIN
from editor.hearing.suggest import align_missing, judge
from editor.hearing.verdict import (
    AGREES,
    MARGIN,
    PREFERS_ORIGINAL,
    SOUNDS_ALIKE,
    UNSURE,
    Verdict,
    compare,
    region,
    said_alike,
)
from tests.hearing.heard_line import heard_line

NAMES = ["Anouk Delacroix", "Kessler", "Hallquist", "Marguerite Oyelaran", "Milwaukee"]
SUMMER = "My grandmother grew tomatoes on the balcony every summer."
KESTREL = ("sound-alike", "The {Kestrel|Kessler} Foundation paid for the new library roof.")
ANOUK = ("split name", "Our producer {a nook della cross|Anouk Delacroix} edited the whole series.")


def _heard_alone(material, line, audio, voice, speed):
    return heard_line(material, line, NAMES, audio=audio, voice=voice, speed=speed)[1]


def test_a_name_chosen_over_the_text_needs_only_an_agreeing_margin(material):
    # This voice says "Anouk Delacroix" so that it wins the grammar of every name but beats the
    # sound-alike text by less than half a log unit a frame: chosen and agreeing is enough.
    heard = _heard_alone(material, ANOUK, "right", "en-us+f2", 160)
    assert [(s.found, s.name) for s in heard.spotted] == [("a nook della cross", "Anouk Delacroix")]
    assert SPOT_MARGIN == MARGIN <= heard.spotted[0].margin < 2 * MARGIN
    # Audio saying the text's own words: the grammar keeps the text, no name is heard.
    assert _heard_alone(material, ANOUK, "wrong", "en-us+f2", 160).spotted == []


@pytest.mark.parametrize("voice", ["en-us+f2", "en-us+f3"])
def test_a_turn_is_heard_from_where_the_turn_before_ends(material, tmp_path, voice):
    # Aligned with the padding before its start, this turn's short first word "The" lands on the
    # end of "summer."; heard again from there, "Kestrel" was stretched over "the Kessler" and
    # the name lost. From the previous turn's end on, the name is heard.
    episode = material.episode([("clean", SUMMER), KESTREL], [], voice=voice, speed=165)
    wav = material.write_wav(tmp_path / "two.wav", episode.audio)
    align_missing(episode.transcript, wav, workers=1)
    first, second = episode.transcript.segments
    assert second.words[0].start_ms < first.words[-1].end_ms <= second.start_ms   # the misalignment
    jobs = plan(episode.transcript.segments, len(episode.audio) * 1000 // RATE, NAMES)
    assert jobs[1].not_before_ms == first.words[-1].end_ms and jobs[0].not_before_ms is None
    heard = {h.index: h for h in hear_transcript(wav, jobs, workers=1)}
    assert [(s.found, s.name) for s in heard[1].spotted] == [("Kestrel", "Kessler")]
    assert [s.text for s in heard[1].suspects] == ["Kestrel"]
    assert heard[0].suspects == [] and heard[0].spotted == []


def test_the_audio_never_agrees_with_a_text_said_nearly_like_the_original(material, tmp_path):
    aligner = hearing_aligner()
    teach(aligner, ["Hallquist", "Kessler", "Milwaukee"])
    assert said_alike("Hall quest", "Hallquist", aligner) and said_alike("Mill walkie", "Milwaukee", aligner)
    assert not said_alike("Kestrel", "Kessler", aligner) and not said_alike("BSA", "EPA", aligner)
    # Whichever of "Hall quest" and "Hallquist" the voice says, the verdict does not agree (in a
    # whole episode the name has won by more than MARGIN over audio saying the text); the rule
    # leaves a name said differently alone: "Kessler" it hears.
    hall = ("sound-alike", "Senator {Hall quest|Hallquist} said the bridge would open in April.")
    for line, audio, name in ((hall, "right", "Hallquist"), (hall, "wrong", "Hallquist"),
                              (KESTREL, "right", "Kessler")):
        episode = material.episode([line], [], audio=audio)
        wav = material.write_wav(tmp_path / "one.wav", episode.audio)
        align_missing(episode.transcript, wav, workers=1)
        segment = episode.transcript.segments[0]
        found = line[1].split("{")[1].split("|")[0]
        where = region(segment, segment.text.index(found), segment.text.index(found) + len(found))
        verdict = compare(episode.audio[where.start_ms * RATE // 1000:where.end_ms * RATE // 1000], where, name,
                          aligner)
        assert (verdict.label == AGREES) == (name == "Kessler"), (audio, verdict)


def test_a_text_said_alike_keeps_the_ticks_the_text_gave_it():
    """The audio cannot choose between "Ingrid Sol Berg" and Solberg: the text's evidence decides,
    as it does before the audio is heard; the audio's other verdicts still move the tick."""
    assert judge(99, Verdict(SOUNDS_ALIKE, 0.4)) == (99, True, [])
    assert judge(80, Verdict(SOUNDS_ALIKE, 0.4)) == (80, False, [])
    assert judge(99, Verdict(UNSURE, 0.1))[1] is False
    assert judge(80, Verdict(AGREES, 0.6))[:2] == (90, True)
    assert judge(99, Verdict(PREFERS_ORIGINAL, -0.6))[1] is False


def test_texts_said_alike_that_fit_about_as_well_are_said_alike_not_unsure(material, tmp_path):
    # The voice says "Solberg"; the text's "Soulberg" is said the same but for a vowel, so
    # neither fits clearly better. That is the answer "said alike" (the text decides, and a
    # sure text suggestion stays ticked), not an audio that could not tell.
    line = ("sound-alike", "Our guest today is Ingrid {Soulberg|Solberg}, welcome to the show.")
    aligner = hearing_aligner()
    teach(aligner, ["Ingrid Solberg"])
    episode = material.episode([line], [], voice="en-us+f2", speed=160)
    wav = material.write_wav(tmp_path / "one.wav", episode.audio)
    align_missing(episode.transcript, wav, workers=1)
    segment = episode.transcript.segments[0]
    start = segment.text.index("Soulberg")
    where = region(segment, start, start + len("Soulberg"))
    verdict = compare(episode.audio[where.start_ms * RATE // 1000:where.end_ms * RATE // 1000], where, "Solberg",
                      aligner)
    assert abs(verdict.margin) < MARGIN and verdict.label == SOUNDS_ALIKE, verdict
    assert judge(99, verdict)[1] is True
    # A text not said alike that fits about as well leaves the audio unsure.
    assert not said_alike("Soulberg", "Kessler", aligner)
