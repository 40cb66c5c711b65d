"""TranscriptModel, row geometry and word spans: the window's data layer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from editor.core.transcript import Segment, Speaker, Transcript, Word
from editor.settings import Key, Settings
from editor.ui.document.row_geometry import RowGeometry
from editor.ui.document.transcript_model import Role, TranscriptModel
from editor.ui.document.word_spans import word_spans


def make_transcript() -> Transcript:
    t = Transcript()
    t.speakers = {"a": Speaker("a", "Wren Halloway"), "b": Speaker("b", "Piet Ossendrijver")}
    t.segments = [
        Segment("s1", 0, 4000, "Morning tide brings the skiffs home", "a"),
        Segment("s2", 4000, 9000, "Nets mended twice before the gale", "b",
                words=[Word("Nets", 4000, 4400), Word("mended", 4400, 5000), Word("twice", 5000, 5600),
                       Word("before", 6000, 6600), Word("the", 6600, 6800), Word("gale", 6800, 7400)]),
        Segment("s3", 9000, 12000, "Lanterns along the breakwater", "a"),
    ]
    return t


def test_model_passes_qt_model_tester(qtmodeltester):
    model = TranscriptModel(make_transcript())
    qtmodeltester.check(model, force_py=True)


def test_model_wraps_the_transcript_without_copying():
    transcript = make_transcript()
    model = TranscriptModel(transcript)
    assert model.data(model.index(1), Role.SEGMENT) is transcript.segments[1]
    assert model.data(model.index(1), Role.SPEAKER_NAME) == "Piet Ossendrijver"
    assert model.data(model.index(2), Role.START) == 9000


def test_current_highlight_signals_only_changed_rows(qtbot):
    model = TranscriptModel(make_transcript())
    seen = []
    model.dataChanged.connect(lambda a, b, roles: seen.append((a.row(), b.row())))
    assert model.update_current_from_time(5100) == (1, 2)   # imported word times: "twice"
    assert seen == [(1, 1)]
    seen.clear()
    model.update_current_from_time(5200)   # same word: nothing to repaint
    assert seen == []
    model.update_current_from_time(9500)
    assert sorted(seen) == [(1, 1), (2, 2)]
    assert model.data(model.index(2), Role.CURRENT) is True
    assert model.data(model.index(1), Role.CURRENT) is False


def test_set_text_goes_through_core_ops_and_undoes(qtbot):
    transcript = make_transcript()
    model = TranscriptModel(transcript)
    with qtbot.waitSignal(model.dataChanged) as blocker:
        undo = model.set_text(1, "Nets mended thrice before the gale")
    assert blocker.args[0].row() == 1
    assert transcript.segments[1].text == "Nets mended thrice before the gale"
    assert transcript.segments[1].words[0].start_ms == 4000   # unchanged words keep their times
    assert model.data(model.index(1), Role.CHANGED) is True
    model.run(undo)
    assert transcript.segments[1].text == "Nets mended twice before the gale"



def test_a_text_edit_names_its_roles_and_the_tally_skips_it(qtbot):
    """A replace (text, words, marks) tells the roles it changed, so what follows statuses and
    times (the review tally) skips it; an edit of anything else is told without roles."""
    from editor.core import ops
    from editor.core.transcript import ReviewStatus
    from editor.ui.document.transcript_model import TEXT_EDIT_ROLES
    from editor.ui.review.progress_tally import ReviewTally
    transcript = make_transcript()
    model = TranscriptModel(transcript)
    tally = ReviewTally(model)
    told, counted = [], []
    model.dataChanged.connect(lambda top, bottom, roles: told.append((top.row(), bottom.row(), list(roles))))
    tally.changed.connect(lambda: counted.append(tally.counts()))
    model.run(ops.replace_spans(transcript, [(0, 0, 7, "Evening"), (2, 0, 8, "Lamps")]))
    assert told == [(0, 0, TEXT_EDIT_ROLES), (2, 2, TEXT_EDIT_ROLES)] and counted == []
    told.clear()
    model.run(ops.set_status(transcript, 2, ReviewStatus.APPROVED))
    assert told == [(2, 2, [])]
    assert counted == [(1, 0, 3, 3000, 12000)]

def test_rename_speaker_and_split_merge_emit_row_signals(qtbot):
    transcript = make_transcript()
    model = TranscriptModel(transcript)
    with qtbot.waitSignal(model.speakers_changed):
        model.rename_speaker("a", "Wren Holloway")
    assert model.data(model.index(2), Role.SPEAKER_NAME) == "Wren Holloway"
    with qtbot.waitSignal(model.rowsInserted):
        undo = model.split(0, len("Morning tide "), 2000)
    assert model.rowCount() == 4
    assert transcript.segments[1].text.startswith("brings")
    with qtbot.waitSignal(model.rowsRemoved):
        model.run(undo)
    assert model.rowCount() == 3
    assert model.row_at_time(9100) == 2   # start-time index rebuilt after rows moved


def test_word_spans_estimate_times_by_position_without_word_times():
    segment = Segment("x", 10_000, 20_000, "one two three four")
    spans = word_spans(segment)
    assert spans.spans[2] == (8, 13)
    assert spans.starts[0] == 10_000
    assert 10_000 < spans.starts[2] < spans.starts[3] < 20_000
    assert spans.word_at_time(spans.starts[2] + 1) == 2
    assert spans.word_at_char(9) == 2


def test_row_geometry_estimates_then_exact_heights():
    geometry = RowGeometry()
    geometry.reset([50, 60, 70])
    assert geometry.total() == 180 and geometry.row_at(55) == 1
    assert geometry.set_height(1, 80) == 20
    assert geometry.top(2) == 130 and geometry.is_exact(1)
    geometry.insert(1, [10])
    assert geometry.top(2) == 60 and len(geometry) == 4
    geometry.remove(0, 2)
    assert [geometry.top(row) for row in range(len(geometry) + 1)] == [0, 80, 150]


def test_settings_defaults_types_and_recent_files(isolated_settings):
    settings = Settings()
    assert settings.get(Key.SKIP_MS) == 5000
    assert settings.get(Key.AUTO_REWIND_MS) == 1000
    assert settings.get(Key.PAUSE_WHILE_TYPING) is False
    settings.set(Key.PAUSE_WHILE_TYPING, True)
    settings.set(Key.SKIP_MS, 7000)
    for n in range(12):
        settings.add_recent_file(f"/tmp/episode{n}.srt")
    settings.sync()
    again = Settings()
    assert again.get(Key.PAUSE_WHILE_TYPING) is True
    assert again.get(Key.SKIP_MS) == 7000
    assert again.recent_files()[0] == "/tmp/episode11.srt" and len(again.recent_files()) == 10
    assert isolated_settings.exists()


def _long_transcript(turns: int) -> Transcript:
    t = Transcript()
    t.speakers = {"a": Speaker("a", "Wren Halloway")}
    t.segments = [Segment(f"s{i}", i * 1000, i * 1000 + 900, f"Turn number {i}", "a") for i in range(turns)]
    return t


def test_row_at_time_right_after_time_edits_splits_and_undo(qtbot):
    from editor.ui.document import transcript_model
    model = TranscriptModel(_long_transcript(3 * transcript_model.STARTS_SLICE // 2))
    # Before the index is built (it builds in slices when idle) and after: the same answers.
    assert model.row_at_time(25_500_000) == 25_500 and model.row_at_time(-1) == -1
    qtbot.waitUntil(lambda: model._starts.complete)
    undo_start = model.set_start(25_500, 25_499_950)
    assert model.row_at_time(25_499_960) == 25_500 and model.row_at_time(25_499_940) == 25_499
    undo_split = model.split(100, len("Turn "), 100_500)
    assert model.row_at_time(100_600) == 101 and model.row_at_time(25_499_960) == 25_501
    model.run(undo_split)
    assert model.row_at_time(100_600) == 100 and model.row_at_time(25_499_960) == 25_500
    model.run(undo_start)
    assert model.row_at_time(25_499_960) == 25_499
    qtbot.waitUntil(lambda: model._starts.complete)
    assert model.row_at_time(29_999_999) == 29_999


def test_a_shift_of_times_is_told_as_one_run_of_rows_with_its_roles_and_texts_stay(qtbot):
    """Shift Times in every turn from one on: one dataChanged over the run, naming the times it changed, so
    what follows texts and statuses (suspects, turn heights) skips it; its undo and redo alike."""
    from editor.core import ops
    from editor.ui.document.transcript_model import TIME_EDIT_ROLES
    from editor.ui.review.progress_tally import ReviewTally
    transcript = make_transcript()
    model = TranscriptModel(transcript)
    tally = ReviewTally(model)
    told = []
    model.dataChanged.connect(lambda top, bottom, roles: told.append((top.row(), bottom.row(), list(roles))))
    texts = [segment.text for segment in transcript.segments]
    undo = model.run(ops.shift_times(transcript, 2_500, 1).op)
    assert [(s.start_ms, s.end_ms) for s in transcript.segments] == [(0, 4000), (6500, 11500), (11500, 14500)]
    assert [w.start_ms for w in transcript.segments[1].words][:2] == [6500, 6900]
    redo = model.run(undo)
    model.run(redo)
    assert told == [(1, 2, TIME_EDIT_ROLES)] * 3
    assert [segment.text for segment in transcript.segments] == texts
    assert tally.counts()[-1] == 12000


def test_a_setting_changed_is_written_a_moment_later_not_on_the_event_loop_s_next_turn(isolated_settings, qtbot):
    """Opening a file records it among the recent ones: its write (two flushes to disk) waits until
    after the transcript's first paint. The value itself is there at once."""
    from PySide6.QtCore import QCoreApplication

    settings = Settings()
    settings.set(Key.SKIP_MS, 7000)
    settings.add_recent_file("/tmp/episode.srt")
    QCoreApplication.processEvents()   # the turn on which QSettings writes its file
    assert settings.get(Key.SKIP_MS) == 7000
    assert "7000" not in (isolated_settings.read_text() if isolated_settings.exists() else "")
    qtbot.waitUntil(lambda: isolated_settings.exists() and "7000" in isolated_settings.read_text()
                    and "episode.srt" in isolated_settings.read_text(), timeout=10_000)


def test_settings_changed_just_before_the_application_quits_are_written(tmp_path):
    script = ("import sys\nfrom PySide6.QtCore import QTimer\nfrom PySide6.QtWidgets import QApplication\n"
              "from editor.settings import Key, Settings\napp = QApplication([])\nsettings = Settings()\n"
              "def change():\n    settings.set(Key.SKIP_MS, 7000)\n    app.quit()\n"
              "QTimer.singleShot(0, change)\napp.exec()\nprint(settings.get(Key.SKIP_MS))\n"
              "import os\nos._exit(0)\n")   # no destructor left to write it: the quit did
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TRANSCRIPT_EDITOR_SETTINGS=str(tmp_path / "s.ini"),
               PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "7000", done.stderr[-2000:]
    assert "7000" in (tmp_path / "s.ini").read_text()
