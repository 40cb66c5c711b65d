"""Replace all through the window in many turns: the open editor follows, the journal holds the spans,
and what a crash leaves is restored exactly (also across undo and redo)."""

from __future__ import annotations

from PySide6.QtTest import QTest

from editor.core.words import tokenize
from editor.session import recovery
from editor.session.journal_lines import decode_line

TURNS = 150   # more scattered turns than the model signals one by one


def _write_srt(path):
    """*TURNS* turns of two cues each (a speaker's consecutive cues are one turn), "the" in every second one."""
    cues = []
    for n in range(2 * TURNS):
        turn = n // 2
        speaker = "Ana" if turn % 2 else "Tom"
        words = f"the harbour master {turn} met the crew" if turn % 2 else f"a quiet morning {turn} at sea"
        prefix = f"{speaker}: " if n % 2 == 0 else ""
        clock = f"00:{n // 60:02d}:{n % 60:02d}"
        cues.append(f"{n + 1}\n{clock},000 --> {clock},900\n{prefix}{words}")
    path.write_text("\n\n".join(cues) + "\n", encoding="utf-8")
    return path


def _open(window, tmp_path):
    path = _write_srt(tmp_path / "harbour.srt")
    assert window.open_path(str(path))
    assert window.model.rowCount() == TURNS
    return path


def _replace_all(window, find: str, replacement: str) -> None:
    window.names.find.show_replace()
    panel = window.names.find.panel
    panel.find_edit.setText(find)
    panel.replace_edit.setText(replacement)
    panel.replace_all_button.click()


def _journal_lines(window) -> list[dict]:
    path = window.project.autosave.journal.path
    return [decode_line(line) for line in path.read_bytes().splitlines(keepends=True)[1:]]


def _texts(transcript) -> list[str]:
    return [segment.text for segment in transcript.segments]


def test_the_open_editor_takes_the_replaced_text_and_the_undone_one(main_window, tmp_path):
    w = main_window
    _open(w, tmp_path)
    editor = w.view.open_editor(101, 0)
    assert editor.toPlainText().startswith("the harbour master 101")
    _replace_all(w, "the", "thy")
    assert w.model.segment(101).text.startswith("thy harbour")
    assert editor.toPlainText() == w.model.segment(101).text     # never the old text, to be written back
    w.edits.undo()
    assert editor.toPlainText() == w.model.segment(101).text == " ".join(["the harbour master 101 met the crew"] * 2)


def test_replace_all_is_journaled_as_its_spans_and_restored_exactly(main_window, tmp_path):
    w = main_window
    source = _open(w, tmp_path)
    _replace_all(w, "the", "thy")
    assert w.names.find.panel.status.text() == "Replaced 300 occurrences"
    replaced = _journal_lines(w)[-1]
    assert "set" not in replaced and len(replaced["replace"]) == 75   # the spans, not the turns they made
    expected = _texts(w.model.transcript)
    words = [[word.text for word in segment.words] for segment in w.model.transcript.segments]
    assert words == [[source[a:b] for a, b in tokenize(source)] for source in expected]   # words follow the text
    w.project.autosave.close()      # as if the process died here: the journal stays behind
    pending = recovery.find_for(source, saved=False, data_dir=w.context.data_dir)
    restored = pending.recover()
    assert _texts(restored) == expected
    assert [s.words for s in restored.segments] == [s.words for s in w.model.transcript.segments]
    assert [s.marks for s in restored.segments] == [s.marks for s in w.model.transcript.segments]


def test_undo_and_redo_of_replace_all_are_restored_exactly(main_window, tmp_path):
    w = main_window
    source = _open(w, tmp_path)
    # An edit first: with every edit undone the document is its file again, and its journal goes.
    QTest.keyClicks(w.view.open_editor(0, 0), "Calm. ")
    w.view.close_editor()
    original = _texts(w.model.transcript)
    _replace_all(w, "the", "thy")
    replaced = _texts(w.model.transcript)
    w.edits.undo()
    assert _texts(w.model.transcript) == original
    w.view.open_editor(3, 0)          # a turn shown: its words are made from their recipe meanwhile
    assert w.model.segment(3).words
    w.edits.redo()
    assert _texts(w.model.transcript) == replaced
    kinds = [next(k for k in ("replace", "restore", "set", "rows") if k in line) for line in _journal_lines(w)]
    assert kinds[-3:] == ["replace", "restore", "restore"]    # undo and redo refer to the replace's line
    w.edits.undo()
    w.project.autosave.close()
    restored = recovery.find_for(source, saved=False, data_dir=w.context.data_dir).recover()
    assert _texts(restored) == original
    assert [s.words for s in restored.segments] == [s.words for s in w.model.transcript.segments]


def test_turns_with_derived_word_times_are_journaled_in_full(main_window, tmp_path):
    from editor.core import ops
    from editor.core.transcript import Word, WordTiming

    w = main_window
    source = _open(w, tmp_path)
    segment = w.model.segment(1)
    aligned = [Word(word.text, segment.start_ms + 10 * i, segment.start_ms + 10 * i + 9)
               for i, word in enumerate(segment.words)]
    w.model.run_derived(ops.set_word_times(w.model.transcript, 1, aligned, WordTiming.ALIGNED))   # as alignment does
    _replace_all(w, "the", "thy")
    assert "set" in _journal_lines(w)[-1]    # replay has no aligned words to realign: the turns in full
    w.project.autosave.close()
    restored = recovery.find_for(source, saved=False, data_dir=w.context.data_dir).recover()
    assert [s.words for s in restored.segments] == [s.words for s in w.model.transcript.segments]
    assert restored.segments[1].word_timing is WordTiming.ALIGNED
