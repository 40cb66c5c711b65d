"""A word's ending s is no question for the audio (real PocketSphinx trigram model and aligner on
espeak-ng speech): a voice fades a plural's s before a pause until the model hears the word without
it, so the context check does not ask the audio about the word without it."""

from editor.hearing.context import _ending_dropped, _last_phone_dropped
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
