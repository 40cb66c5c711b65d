"""Names from a podcast page's show notes: what is a name to look for, and what the scan makes of it.

The page below is invented, in the shape a podcast host's page has when copied whole: the
episode title repeated, the show's name (a slogan) as a heading, dates, the show notes, page
chrome ("View Full Transcript"), the turns, then "Other Episodes". The transcript writes the
organisations of the notes in lower case (heard right, capitals aside) and gets one name wrong.
"""

from __future__ import annotations

import json

import pytest

from editor.core.glossary import CASE_SCORE, Glossary, scan
from editor.core.show_notes import PageText, candidate_names
from editor.formats import read_text

PAGE = """#12 - Tides and 'The Council'
Episode 12 March 3, 2026 00:21:10
#12 - Tides and 'The Council'
Mending Nets, Building Towns
#12 - Tides and 'The Council'
Mar 03 2026 | 00:21:10
/
Show Notes
In which Oriel Vantongeren, organiser with the Coastal Workers Union, tells how the Green Tide Party \
won the council seat in Port Elwin.
View Full Transcript
Episode Transcript
Speaker 0 00:00:03 Welcome to mending nets, building towns. I'm Oriel van tongue, and today the green tide \
party is our subject. \
Speaker 1 00:00:15 The coastal workers union backed the green tide party from the start in port elwin. \
Speaker 0 00:00:27 That is what mending nets, building towns is about. Thanks, Oriel Vantongeren.

Other Episodes
Episode 11
February 24, 2026 00:19:40
Ferries at Dawn
In which we ride the first boat out.
Listen
"""


@pytest.fixture(scope="module")
def read():
    return read_text(PAGE)


@pytest.fixture(scope="module")
def names(read) -> list[str]:
    page = PageText.from_extra(read.extra)
    return [c.text for c in candidate_names(f"{page.title}\n{page.notes}")]     # as the window and the CLI ask


def test_the_show_title_and_page_chrome_are_no_names(names):
    assert set(names) == {"Oriel Vantongeren", "Coastal Workers Union", "Green Tide Party", "Port Elwin"}
    assert not {"Mending Nets", "Building Towns", "View Full", "Full Transcript"} & set(names)


def test_a_heading_name_counts_when_it_is_no_dictionary_phrase_or_the_notes_name_it():
    text = ("Mending Nets, Building Towns\nEpisode 9 with Ilse Kovalenko\n"
            "Our guest tells why Mending Nets began and what the Driftwood Guild does.")
    names = [c.text for c in candidate_names(text)]
    assert "Ilse Kovalenko" in names            # a word no dictionary knows: a name, heading or not
    assert "Mending Nets" in names              # named in the notes themselves
    assert "Building Towns" not in names and "Driftwood Guild" in names


def test_a_first_line_that_is_a_sentence_is_no_heading():
    names = [c.text for c in candidate_names("With Green Tide Party. Sponsored by Coastal Workers Union.\n"
                                             "Thanks for listening.")]
    assert "Green Tide Party" in names and "Coastal Workers Union" in names


def test_phrases_heard_right_but_in_lower_case_are_no_suggestions(read, names):
    suggestions = scan(read.transcript, Glossary(), candidates=names)
    pairs = {(s.found, s.replacement) for s in suggestions}
    assert ("Oriel van tongue", "Oriel Vantongeren") in pairs            # the real misrecognition is found
    assert not any(s.found.casefold() in ("green tide party", "coastal workers union", "mending nets",
                                          "building towns") for s in suggestions)
    # A coined name in lower case may want its capitals: offered apart, low, never ticked.
    case = [s for s in suggestions if s.how == "case"]
    assert [(s.found, s.replacement) for s in case] == [("port elwin", "Port Elwin")]
    assert case[0].score == CASE_SCORE and not case[0].ticked and case[0].source == "show-notes"
    assert all(s.score > CASE_SCORE for s in suggestions if s.how != "case")


def test_a_glossary_name_still_gets_its_capitals_offered_low(read, names):
    glossary = Glossary()
    glossary.add("Green Tide Party")            # the producer's own entry: capitals matter to them
    suggestions = [s for s in scan(read.transcript, glossary, candidates=names) if s.replacement == "Green Tide Party"]
    assert len(suggestions) == 2 and all(s.how == "case" and not s.ticked for s in suggestions)
    assert all(s.source == "glossary" and s.evidence == ("case",) for s in suggestions)


