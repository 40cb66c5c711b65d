"""`transcript-editor publish`, run through `python -m editor`'s entry point (the ``cli`` fixture)."""

import json

from editor.core import project
from editor.core.transcript import Chapter, ReviewStatus, Segment, Transcript, TranscriptMeta, Word


def saved_project(folder, approved=True, timed_words=True, chapters=()):
    transcript = Transcript(meta=TranscriptMeta(title="Tidewater 12", language="en"))
    maya = transcript.ensure_speaker("Maya Ortiz")
    for n in range(3):
        text = f"Line number {n + 1}, um, of the show."
        start = n * 5000
        words = [Word(w, start + 300 * i, start + 300 * i + 250) for i, w in enumerate(text.split())]
        segment = Segment(f"s{n + 1}", start, start + 4000, text, maya, words=words if timed_words else [])
        segment.status = ReviewStatus.APPROVED if approved else ReviewStatus.UNREVIEWED
        transcript.segments.append(segment)
    transcript.chapters = list(chapters)
    path = folder / "ep.tep.json"
    project.save(transcript, path)
    return path

def test_publish_writes_every_format_and_prints_the_tags(tmp_path, cli):
    source = saved_project(tmp_path, chapters=[Chapter(5000, "Second line")])
    result = cli("publish", source, "-o", tmp_path / "site", "--base-url", "https://example.com/e12")
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in (tmp_path / "site").iterdir())
    assert written == [".transcript-editor-published.json", "chapters.json",
                       "tidewater-12.html", "tidewater-12.json", "tidewater-12.srt",
                       "tidewater-12.txt", "tidewater-12.vtt", "transcript-tags.xml"]
    assert '<podcast:transcript url="https://example.com/e12/tidewater-12.vtt" type="text/vtt" language="en" ' \
           'rel="captions"/>' in result.stdout
    assert '<podcast:chapters url="https://example.com/e12/chapters.json"' in result.stdout
    assert '<podcast:person role="host">Maya Ortiz</podcast:person>' in result.stdout
    assert result.stdout.splitlines()[0].endswith("tidewater-12.vtt")
    assert result.stderr == ""

def test_publish_refuses_with_exit_3_and_says_why_unless_forced(tmp_path, cli):
    source = saved_project(tmp_path, approved=False, timed_words=False)
    result = cli("publish", source, "-o", tmp_path / "site")
    assert result.returncode == 3
    assert "3 of 3 turns are not approved" in result.stderr and "no word times" in result.stderr
    assert "--force" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "site").exists()
    forced = cli("publish", source, "-o", tmp_path / "site", "--force", "--formats", "vtt,txt",
                 "--language", "en-US", "--clean-verbatim", "--word-timed-vtt")
    assert forced.returncode == 0, forced.stderr
    assert "warning: 3 of 3 turns are not approved" in forced.stderr
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [
        ".transcript-editor-published.json", "tidewater-12.txt", "tidewater-12.vtt", "transcript-tags.xml"]
    assert "Line number 1, of the show." in (tmp_path / "site" / "tidewater-12.txt").read_text()
    assert "<c>Line</c>" in (tmp_path / "site" / "tidewater-12.vtt").read_text()
    assert 'language="en-US"' in (tmp_path / "site" / "transcript-tags.xml").read_text()

def test_overlapping_times_are_refused_too(tmp_path, cli):
    source = saved_project(tmp_path)
    data = json.loads(source.read_text())
    data["segments"][1]["start_ms"] = 3000  # inside the first turn (0 .. 4 s)
    source.write_text(json.dumps(data))
    result = cli("publish", source, "-o", tmp_path / "site")
    assert result.returncode == 3 and "starts before the turn above ends" in result.stderr

def test_publish_never_overwrites_its_input(tmp_path, cli):
    source = tmp_path / "tidewater-12.txt"
    source.write_text("Maya Ortiz (00:00):\nHello there.\n")
    result = cli("publish", source, "-o", tmp_path, "--force")
    assert result.returncode == 2
    assert "would overwrite the input" in result.stderr.strip().splitlines()[-1]  # after the --force warnings
    assert "Traceback" not in result.stderr
    assert source.read_text() == "Maya Ortiz (00:00):\nHello there.\n"

