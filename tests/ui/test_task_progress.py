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


def test_the_pass_stands_apart_from_what_the_status_bar_shows_before_it(qtbot):
    from PySide6.QtWidgets import QLabel, QStatusBar
    bar = QStatusBar()
    qtbot.addWidget(bar)
    summary = QLabel("Otter.ai text · 19 turns · episode.ogg")
    bar.addPermanentWidget(summary)
    progress = TaskProgress("Listening for suspects", "Stop listening")
    bar.addPermanentWidget(progress)
    bar.resize(900, 30)
    bar.show()
    progress.set_progress(0, 19)
    qtbot.waitExposed(bar)
    qtbot.waitUntil(lambda: progress.label.isVisible())
    label_left = progress.label.mapTo(bar, progress.label.rect().topLeft()).x()
    gap = label_left - summary.geometry().right()
    assert gap >= 12, gap        # not one run of text: "… · episode.ogg Listening for suspects"
