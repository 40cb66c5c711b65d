"""A word's ending s is no question for the audio (real PocketSphinx trigram model and aligner on
espeak-ng speech): a voice fades a plural's s before a pause until the model hears the word without
it, so the context check does not ask the audio about the word without it."""

from editor.hearing.context import _ending_dropped, _last_phone_dropped, _past_ending_dropped
from tests.hearing.context_run import episode_context_suspects


def test_only_a_last_s_or_z_dropped_is_a_word_ending_dropped():
    assert _ending_dropped(["T R AY P AA D Z"], ["T R AY P AA D"])    # tripods / tripod
    assert _ending_dropped(["R IH S T S"], ["R IH S T"])              # wrists / wrist
    assert not _ending_dropped(["K OW L D"], ["K OW L"])              # cold / coal: the stem's consonant
    assert _last_phone_dropped(["K OW L D"], ["K OW L"])
    assert not _ending_dropped(["T R AY P AA D"], ["T R AY P AA D Z"])  # an s the text lacks


def test_a_right_plural_before_a_pause_is_left_alone(material, aligner):
    # The voice's sentence-final "tripods." fitted "tripod" 1.4 per frame better, and the trigram
    # model prefers "the tripod" there.
    episode = material.episode([], ["At the end of the night we folded the tripods."], voice="en-us+f3", speed=150)
    assert episode_context_suspects(episode, aligner) == []


def test_only_a_regular_past_tense_against_its_plain_form_is_a_past_ending_dropped():
    assert _past_ending_dropped("raked", "rake", ["R EY K T"], ["R EY K"])
    assert _past_ending_dropped("mended", "mend", ["M EH N D IH D"], ["M EH N D"])
    assert not _past_ending_dropped("cold", "coal", ["K OW L D"], ["K OW L"])      # the stem's d
    assert not _past_ending_dropped("rake", "raked", ["R EY K"], ["R EY K T"])     # an ending the text lacks


def test_a_right_past_tense_the_trigrams_want_plain_is_left_alone(material, aligner):
    # "and rake the" is likelier to the trigram model (2.5 orders of magnitude and more, net too),
    # which does not see "pruned" three words before; the voice's "raked" fitted "rake" no worse.
    episode = material.episode([], ["The gardener pruned the roses and raked the leaves off the lawn."],
                               voice="en-us+f3", speed=150)
    assert episode_context_suspects(episode, aligner) == []
