"""Export options around publishing: chapters (chapters.json, headings), clean verbatim, DOCX properties."""

import dataclasses
import inspect
import io
import json
import re

import docx
import pytest

from editor.core.transcript import Chapter, Segment, Transcript, TranscriptMeta, Word
from editor.formats import writer_names
from editor.formats.base import ExportOptions
from editor.formats.clean_verbatim import (
    DEFAULT_FILLERS,
    clean_text,
    fillers_path,
    load_fillers,
    save_fillers,
)
from editor.formats.writers import writer_named

EN = DEFAULT_FILLERS["en"]


def episode():
    transcript = Transcript(meta=TranscriptMeta(title="Harbour Lights 7", language="en"))
    nora = transcript.ensure_speaker("Nora Castellan")
    ingrid = transcript.ensure_speaker("Ingrid Solberg")
    transcript.segments += [
        Segment("s1", 0, 4_000, "Um, welcome to the show.", nora),
        Segment("s2", 5_000, 9_000, "Thanks. So, uh, the lens came in crates, you know, eleven of them.", ingrid),
        Segment("s3", 10_000, 14_000, "Do you know who packed them?", nora),
        Segment("s4", 20_000, 24_000, "Uh, no.", ingrid),
    ]
    transcript.chapters = [Chapter(0, "Welcome"), Chapter(9_500, "Who packed the lens", "https://example.com/l"),
                           Chapter(18_000, "Um, answers", image="https://example.com/a.jpg")]
    return transcript


# ---------------------------------------------------------------------- chapters
def test_chapters_json_is_version_1_2_0_sorted_in_seconds_with_optional_url_and_img():
    transcript = episode()
    transcript.chapters = list(reversed(transcript.chapters)) + [Chapter(61_250, "Late")]
    data = json.loads(writer_named("chapters").write(transcript, ExportOptions()))
    assert data["version"] == "1.2.0"
    assert data["chapters"] == [
        {"startTime": 0, "title": "Welcome"},
        {"startTime": 9.5, "title": "Who packed the lens", "url": "https://example.com/l"},
        {"startTime": 18, "title": "Um, answers", "img": "https://example.com/a.jpg"},
        {"startTime": 61.25, "title": "Late"},
    ]


def test_plain_text_puts_each_chapter_heading_before_the_turn_it_starts_in():
    text = writer_named("txt").write(episode(), ExportOptions())
    assert text.startswith("Welcome\n=======\n\nNora Castellan (00:00):\nUm, welcome to the show.\n")
    # 9.5 s falls in the pause after turn 2: the heading goes before turn 3.
    assert "eleven of them.\n\nWho packed the lens\n===================\n\nNora Castellan (00:10):" in text
    # 18 s falls in the pause before turn 4.
    assert "Um, answers\n===========\n\nIngrid Solberg (00:20):\nUh, no.\n" in text
    assert "Welcome\n===" not in writer_named("txt").write(episode(), ExportOptions(include_chapters=False))


def test_a_chapter_inside_a_turn_heads_that_turn_and_one_after_the_end_comes_last():
    transcript = episode()
    transcript.chapters = [Chapter(6_000, "Mid-turn"), Chapter(99_000, "After the end")]
    text = writer_named("txt").write(transcript, ExportOptions())
    assert "Mid-turn\n========\n\nIngrid Solberg (00:05):" in text
    assert text.endswith("Uh, no.\n\nAfter the end\n=============\n")


def test_docx_has_chapter_headings_and_its_own_properties():
    data = writer_named("docx").write(episode(), ExportOptions(author="Nora Castellan"))
    document = docx.Document(io.BytesIO(data))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", "Harbour Lights 7"), ("Heading 2", "Welcome"),
                        ("Heading 2", "Who packed the lens"), ("Heading 2", "Um, answers")]
    properties = document.core_properties
    assert properties.title == "Harbour Lights 7"
    assert properties.author == "Nora Castellan" and properties.last_modified_by == "Nora Castellan"
    assert "python-docx" not in " ".join([properties.author, properties.comments, properties.last_modified_by,
                                          properties.subject, properties.keywords])
    assert properties.language == "en"


def test_docx_without_an_author_names_nobody_rather_than_python_docx():
    properties = docx.Document(io.BytesIO(writer_named("docx").write(episode(), ExportOptions()))).core_properties
    assert properties.author == "" and "python-docx" not in properties.comments


