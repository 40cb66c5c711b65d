"""A turn that grows or shrinks by a line moves every turn below it: they are painted again where
they now are, not left where they were (a turn then showed twice, one line apart, once another
repaint drew it at its new place)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QRegion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from editor.core import ops

LONG = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four ")


class _Painted(QObject):
    """The part of a widget painted since it was last cleared, and each paint's part."""

    def __init__(self, widget):
        super().__init__(widget)
        self.region = QRegion()
        self.paints: list[QRegion] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.region += event.region()
            self.paints.append(QRegion(event.region()))
        return False


def _settled(qtbot, view, painted) -> None:
    """Wait until the view has painted what it was asked to and nothing more is coming."""
    qtbot.waitUntil(lambda: not painted.region.isEmpty())
    before = QRegion()
    while before != painted.region:
        before = QRegion(painted.region)
        QApplication.processEvents()


def _covers(region: QRegion, rect: QRect) -> bool:
    return QRegion(rect).subtracted(region).isEmpty()


def _long_enough_to_scroll(w, qtbot) -> None:
    """A last turn tall enough that the scroll bar is there before and after (it coming would
    repaint everything anyway)."""
    w.resize(700, 600)
    w.model.run(ops.set_text(w.model.transcript, 4, LONG * 20))
    qtbot.waitUntil(lambda: w.view.verticalScrollBar().maximum() > 100)


def test_typing_that_wraps_a_turn_onto_a_new_line_repaints_the_turns_below(timed_window, qtbot):
    w, view = timed_window, timed_window.view
    _long_enough_to_scroll(w, qtbot)
    qtbot.waitUntil(lambda: view.row_rect(3).bottom() < view.viewport().height())
    view.open_editor(1, 0)
    qtbot.waitUntil(lambda: view.editor().hasFocus())
    QTest.keyClicks(view.editor(), "so ")          # the turn is edited now (its badge shown)
    painted = _Painted(view.viewport())
    _settled(qtbot, view, painted)
    below_before, height = view.row_rect(3), view.row_rect(1).height()
    for char in LONG:                               # each key painted before the next, as a person types
        painted.region = QRegion()
        QTest.keyClicks(view.editor(), char)
        _settled(qtbot, view, painted)
        if view.row_rect(1).height() > height:      # this key wrapped the turn onto a new line
            break
    moved = view.row_rect(3)
    assert moved.top() > below_before.top()                      # the turn below went down
    assert _covers(painted.region, moved.intersected(view.viewport().rect()))


def test_a_replace_that_shortens_a_turn_repaints_the_turns_below(timed_window, qtbot):
    w, view = timed_window, timed_window.view
    _long_enough_to_scroll(w, qtbot)
    w.model.run(ops.set_text(w.model.transcript, 1, LONG + w.model.segment(1).text))
    qtbot.waitUntil(lambda: view.row_rect(3).bottom() < view.viewport().height())
    QApplication.processEvents()
    below_before = view.row_rect(3)
    painted = _Painted(view.viewport())
    w.model.run(ops.set_text(w.model.transcript, 1, "short now"))   # as Replace All or Undo would
    _settled(qtbot, view, painted)
    moved = view.row_rect(3)
    assert moved.top() < below_before.top()
    assert _covers(painted.region, moved.intersected(view.viewport().rect()))
    assert _covers(painted.region, below_before.intersected(view.viewport().rect()))   # and where it was


def test_a_replace_all_on_screen_is_painted_once(main_window, qtbot, tmp_path):
    # The paint lays out the replaced turns on screen (their estimated heights become exact, moving
    # the turns below): it draws them where they now are, and asks for no second paint of the same.
    cues = [f"{n}\n00:00:{n // 10:02d},{n % 10}00 --> 00:00:{n // 10:02d},{n % 10}90\n"
            f"Speaker {n % 3}: the {'long ' * (n % 9)}words of cue {n}, then the end of the line.\n"
            for n in range(1, 200)]
    path = tmp_path / "cues.srt"
    path.write_text("\n".join(cues), encoding="utf-8")
    w, view = main_window, main_window.view
    w.resize(900, 700)
    assert w.open_path(str(path))
    painted = _Painted(view.viewport())
    _settled(qtbot, view, painted)
    segments = w.model.transcript.segments
    spans = [(row, at, at + 3, "the very best words in the whole wide world, and thy")
             for row, segment in enumerate(segments) if (at := segment.text.find("the")) >= 0]
    assert len(spans) > 64     # a Replace All: its turns' heights are estimated again, not measured
    painted.paints.clear()
    w.model.run(ops.replace_spans(w.model.transcript, spans))
    qtbot.waitUntil(lambda: bool(painted.paints))
    for _ in range(20):
        QApplication.processEvents()
    shown = QRect(0, view.row_rect(view.row_at(0)).top(), view.viewport().width(), view.viewport().height())
    assert len(painted.paints) == 1 and _covers(painted.paints[0], shown.intersected(view.viewport().rect()))
