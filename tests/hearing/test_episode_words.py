"""The episode's own words against the general language model: a word said alike with a commoner
one ("flour"/"flower") is not doubted on the sentence alone where the episode itself uses it, while
slips said alike are still found (real PocketSphinx trigram model and aligner on espeak-ng speech)."""

import pytest

from editor.align.aligner import RATE
from editor.core.transcript import Segment
from editor.hearing.episode_words import EpisodeWords, ordinary_words
from editor.hearing.fit import hearing_aligner
from editor.hearing.listen import HEAR_PAD_MS, hear_segment, plan
from tests.hearing.heard_line import heard_line

BAKERY = ["We buy our flour from the mill at the top of the valley.",
          "Every sack of flour is weighed before it goes into the mixer.",
          "The bread comes out of the oven at six."]
FLOUR_STORE = "The parish paid for a new flour store behind the bakery."


def heard_turn(material, lines, clean, index, names=(), notes="", **voice):
    """:func:`hear_segment` on turn *index* of the episode of *lines* and *clean* (``material.episode``),
    planned with the whole episode as the window and ``suggest`` plan it."""
    episode = material.episode(lines, clean, **voice)
    jobs = plan(episode.transcript.segments, len(episode.audio) * 1000 // RATE, names, notes=notes)
    job = next(j for j in jobs if j.index == index)
    start = max(0, job.start_ms - HEAR_PAD_MS)
    job.audio = episode.audio[start * RATE // 1000:(job.end_ms + HEAR_PAD_MS) * RATE // 1000]
    job.audio_start_ms = start
    return hear_segment(job, hearing_aligner())


def test_a_word_the_episode_uses_is_not_overruled_by_the_general_model(material):
    voice = dict(voice="en-us+f2", speed=165)
    # Alone, the model wants "flower store" 2.7 orders of magnitude likelier, and the audio says the two alike.
    _, alone = heard_line(material, ("clean", f"{{{FLOUR_STORE}|{FLOUR_STORE}}}"), (), text="right", **voice)
    assert [(s.text, s.evidence) for s in alone.suspects] == [("flour", ["context"])]
    # In a bakery's episode that speaks of flour twice more, the right word is left alone.
    heard = heard_turn(material, [], [*BAKERY, FLOUR_STORE], 3, **voice)
    assert heard.suspects == []


def test_the_page_text_counts_as_the_episodes_own_words(material):
    heard = heard_turn(material, [], [BAKERY[2], FLOUR_STORE], 1, voice="en-us+f3", speed=150,
                       notes="Our bakery mills its own flour.\nThis week: why rye flour behaves differently.")
    assert heard.suspects == []


def test_a_slip_said_alike_is_found_where_the_episode_uses_the_right_word(material):
    # "bread" is the episode's word, "bred" is not: the slip stands out all the more.
    heard = heard_turn(material, [("real word", "She sells fresh {bred|bread} at the market.")], BAKERY, 0,
                       voice="en-us+f3", speed=150)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("bred", ["context"])]


def test_a_common_word_used_elsewhere_still_yields_to_a_clear_wish(material):
    # "road" is said rightly in another turn, but it is a common word: one more use of it is worth
    # little against "he rode his horse" (an order of magnitude of the model's 2.8).
    heard = heard_turn(material, [("real word", "He {road|rode} his horse to the village.")],
                       ["The road to the farm was icy all week."], 0, voice="en-us+f2", speed=165)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("road", ["context"])]


NIGHTS = ["The night shift starts at ten.", "On a clear night our signal reaches the coast.",
          "She reads the news every night."]


@pytest.mark.parametrize(("voice", "evidence"), [(dict(voice="en-us+f2", speed=165), ["audio", "context"]),
                                                  (dict(voice="en-us+f3", speed=150), ["context"])])
