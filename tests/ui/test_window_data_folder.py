"""The window decides the user data folder once, as it is made, and its features keep their data
there: the show's glossary and unsaved work's journal go to the folder the window was given."""

from __future__ import annotations

from edit_helpers import timed_transcript
from fake_player import fake_player_factory

from editor.core.user_data import user_data_dir
from editor.formats import export
from editor.ui.main_window import MainWindow


def test_by_default_the_user_data_folder_of_the_session(main_window):
    assert main_window.context.data_dir == user_data_dir()


def test_the_show_glossary_and_unsaved_work_go_to_the_folder_the_window_was_given(qtbot, tmp_path):
    given = tmp_path / "given"
    window = MainWindow(player_factory=fake_player_factory, data_dir=given)
    qtbot.addWidget(window)
    window.show()
    transcript = tmp_path / "harbour.srt"
    export(timed_transcript(), transcript, "srt")
    assert window.open_path(str(transcript))
    names = window.names.show_glossary
    qtbot.waitUntil(lambda: names.glossary is not None, timeout=10_000)
    assert names.glossary.save().parent == given / "glossaries"

    window.model.set_text(0, "An edit that is journaled.")   # imported, never saved: the data folder keeps it
    qtbot.waitUntil(lambda: any((given / "recovery").glob("*.journal")), timeout=10_000)
    window.project.discard_changes()
    window.close()
