"""`suggest` on a project leaves out the suspects over passages its producer said are right
(Ignore in the window), says how many, and lists them under "ignored" in --json: heard with real
PocketSphinx on espeak-ng speech (the audio says EPA where the text says BSA)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))

import hearing_material  # noqa: E402

from editor.cli import main  # noqa: E402
from editor.core import ops, project  # noqa: E402

LINES = [("acronym", "She spent ten years at the {BSA|EPA} before she ran for office.")]
CLEAN = ["It rained all afternoon so the market closed early."]


@pytest.mark.slow
def test_suspects_the_producer_ignored_are_left_out_and_said(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    episode = hearing_material.episode(LINES, CLEAN)
    wav = hearing_material.write_wav(tmp_path / "episode.wav", episode.audio)
    path = tmp_path / "episode.tep.json"
    project.save(episode.transcript, path)

    assert main(["suggest", str(path), str(wav), "--json"]) == 0
    heard = json.loads(capsys.readouterr().out)
    assert "ignored" not in heard       # nothing said right: the object as it always was
    (doubted,) = [s for s in heard["suspects"] if "BSA" in s["text"]]

    transcript = project.load(path).transcript
    ops.run(transcript, ops.ignore_passages(transcript, doubted["segment"],
                                            [(doubted["char_start"], doubted["char_end"])]))
    project.save(transcript, path)
    assert main(["suggest", str(path), str(wav), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert not any("BSA" in s["text"] for s in report["suspects"])
    assert [s["text"] for s in report["ignored"]] == [doubted["text"]]
    assert report["suspects"] == [s for s in heard["suspects"] if s != doubted]

    assert main(["suggest", str(path), str(wav)]) == 0
    out = capsys.readouterr().out
    assert "'BSA" not in out.split("suspect passages")[1]
    assert "1 more the producer said is right (Ignore) left out" in out
