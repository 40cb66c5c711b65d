"""The window while it hears the mistakes: how long the GUI thread stalls during the background work.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_hearing_window.py [--repeat N]``.

The evaluation episode of ``hearing_material`` (every kind of recognizer error, espeak-ng audio
saying the right words; *--repeat* times over) is written as an SRT with its WAV, and the real
MainWindow opens it as a producer would, with the episode's names in the show's glossary. Then,
phase by phase, until each is done:

0. opening: the first second after the open (the window's first paint of the episode), apart;
1. alignment: word times for every turn (two worker processes);
2. listening: suspects of every turn, and the glossary suggestions checked against the audio;
3. Correct Everywhere: the dialog opened on a misheard name (its build and first paints, apart),
   its candidates checked against the audio;
4. a typed correction checked against the audio, and a suspect's turn checked again after an edit
   (the edit itself counted as the phase's first gap).

A 1 ms ``QTimer`` on the GUI thread records every gap between its ticks: a gap is how long the
window could not react (a key press, a repaint). A sampling thread looks at the GUI thread's
stack whenever a tick is late by more than a few milliseconds, so each long stall is printed
with what ran during it. On a shared, loaded machine a gap is also time the OS gave other
processes, so each gap is told apart by CPU time: the GUI thread's own (its own work), the
window's other threads' (they held the GIL it waited for), or neither (preempted).
Target: longest stall <= 16 ms during the background work.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
import traceback
from collections import Counter
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE))
sys.path.insert(0, str(_HERE.parents[1]))
from window_bench import private_environment, wait_until  # noqa: E402

TICK_MS = 1
LATE_MS = 4          # a tick this late has the sampler look at what the GUI thread is doing
TARGET_MS = 16
OWN_MS = 8           # a gap with this much of the GUI thread's own CPU is its own work
OPENING_S = 1.0      # how long after an open its own first repaints are listed apart
DIALOG_OPENING_S = 0.2   # how long after a dialog's first paint the repaints its opening caused are its own


class Watchdog:
    """Gaps between the ticks of a 1 ms GUI timer, and what the GUI thread ran during the long ones."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer
        self.timer = QTimer(interval=TICK_MS, timerType=Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        # (ms, GUI thread's CPU ms, what ran during it, seconds into the phase when it ended,
        #  CPU ms of the window's other threads)
        self.gaps: list[tuple[float, float, str, float, float]] = []
        self._last = 0.0
        self._cpu = 0.0
        self._process_cpu = 0.0
        self._samples: list[str] = []
        self._lock = threading.Lock()
        self._gui = threading.get_ident()
        self._gui_native = threading.get_native_id()
        self._sampler_native = 0
        self._running = False
        self._sampler: threading.Thread | None = None
        # Each thread's CPU (ns) when the sampler first and last saw the current gap late: who ran in it.
        self._gap_cpu: tuple[dict[int, int], dict[int, int]] | None = None

    def start(self) -> None:
        self.gaps = []
        self._samples = []
        self._running = True
        self._last = time.perf_counter()
        # Started before the clock starts: Thread.start() waits until the thread runs (under load, tens
        # of ms of the bench's own, not the window's).
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()
        with self._lock:
            self._started = self._last = time.perf_counter()
            self._samples = []
        self._cpu = time.thread_time()
        self._process_cpu = time.process_time()
        self.timer.start()

    def stop(self) -> None:
        self._tick()
        self.timer.stop()
        self._running = False
        if self._sampler is not None:
            self._sampler.join()

    def _tick(self) -> None:
        now, cpu, process_cpu = time.perf_counter(), time.thread_time(), time.process_time()
        with self._lock:
            samples, self._samples = self._samples, []
            gap = (now - self._last) * 1000
            self._last = now
            threads_cpu, self._gap_cpu = self._gap_cpu, None
        own = (cpu - self._cpu) * 1000
        others = max(0.0, (process_cpu - self._process_cpu) * 1000 - own)
        # What ran: the two stacks seen most often during the gap.
        seen = " | ".join(f"{where} (x{n})" for where, n in Counter(samples).most_common(2)) if samples else ""
        if threads_cpu is not None and gap > TARGET_MS:
            seen += _busiest_threads(*threads_cpu, {self._gui_native, self._sampler_native})
        self.gaps.append((gap, own, seen, now - self._started, others))
        self._cpu, self._process_cpu = cpu, process_cpu

    def _sample(self) -> None:
        self._sampler_native = threading.get_native_id()
        while self._running:
            time.sleep(0.001)
            with self._lock:
                since = self._last
                late = (time.perf_counter() - since) * 1000 > LATE_MS
            if not late:
                continue
            cpu = _threads_cpu()
            with self._lock:
                if self._last == since:
                    self._gap_cpu = (self._gap_cpu[0] if self._gap_cpu else cpu, cpu)
            frames = sys._current_frames()
            frame = frames.get(self._gui)
            if frame is None:
                continue
            where = _where(traceback.extract_stack(frame))
            # Another thread holding the GIL keeps the GUI thread waiting: name the others at work.
            others = sorted({_where(traceback.extract_stack(f)) for ident, f in frames.items()
                             if ident not in (self._gui, threading.get_ident())
                             and any("/editor/" in x.filename for x in traceback.extract_stack(f))})
            if others:
                where += "  || other threads: " + " ; ".join(others)
            with self._lock:
                if self._last == since:      # still the same gap (not one that ended while the stack was read)
                    self._samples.append(where)


def _threads_cpu() -> dict[int, int]:
    """Every thread of this process: its CPU time so far (ns), from /proc (Linux; {} elsewhere)."""
    found = {}
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return found
    for task in tasks:
        try:
            with open(f"/proc/self/task/{task}/schedstat") as stat:
                found[int(task)] = int(stat.read().split()[0])
        except (OSError, ValueError, IndexError):
            continue
    return found


def _busiest_threads(first: dict[int, int], last: dict[int, int], skip: set[int]) -> str:
    """The window's other threads that used the most CPU between two readings (a late gap's):
    who held the GIL, or ran beside the GUI thread, while it could not tick."""
    names = {t.native_id: t.name for t in threading.enumerate()}
    used = sorted(((last[t] - first.get(t, last[t])) / 1e6, t) for t in last if t not in skip)
    busy = [(ms, t) for ms, t in reversed(used) if ms >= 0.5][:3]
    if not busy:
        return ""

    def name(tid: int) -> str:
        if tid in names:
            return names[tid]
        try:
            with open(f"/proc/self/task/{tid}/comm") as comm:
                return comm.read().strip()
        except OSError:
            return str(tid)

    return "  || CPU in the gap: " + ", ".join(f"{name(t)} {ms:.1f} ms" for ms, t in busy)


def _where(stack) -> str:
    """The innermost frames of the app's own code (what a stall is blamed on)."""
    ours = [f for f in stack if "/editor/" in f.filename]
    if not ours and stack and stack[-1].name == "wait_until":
        return "(in Qt's event loop: painting, layout, or waiting for the GIL)"
    chain = ours[-3:] or stack[-3:]      # outside our code: the innermost frames, whosever they are
    return " < ".join(f"{f.filename.split('/editor/')[-1] if '/editor/' in f.filename else Path(f.filename).name}"
                      f":{f.lineno} {f.name}" for f in reversed(chain))


def prepare(repeat: int, private: Path):
    """The episode's SRT and WAV in *private*, and the episode."""
    import hearing_material
    episode = hearing_material.episode(repeat=repeat)
    folder = private / "episode"
    folder.mkdir()
    wav = hearing_material.write_wav(folder / "episode.wav", episode.audio)
    srt = hearing_material.write_srt(folder / "episode.srt", episode.transcript)
    return srt, wav, episode


def warm_up(app, srt: Path) -> None:
    """Open the transcript once without its audio: the spelling word list is built and cached, as
    it is after a producer's first episode (the measured run is then an everyday open)."""
    from editor.ui.main_window import MainWindow
    window = MainWindow()
    window.show()
    assert window.open_path(str(srt))
    window.names.scan_now()
    wait_until(app, lambda: window.names.spelling.speller is not None and not window.names.is_scanning(), 120,
               "the warm-up")
    window.close()
    window.deleteLater()
    # Deleted now, not in the measured run: processEvents() outside an event loop leaves deferred deletes.
    from PySide6.QtCore import QCoreApplication, QEvent
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def run(app, srt: Path, wav: Path, episode) -> list:
    from editor.ui.main_window import MainWindow
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    dog = Watchdog()
    phases = []
    ready, heard = [], []
    window.timing.words_ready.connect(ready.append)
    window.hearing.message.connect(heard.append)

    def phase(name: str, done, timeout_s: float = 600.0, before=None) -> None:
        """Measure until *done()*; *before*: a gap the producer's action itself took (a call timed by
        :func:`timed`), counted first."""
        dog.start()
        seconds = wait_until(app, done, timeout_s, name)
        dog.stop()
        phases.append((name, seconds, ([before] if before else []) + dog.gaps))

    window.hearing.show_panel()     # the producer keeps the Suspects panel open
    app.processEvents()
    assert window.open_path(str(srt), str(wav))
    names = window.names.show_glossary
    for name in episode.names:
        names.glossary.add(name)
    names.scan_now()      # the glossary's scan (its panel made once it has suggestions to list)
    # The window's first turns after an open (its first paint of the turns and the waveform, the
    # recovery check) are the open's cost, whatever runs behind: listed apart from the alignment.
    opened_until = time.perf_counter() + OPENING_S
    phase("opening (first repaints; alignment starting)", lambda: time.perf_counter() > opened_until or bool(ready))
    phase("alignment (word times of every turn)", lambda: bool(ready))
    phase("suspects + glossary suggestions' audio verdicts",
          lambda: any(m.startswith("Audio checked") for m in heard) and not names.is_scanning()
          and names.suggestions is not None and not names.suggestions.is_checking_audio())
    wrong = episode.passages[0]
    opened, dialog = timed(lambda: window.names.correcting.correct_everywhere(wrong.wrong), "correct_everywhere()")
    painted = FirstPaint(dialog)
    # Opening the dialog (building it, its first layout and paint, and the main window's repaint as
    # it loses the focus to it, which comes before or after that paint) is a window's first paint,
    # as the episode's opening is: listed apart from the work it then has done in the background.
    phase("opening Correct Everywhere (build, first paints)",
          lambda: painted.seen and time.perf_counter() - painted.seen > DIALOG_OPENING_S, before=opened)
    dialog.right_edit.setText(wrong.right)
    phase("Correct Everywhere: candidates' audio verdicts",
          lambda: not dialog._timer.isActive() and not dialog.summary.text().startswith("Looking for")
          and not dialog.is_checking_audio() and bool(dialog.candidates))
    dialog.close()
    # A correction typed in a turn: the audio's word on it, and the turn's suspects checked again.
    passage = episode.passages[1]
    segments = window.model.transcript.segments
    text = segments[passage.index].text
    edited, _ = timed(lambda: window.model.set_text(passage.index, text[:passage.start] + passage.right
                                                    + text[passage.end:]), "the edit (model.set_text)")
    checked = window.hearing.store.checked
    segment_id = segments[passage.index].id
    phase("an edited turn checked again", lambda: checked.get(segment_id) == segments[passage.index].text,
          timeout_s=120, before=edited)
    # The noise floor: the same timer with none of our work running (other programs on this
    # shared machine, and the window's own timers, still take turns).
    idle_until = time.perf_counter() + 1.0
    phase("idle window (nothing of ours running)", lambda: time.perf_counter() > idle_until)
    window.project.discard_changes()
    window.close()
    window.deleteLater()
    app.processEvents()
    return phases


def timed(call, what: str):
    """``(gap, result)``: *call*'s result, and the gap it made as the watchdog records one."""
    wall, cpu, process_cpu = time.perf_counter(), time.thread_time(), time.process_time()
    result = call()
    own = (time.thread_time() - cpu) * 1000
    others = max(0.0, (time.process_time() - process_cpu) * 1000 - own)
    return ((time.perf_counter() - wall) * 1000, own, what, 0.0, others), result


class FirstPaint:
    """When *widget* was first painted (``seen``: 0 while it has not been)."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            def eventFilter(inner, watched, event):  # noqa: N805  (the outer self is the flag's owner)
                if event.type() == QEvent.Type.Paint and not self.seen:
                    self.seen = time.perf_counter()
                return False

        self.seen = 0.0     # when it was first painted (perf_counter seconds)
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def cause(gap: float, own: float, others: float) -> str:
    """Why the GUI thread could not tick for *gap* ms: its own work (*own* ms of its CPU), the
    window's other threads holding the GIL (*others* ms of their CPU), or the OS running other
    processes meanwhile (the passes' child processes, other programs on a shared machine)."""
    if own >= OWN_MS or own >= 0.5 * gap:
        return "own work"
    if others >= 0.5 * (gap - own):
        return "GIL: the window's threads"
    return "preempted"


def report(phases, turns: int, seconds_audio: float) -> None:
    print(f"Hearing the mistakes in the window: {turns} turns, {seconds_audio:.0f} s of audio, "
          f"GUI timer {TICK_MS} ms, {os.cpu_count()} CPUs, load avg {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print("longest: the longest gap between timer ticks (what a producer feels); busy: the most CPU the GUI thread")
    print("itself used in one gap (its own work); threads: the most CPU the window's other threads used in one")
    print("gap (they hold the GIL the GUI thread waits for); the rest of a gap the OS ran other processes.")
    print(f"own>16: gaps over {TARGET_MS} ms of the GUI thread's own work (>= {OWN_MS} ms CPU or half the gap)")
    print(f"{'phase':50} {'took s':>7} {'longest':>9} {'p99':>6} {'>16ms':>6} {'own>16':>6} {'busy':>8} "
          f"{'threads':>8}")
    everything = []

    def row(name, seconds, gaps, note=""):
        values = sorted(g for g, *_ in gaps)
        p99 = values[int(0.99 * (len(values) - 1))] if values else 0.0
        own_over = sum(g > TARGET_MS and cause(g, c, o) == "own work" for g, c, _, _, o, *_ in gaps)
        print(f"{name:50} {seconds:7.1f} {values[-1]:7.1f}ms {p99:5.1f} {sum(v > TARGET_MS for v in values):6} "
              f"{own_over:6} {max(c for _, c, *_ in gaps):6.1f}ms {max(gap[4] for gap in gaps):6.1f}ms{note}")

    for name, seconds, gaps in phases:
        if name.startswith("idle"):
            row(name, seconds, gaps, "   (the machine's noise floor)")
            continue
        if name.startswith("opening"):
            row(name, seconds, gaps, "   (a window's own first paint, listed apart)")
            continue
        row(name, seconds, gaps)
        everything += [(*gap, name.split(" (")[0].split(":")[0]) for gap in gaps]
    row("all background work", sum(s for n, s, _ in phases if not n.startswith(("idle", "opening"))), everything,
        f"   (target: longest <= {TARGET_MS} ms)")
    opening = [(*gap, name.split(" (")[0]) for name, _, gaps in phases if name.startswith("opening") for gap in gaps]

    def listing(title, gaps, key, count):
        print(title)
        for gap, cpu, where, at, others, *phase in sorted(gaps, key=key)[:count]:
            print(f"  {gap:6.1f} ms, GUI busy {cpu:5.1f} ms, threads {others:5.1f} ms = "
                  f"{cause(gap, cpu, others):25} {at:5.1f} s into {phase[0] if phase else 'opening'}: "
                  f"{where or '(not sampled)'}")

    listing("\nLongest stalls, why, and what the GUI thread ran during them:", everything, lambda g: -g[0], 8)
    listing("Longest own work of the GUI thread:", everything, lambda g: -g[1], 6)
    listing("The openings' longest own work (a window's first build and paint):", opening, lambda g: -g[1], 5)


def byte_compiled(private: Path) -> bool:
    """Where byte-code is not written (PYTHONDONTWRITEBYTECODE), every module the window imports on the
    GUI thread would be compiled from source there, as it never is in an installed app: compile the
    app's modules into a cache in *private* first (the passes' processes read it too). Whether it did."""
    if not sys.dont_write_bytecode:
        return False
    import compileall
    prefix = str(private / "pycache")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = prefix
    sys.dont_write_bytecode = False
    sys.pycache_prefix = prefix
    compileall.compile_dir(str(_HERE.parents[1] / "editor"), quiet=2)
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="the evaluation episode this many times over")
    parser.add_argument("--cold", action="store_true", help="no warm-up: the spelling word list is built too")
    args = parser.parse_args()
    # Here, not at import: the background passes' spawned processes import this script again.
    private = private_environment("te-bench-hearing-window-")
    if byte_compiled(private):
        print("(PYTHONDONTWRITEBYTECODE was set: the app's modules byte-compiled beforehand, as installed)")
    from PySide6.QtWidgets import QApplication
    app = QApplication.instance() or QApplication([])
    srt, wav, episode = prepare(args.repeat, private)
    if not args.cold:
        warm_up(app, srt)
    phases = run(app, srt, wav, episode)
    import hearing_material
    report(phases, len(episode.transcript.segments), len(episode.audio) / hearing_material.RATE)


if __name__ == "__main__":
    main()
