"""The feed tags always name a language: the transcript's, else (in the window) the show's last one,
else the system locale's."""

import xml.etree.ElementTree as ET

import pytest

from editor.core.transcript import ReviewStatus, Segment, Transcript, TranscriptMeta, Word
from editor.publish import plan_tags, publish
from editor.publish.feed_tags import NAMESPACE
from editor.publish.language import default_language, system_language


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
