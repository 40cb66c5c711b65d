"""What the processes of the window's two passes over an episode cost to start, and what sharing them would save.

When the window opens an episode with audio, alignment runs in a pass process of its own with two
workers (:mod:`editor.ui.episode_pass`), and the audio checks that follow start another pass
process and two more workers: six process starts. ``transcript-editor suggest`` hands both passes
one :class:`~editor.align.aligner_pool.AlignerPool` instead. This prints the CPU time (user+sys,
niced as the passes are) of each kind of start, measured in spawned processes, interleaved:

* a pass process: its imports (numpy, PyAV, the aligner and the audio checks);
* a worker: its imports and the first turn's alignment (PocketSphinx's model loaded);
* the audio checks' first turn on a worker that has aligned one already (the model it still
  loads for the checks' own dictionary, shared workers or not);

and from those, the CPU an episode's two passes spend starting processes, apart and shared.

    .venv/bin/python tests/bench/bench_pass_starts.py [rounds]
"""

from __future__ import annotations

import multiprocessing
import resource
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def _pass_start(_report) -> None:
    from editor.align import worker_start
    worker_start.lower_priority()
    import editor.align.batch
    import editor.hearing.listen
    import editor.ui.hearing.listening_pass  # noqa: F401


def _one_turn(options_name: str):
    import timing_audio

    from editor.align.aligner import AlignOptions, align_segment
    from editor.hearing.fit import HEARING_OPTIONS
    samples, truth = timing_audio.speak(["the", "river", "was", "quiet"], [120, 90, 150, 200])
    options = HEARING_OPTIONS if options_name == "hearing" else AlignOptions()
    return samples, [w.text for w in truth], options, align_segment


def _worker_start(report) -> None:
    """A worker's start and its first alignment: what each of a pass's workers pays."""
    from editor.align import worker_start
    worker_start.lower_priority()
    samples, words, options, align_segment = _one_turn("align")
    before = _cpu_self()
    from editor.align.aligner import Aligner
    aligner = Aligner(options)
    align_segment(samples, words, 0, aligner=aligner)
    report.send(("model", _cpu_self() - before))


def _second_options(report) -> None:
    """The audio checks' aligner made on a worker that already aligned: the model load sharing leaves."""
    from editor.align import worker_start
    worker_start.lower_priority()
    samples, words, options, align_segment = _one_turn("hearing")
    from editor.align.aligner import Aligner, AlignOptions
    align_segment(samples, words, 0, aligner=Aligner(AlignOptions()))
    before = _cpu_self()
    align_segment(samples, words, 0, aligner=Aligner(options))
    report.send(("model", _cpu_self() - before))


def _cpu_self() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _measure(context, target) -> tuple[float, float]:
    """(CPU of the whole process, CPU of the part it reported) of *target* run in a spawned process."""
    receive, send = context.Pipe(duplex=False)
    before = _cpu_children()
    process = context.Process(target=target, args=(send,))
    process.start()
    send.close()
    process.join()
    try:
        part = receive.recv()[1]
    except EOFError:       # a start that reports no part of its own
        part = 0.0
    return _cpu_children() - before, part


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    context = multiprocessing.get_context("spawn")
    passes, workers, checks_model = [], [], []
    for _ in range(rounds):      # interleaved: the machine's load falls on every kind alike
        passes.append(_measure(context, _pass_start)[0])
        workers.append(_measure(context, _worker_start)[0])
        checks_model.append(_measure(context, _second_options)[1])
    pass_s, worker_s, model_s = (statistics.median(v) for v in (passes, workers, checks_model))
    print(f"CPU, median of {rounds} (s):")
    print(f"  a pass process's start                            {pass_s:6.2f}")
    print(f"  a worker's start and first alignment              {worker_s:6.2f}")
    print(f"  the audio checks' model on a worker that aligned {model_s:6.2f}")
    apart = 2 * pass_s + 4 * worker_s
    shared = pass_s + 2 * (worker_s + model_s)
    print(f"an episode's two passes starting processes: apart {apart:.2f}, shared {shared:.2f} "
          f"(saves {apart - shared:.2f} s of CPU an episode)")
    with open("/proc/loadavg") as load:
        print(f"load: {load.read().strip()}")


if __name__ == "__main__":
    main()
