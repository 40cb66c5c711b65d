"""Right words a voice says in a way the model hears otherwise, left alone while the slips of
the same kind are still found (real PocketSphinx trigram model and aligner on espeak-ng speech):
the r's colour dropped from an unstressed ending, a weak h heard as another consonant, pieces of a
name said as the name, a common word its sentence expects heard as a glossary name."""

from tests.hearing.context_run import episode_context_suspects
from tests.hearing.heard_line import heard_line


def test_a_plain_vowel_for_an_r_coloured_ending_is_no_slip_but_a_vowel_slip_is(material, aligner):
    # The voice drops "armour"'s r colour and the model prefers "army" by far; "hold" said "held" is a slip.
    episode = material.episode([("real word", "They {hold|held} a meeting last Tuesday.")],
                               ["The knight in the play wore cardboard armour."], voice="en-us+f3", speed=150)
    assert [s.text for s in episode_context_suspects(episode, aligner)] == ["hold"]


def test_a_weak_h_heard_as_another_consonant_is_no_slip_but_a_far_consonant_said_clearly_is(material, aligner):
    # "hymn" fits "gym" a little better in this voice; "sent" for "went" fits far worse.
    episode = material.episode([("real word", "We {sent|went} to the beach last weekend.")],
                               ["The singers closed the evening with a hymn."], voice="en-us+f2", speed=165)
    assert [s.text for s in episode_context_suspects(episode, aligner)] == ["sent"]


ASHCOMBE = ("sound-alike", "The {Ash combe|Ashcombe} singers closed the evening with a song.")


def test_a_name_piece_said_as_written_is_no_slip_where_it_sounds_like_a_glossary_name(material):
    # Said as written, "combe" fits "come" better than the dictionary's "combe": a piece of a name
    # said as the name is, which the names search judges (it offers Ashcombe: the two are said alike).
    _, heard = heard_line(material, ASHCOMBE, ["Ashcombe"], audio="wrong", voice="en-us+f2", speed=165)
    assert [s.text for s in heard.suspects] == ["Ash combe"]
    assert "context" not in heard.suspects[0].evidence


def test_a_name_split_into_words_is_still_a_suspect_with_the_name_offered(material):
    _, heard = heard_line(material, ASHCOMBE, ["Ashcombe"], voice="en-us+f2", speed=165)
    assert [s.text for s in heard.suspects] == ["Ash combe"]
    assert [s.name for s in heard.spotted] == ["Ashcombe"]


def test_a_common_word_its_sentence_expects_is_no_name_unless_the_audio_clearly_says_it(material):
    names = ["ACLU", "Kessler"]
    _, heard = heard_line(material, ("clean", "{The bakery sells out of rye bread by nine.|"
                                              "The bakery sells out of rye bread by nine.}"), names,
                          voice="en-us+f3", speed=150)
    assert heard.spotted == [] and heard.suspects == []
    _, heard = heard_line(material, ("sound-alike", "The {Kestrel|Kessler} Foundation paid for the new library roof."),
                          names, voice="en-us+f3", speed=150)
    assert [(s.found, s.name) for s in heard.spotted] == [("Kestrel", "Kessler")]


def test_an_l_heard_as_a_nasal_is_no_slip_but_a_vowel_slip_is(material, aligner):
    # This voice says the l of "cellar" so that the turn fits "center" (an n there) 1.5 per frame
    # better; "hold" said "held" is a slip the audio leads to all the same.
    episode = material.episode([("real word", "They {hold|held} a meeting last Tuesday.")],
                               ["Our cellar is looked after by Evander Elkington on weekday mornings."],
                               voice="en-us+f3", speed=150)
    assert [s.text for s in episode_context_suspects(episode, aligner)] == ["hold"]
