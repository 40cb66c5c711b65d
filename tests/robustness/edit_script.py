"""Deterministic edit scripts: what the kill tests and the soak test make the editor do.

An *edit script* is a list of JSON actions a producer could perform, generated
from a seed against the evolving transcript (so every action is valid when it
runs), e.g.::

    ["set_text", 12, "the new text"]          # typing in row 12 (one keystroke's result)
    ["replace_spans", [[row, start, end, "replacement"], ...]]
    ["split", row, offset, at_ms]   ["merge_with_next", row]
    ["add_mark", row, kind, start, end, time_ms]   ["remove_mark", row, mark_index]
    ["set_status", row, status, reviewer, when]    ["set_speaker", row, speaker_id]
    ["rename_speaker", speaker_id, name]   ["add_speaker", name, speaker_id]
    ["set_start", row, ms]   ["revert_to_original", row]
    ["undo"]   ["redo"]

Undo follows ``QUndoStack``: a new edit drops the redo steps, and consecutive
``set_text`` on the same row merge into one step (typing). The core driver
(:mod:`edit_driver`) runs a script through the journal; the window runs the
same script through its undo stack (``scripted_session.py``), and
both must end in the states :func:`fingerprints` lists.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import orjson

_ROOT = Path(__file__).resolve().parents[2]
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

from editor.core import ops, project  # noqa: E402
from editor.core.transcript import MarkKind, Transcript  # noqa: E402
from editor.core.words import tokenize  # noqa: E402

_LETTERS = "abcdefghijklmnopqrstuvwxyz      "
_NEW_WORDS = ["Harlowe", "ketch", "caulking", "Brindle", "sternpost", "Vessik", "oakum", "tiller"]
_NAMES = ["Ada Quist", "Bram Holt", "Cleo Varga", "Dov Arkin"]

Action = list
Runner = Callable[[ops.Op], ops.Op]


# ---------------------------------------------------------------------------------- fixture
def saved_fixture_project(folder: Path) -> tuple[Path, Transcript]:
    """The fixture episode saved as a project in *folder*, and the transcript read back from it."""
    path = folder / "ep.tep.json"
    project.save(fixture_transcript(), path)
    return path, project.load(path).transcript


def fixture_transcript() -> Transcript:
    """A small episode (60 turns, ~1,500 timed words, marks, approvals) built from invented words."""
    sys.path.insert(0, str(_ROOT / "tests" / "bench"))
    from synthetic import ten_hour_episode
    return ten_hour_episode(seed=3, turns=60, words=1500, speakers=3, duration_ms=900_000)


def fingerprint(transcript: Transcript) -> str:
    """A short digest of everything the project file stores about *transcript*."""
    data = project.to_dict(transcript)
    data.pop("app", None)
    # Projects resolve the audio path against their own folder; copies live in other folders.
    data["meta"]["audio_path"] = Path(data["meta"]["audio_path"]).name
    data["meta"].pop("audio_path_absolute")
    # orjson (the journal's encoder) writes the same sorted JSON several times faster than json, which
    # was a third of the kill tests' fingerprints of every state their script passes through.
    return hashlib.sha256(orjson.dumps(data, option=orjson.OPT_SORT_KEYS)).hexdigest()[:16]


# ---------------------------------------------------------------------------------- running
class UndoHistory:
    """The undo/redo behaviour of ``QUndoStack`` with typing merged, over core ops."""

    def __init__(self) -> None:
        self.undo: list[tuple[ops.Op, int | None]] = []   # (undo op, row when it was typing)
        self.redo: list[ops.Op] = []

    def push(self, undo_op: ops.Op, typing_row: int | None) -> None:
        self.redo.clear()
        if typing_row is not None and self.undo and self.undo[-1][1] == typing_row:
            self.undo[-1] = (ops.merged_undo(self.undo[-1][0], undo_op), typing_row)
        else:
            self.undo.append((undo_op, typing_row))


def apply_action(transcript: Transcript, action: Action, run: Runner, history: UndoHistory) -> bool:
    """Do one scripted action through *run* (``ops.run`` or ``journal.run``); False if a no-op."""
    name, args = action[0], action[1:]
    if name == "undo":
        if not history.undo:
            return False
        undo_op, _ = history.undo.pop()
        history.redo.append(run(undo_op))
        return True
    if name == "redo":
        if not history.redo:
            return False
        history.undo.append((run(history.redo.pop()), None))
        return True
    op = plan(transcript, action)
    history.push(run(op), args[0] if name == "set_text" else None)
    return True


def plan(transcript: Transcript, action: Action) -> ops.Op:
    """The core op for one (non undo/redo) action: the window's test hook plans it the same way."""
    from scripted_session import plan as window_plan
    return window_plan(transcript, action)


