"""When the context check may overrule the audio, and how clearly the audio must lead (real
PocketSphinx trigram model and aligner on espeak-ng speech): a word the model wants strongly whose
consonant differs from the text's in voicing, manner and place ("glue"/"flew") must be the audio's
choice, so a right sentence said by a British voice keeps its "glue"; a slip of a high vowel for a
low one the audio leads to ("ring" said "rang") is found, and the same sentence said as written, or
written right, is left alone."""

from editor.hearing.context import _far_consonants, heights_apart
from tests.hearing.context_run import episode_context_suspects
from tests.hearing.heard_line import heard_line

GLUE = "The old glass cannot be bought any more, so usually we glue the pieces and carry on."
RING = [("real word", "The phone {ring|rang} while we were eating.")]
RING_RIGHT = ["The phone rang while we were eating."]


def test_only_a_consonant_changed_in_voicing_manner_and_place_is_far():
    assert _far_consonants(["G L UW"], ["F L UW"])            # glue / flew
    assert not _far_consonants(["B OW T"], ["V OW T"])        # boat / vote: both voiced
    assert not _far_consonants(["B AA R K"], ["P AA R K"])    # bark / park: one place, one manner
    assert not _far_consonants(["K OW S T"], ["K AA S T"])    # a vowel
    assert not _far_consonants(["F IY"], ["F R IY"])          # a consonant put back is no change


def test_only_a_high_vowel_for_a_low_one_is_heights_apart():
    assert heights_apart(["R IH NG"], ["R AE NG"])           # ring / rang
    assert not heights_apart(["HH IH L Z"], ["HH IY L Z"])   # hills / heels: neighbours an accent moves
    assert not heights_apart(["W AO K T"], ["W ER K T"])     # walked / worked: a height apart
    assert not heights_apart(["HH OW L D"], ["HH EH L D"])   # hold / held: a gliding vowel
    assert not heights_apart(["F IY"], ["F R IY"])


def test_a_right_word_the_model_would_trade_for_a_far_sounding_one_stays_unsuspected(material):
    # "we flew the pieces" is far likelier to the trigram model; the British voice's "glue" fits
    # "flew" only a little worse, which used to be enough for the model to overrule the audio.
    _, heard = heard_line(material, ("clean", GLUE), [], voice="en-gb+f2", speed=155)
    assert heard.aligned
    assert [s.text for s in heard.suspects] == []


def test_a_vowel_only_slip_the_audio_leads_to_is_found_and_its_controls_are_not(material, aligner):
    episode = material.episode(RING, RING_RIGHT, voice="en-us+f3", speed=150)
    found = {s.text: s.evidence for s in episode_context_suspects(episode, aligner)}
    assert found == {"ring": ["audio", "context"]}, found
    # Said as written (the audio says "ring"), and written right: nothing to doubt.
    assert episode_context_suspects(material.episode(RING, RING_RIGHT, audio="wrong", voice="en-us+f3", speed=150),
                                    aligner) == []
    assert episode_context_suspects(material.episode(RING, RING_RIGHT, text="right", voice="en-us+f3", speed=150),
                                    aligner) == []
