"""The glossary learns from the producer's own edits and lives in a CSV file a team shares."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from editor.core.errors import TranscriptError
from editor.core.glossary import Glossary
from editor.core.shared_glossary import SharedGlossaryFile, merge
from editor.core.typed_corrections import may_be_misheard, replaced_span

ROOT = Path(__file__).resolve().parents[2]


def test_replaced_span_is_widened_to_words():
    assert replaced_span("I met Jolia Roman, yes.", "I met Joe Lieberman, yes.") == ("Jolia Roman", "Joe Lieberman")
    assert replaced_span("a dog", "a big dog") is None           # an insertion is no correction
    assert replaced_span("same", "same") is None


@pytest.mark.parametrize("old, new, span", [
    ("go to Vard Holm now", "go to Vardholm now", ("Vard Holm", "Vardholm")),   # joined: a word edge in one text only
    ("the cat sat", "the cats at", ("cat sat", "cats at")),
    ("said Vardholm today", "said Vard Holm today", ("Vardholm", "Vard Holm")),
])
def test_the_words_replaced_are_whole_in_both_texts(old, new, span):
    assert replaced_span(old, new) == span


@pytest.mark.parametrize("old, new", [
    ("Absolutely, we did.", "ZZTOP Absolutely, we did."),          # words typed before a turn's first word
    ("I think so.", "MORE WORDS I think so."),
    ("we did absolutely", "we did absolutely ZZTOP now"),          # ... after its last
    ("it was Kofundo today", "it was Kofundo Bay today"),           # ... after a word inside it
    ("ZZTOP Absolutely, we did.", "Absolutely, we did."),          # words deleted before a word
    ("well absolutely, we did.", "Absolutely, we did."),           # ... with the capital moved on
])
def test_words_added_or_removed_beside_kept_words_are_no_replacement(old, new):
    assert replaced_span(old, new) is None
    g = Glossary()
    g.add("Kofundo Bay")
    assert g.learn_from_edit(old, new, names=["ZZTOP Absolutely"]) is None
    assert [(e.correct, e.wrong_forms) for e in g.entries] == [("Kofundo Bay", [])]


def test_edit_teaches_the_wrong_form_of_an_entry():
    g = Glossary()
    g.add("Tamsin Oyelaran")
    entry = g.learn_from_edit("thanks to Tamsin oya lauren today", "thanks to Tamsin Oyelaran today")
    assert entry is g.entry_for("Tamsin Oyelaran") and entry.wrong_forms == ["Tamsin oya lauren"]


def test_edit_to_a_show_notes_name_or_an_unknown_capitalised_name_adds_an_entry():
    g = Glossary()
    assert g.learn_from_edit("with Dorian do valley", "with Dorian Duvalle", names=["Dorian Duvalle"]).wrong_forms \
        == ["Dorian do valley"]
    assert g.learn_from_edit("on kofundoh now", "on Kofundo now").correct == "Kofundo"
    assert g.names() == ["Dorian Duvalle", "Kofundo"]


@pytest.mark.parametrize("old, new", [
    ("the boat was red", "the boat was blue"),              # an everyday word
    ("we went to kofundo", "we went to Kofundo"),          # capitals only
    ("one two three four five six seven", "One Two Three Four Five Six Seven Eight"),  # a rewrite
])
def test_edits_that_teach_nothing(old, new):
    g = Glossary()
    g.add("Kofundo")
    assert g.learn_from_edit(old, new) is None
    assert g.entry_for("Kofundo").wrong_forms == []


def test_an_edit_that_puts_in_no_name_is_told_without_loading_the_matcher():
    # A Replace All of an everyday word is learnt from on the GUI thread: telling that it teaches
    # nothing must not load rapidfuzz and Metaphone (tens of ms the window has not spent yet).
    probe = ("import sys\n"
             "from editor.core.glossary import Glossary\n"
             "g = Glossary()\n"
             "g.add('Kofundo')\n"
             "print(g.learn_from_edit('the boat was red', 'thy boat was red', names=['Dorian Duvalle']),\n"
             "      sorted({'rapidfuzz', 'jellyfish', 'editor.core.corrections', 'editor.core.name_index'}\n"
             "             & set(sys.modules)))\n")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["None", "[]"]


def _entries(g):
    return [(e.correct, e.wrong_forms, e.note) for e in g.entries]


def test_shared_file_merges_two_producers_additions(tmp_path):
    path = tmp_path / "team" / "harbour.csv"
    alice, bob = Glossary(), Glossary()
    alice_file, bob_file = SharedGlossaryFile(path), SharedGlossaryFile(path)
    alice.add("Kofundo", ["co fundo"])
    alice_file.save(alice)
    bob_file.pull(bob)
    assert _entries(bob) == [("Kofundo", ["co fundo"], "")]
    # Both add at the same time; neither overwrites the other.
    alice.add("Tamsin Oyelaran")
    bob.add("Kofundo", ["cofundo"])
    bob.add("Ada Lindqvist")
    bob_file.save(bob)
    alice_file.save(alice)
    result = Glossary()
    result.import_csv(path)
    assert _entries(result) == [("Kofundo", ["co fundo", "cofundo"], ""), ("Tamsin Oyelaran", [], ""),
                                ("Ada Lindqvist", [], "")]
    assert _entries(alice) == _entries(result)
    assert not list(path.parent.glob("*.tmp"))              # written through a temporary file


def test_shared_file_is_re_read_when_it_changes_and_removals_are_merged(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("correct,wrong_forms,note\nKofundo,co fundo,\nOld Name,,\n", encoding="utf-8")
    mine = Glossary()
    shared = SharedGlossaryFile(path)
    assert shared.pull(mine) and not shared.changed_on_disk() and not shared.pull(mine)
    mine.remove("Old Name")                                   # removed here, untouched there: gone
    path.write_text("correct,wrong_forms,note\nKofundo,co fundo; kofundoh,sponsor\nOld Name,,\nNew One,,\n",
                    encoding="utf-8")
    os.utime(path, ns=(1, 1))                                 # a different stamp whatever the clock
    assert shared.changed_on_disk()
    shared.save(mine)
    assert _entries(mine) == [("Kofundo", ["co fundo", "kofundoh"], "sponsor"), ("New One", [], "")]


def test_a_shared_file_gone_from_disk_removes_no_name(tmp_path):
    # Moved, deleted, or on a drive not mounted just now: nothing is known of what the others did,
    # so it is no removal of every name (the next save would have written them away for the team).
    path = tmp_path / "team" / "harbour.csv"
    mine = Glossary()
    mine.add("Kofundo", ["co fundo"])
    mine.add("Tamsin Oyelaran")
    shared = SharedGlossaryFile(path)
    shared.save(mine)
    moved = path.rename(tmp_path / "elsewhere.csv")
    assert not shared.pull(mine)
    assert [e.correct for e in mine.entries] == ["Kofundo", "Tamsin Oyelaran"]
    mine.add("Ada Lindqvist")
    shared.save(mine)                                         # written again, with every name
    again = Glossary()
    again.import_csv(path)
    assert [e.correct for e in again.entries] == ["Kofundo", "Tamsin Oyelaran", "Ada Lindqvist"]
    assert moved.is_file()
    path.write_bytes(b"")                                     # a spreadsheet writing it in place
    assert not shared.pull(mine) and len(mine.entries) == 3


def test_merge_keeps_an_entry_changed_on_the_other_side():
    from editor.core.glossary import GlossaryEntry as E
    base = [E("A", ["a1"])]
    assert [e.correct for e in merge(base, [], [E("A", ["a1", "a2"])])] == ["A"]


def test_broken_shared_file_names_file_and_line(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("correct,wrong_forms\n,orphan\n", encoding="utf-8")
    with pytest.raises(TranscriptError, match="bad.csv.*line 2|line 2.*bad.csv"):
        SharedGlossaryFile(path).pull(Glossary())


def test_glossary_remembers_its_shared_file(tmp_path):
    g = Glossary(path=tmp_path / "show.json")
    g.shared_file = str(tmp_path / "team.csv")
    g.save()
    assert Glossary.load(tmp_path / "show.json").shared_file == str(tmp_path / "team.csv")


def test_a_rewrite_or_a_right_name_replaced_teaches_nothing():
    g = Glossary()
    g.add("Joe Lieberman")
    assert g.learn_from_edit("and he said so", "and Joe Lieberman said so") is None      # a rewrite
    assert g.learn_from_edit("with Joe Lieberman now", "with Jolia Roman now") is None    # the old words were right
    assert g.names() == ["Joe Lieberman"] and g.entry_for("Joe Lieberman").wrong_forms == []


def test_a_known_wrong_form_of_dictionary_words_is_offered_but_not_ticked():
    from editor.core.glossary import scan
    from editor.core.transcript import Segment, Transcript
    g = Glossary()
    assert g.learn_from_edit("we joined the essay then", "we joined TSA then").wrong_forms == ["the essay"]
    t = Transcript(segments=[Segment("s1", 0, 1000, "She wrote the essay on the TSA, and the essay was good.")])
    found = scan(t, g)
    assert [(s.found, s.replacement) for s in found] == [("the essay", "TSA")] * 2
    assert not any(s.ticked for s in found)


@pytest.mark.parametrize("wrong, right, misheard", [
    ("BSA", "EPA", True),               # a name (an acronym)
    ("boat", "vote", True),             # a sound-alike slip
    ("the essay", "TSA", True),
    ("red", "blue", False),             # a change of mind, not a word heard wrong
    ("he", "she said", False),
])
def test_a_typed_correction_is_put_to_the_audio_only_when_it_may_have_been_misheard(wrong, right, misheard):
    assert may_be_misheard(wrong, right) is misheard
