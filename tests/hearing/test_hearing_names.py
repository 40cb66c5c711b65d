"""Glossary names heard by their other pronunciations and in places the fit alone does not flag
(real PocketSphinx on espeak-ng speech; no scorer is mocked)."""

from editor.align.aligner import RATE
from editor.align.text import segment_tokens
from editor.hearing.fit import fit_tokens, hearing_aligner
from editor.hearing.listen import listening_spans
from editor.hearing.sayings import french_reading, teach
from editor.hearing.sound_match import PhoneSpeller, sound_alikes
from editor.hearing.suspects import word_doubts
from editor.hearing.verdict import (
    AGREES,
    PREFERS_ORIGINAL,
    SOUNDS_ALIKE,
    UNSURE,
    TimedToken,
    compare,
    cut,
    region_of,
)
from tests.hearing.heard_line import heard_line

# Names a glossary might hold besides the right one.
OTHERS = ["Marguerite Oyelaran", "Tiberius Vandermolen", "Hallquist", "Brandvold", "Kessler", "Milwaukee",
          "NTSB", "EPA", "Our Revolution"]


def _heard(material, line, names, **episode_options):
    """hear_segment on the one turn of an episode of *line* (audio saying the right words)."""
    return heard_line(material, line, names, **episode_options)


def _fitted_turn(material, line, aligner):
    """The one turn of an episode of *line*, its passage, its audio from 500 ms before it (and where
    that starts), and its words fitted by *aligner*, as TimedTokens."""
    episode = material.episode([line], [])
    segment, passage = episode.transcript.segments[0], episode.passages[0]
    start = max(0, segment.start_ms - 500)
    audio = episode.audio[start * RATE // 1000:(segment.end_ms + 1300) * RATE // 1000]
    fitted = fit_tokens(audio, segment_tokens(segment), aligner, start)
    assert fitted is not None
    timed = [TimedToken(t.char_start, t.char_end, t.start_ms, t.end_ms) for t in fitted.tokens]
    return segment, passage, audio, start, fitted, timed


def test_a_guessed_name_gets_its_other_readings():
    aligner = hearing_aligner()
    teach(aligner, ["Anouk Delacroix", "NEH", "NASA", "news@tideline.io", "Kessler"])
    anouk = aligner.pronunciations("anouk")
    assert "AE N AW K" in anouk[1:]                  # the English letter rules
    assert french_reading("anouk") in anouk[1:] and french_reading("delacroix") == "D AH L AA K R W AA"
    assert "T AY D L AY N" in aligner.pronunciations("tideline")        # "tide" + "line", not "ti" + "deline"
    assert aligner.pronunciations("n_e_h") == ["EH N IY EY CH", "N EH"]  # letters, and said as a word
    assert "EH N EY EH S EY" in aligner.pronunciations("nasa")          # a word, and letter by letter
    assert aligner.pronunciations("kessler") == ["K EH S L ER"]          # the dictionary's stands alone


def test_three_letters_starting_with_a_vowel_are_said_as_a_word_only_when_one():
    aligner = hearing_aligner()
    teach(aligner, ["IMF", "NSA", "FAA", "WHO"])
    assert aligner.pronunciations("i_m_f") == ["AY EH M EH F"]        # no "imf"
    assert aligner.pronunciations("f_a_a")[1:] == ["F AE AE"]         # "faa" starts with its consonant
    assert len(aligner.pronunciations("n_s_a")) == 2
    assert "HH UW" in aligner.pronunciations("w_h_o")                  # a dictionary word


def test_a_poorly_heard_word_is_not_taken_for_an_acronyms_letters_said_as_no_word(material):
    # This voice's "sells" fits its own phones badly, and "IH M F" (IMF said as a word, which no
    # one says) fitted it far better: the name was heard there. Its letters do not.
    line = ("clean", "The shop sells coal and firewood in winter.")
    _episode, heard = _heard(material, line, ["IMF", "NSA", "Marlowe"], voice="en-us+f3", speed=150)
    assert heard.spotted == []


def test_the_audio_hears_a_name_by_its_other_reading(material):
    # The guessed pronunciation of "Anouk" is far from what is said: the audio then prefers the
    # text's sound-alike words. With the other readings taught, it no longer does, and the
    # name's own fit gets much better.
    line = ("split name", "Our producer {a nook della cross|Anouk Delacroix} edited the whole series.")
    verdicts = []
    for taught in (False, True):
        aligner = hearing_aligner()
        if taught:
            teach(aligner, ["Anouk Delacroix"])
        segment, passage, audio, start, _fitted, timed = _fitted_turn(material, line, aligner)
        where = region_of(segment.text, timed, passage.start, passage.end)
        verdicts.append(compare(cut(audio, start, where), where, "Anouk Delacroix", aligner))
    guessed, taught = verdicts
    assert guessed.label == PREFERS_ORIGINAL
    assert taught.label != PREFERS_ORIGINAL and taught.fit > guessed.fit + 1.0


def test_a_name_said_with_the_texts_phones_is_judged_by_its_own_alignment(material):
    # "Mill walkie" and Milwaukee are said with the same phones: however the two fit, the audio
    # neither agrees with the name nor rejects it, so a caller that asks only that (the
    # sound-alike search) gets "sounds alike" and the name's own fit without the text's alignment.
    line = ("sound-alike", "My sister moved to {Mill walkie|Milwaukee} after the wedding.")
    aligner = hearing_aligner()
    teach(aligner, ["Milwaukee", "Kessler"])
    segment, passage, audio, start, _fitted, timed = _fitted_turn(material, line, aligner)
    where = region_of(segment.text, timed, passage.start, passage.end)
    sample = cut(audio, start, where)
    full = compare(sample, where, "Milwaukee", aligner)
    quick = compare(sample, where, "Milwaukee", aligner, margin_needed=False)
    assert full.label in (SOUNDS_ALIKE, UNSURE)
    # (margin 0: the text was not aligned)
    assert (quick.label, quick.margin, quick.fit, quick.coverage) == (SOUNDS_ALIKE, 0.0, full.fit, full.coverage)
    assert full.margin != 0.0
    # A name said otherwise gets the whole verdict either way.
    assert compare(sample, where, "Kessler", aligner, margin_needed=False) == compare(sample, where, "Kessler", aligner)


def test_a_glossary_acronym_said_as_a_word_is_listened_for_and_agrees(material):
    # espeak-ng says "NEH" as one word here ("nay"); the text's "ANH" may fit that sound well
    # enough not to be a suspect, but no dictionary knows it, so the names are listened for
    # there; and with "NEH" also readable as a word, the audio agrees with it.
    line = ("acronym", "The grant came from the {ANH|NEH} last autumn.")
    aligner = hearing_aligner()
    teach(aligner, OTHERS + ["NEH"])
    segment, passage, audio, start, fitted, timed = _fitted_turn(material, line, aligner)
    doubts = word_doubts(segment.text, fitted.tokens, None, lambda word: word.lower() in segment.text.lower()
                         and word != "ANH")
    # listened for by its spelling alone, with or without a poorly fitting run there
    assert (passage.start, passage.end) in listening_spans(doubts, [], [], timed)
    where = region_of(segment.text, timed, passage.start, passage.end)
    assert compare(cut(audio, start, where), where, "NEH", aligner).label == AGREES


def test_a_glossary_acronym_spoken_letter_by_letter_is_found(material):
    line = ("acronym", "She wrote to the {PBA|TVA|T V A} about the river dam.")
    _episode, heard = _heard(material, line, OTHERS + ["TVA"])
    assert [(s.found, s.name) for s in heard.spotted] == [("PBA", "TVA")]
    _episode, nothing = _heard(material, ("clean", "She wrote to the council about the river dam."), OTHERS + ["TVA"])
    assert nothing.spotted == []


def test_a_web_address_read_out_is_a_window_of_as_many_words():
    from editor.align.text import Token, spoken_words

    text = "write to news at tide line dot i o today"
    tokens, at = [], 0
    for word in text.split():
        tokens.append(Token(word, at, spoken_words(word)))
        at += len(word) + 1
    aligner = hearing_aligner()
    teach(aligner, ["news@tideline.io"])
    found = sound_alikes(tokens, ["news@tideline.io"], PhoneSpeller(aligner))
    best = min(found, key=lambda a: a.distance)
    # wider than the four words a name usually takes: from "news" to past "dot"
    assert best.first == 2 and best.last >= 7 and best.distance < 0.2


def test_a_name_taking_a_short_word_at_its_edge_is_the_exception():
    import re

    from editor.hearing.spotting import _swallows

    text = "He worked for the SBA for our Revolution."
    tokens = [TimedToken(m.start(), m.end(), 100 * i, 100 * i + 90) for i, m in enumerate(re.finditer(r"\S+", text))]
    assert _swallows(text, tokens[3], "FDA", first=True)               # "the": applying would drop it
    assert not _swallows(text, tokens[4], "FDA", first=True)           # "SBA" is an acronym, not a short word
    assert not _swallows(text, tokens[6], "Our Revolution", first=True)  # the name's own first word


def test_a_contraction_at_a_names_edge_is_a_short_word_too():
    import re

    from editor.hearing.spotting import _swallows

    # "I'm DACA, Leora more hall": a window from "I'm" would have the name take the producer's
    # "I'm" with it, so the audio must clearly prefer it, as for "the".
    text = "I'm DACA, Leora more hall, and it’s late."
    tokens = [TimedToken(m.start(), m.end(), 100 * i, 100 * i + 90) for i, m in enumerate(re.finditer(r"\S+", text))]
    assert _swallows(text, tokens[0], "Daraka Larimore-Hall", first=True)
    assert _swallows(text, tokens[6], "Daraka Larimore-Hall", first=True)      # "it’s"
    assert not _swallows(text, tokens[1], "Daraka Larimore-Hall", first=True)  # "DACA," an acronym


def test_a_name_far_from_the_passage_in_sound_needs_a_clear_margin():
    from editor.hearing.spotting import FAR_MARGIN, SPOT_MARGIN, _far_in_sound

    aligner = hearing_aligner()
    teach(aligner, ["Marlowe", "DSA", "RSPB", "Our Revolution"])
    assert _far_in_sound("boiled", "Marlowe", aligner) and _far_in_sound("NCA", "RSPB", aligner)
    assert not _far_in_sound("the essay", "DSA", aligner) and not _far_in_sound("our religion", "Our Revolution",
                                                                                aligner)
    assert FAR_MARGIN > SPOT_MARGIN


def test_a_name_is_listened_for_only_in_windows_near_it_in_sound():
    import re

    from editor.hearing.spotting import _near_in_sound

    text = "My guest is Chevonne cove all check from the library."
    tokens = [TimedToken(m.start(), m.end(), 100 * i, 100 * i + 90) for i, m in enumerate(re.finditer(r"\S+", text))]
    aligner = hearing_aligner()
    names = ["Siobhan Kowalczyk", "UN", "WHO", "RSPB"]
    teach(aligner, names)
    near = _near_in_sound(text, tokens, [(3, 6), (2, 7), (8, 8)], names, PhoneSpeller(aligner))
    assert near[3, 6] == ["Siobhan Kowalczyk"]    # the misheard name's own words
    assert (8, 8) not in near                    # "library." sounds like none of them
    # A garbled acronym is still near its name: letters' vowels count half.
    near = _near_in_sound("Call the NCA if you", [TimedToken(0, 4, 0, 1), TimedToken(5, 8, 0, 1),
                                                   TimedToken(9, 12, 0, 1)], [(2, 2)], names, PhoneSpeller(aligner))
    assert near[2, 2] == ["RSPB"]


def test_a_winner_edged_by_short_words_is_judged_first_without_them():
    import re

    from editor.hearing.spotting import _without_short_edges

    text = "The grant came from the ANH last autumn."
    tokens = [TimedToken(m.start(), m.end(), 100 * i, 100 * i + 90) for i, m in enumerate(re.finditer(r"\S+", text))]
    assert _without_short_edges(text, tokens, 4, 5, "NEH") == (5, 5)              # "the ANH" -> "ANH"
    assert _without_short_edges(text, tokens, 3, 6, "NEH") == (3, 6)              # "from", "last": no short words
    assert _without_short_edges(text, tokens, 5, 5, "NEH") == (5, 5)
    text = "She marched with our religion in the spring."
    tokens = [TimedToken(m.start(), m.end(), 100 * i, 100 * i + 90) for i, m in enumerate(re.finditer(r"\S+", text))]
    assert _without_short_edges(text, tokens, 3, 4, "Our Revolution") == (3, 4)   # the name's own first word