def test_suggest_command_prints_only_the_misrecognitions(tmp_path, capsys):
    from editor.cli import main

    page = tmp_path / "episode-12.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["suggest", str(page), "--json"]) == 0
    suggestions = json.loads(capsys.readouterr().out)["suggestions"]
    assert [(s["found"], s["replacement"]) for s in suggestions] == [("Oriel van tongue", "Oriel Vantongeren"),
                                                                      ("port elwin", "Port Elwin")]
    assert all("show-notes" in s["evidence"] for s in suggestions)
    assert suggestions[1]["evidence"][0] == "case" and suggestions[1]["score"] < suggestions[0]["score"]


def test_titles_in_a_list_of_other_episodes_are_no_names_but_guests_named_there_are():
    from tests.core.names_fixture import OTHER_EPISODE_TITLES, PAGE_NAMES, PAGE_WITH_EPISODE_LIST
    page = PageText.from_extra(read_text(PAGE_WITH_EPISODE_LIST).extra)
    names = [c.text for c in candidate_names(f"{page.title}\n{page.notes}")]
    assert sorted(names) == sorted(PAGE_NAMES)
    assert not set(OTHER_EPISODE_TITLES) & set(names)


def test_the_show_is_named_by_the_page_title_or_its_heading_never_by_a_generic_folder(tmp_path):
    from editor.core.show_guess import UNNAMED_SHOW, guess_show
    from editor.core.show_notes import show_name
    from tests.core.names_fixture import PAGE as TITLED
    from tests.core.names_fixture import PAGE_2, PAGE_3, PAGE_WITH_EPISODE_LIST

    def named(text):
        return show_name(PageText.from_extra(read_text(text).extra))
    assert named(TITLED) == ("Harbour Lights", "the page's title")
    assert named(PAGE_2).name == "Riverbank Commons" and named(PAGE_3).name == "Ashgrove Voices"
    assert named(PAGE) == ("Mending Nets, Building Towns", "a heading of the page")
    assert named(PAGE_WITH_EPISODE_LIST).name == "Stone, Tide and Ledger"
    assert show_name(PageText("Episode 3: nets", "Episode 3: nets\nThe crew talks nets and knots today.")) is None
    for folder in ("Downloads", "Desktop", "tmp"):
        assert guess_show(tmp_path / folder / "episode.txt") == (UNNAMED_SHOW, "")
    assert guess_show(tmp_path / "harbour-lights" / "episode.txt") == ("harbour-lights", "its folder")
    page = PageText.from_extra(read_text(TITLED).extra)
    assert guess_show(tmp_path / "Downloads" / "episode.txt", page) == ("Harbour Lights", "the page's title")


# A page copied with its site's menu above the episode: "All Episodes" there is a link, not the
# heading of a list of other episodes, and the guest named only in a list line below is this episode's.
PAGE_WITH_MENU = """Home
All Episodes
About
#09 - Ropes, Rigs and the Winter Fleet
Stone, Tide and Ledger
Show Notes
In which the crew of the winter fleet talk about ropes and rigs and the long nights at sea.
Guest:
Morwenna Tregarthen
Speaker 1 00:00:03 Welcome back to the show. My guest is Morwenna Tregarthen. \\
Speaker 2 00:00:11 Thanks for having me, it is good to be here.
"""


def test_a_menu_link_to_all_episodes_is_no_list_of_other_episodes():
    page = PageText.from_extra(read_text(PAGE_WITH_MENU).extra)
    names = [c.text for c in candidate_names(f"{page.title}\n{page.notes}")]
    assert "Morwenna Tregarthen" in names


def test_the_site_menu_above_the_episode_names_no_show():
    from editor.core.show_notes import show_name
    page = PageText.from_extra(read_text(PAGE_WITH_MENU).extra)
    assert show_name(page) == ("Stone, Tide and Ledger", "a heading of the page")


def test_a_folder_whose_show_has_a_glossary_keeps_its_episodes_when_the_page_names_another(tmp_path):
    from editor.core.show_guess import guess_show
    from tests.core.names_fixture import PAGE as TITLED
    page = PageText.from_extra(read_text(TITLED).extra)
    episode = tmp_path / "harbour-lights" / "episode.txt"
    kept = {"harbour-lights"}
    assert guess_show(episode, page, has_glossary=kept.__contains__) == ("harbour-lights", "its folder")
    kept.add("Harbour Lights")       # both kept: the page's name, as without a glossary of the folder's
    assert guess_show(episode, page, has_glossary=kept.__contains__) == ("Harbour Lights", "the page's title")
    assert guess_show(episode, page) == ("Harbour Lights", "the page's title")


