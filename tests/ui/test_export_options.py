"""File ▸ Export's publishing-era options: clean verbatim, word-timed WebVTT, chapters, the DOCX author."""

from __future__ import annotations

import io

import docx
from window_helpers import choose, last_opened, open_export

from editor.core import ops
from editor.settings import Key
from editor.ui.widgets.filler_words_dialog import FillerWordsDialog


def test_clean_verbatim_and_word_timing_are_off_by_default_and_change_the_preview(timed_window, qtbot):
    w = timed_window
    w.edits.push(ops.set_text(w.model.transcript, 0, "um the tide came over the breakwater early"), "Typing")
    dialog = open_export(w, qtbot)
    choose(dialog.format_box, "vtt")
    assert not dialog.clean_verbatim.isChecked() and not dialog.word_timed.isChecked()
    dialog.update_preview()
    assert "um the tide" in dialog.preview.toPlainText() and "<c>" not in dialog.preview.toPlainText()
    dialog.clean_verbatim.setChecked(True)
    dialog.word_timed.setChecked(True)
    dialog.update_preview()
    preview = dialog.preview.toPlainText()
    assert "<c>um</c>" not in preview and "<c>the</c>" in preview and "<00:00:" in preview
    assert w.model.transcript.segments[0].text.startswith("um the tide")   # the project keeps its words
    choose(dialog.format_box, "txt")
    assert dialog.clean_verbatim.isEnabled() and not dialog.word_timed.isEnabled()
    dialog.reject()


def test_chapters_head_the_text_and_the_docx_names_its_author(timed_window, qtbot, tmp_path):
    w = timed_window
    w.settings.set(Key.REVIEWER_NAME, "Ada Quist")
    w.chapters.add(9000, "The radio")
    dialog = open_export(w, qtbot)
    choose(dialog.format_box, "txt")
    dialog.update_preview()
    assert "The radio\n=========\n\nMaren Holt (00:09):" in dialog.preview.toPlainText()
    choose(dialog.format_box, "docx")
    out = tmp_path / "harbour.docx"
    dialog.path_edit.setText(str(out))
    assert dialog.export()
    properties = docx.Document(io.BytesIO(out.read_bytes())).core_properties
    assert properties.author == "Ada Quist" and properties.title == "Harbour night"


def test_the_filler_list_is_edited_per_language_and_used_at_once(timed_window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))   # the user's lists go here
    w = timed_window
    dialog = open_export(w, qtbot)
    choose(dialog.format_box, "txt")
    dialog.clean_verbatim.setChecked(True)
    dialog.update_preview()
    assert "the tide came over" in dialog.preview.toPlainText()
    dialog._on_edit_fillers_clicked()
    editor = last_opened(dialog, FillerWordsDialog)
    qtbot.waitUntil(editor.isVisible)
    assert editor.language == "en" and "um" in editor.words()
    editor.editor.setPlainText("um\ntide")
    editor.save()
    assert (tmp_path / "config" / "transcript-editor" / "fillers" / "en.txt").read_text() == "um\ntide\n"
    dialog.update_preview()
    assert "the came over" in dialog.preview.toPlainText()   # "tide" is now a filler for this producer
    dialog._on_edit_fillers_clicked()
    editor = last_opened(dialog, FillerWordsDialog)
    editor.restore_defaults()
    assert "tide" not in editor.words() and "you know" in editor.words()
    editor.reject()
    dialog.reject()


def test_the_inaudible_choice_names_the_formats_default_without_brackets_in_brackets(timed_window, qtbot):
    """The default is said after a colon, not as brackets in brackets ("Format default ([inaudible] (with time))")."""
    dialog = open_export(timed_window, qtbot)
    for name in ("txt", "srt", "vtt"):
        choose(dialog.format_box, name)
        shown = dialog.style_box.itemText(0)
        assert shown.startswith("Format default: ") and "((" not in shown and not shown.endswith("))")
        assert shown.removeprefix("Format default: ") in [dialog.style_box.itemText(i)
                                                            for i in range(1, dialog.style_box.count())]
    dialog.reject()
