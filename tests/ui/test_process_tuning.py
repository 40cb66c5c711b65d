"""The window's process-wide tuning: what lives on with the document is moved out of the cyclic
collector's reach when the document is loaded, and again when its words get their times from the
audio (a collection while the episode is heard would otherwise walk every aligned word)."""

from __future__ import annotations

import gc


def test_what_is_alive_when_the_words_have_their_times_is_frozen(main_window):
    lived_on = [[index] for index in range(2000)]     # as aligned words: made after the open, kept
    before = gc.get_freeze_count()
    main_window.timing.words_ready.emit("")
    assert gc.get_freeze_count() >= before + len(lived_on)


def test_pysides_feature_import_hook_is_dropped_and_imports_work_as_before(qapp):
    # The window selects no PySide feature: the import the hook wrapped serves it (the hook read the
    # source of every module it met), and Qt's enums and classes are found as they were.
    import builtins

    from editor.ui import process_tuning
    process_tuning.drop_feature_import_hook()
    assert builtins.__import__ is builtins.__orig_import__
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget
    assert Qt.AlignmentFlag.AlignLeft in Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    assert QWidget().isWindow()
    import json
    assert json.loads("[1]") == [1]
