"""Run as a script (``python suggest_stopped.py FOLDER``): ``transcript-editor suggest`` of a spoken
episode of twelve turns with no word times (so it aligns them first, on two worker processes), to
be stopped mid-way by tests/test_cli_suggest_stopped.py (Ctrl+C or SIGTERM). Exits with the
command's exit code; the command's worker processes write to this script's stderr.

``LATE_POOL_END`` set: the race of Python 3.11's process pool with its process's exit is widened
in this process (tests/ui/late_pool_end.py).
Imports stay inside functions: every spawned process imports this file again as its main module.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

_TESTS = Path(__file__).resolve().parent

if __name__ == "__mp_main__" or __name__ == "__main__":
    sys.path[:0] = [str(_TESTS / "ui"), str(_TESTS / "bench")]

if __name__ == "__main__" and os.environ.get("LATE_POOL_END"):
    import late_pool_end
    late_pool_end.install()


def episode(folder: Path) -> tuple[Path, Path]:
    """A project of twelve spoken turns without word times, and its wav."""
    import timing_audio as speech

    from editor.core import project
    from editor.core.transcript import Transcript

    audio, segments, _length_ms = speech.spoken_turns(12, seed=5, words_per=(5, 8), start_early_ms=200)
    transcript = Transcript()
    speaker = transcript.ensure_speaker("Host")
    for segment in segments:
        segment.speaker_id = speaker
        transcript.segments.append(segment)
    path = folder / "episode.tep.json"
    project.save(transcript, path)
    return path, speech.write_wav(folder / "episode.wav", audio)


if __name__ == "__main__":
    import signal

    from editor.cli import main

    # Ctrl+C as in a terminal, even when the tests run where it is ignored (a background job's
    # processes start with SIGINT ignored, and Python then leaves it so).
    signal.signal(signal.SIGINT, signal.default_int_handler)

    transcript, wav = episode(Path(sys.argv[1]))
    sys.exit(main(["suggest", str(transcript), str(wav), "--json"]))
