"""The file named on the command line, read in a child process while Qt starts (editor.ui.files.preload):
the same transcript, the same errors as reading it in the window's process.

Each test runs a fresh interpreter: a process may fork only before Qt or another thread runs,
which a pytest process is past.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Two speakers, an inaudible mark, markup, a cue on two lines: merged into two turns.
SRT = ("1\n00:00:00,000 --> 00:00:02,000\nAna: Good morning and <i>welcome</i>.\n\n"
       "2\n00:00:02,000 --> 00:00:04,500\nToday the harbour [inaudible]\nmaster joins us\n\n"
       "3\n00:00:05,000 --> 00:00:07,000\nTom: Thanks for having me.\n\n"
       "4\n00:00:07,000 --> 00:00:09,000\nThe pier opens in June.\n")

COMPARE = r"""
import json, os, sys
from editor.ui.files import preload
if len(sys.argv) > 2:   # the child dies before answering (killed, out of memory)
    preload._read_in_child = lambda path, answer_file: os._exit(int(sys.argv[2]))
from editor.core.transcript import Segment, is_recipe
from editor.formats import read_file
path = sys.argv[1]
assert preload.can_fork()
job = preload.ChildRead(path)   # what start() makes when a core is free

def outcome(read):
    try:
        result = read()
    except Exception as error:
        return {"error": [type(error).__name__, str(error), getattr(error, "line", None)]}
    segments = result.transcript.segments
    recipes = [is_recipe(Segment.stored_words.__get__(s)) for s in segments]
    return {"format": result.format, "warnings": result.warnings, "merged": result.merged_cues,
            "finished": result.finished_subtitles, "extra": result.extra, "recipes": recipes,
            "transcript": repr(result.transcript)}   # repr reads every field, words too

print("RESULT " + json.dumps({"child": outcome(job.result), "here": outcome(lambda: read_file(path))}))
"""


def _both_reads(path: Path, *extra: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.run([sys.executable, "-c", COMPARE, str(path), *extra], capture_output=True, text=True,
                           env=env, cwd=ROOT, timeout=60)
    lines = [line for line in child.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, child.stderr[-3000:]
    return json.loads(lines[-1][len("RESULT "):])


def test_a_caption_file_read_in_the_child_is_the_file_read_here(tmp_path):
    path = tmp_path / "episode.srt"
    path.write_text(SRT, encoding="utf-8")
    reads = _both_reads(path)
    assert "error" not in reads["child"], reads["child"]
    assert reads["child"] == reads["here"]
    assert reads["child"]["merged"] == 4 and reads["child"]["recipes"] == [True, True]   # words made later


def test_a_file_read_with_a_warning_in_the_child_is_the_file_read_here(tmp_path):
    path = tmp_path / "episode.vtt.srt"   # named for one format, holding another: a warning says so
    path.write_text("WEBVTT\n\n00:00.000 --> 00:02.000\n<v Ana>Hello there.\n", encoding="utf-8")
    reads = _both_reads(path)
    assert reads["child"] == reads["here"]
    assert reads["child"]["warnings"], reads["child"]


def test_a_broken_file_gives_the_same_error_naming_file_and_line(tmp_path):
    path = tmp_path / "broken.tep.json"
    path.write_text('{"format": "transcript-editor-project",\n "version": 1,\n "segments": [1,\n}', encoding="utf-8")
    reads = _both_reads(path)
    assert reads["child"] == reads["here"]
    kind, message, line = reads["child"]["error"]
    assert kind == "TranscriptError" and message.startswith(f"{path}, line 4: ") and line == 4


def test_a_child_that_dies_without_answering_leaves_the_read_to_the_window_process(tmp_path):
    path = tmp_path / "episode.srt"
    path.write_text(SRT, encoding="utf-8")
    reads = _both_reads(path, "9")
    assert "error" not in reads["child"], reads["child"]
    assert reads["child"] == reads["here"]
    broken = tmp_path / "broken.srt"
    broken.write_text("1\n00:00:01,000 --> 00:00:02,000\n\n", encoding="utf-8")   # no cue has text
    reads = _both_reads(broken, "0")
    assert reads["child"] == reads["here"]
    assert reads["child"]["error"][1] == f"{broken}, line 1: no subtitle cues found"


WINDOW = r"""
import json, os, sys
from editor.ui.app import start
from editor.ui.files import preload
preload.core_to_spare = lambda: os.environ["CORE_TO_SPARE"] == "1"   # however busy the machine running the test is
started = preload.start
seen = {}

