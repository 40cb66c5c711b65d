"""File ▸ Export on a project made from a recognizer's transcript: that file is never proposed, and
replacing it asks first with a warning that names it as the original transcript."""

from __future__ import annotations

from message_boxes import shown_box, wait_for_no_box
from window_helpers import choose, open_export

REV = ("Maya Ortiz (00:00):\nWelcome back to Tidewater Notes.\n\n"
       "Desmond Lee (00:09):\nThanks, Maya. Happy to be here.\n")


def test_export_of_a_project_never_proposes_and_asks_before_replacing_its_original(main_window, qtbot, tmp_path,
                                                                                  own_data_dir):
    w = main_window
    source = tmp_path / "short.txt"
    source.write_text(REV, encoding="utf-8")
    assert w.open_path(str(source))
    saved = tmp_path / "short.tep.json"
    assert w.project.save_as(str(saved))
    assert w.open_path(str(saved))             # the next day: the project, not the recognizer's file
    assert w.model.transcript.meta.source_path == str(source)

    dialog = open_export(w, qtbot)
    choose(dialog.format_box, "txt")
    assert dialog.path_edit.text() == str(tmp_path / "short-edited.txt")   # not the original

    dialog.path_edit.setText(str(source))
    assert not dialog.export()
    box = shown_box("Replace", over=dialog)
    assert box is not None and box.windowTitle() == "Replace the original transcript?"
    assert "short.txt is the original transcript this project was made from" in box.text()
    box.reject()
    wait_for_no_box(qtbot, "Replace", over=dialog)
    assert source.read_text(encoding="utf-8") == REV
    assert dialog.isVisible()

    dialog.path_edit.setText(str(tmp_path / "short-edited.txt"))
    assert dialog.export()
    assert "Happy to be here." in (tmp_path / "short-edited.txt").read_text(encoding="utf-8")
