"""The suspect pass's progress while the producer merges and splits turns under it (real alignment and
real PocketSphinx on espeak-ng speech): the pass checks the turns as they were when it started (a
snapshot, as its module says), and its bar counts exactly that work: never past its total, ending at it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import hearing_material  # noqa: E402

from editor.core import ops  # noqa: E402

LINES = [("acronym", "She spent ten years at the {BSA|EPA} before she ran for office.")]
CLEAN = ["It rained all afternoon so the market closed early.", "The ferry left the quay before dawn.",
         "Nobody on board said a word about the storm.", "We talked about the harbour and the boats.",
         "The lighthouse keeper counted every ship.", "By evening the wind had dropped at last."]


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_turns_merged_and_split_during_the_pass_leave_its_progress_truthful(main_window, qtbot, tmp_path):
    episode = hearing_material.episode(LINES, CLEAN)
    wav = hearing_material.write_wav(tmp_path / "episode.wav", episode.audio)
    srt = hearing_material.write_srt(tmp_path / "episode.srt", episode.transcript)
    window = main_window
    hearing = window.hearing
    messages, reported, shown = [], [], []
    hearing.message.connect(messages.append)
    edited = []

    def on_progress(done: int, total: int) -> None:
        reported.append((done, total))
        shown.append((hearing.progress.bar.value(), hearing.progress.bar.maximum()))
        if not edited and hearing.runner.is_running():    # under way: turns merged and split under it
            transcript = window.model.transcript
            assert window.edits.push(ops.merge_with_next(transcript, 0), "Merge Turns", 0)
            assert window.edits.push(ops.merge_with_next(transcript, 1), "Merge Turns", 1)
            text = transcript.segments[2].text
            assert window.edits.push(ops.split(transcript, 2, text.index(" ") + 1), "Split Turn", 2)
            edited.append(len(transcript.segments))

    hearing.runner.progressed.connect(on_progress)
    assert window.open_path(str(srt), str(wav))
    turns = window.model.rowCount()
    qtbot.waitUntil(lambda: any(m.startswith("Audio checked") for m in messages), timeout=120_000)
    assert edited == [turns - 1]                 # the document changed while the pass ran
    assert reported and all(0 <= done <= total for done, total in reported)
    assert reported[-1][0] == reported[-1][1]    # ended at its total: every turn it started with, checked
    assert all(value <= maximum for value, maximum in shown)
    assert not hearing.progress.isVisible()
