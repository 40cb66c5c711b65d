"""read_file / read_text / detect: encodings, detection by content, projects, errors naming the file."""

import ast
import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core import TranscriptError
from editor.core.project import save
from editor.formats import all_readers, all_writers, detect, export, read_file, read_text, reader, writer
from editor.formats.decoding import MAX_BYTES, decode

DATA = Path(__file__).parent / "data"
OTTER = (DATA / "otter.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("fixture, expected", [
    ("otter.txt", "otter"), ("rev.txt", "rev"), ("descript.txt", "descript"),
    ("descript_untimed.txt", "descript"), ("podcast_page.txt", "podcast-page"),
    ("podcast_page_lines.txt", "podcast-page"), ("plain.txt", "text"), ("captions.srt", "srt"),
    ("voices.vtt", "vtt"), ("whisper.json", "whisper-json"), ("whisperx.json", "whisper-json"),
    ("whisper_cpp.json", "whisper-json"), ("openai_verbose.json", "whisper-json"),
    ("podcasting_words.json", "podcasting-json"), ("podcasting_turns.json", "podcasting-json"),
    ("podcast.html", "podcast-html"), ("dialogue.ass", "ass"), ("session.otr", "otranscribe"),
    ("noscribe.html", "noscribe"),
])
def test_detection_by_content_ignores_a_wrong_extension(fixture, expected, tmp_path):
    text = (DATA / fixture).read_text(encoding="utf-8")
    assert expected == detect(text, fixture).NAME
    wrong = tmp_path / "download.bin"
    wrong.write_text(text, encoding="utf-8")
    assert read_file(wrong).format == expected


def test_registry_lookups():
    names = [r.NAME for r in all_readers()]
    assert len(names) == len(set(names)) >= 9
    assert reader("srt").NAME == "srt"
    with pytest.raises(TranscriptError):
        reader("nope")
    assert read_text(OTTER, format="text").format == "text"  # forcing a reader


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be-bom", "utf-16-le-bom"])
def test_unicode_with_bom(encoding, tmp_path):
    text = OTTER.replace("Maya Ortiz", "Maya Ortíz")
    if encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    elif encoding == "utf-16-le-bom":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    else:
        data = text.encode(encoding)
    path = tmp_path / "bom.txt"
    path.write_bytes(data)
    result = read_file(path)
    assert result.format == "otter" and result.warnings[:1] != ["encoding"]
    assert result.transcript.speakers["spk1"].name == "Maya Ortíz"
    assert not any("Windows-1252" in w for w in result.warnings)


