"""File ▸ Publish… in the real window: warnings, choices, the feed tags to copy, and the files written."""

from __future__ import annotations

import json

from message_boxes import button, wait_for_box, wait_for_no_box
from PySide6.QtGui import QGuiApplication
from window_helpers import last_opened, style_with_button_icons

from editor.settings import Key
from editor.ui.publishing.publish_dialog import PublishDialog


def _open_publish(w, qtbot):
    w.action_table["publish"].trigger()
    dialog = last_opened(w, PublishDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_publish_warns_about_unapproved_turns_and_writes_every_file_with_the_tags(timed_window, qtbot, tmp_path):
    w = timed_window
    w.chapters.add(9000, "The radio")
    dialog = _open_publish(w, qtbot)
    assert "5 of 5 turns are not approved" in dialog.warning.text()
    assert dialog.formats() == ["vtt", "srt", "json", "html", "txt"]
    dialog.base_url.setText("https://cdn.example.com/harbour/")
    dialog.language.setText("en")
    dialog.update_tags()
    tags = dialog.tags.toPlainText()
    assert ('<podcast:transcript url="https://cdn.example.com/harbour/harbour-night.vtt" type="text/vtt" '
            'language="en" rel="captions"/>') in tags
    assert '<podcast:chapters url="https://cdn.example.com/harbour/chapters.json"' in tags
    assert '<podcast:person role="host">Maren Holt</podcast:person>' in tags
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == tags

    out = tmp_path / "site"
    dialog.folder.setText(str(out))
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.last_published is not None and dialog.worker is None, timeout=10_000)
    assert sorted(p.name for p in out.iterdir()) == [
        ".transcript-editor-published.json",
        "chapters.json", "harbour-night.html", "harbour-night.json", "harbour-night.srt", "harbour-night.txt",
        "harbour-night.vtt", "transcript-tags.xml"]
    assert (out / "transcript-tags.xml").read_text() == dialog.tags.toPlainText()
    assert "Published into" in dialog.status.text()
    assert json.loads((out / "chapters.json").read_text())["chapters"] == [{"startTime": 9, "title": "The radio"}]
    assert w.settings.get(Key.PUBLISH_BASE_URL) == "https://cdn.example.com/harbour/"
    assert w.model.transcript.segments[0].text == "the tide came over the breakwater early"
    dialog.reject()


def test_an_approved_episode_shows_ready_and_chosen_formats_are_remembered(timed_window, qtbot, tmp_path):
    w = timed_window
    for row in range(5):
        w.review.approve(row)
    dialog = _open_publish(w, qtbot)
    assert dialog.warning.text().startswith("✓ Every turn is approved and timed")
    for name, box in dialog.format_checks.items():
        box.setChecked(name in ("vtt", "json"))
    dialog.update_tags()
    assert dialog.tags.toPlainText().count("<podcast:transcript ") == 2
    assert "full web address" in dialog.tags.toPlainText()   # no base URL yet
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.last_published is not None and dialog.worker is None, timeout=10_000)
    dialog.reject()
    again = _open_publish(w, qtbot)
    assert again.formats() == ["vtt", "json"]
    again.reject()


def test_a_bad_base_url_or_no_format_disables_publish(timed_window, qtbot):
    dialog = _open_publish(timed_window, qtbot)
    dialog.base_url.setText("example.com/feed")
    dialog.update_tags()
    assert not dialog.publish_button.isEnabled() and "web address" in dialog.status.text()
    assert dialog.status.text().startswith("The base URL") and "'example.com/feed'" in dialog.status.text()
    dialog.base_url.setText("")
    dialog.language.setText("https://cdn.example.com/12")   # typed into the wrong field
    dialog.update_tags()
    assert not dialog.publish_button.isEnabled() and "language must be a code" in dialog.status.text()
    dialog.language.setText("en")
    for box in dialog.format_checks.values():
        box.setChecked(False)
    dialog.update_tags()
    assert not dialog.publish_button.isEnabled() and "at least one format" in dialog.status.text()
    dialog.reject()


