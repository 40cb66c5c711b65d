"""TaskProgress: a pass's first count shows at once with the widget; the counts that follow, one
per turn, are shown together a moment later (each shown count repaints the bar at once), and the
last one reported is the one shown."""

from __future__ import annotations

from editor.ui.widgets.task_progress import TaskProgress


def test_counts_are_shown_first_at_once_then_the_latest_a_moment_later(qtbot):
    progress = TaskProgress("Listening for suspects", "Stop listening")
    qtbot.addWidget(progress)
    progress.set_progress(0, 62)
    assert progress.isVisible()
    assert (progress.bar.value(), progress.bar.maximum()) == (0, 62)
    repaints = []
    progress.bar.valueChanged.connect(repaints.append)
    for done in range(1, 6):
        progress.set_progress(done, 62)
    assert progress.bar.value() == 0          # not yet: shown together in a turn of the event loop of its own
    qtbot.waitUntil(lambda: progress.bar.value() == 5, timeout=5000)
    assert repaints == [5]
    progress.set_progress(6, 62)
    qtbot.waitUntil(lambda: progress.bar.value() == 6, timeout=5000)


def test_a_hidden_progress_shows_nothing_late(qtbot):
    progress = TaskProgress("Aligning", "Stop aligning")
    qtbot.addWidget(progress)
    progress.set_progress(0, 10)
    progress.set_progress(4, 10)
    progress.hide()
    assert not progress._show_later.isActive()
    # Shown again for the next pass: its own first count at once.
    progress.set_progress(0, 3)
    assert progress.isVisible() and (progress.bar.value(), progress.bar.maximum()) == (0, 3)
