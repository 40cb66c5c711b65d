"""Correct Everywhere asks the audio about a place the recognizer split over two turns of one speaker:
real alignment and real PocketSphinx on espeak-ng speech.

The text says "Jolia" at the end of one turn and "Roman" at the start of the next, twice. The audio
says "Joe Lieberman" the first time and "Jolia Roman" the second. Both places are checked over
both turns' audio: the first gets "audio agrees", the second "audio prefers the original"."""

from __future__ import annotations

from heard_episode import open_aligned, write_episode  # noqa: E402
from window_helpers import wait_listed

from editor.core import ops  # noqa: E402
from editor.ui.names.correct_dialog import AUDIO_COLUMN  # noqa: E402

# Host, guest, host, guest: each pair becomes one speaker's two turns once the guest's is given to the host.
LINES = [("split name", "Last week we had dinner with {Jolia|Joe}"),
         ("split name", "{Roman|Lieberman} and his wife in the city."),
         ("clean", "Then the next night we saw Jolia"),
         ("clean", "Roman again at the theater downtown.")]


def test_a_place_over_two_turns_is_checked_over_both_turns_audio(main_window, qtbot, tmp_path):
    open_aligned(main_window, qtbot, *write_episode(tmp_path, LINES))
    transcript = main_window.model.transcript
    host = transcript.segments[0].speaker_id
    main_window.model.run(ops.set_speaker(transcript, [1, 3], host))

    dialog = main_window.names.correcting.correct_everywhere("Jolia Roman")
    dialog.right_edit.setText("Joe Lieberman")
    dialog.refresh()
    wait_listed(qtbot, dialog)
    assert [(c.index, c.tail_end is not None) for c in dialog.candidates] == [(0, True), (2, True)]
    qtbot.waitUntil(lambda: not dialog.is_checking_audio(), timeout=60_000)

    verdicts = {c.index: dialog.verdict(c) for c in dialog.candidates}
    assert verdicts[0] is not None and verdicts[0].label == "agrees"
    assert verdicts[2] is not None and verdicts[2].rejected
    audio = [dialog.table.model().index(row, AUDIO_COLUMN).data() for row in range(2)]
    assert audio == ["audio agrees", "audio prefers the original"]       # agreed first
    assert [c.index for c in dialog.ticked()] == [0]
    assert dialog.apply_ticked() == 2       # one place: a span in each turn
    segments = transcript.segments
    assert segments[0].text.endswith("with Joe Lieberman") and segments[1].text.startswith("and his")
    assert segments[2].text.endswith("saw Jolia") and segments[3].text.startswith("Roman again")
    dialog.close()
