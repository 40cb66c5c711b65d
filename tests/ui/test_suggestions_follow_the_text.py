"""The glossary suggestions panel follows the text it lists suggestions for: after a Restore brings
back fixes already made, it no longer offers them; after a speaker is renamed, its rows name the
speaker by the new name."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from edit_helpers import timed_transcript  # noqa: E402
from restore_helpers import button, kill, prompt  # noqa: E402
from window_helpers import last_opened  # noqa: E402

from editor.core import project  # noqa: E402
from editor.core.transcript import Word  # noqa: E402
from editor.ui.document.speaker_dialog import SpeakersDialog  # noqa: E402

pytestmark = pytest.mark.usefixtures("own_data_dir")

MISHEARD = "we hauled the nets with Maren Hult before the rain"   # turn 2, by Petter Lund


def _project(tmp_path) -> Path:
    """A project whose second turn misspells a speaker's name (a suggestion the scan is sure of)."""
    transcript = timed_transcript()
    turn = transcript.segments[1]
    tokens = MISHEARD.split()
    step = (turn.end_ms - turn.start_ms) // len(tokens)
    turn.text = MISHEARD
    turn.words = [Word(token, turn.start_ms + k * step, turn.start_ms + (k + 1) * step, 0.9)
                  for k, token in enumerate(tokens)]
    path = tmp_path / "harbour.tep.json"
    project.save(transcript, path)
    return path


def _listed(window) -> list[str]:
    panel = window.names.show_glossary.suggestions
    return [] if panel is None else [panel.items.index(row).data() for row in range(panel.items.rowCount())]


def _scanned(window, qtbot) -> list[str]:
    glossary = window.names.show_glossary
    glossary.scan_now()
    qtbot.waitUntil(lambda: not glossary.is_scanning(), timeout=10_000)
    return _listed(window)


def test_after_a_restore_the_fixes_it_brought_back_are_no_longer_offered(windows, tmp_path, qtbot):
    path = _project(tmp_path)
    first = windows()
    assert first.open_path(str(path))
    assert any("Maren Hult" in item for item in _scanned(first, qtbot))
    assert first.names.show_glossary.suggestions.apply_all() == 1
    assert "Maren Holt" in first.model.segment(1).text
    kill(first)

    window = windows()
    assert window.open_path(str(path))
    box = prompt(window, qtbot)
    # The scan of the text as opened (the prompt may wait while the producer reads) offers the fix.
    assert any("Maren Hult" in item for item in _scanned(window, qtbot))
    button(box, "Restore").click()
    qtbot.waitUntil(lambda: "Maren Holt" in window.model.segment(1).text)
    qtbot.waitUntil(lambda: not any("Maren Hult" in item for item in _listed(window)), timeout=10_000)
    glossary = window.names.show_glossary
    qtbot.waitUntil(lambda: not glossary.is_scanning(), timeout=10_000)
    assert not any("Maren Hult" in item for item in _listed(window))
    assert not window.names.show_glossary.suggestions.apply_all_button.isEnabled()
    QApplication.processEvents()


def _speaker_line(window) -> str:
    """The second line of the listed suggestion's item: its time, score and the turn's speaker."""
    items = [item for item in _listed(window) if "Maren Hult" in item]
    assert len(items) == 1
    return items[0].splitlines()[1]


