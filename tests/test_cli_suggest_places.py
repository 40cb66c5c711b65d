"""`suggest` in human form: two places in one turn read apart (the time of the word when words are timed,
and the words around each place, the place itself marked)."""

from editor.cli import main
from editor.core import project
from editor.core.transcript import Segment, Transcript, Word

TEXT = "Support us on Patrion today. Every Patrion member gets the bonus episode."


def _glossary(tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("correct,wrong forms,note\nPatreon,Patrion,\n", encoding="utf-8")
    return path


def _lines(capsys, *args) -> list[str]:
    assert main(["suggest", *map(str, args)]) == 0
    return [line for line in capsys.readouterr().out.splitlines() if "'Patrion' -> 'Patreon'" in line]


def test_two_places_in_one_untimed_turn_differ_by_their_words(tmp_path, capsys):
    episode = tmp_path / "episode.txt"
    episode.write_text(f"Maya Ortiz (00:00:01):\n{TEXT}\n\nDesmond Lee (00:00:09):\nThanks, Maya.\n", encoding="utf-8")
    first, second = _lines(capsys, episode, "--glossary", _glossary(tmp_path))
    assert first != second
    assert 'in turn 1: "Support us on «Patrion» today. Every Patrion…"' in first
    assert "Every «Patrion» member" in second


def test_two_places_in_one_timed_turn_give_their_words_times(tmp_path, capsys):
    transcript = Transcript()
    maya = transcript.ensure_speaker("Maya Ortiz")
    words = [Word(token, 1000 + 700 * i, 1000 + 700 * i + 600) for i, token in enumerate(TEXT.split())]
    transcript.segments.append(Segment("s1", 1000, 10_000, TEXT, maya, words=words))
    path = tmp_path / "episode.tep.json"
    project.save(transcript, path)
    first, second = _lines(capsys, path, "--glossary", _glossary(tmp_path))
    assert "] 00:00:03  'Patrion'" in first        # the 4th word, at 1.0 + 3 × 0.7 s
    assert "] 00:00:05  'Patrion'" in second       # the 7th word, at 1.0 + 6 × 0.7 s
