"""Sound-alike windows: every window of a turn gets the closest glossary name it may say (real aligner
dictionary and g2p), whatever the names' lengths."""

from rapidfuzz.distance import Levenshtein

from editor.align.text import Token, spoken_words
from editor.hearing.fit import hearing_aligner
from editor.hearing.sayings import teach
from editor.hearing.sound_match import MAX_DISTANCE, PhoneSpeller, SoundAlike, _holds, sound_alikes, vowels_half

# Names of every length, from an acronym said letter by letter to a web address read out.
NAMES = ["Milwaukee", "Brandvold", "Kessler", "Hallquist", "Tiberius Vandermolen", "NTSB", "EPA",
         "patreon.com/harborlights", "Marguerite Oyelaran", "Our Revolution"]


def _tokens(text: str) -> list[Token]:
    tokens, at = [], 0
    for word in text.split():
        tokens.append(Token(word, at, spoken_words(word)))
        at += len(word) + 1
    return tokens


def _every_target_compared(tokens: list[Token], names: list[str], phones: PhoneSpeller) -> list[SoundAlike]:
    """Each window compared with every way of saying every name, in the glossary's order: the
    closest within MAX_DISTANCE of the names a window of its width and phone count may say."""
    targets = [target for name in names for target in phones.targets(name)]
    widest = max(target.most for target in targets)
    found = []
    for first in range(len(tokens)):
        for last in range(first, min(len(tokens), first + widest)):
            words = [w for t in tokens[first:last + 1] for w in t.spoken]
            if not words:
                continue
            code = phones.of_words(words)
            best = None
            for target in targets:
                too_far = abs(len(code) - len(target.code)) > MAX_DISTANCE * len(target.code) + 1
                if last - first >= target.most or too_far:
                    continue
                if target.blind is not None:
                    distance = vowels_half(code, target.code, phones.vowel_blind(code, target.flaps), target.blind)
                else:
                    distance = Levenshtein.normalized_distance(code, target.code)
                if distance > MAX_DISTANCE or (best is not None and distance >= best.distance):
                    continue
                if _holds(" ".join(t.text for t in tokens[first:last + 1]).casefold(), target.name):
                    continue
                best = SoundAlike(first, last, target.name, distance)
            if best is not None:
                found.append(best)
    return found


def test_each_window_gets_the_closest_name_of_a_glossary_of_every_length():
    names = [*NAMES, "SARDA"]   # with an acronym said as a word, whose t and d count alike
    aligner = hearing_aligner()
    teach(aligner, names)
    phones = PhoneSpeller(aligner)
    for text in ("We drove to Mill walkie and met Brand fold at the Kestrel office with the MTSP.",
                 "Support us at patrion.com/t H L or write to Margaret oh yellow ran about our religion.",
                 "Tiberius van der mole and said the BSA and Hall quest agreed.",
                 "The sorter team came out at dawn.",
                 "Nothing here sounds like any of them at all."):
        tokens = _tokens(text)
        found = sound_alikes(tokens, names, phones)
        assert found == _every_target_compared(tokens, names, phones), text
    assert "SARDA" in {a.name for a in sound_alikes(_tokens("The sorter team came out."), names, phones)}
    # (the material holds windows of several names and none: the comparison says something)
    heard = sound_alikes(_tokens("We drove to Mill walkie and met Brand fold."), NAMES, phones)
    assert {a.name for a in heard} >= {"Milwaukee", "Brandvold"}



def test_one_speller_over_turns_asked_for_other_names_and_distances_finds_what_fresh_ones_do():
    # A process keeps one speller for every turn it hears, with whatever glossary each turn comes
    # with (and the names check asks with a wider distance than the sound-alike one).
    aligner = hearing_aligner()
    teach(aligner, NAMES)
    kept = PhoneSpeller(aligner)
    text = "We drove to Mill walkie and met Brand fold at the Kestrel office with the MTSP."
    asked = [(NAMES, MAX_DISTANCE), (NAMES[:3], MAX_DISTANCE), (NAMES, 0.45), (NAMES[5:], 0.45), (NAMES, MAX_DISTANCE)]
    for names, distance in asked:
        found = sound_alikes(_tokens(text), names, kept, distance)
        assert found == sound_alikes(_tokens(text), names, PhoneSpeller(aligner), distance), (names, distance)
    assert {a.name for a in sound_alikes(_tokens(text), NAMES[:3], kept)} == {"Milwaukee", "Brandvold"}
    assert {a.name for a in sound_alikes(_tokens(text), NAMES[5:], kept, 0.45)} >= {"NTSB"}

def test_a_passage_is_listened_for_the_names_near_it_in_sound_whatever_their_length():
    import re

    from editor.hearing.spotting import PLAUSIBLE_SOUND, _near_in_sound
    from editor.hearing.verdict import TimedToken

    aligner = hearing_aligner()
    teach(aligner, NAMES)
    phones = PhoneSpeller(aligner)
    text = "Support us at patrion.com/t H L or write to Margaret oh yellow ran about the MTSP."
    tokens = [TimedToken(m.start(), m.end(), 100 * i, 100 * i + 90) for i, m in enumerate(re.finditer(r"\S+", text))]
    windows = [(a, b) for a in range(len(tokens)) for b in range(a, min(len(tokens), a + 6))]
    near = _near_in_sound(text, tokens, windows, NAMES, phones)
    # Every window against every saying of every name, nothing left out for its length.
    expected = {}
    for w_lo, w_hi in windows:
        code = phones.of_text(text[tokens[w_lo].char_start:tokens[w_hi].char_end])
        if not code:
            continue
        heard_as = [name for name in NAMES if any(
            vowels_half(code, saying, phones.vowel_blind(code), phones.vowel_blind(saying)) < PLAUSIBLE_SOUND
            for saying in phones.of_name(name) if saying)]
        if heard_as:
            expected[w_lo, w_hi] = heard_as
    assert near == expected
    assert "Marguerite Oyelaran" in near[9, 12] and "patreon.com/harborlights" in near[3, 5]
