"""The window's count of the episode's words follows its edits: a turn's old words taken away and its
new ones added, turns split, merged or deleted, and edits made while a pass was counting put to its
count when it arrives (a real TranscriptModel and its edits)."""

from __future__ import annotations

from editor.core.transcript import Segment, Transcript
from editor.hearing.episode_words import EpisodeWords
from editor.ui.document.transcript_model import TranscriptModel
from editor.ui.hearing.episode_vocabulary import EpisodeVocabulary

FLOUR_STORE = "The flour store is dry."


def _model() -> TranscriptModel:
    return TranscriptModel(Transcript(segments=[
        Segment("a", 0, 3000, "We sift the flour twice."), Segment("b", 3000, 6000, "Flour comes in sacks."),
        Segment("c", 6000, 9000, "The flower store is dry.")]))


def _agrees_with_a_new_count(vocabulary: EpisodeVocabulary, model: TranscriptModel) -> bool:
    """Whether every turn is given the uses of its words that counting the episode as it reads now gives."""
    texts = [s.text for s in model.transcript.segments]
    share, fresh = vocabulary.for_turns(texts), EpisodeWords(texts)
    assert share is not None
    return all(share.uses_outside(text) == fresh.uses_outside(text) for text in texts)


def test_edits_while_and_after_a_pass_counts(qtbot):
    model = _model()
    vocabulary = EpisodeVocabulary(model)
    assert vocabulary.for_turns([FLOUR_STORE]) is None       # nothing counted yet
    snapshot = {s.id: s.text for s in model.transcript.segments}
    vocabulary.counting()
    model.set_text(2, FLOUR_STORE)             # edited while the pass counts the snapshot
    vocabulary.counted(EpisodeWords(snapshot.values()), snapshot)
    share = vocabulary.for_turns([FLOUR_STORE])
    assert share is not None and share.uses_outside(FLOUR_STORE) == {"the": 1, "flour": 2}
    assert _agrees_with_a_new_count(vocabulary, model)
    model.set_text(1, "Rye comes in sacks.")   # edited after
    assert _agrees_with_a_new_count(vocabulary, model)
    undo_split = model.split(0, len("We sift the flour"))
    assert len(model.transcript.segments) == 4 and _agrees_with_a_new_count(vocabulary, model)
    model.run(undo_split)                      # the added turn taken away
    assert len(model.transcript.segments) == 3 and _agrees_with_a_new_count(vocabulary, model)
    model.merge_with_next(0)
    assert len(model.transcript.segments) == 2 and _agrees_with_a_new_count(vocabulary, model)
    model.set_transcript(Transcript(segments=[Segment("x", 0, 1000, FLOUR_STORE)]))
    assert vocabulary.for_turns([FLOUR_STORE]) is None        # another transcript: its own count to come
