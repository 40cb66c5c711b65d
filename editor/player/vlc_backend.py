"""The default player: libVLC through python-vlc (the only module that imports ``vlc``).

What this adds on top of libVLC 3:

* **Exact seeking.** A compressed source is decoded to a PCM working copy in the
  background (:mod:`editor.player.working_copy`) while the original plays; as soon
  as the copy is ready the player switches to it at the current position and
  state, on the next call from the GUI thread (position polls included), so all
  libVLC control stays on one thread. A cached copy is used at once.
* **No long wait for it.** A seek before the copy is ready is held (see BackendBase) only
  until a *window* around its target is decoded (:func:`working_copy.decode_window`, the
  same samples the copy will hold there; a fraction of a second): the player plays that
  WAV with its start as the offset of every time, decodes the next window before the end
  of this one and takes it over there, and switches to the whole copy once it is ready.
* **A smooth clock of what is heard.** libVLC's time ticks every ~300 ms and runs ahead
  of the sound by :func:`output_lead_ms`; :class:`PlaybackClock` takes that lead off and
  interpolates between ticks.
* **Pitch kept** at rates != 1: libVLC's audio time-stretch is on by default
  (``--audio-time-stretch``); it is passed explicitly so a user's vlcrc cannot turn it off.

Threading: ``on_state`` is called from libVLC's event thread (sometimes from the
GUI thread inside a call). A Qt UI must only emit a signal from it; never call
back into the player from the callback (libVLC would deadlock).
"""

from __future__ import annotations

import math
import os
import sys
import tempfile
import time
from pathlib import Path

from editor.player import working_copy as wc
from editor.player.backend_base import MAX_RATE, MIN_RATE, BackendBase
from editor.player.base import PlayerError, PlayerState

try:
    import vlc
except (ImportError, OSError) as _exc:   # python-vlc raises OSError when libvlc.so is absent
    vlc = None
    _IMPORT_ERROR: Exception | None = _exc
else:
    _IMPORT_ERROR = None

__all__ = ["VlcPlayer", "vlc_args", "sound_device_present", "MIN_RATE", "MAX_RATE"]

# What is heard, against libVLC 3's time (derived from its WAV demuxer and its time-stretch filter, and
# measured with its audio callbacks by tests/bench/bench_clock_heard.py):
# * libVLC's time is where its WAV demuxer stands: at the end of the block it read last, and it reads
#   blocks of 50 ms (rate / 20 samples). The output starts each block at its date, so at 1x the time runs
#   one block ahead of the sound.
# * At other rates the time-stretch filter (scaletempo) first queues SEARCH + STRIDE + OVERLAP ms of the
#   episode: every further demuxer block that takes delays the sound by one more block. Then each STRIDE
#   ms of output plays the episode at natural speed from where the nominal timeline stood, plus the best
#   overlap found in the SEARCH window: on average the sound is (1 - rate) * STRIDE / 2 + SEARCH / 2
#   media ms later in the episode than the nominal timeline (0.5x: +14.5 ms, 2x: -8 ms).
# The filter's parameters are passed to libVLC (vlc_args) so that a user's vlcrc cannot change them.
DEMUX_BLOCK_MS = 50.0
STRETCH_STRIDE_MS, STRETCH_OVERLAP, STRETCH_SEARCH_MS = 30, 0.2, 14


def stretch_priming_blocks() -> int:
    """Demuxer blocks beyond the first that the time-stretch filter needs before it outputs anything."""
    queue_ms = STRETCH_SEARCH_MS + STRETCH_STRIDE_MS * (1 + STRETCH_OVERLAP)
    return max(0, math.ceil(queue_ms / DEMUX_BLOCK_MS - 1e-9) - 1)


def stretch_content_offset_ms(rate: float) -> float:
    """How much later in the episode the time-stretched sound is, on average, than the nominal timeline."""
    return (1.0 - rate) * STRETCH_STRIDE_MS / 2 + STRETCH_SEARCH_MS / 2


def output_lead_ms(rate: float) -> float:
    """Media ms by which libVLC's time runs ahead of what is heard at *rate*."""
    if abs(rate - 1.0) < 1e-3:      # no time-stretching at 1x: the filter passes the blocks through
        return DEMUX_BLOCK_MS
    return DEMUX_BLOCK_MS * (1 + stretch_priming_blocks()) - stretch_content_offset_ms(rate)


# Windows of the working copy, played while it is being made (see VlcPlayer).
WINDOW_BEFORE_MS = 2000       # a window starts this much before the position it is made for
FIRST_WINDOW_MS = 30_000      # the first one after a seek: short, to play soon
NEXT_WINDOW_MS = 120_000      # the following ones, decoded while the one before plays
PREFETCH_MS = 20_000          # the next window is started when this little of the playing one is left
# ...and taken over this long before the playing one ends: libVLC reads ahead and buffers its
# output (its end comes ~1 s of sound before the sound's end), so a window must never run out
SWITCH_MARGIN_MS = 3000