def run_script(transcript: Transcript, script: list[Action], run: Runner | None = None,
               after: Callable[[int], None] | None = None) -> UndoHistory:
    """Run *script* on *transcript*; *after(n)* is called after the n-th action (1-based)."""
    run = run or (lambda op: ops.run(transcript, op))
    history = UndoHistory()
    for number, action in enumerate(script, 1):
        apply_action(transcript, action, run, history)
        if after is not None:
            after(number)
    return history


def fingerprints(transcript: Transcript, script: list[Action]) -> list[str]:
    """``[state before any action, state after action 1, ...]``."""
    prints = [fingerprint(transcript)]
    run_script(transcript, script, after=lambda n: prints.append(fingerprint(transcript)))
    return prints


# ---------------------------------------------------------------------------------- generating
def generate(transcript: Transcript, count: int, seed: int = 1) -> list[Action]:
    """*count* actions, each valid when it runs (the transcript is edited along the way)."""
    rng = random.Random(seed)
    history = UndoHistory()
    script: list[Action] = []
    run = lambda op: ops.run(transcript, op)  # noqa: E731
    typing_row = rng.randrange(len(transcript.segments))
    while len(script) < count:
        kind = rng.choices(_KINDS, _WEIGHTS)[0]
        if script and script[-1][0] in ("undo", "redo") and rng.random() < 0.5:
            kind = rng.choice(["undo", "redo"])   # producers step back and forth in bursts
        if kind == "type" and rng.random() < 0.1:
            typing_row = rng.randrange(len(transcript.segments))
        action = _make(rng, transcript, kind, typing_row, history)
        if action is None:
            continue
        try:
            if not apply_action(transcript, action, run, history):
                continue
        except ValueError:
            continue   # the planner refused (e.g. nothing to split off there): pick another
        script.append(action)
        typing_row = min(typing_row, len(transcript.segments) - 1)
    return script


_KINDS = ["type", "replace", "split", "merge", "mark", "unmark", "status", "speaker", "rename",
          "add_speaker", "start", "revert", "undo", "redo", "ignore", "unignore"]
_WEIGHTS = [55, 3, 4, 4, 4, 2, 5, 3, 2, 1, 3, 2, 8, 4, 3, 1]


