"""A suspect covers its words, not the sentence's punctuation around them: the comma or full
stop after the last word and the quote before the first stay outside its text and offsets, in
the hearing pass and the command line's JSON alike (real PocketSphinx on espeak-ng speech)."""

import json
import unicodedata

import pytest

from editor.hearing.suspects import Suspect, over_words

QUOTED = ("acronym", 'She spent ten years at the "{BSA|EPA}," she told me.')
LAST = ("split name", "Tonight my guest is {Chevonne cove all check.|Siobhan Kowalczyk.}")
CLEAN = ["It rained all afternoon so the market closed early."]


def _suspect(text: str, start: int, end: int) -> Suspect:
    return Suspect(0, "s1", start, end, text[start:end], 100, 200, 0.7, ["audio"])


def test_a_suspect_loses_the_punctuation_on_its_edges_only():
    text = 'at the "BSA," she said, and "DACA, Leora more hall."'
    quoted = over_words(_suspect(text, 7, 12), text)
    assert (quoted.text, quoted.char_start, quoted.char_end) == ("BSA", 8, 11)
    start = text.index('"DACA')
    inner = over_words(_suspect(text, start, len(text)), text)
    assert inner.text == "DACA, Leora more hall"        # the comma inside is the misheard passage's
    assert text[inner.char_start:inner.char_end] == inner.text
    assert (inner.start_ms, inner.end_ms, inner.doubt, inner.evidence) == (100, 200, 0.7, ["audio"])
    dash = over_words(_suspect("a -- b", 2, 4), "a -- b")     # punctuation alone: left as it is
    assert (dash.char_start, dash.char_end) == (2, 4)


def test_the_hearing_pass_reports_a_quoted_word_without_its_quote_and_comma(material):
    from tests.hearing.heard_line import heard_line

    episode, heard = heard_line(material, QUOTED, ["EPA"])
    text = episode.transcript.segments[0].text
    assert [s.text for s in heard.suspects] == ["BSA"], [s.text for s in heard.suspects]
    s = heard.suspects[0]
    assert text[s.char_start:s.char_end] == "BSA" and text[s.char_start - 1] == '"'


def _edged(text: str) -> bool:
    return unicodedata.category(text[0]).startswith("P") or unicodedata.category(text[-1]).startswith("P")


@pytest.mark.slow
def test_the_command_line_reports_suspects_over_their_words(material, tmp_path, capsys):
    from editor.__main__ import main

    episode = material.episode([QUOTED, LAST], CLEAN)
    wav = material.write_wav(tmp_path / "edges.wav", episode.audio)
    srt = material.write_srt(tmp_path / "edges.srt", episode.transcript)
    assert main(["suggest", str(srt), str(wav), "--json"]) == 0
    suspects = json.loads(capsys.readouterr().out)["suspects"]
    texts = [s.text for s in episode.transcript.segments]
    assert {s["text"] for s in suspects} >= {"BSA", "Chevonne cove all check"}, suspects
    for s in suspects:
        assert texts[s["segment"]][s["char_start"]:s["char_end"]] == s["text"]
        assert not _edged(s["text"]), s