AOUT_ENV = "TRANSCRIPT_EDITOR_AOUT"     # e.g. "dummy" (tests, no sound card) or "afile" (bench)
# How long a start waits for a fresh input to stand paused at its position (typically 3-10 ms): a
# resume sent before that is lost and playback would stay paused, as seen under heavy load at 0.3 s.
START_WAIT_S = 3.0


def sound_device_present() -> bool:
    """Is there anything libVLC could play to? (ALSA devices, or a PulseAudio/PipeWire socket)."""
    if sys.platform != "linux":
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    sockets = [os.environ.get("PULSE_SERVER", ""), os.path.join(runtime, "pulse", "native"),
               os.path.join(runtime, "pipewire-0")] if runtime else [os.environ.get("PULSE_SERVER", "")]
    if any(s and os.path.exists(s.removeprefix("unix:")) for s in sockets):
        return True
    return any(name.startswith("pcm") for name in _listdir("/dev/snd"))


def _listdir(path: str) -> list[str]:
    try:
        return os.listdir(path)
    except OSError:
        return []


def vlc_args(extra: list[str] | tuple[str, ...] = ()) -> list[str]:
    args = ["--no-video", "--quiet", "--no-xlib", "--intf=dummy", "--no-stats",
            "--audio-time-stretch",          # keep pitch at rate != 1
            f"--scaletempo-stride={STRETCH_STRIDE_MS}", f"--scaletempo-overlap={STRETCH_OVERLAP}",
            f"--scaletempo-search={STRETCH_SEARCH_MS}"]     # what output_lead_ms() assumes
    aout = os.environ.get(AOUT_ENV)
    if aout:
        args.append(f"--aout={aout}")
    elif not sound_device_present():
        args.append("--aout=dummy")          # otherwise libVLC fails to start playback at all
    return args + list(extra)