def _make(rng: random.Random, t: Transcript, kind: str, typing_row: int,
          history: UndoHistory) -> Action | None:
    segments = t.segments
    row = rng.randrange(len(segments))
    seg = segments[row]
    if kind == "type":
        text = t.segments[typing_row].text
        at = rng.randint(0, len(text))
        if text and rng.random() < 0.3:
            return ["set_text", typing_row, text[:max(0, at - 1)] + text[at:]]
        return ["set_text", typing_row, text[:at] + rng.choice(_LETTERS) + text[at:]]
    if kind == "replace":
        word = rng.choice([w for s in segments[:40] for w in s.text.split()[:3]] or ["the"])
        spans = []
        whole_token = re.compile(rf"(?<!\S){re.escape(word)}(?!\S)")   # the tokens equal to *word*, found in C
        for r, s in enumerate(segments):
            for found in whole_token.finditer(s.text):
                spans.append([r, found.start(), found.end(), rng.choice(_NEW_WORDS)])
        return ["replace_spans", spans] if spans else None
    if kind == "split":
        tokens = tokenize(seg.text)
        if len(tokens) < 2:
            return None
        return ["split", row, tokens[rng.randrange(1, len(tokens))][0], None]
    if kind == "merge":
        return ["merge_with_next", row] if row + 1 < len(segments) else None
    if kind == "mark":
        tokens = tokenize(seg.text)
        if not tokens or rng.random() < 0.3:
            at = tokens[rng.randrange(len(tokens))][0] if tokens else 0
            return ["add_mark", row, rng.choice(["inaudible", "crosstalk"]), at, at, None]
        i = rng.randrange(len(tokens))
        j = min(len(tokens) - 1, i + rng.randrange(3))
        return ["add_mark", row, rng.choice([k.value for k in MarkKind]), tokens[i][0], tokens[j][1],
                rng.choice([None, 1000 * rng.randrange(900)])]
    if kind == "unmark":
        return ["remove_mark", row, rng.randrange(len(seg.marks))] if seg.marks else None
    if kind == "status":
        status = rng.choice(["approved", "flagged", "unreviewed"])
        return ["set_status", row, status, "Reviewer", f"2024-05-0{rng.randint(1, 9)}T10:00:00+00:00"]
    if kind == "speaker":
        return ["set_speaker", row, rng.choice(list(t.speakers))]
    if kind == "rename":
        return ["rename_speaker", rng.choice(list(t.speakers)), rng.choice(_NAMES)]
    if kind == "add_speaker":
        return ["add_speaker", rng.choice(_NAMES), t.new_speaker_id()] if len(t.speakers) < 8 else None
    if kind == "start":
        if seg.start_ms is None:
            return None
        return ["set_start", row, max(0, seg.start_ms + rng.randint(-800, 800))]
    if kind == "ignore":         # the producer says a passage the audio doubts is right
        tokens = tokenize(seg.text)
        if not tokens:
            return None
        i = rng.randrange(len(tokens))
        j = min(len(tokens) - 1, i + rng.randrange(2))
        return ["ignore_passages", row, [[tokens[i][0], tokens[j][1]]]]
    if kind == "unignore":
        return ["unignore_passages", row, rng.randrange(len(seg.ignored))] if seg.ignored else None
    if kind == "revert":
        return ["revert_to_original", row] if seg.is_changed else None
    if kind == "undo":
        return ["undo"] if history.undo else None
    if kind == "redo":
        return ["redo"] if history.redo else None
    raise AssertionError(kind)


def save_script(script: list[Action], path: str | Path) -> None:
    Path(path).write_text("".join(json.dumps(action) + "\n" for action in script), encoding="utf-8")


def load_script(path: str | Path) -> list[Action]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line]


def kill_driver_after(project_path: Path, script_path: Path, seq: int, pause_ms: int = 200) -> None:
    """Run *script_path* on *project_path* through :mod:`edit_driver` in a subprocess and SIGKILL it
    as soon as it reports edit *seq* journaled (the next edit may have got in too)."""
    driver = subprocess.Popen([sys.executable, str(Path(__file__).with_name("edit_driver.py")), str(project_path),
                               str(script_path), "--pause-ms", str(pause_ms)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=Path(__file__).resolve().parents[2])
    assert driver.stdout is not None and driver.stderr is not None
    try:
        assert driver.stdout.readline().strip() == b"ready", driver.stderr.read().decode()
        while (line := driver.stdout.readline()) and line.split() != [b"seq", str(seq).encode()]:
            assert line, driver.stderr.read().decode()
        driver.send_signal(signal.SIGKILL)
    finally:
        driver.wait(30)
