"""The strip finds the boundaries it shows from the turns in view, and they are those of the full pass."""

import random
from bisect import bisect_left, bisect_right

from editor.ui.timing.waveform import WaveformStrip
from editor.ui.timing.waveform_bounds import boundaries, row_boundaries


def _episode(rng: random.Random) -> tuple[list, int]:
    """Turns sorted by start, some untimed, some without an end, with gaps and shared boundaries."""
    bounds, t = [], 0
    for _ in range(rng.randint(1, 30)):
        if rng.random() < 0.15:
            bounds.append((None, None))
            continue
        t += rng.choice([0, 0, 100, 500, 3000])
        start = t
        if rng.random() < 0.3:
            bounds.append((start, None))
            continue
        t += rng.choice([200, 500, 1000, 4000])
        bounds.append((start, t))
        t += rng.choice([0, 0, 300])
    return bounds, t + rng.choice([0, 1000])


def test_each_rows_boundaries_are_those_the_full_pass_gives():
    rng = random.Random(7)
    for _ in range(200):
        bounds, duration = _episode(rng)
        timed = [row for row, (start, _) in enumerate(bounds) if start is not None]
        assert row_boundaries(bounds, timed, duration) == boundaries(bounds, duration)


def test_the_strip_shows_the_boundaries_of_its_window_as_the_full_list_has_them(qtbot):
    rng = random.Random(11)
    strip = WaveformStrip()
    qtbot.addWidget(strip)
    for _ in range(100):
        bounds, duration = _episode(rng)
        strip.set_duration(duration)
        strip.set_rows(bounds, [""] * len(bounds), [])
        full = boundaries(bounds, duration)
        full.sort(key=lambda boundary: boundary.ms)
        at = [boundary.ms for boundary in full]
        for _ in range(10):
            lo = rng.randint(-500, duration + 500)
            hi = lo + rng.randint(0, 6000)
            assert strip._boundaries_between(lo, hi) == full[bisect_left(at, lo):bisect_right(at, hi)]


def test_a_million_turns_need_no_pass_over_every_turn_to_show_a_window(qtbot):
    bounds = [(3000 * i, 3000 * i + 2500) for i in range(1_000_000)]
    strip = WaveformStrip()
    qtbot.addWidget(strip)
    strip.set_duration(3_000_000_000)
    strip.set_rows(bounds, [""] * len(bounds), [])
    assert strip._all_boundaries is None        # nothing computed for the whole episode
    shown = strip._boundaries_between(1_500_000_000, 1_500_020_000)
    assert [b.ms for b in shown] == sorted(b for i in range(500_000, 500_007) for b in (3000 * i, 3000 * i + 2500)
                                           if 1_500_000_000 <= b <= 1_500_020_000)
    assert strip._all_boundaries is None
