"""Restoring a journal into the window without freezing it, and with Cancel.

Each journal line comes back as an undo step. Applied through the model and the undo stack on the
GUI thread, a line cost about half a millisecond of model signals and repaint bookkeeping on top of
the op itself, so 4,000 lines froze the window for seconds. Here the base is loaded and the lines
are replayed *off the model*, onto a transcript of the job's own, each line's undo op kept
(:func:`replay_detached`, plain core work). The model is untouched until the end, when it shows the
result in one reset and the undo steps are pushed already applied (:func:`push_applied`). So Cancel
drops that transcript (or, while the steps are being pushed, shows the opened one again, which was
never changed): the document is exactly as it was before the restore began, and the journal on disk
is not touched until the restore is done.

A restore estimated to be short (:data:`SYNC_BUDGET_MS`) runs at once on the GUI thread. A longer one
runs on a worker thread, and its steps are pushed a slice (:data:`SLICE_S`) per turn of the event loop;
a window-modal progress dialog with Cancel shows if it is still running after :data:`SHOW_AFTER_MS`,
so no dialog flashes for one a little over the estimate. Until it ends, input to the window is held
(:class:`InputHold`): an edit made meanwhile would be lost when the restored document replaces it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from editor.core.errors import TranscriptError
from editor.ui import process_tuning
from editor.ui.background import WorkerThread, keep_until_finished

if TYPE_CHECKING:
    from editor.core.ops import Op
    from editor.core.transcript import Transcript

# A restore whose estimate is below this runs at once on the GUI thread (no dialog). The estimate is
# the two costs measured on the 10-hour episode (tests/bench/bench_restore_window.py): reading the
# base (about 0.1 s per MB of project) and replaying a line off the model (about 0.15 ms).
SYNC_BUDGET_MS = 150.0
MS_PER_LINE = 0.15
MS_PER_BASE_MB = 100.0
PROGRESS_EVERY_S = 0.05     # the worker reports its count at most this often
SLICE_S = 0.02              # restored undo steps are pushed this long per turn of the event loop
SHOW_AFTER_MS = 400         # the progress dialog of a restore still running by then shows (0: at once)


@dataclass
class Step:
    """One restored undo step, already applied: *undo* takes it back."""

    undo: Op
    typed_row: int | None      # a keystroke in this row: merges with the next one in it, as typing did
    label: str = ""            # "" : named by its place among the steps


@dataclass
class Replayed:
    """A journal replayed off the model: the transcript it gives, and the steps that undo it."""

    transcript: Transcript     # not shown by the model yet
    extra: dict
    steps: list[Step] = field(default_factory=list)
    applied: int = 0           # journal lines that came back
    misfit: TranscriptError | None = None   # why the next line did not fit (None: all did)
    last_row: int = -1         # the turn the last restored edit changed (-1: none known)
    turns_changed: int = 0     # turns that differ from the document as opened (new ones included)
    audio: str = ""            # the audio the restored document names, for the window to play
    audio_gone: str = ""       # the audio the work named, no longer there ("": none, or it is)


class Stopped(Exception):
    """The producer cancelled the restore."""


def estimate_ms(pending) -> float:
    """What restoring *pending* will roughly take, by its journal lines and its base's size."""
    try:
        size = os.path.getsize(pending.base.path) if pending.base is not None else 0
    except OSError:
        size = 0
    return len(pending.records) * MS_PER_LINE + size / 1e6 * MS_PER_BASE_MB


def shell_of(transcript):
    """A transcript holding what *transcript* holds now, in containers of its own: the autosave step's
    undo puts it back, while the open document itself is never changed (its segments are shared,
    only read)."""
    from editor.core.transcript import Transcript
    return Transcript(meta=replace(transcript.meta), speakers=dict(transcript.speakers),
                      segments=list(transcript.segments), chapters=list(transcript.chapters))


