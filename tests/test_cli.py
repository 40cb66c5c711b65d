"""`transcript-editor check|export`: run for real as `python -m editor` in a subprocess (reading from a
relative path, usage errors, help, bytes on stdout, unreadable files), and what the commands do through that
entry point in the test's process (the ``cli`` fixture: no Python start for each run)."""

import io
import json
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from editor.core import project
from editor.core.transcript import ReviewStatus, Segment, Transcript

ROOT = Path(__file__).resolve().parents[1]
# A podcast page (show notes, then every turn run together: "Speaker N HH:MM:SS text"), invented text.
EPISODE_PAGE = ROOT / "tests" / "fixtures" / "podcast-page-episode.txt"

REV_TEXT = """Maya Ortiz (00:00):
Welcome back to Tidewater Notes.

Desmond Lee (00:09):
By then the hull was [inaudible 00:00:12] and we had to start over.

Maya Ortiz (01:02):
[crosstalk] Wait, start over how?
"""


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "editor", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def one_line_error(result, *fragments):
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def rev_file(tmp_path):
    path = tmp_path / "tidewater.txt"
    path.write_text(REV_TEXT)
    return path


def saved_project(tmp_path, approved):
    transcript = Transcript()
    maya = transcript.ensure_speaker("Maya Ortiz")
    for n in range(3):
        segment = Segment(f"s{n + 1}", n * 5000, n * 5000 + 4000, f"Line number {n + 1}.", maya)
        if n < approved:
            segment.status = ReviewStatus.APPROVED
        transcript.segments.append(segment)
    path = tmp_path / "ep.tep.json"
    project.save(transcript, path)
    return path


def test_check_a_podcast_page_transcript():
    # As a user types it from the project folder, with a relative path.
    result = run("check", EPISODE_PAGE.relative_to(ROOT).as_posix())
    assert result.returncode == 0, result.stderr
    assert "segments:   41" in result.stdout
    assert "speakers:   5" in result.stdout
    assert "inaudible:  1 " in result.stdout


def test_check_json_of_a_podcast_page_has_the_promised_keys(cli):
    result = cli("check", "--json", EPISODE_PAGE)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["segments"] == 41 and len(report["speakers"]) == 5 and report["inaudible"] == 1
    assert isinstance(report["format"], str) and report["format"]
    assert isinstance(report["duration_ms"], int) and report["duration_ms"] > 30 * 60 * 1000
    assert isinstance(report["warnings"], list) and all(isinstance(w, str) for w in report["warnings"])
    assert all(isinstance(name, str) for name in report["speakers"])


def test_check_rev_text_in_human_form(rev_file, cli):
    result = cli("check", rev_file)
    assert result.returncode == 0, result.stderr
    assert "(rev)" in result.stdout
    assert "speakers:   2: Maya Ortiz, Desmond Lee" in result.stdout
    assert "time:       00:00:00 - 00:01:" in result.stdout
    assert "inaudible:  1 (crosstalk 1, unclear 0)" in result.stdout


def test_check_a_project(tmp_path, cli):
    result = cli("check", "--json", saved_project(tmp_path, approved=2))
    report = json.loads(result.stdout)
    assert report["format"] == "project" and report["segments"] == 3 and report["approved"] == 2
    assert report["speakers"] == ["Maya Ortiz"] and report["duration_ms"] == 14000


def test_check_several_files_prints_one_json_line_each_and_fails_if_one_fails(tmp_path, rev_file, cli):
    missing = tmp_path / "missing.srt"
    result = cli("check", "--json", rev_file, missing, saved_project(tmp_path, 0))
    assert result.returncode == 2
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["format"] for r in reports] == ["rev", "project"]
    one_line_error(result, str(missing), "no such file")