def test_publishing_never_overwrites_the_input(main_window, qtbot, tmp_path):
    w = main_window
    source = tmp_path / "episode.txt"
    source.write_text("Maren Holt (00:00):\nThe tide came over the breakwater early.\n")
    assert w.open_path(str(source))
    dialog = _open_publish(w, qtbot)
    dialog.folder.setText(str(tmp_path))   # episode.txt would land on the input itself
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None and "Not published" in dialog.status.text(), timeout=10_000)
    assert "would overwrite the input" in dialog.status.text()
    assert source.read_text() == "Maren Holt (00:00):\nThe tide came over the breakwater early.\n"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("settings")) == ["episode.txt"]
    dialog.reject()


def test_the_worker_stops_before_writing_when_cancelled_and_the_dialog_shows_progress(timed_window, qtbot, tmp_path):
    from editor.ui.publishing.publish_dialog import PublishWorker

    w = timed_window
    worker = PublishWorker(w.model.transcript, str(tmp_path / "stopped"), {"formats": ["vtt", "txt"]})
    heard = []
    worker.progressed.connect(lambda done, total: heard.append((done, total)))
    worker.cancel()
    with qtbot.waitSignal(worker.cancelled, timeout=10_000):
        worker.start()
    worker.wait()
    assert not (tmp_path / "stopped").exists() and heard == [(0, 3)]
    dialog = _open_publish(w, qtbot)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.publish_button.click()
    assert dialog.progress_row.isVisibleTo(dialog) and not dialog.publish_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=10_000)
    assert not dialog.progress_row.isVisibleTo(dialog) and dialog.progress.value() == dialog.progress.maximum()
    dialog.reject()


def test_publish_has_an_icon_as_close_has_where_the_style_puts_icons_on_dialog_buttons(timed_window, qtbot):
    with style_with_button_icons():
        dialog = _open_publish(timed_window, qtbot)
        assert sorted(b.text().replace("&", "") for b in dialog.buttons.buttons()) == ["Close", "Publish"]
        assert not any(b.icon().isNull() for b in dialog.buttons.buttons())
        dialog.reject()


def test_publish_asks_before_replacing_a_file_edited_since_the_last_publish(timed_window, qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    w = timed_window
    w.chapters.add(9000, "The radio")
    out = tmp_path / "site"
    dialog = _open_publish(w, qtbot)
    dialog.folder.setText(str(out))
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.last_published is not None and dialog.worker is None, timeout=10_000)
    vtt = out / "harbour-night.vtt"
    vtt.write_text(vtt.read_text() + "\nNOTE fixed by hand\n")
    edited = vtt.read_text()

    dialog.publish_button.click()
    box = wait_for_box(qtbot, "Replace changed files?", over=dialog, timeout=10_000)
    assert "harbour-night.vtt" in box.text() and "harbour-night.srt" not in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    wait_for_no_box(qtbot, "Replace changed files?", over=dialog)
    assert vtt.read_text() == edited and "kept" in dialog.status.text()

    w.chapters.remove(0)   # republished without chapters: the old chapters.json goes
    dialog.publish_button.click()
    replace = button(wait_for_box(qtbot, "Replace changed files?", over=dialog, timeout=10_000), "Replace")
    dialog.last_published = None
    replace.click()
    qtbot.waitUntil(lambda: dialog.last_published is not None and dialog.worker is None, timeout=10_000)
    assert "fixed by hand" not in vtt.read_text()
    assert not (out / "chapters.json").exists() and "chapters.json" in dialog.status.text()
    dialog.reject()