def test_the_home_folder_reached_through_a_link_names_no_show(tmp_path, monkeypatch):
    # Some systems keep homes behind a link (/home -> /var/home): a transcript saved in the home
    # folder is no episode of a show named after the user.
    from editor.core.show_guess import UNNAMED_SHOW, guess_show
    (tmp_path / "var" / "home" / "maren").mkdir(parents=True)
    (tmp_path / "home").symlink_to(tmp_path / "var" / "home")
    monkeypatch.setenv("HOME", str(tmp_path / "home" / "maren"))
    assert guess_show(tmp_path / "home" / "maren" / "episode.txt") == (UNNAMED_SHOW, "")


@pytest.mark.parametrize(("title", "show"), [
    ("Harbour Lights S02E05 - The Salt Roads", "Harbour Lights"),
    ("S02E05 - The Salt Roads", None),             # the episode's code, no show before it
    ("S2 E5 - The Salt Roads", None),
    ("Sleepover Stories Ep. 5: Nets", "Sleepover Stories"),
    ("Asleep 5: Nets", "Asleep"),                  # (a number after the show's name, as "Ashgrove Voices 19.")
    ("Lessons from 2020: a year at sea", None),    # a title's words, not a show's name
])
def test_the_show_in_a_title_is_words_before_the_episodes_number_not_part_of_a_word(title, show):
    from editor.core.show_notes import show_name
    named = show_name(PageText(title, title))
    assert (named.name if named else None) == show


# Notes that use a coined word as a common word ("walk the saltmarsh"), in a web address, and
# as part of a longer name ("Saltmarsh Coast"); and a surname only ever written with its first name.
SALTMARSH_NOTES = """Saltmarsh Coast
This week we walk the saltmarsh with Ines da Costa, who wardens the Saltmarsh Coast path.
Dana McKay joins us from the harbour. Support us at patreon.com/saltmarsh or visit saltmarsh.org.
"""


def test_a_common_word_or_a_part_of_a_longer_name_is_no_name_of_its_own():
    names = [c.text for c in candidate_names(SALTMARSH_NOTES)]
    assert "Saltmarsh Coast" in names and "Dana McKay" in names and "Ines da Costa" in names
    assert not {"saltmarsh", "Saltmarsh", "McKay"} & set(names), names
    assert "Patreon" in names                   # a site's name the notes never write otherwise


def test_a_word_of_the_notes_written_alone_capitalised_is_offered_in_its_capitals():
    names = [c.text for c in candidate_names(SALTMARSH_NOTES + "Thanks to McKay and to Saltmarsh Radio, "
                                             "and to the friends of Saltmarsh for the boat.\n")]
    assert "McKay" in names and "Saltmarsh" in names and "saltmarsh" not in names
    # Capitalised at a sentence's start only, it is still the common word.
    names = [c.text for c in candidate_names("We walk the saltmarsh at dawn. Saltmarsh birds sing there. "
                                             "Visit saltmarsh.org for the tides.\n")]
    assert not {"saltmarsh", "Saltmarsh"} & set(names), names


def test_a_name_of_one_word_after_our_or_the_is_offered_whole_when_the_notes_capitalise_it_mid_sentence():
    """"political director of Our Revolution": without its "Our" the name is a common word, and
    nothing at all was offered; capitalised mid-sentence, "Our" is the name's own. At a sentence's
    start it is the sentence's ("Our guest", "The Harbour" in "The Harbour Trust" stays whole anyway)."""
    names = [c.text for c in candidate_names(
        "In which Vera Stalwick, organiser with Our Harvest and a reporter for The Lantern, tells how "
        "the Clearwater Alliance began. Our Harvest grew out of it. The Harbour Trust paid.\n")]
    assert "Our Harvest" in names and "The Lantern" in names
    assert "Vera Stalwick" in names and "Clearwater Alliance" in names and "Harbour Trust" in names
    assert not {"Harvest", "Lantern", "The Harbour Trust"} & set(names), names
