"""Which consonant a recognizer may have dropped from a cluster (real PocketSphinx trigram model and
aligner on espeak-ng speech): an r, l or w beside a consonant ("pants" for "plants", "swan" where the
audio says "swarm"), never an l after a vowel, which a voice says as the vowel's glide ("rose" heard
near "rolls")."""

from editor.hearing.context import _cluster_apart
from tests.hearing.context_run import episode_context_suspects
from tests.hearing.heard_line import heard_line


def test_an_r_l_or_w_beside_a_consonant_is_a_cluster_consonant_but_an_l_after_a_vowel_is_not():
    assert _cluster_apart(["P AE N T S"], ["P L AE N T S"])   # pants / plants
    assert _cluster_apart(["F IY"], ["F R IY"])               # fee / free
    assert not _cluster_apart(["R OW Z"], ["R OW L Z"])       # rose / rolls: the back vowel's glide
    assert not _cluster_apart(["K OW D"], ["K OW L D"])       # code / cold
    assert _cluster_apart(["B IY D"], ["B IY R D"])           # bead / beard: an r colour is heard


def test_a_right_word_whose_vowel_glides_as_an_l_would_is_left_alone(material, aligner):
    # The voice's "rose" fitted "rolls" 3 per frame better, its glide taken for an l of its length.
    episode = material.episode([], ["After midnight the moon rose over the hill."], voice="en-us+f3", speed=150)
    assert episode_context_suspects(episode, aligner) == []


def test_a_vowel_coloured_by_an_r_the_text_lacks_is_still_found(material):
    # "swan" where the audio says "swarm": the r after the vowel is heard ("sworn" fits better).
    _, heard = heard_line(material, ("real word", "A {swan|swarm} settled in the old pear tree on Thursday."), [],
                          voice="en-us+f2", speed=165)
    assert [s.text for s in heard.suspects] == ["swan"]


def test_the_words_a_cluster_consonant_is_asked_about_follow_pronunciations_added_to_the_aligner():
    # Worked out once per pronunciation, they must not outlive a word's pronunciations: "pats" is
    # "pants" with a consonant dropped, until it may also be said as "plants" is.
    from editor.align.aligner import Aligner
    from editor.hearing.context import _cluster_alikes
    from editor.hearing.fit import HEARING_OPTIONS

    aligner = Aligner(HEARING_OPTIONS)
    pants = tuple(aligner.pronunciations("pants"))
    assert "plants" in _cluster_alikes(aligner, pants, True)
    assert "pats" not in _cluster_alikes(aligner, pants, True)
    assert aligner.add_pronunciation("pats", "P L AE N T S")
    assert "pats" in _cluster_alikes(aligner, pants, True)
    assert "plants" not in _cluster_alikes(aligner, pants, False), "only a consonant after a first s"
