"""The transport and review bars are always there with a transcript open: a window layout saved
while the start page hid them (the app once started without a file) must not hide them later,
and a layout already saved that way is repaired."""

from __future__ import annotations

from edit_helpers import write_project
from fake_player import fake_player_factory
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow, QToolBar

from editor.settings import Key, Settings


def _window(qtbot, *, start_page: bool):
    from editor.ui.main_window import MainWindow
    window = MainWindow(player_factory=fake_player_factory, start_page=start_page)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _close(window) -> None:
    window.project.discard_changes()
    window.close()


def _bars_shown(window) -> bool:
    return all(bar.isVisible() for bar in (window.transport, window.review_bar))


def test_a_start_without_a_file_leaves_the_bars_for_the_next_transcript(qtbot, tmp_path):
    empty = _window(qtbot, start_page=True)        # `editor` with no file: the start page
    assert not empty.transport.isVisible()
    _close(empty)
    window = _window(qtbot, start_page=False)      # `editor episode.txt`: the transcript at once
    try:
        assert window.open_path(str(write_project(tmp_path)))
        qtbot.waitUntil(lambda: _bars_shown(window))
    finally:
        _close(window)


def test_the_saved_layout_records_the_bars_shown_even_from_the_start_page(qtbot):
    empty = _window(qtbot, start_page=True)
    _close(empty)
    state = Settings().get(Key.WINDOW_STATE)
    assert state
    # A bare window with bars of the same names takes the saved state as Qt reads it.
    plain = QMainWindow()
    qtbot.addWidget(plain)
    bars = [QToolBar(name, plain) for name in ("Review", "Transport")]
    for bar in bars:
        bar.setObjectName(f"{bar.windowTitle().lower()}_bar")
        plain.addToolBar(bar)
    assert plain.restoreState(QByteArray(state), 1)
    assert not any(bar.isHidden() for bar in bars)


def test_a_layout_saved_with_the_bars_hidden_is_repaired(qtbot, tmp_path):
    # The state an earlier version saved on the start page: both bars recorded hidden.
    broken = _window(qtbot, start_page=False)
    for bar in broken.bottom_bars:
        bar.setVisible(False)
    state = bytes(broken.saveState(1).data())
    broken.close()
    Settings().set(Key.WINDOW_STATE, state)        # over what closing saved
    window = _window(qtbot, start_page=False)
    try:
        assert window.open_path(str(write_project(tmp_path)))
        qtbot.waitUntil(lambda: _bars_shown(window))
        # The repaired layout is the one saved at the next close.
        _close(window)
        again = _window(qtbot, start_page=False)
        assert _bars_shown(again)
        _close(again)
    finally:
        _close(window)