def replay_detached(pending, opened, stopped=lambda: False, progress=None) -> Replayed:
    """The base of *pending* loaded and its lines replayed onto it, each line's undo op kept as a
    :class:`Step` (an autosave snapshot the lines follow is one step of its own, back to *opened*,
    a :func:`shell_of` the open document). Plain core work, safe on a worker: raises TranscriptError
    when the base cannot be read, :class:`Stopped` once *stopped()*."""
    from editor.core import ops
    from editor.session import journal_replay
    from editor.session.journal_base import BASE_SNAPSHOT
    transcript, extra = pending.load_base()
    steps: list[Step] = []
    audio, duration_ms, gone = _audio_to_play(pending, transcript, opened)
    if pending.base.kind == BASE_SNAPSHOT:
        # Made before the lines run: it reads the snapshot's row count as loaded. It leaves the audio
        # as it is: undone, the audio stays the one the window plays.
        steps.append(Step(journal_replay.document_op(transcript, opened), None, "Restored Autosave"))
    if audio:
        # The window links its audio (path and length) without an edit, as it did before the crash,
        # so the journal's lines hold the meta with it. The file re-read as the base gets it too, or
        # the first line came back as a change of the audio (a step named "Restored Edit", not the
        # keystroke it was) whose undo unlinked the audio; and a snapshot gets it, or the document
        # would name other audio than the window plays.
        transcript.meta.audio_path, transcript.meta.duration_ms = audio, duration_ms
    total = len(pending.records)
    edited = _LastRow()
    reported = [time.monotonic(), 0]

    def run(op) -> None:
        if stopped():
            raise Stopped
        reported[1] += 1
        if progress is not None and time.monotonic() - reported[0] >= PROGRESS_EVERY_S:
            reported[0] = time.monotonic()
            progress(reported[1], total)
        op = ops.without_audio_link(op, transcript.meta)
        if ops.is_noop(op):          # a line that only marks a save, or links the audio
            return
        row = journal_replay.typed_row(transcript, op)
        steps.append(Step(ops.run(transcript, op, edited), row))

    applied, misfit = journal_replay.replay_fitting(transcript, pending.records, pending.journal_path, run)
    if audio and not transcript.meta.audio_path:   # lines that left it unlinked: it plays
        transcript.meta.audio_path = audio
    changed = changed_rows(opened, transcript)
    # The turn of the last line replayed; else (an autosave snapshot alone) the last turn it changed.
    last_row = edited.row if edited.row >= 0 else (changed[-1] if changed else -1)
    return Replayed(transcript, extra, steps, applied, misfit, min(last_row, len(transcript.segments) - 1),
                    len(changed), audio, gone)


def _audio_to_play(pending, base, opened) -> tuple[str, int, str]:
    """The audio the restored work plays, its length, and the audio the work named when that file is
    gone. The producer may have chosen other audio (Choose Audio…) than the window finds beside the
    file on opening it: the snapshot and every journal line name the one chosen, and it plays again
    when it is still there; else the window's stays."""
    from editor.session.journal_base import BASE_SNAPSHOT
    named, duration_ms = "", 0
    if pending.base.kind == BASE_SNAPSHOT and base.meta.audio_path:
        named, duration_ms = os.path.abspath(base.meta.audio_path), base.meta.duration_ms
    for record in reversed(pending.records):    # the latest line that says, else the snapshot
        meta = record.get("meta") if isinstance(record, dict) else None
        if isinstance(meta, dict) and isinstance(meta.get("audio_path"), str) and meta["audio_path"]:
            length = meta.get("duration_ms")
            named, duration_ms = meta["audio_path"], length if isinstance(length, int) else 0
            break
    window = opened.meta.audio_path
    if not named or named == window:
        return window, opened.meta.duration_ms, ""
    if os.path.isfile(named):
        return named, duration_ms, ""
    return window, opened.meta.duration_ms, named


class _LastRow:
    """Listens to the ops replayed: the row the last one changed (or inserted)."""

    row = -1

    def about_to_apply(self, op) -> None:
        pass

    def applied(self, change) -> None:
        if change.rows:
            self.row = change.rows[-1]
        elif change.inserted:
            self.row = change.inserted[0]
        elif change.removed:
            self.row = max(0, change.removed[0] - 1)


def changed_rows(before, after) -> list[int]:
    """The rows of *after* whose turn *before* does not hold as it is (a turn is known by its id: a
    split's new half counts, a turn merged away does not). Once per restore, on the worker."""
    old = {segment.id: _turn_state(segment) for segment in before.segments}
    return [row for row, segment in enumerate(after.segments) if old.get(segment.id) != _turn_state(segment)]


def _turn_state(segment) -> tuple:
    return (segment.text, segment.speaker_id, segment.start_ms, segment.end_ms, segment.status, segment.note,
            segment.marks)


