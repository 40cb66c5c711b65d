"""Names heard by the audio go in without taking the sentence's punctuation, a name the text
already says is no suggestion, and the command line ticks as the window does (real PocketSphinx
on espeak-ng speech for the command line)."""

import json

import pytest

from editor.core.name_span import name_span, same_name
from editor.hearing.suggest import Suggested, _merged, judge
from editor.hearing.verdict import AGREES, PREFERS_ORIGINAL, SOUNDS_ALIKE, UNSURE, Verdict

LINES = [("split name", "My guest is {DACA, Leora more hall,|Daraka Larimore-Hall,} a slightly older organizer."),
         ("clean", "Thanks to Dick Flacks. He wrote the book on it.")]
CLEAN = ["It rained all afternoon so the market closed early."]
GLOSSARY = "correct,wrong_forms,note\nDaraka Larimore-Hall,,\nDick Flacks,,\n"


def test_the_punctuation_around_a_passage_stays_outside_the_name():
    text = "I'm DACA, Leora more hall, a slightly older organizer"
    start, end = text.index("DACA"), text.index(" a slightly")
    lo, hi = name_span(text, start, end, "Daraka Larimore-Hall")
    assert text[lo:hi] == "DACA, Leora more hall"
    assert text[:lo] + "Daraka Larimore-Hall" + text[hi:] == "I'm Daraka Larimore-Hall, a slightly older organizer"
    assert name_span('said "Flax."', 5, 12, "Dick Flacks") == (6, 10)
    # A name's own punctuation is its to replace; a passage of punctuation only is left as it is.
    assert name_span("at Acme ink. today", 3, 12, "Acme Inc.") == (3, 12)
    assert name_span("a -- b", 2, 4, "X") == (2, 4)


def test_a_name_the_text_already_says_is_the_same_name():
    assert same_name("Dick Flacks.", "Dick Flacks")
    assert same_name("dick flacks", "Dick Flacks")
    assert same_name("Larimore Hall", "Larimore-Hall")
    assert not same_name("Dick. Flax", "Dick Flacks")
    assert not same_name("Vandersloot", "Van der Sloot")      # a name written in fewer words
    assert not same_name("...", "")


def test_one_tick_rule_for_the_window_and_the_command_line():
    # Not heard: the text's score decides, a change of capitals is never ticked.
    assert judge(90, None) == (90, True, []) and judge(90, None, case=True)[1] is False
    assert judge(84, None)[1] is False
    assert judge(90, Verdict(SOUNDS_ALIKE, 0.1), case=True)[1] is False
    assert judge(90, Verdict(AGREES, 0.6), case=True)[1] is False
    assert judge(99, Verdict(PREFERS_ORIGINAL, -0.6))[1] is False
    assert judge(99, Verdict(UNSURE, 0.1), known=True)[1] is True


def test_a_name_heard_where_the_text_found_it_keeps_the_texts_tick():
    # The scan's "Patrion" (ticked by its text) and the audio's own finding of Patreon there,
    # scored higher but not ticked: one suggestion, ticked as the window ticks the scan's.
    scan = Suggested(0, 0, 12, 19, "Patrion", "Patreon", 91, ["sound", "spelling"], SOUNDS_ALIKE, True)
    heard = Suggested(0, 0, 12, 19, "Patrion", "Patreon", 95, ["sound"], UNSURE, False)
    (kept,) = _merged([scan, heard])
    assert kept.ticked and kept.replacement == "Patreon"


@pytest.mark.slow
def test_the_command_line_reports_names_without_their_punctuation_and_not_names_already_right(
        material, tmp_path, capsys):
    from editor.__main__ import main

    episode = material.episode(LINES, CLEAN)
    wav = material.write_wav(tmp_path / "short.wav", episode.audio)
    srt = material.write_srt(tmp_path / "short.srt", episode.transcript)
    glossary = tmp_path / "gl.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    assert main(["suggest", str(srt), str(wav), "--glossary", str(glossary), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    texts = [s.text for s in episode.transcript.segments]
    daraka = [s for s in report["suggestions"] if s["replacement"] == "Daraka Larimore-Hall"]
    assert daraka, report["suggestions"]
    s = daraka[0]
    assert s["found"].endswith("more hall") and texts[s["segment"]][s["char_end"]] == ","
    fixed = texts[s["segment"]][:s["char_start"]] + s["replacement"] + texts[s["segment"]][s["char_end"]:]
    assert "Daraka Larimore-Hall, a slightly older" in fixed
    # "Dick Flacks." is right as it stands: neither a suggestion nor a suspect for that name.
    assert not [s for s in report["suggestions"] if same_name(s["found"], s["replacement"])]
    assert not [s for s in report["suspects"] if "Flacks" in s["text"]]


def test_a_name_heard_in_a_turn_leaves_the_punctuation_after_it(material):
    from tests.hearing.heard_line import heard_line

    line = ("split name", "I'm {DACA, Leora more hall,|Daraka Larimore-Hall,} a slightly older organizer.")
    _episode, heard = heard_line(material, line, ["Daraka Larimore-Hall"])
    assert [(s.found, s.name) for s in heard.spotted] == [("DACA, Leora more hall", "Daraka Larimore-Hall")]


def test_a_name_heard_over_a_wider_passage_replaces_only_its_own_words(material):
    from tests.hearing.heard_line import heard_line

    # The poorly fitting run reaches from "with" to "about" (the misheard name drags its
    # neighbours' fit down); the name is said where "DACA, Leora more hall" is, and "with" and
    # "about" stay: applying it must not drop them.
    line = ("split name", "We talked with {DACA, Leora more hall|Daraka Larimore} about the campaign.")
    _episode, heard = heard_line(material, line, ["Daraka Larimore"])
    assert [(s.found, s.name) for s in heard.spotted] == [("DACA, Leora more hall", "Daraka Larimore")]