@pytest.mark.parametrize("name, content, problem", [
    ("empty.txt", b"", "empty"),
    ("blank.srt", b"\n\n  \n", "no text"),
    ("noise.bin", bytes(range(256)) * 40, ""),
    ("broken.tep.json", b'{"transcript_editor_project": 1, "segments": [{"id": "s1",', "not valid JSON"),
    ("typed.tep.json", b'{"transcript_editor_project": 1, "segments": [{"id": "s1", "start_ms": "soon", '
                       b'"text": "Hi"}]}', "start_ms: expected an integer"),
    ("future.tep.json", b'{"transcript_editor_project": 7}', "newer"),
])
def test_unreadable_files_exit_2_with_one_line(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    result = run("check", path)
    assert result.returncode == 2
    assert result.stdout == ""
    one_line_error(result, str(path), problem)


def test_check_a_folder_and_bad_usage(tmp_path):
    result = run("check", tmp_path)
    assert result.returncode == 2
    one_line_error(result, "folder")
    usage = run("check")
    assert usage.returncode == 2 and "Traceback" not in usage.stderr


@pytest.mark.parametrize("fmt, first_bytes", [
    ("txt", b"Maya Ortiz (00:00):\n"), ("srt", b"1\n00:00:00,000 --> "), ("vtt", b"WEBVTT\n"),
    ("json", b'{"version": "1.0.0"'), ("html", b"<!DOCTYPE html>"), ("docx", b"PK"),
])
def test_export_every_format(tmp_path, rev_file, fmt, first_bytes, cli):
    out = tmp_path / f"out.{fmt}"
    result = cli("export", rev_file, "--to", fmt, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(first_bytes)
    if fmt == "docx":
        texts = [p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs]
        assert "By then the hull was [inaudible 00:00:12] and we had to start over." in texts


def test_export_inaudible_styles_and_format_from_extension(tmp_path, rev_file, cli):
    for style, expected in (("rev", "[inaudible 00:00:12]"), ("plain", "was [inaudible] and"), ("omit", "was and")):
        out = tmp_path / f"{style}.srt"
        assert cli("export", rev_file, "-o", out, "--inaudible-style", style).returncode == 0
        assert expected in " ".join(out.read_text().split())
    assert "[inaudible]" in (tmp_path / "plain.srt").read_text()  # captions default to plain


def test_export_to_stdout(rev_file):
    result = run("export", rev_file, "--to", "vtt", "-o", "-")
    assert result.returncode == 0 and result.stdout.startswith("WEBVTT")
    assert "<v Desmond Lee>" in result.stdout


def test_export_approved_only_refuses_then_warn_unapproved_and_fully_approved(tmp_path, cli):
    partly = saved_project(tmp_path, approved=1)
    out = tmp_path / "out.srt"
    refused = cli("export", partly, "-o", out, "--approved-only")
    assert refused.returncode == 3
    # in the words `publish` and the window use: turns, not segments
    one_line_error(refused, str(partly), "2 of 3 turns are not approved (first: turn 2 at 00:00:0",
                   "--warn-unapproved")
    assert "segment" not in refused.stderr
    assert not out.exists()
    warned = cli("export", partly, "-o", out, "--warn-unapproved")
    assert warned.returncode == 0 and out.exists() and "not approved" in warned.stderr
    out.unlink()
    # --force only allows replacing the original transcript: it never lifts --approved-only's refusal.
    forced = cli("export", partly, "-o", out, "--approved-only", "--force")
    assert forced.returncode == 3 and not out.exists()
    one_line_error(forced, str(partly), "2 of 3 turns are not approved", "--warn-unapproved")
    (tmp_path / "all").mkdir()
    approved = saved_project(tmp_path / "all", approved=3)
    assert cli("export", approved, "-o", tmp_path / "ok.txt", "--approved-only").returncode == 0
    assert (tmp_path / "ok.txt").read_text().startswith("Maya Ortiz (00:00):")


def test_export_errors_are_one_line(tmp_path, rev_file, cli):
    unwritable = cli("export", rev_file, "-o", tmp_path / "no" / "such" / "out.srt")
    assert unwritable.returncode == 1
    one_line_error(unwritable, "out.srt", "cannot save")
    unknown = cli("export", rev_file, "-o", tmp_path / "out.pdf")
    assert unknown.returncode == 2
    one_line_error(unknown, "out.pdf", "--to")
    missing = cli("export", tmp_path / "nothing.txt", "--to", "srt", "-o", tmp_path / "x.srt")
    assert missing.returncode == 2
    one_line_error(missing, "nothing.txt", "no such file")
    same = cli("export", rev_file, "--to", "txt", "-o", rev_file)
    assert same.returncode == 2 and rev_file.read_text() == REV_TEXT
    one_line_error(same, "overwrite the input")


def test_check_reports_times_out_of_order_and_end_before_start_as_warnings(tmp_path, cli):
    transcript = Transcript()
    transcript.segments += [Segment("s1", 5000, 4000, "Ends before it starts."),
                            Segment("s2", 1000, 2000, "Starts too early.")]
    path = tmp_path / "odd.tep.json"
    project.save(transcript, path)
    result = cli("check", "--json", path)
    assert result.returncode == 0, result.stderr
    warnings = json.loads(result.stdout)["warnings"]
    assert any("ends" in w and "before it starts" in w for w in warnings)
    assert any("before the segment above it" in w for w in warnings)


def test_suggest_looks_for_the_names_of_the_show_notes(tmp_path, capsys):
    # As the window does: with no glossary, the page's show notes still name what to look for.
    from editor.cli import main
    from tests.core.names_fixture import PAGE

    page = tmp_path / "episode.txt"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["suggest", str(page), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    heard = {(s["found"], s["replacement"]) for s in report["suggestions"] if "show-notes" in s["evidence"]}
    assert ("Dorian do valley", "Dorian Duvalle") in heard


def test_the_windows_help_names_the_commands():
    # `transcript-editor --help` is where a new user looks first: it must lead to check, export, ...
    result = run("--help")
    assert result.returncode == 0, result.stderr
    assert "{check,export,shift,publish,align,suggest,install-desktop}" in result.stdout
    assert run("export", "--help").returncode == 0


def test_a_mistyped_command_is_named_not_opened_as_a_transcript(tmp_path, monkeypatch, capsys):
    """`transcript-editor sugest episode.txt` would open a window on a file "sugest" that does not
    exist (on a server without a display: Qt aborts with a core dump). A first word close to a
    command and no file of that name is a mistyped command: said in one line, exit 2."""
    import editor.ui.app
    from editor.__main__ import main

    episode = tmp_path / "episode.txt"
    episode.write_text("Speaker 0 00:00:01 Hello there.", encoding="utf-8")
    windows = []
    monkeypatch.setattr(editor.ui.app, "main", lambda args: windows.append(args) or 0)
    assert main(["sugest", str(episode)]) == 2
    assert windows == []
    err = capsys.readouterr().err
    assert err == "transcript-editor: 'sugest' is no command and no file (did you mean 'suggest'?)\n"
    # A file of that name, or a word like no command, still opens in the window (which names a missing file).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "publsh").write_text("Speaker 0 00:00:01 Hello there.", encoding="utf-8")
    assert main(["publsh"]) == 0 and main(["episode-12.txt"]) == 0
    assert windows == [["publsh"], ["episode-12.txt"]]


def test_the_windows_options_abbreviated_as_argparse_takes_them():
    """"--he" is --help to argparse: the same help, the commands too; "--vers" is --version."""
    from editor import __version__
    from editor.ui.app import parse_args

    result = run("--he")
    assert result.returncode == 0 and result.stdout == run("--help").stdout
    assert "{check,export,shift,publish,align,suggest,install-desktop}" in result.stdout
    result = run("--vers")
    assert result.returncode == 0 and result.stdout == f"transcript-editor {__version__}\n"
    assert parse_args(["episode.srt", "--pl", "qt"]).player == "qt"


# The first bytes of an Ogg page: what an episode's audio file starts with (binary, not text).
OGG_HEAD = b"OggS\x00\x02" + bytes(range(200))


def test_export_never_writes_over_the_episodes_audio(tmp_path, rev_file, cli):
    # A slip of the keyboard (-o tidewater.ogg for tidewater.srt) must not replace the recording
    # the transcript is paired with (the window finds audio of the same name beside it).
    audio = tmp_path / "tidewater.ogg"
    audio.write_bytes(OGG_HEAD)
    beside = cli("export", rev_file, "--to", "txt", "-o", audio)
    assert beside.returncode == 2 and audio.read_bytes() == OGG_HEAD
    one_line_error(beside, "tidewater.ogg", "audio")
    # A project's linked audio, whatever its name.
    take = tmp_path / "take-1.raw"
    take.write_bytes(OGG_HEAD)
    transcript = Transcript()
    transcript.segments.append(Segment("s1", 0, 4000, "Line number one."))
    transcript.meta.audio_path = str(take)
    path = tmp_path / "ep.tep.json"
    project.save(transcript, path)
    linked = cli("export", path, "--to", "srt", "-o", take)
    assert linked.returncode == 2 and take.read_bytes() == OGG_HEAD
    one_line_error(linked, "take-1.raw", "audio")
    # An earlier export of the same name is replaced as before.
    earlier = tmp_path / "ep.srt"
    earlier.write_text("an earlier export")
    assert cli("export", path, "-o", earlier).returncode == 0
    assert earlier.read_text().startswith("1\n")


def test_export_approved_only_names_the_one_turn_not_approved_as_one(tmp_path, cli):
    almost = saved_project(tmp_path, approved=2)
    refused = cli("export", almost, "-o", tmp_path / "out.srt", "--approved-only")
    assert refused.returncode == 3
    one_line_error(refused, str(almost), "1 of 3 turns is not approved (turn 3 at 00:00:", "approve it first")