def test_cp1252_fallback_warns(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes(OTTER.replace("Maya Ortiz", "Maya Ortíz").replace("Thanks", "“Thanks”").encode("cp1252"))
    result = read_file(path)
    assert result.transcript.speakers["spk1"].name == "Maya Ortíz"
    assert "“Thanks”" in result.transcript.segments[1].text
    assert any("Windows-1252" in w for w in result.warnings)


def test_crlf_and_cr_line_ends(tmp_path):
    for newline in ("\r\n", "\r"):
        path = tmp_path / "crlf.srt"
        path.write_bytes((DATA / "captions.srt").read_text().replace("\n", newline).encode())
        result = read_file(path, keep_captions=True)  # one segment per cue, as the file has them
        assert result.format == "srt" and len(result.transcript.segments) == 4
        assert all("\r" not in s.text for s in result.transcript.segments)


def test_utf16_without_bom_is_recognised():
    text, warnings = decode("Maya  0:00\nHello.\n".encode("utf-16-le"))
    assert text.startswith("Maya") and "UTF-16-LE" in warnings[0]


def test_empty_file(tmp_path):
    path = tmp_path / "empty.srt"
    path.write_bytes(b"")
    with pytest.raises(TranscriptError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}: the file is empty"


def test_blank_file(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_bytes(b"  \n\n\t\n")
    with pytest.raises(TranscriptError, match="no text"):
        read_file(path)


def test_nul_byte_mid_file_names_the_offset(tmp_path):
    data = (DATA / "captions.srt").read_bytes()
    path = tmp_path / "nul.srt"
    path.write_bytes(data[:50] + b"\x00" + data[50:])
    with pytest.raises(TranscriptError) as caught:
        read_file(path)
    assert caught.value.offset == 50 and caught.value.path == str(path)
    assert "byte 50" in str(caught.value)


def test_binary_files_are_refused(tmp_path):
    png = tmp_path / "cover.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(TranscriptError, match="binary"):
        read_file(png)
    controls = tmp_path / "noise.srt"
    controls.write_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 40 + b"hello")
    with pytest.raises(TranscriptError, match="binary") as caught:
        read_file(controls)
    assert caught.value.offset == 0


def test_absurd_size_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(TranscriptError, match="MB"):
        read_file(path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(TranscriptError, match="no such file"):
        read_file(tmp_path / "gone.srt")
    with pytest.raises(TranscriptError, match="folder"):
        read_file(tmp_path)


def test_unrecognisable_json_error_names_the_file(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"volume": 3, "theme": "dark"}')
    with pytest.raises(TranscriptError) as caught:
        read_file(path)
    assert str(caught.value).startswith(str(path))


def test_text_starting_with_a_bracket_is_not_taken_for_json():
    result = read_text("[Intro music]\n\nWelcome to the show.\n", "episode.txt")
    assert result.format == "text"
    assert [s.text for s in result.transcript.segments] == ["[Intro music]", "Welcome to the show."]


def test_title_from_file_stem_when_the_source_has_none(tmp_path):
    path = tmp_path / "Episode 7 - Keels.srt"
    path.write_bytes((DATA / "captions.srt").read_bytes())
    assert read_file(path).transcript.meta.title == "Episode 7 - Keels"


def test_project_file_is_recognised_by_content(tmp_path):
    transcript = read_file(DATA / "rev.txt").transcript
    path = tmp_path / "saved.tep.json"
    save(transcript, path)
    assert json.loads(path.read_text())["transcript_editor_project"]
    renamed = tmp_path / "saved.txt"
    renamed.write_bytes(path.read_bytes())
    result = read_file(renamed)
    assert result.format == "project"
    assert [s.text for s in result.transcript.segments] == [s.text for s in transcript.segments]
    assert read_text(path.read_text()).format == "project"


def test_export_through_the_registry_and_read_back(tmp_path):
    assert {w.NAME for w in all_writers()} >= {"txt", "srt", "vtt", "json"}
    transcript = read_file(DATA / "voices.vtt").transcript
    out = tmp_path / "out.vtt"
    export(transcript, out, "vtt")
    again = read_file(out)
    assert again.format == "vtt"
    assert [s.text for s in again.transcript.segments] == [s.text for s in transcript.segments]
    assert [s.name for s in again.transcript.speakers.values()] == ["Maya Ortiz", "Desmond Lee"]
    with pytest.raises(TranscriptError, match="no writer"):
        writer("nope")


def test_every_registered_reader_is_the_class_its_entry_names():
    for entry in all_readers():
        loaded = entry.load()
        assert (loaded.NAME, loaded.LABEL, loaded.EXTENSIONS) == (entry.NAME, entry.LABEL, entry.EXTENSIONS)
        assert getattr(loaded, "MERGES_CUES", False) == entry.MERGES_CUES


def test_reading_a_caption_file_imports_only_the_readers_detection_asked(tmp_path):
    # A fresh interpreter: the registry lists every reader, and imports one when it is asked to sniff or read.
    path = tmp_path / "captions.srt"
    path.write_text((DATA / "captions.srt").read_text(encoding="utf-8"), encoding="utf-8")
    script = ("import sys\nfrom editor.formats import read_file\n"
              f"result = read_file({str(path)!r})\n"
              "print(result.format, sorted(m for m in sys.modules if m.startswith('editor.formats.readers.')))")
    root = str(Path(__file__).resolve().parents[2])
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": root}).stdout.split(" ", 1)
    assert out[0] == "srt"
    assert ast.literal_eval(out[1]) == ["editor.formats.readers._build", "editor.formats.readers._cues",
                            "editor.formats.readers.srt", "editor.formats.readers.vtt"]


def test_a_reader_that_cannot_be_imported_is_an_error_naming_the_file(tmp_path, monkeypatch):
    # A reader is imported when detection first asks it: an install missing its module (or one that
    # fails to import) says so for the file being opened, never a traceback out of read_file.
    from editor.formats import readers
    broken = readers.ReaderEntry("broken", "Broken captions", (".srt",), "no_such_module:NoReader")
    monkeypatch.setattr(readers, "READERS", [broken, *readers.READERS])
    monkeypatch.setattr("editor.formats.READERS", readers.READERS)
    path = tmp_path / "captions.srt"
    path.write_text((DATA / "captions.srt").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(TranscriptError) as raised:
        read_file(path)
    assert "captions.srt" in str(raised.value) and "Broken captions" in str(raised.value)
