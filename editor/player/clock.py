"""A smooth playback position between a backend's coarse time updates.

libVLC publishes its time only every ~250-300 ms and may repeat or slightly lag
values; QtMultimedia is similar. The highlight must follow what is heard to
within ~30 ms, so the clock *anchors* on each fresh backend time and advances
from it with a monotonic clock multiplied by the playback rate.

Rules (each one exists because a backend misbehaves that way):

* A repeated backend value is stale, not "time stood still": ignored.
* A value a little *behind* what the clock already showed (jitter, lag) never
  moves the visible position backwards: it is held until playback catches up.
  Only a jump of more than ``JUMP_MS`` backwards (something really changed) is
  taken as is.
* :meth:`seek` re-anchors immediately at the target, so the highlight moves at
  the click, not 300 ms later; backend values that still describe the old
  position (arriving after the seek) are ignored until one near the target comes.
* After a restart the sound is offset from "target + wall time since the command": it
  starts a little after it (libVLC: ~12 ms after a resume) or the backend runs ahead. The
  clock learns that offset (wall ms) per kind of restart (seek, resume) from the first
  report at least ``LEARN_AFTER_S`` after each one and applies it at the next restart, so
  the correction is not a visible jump every time.
* Pause freezes, rate changes re-anchor so the past is not rescaled, the end of
  media pins the position to the duration, and the position never exceeds the
  duration when it is known.
* A backend's time may run ahead of what is *heard* (libVLC's is where its demuxer stands,
  and the time-stretch filter shifts the sound by a few ms per rate): each report is taken
  minus that *output lead* (:meth:`set_output_lead`, a function of the rate), so the clock
  runs, pauses and resumes on the time heard. Paused, it stands where the sound stopped,
  which is where it resumes.

Pure Python and thread-safe: backends call :meth:`update` from their event
threads while the UI reads :meth:`position_ms` from the GUI thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

JUMP_MS = 1500          # a backwards report bigger than this is a real jump, not jitter
SEEK_SETTLE_MS = 1000   # after a seek, reports farther than this from the target are stale...
SEEK_STALE_S = 0.7      # ...but only this long: a backend that landed elsewhere must win eventually
MAX_LAG_MS = 200        # a restart offset beyond this is not an offset but a misreport: not learned
LEARN_AFTER_S = 0.1     # reports sooner than this after a restart echo the command (set_time)


class PlaybackClock:
    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self._lock = threading.Lock()
        self._running = False
        self._rate = 1.0
        self._anchor_ms = 0.0        # position at _anchor_t
        self._anchor_t = now()
        self._floor_ms = 0.0         # never show less than this while running (anti-jitter)
        self._duration_ms = 0
        self._last_report: int | None = None
        self._seek_target: int | None = None   # set until the backend confirms the seek
        self._seek_t = 0.0
        # learned per restart kind: ms the backend's timeline is behind (+) or ahead (-)
        self.restart_lag_ms = {"seek": 0.0, "resume": 0.0}
        self._restart: tuple[str, float] | None = None   # (kind, when) until learned from
        self._echo_ms = -1                                 # the last seek target
        self._output_lead: Callable[[float], float] | None = None   # rate -> media ms heard behind

    # -- backend side ---------------------------------------------------------------------
    def update(self, backend_ms: int) -> None:
        """A time value from the backend (an event or a poll)."""
        with self._lock:
            if backend_ms < 0 or backend_ms == self._last_report:
                return
            self._last_report = backend_ms
            if self._restart is not None and self._restart[0] == "seek" and backend_ms == self._echo_ms \
                    and self._now() - self._restart[1] < LEARN_AFTER_S:
                return   # libVLC echoing set_time before playback resumed there: no news
            if self._seek_target is not None:
                fresh = self._now() - self._seek_t < SEEK_STALE_S
                if fresh and abs(backend_ms - self._seek_target) > SEEK_SETTLE_MS:
                    return   # still the position from before the seek
                self._seek_target = None
            heard = backend_ms - (self._output_lead(self._rate) if self._output_lead is not None else 0.0)
            shown = self._position_locked()
            if self._restart is not None and self._running and \
                    self._now() - self._restart[1] >= LEARN_AFTER_S:
                kind = self._restart[0]
                self._restart = None
                behind = shown - heard
                if -MAX_LAG_MS < behind < MAX_LAG_MS:
                    # halfway: one odd report is no rule; the lag is wall time, *behind* media time
                    lag = self.restart_lag_ms[kind] + 0.5 * behind / self._rate
                    self.restart_lag_ms[kind] = min(MAX_LAG_MS, max(-MAX_LAG_MS, lag))
            if heard < shown and shown - heard <= JUMP_MS:
                # Slightly behind what we already showed: anchor on it (it is the truth about
                # speed) but keep the display from stepping back until it catches up.
                self._floor_ms = shown
            else:
                self._floor_ms = 0.0
            self._anchor(heard)

    def set_duration(self, ms: int) -> None:
        with self._lock:
            self._duration_ms = max(0, int(ms))

    def started(self) -> None:
        """Playback is running (again)."""
        with self._lock:
            if not self._running:
                self._anchor(self._anchor_ms, restart="resume")   # time paused does not count
                self._running = True

    def paused(self, at_ms: int | None = None) -> None:
        """Playback stopped advancing; *at_ms* is the backend's idea of where, if it has one."""
        with self._lock:
            pos = self._position_locked()
            if at_ms is not None and abs(at_ms - pos) > JUMP_MS:
                pos = at_ms   # the backend knows better (e.g. it never really started)
            self._running = False
            self._floor_ms = 0.0
            self._anchor(pos)

    def ended(self) -> None:
        with self._lock:
            self._running = False
            self._floor_ms = 0.0
            self._seek_target = None
            self._anchor(self._duration_ms if self._duration_ms else self._position_locked())

    def seek(self, ms: int) -> None:
        """The user asked for *ms*: show it at once."""
        with self._lock:
            ms = max(0, int(ms))
            if self._duration_ms:
                ms = min(ms, self._duration_ms)
            self._floor_ms = 0.0
            self._seek_target = ms
            self._seek_t = self._now()
            self._echo_ms = ms
            self._anchor(ms, restart="seek" if self._running else None)

    def reset(self, ms: int = 0) -> None:
        """A new medium (or a switch of media) at *ms*, not running."""
        with self._lock:
            self._running = False
            self._floor_ms = 0.0
            self._seek_target = None
            self._last_report = None
            self._anchor(max(0, int(ms)))

    def set_rate(self, rate: float) -> None:
        with self._lock:
            self._anchor(self._position_locked())
            self._rate = float(rate)

    def set_output_lead(self, lead: Callable[[float], float] | None) -> None:
        """*lead(rate)*: how many media ms the backend's time runs ahead of what is heard (taken off
        every report from now on)."""
        with self._lock:
            self._output_lead = lead

    # -- UI side ------------------------------------------------------------------------
    def position_ms(self) -> int:
        """What is being heard now (while running), else where playback stands."""
        with self._lock:
            return int(round(self._position_locked()))

    @property
    def running(self) -> bool:
        return self._running

    @property
    def rate(self) -> float:
        return self._rate

    # -- internals ------------------------------------------------------------------------
    def _anchor(self, ms: float, restart: str | None = None) -> None:
        """Position *ms* now. After a *restart* ("seek"/"resume") the learned offset applies:
        a lag holds the position a little, a lead starts it a little ahead."""
        self._anchor_ms = float(ms)
        self._anchor_t = self._now()
        if restart is not None:
            self._anchor_t += self.restart_lag_ms[restart] / 1000.0
            self._restart = (restart, self._now())

    def _position_locked(self) -> float:
        pos = self._anchor_ms
        if self._running:
            # elapsed < 0 while a learned lag holds the position after a restart
            pos += max(0.0, self._now() - self._anchor_t) * 1000.0 * self._rate
            pos = max(pos, self._floor_ms)
        if self._duration_ms:
            pos = min(pos, float(self._duration_ms))
        return max(0.0, pos)
