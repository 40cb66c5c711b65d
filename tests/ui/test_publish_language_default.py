"""File ▸ Publish…'s Language starts filled: the transcript's, else the one its text is in (the show's last publish
when that is the same language with a region), else the show's last publish, else the system's."""

from __future__ import annotations

from window_helpers import last_opened

from editor.core import ops
from editor.settings import Key
from editor.ui.publishing.publish_dialog import PublishDialog


def _open_publish(w, qtbot):
    w.action_table["publish"].trigger()
    dialog = last_opened(w, PublishDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_language_starts_with_the_texts_then_the_shows_last_and_the_transcripts_wins(timed_window, qtbot,
                                                                                     tmp_path, monkeypatch):
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    w = timed_window
    assert w.model.transcript.meta.language == ""
    dialog = _open_publish(w, qtbot)
    assert dialog.language.text() == "en"                         # an English text on a German system
    assert "the transcript's text" in dialog.language.toolTip()
    dialog.update_tags()
    assert 'language="en"' in dialog.tags.toPlainText()
    dialog.language.setText("en-GB")
    dialog.folder.setText(str(tmp_path / "site"))
    dialog.publish_button.click()
    qtbot.waitUntil(lambda: dialog.last_published is not None and dialog.worker is None, timeout=10_000)
    assert 'language="en-GB"' in (tmp_path / "site" / "transcript-tags.xml").read_text()
    dialog.reject()

    assert w.settings.get(Key.PUBLISH_LANGUAGES)[""] == "en-GB"
    dialog = _open_publish(w, qtbot)
    assert dialog.language.text() == "en-GB"                      # the show's last publish: the text's, with a region
    dialog.reject()

    w.model.run(ops.SetMeta({"language": "fr"}))
    dialog = _open_publish(w, qtbot)
    assert dialog.language.text() == "fr"                         # the transcript's own
    dialog.reject()
