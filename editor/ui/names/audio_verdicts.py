"""The audio's verdict on corrections, found in the background: :class:`AudioChecker`.

The Glossary Suggestions panel, the Correct Everywhere dialog and the typed-correction check hand it
:class:`CheckItem`s (a stretch of audio with the text the transcript has there, and the replacement
to try). A worker thread hands each to the window's audio process (:mod:`editor.ui.audio_process`), which
reads the stretch from the player's working copy (or, before there is one, decodes the file once,
keeping only those stretches) and aligns the original and the replacement over the same
frames (:func:`editor.hearing.verdict.compare`): PocketSphinx holds the GIL while it decodes, so it
never runs in the window's process. Each verdict comes back as ``judged(key, verdict)`` with the
item's key, so the caller can match it even after its list changed. A newer check,
:meth:`~editor.ui.background.ThreadRunner.cancel` or closing cancels the running one. Touches no
widget. How verdicts rank and tick is :func:`editor.hearing.suggest.judge` (shared with
``transcript-editor suggest``); the words shown for them are
:data:`editor.ui.widgets.verdict_words.AUDIO_SAYS`.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from collections import deque
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QThread, Signal

from editor.ui.background import ThreadRunner, WorkerThread, keep_until_finished

if TYPE_CHECKING:
    from editor.core.transcript import Segment
    from editor.hearing.verdict import Region

AUDIO_RANK = {"agrees": 0, "prefers original": 2}   # the rest (unsure, not checked) in between
_TOKEN = re.compile(r"\S+")    # the words word times are kept for, as editor.hearing.verdict splits them
AHEAD = 2     # items queued in the audio process at a time: a turn checked again is not kept waiting long
_check_numbers = itertools.count(1)     # names each check's regions kept in the audio process


def verdicts_said(verdicts: Sequence[object | None], noun: str) -> str:
    """What checking against the audio found, in words that read right for any count: *verdicts* one
    per listed *noun* ("suggestion", "place"), None where it could not be checked (no word times,
    or the audio gave no verdict).

    "3 suggestions checked against the audio: 2 match the audio, for 1 the original text fits it
    better and 1 is unclear." One checked: "it matches the audio."; all alike: "both match the
    audio.", "all 5 match the audio."; none: "The suggestion could not be checked against the audio."
    """
    checked = [verdict for verdict in verdicts if verdict is not None]
    agree = sum(getattr(verdict, "label", "") == "agrees" for verdict in checked)
    rejected = sum(bool(getattr(verdict, "rejected", False)) for verdict in checked)
    unclear = len(checked) - agree - rejected
    unchecked = len(verdicts) - len(checked)
    if not verdicts:
        return f"No {noun}s to check against the audio."
    if not checked:
        if unchecked == 1:
            return f"The {noun} could not be checked against the audio."
        return (f"Neither {noun} could be checked against the audio." if unchecked == 2
                else f"None of the {unchecked:,} {noun}s could be checked against the audio.")
    n = len(checked)
    all_of = "both" if n == 2 else f"all {n}"
    if n == 1:
        found = ("it matches the audio" if agree else "the original text fits the audio better" if rejected
                 else "the audio cannot tell")
    elif agree == n:
        found = f"{all_of} match the audio"
    elif rejected == n:
        found = f"for {all_of}, the original text fits the audio better"
    elif unclear == n:
        found = f"the audio cannot tell for {'either' if n == 2 else 'any of them'}"
    else:
        parts = []
        if agree:
            parts.append(f"{agree} {'matches' if agree == 1 else 'match'} the audio")
        if rejected:
            parts.append(f"for {rejected} the original text fits it better")
        if unclear:
            parts.append(f"{unclear} {'is' if unclear == 1 else 'are'} unclear")
        found = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    said = f"{_count(n, noun)} checked against the audio: {found}."
    if unchecked:
        said += f" {unchecked:,} other{'' if unchecked == 1 else 's'} could not be checked."
    return said


def _count(count: int, noun: str) -> str:
    return f"{count:,} {noun}{'' if count == 1 else 's'}"


def region_across(first: Segment, second: Segment, char_start: int, tail_end: int) -> Region | None:
    """The passage from ``first.text[char_start:]`` on into ``second.text[:tail_end]`` (a name the
    recognizer split over two turns of one speaker), over both turns' timed words; None without them."""
    from editor.hearing.verdict import TimedToken, region_of
    timed, offset = [], 0
    for segment in (first, second):
        tokens = list(_TOKEN.finditer(segment.text))
        if not tokens or len(tokens) != len(segment.words):
            return None
        timed += [TimedToken(offset + m.start(), offset + m.end(), w.start_ms, w.end_ms)
                  for m, w in zip(tokens, segment.words, strict=True)]
        offset += len(segment.text) + 1
    return region_of(f"{first.text} {second.text}", timed, char_start, len(first.text) + 1 + tail_end)


