"""ReadResult: what reading a transcript file gives.

It lives in the core rather than beside the readers (``editor.formats.base`` names it too) so
that a read made in another process (the window's start-up: editor.ui.files.preload) arrives
without loading every reader into the window's process.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.core.transcript import Transcript


@dataclass
class ReadResult:
    """A file as read: the transcript, the format that read it and the warnings the reader gave."""

    transcript: Transcript
    format: str                 # a reader's NAME
    warnings: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)   # a project's free "extra" object (kept through save)
    merged_cues: int = 0        # caption cues merged into the turns (0: nothing was merged)
    finished_subtitles: bool = False  # the cues look cut for viewers: worth offering to keep them
