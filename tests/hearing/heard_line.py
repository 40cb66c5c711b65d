"""One line of the evaluation material heard alone: the audio checks of its one turn."""

import functools

from editor.align.aligner import RATE, Aligner
from editor.hearing.fit import hearing_aligner
from editor.hearing.listen import HEAR_PAD_MS, hear_segment, plan


def heard_line(material, line, names, **episode_options):
    """The episode of *line* alone (``material.episode`` with *episode_options*: audio, voice,
    speed) and :func:`hear_segment` on its one turn with the glossary *names*."""
    episode = material.episode([line], [], **episode_options)
    job = plan(episode.transcript.segments, len(episode.audio) * 1000 // RATE, names)[0]
    start = max(0, job.start_ms - HEAR_PAD_MS)
    job.audio = episode.audio[start * RATE // 1000:(job.end_ms + HEAR_PAD_MS) * RATE // 1000]
    job.audio_start_ms = start
    return episode, hear_segment(job, _aligner_for(tuple(names)))


@functools.cache
def _aligner_for(names: tuple[str, ...]) -> Aligner:
    """The aligner that hears the lines of one glossary (*names*), made once per test process (a
    decoder's set-up is ~0.2 s of CPU, more than hearing a short line): as a hearing pass's worker
    hears every turn of an episode, with its glossary, on its one aligner. What hearing a line adds
    to it (the names' other readings, taught at the first line; pronunciations of guessed words;
    decodes kept) does not change what the next line's check finds (tests/hearing/test_decode_reuse.py,
    test_decode_order.py). One per glossary: a line is never heard with names its own test did not give."""
    return hearing_aligner()


def assert_left_to_the_context(material, line, word, **voice):
    """A slip the audio cannot judge in *line*: the context doubts *word* whether the audio says the
    right word or *word* itself (as for a homophone), and the right sentence is left alone."""
    for audio in ({}, {"audio": "wrong"}):
        _, heard = heard_line(material, line, (), **audio, **voice)
        assert [(s.text, s.evidence) for s in heard.suspects] == [(word, ["context"])], audio
    _, heard = heard_line(material, line, (), text="right", **voice)
    assert heard.suspects == []