def start_read(*args, **kwargs):
    seen["qt_loaded"] = "PySide6.QtCore" in sys.modules
    job = started(*args, **kwargs)
    seen["read"] = type(job).__name__
    return job

preload.start = start_read
app, window, options = start(sys.argv[1:])   # as `transcript-editor FILE` does: nothing of Qt loaded before
from PySide6.QtCore import QTimer

def inspect():
    seen.update(rows=window.model.rowCount(), path=window.windowFilePath(),
                first=window.model.transcript.segments[0].text)
    window.close()
    app.quit()

QTimer.singleShot(1500, inspect)
app.exec()
print("RESULT " + json.dumps(seen))
"""


# A read on a thread starts once PySide is loaded: shiboken's first import walks sys.modules in
# Python, and a module the read's thread imported meanwhile ended the process at start-up, now and
# then, on a busy machine. The child's read starts before Qt loads.
@pytest.mark.parametrize(("core_to_spare", "read", "qt_loaded"), [(True, "ChildRead", False), (False, "Preload", True)])
def test_the_window_opens_the_file_read_while_it_starts(tmp_path, core_to_spare, read, qt_loaded):
    path = tmp_path / "episode.srt"
    path.write_text(SRT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               TRANSCRIPT_EDITOR_SETTINGS=str(tmp_path / "s.ini"), CORE_TO_SPARE="1" if core_to_spare else "0")
    child = subprocess.run([sys.executable, "-c", WINDOW, str(path)], capture_output=True, text=True, env=env,
                           cwd=ROOT, timeout=120)
    lines = [line for line in child.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, child.stderr[-3000:]
    assert json.loads(lines[-1][len("RESULT "):]) == {
        "read": read, "qt_loaded": qt_loaded, "rows": 2, "path": str(path),
        "first": "Good morning and welcome. Today the harbour [inaudible] master joins us"}


def test_the_layers_imported_before_qt_do_not_import_qt():
    script = ("import sys\nfrom editor.ui.app import import_qt_free_layers\n"
              "import_qt_free_layers(with_file=True, with_readers=True)\n"
              "print('RESULT', sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'vlc'))))")
    child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60,
                           env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert child.stdout.strip() == "RESULT []", child.stderr[-3000:]


def test_a_busy_machine_reads_on_a_thread(tmp_path, monkeypatch):
    from editor.ui.files import preload
    path = tmp_path / "episode.srt"
    path.write_text(SRT, encoding="utf-8")
    monkeypatch.setattr(preload, "core_to_spare", lambda: False)   # the child's extra work would only add
    job = preload.start(str(path))
    assert isinstance(job, preload.Preload)
    assert len(job.result().transcript.segments) == 2


HOOK_ORDER = r"""
import builtins, json, sys, threading
from editor.ui import process_tuning
from editor.ui.app import start
from editor.ui.files import preload
preload.core_to_spare = lambda: False   # a busy machine: the read on a thread
events = []
drop, started = process_tuning.drop_feature_import_hook, preload.start

def dropping():
    events.append(("hook given back", sorted(t.name for t in threading.enumerate())))
    drop()

def start_read(*args, **kwargs):
    events.append(("read started", sorted(t.name for t in threading.enumerate())))
    return started(*args, **kwargs)

process_tuning.drop_feature_import_hook, preload.start = dropping, start_read
app, window, options = start(sys.argv[1:])
from PySide6.QtCore import QTimer

def inspect():
    events.append(("hook in place", builtins.__import__ is builtins.__feature_import__))
    events.append(("rows", window.model.rowCount()))
    window.close()
    app.quit()

QTimer.singleShot(0, inspect)
app.exec()
print("RESULT " + json.dumps(events))
"""


# PySide's import hook is given back with no other thread running: while the read's thread was importing,
# shiboken's hooks could be found swapped at that moment (about one start in four), the hook was then not
# given back, and each module of the window was read from its source file for the word "PySide6".
def test_a_read_on_a_thread_starts_once_pysides_import_hook_is_given_back(tmp_path):
    path = tmp_path / "episode.srt"
    path.write_text(SRT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               TRANSCRIPT_EDITOR_SETTINGS=str(tmp_path / "s.ini"))
    child = subprocess.run([sys.executable, "-c", HOOK_ORDER, str(path)], capture_output=True, text=True, env=env,
                           cwd=ROOT, timeout=120)
    lines = [line for line in child.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, child.stderr[-3000:]
    assert [tuple(event) for event in json.loads(lines[-1][len("RESULT "):])] == [
        ("hook given back", ["MainThread"]), ("read started", ["MainThread"]), ("hook in place", False), ("rows", 2)]
