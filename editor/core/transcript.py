"""The episode transcript model: speakers, segments, words and structured marks.

Design notes for the next engineer:

* Times are integer milliseconds. ``None`` means "not timed yet" (plain-text
  imports give untimed segments the producer times later).
* A segment's ``text`` is what the producer sees and edits. ``words`` (when
  present) are the whitespace-separated tokens of that text, in order, each
  with its own time; :func:`editor.core.words` keeps them in step after edits.
* Inaudible, crosstalk and "unclear (best guess)" passages are :class:`Mark`
  spans over character offsets of ``text``, with their own time, so that each
  export writes them in its own style (``[inaudible 00:12:03]``, ``[inaudible]``
  or nothing). Readers put a canonical token in the text for inaudible and
  crosstalk (``[inaudible]``, ``[crosstalk]``) so the text reads well on its
  own; for "unclear" the span covers the best guess.
* Passages the producer said are right when the audio doubted them (:class:`IgnoredPassage`)
  are spans of ``text`` too, moved by edits like marks, so the decision is saved and undone
  with the rest of the document.
* Each segment remembers the recognizer's text and marks (``original_text``,
  ``original_marks``) so a producer can see and revert what changed.
* Chapters belong to the episode, not to a segment: a start time and a title
  (Podcasting 2.0 ``chapters.json`` adds an optional link and image). They are
  kept sorted by start so exports and views need no sorting of their own.
"""

from __future__ import annotations

import enum
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace


class MarkKind(str, enum.Enum):
    INAUDIBLE = "inaudible"
    CROSSTALK = "crosstalk"
    UNCLEAR = "unclear"

    @property
    def token(self) -> str:
        """The text a mark of this kind shows when it covers no words."""
        return f"[{self.value}]"


class ReviewStatus(str, enum.Enum):
    UNREVIEWED = "unreviewed"
    APPROVED = "approved"
    FLAGGED = "flagged"


class WordTiming(str, enum.Enum):
    """Where a segment's word times come from (forced alignment fills this in)."""

    NONE = "none"            # no word times at all
    IMPORTED = "imported"    # from the source file
    ESTIMATED = "estimated"  # interpolated by proportion inside the segment
    ALIGNED = "aligned"      # computed by forced alignment
    FAILED = "failed"        # alignment was tried and failed; times are estimated


@dataclass(slots=True, frozen=True)
class Mark:
    """A structured span inside a segment's text: ``text[start:end]``."""

    kind: MarkKind
    start: int
    end: int
    time_ms: int | None = None

    def shifted(self, delta: int) -> Mark:
        return replace(self, start=self.start + delta, end=self.end + delta)


@dataclass(slots=True, frozen=True)
class IgnoredPassage:
    """A passage of a segment's text the producer said is right (Ignore on a passage the audio
    doubts): ``text[start:end]``, which read *words* then.

    It is part of the document (saved, journaled, undone) so the producer's word sticks: a later
    check of the audio that doubts the same words at the same place does not show them again.
    Edits move it as they move marks; an edit of its own words drops it (new words deserve the
    audio's judgement afresh): see :mod:`editor.core.ignored_passages`."""

    start: int
    end: int
    words: str


@dataclass(slots=True)
class Word:
    """A recognized word and its times in the audio (ms; None until aligned)."""

    text: str
    start_ms: int | None = None
    end_ms: int | None = None
    confidence: float | None = None


@dataclass(slots=True)
class Speaker:
    """A speaker of the episode: a stable id and the name shown."""

    id: str
    name: str


@dataclass(slots=True)
class Segment:
    """A turn (or caption): its times, text, speaker, words, marks and review state."""

    id: str
    start_ms: int | None
    end_ms: int | None
    text: str
    speaker_id: str | None = None
    words: list[Word] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    status: ReviewStatus = ReviewStatus.UNREVIEWED
    note: str = ""
    approved_by: str = ""
    approved_at: str = ""  # ISO 8601, UTC
    original_text: str | None = None
    original_marks: list[Mark] | None = None
    word_timing: WordTiming = WordTiming.NONE
    ignored: tuple[IgnoredPassage, ...] = ()   # sorted by start; a tuple: ops assign, never change it

    def __post_init__(self) -> None:
        if self.original_text is None:
            self.original_text = self.text
        if self.original_marks is None:
            self.original_marks = list(self.marks)

    @property
    def is_timed(self) -> bool:
        return self.start_ms is not None

    @property
    def is_changed(self) -> bool:
        """True when the text or marks differ from what the recognizer gave."""
        return self.text != self.original_text or self.marks != self.original_marks

    @property
    def duration_ms(self) -> int:
        if self.start_ms is None or self.end_ms is None:
            return 0
        return max(0, self.end_ms - self.start_ms)