def audio_rank(verdict) -> int:
    """Where a candidate with this verdict (None: not checked) is listed: agreed first, rejected last."""
    return AUDIO_RANK.get(getattr(verdict, "label", ""), 1)


class _Preload(WorkerThread):
    def run(self) -> None:
        import editor.hearing.suggest  # noqa: F401  (with it editor.hearing.verdict: regions, verdicts, judge)


_preloaded = False


def preload() -> None:
    """Import the modules the window's side of a verdict needs (the passage's region, what a verdict
    means for a candidate) on a worker thread, once: done on the GUI thread when the first suggestions
    are checked, the import stopped the window for 10-20 ms. Call when an episode's audio is opened
    (its checks follow once the words have times)."""
    global _preloaded
    if _preloaded:
        return
    _preloaded = True
    thread = _Preload()
    keep_until_finished(thread)
    thread.start(QThread.Priority.LowPriority)


class CheckItem(NamedTuple):
    key: tuple            # what the verdict is about (the caller's; e.g. turn text, span, replacement)
    where: Region         # the stretch of audio and the original text in it
    replacement: str


class _CheckThread(WorkerThread):
    judged = Signal(object, object)    # CheckItem.key, editor.hearing.verdict.Verdict

    def __init__(self, audio_path: str, items: list[CheckItem]):
        super().__init__()
        self._audio_path, self._items = audio_path, items
        self._kept: int | None = None     # the number its regions' samples are kept under in the audio process

    def run(self) -> None:
        from editor.ui import audio_process

        process = audio_process.shared()
        try:
            self._check(process)
        finally:
            if self._kept is not None:     # the regions' samples the audio process kept for this check
                with contextlib.suppress(audio_process.JobFailed):     # no process: nothing kept
                    process.submit(audio_process.forget_regions_audio, self._kept)

    def _check(self, process) -> None:
        from editor.ui import audio_process

        items = self._items
        try:
            judge = self._judge(process)
        except audio_process.JobFailed as error:
            self.failed.emit(str(error))
            return
        if judge is None:
            return      # cancelled while the audio was read
        pending: deque = deque()
        done = 0
        for i, item in enumerate(items):
            if self.stop.is_set():
                return
            try:
                pending.append((item, judge(i)))
            except audio_process.JobFailed as error:      # no audio process to be had (the app is quitting)
                self.failed.emit(str(error))
                return
            while pending and (len(pending) >= AHEAD or i == len(items) - 1):
                waiting, future = pending.popleft()
                try:
                    verdict = audio_process.result(future, self.stop.is_set)
                except audio_process.JobFailed as error:
                    self.failed.emit(str(error))
                    return
                if verdict is None:
                    for _item, later in pending:
                        later.cancel()
                    return
                done += 1
                self.judged.emit(waiting.key, verdict)
                self.progressed.emit(done, len(items))

    def _judge(self, process):
        """``judge(i)``: the Future of item *i*'s verdict, its audio read in the audio process too (this
        process only waits): from the player's working copy, read at the stretch, once it exists;
        before, every stretch decoded in one pass there first. None: cancelled meanwhile."""
        from editor.player import working_copy
        from editor.ui import audio_process
        items = self._items
        try:
            copy = working_copy.cached_copy(self._audio_path)
        except OSError:
            copy = None
        if copy is not None:
            return lambda i: process.submit(audio_process.judge_at, self._audio_path, items[i].where,
                                            items[i].replacement)
        number = self._kept = next(_check_numbers)
        kept = audio_process.result(process.submit(audio_process.keep_regions_audio, number, self._audio_path,
                                                   [item.where for item in items]), self.stop.is_set)
        if kept is None:
            return None
        return lambda i: process.submit(audio_process.judge_kept, number, i, items[i].where, items[i].replacement)


class AudioChecker(ThreadRunner):
    """``start(audio, items)``: ``judged(key, verdict)`` per item, ``progressed``, then ``finished(True)``."""

    judged = Signal(object, object)

    def start(self, audio_path: str, items: list[CheckItem]) -> None:
        thread = _CheckThread(str(audio_path), list(items))
        thread.judged.connect(self._on_thread_judged)
        self.start_thread(thread)

    def _on_thread_judged(self, key, verdict) -> None:
        if self.is_current():
            self.judged.emit(key, verdict)