# ---------------------------------------------------------------------- clean verbatim
@pytest.mark.parametrize("text, clean", [
    ("Um, welcome to the show.", "Welcome to the show."),
    ("So, uh, the lens came in crates, you know, eleven of them.", "So, the lens came in crates, eleven of them."),
    ("Do you know who packed them?", "Do you know who packed them?"),   # not set off: meaning kept
    ("It held, um.", "It held."),
    ("We, uh\nwent home", "We,\nwent home"),
    ("I mean, it works. I mean it.", "It works. I mean it."),
    ("Uh, no.", "No."),
    ("um", ""),
    ("[inaudible] um [crosstalk]", "[inaudible] [crosstalk]"),
])
def test_clean_verbatim_drops_fillers_and_tidies_punctuation(text, clean):
    assert clean_text(text, EN) == clean


def test_clean_verbatim_is_off_by_default_and_never_touches_the_project():
    transcript = episode()
    plain = writer_named("txt").write(transcript, ExportOptions())
    assert "Um, welcome" in plain and "uh," in plain
    clean = writer_named("txt").write(transcript, ExportOptions(filler_words=EN))
    assert "Welcome to the show." in clean and " uh" not in clean and "you know," not in clean
    assert "Do you know who packed them?" in clean
    assert transcript.segments[0].text == "Um, welcome to the show."   # the project keeps its words
    assert writer_named("txt").write(transcript, ExportOptions()) == plain


def test_clean_verbatim_in_captions_and_word_level_json_drops_the_timed_words():
    transcript = episode()
    transcript.segments[0].words = [Word(w, 1000 * i, 1000 * i + 900) for i, w in
                                    enumerate(transcript.segments[0].text.split())]
    data = json.loads(writer_named("json").write(transcript, ExportOptions(filler_words=EN, word_level=True)))
    first = [s for s in data["segments"] if s["startTime"] < 4][:3]
    assert [s["body"] for s in first] == ["Welcome", "to", "the"]
    assert first[0]["startTime"] == 1.0   # "welcome" keeps its own time
    srt = writer_named("srt").write(transcript, ExportOptions(filler_words=EN))
    assert "Nora Castellan: Welcome to the show." in srt and "Um" not in srt
    vtt = writer_named("vtt").write(transcript, ExportOptions(filler_words=EN))
    assert "uh" not in vtt.lower().replace("thanks", "")


def test_a_turn_of_nothing_but_fillers_is_left_out_of_text_exports():
    transcript = Transcript(segments=[Segment("s1", 0, 1000, "Um."), Segment("s2", 1000, 2000, "Right.")])
    assert writer_named("txt").write(transcript, ExportOptions(filler_words=EN, include_times=False)) == "Right.\n"
    assert writer_named("html").write(transcript, ExportOptions(filler_words=EN)).count("<p>") == 1


def test_the_filler_list_is_kept_per_language_and_editable(tmp_path):
    assert load_fillers("en-GB", tmp_path) == EN
    assert load_fillers("de", tmp_path) == DEFAULT_FILLERS["de"]
    assert load_fillers("xx", tmp_path) == ()
    path = save_fillers("en_US", ["um", "like", "Um", "", "  sort   of "], tmp_path)
    assert path == fillers_path("en", tmp_path) and path.read_text() == "um\nlike\nsort of\n"
    assert load_fillers("EN", tmp_path) == ("um", "like", "sort of")
    assert load_fillers("de", tmp_path) == DEFAULT_FILLERS["de"]   # other languages keep theirs
    assert clean_text("It was, like, huge.", load_fillers("en", tmp_path)) == "It was, huge."


@pytest.mark.parametrize("name", writer_names())
def test_each_writer_declares_the_options_it_reads(name):
    # The export dialog enables an option only for a writer that says it reads it: what the writer's
    # own module reads of its options is declared, and every name declared is an export option.
    chosen = writer_named(name)
    assert {f.name for f in dataclasses.fields(ExportOptions)} >= chosen.OPTIONS
    read = set(re.findall(r"\boptions\.([a-z_]+)", inspect.getsource(inspect.getmodule(chosen))))
    assert read <= chosen.OPTIONS, f"{name} reads {read - chosen.OPTIONS} without declaring them"
