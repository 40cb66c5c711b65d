"""StatusLine: a status text whose changes repaint it and never lay its window out."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QVBoxLayout, QWidget

from editor.ui.widgets.status_line import StatusLine


class _LayoutRequests(QObject):
    count = 0

    def eventFilter(self, _watched, event):  # noqa: N802  (Qt's name)
        self.count += event.type() == QEvent.Type.LayoutRequest
        return False


def test_its_text_is_told_to_screen_readers_from_the_start_and_as_it_changes(qtbot):
    line = StatusLine("Suspects appear here once the audio is aligned.")
    qtbot.addWidget(line)
    assert line.accessibleDescription() == "Suspects appear here once the audio is aligned."
    line.setText("Listening… 3 passages to listen to")
    assert line.accessibleDescription() == "Listening… 3 passages to listen to"


def test_a_new_text_lays_nothing_out_and_a_text_too_long_is_whole_in_its_tooltip(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    line = StatusLine("short", lines=2)
    QVBoxLayout(holder).addWidget(line)
    holder.resize(160, 80)
    holder.show()
    qtbot.waitExposed(holder)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    height = line.height()
    requests = _LayoutRequests()
    holder.installEventFilter(requests)
    long = " ".join(["Checking suggestions against the audio"] * 6)
    line.setText(long)
    qtbot.waitUntil(lambda: line.toolTip() == long)      # set as it is painted, cut
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    assert requests.count == 0 and line.height() == height
    line.setText("fits")
    qtbot.waitUntil(lambda: line.toolTip() == "")
