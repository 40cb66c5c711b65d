"""A transcript (or anything holding one, e.g. a ReadResult) pickled for another process as it is.

Plain pickling reads every segment's ``words``, which makes the words of a caption file's turns
(131,000 Word objects for a 12,000-cue file: a 6 MB pickle, slower to load than reading the file
again). This pickler sends a segment's stored fields instead, a recipe as its recipe, and a word
as its four values, so the other side rebuilds the same transcript in a few milliseconds.
"""

from __future__ import annotations

import io
import operator
import pickle

from editor.core.transcript import (
    STORED_FIELDS,
    Segment,
    Word,
    is_recipe,
    made_words,
    recipe_parts,
    words_later,
)

_STORED = operator.attrgetter(*STORED_FIELDS)   # in Segment's field order: Segment(*stored) remakes it
_ORIGINALS = (STORED_FIELDS.index("original_text"), STORED_FIELDS.index("original_marks"))


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj):
        kind = obj.__class__
        if kind is Segment:
            stored = _STORED(obj)
            if any(stored[i] is None for i in _ORIGINALS):   # Segment() would fill them in
                return _segment_as_stored, stored
            return Segment, stored
        if kind is Word:
            return Word, (obj.text, obj.start_ms, obj.end_ms, obj.confidence)
        if is_recipe(obj):
            parts = recipe_parts(obj)   # None once made: then its words
            return (words_later, (parts[0], *parts[1])) if parts else (list, (made_words(obj),))
        return NotImplemented


def dumps(obj) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
    return buffer.getvalue()


def loads(data: bytes):
    return pickle.loads(data)


def _segment_as_stored(*stored) -> Segment:
    segment = Segment(*stored)
    segment.original_text, segment.original_marks = (stored[i] for i in _ORIGINALS)
    return segment
