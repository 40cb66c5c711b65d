"""`transcript-editor export` never writes over the transcript a project was made from without --force."""


from editor.core import project
from editor.formats import read_file

REV = "Maya Ortiz (00:00):\nWelcome back to Tidewater Notes.\n\nDesmond Lee (00:09):\nThanks, Maya.\n"

def test_exporting_a_project_over_its_original_transcript_is_refused_unless_forced(tmp_path, cli):
    source = tmp_path / "short.txt"
    source.write_text(REV, encoding="utf-8")
    transcript = read_file(source).transcript
    transcript.segments[1].text = "Thanks, Maya. Glad to be here."
    saved = tmp_path / "short.tep.json"
    project.save(transcript, saved)

    refused = cli("export", saved, "-o", source)
    assert refused.returncode == 2
    assert "Traceback" not in refused.stderr
    assert "original transcript" in refused.stderr and "--force" in refused.stderr and "short.txt" in refused.stderr
    assert source.read_text(encoding="utf-8") == REV

    elsewhere = cli("export", saved, "-o", tmp_path / "short-edited.txt")
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert "Glad to be here." in (tmp_path / "short-edited.txt").read_text(encoding="utf-8")

    # Exporting turns not approved is another matter, which does not let it replace the original.
    warned = cli("export", saved, "-o", source, "--warn-unapproved")
    assert warned.returncode == 2 and "original transcript" in warned.stderr
    assert source.read_text(encoding="utf-8") == REV

    # --approved-only refuses unapproved turns whatever else is given, and says nothing of replacing.
    refused_unapproved = cli("export", saved, "-o", source, "--approved-only", "--force")
    assert refused_unapproved.returncode == 3, refused_unapproved.stderr
    assert "not approved" in refused_unapproved.stderr and "--warn-unapproved" in refused_unapproved.stderr
    assert "replacing" not in refused_unapproved.stderr
    assert source.read_text(encoding="utf-8") == REV

    forced = cli("export", saved, "-o", source, "--force")
    assert forced.returncode == 0, forced.stderr
    assert "warning" in forced.stderr and "Glad to be here." in source.read_text(encoding="utf-8")

def test_publishing_a_project_never_writes_over_its_original_transcript(tmp_path, cli):
    source = tmp_path / "episode.txt"
    source.write_text(REV, encoding="utf-8")
    transcript = read_file(source).transcript
    transcript.meta.title = "Episode"
    for segment in transcript.segments:
        segment.status = segment.status.APPROVED
    saved = tmp_path / "work.tep.json"
    project.save(transcript, saved)
    result = cli("publish", saved, "-o", tmp_path, "--formats", "txt", "--force")
    assert result.returncode == 2, result.stderr
    assert "episode.txt" in result.stderr and source.read_text(encoding="utf-8") == REV
