"""Publishing a 10-hour episode: each format with the publishing rules, and the whole folder.

Prints a table (run by `make bench`): seconds per published format (against the
same format as a plain export, so the cost of the rules shows), the readiness
check, and `editor.publish.publish` writing all five files, chapters and tags.
Times are the best of a few runs (`--quick`: one run).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ten_hour_episode  # noqa: E402

from editor.core.transcript import Chapter  # noqa: E402
from editor.formats.base import ExportOptions  # noqa: E402
from editor.formats.clean_verbatim import DEFAULT_FILLERS  # noqa: E402
from editor.formats.writers import writer_named  # noqa: E402
from editor.publish import FORMAT_NAMES, check, publish, publish_options  # noqa: E402


def best_of(action, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    runs = 1 if "--quick" in sys.argv else 3
    transcript = ten_hour_episode()
    transcript.chapters = [Chapter(minute * 60_000, f"Part {minute // 20 + 1}") for minute in range(0, 600, 20)]
    words = sum(len(s.words) for s in transcript.segments)
    print(f"10-hour episode: {len(transcript.segments)} turns, {words} words, {len(transcript.chapters)} chapters")
    fillers = ExportOptions(filler_words=DEFAULT_FILLERS["en"])
    print(f"{'format':<8} {'export s':>9} {'publish s':>10} {'clean verbatim s':>17}")
    for name in FORMAT_NAMES:
        writer = writer_named(name)
        plain = best_of(lambda w=writer: w.write(transcript, ExportOptions()), runs)
        rules = best_of(lambda w=writer, n=name: w.write(transcript, publish_options(n)), runs)
        clean = best_of(lambda w=writer, n=name: w.write(transcript, publish_options(n, fillers)), runs)
        print(f"{name:<8} {plain:>9.3f} {rules:>10.3f} {clean:>17.3f}")
    print(f"readiness check: {best_of(lambda: check(transcript), runs):.3f} s")
    with tempfile.TemporaryDirectory() as folder:
        whole = best_of(lambda: publish(transcript, folder, base_url="https://example.com/e1"), runs)
    print(f"publish (5 formats, chapters.json, tags): {whole:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
