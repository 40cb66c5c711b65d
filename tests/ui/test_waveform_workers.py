"""Background work for the waveform: peaks with progress, and alignment applied as results arrive."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import timing_audio  # noqa: E402

from editor.core.transcript import Transcript, WordTiming  # noqa: E402
from editor.ui.document.transcript_model import TranscriptModel  # noqa: E402
from editor.ui.timing.alignment_runner import AlignmentRunner  # noqa: E402
from editor.ui.timing.waveform_loader import PeaksLoader  # noqa: E402


def _episode(tmp_path: Path, turns: int = 4):
    audio, segments, position = timing_audio.spoken_turns(turns, seed=2, words_per=(5, 8), start_early_ms=150)
    wav = timing_audio.write_wav(tmp_path / "episode.wav", audio)
    return timing_audio.encode(wav, tmp_path / "episode.mp3", "-b:a", "64k"), Transcript(segments=segments), position


def test_peaks_load_in_background_with_progress_and_cache(qtbot, tmp_path):
    mp3, _, duration = _episode(tmp_path, turns=2)
    loader = PeaksLoader()
    progress = []
    loader.progressed.connect(progress.append)
    with qtbot.waitSignal(loader.loaded, timeout=20_000) as blocker:
        loader.load(str(mp3), str(tmp_path / "show.tep.json"))
    assert abs(blocker.args[0].duration_ms - duration) < 100 and progress[-1] == 1.0
    assert (tmp_path / "show.tep.json.peaks.npz").exists()
    with qtbot.waitSignal(loader.loaded, timeout=5_000):  # from the cache this time
        loader.load(str(mp3), str(tmp_path / "show.tep.json"))


def test_peaks_of_a_bad_file_report_an_error(qtbot, tmp_path):
    bad = tmp_path / "notes.mp3"
    bad.write_text("not audio at all\n" * 50)
    loader = PeaksLoader()
    with qtbot.waitSignal(loader.failed, timeout=10_000) as blocker:
        loader.load(str(bad), str(tmp_path / "p.tep.json"))
    assert "notes.mp3" in blocker.args[0]


def _held_once_it_has_reported(monkeypatch):
    """The real peaks load, held on its thread right after its first report (a progress, or the error it
    raises) until the test lets it go on: that report is posted to the GUI thread, not yet delivered.
    Returns (reported, go_on) events."""
    import threading

    from editor.audio import peaks

    real = peaks.load_or_compute
    reported, go_on = threading.Event(), threading.Event()

    def hold() -> None:
        if not reported.is_set():
            reported.set()
            go_on.wait(60)

    def held(audio_path, cache_path, progress, cancelled):
        def report(fraction: float) -> None:
            progress(fraction)
            hold()
        try:
            return real(audio_path, cache_path, report, cancelled)
        except Exception:
            hold()
            raise

    monkeypatch.setattr(peaks, "load_or_compute", held)
    return reported, go_on


def test_a_cancelled_peaks_load_says_nothing_more(qtbot, tmp_path, monkeypatch):
    """cancel() waits for the load's thread, but what it posted before (its progress, its failure) is
    delivered after: a strip cleared for a transcript without audio showed that progress (made whole
    again, "Computing waveform… 3%" for good) or another file's error."""
    mp3, _, _duration = _episode(tmp_path, turns=2)
    bad = tmp_path / "notes.mp3"
    bad.write_text("not audio at all\n" * 50)
    for audio in (mp3, bad):
        reported, go_on = _held_once_it_has_reported(monkeypatch)
        loader = PeaksLoader()
        said = []
        for signal in (loader.progressed, loader.loaded, loader.failed):
            signal.connect(said.append)
        loader.load(str(audio), str(tmp_path / f"{audio.name}.tep.json"))
        assert reported.wait(60)       # (a hang guard) posted; this thread has delivered nothing yet
        go_on.set()
        loader.cancel()
        QApplication.processEvents()
        assert said == [] and not loader.is_running()


