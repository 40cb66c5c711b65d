"""A speaker named with a label and a colon ("Clip: Jimmy Carter") survives export and reopening.

Rev-style TXT once read such a turn's header as text (an untimed turn with no speaker, or text
glued to the turn before), and SRT split the name at its colon ("Clip").
"""

import pytest

from editor.core.transcript import Segment, Transcript, Word
from editor.formats import read_file, writer
from editor.formats.base import ExportOptions
from editor.formats.readers._cues import split_speaker


def episode() -> Transcript:
    transcript = Transcript()
    clip = transcript.ensure_speaker("Clip: Jimmy Carter")
    host = transcript.ensure_speaker("Maya Ortiz")
    for n, (text, speaker) in enumerate([("I will never lie to you.", clip),
                                         ("Note: that was the campaign of 1976.", host),
                                         ("Thank you very much.", clip),
                                         ("And that was the clip.", host)]):
        start = n * 5_000
        words = [Word(w, start + 400 * i, start + 400 * i + 300) for i, w in enumerate(text.split())]
        transcript.segments.append(Segment(f"s{n + 1}", start, start + 4_000, text, speaker, words=words))
    return transcript


def _tricky_episode() -> Transcript:
    """Names a colon makes hard to tell from the text: one split at its colon, one ending in a colon."""
    transcript = Transcript()
    people = [transcript.ensure_speaker(name) for name in ("Host: Maya", "Re: Dick", "Q", "Dr. Who:")]
    lines = [("And if the tide turns?", 0), ("Then we row: hard.", 1), ("Why?", 2), ("Because: boats.", 3),
             ("Fine.", 0), ("Who said that?", 3)]
    for n, (text, who) in enumerate(lines):
        start = n * 5_000
        words = [Word(w, start + 400 * i, start + 400 * i + 300) for i, w in enumerate(text.split())]
        transcript.segments.append(Segment(f"s{n + 1}", start, start + 4_000, text, people[who], words=words))
    return transcript


# A label and a name ("Clip: Jimmy Carter"); names split at or ending in a colon ("Host: Maya", "Dr. Who:").
EPISODES = [episode, _tricky_episode]


@pytest.mark.parametrize("make", EPISODES)
@pytest.mark.parametrize("fmt", ["txt", "srt", "vtt", "html", "json"])
def test_a_name_with_a_colon_round_trips(make, fmt, tmp_path):
    original = make()
    path = tmp_path / f"episode.{fmt}"
    path.write_text(writer(fmt).write(original, ExportOptions()), encoding="utf-8")
    reopened = read_file(path).transcript
    turns = [(reopened.speaker_name(s.speaker_id), s.start_ms, s.text) for s in reopened.segments]
    assert turns == [(original.speaker_name(s.speaker_id), s.start_ms, s.text) for s in original.segments]


@pytest.mark.parametrize("make", EPISODES)
def test_a_name_with_a_colon_round_trips_through_text_without_times(make, tmp_path):
    original = make()
    path = tmp_path / "episode.txt"
    path.write_text(writer("txt").write(original, ExportOptions(include_times=False)), encoding="utf-8")
    reopened = read_file(path).transcript
    assert [(reopened.speaker_name(s.speaker_id), s.text) for s in reopened.segments] == [
        (original.speaker_name(s.speaker_id), s.text) for s in original.segments]


def test_a_colon_after_a_known_speakers_name_is_text():
    assert split_speaker("Maya: Note: the tide", {"Maya"}) == ("Maya", "Note: the tide")
    assert split_speaker("Maya Ortiz: Note: the tide") == ("Maya Ortiz", "Note: the tide")
    assert split_speaker("Clip: Jimmy Carter: Thank you") == ("Clip: Jimmy Carter", "Thank you")
    assert split_speaker("Clip: Carter: Thank you", {"Clip: Carter"}) == ("Clip: Carter", "Thank you")


def test_a_name_prefix_with_one_colon_or_a_colon_further_on():
    assert split_speaker("Speaker 3: Play how later keep began") == ("Speaker 3", "Play how later keep began")
    assert split_speaker("Speaker 3: We met at 10:30 by the pier") == ("Speaker 3", "We met at 10:30 by the pier")
    assert split_speaker("Clip: Jimmy Carter:  I will") == ("Clip: Jimmy Carter", "I will")
    assert split_speaker("- Clip: Jimmy Carter : I will") == ("Clip: Jimmy Carter", "I will")
    assert split_speaker("Clip: Jimmy Carter:") == ("Clip", "Jimmy Carter:")   # nothing said after the label


def test_a_rev_header_whose_name_holds_a_colon_starts_a_turn(tmp_path):
    path = tmp_path / "rev.txt"
    path.write_text("Maya Ortiz (00:00):\nHere is the clip.\n\nClip: Jimmy Carter (00:04):\nI will never lie to you."
                    "\n\nDesmond Lee: (00:09)\nThat was 1976.\n", encoding="utf-8")
    reopened = read_file(path).transcript
    assert [(reopened.speaker_name(s.speaker_id), s.start_ms) for s in reopened.segments] == [
        ("Maya Ortiz", 0), ("Clip: Jimmy Carter", 4000), ("Desmond Lee", 9000)]



@pytest.mark.parametrize("cue", ['"Yes: really": she said, and left.', '"I said: no": that was it.',
                                 '"Stop: now": he shouted.', '"Yes": she said.'])
def test_a_quoted_phrase_opening_a_cue_is_text_not_a_speaker(cue):
    assert split_speaker(cue) == (None, cue)


def test_a_quoted_label_with_a_colon_is_a_speaker():
    assert split_speaker('"Host: Maya": And if') == ("Host: Maya", "And if")
    assert split_speaker('- "Dr. Who:": Who said that?') == ("Dr. Who:", "Who said that?")
