"""``transcript-editor suggest --json`` and a web address whose end the recognizer wrote as letters
("coffee.com/r B W" for ko-fi.com/rbw): suggested over all its letters, and the audio, which says
the address, does not reject it. Real PocketSphinx on espeak-ng speech."""

import json

import pytest

# Written for this test (not a line of the evaluation episodes).
ADDRESS = ("url", "Support us at {coffee.com/r B W|ko-fi.com/rbw|coffee dot com slash r b w} if you can.")
CLEAN = ["Tips keep the show going every week."]


@pytest.mark.slow
def test_suggest_offers_the_address_over_all_its_letters(material, tmp_path, capsys):
    from editor.__main__ import main

    episode = material.episode([ADDRESS], CLEAN, voice="en-us+f2")
    srt, wav, glossary = material.write_episode(tmp_path, episode, "ko-fi.com/rbw,,\n")

    assert main(["suggest", str(srt), str(wav), "--glossary", str(glossary), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    (offered,) = report["suggestions"]
    text = episode.transcript.segments[0].text
    assert (offered["segment"], offered["found"], offered["replacement"]) == (0, "coffee.com/r B W", "ko-fi.com/rbw")
    assert text[offered["char_start"]:offered["char_end"]] == "coffee.com/r B W"
    assert offered["audio"] != "prefers original"
    assert [(s["segment"], s["text"]) for s in report["suspects"]] == [(0, "coffee.com/r B W")]