class VlcPlayer(BackendBase):
    """:class:`editor.player.base.Player` over libVLC, with a working copy for exact seeking."""

    name = "vlc"

    def __init__(self, *, extra_args: list[str] | tuple[str, ...] = (), working_copy: bool = True,
                 cache_folder: Path | None = None) -> None:
        if vlc is None:
            raise PlayerError(f"libVLC cannot be loaded ({_IMPORT_ERROR}); install VLC (libvlc5).")
        try:
            self._instance = vlc.Instance(vlc_args(extra_args))
        except Exception as exc:  # noqa: BLE001 - python-vlc raises bare exceptions from ctypes
            raise PlayerError(f"libVLC failed to start: {exc}") from exc
        if self._instance is None:
            raise PlayerError("libVLC failed to start (its plugins may be missing: install vlc-plugin-base).")
        super().__init__(working_copy=working_copy, cache_folder=cache_folder)
        self._clock.set_output_lead(output_lead_ms)     # show what is heard, not what is decoded
        self._offset_ms = 0.0                # media time = libVLC's time + this (a window's start)
        self._window: wc.Window | None = None         # the window playing, if one is
        self._window_job: wc.WindowJob | None = None  # the window being decoded
        self._next_window: wc.Window | None = None    # decoded, waiting for the playing one to end
        self._window_ended = False                    # libVLC reached the playing window's end
        self._windows_failed = False                  # a window could not be decoded: wait for the copy
        self._windows_dir: tempfile.TemporaryDirectory | None = None
        # The input libVLC has now reached its end or failed: the Stopped it reports as it then
        # tears the input down (on its own thread, after EndReached) is no news, and may come after
        # a play() that already moved on (a stale STOPPED would leave that play standing still).
        # Cleared when a fresh input replaces it: libVLC's stop()/set_media() detach the old one first.
        self._input_over = False
        self._mp = self._instance.media_player_new()
        events = self._mp.event_manager()
        for kind, handler in (
            (vlc.EventType.MediaPlayerPlaying, self._on_playing),
            (vlc.EventType.MediaPlayerPaused, self._on_paused),
            (vlc.EventType.MediaPlayerStopped, self._on_stopped),
            (vlc.EventType.MediaPlayerEndReached, self._on_end),
            (vlc.EventType.MediaPlayerEncounteredError, self._on_error),
            (vlc.EventType.MediaPlayerTimeChanged, self._on_time),
            (vlc.EventType.MediaPlayerLengthChanged, self._on_length),
        ):
            events.event_attach(kind, handler)

    # -- Player protocol (the rest is BackendBase's) -------------------------------------
    def position_ms(self) -> int:
        self._adopt()      # polled by the UI: adopts the copy (and ends a hold) without a timer
        return self._clock.position_ms()

    # -- engine hooks (see BackendBase) -------------------------------------------------
    def _open_media(self, path: str) -> None:
        self._set_media(path)

    def _drop_media(self) -> None:
        with self._quietly():
            self._mp.stop()
            self._mp.set_media(None)
        self._drop_windows()

    def _start(self) -> None:
        if self._state == PlayerState.PAUSED:
            self._mp.set_pause(0)
        elif self._state != PlayerState.PLAYING:
            # From stopped/ended: a fresh input that starts at the clock's position (a demuxer
            # seek before the first sample, exact on PCM) instead of play-then-jump.
            start = self._clock.position_ms()
            if self._state == PlayerState.ENDED or (self._duration_ms and start >= self._duration_ms):
                start = 0       # (play() held it unless what is loaded plays 0 exactly)
            self._restart_at(start, paused=False)

    def _pause_engine(self) -> None:
        self._mp.set_pause(1)

    def _seek_engine(self, ms: int) -> None:
        # stopped/ended: the input is gone; the clock holds the position for the next play()
        if self._state in (PlayerState.PLAYING, PlayerState.PAUSED):
            self._mp.set_time(int(round(ms - self._offset_ms)))

    def _apply_rate(self) -> None:
        self._mp.set_rate(self._rate)

    def _apply_volume(self) -> None:
        self._mp.audio_set_volume(self._volume)

    def _release(self) -> None:
        self._mp.release()
        self._instance.release()

    # -- internals ------------------------------------------------------------------------
    def _set_media(self, path: str, start_ms: float = 0, paused: bool = False):
        media = self._instance.media_new_path(path)
        if start_ms:
            media.add_option(f":start-time={start_ms / 1000:.3f}")
        if paused:
            media.add_option(":start-paused")
        with self._quietly():
            self._mp.set_media(media)
        self._input_over = False
        media.release()
        self._playing_path = path

    def _restart_at(self, ms: int, paused: bool) -> None:
        """A fresh input at *ms*. It always starts paused and is then resumed: with a plain
        ``:start-time`` libVLC 3 sometimes plays one 50 ms block from before the target
        (measured on PCM: 2 of 9 starts were -50 ms); starting paused never did (0 of 18)."""
        with self._quietly():
            self._mp.stop()
        assert self._playing_path is not None   # restarting what is loaded
        self._set_media(self._playing_path, max(0.0, ms - self._offset_ms), paused=True)
        self._clock.reset(ms)
        self._mp.play()
        self._mp.set_rate(self._rate)
        self._mp.audio_set_volume(self._volume)
        if not paused:
            deadline = time.monotonic() + START_WAIT_S
            while self._mp.get_state() != vlc.State.Paused and time.monotonic() < deadline:
                time.sleep(0.001)   # typically 3-10 ms
            self._mp.set_pause(0)

    def _adopt_working_copy(self) -> None:
        """Switch to the finished working copy (or a window of it) at the same position and
        state (GUI thread)."""
        copy = self._take_finished_copy()
        if copy is not None:
            self._switch_to(copy, None, self._clock.position_ms())
            self._drop_windows()
        elif self._job is None and self._window is not None:
            # the copy failed: back to the original, approximately, as if there were no windows
            self._switch_to(self._source or "", None, self._clock.position_ms())
            self._drop_windows()
        elif self._job is not None:
            self._follow_windows()

    def _switch_to(self, path: str, window: wc.Window | None, pos: int) -> None:
        """Play *path* (the whole episode, or *window* of it) from *pos* in the present state."""
        self._window, self._window_ended = window, False
        self._offset_ms = window.start_ms if window is not None else 0.0
        state = self._state
        if state in (PlayerState.PLAYING, PlayerState.PAUSED):
            self._playing_path = path
            self._restart_at(pos, paused=state == PlayerState.PAUSED)
            if state == PlayerState.PLAYING:
                self._clock.started()
        else:
            self._set_media(path)
            self._clock.reset(pos)

    # -- windows of the working copy (GUI thread) ----------------------------------------
    def _exact_at(self, ms: int) -> bool:
        if self._window is not None:
            return self._window.covers(ms, SWITCH_MARGIN_MS)
        return self.precise_seeking

    @property
    def hold_progress(self) -> float | None:
        # A hold waits for the window around the target (a second or two), not for the whole
        # copy: the copy's progress would say "3%" for a wait that is nearly over.
        if self._job is not None and self._source is not None and not self._windows_failed:
            return None
        return super().hold_progress

    def _prepare_exact(self, ms: int) -> None:
        if self._job is None or self._source is None or self._windows_failed:
            return
        if self._next_window is not None and self._next_window.covers(ms, SWITCH_MARGIN_MS):
            return                  # decoded already: adopted on the next call
        job = self._window_job
        if job is not None and job.start_ms <= ms < job.end_ms - SWITCH_MARGIN_MS:
            return                  # on its way
        self._start_window(ms - WINDOW_BEFORE_MS, ms + FIRST_WINDOW_MS)

    def _start_window(self, start_ms: float, end_ms: float) -> None:
        if self._window_job is not None:
            self._window_job.cancel()
        self._discard(self._next_window)
        self._next_window = None
        if self._windows_dir is None:
            self._windows_dir = tempfile.TemporaryDirectory(prefix="transcript-editor-windows-",
                                                            ignore_cleanup_errors=True)
        start_ms = max(0.0, start_ms)
        dest = Path(self._windows_dir.name) / f"window-{int(start_ms)}.wav"
        self._window_job = wc.WindowJob(self._source or "", start_ms, end_ms, dest).start()

    def _follow_windows(self) -> None:
        """Take a decoded window over when it is needed, and decode the next one in time."""
        job = self._window_job
        if job is not None and job.ready.is_set():
            self._window_job = None
            if job.window is not None:
                self._discard(self._next_window)
                self._next_window = job.window
            elif job.error != "cancelled":
                self._windows_failed = True     # holds wait for the whole copy, as without windows
        wanted = self._hold_ms if self._hold_ms is not None else self._clock.position_ms()
        upcoming = self._next_window
        if upcoming is not None and upcoming.covers(wanted, SWITCH_MARGIN_MS) and (
                self._hold_ms is not None or self._window is None or self._window_ended
                or wanted >= self._window.end_ms - SWITCH_MARGIN_MS):
            self._next_window = None
            previous = self._window
            self._switch_to(str(upcoming.path), upcoming, wanted)
            self._discard(previous)
            return
        if self._window_ended and self._hold_ms is None and self._window is not None:
            self._hold(wanted, play=True)       # the next window is late: wait for it there
            return
        window = self._window
        if window is not None and self._window_job is None and self._next_window is None \
                and wanted >= window.end_ms - PREFETCH_MS and not window.at_end and not self._windows_failed:
            # it begins before the point where it takes over (SWITCH_MARGIN_MS before this one's end)
            self._start_window(window.end_ms - 2 * SWITCH_MARGIN_MS, window.end_ms + NEXT_WINDOW_MS)

    def _drop_windows(self) -> None:
        if self._window_job is not None:
            self._window_job.cancel()
        self._window_job = self._window = self._next_window = None
        self._offset_ms, self._window_ended, self._windows_failed = 0.0, False, False
        if self._windows_dir is not None:
            self._windows_dir.cleanup()
            self._windows_dir = None

    @staticmethod
    def _discard(window: wc.Window | None) -> None:
        if window is not None:
            window.path.unlink(missing_ok=True)

    def _resume_from_hold(self, ms: int, play: bool) -> None:
        if self._state not in (PlayerState.PLAYING, PlayerState.PAUSED) and not play:
            self._clock.reset(ms)       # stopped: the next play() starts a fresh input here
            return
        self._restart_at(ms, paused=not play)
        if play:
            self._clock.started()

    # libVLC event handlers: no libVLC calls in here (deadlock), only the clock and state.
    def _on_playing(self, _event) -> None:
        if self._state in (PlayerState.PLAYING, PlayerState.STOPPED):
            self._clock.started()
            self._set_state(PlayerState.PLAYING)

    def _on_paused(self, _event) -> None:
        pass   # pause() froze the clock already; a late event must not freeze a resumed one

    def _on_stopped(self, _event) -> None:
        if not self._quiet and not self._input_over and self._state not in (PlayerState.EMPTY, PlayerState.ENDED):
            self._clock.paused()
            self._set_state(PlayerState.STOPPED)

    def _on_end(self, _event) -> None:
        self._input_over = True
        window = self._window
        if window is not None and not window.at_end:
            # The end of a window, not of the episode (the next one was late): the next call from
            # the GUI thread goes on from where the clock stands, as what libVLC buffered is lost.
            self._window_ended = True
            return
        self._ended()

    def _on_error(self, _event) -> None:
        self._input_over = True
        self._failed(f"{self._source}: libVLC could not play this file")

    def _on_time(self, event) -> None:
        if self._state == PlayerState.PLAYING:
            self._clock.update(event.u.new_time + int(round(self._offset_ms)))

    def _on_length(self, event) -> None:
        if self._window is None:        # a window's length is not the episode's
            self._length_reported(event.u.new_length)
