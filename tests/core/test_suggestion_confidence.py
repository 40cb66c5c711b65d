"""A glossary suggestion over words the recognizer itself was unsure of says so in its evidence
("confidence"), in the scan the window lists and in `suggest --json` alike."""

import json

from editor.cli import main
from editor.core import project
from editor.core.glossary import Glossary, scan
from editor.core.transcript import Segment, Transcript, Word

TEXT = "Support us on Patrion today, and Patrion members hear it first."


def _episode(unsure_at: int) -> Transcript:
    """TEXT with word times; the word number *unsure_at* has a low confidence, the others a high one."""
    transcript = Transcript()
    words = [Word(token, 1000 + 500 * i, 1400 + 500 * i, 0.31 if i == unsure_at else 0.97)
             for i, token in enumerate(TEXT.split())]
    transcript.segments.append(Segment("s1", 1000, 9000, TEXT, transcript.ensure_speaker("Maya Ortiz"), words=words))
    return transcript


def test_the_scan_names_the_recognizers_doubt_where_it_had_one():
    glossary = Glossary()
    glossary.add("Patreon")
    first, second = scan(_episode(unsure_at=3), glossary)
    assert (first.found, first.start) == ("Patrion", TEXT.index("Patrion"))
    assert "confidence" in first.evidence
    assert "confidence" not in second.evidence      # the recognizer was sure of the second one


def test_suggest_json_lists_confidence_in_the_evidence(tmp_path, capsys):
    path = tmp_path / "episode.tep.json"
    project.save(_episode(unsure_at=3), path)
    names = tmp_path / "names.csv"
    names.write_text("correct,wrong_forms,note\nPatreon,,\n", encoding="utf-8")
    assert main(["suggest", str(path), "--glossary", str(names), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    evidence = {s["char_start"]: s["evidence"] for s in report["suggestions"]}
    assert "confidence" in evidence[TEXT.index("Patrion")]
    assert "confidence" not in evidence[TEXT.rindex("Patrion")]
