"""Which consonant a recognizer may have dropped from a cluster (real PocketSphinx trigram model and
aligner on espeak-ng speech): an r, l or w after a consonant ("pants" for "plants"), never an l or r
after a vowel, which a voice says as part of the vowel ("rose" heard near "rolls")."""

import pytest

from editor.hearing.context import _cluster_apart
from editor.hearing.fit import hearing_aligner
from tests.hearing.context_run import episode_context_suspects


@pytest.fixture(scope="module")
def aligner():
    return hearing_aligner()


def test_only_an_r_l_or_w_after_a_consonant_is_a_cluster_consonant():
    assert _cluster_apart(["P AE N T S"], ["P L AE N T S"])   # pants / plants
    assert _cluster_apart(["F IY"], ["F R IY"])               # fee / free
    assert not _cluster_apart(["R OW Z"], ["R OW L Z"])       # rose / rolls: the back vowel's glide
    assert not _cluster_apart(["K OW D"], ["K OW L D"])       # code / cold
    assert not _cluster_apart(["B IY D"], ["B IY R D"])       # bead / beard: the vowel's r colour


def test_a_right_word_whose_vowel_glides_as_an_l_would_is_left_alone(material, aligner):
    # The voice's "rose" fitted "rolls" 3 per frame better, its glide taken for an l of its length.
    episode = material.episode([], ["After midnight the moon rose over the hill."], voice="en-us+f3", speed=150)
    assert episode_context_suspects(episode, aligner) == []
