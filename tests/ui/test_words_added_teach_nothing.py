"""Words typed before a turn's first word are an addition, not a correction: the show's glossary
learns nothing from them (it did learn "Absolutely" as a wrong form of "ZZTOP Absolutely")."""

from __future__ import annotations

from PySide6.QtTest import QTest

from editor.core.transcript import Segment, Speaker, Transcript, TranscriptMeta


def _open(window, tmp_path) -> None:
    from editor.core import project
    lines = ["Absolutely, we went out at dawn.", "I think the tide was turning then."]
    transcript = Transcript(meta=TranscriptMeta(title="Harbour"), speakers={"S1": Speaker("S1", "Host")},
                            segments=[Segment(id=f"t{i}", start_ms=i * 4000, end_ms=i * 4000 + 3500, speaker_id="S1",
                                              text=text) for i, text in enumerate(lines)])
    path = tmp_path / "harbour.tep.json"
    project.save(transcript, path)
    assert window.open_path(str(path))


def test_words_typed_before_a_turn_teach_the_glossary_nothing(main_window, qtbot, tmp_path):
    _open(main_window, tmp_path)
    names, view = main_window.names, main_window.view
    learned = []
    names.learner.learned.connect(lambda entry, wrong: learned.append((entry.correct, wrong)))
    for row, typed in ((0, "ZZTOP "), (1, "MORE WORDS ")):
        editor = view.open_editor(row, 0)
        QTest.keyClicks(editor, typed)
        view.close_editor()
        assert main_window.model.segment(row).text.startswith(typed)
    assert learned == []
    glossary = names.show_glossary.glossary
    assert [(e.correct, e.wrong_forms) for e in glossary.entries] == [("Host", [])]    # the speaker's name only
