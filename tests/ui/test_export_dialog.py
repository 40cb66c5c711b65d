"""File ▸ Export in the real window: every writer, options, preview, and the unapproved warning."""

from __future__ import annotations

from message_boxes import shown_box
from window_helpers import choose, open_export, style_with_button_icons

from editor.formats import all_writers


def test_export_with_unapproved_turns_warns_with_a_count(timed_window, qtbot):
    w = timed_window
    w.review.approve(0)
    w.review.approve(2)
    dialog = open_export(w, qtbot)
    assert dialog.warning.isVisible()
    assert "3 of 5 turns are not approved yet" in dialog.warning.text()
    dialog.reject()

    for row in (1, 3, 4):
        w.review.approve(row)
    dialog = open_export(w, qtbot)
    assert not dialog.warning.isVisible()
    dialog.reject()


def test_every_writer_is_offered_and_exports(timed_window, qtbot, tmp_path):
    w = timed_window
    dialog = open_export(w, qtbot)
    names = [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())]
    assert names == [writer.NAME for writer in all_writers()]
    dialog.reject()
    for writer in all_writers():
        dialog = open_export(w, qtbot)
        choose(dialog.format_box, writer.NAME)
        assert dialog.path_edit.text().endswith("harbour" + writer.EXTENSION)
        if writer.NAME != "chapters":                            # chapters.json holds no transcript text
            assert "nets" in dialog.preview.toPlainText()        # DOCX previews as text
        out = tmp_path / f"export{writer.EXTENSION}"
        dialog.path_edit.setText(str(out))
        assert dialog.export() and out.stat().st_size > 0


def test_options_follow_the_format_and_change_the_preview(timed_window, qtbot):
    w = timed_window
    dialog = open_export(w, qtbot)
    choose(dialog.format_box, "srt")
    assert dialog.line_chars.isEnabled() and not dialog.times_check.isEnabled()
    dialog.line_chars.setValue(20)
    dialog.update_preview()
    longest = max(len(line) for line in dialog.preview.toPlainText().splitlines() if "-->" not in line)
    assert longest <= 20
    choose(dialog.format_box, "txt")
    assert not dialog.line_chars.isEnabled() and dialog.times_check.isEnabled()
    dialog.speakers_check.setChecked(False)
    dialog.update_preview()
    assert "Maren Holt" not in dialog.preview.toPlainText()
    dialog.speakers_check.setChecked(True)
    dialog.update_preview()
    assert "Maren Holt" in dialog.preview.toPlainText()


def test_export_error_is_shown_not_raised(timed_window, qtbot, tmp_path):
    w = timed_window
    dialog = open_export(w, qtbot)
    dialog.path_edit.setText(str(tmp_path / "no-such-folder" / "x.txt"))
    assert not dialog.export()
    assert dialog.error_label.isVisible() and "x.txt" in dialog.error_label.text()


def test_every_button_has_an_icon_where_the_style_puts_icons_on_dialog_buttons(timed_window, qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    with style_with_button_icons():
        dialog = open_export(timed_window, qtbot)
        assert [b.text().replace("&", "") for b in dialog.buttons.buttons()] == ["Export", "Cancel"]
        assert not any(b.icon().isNull() for b in dialog.buttons.buttons())
        there = tmp_path / "there.txt"
        there.write_text("an earlier export")
        dialog.path_edit.setText(str(there))
        assert not dialog.export()           # asks first
        box = shown_box("Replace the file?", over=dialog)
        assert isinstance(box, QMessageBox) and len(box.buttons()) == 2
        assert not any(b.icon().isNull() for b in box.buttons())
        box.reject()
        dialog.reject()
