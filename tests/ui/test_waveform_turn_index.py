"""The strip's index of turns in time, built in idle slices, is the one built in one go."""

from __future__ import annotations

from editor.ui.timing.waveform import WaveformStrip, _turn_index, _TurnIndexing


def _columns(index):
    return index.starts, index.ends, list(index.payloads), index.reach


def test_slices_make_the_same_index_as_one_pass():
    bounds = [(i * 1000, i * 1000 + (5000 if i % 7 == 0 else 900)) for i in range(2 * _TurnIndexing.SLICE + 5)]
    indexing = _TurnIndexing(bounds)
    steps = 0
    while indexing.step() is None:
        steps += 1
    assert steps == 2
    assert _columns(indexing.made) == _columns(_turn_index(bounds))
    assert indexing.made.visible(7_500, 8_100) == _turn_index(bounds).visible(7_500, 8_100)


def test_untimed_or_unsorted_turns_are_indexed_in_one_go():
    for bounds in ([(0, 900), (None, None), (2000, 2900)], [(5000, 5900), (1000, 1900)]):
        indexing = _TurnIndexing(bounds)
        assert _columns(indexing.step()) == _columns(_turn_index(bounds))


def test_the_strip_draws_the_right_turns_before_and_after_indexing(qtbot):
    strip = WaveformStrip()
    qtbot.addWidget(strip)
    bounds = [(i * 1000, i * 1000 + 900) for i in range(50_000)]
    strip.set_duration(50_000 * 1000)
    strip.set_rows(bounds, ["x"] * len(bounds), [])
    assert [row for _, _, row in strip._turns.visible(10_000_050, 10_002_000)] == [10_000, 10_001, 10_002]
    strip.set_rows(list(bounds), ["x"] * len(bounds), [])
    qtbot.waitUntil(lambda: strip._turn_indexing.made is not None)
    assert [row for _, _, row in strip._turns.starting(49_998_000, 60_000_000)] == [49_998, 49_999]