def test_alignment_runner_applies_results_through_the_model(qtbot, tmp_path):
    from editor.align.batch import plan_jobs  # what the runner plans its work with
    mp3, transcript, duration = _episode(tmp_path)
    model = TranscriptModel(transcript)
    runner = AlignmentRunner(model)
    runner.set_duration(duration)
    assert len(plan_jobs(transcript.segments, duration)) == len(transcript.segments)   # every turn to align
    rows, changed = [], []
    runner.segment_aligned.connect(rows.append)
    model.dataChanged.connect(lambda top, bottom, roles=(): changed.append(top.row()))
    with qtbot.waitSignal(runner.finished, timeout=60_000) as blocker:
        assert runner.start(str(mp3))
    assert blocker.args == [True]
    assert sorted(rows) == list(range(len(transcript.segments))) and set(rows) <= set(changed)
    assert all(s.word_timing == WordTiming.ALIGNED for s in transcript.segments)
    assert plan_jobs(transcript.segments, duration) == []   # saved: never runs twice
    rows.clear()
    with qtbot.waitSignal(runner.finished, timeout=10_000) as blocker:
        assert runner.start(str(mp3))     # planned on the worker thread: finds nothing to do
    assert blocker.args == [True] and rows == []
    assert not runner.start(str(mp3), rows=[])


def test_alignment_jobs_are_planned_off_the_gui_thread(qtbot, tmp_path, monkeypatch):
    import threading

    from editor.ui.timing import alignment_runner

    mp3, transcript, duration = _episode(tmp_path, turns=2)
    planned_on, real_plan = [], alignment_runner.plan_jobs

    def recording_plan(*args, **kwargs):
        planned_on.append(threading.current_thread() is threading.main_thread())
        return real_plan(*args, **kwargs)

    monkeypatch.setattr(alignment_runner, "plan_jobs", recording_plan)
    runner = AlignmentRunner(TranscriptModel(transcript))
    runner.set_duration(duration)
    progress = []
    runner.progressed.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(runner.finished, timeout=60_000):
        assert runner.start(str(mp3))
    assert planned_on == [False]
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)   # the total is known once planned


def test_a_finished_posted_before_cancel_is_ignored(qtbot, tmp_path):
    mp3, transcript, duration = _episode(tmp_path, turns=2)
    model = TranscriptModel(transcript)
    runner = AlignmentRunner(model)
    runner.set_duration(duration)
    finished, aligned = [], []
    runner.finished.connect(finished.append)
    runner.segment_aligned.connect(aligned.append)
    with qtbot.waitSignal(runner.segment_aligned, timeout=60_000):
        runner.start(str(mp3))
    # cancel() waits for the thread: its `finished` (and any last result) is posted, not yet delivered
    runner.cancel()
    seen = len(aligned)
    QApplication.processEvents()  # deliver what the stopped thread posted
    assert finished == [False] and not runner.is_running()
    assert len(aligned) == seen   # nothing from the cancelled run lands after cancel
    with qtbot.waitSignal(runner.finished, timeout=60_000) as blocker:   # and the runner still works
        assert runner.resync(str(mp3), 0)
    assert blocker.args == [True] and finished == [False, True]


def test_resync_one_edited_turn_and_cancel(qtbot, tmp_path):
    mp3, transcript, duration = _episode(tmp_path)
    model = TranscriptModel(transcript)
    runner = AlignmentRunner(model)
    runner.set_duration(duration)
    with qtbot.waitSignal(runner.segment_aligned, timeout=30_000) as blocker:
        assert runner.resync(str(mp3), 2)
    assert blocker.args == [2] and transcript.segments[2].word_timing == WordTiming.ALIGNED
    qtbot.waitUntil(lambda: not runner.is_running(), timeout=10_000)
    with qtbot.waitSignal(runner.finished, timeout=10_000) as blocker:
        runner.start(str(mp3))
        runner.cancel()
    assert blocker.args == [False] and not runner.is_running()


def test_turn_resyncer_aligns_one_turn_and_a_cancelled_one_lands_nowhere(qtbot, tmp_path):
    from editor.ui.timing.timing_parts import TurnResyncer

    mp3, transcript, duration = _episode(tmp_path, turns=2)
    resyncer = TurnResyncer(TranscriptModel(transcript))
    resyncer.set_duration(duration)
    finished, aligned = [], []
    resyncer.finished.connect(finished.append)
    resyncer.segment_aligned.connect(aligned.append)
    assert resyncer.resync(str(mp3), 1)
    resyncer.cancel()                     # the thread may have aligned and posted already
    QApplication.processEvents()          # deliver what it posted
    assert finished == [False] and aligned == [] and transcript.segments[1].word_timing == WordTiming.NONE
    with qtbot.waitSignal(resyncer.finished, timeout=30_000) as blocker:
        assert resyncer.resync(str(mp3), 1)
    assert blocker.args == [True] and aligned == [1]
    assert transcript.segments[1].word_timing == WordTiming.ALIGNED