def push_applied(stack, commands: Iterator, until: float | None = None) -> bool:
    """Push *commands* (already applied) onto *stack* (until ``time.monotonic()`` reaches *until*,
    when given), then say the stack's new state once; True when *commands* ran out. Each push makes
    the stack emit its five state signals, whose slots (every action's enabled state, the window's
    title) cost 0.25 ms a step: 1 s for 4,000 restored steps. They only read the state."""
    was_clean = stack.isClean()
    finished = True
    stack.blockSignals(True)
    try:
        with process_tuning.collection_paused():     # the commands live on in the undo history
            for count, command in enumerate(commands, 1):
                stack.push(command)
                if until is not None and count % 32 == 0 and time.monotonic() >= until:
                    finished = False
                    break
    finally:
        stack.blockSignals(False)
    stack.indexChanged.emit(stack.index())
    stack.canUndoChanged.emit(stack.canUndo())
    stack.canRedoChanged.emit(stack.canRedo())
    stack.undoTextChanged.emit(stack.undoText())
    stack.redoTextChanged.emit(stack.redoText())
    if stack.isClean() != was_clean:
        stack.cleanChanged.emit(stack.isClean())
    return finished


class _ReplayThread(WorkerThread):
    """:func:`replay_detached` on a worker; its outcome is read by the GUI thread once it has finished."""

    def __init__(self, pending, opened, parent=None):
        super().__init__(parent)
        self._pending, self._opened = pending, opened
        self.outcome: Replayed | TranscriptError | None = None

    def run(self) -> None:
        # Reading a project and replaying makes objects by the ten thousand that all live on.
        with process_tuning.collection_paused():
            self.outcome = replay_outcome(self._pending, self._opened, self.stop.is_set, self.progressed.emit)


def replay_outcome(pending, opened, stopped=lambda: False, progress=None) -> Replayed | TranscriptError | None:
    """:func:`replay_detached`, its failure as a TranscriptError (a journal we cannot make sense of is
    a clear error, never a traceback), None when stopped."""
    try:
        return replay_detached(pending, opened, stopped, progress)
    except Stopped:
        return None
    except TranscriptError as error:
        return error
    except Exception as error:  # noqa: BLE001 — see above
        return TranscriptError(f"cannot restore it ({type(error).__name__}: {error})", pending.journal_path)


_NEVER_BY_ITSELF_MS = 24 * 3600 * 1000


def _application() -> QCoreApplication:
    application = QCoreApplication.instance()
    assert application is not None          # a window exists
    return application


class InputHold(QObject):
    """Drops the producer's input to one window (keys, shortcuts, clicks, wheel, drops) while installed
    on the application. Shortcuts are asked for with a ShortcutOverride event first: accepted here,
    the key is no shortcut, and the key press that follows is dropped too."""

    _HELD = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride,
                       QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
                       QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel, QEvent.Type.InputMethod,
                       QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop, QEvent.Type.TouchBegin})

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in self._HELD or not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
        return True


