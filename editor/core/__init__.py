"""The transcript core: plain Python, no Qt and no vlc.

Everything a command-line tool or a test needs without a display lives here:
the model (:mod:`editor.core.transcript`), time look-ups
(:mod:`editor.core.timeline`), edits with their inverses
(:mod:`editor.core.ops`) and the project file (:mod:`editor.core.project`).
"""

from editor.core.errors import TranscriptError
from editor.core.transcript import (
    Mark,
    MarkKind,
    ReviewStatus,
    Segment,
    Speaker,
    Transcript,
    TranscriptMeta,
    Word,
    WordTiming,
)

__all__ = [
    "Mark",
    "MarkKind",
    "ReviewStatus",
    "Segment",
    "Speaker",
    "Transcript",
    "TranscriptError",
    "TranscriptMeta",
    "Word",
    "WordTiming",
]
