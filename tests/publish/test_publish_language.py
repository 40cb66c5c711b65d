"""The feed tags always name a language: the transcript's, else the one its text is in, else (in the window) the
show's last one, else the system locale's."""

import xml.etree.ElementTree as ET

import pytest

from editor.core.transcript import ReviewStatus, Segment, Transcript, TranscriptMeta, Word
from editor.publish import plan_tags, publish
from editor.publish.feed_tags import NAMESPACE
from editor.publish.language import default_language, guess_language, system_language


@pytest.fixture
def locale_env(monkeypatch):
    """Set the locale variables a test depends on (and only those)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)

    def set_locale(**values):
        for name, value in values.items():
            monkeypatch.setenv(name, value)
    return set_locale


def episode(language: str = "") -> Transcript:
    transcript = Transcript(meta=TranscriptMeta(title="Harbour Lights 3", language=language))
    speaker = transcript.ensure_speaker("Nora Castellan")
    text = "Welcome to the show."
    words = [Word(w, 400 * i, 400 * i + 350) for i, w in enumerate(text.split())]
    transcript.segments.append(Segment("s1", 0, 2000, text, speaker, words=words,
                                       status=ReviewStatus.APPROVED))
    return transcript


def languages(tags: str) -> set:
    item = ET.fromstring(f'<item xmlns:podcast="{NAMESPACE}">{tags}</item>')
    return {t.get("language") for t in item.findall(f"{{{NAMESPACE}}}transcript")}


@pytest.mark.parametrize(("variables", "expected"), [
    ({"LANG": "de_DE.UTF-8"}, "de"),
    ({"LANG": "C.UTF-8", "LANGUAGE": "pt_BR:en"}, "pt"),
    ({"LC_ALL": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
    ({"LANG": "sr_RS@latin"}, "sr"),
])
def test_the_system_language_is_the_locales_language(locale_env, variables, expected):
    locale_env(**variables)
    assert system_language() == expected


def test_the_transcripts_language_comes_first_then_the_last_used_then_the_system(locale_env):
    locale_env(LANG="de_DE.UTF-8")
    assert default_language("en-GB", "fr") == ("en-GB", "the transcript")
    assert default_language("", "fr") == ("fr", "the show's last publish")
    assert default_language("", "") == ("de", "the system")
    assert default_language("English", "no language!") == ("de", "the system")   # odd values passed over


def test_a_transcript_without_a_language_is_published_with_the_systems(locale_env, tmp_path):
    locale_env(LANG="nl_NL.UTF-8")
    publish(episode(), tmp_path)
    assert languages((tmp_path / "transcript-tags.xml").read_text()) == {"nl"}
    assert languages(plan_tags(episode(), ["vtt", "srt"])) == {"nl"}
    assert languages(plan_tags(episode("en"), ["vtt"])) == {"en"}


ENGLISH = ["So we went down to the harbour and the boats were all out.",
           "I think that was the best day of the summer, and you know what, they are still talking about it."]
FRENCH = ["Nous sommes allés au port et les bateaux étaient tous sortis.",
          "Je pense que c'était le plus beau jour de l'été, et vous savez quoi, ils en parlent encore."]
GERMAN = ["Wir sind zum Hafen gegangen und die Boote waren alle draußen.",
          "Ich glaube, das war der schönste Tag des Sommers, und sie reden immer noch darüber."]


def spoken(lines: list[str], turns: int = 6) -> Transcript:
    """An episode whose turns say *lines* over and over, with no language named."""
    transcript = Transcript(meta=TranscriptMeta(title="Harbour Lights 4"))
    speaker = transcript.ensure_speaker("Nora Castellan")
    for i in range(turns):
        text = lines[i % len(lines)]
        words = [Word(w, 400 * j, 400 * j + 350) for j, w in enumerate(text.split())]
        transcript.segments.append(Segment(f"s{i}", 10_000 * i, 10_000 * i + 8000, text, speaker, words=words,
                                           status=ReviewStatus.APPROVED))
    return transcript


@pytest.mark.parametrize(("lines", "expected"), [(ENGLISH, "en"), (FRENCH, "fr"), (GERMAN, "de")])
def test_the_text_tells_its_language(lines, expected):
    assert guess_language(lines * 3) == expected


def test_a_whole_episode_as_one_turn_is_read_only_as_far_as_it_takes_to_tell():
    """The first words tell (a 10 MB turn is 2 million words: read whole, the publish dialog froze for
    seconds); what comes after them is never read, even within one turn."""
    from editor.core.text_language import WORDS_READ
    english = " ".join(ENGLISH * (WORDS_READ // len(" ".join(ENGLISH).split()) + 1))
    assert guess_language([english + " " + " ".join(FRENCH * 2000)]) == "en"


@pytest.mark.parametrize("texts", [
    [], ["Okay."], ["Yeah. Mm-hmm. [inaudible] 12:34"] * 20, ["Daraka Larimore-Hall, Nora Castellan."] * 20,
    (ENGLISH + FRENCH) * 3,       # two languages as often: neither
])
def test_a_text_that_cannot_tell_says_nothing(texts):
    assert guess_language(texts) == ""


def test_a_french_system_publishes_an_english_transcript_as_english(locale_env, tmp_path):
    locale_env(LANG="fr_FR.UTF-8")
    publish(spoken(ENGLISH), tmp_path)
    assert languages((tmp_path / "transcript-tags.xml").read_text()) == {"en"}
    assert languages(plan_tags(spoken(ENGLISH), ["vtt"])) == {"en"}
    assert languages(plan_tags(spoken(["Okay.", "Yeah."]), ["vtt"])) == {"fr"}     # the text cannot tell


def test_the_texts_language_comes_before_the_last_used_which_keeps_its_region(locale_env):
    locale_env(LANG="fr_FR.UTF-8")
    assert default_language("", "de", ENGLISH * 3) == ("en", "the transcript's text")
    assert default_language("", "en-US", ENGLISH * 3) == ("en-US", "the show's last publish")
    assert default_language("de", "fr", ENGLISH * 3) == ("de", "the transcript")
    assert default_language("", "", ["Okay."]) == ("fr", "the system")


def test_the_cli_says_it_guessed_the_language_from_the_text(locale_env, tmp_path, capsys):
    from editor.cli import main
    from editor.core import project
    locale_env(LANG="fr_FR.UTF-8")
    path = tmp_path / "harbour.tep.json"
    project.save(spoken(ENGLISH), path)
    assert main(["publish", str(path), "-o", str(tmp_path / "out")]) == 0
    assert 'language="en" (guessed from the text)' in capsys.readouterr().err
    assert languages((tmp_path / "out" / "transcript-tags.xml").read_text()) == {"en"}
