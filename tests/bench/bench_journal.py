"""Recovery journal costs on the 10-hour episode (prints a table; figures in milliseconds).

Run: ``.venv/bin/python tests/bench/bench_journal.py``. What the GUI thread pays per
typing edit (the journal line: serialise the touched row + one write), what fsync
would cost if it were done per edit (it is not: a background thread does it at
most every 0.5 s), the autosave's GUI-thread part (capture) and background part,
and restoring after a crash.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ten_hour_episode  # noqa: E402  (also puts the repo root on sys.path)

from editor.core import ops, project  # noqa: E402
from editor.session import recovery  # noqa: E402
from editor.session.journal import Journal  # noqa: E402
from editor.session.snapshot_capture import capture  # noqa: E402

ROUNDS = 500


def pct(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))], ordered[-1]


def row(name: str, samples: list[float], note: str = "") -> None:
    p50, p95, worst = pct([s * 1000 for s in samples])
    print(f"| {name:<46} | {p50:8.3f} | {p95:8.3f} | {worst:8.3f} | {note}")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-journal-"))
    path = folder / "ten-hours.tep.json"
    project.save(ten_hour_episode(), path)
    transcript = project.load(path).transcript
    rng = random.Random(5)
    print(f"10-hour episode: {len(transcript.segments)} turns, {transcript.word_count} words, "
          f"project {path.stat().st_size / 1e6:.1f} MB, folder {folder}")
    print("| what                                           |   p50 ms |   p95 ms |   max ms | note")
    print("|------------------------------------------------|----------|----------|----------|-----")

    start = time.perf_counter()
    journal = Journal.for_document(path, saved=True)
    row("start journal (hash the base project)", [time.perf_counter() - start])
    journal.discard()

    # The window hashes the base on a worker at open; the header's two fsyncs were the first edit's, until
    # the worker prepared the journal's file too (Journal.prepare) and the first edit only renamed it.
    base = journal.base
    started, prepared, renamed = [], [], []
    for _ in range(20):
        t0 = time.perf_counter()
        Journal.for_document(path, saved=True, base=base).discard()
        t1 = time.perf_counter()
        ready = Journal.prepare(path, saved=True, base=base)
        t2 = time.perf_counter()
        fresh = ready.start()
        t3 = time.perf_counter()
        fresh.discard()
        started.append(t1 - t0)
        prepared.append(t2 - t1)
        renamed.append(t3 - t2)
    row("start journal, base known (header, 2 fsyncs)", started, "was on the GUI thread at the 1st edit")
    row("  prepare its file (worker, at open)", prepared, "header written + fsynced")
    row("  start the prepared journal (1st edit)", renamed, "a rename; folder fsynced in background")
    journal = Journal.for_document(path, saved=True, base=base)

    middle = len(transcript.segments) // 2
    plain, journaled, line_bytes = [], [], []
    for i in range(ROUNDS):
        seg_row = middle + rng.randrange(-3, 4)
        text = transcript.segments[seg_row].text
        at = rng.randrange(len(text))
        op = ops.set_text(transcript, seg_row, text[:at] + "e" + text[at:])
        t0 = time.perf_counter()
        undo = ops.run(transcript, op)
        t1 = time.perf_counter()
        ops.run(transcript, undo)   # back, so both measurements see the same text
        size = journal.path.stat().st_size if i % 50 == 0 else None
        t2 = time.perf_counter()
        journal.run(transcript, op)
        t3 = time.perf_counter()
        if size is not None:
            line_bytes.append(journal.path.stat().st_size - size)
        plain.append(t1 - t0)
        journaled.append(t3 - t2)
    row("typing edit, ops.run alone (op planned before)", plain)
    row("typing edit, journal.run (op + line + write)", journaled,
        f"line ≈ {statistics.median(line_bytes) / 1024:.1f} KiB")
    row("  journal overhead per edit", [j - p for j, p in zip(journaled, plain, strict=False)])

    fsyncs = []
    for _ in range(100):
        journal.commit(transcript, {})
        t0 = time.perf_counter()
        journal.sync()
        fsyncs.append(time.perf_counter() - t0)
    row("fsync after one line (NOT on the GUI thread)", fsyncs, "background, ≤ every 0.5 s")

    spans = [(r, 0, 0, "X ") for r in range(0, len(transcript.segments), 2)][:1000]
    t0 = time.perf_counter()
    undo = journal.run(transcript, ops.replace_spans(transcript, spans))
    t1 = time.perf_counter()
    journal.run(transcript, undo)
    row("replace in 1,000 rows, journal.run", [t1 - t0], "its 1,000 spans written")
    t0 = time.perf_counter()
    journal.run(transcript, ops.rename_speaker(transcript, "spk1", "Renamed Person"))
    row("rename a speaker everywhere, journal.run", [time.perf_counter() - t0], "speaker list only")

    captures = []
    for _ in range(20):
        t0 = time.perf_counter()
        capture(transcript)
        captures.append(time.perf_counter() - t0)
    row("autosave: capture on the GUI thread", captures)
    t0 = time.perf_counter()
    journal.snapshot_now(transcript)
    row("autosave: write snapshot + rotate (background)", [time.perf_counter() - t0])

    for _ in range(1000):   # a session after the snapshot: 1,000 typing edits
        seg_row = middle + rng.randrange(-50, 50)
        text = transcript.segments[seg_row].text
        journal.run(transcript, ops.set_text(transcript, seg_row, text + "s"))
    journal.close()
    t0 = time.perf_counter()
    pending = recovery.find_for(path)
    t1 = time.perf_counter()
    restored = pending.recover()
    t2 = time.perf_counter()
    assert len(restored.segments) == len(transcript.segments)
    row("restore: read + check journal (1,000 edits)", [t1 - t0])
    row("restore: load snapshot + replay 1,000 edits", [t2 - t1])
    pending.discard()


if __name__ == "__main__":
    main()