def test_the_listed_suggestions_name_a_turns_speaker_as_renamed_or_changed(windows, tmp_path, qtbot):
    window = windows()
    assert window.open_path(str(_project(tmp_path)))
    _scanned(window, qtbot)
    assert _speaker_line(window).endswith("Petter Lund")
    window.action_table["speakers"].trigger()
    dialog = last_opened(window, SpeakersDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.table.topLevelItem(1).setText(0, "Guest X")     # renamed in place, as the producer does
    assert window.model.transcript.speakers["b"].name == "Guest X"
    assert _speaker_line(window).endswith("Guest X")
    dialog.reject()
    window.edits.undo()
    assert _speaker_line(window).endswith("Petter Lund")
    assert window.edits.set_speaker("a", 1)                # the turn given to another speaker
    assert _speaker_line(window).endswith("Maren Holt")


def test_the_listed_suggestions_follow_turns_split_above_them_and_the_split_undone(windows, tmp_path, qtbot):
    """A split (and its undo) replaces whole rows: the listed suggestion's turn moves down a row and
    back. The list is scanned again each time, so its item names the turn's speaker and Apply edits
    the turn that says it."""
    from editor.core import ops
    window = windows()
    assert window.open_path(str(_project(tmp_path)))
    _scanned(window, qtbot)
    glossary = window.names.show_glossary
    panel = glossary.suggestions

    def listed_at(row: int) -> bool:
        return not glossary.is_scanning() and [s.index for s in panel.suggestions if s.found == "Maren Hult"] == [row]

    first = window.model.segment(0).text
    assert window.edits.push(ops.split(window.model.transcript, 0, first.index(" ") + 1), "Split Turn", 0)
    qtbot.waitUntil(lambda: listed_at(2), timeout=10_000)
    assert _speaker_line(window).endswith("Petter Lund")
    window.edits.undo()                               # the two halves replaced by the turn whole again
    qtbot.waitUntil(lambda: listed_at(1), timeout=10_000)
    assert _speaker_line(window).endswith("Petter Lund")
    assert panel.apply_all() == 1
    assert "Maren Holt before the rain" in window.model.segment(1).text


def test_a_replace_in_several_turns_at_once_leaves_no_suggestion_it_made_moot(windows, tmp_path, qtbot):
    """Replace All writes the name right in every turn: the list is scanned again at once, not left
    offering fixes already made until Apply finds their text gone."""
    from editor.core import ops
    window = windows()
    assert window.open_path(str(_project(tmp_path)))
    assert any("Maren Hult" in item for item in _scanned(window, qtbot))
    transcript = window.model.transcript
    hult = transcript.segments[1].text.index("Hult")
    tea = transcript.segments[4].text.index("tea")
    replace = ops.replace_spans(transcript, [(1, hult, hult + 4, "Holt"), (4, tea, tea + 3, "coffee")])
    assert window.edits.push(replace, "Replace All", 1)
    glossary = window.names.show_glossary
    qtbot.waitUntil(lambda: not glossary.is_scanning() and not any("Maren Hult" in item for item in _listed(window)),
                    timeout=10_000)


def test_a_turn_split_while_a_scan_runs_leaves_what_it_lists_pointing_at_the_turns_that_say_it(windows, tmp_path,
                                                                                              qtbot, monkeypatch):
    """A scan reads the turns as they were when it started: a split meanwhile (the first scan of a long
    episode takes a while, and the producer is already at work) moves the turns below it down a row.
    What it lists must still name the turn that says it, so Apply and the audio check find it."""
    import threading

    from editor.core import ops
    from editor.ui.names import glossary_scan
    started, go_on = threading.Event(), threading.Event()
    real_scan = glossary_scan.scan

    def scan_after_the_split(*args, **kwargs):
        started.set()
        go_on.wait(30)            # hang guard: the test lets it go once the turn is split
        return real_scan(*args, **kwargs)

    monkeypatch.setattr(glossary_scan, "scan", scan_after_the_split)
    window = windows()
    assert window.open_path(str(_project(tmp_path)))
    glossary = window.names.show_glossary
    try:
        glossary.scan_now()
        qtbot.waitUntil(started.is_set, timeout=10_000)
        first = window.model.segment(0).text
        assert window.edits.push(ops.split(window.model.transcript, 0, first.index(" ") + 1), "Split Turn", 0)
    finally:
        go_on.set()
    qtbot.waitUntil(lambda: not glossary.is_scanning() and glossary.suggestions is not None, timeout=10_000)
    panel = glossary.suggestions
    assert [s.index for s in panel.suggestions if s.found == "Maren Hult"] == [2]
    assert _speaker_line(window).endswith("Petter Lund")
    assert panel.apply_all() == 1
    assert "Maren Holt before the rain" in window.model.segment(2).text
