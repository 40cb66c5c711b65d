"""ReviewController: approve, flag (with a note), progress, "next unreviewed" and the review filter.

Approving is an undoable command like any edit (``ops.set_status`` records
the reviewer from settings and the time). "Approve and go to next" approves
the turn in hand, opens the next one and plays it from its start, so a
producer can listen-and-approve with one key.

Where the review stands (the playback position and the turn in hand) is kept in the
project's ``extra`` object under ``"review"`` each time the project is saved, and a
reopened project starts there.

Progress (approved turns and their share of the audio, or of the turns' time without it) is kept by a
:class:`ReviewTally`, which recounts only the rows an edit touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from editor.core.timecode import format_clock
from editor.core.transcript import ReviewStatus, Segment
from editor.settings import Key
from editor.ui.context import WindowContext
from editor.ui.document.commands import ops
from editor.ui.review.progress_tally import ReviewTally

if TYPE_CHECKING:
    from editor.core.ops import Op

FILTERS = ("all", "unreviewed", "flagged")
REVIEW_KEY = "review"     # the project's extra object: {"position_ms": ..., "row": ...}


@dataclass(frozen=True)
class Progress:
    """The review's counts: turns approved and flagged of all, and the turns' time approved of all
    (with *audio*: the episode's audio is loaded, so that time is the audio's)."""

    approved: int = 0
    flagged: int = 0
    total: int = 0
    approved_ms: int = 0
    total_ms: int = 0
    audio: bool = False

    @property
    def share_of(self) -> str:
        """What :attr:`share` is a share of, in words ("" when it is the turns' count: said already)."""
        if self.total_ms <= 0:
            return ""
        return "the audio" if self.audio else "the running time"

    @property
    def share(self) -> float:
        """Share of the turns' time that is approved (0..1); by count when nothing is timed."""
        if self.total_ms > 0:
            return self.approved_ms / self.total_ms
        return self.approved / self.total if self.total else 0.0

    @property
    def unapproved(self) -> int:
        return self.total - self.approved


def matches_filter(name: str, segment: Segment) -> bool:
    if name == "unreviewed":
        return segment.status is not ReviewStatus.APPROVED
    if name == "flagged":
        return segment.status is ReviewStatus.FLAGGED
    return True


class ReviewController(QObject):
    progress_changed = Signal(object)     # Progress
    filter_changed = Signal(str)
    message = Signal(str)

    def __init__(self, ctx: WindowContext, parent=None):
        super().__init__(parent)
        model = self._model = ctx.model
        self._view = ctx.view
        self._playback = ctx.playback
        self._edits = ctx.edits
        self._settings = ctx.settings
        self._filter = "all"
        self.progress = Progress()
        self._tally = ReviewTally(model, self)
        self._tally.changed.connect(self.recount)
        self._files = ctx.files
        self._resume_at: tuple[int, int] | None = None     # (row, ms) of a reopened project
        ctx.files.transcript_opened.connect(self._on_files_transcript_opened)
        ctx.files.audio_loaded.connect(self._on_files_audio_loaded)
        self._window = ctx.window
        a = ctx.actions
        a["approve"].triggered.connect(lambda: self.approve())
        a["approve_next"].triggered.connect(self.approve_and_next)
        a["flag"].triggered.connect(self.ask_flag)
        a["unreview"].triggered.connect(lambda: self.unreview())
        a["next_unreviewed"].triggered.connect(self.next_unreviewed)

    def ask_flag(self) -> None:
        """Flag Turn…: ask what needs another look (kept as the turn's note), then flag it."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QInputDialog  # (a dialog's class: imported when one is shown)
        row = self._edits.current_row()
        if row < 0:
            return
        dialog = QInputDialog(self._window)
        dialog.setWindowTitle("Flag Turn")
        dialog.setLabelText("What needs another look? (saved as the turn's note)")
        dialog.setTextValue(self._model.segment(row).note)
        dialog.setOkButtonText("Flag")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda note: self.flag(note, row))
        dialog.open()

    # ------------------------------------------------------------------ reviewer
    def reviewer(self) -> str:
        """The name recorded with approvals (settings; the login name until one is set)."""
        name = self._settings.get(Key.REVIEWER_NAME).strip()
        if name:
            return name
        import getpass  # (with termios, imported when an approval first needs the name, not at start-up)
        try:
            return getpass.getuser()
        except Exception:   # no login name (some containers): approvals still record a time
            return ""

    # ------------------------------------------------------------------ status
    def set_status(self, status: ReviewStatus, row: int | None = None, note: str | None = None) -> bool:
        row = self._edits.current_row() if row is None else row
        if not 0 <= row < self._model.rowCount():
            return False
        transcript = self._model.transcript
        op: Op = ops.set_status(transcript, row, status, self.reviewer())
        if note is not None:
            op = ops.Group((op, ops.set_note(transcript, row, note)))
        labels = {ReviewStatus.APPROVED: "Approve Turn", ReviewStatus.FLAGGED: "Flag Turn",
                  ReviewStatus.UNREVIEWED: "Mark Turn Unreviewed"}
        return self._edits.push(op, labels[status], row)

    def approve(self, row: int | None = None) -> bool:
        """Approve the turn; one already approved keeps its approval (no edit) and the status bar says so."""
        row = self._edits.current_row() if row is None else row
        if 0 <= row < self._model.rowCount() and self._model.segment(row).status is ReviewStatus.APPROVED:
            self.message.emit(f"Turn {row + 1} is already approved.")
            return False
        return self.set_status(ReviewStatus.APPROVED, row)

    def flag(self, note: str, row: int | None = None) -> bool:
        return self.set_status(ReviewStatus.FLAGGED, row, note.strip())

    def unreview(self, row: int | None = None) -> bool:
        return self.set_status(ReviewStatus.UNREVIEWED, row)

    def approve_and_next(self) -> int:
        """Approve the turn in hand, open the next one shown and play from its start; returns its row."""
        row = self._edits.current_row()
        if row < 0:
            return -1
        if self._model.segment(row).status is not ReviewStatus.APPROVED:   # an approved one: just go on
            self.approve(row)
        nxt = self._next_row(row, lambda s: matches_filter(self._filter, s))
        if nxt < 0:
            self.message.emit("That was the last turn." if self._filter == "all"
                              else f"No more {self._filter} turns after this one.")
            return -1
        self._go_to(nxt)
        if self._playback.has_media():
            self._playback.play()
        return nxt

    def next_unreviewed(self) -> int:
        row = self._edits.current_row()
        nxt = self._next_row(row, lambda s: s.status is ReviewStatus.UNREVIEWED)
        if nxt < 0:
            nxt = self._next_row(-1, lambda s: s.status is ReviewStatus.UNREVIEWED)  # wrap around
        if nxt < 0:
            self.message.emit("Every turn has been reviewed.")
            return -1
        self._go_to(nxt)
        return nxt

    def _next_row(self, row: int, wanted) -> int:
        segments = self._model.transcript.segments
        for r in range(row + 1, len(segments)):
            if wanted(segments[r]):
                return r
        return -1

    def _go_to(self, row: int) -> None:
        self._view.open_editor(row, 0)
        start = self._model.segment(row).start_ms
        if start is not None:
            self._playback.seek(start)     # without audio too: the seek is what moves the highlight
        if self._model.current_row != row:   # untimed, or a turn overlapping the one before
            self._model.set_current(row)

    # ------------------------------------------------------------------ where the review stands
    def store_position(self) -> None:
        """Keep where the review stands in the project's extra object (called before a save)."""
        row = self._edits.current_row()
        self._files.extra[REVIEW_KEY] = {"position_ms": int(self._playback.position()), "row": int(row)}

    def _on_files_transcript_opened(self, *_args) -> None:
        saved = self._files.extra.get(REVIEW_KEY)
        self._resume_at = None
        if not isinstance(saved, dict):
            return
        row, ms = saved.get("row"), saved.get("position_ms")
        if not (isinstance(row, int) and isinstance(ms, int)) or not 0 <= row < self._model.rowCount():
            return
        ms = self._inside_turn(row, max(0, ms))
        self._resume_at = (row, ms)
        self._playback.seek(ms)            # without audio it moves the highlight; with audio, below
        # The turn the producer was in is in hand again (no editor is opened for them: the caret
        # would sit in a turn they have not chosen yet); after the seek, which following hands the
        # playing turn.
        self._view.set_current_turn(row)

    def _inside_turn(self, row: int, ms: int) -> int:
        """*ms* when it lies in turn *row*, else that turn's start: Play must play the turn in hand
        (a position kept apart from it, by an older version or a move after the turn was chosen,
        would play another turn)."""
        segment = self._model.segment(row)
        if segment.start_ms is None:
            return ms
        following = self._model.segment(row + 1) if row + 1 < self._model.rowCount() else None
        end = segment.end_ms if segment.end_ms is not None else (following.start_ms if following else None)
        if ms < segment.start_ms or (end is not None and ms >= end):
            return segment.start_ms
        return ms

    def _on_files_audio_loaded(self, *_args) -> None:
        self.recount()   # the share is now of the audio
        if self._resume_at is not None:
            row, ms = self._resume_at
            self._resume_at = None
            self._playback.seek(ms)
            self._view.set_current_turn(row)
            self.message.emit(f"Resuming the review at {format_clock(ms)}")

    # ------------------------------------------------------------------ filter and progress
    def set_filter(self, name: str) -> None:
        """Show all turns, or only those not yet approved, or only flagged ones."""
        if name not in FILTERS:
            raise ValueError(f"unknown review filter {name!r}")
        if name == self._filter:
            return
        self._filter = name
        self._view.set_row_filter(None if name == "all" else (lambda s, n=name: matches_filter(n, s)))
        self.filter_changed.emit(name)

    def recount(self) -> Progress:
        """Publish the tally's figures (O(1); a big document's are partial until its count completes)."""
        self.progress = Progress(*self._tally.counts(), audio=self._playback.has_media())
        self.progress_changed.emit(self.progress)
        return self.progress
