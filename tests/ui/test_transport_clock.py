"""The elapsed-time clock of the transport bar: hours are never dropped."""

from __future__ import annotations


def test_a_position_past_an_hour_shows_its_hours_without_audio(main_window, tmp_path, qtbot):
    episode = tmp_path / "long-talk.txt"
    episode.write_text("Speaker 1  0:00  \nWe start at dawn.\n\nSpeaker 2  30:03:55  \n"
                       "And we are still talking thirty hours later.\n", encoding="utf-8")
    assert main_window.open_path(str(episode))
    clock = main_window.transport._elapsed
    main_window.transport.show_position(((30 * 60 + 3) * 60 + 55) * 1000)
    assert clock.text() == "30:03:55"
    main_window.transport.show_position(125_000)
    assert clock.text() == "02:05"


def test_a_long_episode_shows_hours_from_the_start(main_window):
    transport = main_window.transport
    transport.show_duration(2 * 3_600_000)
    transport.show_position(5_000)
    assert transport._elapsed.text() == "00:00:05"
    transport.show_position(3_725_000)
    assert transport._elapsed.text() == "01:02:05"
