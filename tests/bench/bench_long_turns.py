"""A run-on transcript cut into parts a producer can edit: Split into Parts on one turn of 100 KB,
1 MB and 10 MB (a whole episode, and far past one) of English, Japanese (no spaces) and one run with
no break at all, and the plain-text reader cutting the same text pasted as one paragraph. Prints seconds
and the number of parts.

    .venv/bin/python tests/bench/bench_long_turns.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from editor.core import ops  # noqa: E402
from editor.core.transcript import Segment, Speaker, Transcript  # noqa: E402
from editor.formats.readers.plain_text import PlainTextReader  # noqa: E402

_PHRASE = "we talked about the harbour and the long winter nights out on the water "
# Written without spaces, sentences ending in 。 (Japanese), and one run with no break at all.
_KINDS = {"English": _PHRASE, "Japanese": "港と船と長い冬の夜の話をしました。", "no-space": "x"}


def main() -> None:
    for (kind, phrase), size in ((k, s) for k in _KINDS.items() for s in (100_000, 1_000_000, 10_000_000)):
        text = (phrase * (size // len(phrase) + 1))[:size].strip() + "."
        transcript = Transcript(speakers={"a": Speaker("a", "Host")},
                                segments=[Segment("s1", 1000, 7_200_000, text, "a")])
        began = time.perf_counter()
        op = ops.split_into_parts(transcript, 0)
        planned = time.perf_counter()
        ops.run(transcript, op)
        split_s, run_s = planned - began, time.perf_counter() - planned
        began = time.perf_counter()
        result = PlainTextReader().read(text + "\n")
        read_s = time.perf_counter() - began
        print(f"{kind:>8} {size / 1e6:5.1f} MB turn: split into {len(op.segments):,} parts in {split_s:.3f} s "
              f"(applied in {run_s:.3f} s); read as plain text into {len(result.transcript.segments):,} "
              f"turns in {read_s:.3f} s")


if __name__ == "__main__":
    main()