def test_the_episodes_use_of_a_word_does_not_count_against_a_sound_alike_the_audio_could_judge(
        material, voice, evidence):
    # "night" is the episode's word (three more uses), but "light" is a phone away: the audio could
    # tell them apart and does not rule "light" out (one voice prefers it by a verdict's margin),
    # and the model wants it 3.2 orders of magnitude: a slip, whatever the episode says elsewhere.
    slip = ("real word", "When the red {night|light} over the studio door is on, nobody may come in.")
    heard = heard_turn(material, [slip], NIGHTS, 0, **voice)
    assert [(s.text, s.evidence) for s in heard.suspects] == [("night", evidence)]


@pytest.mark.parametrize("voice", [dict(voice="en-us+f2", speed=165), dict(voice="en-us+f3", speed=150)])
def test_a_word_alike_only_in_a_second_pronunciation_needs_a_strong_wish(material, voice):
    # color's second pronunciation (K AO L ER) is caller's: the model wants "our favourite color"
    # 3.4 orders of magnitude likelier, but only 2.3 net of color's commonness: no suspect; a slip
    # said alike in both words' main pronunciations needs far less ("fresh bred", above). The word
    # is settled so: the audio is not asked about its sound-alikes, where these voices' "caller"
    # would lead it to "called".
    said = "Our favourite caller rings in from the harbour every Monday."
    _, heard = heard_line(material, ("clean", f"{{{said}|{said}}}"), (), text="right", **voice)
    assert heard.suspects == []


def test_the_episode_words_are_its_ordinary_words_outside_the_turn():
    turns = ["The flour store is full.", "Mrs Flower bakes. Flour costs more in winter.", "A flower and sourdough"]
    words = EpisodeWords(turns, notes="Rye flour", names=["Flower Mill", "sourdough starter"])
    # Names (capitalised inside a sentence, and the glossary's) are not counted; sentence starts are;
    # the turn's own words do not count for it.
    assert words.uses_outside(turns[0]) == {"flour": 2}
    assert words.uses_outside(turns[2]) == {"sourdough": 1}
    # A British spelling counts as the American word the model knows.
    assert EpisodeWords(["Our colour scheme", "The color of the wall"]).uses_outside("The color of the wall") == {
        "color": 1}
    assert list(ordinary_words("We saw Lee bake bread. Flour is dear")) == ["we", "saw", "bake", "bread", "flour", "is",
                                                                             "dear"]


def test_every_heard_turn_is_planned_with_the_rest_of_the_episodes_uses_of_its_words():
    segments = [Segment(f"s{i}", i * 4000, i * 4000 + 3000, text) for i, text in
                enumerate(["We sift the flour twice.", "The flour store is dry.", "Nothing here."])]
    jobs = plan(segments, 12000, ["Flour Mill"], notes="Fresh flour daily")
    assert [job.episode_uses.get("flour", 0) for job in jobs] == [2, 2, 0]
    # Some turns planned again (after an edit) count the episode's words as they are given.
    vocabulary = EpisodeWords([s.text for s in segments])
    assert plan(segments, 12000, indices=[1], vocabulary=vocabulary)[0].episode_uses == {"the": 1, "flour": 1}
    assert plan(segments, 12000, names_only=True)[0].episode_uses == {}


def test_the_count_follows_an_edited_turn_and_shares_out_what_a_few_turns_need():
    turns = ["We sift the flour twice.", "The flower store is dry."]
    words = EpisodeWords(turns)
    words.replace(turns[1], "The flour store is dry.")
    assert words.uses_outside("The flour store is dry.") == {"the": 1, "flour": 1}
    share = words.about(["The flour store is dry."])
    assert share.uses_outside("The flour store is dry.") == {"the": 1, "flour": 1}
    words.replace(turns[0], "")       # a turn taken away
    assert words.uses_outside("The flour store is dry.") == {}
    assert share.uses_outside("The flour store is dry.") == {"the": 1, "flour": 1}   # a share of its own
