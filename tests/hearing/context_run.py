"""The context check run alone over every turn of an evaluation episode."""

from editor.align.aligner import RATE
from editor.align.text import segment_tokens
from editor.hearing.context import context_suspects
from editor.hearing.fit import fit_tokens
from editor.hearing.suspects import runs, word_doubts


def episode_context_suspects(episode, aligner, check=context_suspects):
    """The suspects :func:`context_suspects` (or *check*, which takes the same arguments) finds in
    each turn of *episode*, heard over the turn and 200 ms around it, after the poorly fitting runs
    it is given as already found."""
    found = []
    for index, segment in enumerate(episode.transcript.segments):
        lo, hi = segment.start_ms - 200, segment.end_ms + 200
        audio = episode.audio[lo * RATE // 1000:hi * RATE // 1000]
        tokens = segment_tokens(segment)
        fitted = fit_tokens(audio, tokens, aligner, lo)
        assert fitted is not None, segment.text
        doubts = word_doubts(segment.text, fitted.tokens)
        already = runs(segment.text, doubts, index, segment.id)
        found += check(segment.text, tokens, fitted, doubts, audio, lo, aligner, index, segment.id,
                                  already)
    return found
