"""Every edit of a transcript, as plain-Python operations that know their inverse (no Qt).

Modules: :mod:`.base` (protocol and primitive ops), :mod:`.text` (typing, replace-all,
marks), :mod:`.rows` (split/merge), :mod:`.times` (start, end, shift, word times), :mod:`.review`, :mod:`.speakers`,
:mod:`.meta` (the audio a transcript belongs to, and its length), :mod:`.chapters`. :mod:`.review` also
holds the passages the producer said are right when the audio doubted them.

How it fits together (Gaupol's revertable actions, split into plan and apply):

* A *planner* (:func:`set_text`, :func:`split`, :func:`rename_speaker`, ...)
  checks its arguments against the transcript and returns an *op* describing
  the edit. It changes nothing and raises ``ValueError`` for an impossible edit.
* ``op.apply(transcript)`` makes the change in place and returns a
  :class:`Change`: ``change.undo`` is the op that reverses it, and ``rows``,
  ``inserted``, ``removed`` and ``speakers`` say what to repaint. Applying
  ``change.undo`` returns a Change whose ``undo`` is the redo, so a
  ``QUndoCommand`` needs a single attribute::

      class OpCommand(QUndoCommand):
          def __init__(self, model, op, text):
              super().__init__(text)
              self._model, self._op = model, op
          def redo(self):
              self._op = self._model.run(self._op)   # = ops.run(transcript, op, listener)
          def undo(self):
              self._op = self._model.run(self._op)
          def mergeWith(self, other):           # typing in one segment: one step
              self._op = ops.merged_undo(self._op, other._op)
              return True

* There are only seven kinds of op: :class:`SetFields` (segment attributes in
  place), :class:`SetTimes` (the times of a run of rows, by columns), :class:`ReplaceSegments`
  (rows in or out), :class:`SetSpeakers`, :class:`SetMeta` (the transcript's meta),
  :class:`SetChapters` and :class:`Group`. A primitive op knows the rows it will insert or remove
  *before* it runs (``op.inserted`` / ``op.removed``), which is what Qt's
  ``beginInsertRows``/``beginRemoveRows`` need; :func:`run` calls a listener
  around each primitive, taking groups apart.

Ownership rule that keeps undo cheap: ops never mutate a list, ``Word`` or
``Speaker`` held by the transcript; they assign new ones. An undo record can
therefore keep the old lists as they are (sharing unchanged ``Word`` objects
with the live ones), and undo/redo of a replace in 1,000 places just swaps
references back. Code outside this module that changes words (forced
alignment) goes through :func:`set_word_times`, which assigns new ``Word`` objects and
moves the segment's marks to the times of the words around them.
"""

from editor.core.ops.base import (
    Change,
    Fields,
    Group,
    Listener,
    Op,
    Replaced,
    ReplaceSegments,
    Rows,
    SetChapters,
    SetFields,
    SetMeta,
    SetSpeakers,
    SetTimes,
    Shifted,
    is_noop,
    merged_undo,
    run,
)
from editor.core.ops.chapters import add_chapter, chapter_index, edit_chapter, remove_chapter
from editor.core.ops.meta import set_audio, without_audio_link
from editor.core.ops.review import ignore_passages, set_note, set_status, unignore_passages
from editor.core.ops.rows import PartsOutcome, merge_with_next, split, split_into_parts
from editor.core.ops.speakers import add_speaker, merge_speakers, rename_speaker, set_speaker
from editor.core.ops.text import (
    add_mark,
    remove_mark,
    replace_spans,
    revert_to_original,
    set_text,
)
from editor.core.ops.times import Shift, set_bounds, set_end, set_start, set_word_times, shift_times

__all__ = [
    "Change", "Fields", "Group", "Listener", "Op", "Replaced", "ReplaceSegments", "Rows", "SetFields", "SetTimes",
    "Shifted", "SetMeta", "SetSpeakers", "SetChapters", "is_noop", "merged_undo", "run", "set_audio",
    "without_audio_link",
    "set_text", "replace_spans", "revert_to_original", "add_mark", "remove_mark",
    "split", "split_into_parts", "PartsOutcome",
    "merge_with_next", "set_start", "set_end", "set_bounds", "set_word_times",
    "shift_times", "Shift", "set_status",
    "set_note", "ignore_passages", "unignore_passages",
    "set_speaker", "rename_speaker", "add_speaker", "merge_speakers",
    "add_chapter", "edit_chapter", "remove_chapter", "chapter_index",
]