# ---------------------------------------------------------------------- words made on first read
# Opening a caption file gives every turn the words of its cues (131,000 Word objects for a
# 12,000-cue file): a third of the reading time and ~10 MB, for words that only the turns the
# producer looks at, plays or edits ever need. So a reader may give a segment a recipe instead
# (defer_words); ``segment.words`` makes the list from it the first time it is read, on whatever
# thread reads it, and from then on it is an ordinary list. Everything else sees a list as before:
# equality, repr, copies, replace() and pickling all read the attribute.

_STORED_WORDS = Segment.__dict__["words"]     # the slot the dataclass made for ``words``
_MAKING = threading.RLock()   # a recipe may read another segment's words


class _WordsLater:
    """A recipe for a segment's words: ``make(*args)`` returns the list (made once).

    The recipe keeps the list it made (and lets go of its inputs): an undo record or a snapshot
    holding the recipe gets that same list, and code comparing stored values (the journal) can
    tell a recipe and its list are the same words (:func:`same_words`).
    """

    __slots__ = ("make", "args", "made")

    def __init__(self, make: Callable[..., list[Word]], args: tuple):
        self.make, self.args = make, args
        self.made: list[Word] | None = None

    def words(self) -> list[Word]:
        made = self.made
        if made is None:
            with _MAKING:         # two threads reading at once get the same list
                made = self.made
                if made is None:
                    made = self.made = self.make(*self.args)
                    self.make, self.args = list, ()
        return made

    def __eq__(self, other: object) -> bool:
        """:func:`same_words`: so a list of stored values compares in C where most are the very same
        objects (the journal checks a shift's 200,000 turns), this called only for the few that are not."""
        return same_words(self, other)

    __hash__ = object.__hash__    # equal only to itself or to its own list (which is not hashable)


class _WordsOnFirstRead:
    """``Segment.words``: the stored list, made from its recipe on the first read."""

    def __get__(self, segment, owner=None):
        if segment is None:
            return self
        words = _STORED_WORDS.__get__(segment, owner)
        if words.__class__ is _WordsLater:
            with _MAKING:
                words = _STORED_WORDS.__get__(segment, owner)   # not replaced meanwhile
                if words.__class__ is _WordsLater:
                    words = words.words()
                    _STORED_WORDS.__set__(segment, words)
        return words

    def __set__(self, segment, words) -> None:
        _STORED_WORDS.__set__(segment, words)


setattr(Segment, "words", _WordsOnFirstRead())   # noqa: B010 (mypy keeps seeing the list field)
# Segment's stored fields as they are, a recipe not made into words (a snapshot for another
# thread copies the recipe; it is made there when needed): names for operator.attrgetter.
STORED_FIELDS = tuple("stored_words" if name == "words" else name for name in Segment.__slots__)
setattr(Segment, "stored_words", _STORED_WORDS)   # noqa: B010


def made_words(stored) -> list[Word]:
    """Words as a segment stores them (``stored_words``: a list, or a recipe) made into a list.

    For copies taken on one thread and read on another (a recipe is made there, for the copy)."""
    return stored.words() if stored.__class__ is _WordsLater else stored


def same_words(stored, other) -> bool:
    """True when two stored values (``stored_words``) are the same words without making any: the
    same object, or a recipe and the list it made."""
    if stored is other:
        return True
    if stored.__class__ is _WordsLater:
        return stored.made is other
    return other.__class__ is _WordsLater and other.made is stored


def words_later(make: Callable[..., list[Word]], *args) -> list[Word]:
    """A value for ``segment.words`` that becomes ``make(*args)`` when first read (a recipe).

    For ops that assign fields: a replace in thousands of turns gives each its new text at once
    and realigns its words only when something reads them (a turn shown, played or saved).
    *make* must depend on *args* only, as for :func:`defer_words`; a recipe read on another thread
    (a snapshot's copy) is made there, once for all who hold it.
    """
    return _WordsLater(make, args)  # type: ignore[return-value]   # reads as the list it makes