def test_bad_usage_is_exit_2_with_one_line(tmp_path, cli):
    source = saved_project(tmp_path)
    for args, fragment in ((["--formats", "vtt,pdf"], "unknown format 'pdf'"),
                           (["--base-url", "example.com"], "base URL must be a web address"),
                           (["--language", "English (UK)"], "language must be a code")):
        result = cli("publish", source, "-o", tmp_path / "site", *args)
        assert result.returncode == 2 and fragment in result.stderr, result.stderr
    (tmp_path / "file").write_text("x")
    assert cli("publish", source, "-o", tmp_path / "file").returncode == 2
    missing = cli("publish", tmp_path / "missing.txt", "-o", tmp_path / "site")
    assert missing.returncode == 2 and "no such file" in missing.stderr

def test_export_can_write_chapters_and_clean_verbatim(tmp_path, cli):
    source = saved_project(tmp_path, chapters=[Chapter(0, "Start")])
    result = cli("export", source, "--to", "chapters", "-o", "-")
    assert json.loads(result.stdout) == {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Start"}]}
    text = cli("export", source, "--to", "txt", "-o", "-", "--clean-verbatim").stdout
    assert text.startswith("Start\n=====\n\nMaya Ortiz (00:00):\nLine number 1, of the show.")

def test_check_counts_the_chapters(tmp_path, cli):
    source = saved_project(tmp_path, chapters=[Chapter(0, "Start"), Chapter(5000, "Middle")])
    result = cli("check", "--json", source)
    assert json.loads(result.stdout)["chapters"] == 2
    assert "chapters:   2" in cli("check", source).stdout

def test_an_unwritable_folder_is_exit_1(tmp_path, cli):
    source = saved_project(tmp_path)
    (tmp_path / "taken").write_text("a file where the folder's parent should be")
    result = cli("publish", source, "-o", tmp_path / "taken" / "site")
    assert result.returncode == 1 and "cannot make the folder" in result.stderr and "Traceback" not in result.stderr

def test_publish_replaces_a_hand_edited_file_only_with_force_and_removes_what_no_longer_belongs(tmp_path, cli):
    source = saved_project(tmp_path, chapters=[Chapter(5000, "Second line")])
    assert cli("publish", source, "-o", tmp_path / "site", "--formats", "srt,txt").returncode == 0
    srt = tmp_path / "site" / "tidewater-12.srt"
    srt.write_text(srt.read_text().replace("Line number 1", "Line number one"))
    edited = srt.read_text()
    refused = cli("publish", source, "-o", tmp_path / "site", "--formats", "srt,txt")
    assert refused.returncode == 2 and srt.read_text() == edited
    assert "tidewater-12.srt was changed since the last publish" in refused.stderr and "--force" in refused.stderr
    transcript = project.load(source).transcript
    transcript.chapters = []
    project.save(transcript, source)
    forced = cli("publish", source, "-o", tmp_path / "site", "--formats", "srt", "--force")
    assert forced.returncode == 0, forced.stderr
    assert "Line number one" not in srt.read_text()
    assert "tidewater-12.srt: warning: replaced, though changed since the last publish" in forced.stderr
    assert "chapters.json: removed" in forced.stderr and "tidewater-12.txt: removed" in forced.stderr
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [
        ".transcript-editor-published.json", "tidewater-12.srt", "transcript-tags.xml"]

def test_a_one_turn_file_is_noted_with_the_turns_number_and_time(tmp_path, cli):
    source = tmp_path / "solo.srt"
    source.write_text("1\n00:00:02,000 --> 00:00:05,000\nSpeaker-less words, the only turn there is.\n",
                      encoding="utf-8")
    result = cli("publish", source, "-o", tmp_path / "site", "--force", "--language", "en")
    assert result.returncode == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if ": note: " in line]
    assert notes == [f"{source}: note: the only turn has no speaker (turn 1 at 00:00:02); its captions name nobody"]
