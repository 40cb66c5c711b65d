"""PlaybackClock with an injected time source: every rule of its docstring, one test each."""

import pytest

from editor.player.clock import PlaybackClock


class FakeTime:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t

    def advance(self, ms: float) -> None:
        self.t += ms / 1000.0


def make(duration=60_000):
    ft = FakeTime()
    clock = PlaybackClock(now=ft)
    clock.set_duration(duration)
    return clock, ft


def test_interpolates_between_updates():
    clock, ft = make()
    clock.started()
    clock.update(0)
    ft.advance(120)
    assert clock.position_ms() == 120
    ft.advance(180)
    clock.update(300)
    ft.advance(40)
    assert clock.position_ms() == 340


def test_not_running_does_not_advance():
    clock, ft = make()
    ft.advance(500)
    assert clock.position_ms() == 0


def test_pause_freezes_and_resume_continues_from_there():
    clock, ft = make()
    clock.started()
    ft.advance(1000)
    clock.paused()
    ft.advance(5000)
    assert clock.position_ms() == 1000
    clock.started()
    ft.advance(250)
    assert clock.position_ms() == 1250


def test_repeated_value_is_ignored():
    clock, ft = make()
    clock.started()
    clock.update(2000)
    ft.advance(200)
    clock.update(2000)          # VLC repeating itself: not "time stood still"
    assert clock.position_ms() == 2200


def test_small_lag_never_moves_backwards():
    clock, ft = make()
    clock.started()
    clock.update(1000)
    ft.advance(300)
    assert clock.position_ms() == 1300
    clock.update(1260)          # 40 ms behind what was shown
    assert clock.position_ms() == 1300
    ft.advance(20)
    assert clock.position_ms() == 1300   # held until playback catches up...
    ft.advance(60)
    assert clock.position_ms() == 1340   # ...then follows the backend's timeline


def test_big_backwards_jump_is_taken():
    clock, ft = make()
    clock.started()
    clock.update(30_000)
    ft.advance(100)
    clock.update(5_000)
    assert clock.position_ms() == 5_000


def test_seek_reanchors_at_once_and_ignores_stale_reports():
    clock, ft = make()
    clock.started()
    clock.update(10_000)
    ft.advance(100)
    clock.seek(40_000)
    assert clock.position_ms() == 40_000
    ft.advance(30)
    clock.update(10_250)        # still describes the old position
    assert clock.position_ms() == 40_030
    ft.advance(270)
    clock.update(40_290)        # the backend confirms near the target
    assert clock.position_ms() == 40_300
    ft.advance(100)
    assert clock.position_ms() == 40_390   # the backend's timeline, never a step back


def test_seek_elsewhere_is_accepted_after_a_while():
    """A backend that really landed somewhere else must win (VBR seeks before the working copy)."""
    clock, ft = make()
    clock.started()
    clock.seek(20_000)
    ft.advance(800)
    clock.update(31_000)
    assert clock.position_ms() == 31_000


def test_seek_while_paused_stays_put():
    clock, ft = make()
    clock.seek(7_000)
    ft.advance(1000)
    assert clock.position_ms() == 7_000


def test_rate_change_keeps_past_and_scales_future():
    clock, ft = make()
    clock.started()
    ft.advance(1000)
    clock.set_rate(1.5)
    assert clock.position_ms() == 1000
    ft.advance(1000)
    assert clock.position_ms() == 2500
    clock.set_rate(0.5)
    ft.advance(1000)
    assert clock.position_ms() == 3000


def test_capped_at_duration_and_end_pins_it():
    clock, ft = make(duration=2_000)
    clock.started()
    ft.advance(5_000)
    assert clock.position_ms() == 2_000
    clock.ended()
    assert not clock.running
    assert clock.position_ms() == 2_000


def test_seek_clamps_to_range():
    clock, _ = make(duration=2_000)
    clock.seek(-50)
    assert clock.position_ms() == 0
    clock.seek(9_999)
    assert clock.position_ms() == 2_000


def test_reset_forgets_last_report():
    clock, ft = make()
    clock.started()
    clock.update(500)
    clock.reset(500)
    clock.started()
    clock.update(500)           # same number, new medium: accepted, not treated as a repeat
    ft.advance(100)
    assert clock.position_ms() == 600


def test_learns_restart_lag_and_holds_after_the_next_resume():
    clock, ft = make()
    clock.started()
    ft.advance(300)
    clock.update(260)                 # audio really started 40 ms after "playing"
    assert clock.restart_lag_ms["resume"] == pytest.approx(20)   # halfway per restart
    clock.paused()
    clock.started()
    ft.advance(15)
    assert clock.position_ms() == 300     # held while the backend restarts
    ft.advance(105)
    assert clock.position_ms() == 400


def test_learns_lead_after_seeks_and_ignores_the_echo():
    clock, ft = make()
    clock.started()
    clock.seek(30_000)
    clock.update(30_000)              # libVLC echoes set_time at once: no information
    ft.advance(260)
    clock.update(30_300)              # then runs 40 ms ahead of "target + wall time"
    assert clock.restart_lag_ms["seek"] == pytest.approx(-20)
    assert clock.restart_lag_ms["resume"] == 0
    clock.seek(50_000)
    assert clock.position_ms() == 50_020  # starts ahead by what was learned
    ft.advance(100)
    assert clock.position_ms() == 50_120


def test_output_lead_is_taken_off_every_report_and_a_pause_stands_where_the_sound_stopped():
    clock, ft = make()
    clock.set_output_lead(lambda rate: 50.0 if rate == 1.0 else 80.0)
    clock.seek(5000)
    clock.started()
    ft.advance(1000)
    assert clock.position_ms() == 6000
    clock.update(6030)                          # libVLC's time, 50 ms ahead of the sound: 5980 heard
    assert clock.position_ms() == 6000          # never a step back...
    ft.advance(40)
    assert clock.position_ms() == 6020          # ...and then the time heard
    clock.set_rate(1.5)
    ft.advance(200)
    assert clock.position_ms() == 6320
    clock.update(6410)                          # the lead at 1.5x: 6330 heard
    assert clock.position_ms() == 6330
    clock.paused()
    ft.advance(500)
    assert clock.position_ms() == 6330          # where the sound stopped, and resumes