def recipe_parts(stored) -> tuple[Callable[..., list[Word]], tuple] | None:
    """``(make, args)`` of a recipe not made into words yet (None for a list or a made recipe): what
    a copy for another process needs to give that process the same recipe."""
    if stored.__class__ is _WordsLater and stored.made is None:
        return stored.make, stored.args
    return None


def is_recipe(stored) -> bool:
    """True when *stored* (a segment's ``stored_words``) is a recipe not made into words yet."""
    return stored.__class__ is _WordsLater


def defer_words(segment: Segment, make: Callable[..., list[Word]], *args) -> None:
    """Give *segment* the words ``make(*args)`` returns, made when ``segment.words`` is first read.

    *make* must depend on *args* only (not on the segment's later state): edits replace the
    words of the segments they touch before anything else reads them.
    """
    _STORED_WORDS.__set__(segment, _WordsLater(make, args))


@dataclass(slots=True, frozen=True)
class Chapter:
    """A chapter of the episode: where it starts, its title, an optional web page and image URL."""

    start_ms: int
    title: str
    url: str = ""
    image: str = ""


@dataclass(slots=True)
class TranscriptMeta:
    """What the document says about itself: title, audio, duration, language, source file."""

    title: str = ""
    audio_path: str = ""      # absolute or as given; projects store it relative
    duration_ms: int | None = None
    language: str = ""
    # The transcript file the work was read from (the recognizer's), kept by its project so that
    # nothing writes over it later; where the document came from, not part of what it says.
    source_path: str = field(default="", compare=False)


class IdMaker:
    """Makes short, stable, unique ids ("s1", "s2", ...) for segments and speakers."""

    def __init__(self, prefix: str, taken: set[str] | None = None):
        self._prefix = prefix
        self._counter = itertools.count(1)
        self._taken = taken if taken is not None else set()

    def __call__(self) -> str:
        while True:
            candidate = f"{self._prefix}{next(self._counter)}"
            if candidate not in self._taken:
                self._taken.add(candidate)
                return candidate


@dataclass
class Transcript:
    """The document: its meta, its speakers by id and its segments in order."""

    meta: TranscriptMeta = field(default_factory=TranscriptMeta)
    speakers: dict[str, Speaker] = field(default_factory=dict)  # id -> speaker, in order of appearance
    segments: list[Segment] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)  # sorted by start_ms (ops keep it so)

    # ------------------------------------------------------------------ speakers
    def speaker_name(self, speaker_id: str | None) -> str:
        if speaker_id is None:
            return ""
        speaker = self.speakers.get(speaker_id)
        return speaker.name if speaker else speaker_id

    def speaker_by_name(self, name: str) -> Speaker | None:
        for speaker in self.speakers.values():
            if speaker.name == name:
                return speaker
        return None

    def ensure_speaker(self, name: str) -> str:
        """The id of the speaker called *name*, adding one when new."""
        existing = self.speaker_by_name(name)
        if existing is not None:
            return existing.id
        new_id = self.new_speaker_id()
        self.speakers[new_id] = Speaker(new_id, name)
        return new_id

    def new_speaker_id(self) -> str:
        n = len(self.speakers) + 1
        while f"spk{n}" in self.speakers:
            n += 1
        return f"spk{n}"

    # ------------------------------------------------------------------ segments
    def segment_id_maker(self) -> IdMaker:
        return IdMaker("s", {s.id for s in self.segments})

    def index_of(self, segment_id: str) -> int:
        for i, segment in enumerate(self.segments):
            if segment.id == segment_id:
                return i
        raise KeyError(segment_id)

    @property
    def end_ms(self) -> int:
        """End of the last timed segment (0 when nothing is timed)."""
        for segment in reversed(self.segments):
            if segment.end_ms is not None:
                return segment.end_ms
            if segment.start_ms is not None:
                return segment.start_ms
        return 0

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.segments)

    def mark_count(self, kind: MarkKind | None = None) -> int:
        return sum(1 for s in self.segments for m in s.marks if kind is None or m.kind == kind)