class RestoreJob(QObject):
    """One restore into *model*: :meth:`start` runs it, then exactly one of ``done`` (the
    :class:`Replayed`, shown by the model with its steps on *stack*), ``failed`` (a TranscriptError)
    or ``cancelled`` is emitted; at once when the restore is short. *commands(steps)* makes the undo
    commands of the steps. ``failed`` and ``cancelled`` leave the model showing the document as it was."""

    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, pending, model, stack, commands, name: str, parent_widget):
        super().__init__(parent_widget)
        self._pending = pending
        self._model, self._stack, self._commands = model, stack, commands
        self.opened = model.transcript        # never changed: what Cancel shows again
        self._opened = shell_of(self.opened)
        self._name = name
        self._parent_widget = parent_widget
        self._thread: _ReplayThread | None = None
        self._pushing: tuple[Replayed, Iterator] | None = None   # and its commands still to push, once shown
        self._push_timer = QTimer(self, singleShot=True, interval=0)
        self._push_timer.timeout.connect(self._push_slice)
        self._show_timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._show_timer.timeout.connect(self._show_dialog)
        self._hold: InputHold | None = None
        self.dialog: QProgressDialog | None = None

    def is_running(self) -> bool:
        return self._thread is not None or self._pushing is not None

    def start(self) -> None:
        if estimate_ms(self._pending) <= SYNC_BUDGET_MS:
            outcome = replay_outcome(self._pending, self._opened)
            if not isinstance(outcome, Replayed):
                self.failed.emit(outcome)
                return
            self._model.set_transcript(outcome.transcript)     # a reset: the stack starts empty
            push_applied(self._stack, self._commands(outcome.steps))
            self.done.emit(outcome)
            return
        self._hold = InputHold(self._parent_widget.window())
        _application().installEventFilter(self._hold)
        self._make_dialog()
        if SHOW_AFTER_MS <= 0:
            self._show_dialog()
        else:
            self._show_timer.start(SHOW_AFTER_MS)
        thread = self._thread = _ReplayThread(self._pending, self._opened)
        thread.progressed.connect(self._on_progressed)
        thread.finished.connect(self._on_thread_finished)
        keep_until_finished(thread)
        thread.start()

    def cancel(self) -> None:
        """Stop and drop what was replayed: the model shows the document as it was opened."""
        if self._end():
            self.cancelled.emit()

    def abandon(self) -> None:
        """Stop without a word (the window is closing: the journal stays where it is, for next time)."""
        self._end()

    # ------------------------------------------------------------------ internals
    def _make_dialog(self) -> None:
        edits = self._pending.edit_count      # as the restore prompt counted them
        dialog = QProgressDialog(f"Restoring {edits} edit{'' if edits == 1 else 's'} on {self._name}…",
                                 "&Cancel", 0, 0, self._parent_widget)
        dialog.setWindowTitle("Restoring Unsaved Work")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)   # no edits into the document meanwhile
        dialog.setMinimumDuration(_NEVER_BY_ITSELF_MS)   # it shows when SHOW_AFTER_MS says, not by its own guess
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(420)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog

    def _show_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.open()

    def _show_count(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(1, total))
            self.dialog.setValue(done)

    def _on_progressed(self, done: int, total: int) -> None:
        if self.sender() is self._thread:
            self._show_count(done, total)

    def _on_thread_finished(self) -> None:
        thread = self.sender()
        if thread is not self._thread:
            return             # cancelled before it ended: its outcome is dropped
        self._thread = None
        outcome = thread.outcome
        if isinstance(outcome, TranscriptError):
            self._end()
            self.failed.emit(outcome)
        elif isinstance(outcome, Replayed):
            # The model shows the result now; its steps go onto the stack a slice per turn of the
            # event loop (40 µs each: 20,000 steps held the GUI thread for 0.8 s in one go).
            self._keep_audio_found_meanwhile(outcome.transcript)
            self._model.set_transcript(outcome.transcript)
            self._pushing = (outcome, iter(self._commands(outcome.steps)))
            if self.dialog is not None:
                self.dialog.setLabelText(f"Restoring the undo history of {self._name}…")
            self._push_timer.start()      # in a turn of its own: the model's reset took one

    def _keep_audio_found_meanwhile(self, restored: Transcript) -> None:
        """The audio linked, or its length learnt (the decoded copy of a truncated file), while the
        journal was replayed: the window set it on the open document (derived data, no edit), which
        the restored one replaces, so the restored one takes it, unless its lines linked other audio."""
        now, then = self.opened.meta, self._opened.meta
        if (now.audio_path, now.duration_ms) == (then.audio_path, then.duration_ms):
            return
        if restored.meta.audio_path in ("", then.audio_path, now.audio_path):
            restored.meta.audio_path, restored.meta.duration_ms = now.audio_path, now.duration_ms

    def _push_slice(self) -> None:
        if self._pushing is None:
            return
        pushing = self._pushing
        replayed, commands = pushing
        finished = push_applied(self._stack, commands, until=time.monotonic() + SLICE_S)
        if self._pushing is not pushing:
            return          # cancelled by a slot of the stack's signals
        if finished:
            self._pushing = None
            self._end()
            self.done.emit(replayed)
            return
        self._show_count(self._stack.count(), len(replayed.steps))
        self._push_timer.start()

    def _end(self) -> bool:
        """Stop the thread or the pushing (the model shown the document as it was again) and close the
        dialog; False when it had already ended."""
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.stop.set()
        pushing, self._pushing = self._pushing, None
        self._push_timer.stop()
        self._show_timer.stop()
        hold, self._hold = self._hold, None
        if hold is not None:
            _application().removeEventFilter(hold)
            hold.deleteLater()
        if pushing is not None:
            self._model.set_transcript(self.opened)    # a reset: the stack is empty again
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            with contextlib.suppress(RuntimeError):   # already gone with its window
                dialog.canceled.disconnect(self.cancel)
            dialog.close()
            dialog.deleteLater()
        return thread is not None or pushing is not None
