"""The audio checks with real PocketSphinx on short espeak-ng speech (no scorer is mocked)."""

import json

import pytest

from editor.align.aligner import RATE
from editor.align.text import segment_tokens
from editor.core.spelling import Speller
from editor.hearing.fit import fit_tokens, hearing_aligner
from editor.hearing.suspects import runs, word_doubts
from editor.hearing.verdict import (
    AGREES,
    PREFERS_ORIGINAL,
    TimedToken,
    cut,
    rank,
    region_of,
)

# The audio says the right words; the text has a recognizer's errors in braces.
LINES = [
    ("split name", "Tonight my guest is {Chevonne cove all check|Siobhan Kowalczyk} from the county housing board."),
    ("acronym", "She spent ten years at the {BSA|EPA} before she ran for office."),
]
CLEAN = ["It rained all afternoon so the market closed early."]


def _suspects(episode, aligner, spelling=True):
    """The suspects of every turn as the app finds them: the audio's fit and the dictionary
    (*spelling* False: the audio's fit alone)."""
    found = []
    is_known = Speller().is_known if spelling else None
    for index, segment in enumerate(episode.transcript.segments):
        lo, hi = segment.start_ms - 200, segment.end_ms + 200
        fitted = fit_tokens(episode.audio[lo * RATE // 1000:hi * RATE // 1000], segment_tokens(segment), aligner, lo)
        assert fitted is not None, segment.text
        found += runs(segment.text, word_doubts(segment.text, fitted.tokens, is_known=is_known), index, segment.id)
    return found


def _hits(suspect, passages):
    return [p for p in passages if p.index == suspect.segment and p.start < suspect.char_end
            and suspect.char_start < p.end]


def test_suspects_where_the_text_is_wrong_and_none_on_right_words(material):
    episode = material.episode(LINES, CLEAN)
    suspects = _suspects(episode, hearing_aligner())
    assert all(_hits(s, episode.passages) for s in suspects), [s.text for s in suspects]
    assert {p.wrong for p in episode.passages} == {p.wrong for s in suspects for p in _hits(s, episode.passages)}
    assert all(0.5 <= s.doubt <= 1 and "audio" in s.evidence for s in suspects)


def test_no_suspects_when_the_audio_says_what_the_text_says(material):
    # The unknown spelling "Chevonne" is the text's own evidence; the audio alone flags nothing.
    episode = material.episode(LINES, CLEAN, audio="wrong")
    assert _suspects(episode, hearing_aligner(), spelling=False) == []


def test_audio_verdict_prefers_the_right_candidate(material):
    episode = material.episode(LINES[1:], [])
    segment = episode.transcript.segments[0]
    passage = episode.passages[0]
    lo, hi = segment.start_ms - 200, segment.end_ms + 200
    audio = episode.audio[lo * RATE // 1000:hi * RATE // 1000]
    aligner = hearing_aligner()
    fitted = fit_tokens(audio, segment_tokens(segment), aligner, lo)
    timed = [TimedToken(t.char_start, t.char_end, t.start_ms, t.end_ms) for t in fitted.tokens]
    where = region_of(segment.text, timed, passage.start, passage.end)
    ranked = rank(cut(audio, lo, where), where, ["DSA", "EPA", "the BBC"], aligner)
    assert ranked[0][0] == "EPA" and ranked[0][1].label == AGREES
    # Asked the other way round (the text right, the candidate wrong), the audio keeps the text.
    right_text = segment.text[:passage.start] + "EPA" + segment.text[passage.end:]
    right = region_of(right_text, [TimedToken(t.char_start, t.char_end, t.start_ms, t.end_ms)
                                   for t in fit_tokens(audio, segment_tokens(
                                       type(segment)("x", segment.start_ms, segment.end_ms, right_text)),
                                       aligner, lo).tokens], passage.start, passage.start + 3)
    (_candidate, verdict), = rank(cut(audio, lo, right), right, ["BSA"], aligner)
    assert verdict.label == PREFERS_ORIGINAL and verdict.margin < 0


@pytest.mark.slow
def test_suggest_command_json(material, tmp_path, capsys):
    from editor.__main__ import main

    episode = material.episode(LINES, CLEAN)
    wav = material.write_wav(tmp_path / "episode.wav", episode.audio)
    srt = tmp_path / "episode.srt"
    # One speaker per cue, in turn: caption cues of one speaker would merge into one turn.
    srt.write_text("".join(f"{i + 1}\n{_clock(s.start_ms)} --> {_clock(s.end_ms)}\n"
                           f"{('Host', 'Guest')[i % 2]}: {s.text}\n\n"
                           for i, s in enumerate(episode.transcript.segments)), encoding="utf-8")
    glossary = tmp_path / "names.csv"
    glossary.write_text("correct,wrong_forms,note\nSiobhan Kowalczyk,,guest\nEPA,,\n", encoding="utf-8")
    assert main(["suggest", str(srt), str(wav), "--glossary", str(glossary), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"suggestions", "suspects"}
    texts = [s.text for s in episode.transcript.segments]
    for s in report["suggestions"]:
        assert {"segment", "segment_start_ms", "char_start", "char_end", "found", "replacement", "score",
                "evidence"} <= set(s)
        assert texts[s["segment"]][s["char_start"]:s["char_end"]] == s["found"]
        assert 0 <= s["score"] <= 100 and isinstance(s["evidence"], list)
    for s in report["suspects"]:
        assert set(s) == {"segment", "segment_start_ms", "char_start", "char_end", "text", "start_ms",
                          "end_ms", "doubt", "evidence"}
        assert texts[s["segment"]][s["char_start"]:s["char_end"]] == s["text"]
        assert 0 <= s["doubt"] <= 1 and s["start_ms"] < s["end_ms"]
    ticked = {(s["found"], s["replacement"]) for s in report["suggestions"] if s["ticked"]}
    assert ("BSA", "EPA") in ticked
    heard = [s for s in report["suggestions"] if s["replacement"] == "Siobhan Kowalczyk"]
    assert heard and "audio" in heard[0]["evidence"] and "all check" in heard[0]["found"]
    assert report["suspects"] == sorted(report["suspects"], key=lambda s: -s["doubt"])


def _clock(ms):
    return f"{ms // 3600000:02}:{ms // 60000 % 60:02}:{ms // 1000 % 60:02},{ms % 1000:03}"


def test_a_name_heard_takes_in_the_word_it_repeats():
    import re

    from editor.hearing.spotting import Spotted, _take_echoes

    text = "She marched with our religion in the spring."
    tokens = [TimedToken(m.start(), m.end(), 100 * i, 100 * i + 90) for i, m in enumerate(re.finditer(r"\S+", text))]
    at = text.index("religion")
    widened = _take_echoes(text, tokens, Spotted(at, at + 8, "religion", "Our Revolution", 1.0))
    assert (widened.found, widened.name) == ("our religion", "Our Revolution")
    assert text[widened.char_start:widened.char_end] == "our religion"
    kept = _take_echoes(text, tokens, Spotted(at, at + 8, "religion", "Evolution", 1.0))
    assert kept.found == "religion"


def test_a_turn_fits_the_same_whichever_turn_was_decoded_before(material):
    # A worker decodes turns in whatever order they come; the front end must not carry what
    # it learnt from one turn (its noise estimate) into the next one's scores.
    episode = material.episode(LINES[:1], CLEAN)
    segment = episode.transcript.segments[1]
    lo, hi = segment.start_ms - 200, segment.end_ms + 200
    audio = episode.audio[lo * RATE // 1000:hi * RATE // 1000]
    other_text = "She spent ten years at the EPA before she ran for office."
    others = [material.say(other_text, voice="en-us+m3"), material.say(other_text, voice="en-us+f4") // 8]
    fits = []
    for other in others:
        aligner = hearing_aligner()
        assert aligner.decode(other, other_text.replace(".", "").lower().split()) is not None
        fitted = fit_tokens(audio, segment_tokens(segment), aligner, lo)
        assert fitted is not None
        fits.append(fitted.tokens)
    assert fits[0] == fits[1]
