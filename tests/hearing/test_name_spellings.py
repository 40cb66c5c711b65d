"""Names spelled by other languages' rules get those languages' readings; acronyms are heard as letters."""

from editor.hearing.fit import hearing_aligner
from editor.hearing.sayings import teach
from editor.hearing.spellings import foreign_readings
from editor.hearing.verdict import other_letters


def test_a_word_spelled_another_languages_way_gets_that_reading():
    assert "JH OW V AA N IY" in foreign_readings("giovanni")          # Italian: "gi" before a vowel
    assert "R IY CH IY" in foreign_readings("ricci")
    assert "V AO Y CH EH HH" in foreign_readings("wojciech")          # Polish: w, j, "ci" before a vowel
    assert "K AO V AA L CH IH K" in foreign_readings("kowalczyk")
    assert "HH IY M EY N AA" in foreign_readings("jimena")            # Spanish j
    assert "IY B AA N Y EY S" in foreign_readings("ibáñez")
    assert "V AY S" in foreign_readings("weiss")                       # German w, ei
    assert "N IY AH V" in foreign_readings("niamh")                    # Irish mh
    assert "S ER R EH N" in foreign_readings("søren")                  # Scandinavian ø
    for plain in ("walker", "morning", "river", "smith"):              # spelled the English way
        assert foreign_readings(plain) == []


def test_a_dictionary_name_spelled_another_way_is_taught_that_reading_too():
    aligner = hearing_aligner()
    teach(aligner, ["Wolfgang Weiss", "Kessler"])
    assert aligner.pronunciations("weiss")[0] == "W AY S" and "V AY S" in aligner.pronunciations("weiss")
    assert aligner.pronunciations("kessler") == ["K EH S L ER"]


def test_a_two_letter_acronym_is_only_said_letter_by_letter():
    aligner = hearing_aligner()
    teach(aligner, ["UN", "NEH"])
    assert aligner.pronunciations("u_n") == ["Y UW EH N"]             # never "un"
    assert "N EH" in aligner.pronunciations("n_e_h")


def test_acronyms_a_letter_apart_areother_letters_not_a_slip():
    assert other_letters("CDC", "CBC") and other_letters("MPR", "NPR")
    assert not other_letters("KP MG", "KPMG")                         # the same letters, split
    assert not other_letters("ANH", "NEH")                            # more than a letter apart
    assert not other_letters("Hall quest", "Hallquist") and not other_letters("the essay", "DSA")


def test_one_vowel_for_another_counts_half_in_the_sound_distance():
    from editor.hearing.sound_match import sound_distance

    def phones(said: str) -> list[str]:
        return said.split()

    name = phones("HH IY M EY N AA IY B AA N Y EY S")            # Jimena Ibáñez, the Spanish way
    heard = phones("HH IY M EH N AH IY B AE N Y EH S")           # "He mena eban yes"
    other = phones("HH IY M EY N AA IY D AA N Y EY T")           # two consonants off
    assert sound_distance(name, heard) == 4 / 26
    assert sound_distance(name, other) == 2 / 13
    assert sound_distance(name, name) == 0.0
