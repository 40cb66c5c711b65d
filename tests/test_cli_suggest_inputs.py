"""`suggest` reads what the window reads: a show's glossary together with the team's shared file it
names, and the transcript's reading warnings are said (on stderr), never dropped."""

import json

from editor.cli import main
from editor.core.glossary import Glossary

EPISODE = "Maya Ortiz (00:00:01):\nSupport us on Patrion today.\n\nDesmond Lee (00:00:09):\nThanks, Maya.\n"


def _episode(tmp_path, text: str = EPISODE, encoding: str = "utf-8"):
    path = tmp_path / "episode.txt"
    path.write_bytes(text.encode(encoding, errors="strict"))
    return path


def _suggested(capsys) -> set[tuple[str, str]]:
    return {(s["found"], s["replacement"]) for s in json.loads(capsys.readouterr().out)["suggestions"]}


def test_the_shows_shared_glossary_file_is_merged_in(tmp_path, capsys):
    # The show's own glossary knows one name; a colleague added another to the shared file since.
    shared = tmp_path / "team" / "harbour-lights.csv"
    shared.parent.mkdir()
    shared.write_text("correct,wrong_forms,note\nPatreon,Patrion,\n", encoding="utf-8")
    glossary = Glossary.for_show("Harbour Lights")
    glossary.add("Desmond Lee")
    glossary.shared_file = str(shared)
    glossary.save()

    assert main(["suggest", str(_episode(tmp_path)), "--show", "Harbour Lights", "--json"]) == 0
    assert ("Patrion", "Patreon") in _suggested(capsys)


def test_an_unreadable_shared_glossary_is_an_error_naming_it(tmp_path, capsys):
    shared = tmp_path / "harbour-lights.csv"
    shared.write_bytes(b"correct,wrong_forms\n\xff\xfe broken\n")
    glossary = Glossary.for_show("Harbour Lights")
    glossary.shared_file = str(shared)
    glossary.save()

    assert main(["suggest", str(_episode(tmp_path)), "--show", "Harbour Lights", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    (line,) = captured.err.strip().splitlines()
    assert str(shared) in line and "UTF-8" in line


def test_reading_warnings_are_said_on_stderr(tmp_path, capsys):
    text = EPISODE + "\nMaya Ortiz (01:75):\nA header time that is no time.\n"
    path = _episode(tmp_path, text)
    assert main(["suggest", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    json.loads(captured.out)           # stdout stays one JSON object
    assert f"{path}: warning: " in captured.err and "01:75" in captured.err


def test_the_encoding_can_be_given(tmp_path, capsys):
    # A Windows-1251 file read as it was written: the Cyrillic name is found and corrected.
    glossary = tmp_path / "names.csv"
    glossary.write_text("correct,wrong_forms,note\nНаташа,Натаща,\n", encoding="utf-8")
    text = "Maya Ortiz (00:00:01):\nПривет, Натаща, как дела?\n"
    path = _episode(tmp_path, text, encoding="cp1251")
    assert main(["suggest", str(path), "--encoding", "cp1251", "--glossary", str(glossary), "--json"]) == 0
    assert ("Натаща", "Наташа") in _suggested(capsys)


def test_a_glossary_that_is_a_pipe_is_refused_not_waited_on(tmp_path):
    import os
    import subprocess
    import sys
    from pathlib import Path

    fifo = tmp_path / "names.csv"
    os.mkfifo(fifo)
    root = Path(__file__).resolve().parents[1]
    # In a child process with a hang guard: reading the pipe would wait for a writer for ever.
    result = subprocess.run([sys.executable, "-m", "editor", "suggest", str(_episode(tmp_path)),
                             "--glossary", str(fifo), "--json"],
                            cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert str(fifo) in line and "pipe" in line


def test_a_show_without_a_stored_glossary_is_said_not_ignored(tmp_path, capsys):
    # A show name mistyped would otherwise scan with no names at all and print nothing about it.
    stored = Glossary.for_show("Harbour Lights")
    stored.add("Desmond Lee")
    stored.save()

    assert main(["suggest", str(_episode(tmp_path)), "--show", "Harbor Lights", "--json"]) == 0
    captured = capsys.readouterr()
    json.loads(captured.out)           # stdout stays one JSON object
    assert "Harbor Lights" in captured.err and "no stored glossary" in captured.err
    assert "Harbour Lights" in captured.err        # the shows that have one

    assert main(["suggest", str(_episode(tmp_path)), "--show", "Harbour Lights", "--json"]) == 0
    assert "no stored glossary" not in capsys.readouterr().err


def test_audio_the_transcript_runs_past_is_said_and_not_listened_to(tmp_path, capsys):
    # The wrong episode's audio (or a cut download): the window then neither aligns nor checks
    # against it unless asked; judged against audio that is not there, every suggestion came out
    # "audio unsure" and lost its tick, and the text's names became suspects.
    import wave
    audio = tmp_path / "other-episode.wav"
    with wave.open(str(audio), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        out.writeframes(b"\0\0" * 16000 * 3)
    text = EPISODE + "\nMaya Ortiz (00:02:10):\nSee you next week on Patrion.\n"
    glossary = tmp_path / "names.csv"
    glossary.write_text("correct,wrong forms,note\nPatreon,,\n", encoding="utf-8")
    episode = _episode(tmp_path, text)

    assert main(["suggest", str(episode), "--glossary", str(glossary), "--json"]) == 0
    without_audio = json.loads(capsys.readouterr().out)
    assert main(["suggest", str(episode), str(audio), "--glossary", str(glossary), "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == without_audio
    (line,) = captured.err.strip().splitlines()
    assert str(audio) in line and "00:03 long" in line and "runs to 02:1" in line, line