def test_the_dialog_fits_a_small_screen_with_its_buttons_and_result_line_in_view(timed_window, qtbot, monkeypatch):
    from PySide6.QtCore import QRect

    from editor.ui.publishing.publish_dialog import PublishDialog

    class Netbook:   # a 1024×600 screen's free area (the test screen is larger)
        def availableGeometry(self):
            return QRect(0, 0, 1024, 600)

    monkeypatch.setattr(PublishDialog, "screen", lambda self: Netbook())
    timed_window.model.transcript.segments[2].speaker_id = None   # one more line of warning
    dialog = _open_publish(timed_window, qtbot)
    dialog.status.setText("Published into /somewhere: every file. Upload the files to the base URL.")
    qtbot.waitUntil(lambda: dialog.tags.height() > 0)
    assert dialog.height() <= 560 and dialog.width() <= 1024
    inside = dialog.rect()
    for widget in (dialog.publish_button, dialog.buttons, dialog.status, dialog.tags, dialog.copy_button):
        top_left = widget.mapTo(dialog, widget.rect().topLeft())
        bottom_right = widget.mapTo(dialog, widget.rect().bottomRight())
        assert inside.contains(top_left) and inside.contains(bottom_right), widget
    assert dialog.tags.height() >= dialog.tags.fontMetrics().lineSpacing() * 4
    dialog.reject()


def _faces_as_the_worker_reports(dialog, monkeypatch) -> list[tuple[str, bool, bool]]:
    """(status, progress on show, Publish enabled) each time the dialog's next worker reports its outcome
    or its end, seen right after the dialog took it: connected as the worker starts, after the dialog's
    own slots (a publish that fails at once has reported before the click returns)."""
    from PySide6.QtCore import QThread

    from editor.ui.publishing.publish_dialog import PublishWorker

    faces: list[tuple[str, bool, bool]] = []

    def look(*_) -> None:
        faces.append((dialog.status.text(), dialog.progress_row.isVisibleTo(dialog), dialog.publish_button.isEnabled()))

    def watched_start(worker, *args) -> None:
        for reported in (worker.published, worker.failed, worker.cancelled, worker.finished):
            reported.connect(look)
        QThread.start(worker, *args)

    monkeypatch.setattr(PublishWorker, "start", watched_start)
    return faces


def test_the_outcome_is_said_once_the_publish_has_ended_never_beside_its_progress(timed_window, qtbot, tmp_path,
                                                                                   monkeypatch):
    """The worker's outcome reaches the window before its end does (two queued signals): the line that
    says it is written only once the progress is gone and Publish can be clicked again."""
    w = timed_window
    dialog = _open_publish(w, qtbot)
    dialog.folder.setText(str(tmp_path / "site"))
    faces = _faces_as_the_worker_reports(dialog, monkeypatch)
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=10_000)
    said = [(visible, enabled) for status, visible, enabled in faces if status.startswith("Published into")]
    assert said and said == [(False, True)] * len(said)

    source = tmp_path / "episode.txt"
    source.write_text("Maren Holt (00:00):\nThe tide came over the breakwater early.\n")
    dialog.reject()
    assert w.open_path(str(source))
    dialog = _open_publish(w, qtbot)
    dialog.folder.setText(str(tmp_path))     # episode.txt would land on the input: it fails
    faces = _faces_as_the_worker_reports(dialog, monkeypatch)
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.worker is None, timeout=10_000)
    said = [(visible, enabled) for status, visible, enabled in faces if status.startswith("Not published")]
    assert said and said == [(False, True)] * len(said)
    dialog.reject()


def test_the_feed_tags_wrap_to_the_box_rather_than_scroll_sideways(timed_window, qtbot):
    dialog = _open_publish(timed_window, qtbot)
    dialog.base_url.setText("https://cdn.example.com/harbour-hours/season-two/episodes/")
    dialog.language.setText("en")
    dialog.update_tags()
    tags = dialog.tags
    widest = max(tags.fontMetrics().horizontalAdvance(line) for line in tags.toPlainText().splitlines())
    assert widest > tags.viewport().width()     # lines longer than the box: they would scroll
    qtbot.waitUntil(lambda: tags.document().lineCount() > tags.document().blockCount())   # wrapped
    assert tags.horizontalScrollBar().maximum() == 0
    dialog.reject()
