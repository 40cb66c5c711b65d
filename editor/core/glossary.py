"""The show glossary: names and terms that recur in a show, with the ways recognizers get them wrong.

A glossary belongs to a show, not an episode, so it lives in the user's data folder
(:func:`editor.core.user_data.user_data_dir`, or the folder the caller names), one JSON file per show. It grows
by itself: "correct everywhere" remembers the wrong form (:meth:`Glossary.remember_correction`)
and the episode's speaker names join it (:meth:`Glossary.join_speakers`).

:func:`scan` looks for likely misrecognitions of every entry in an episode (known wrong
forms exactly, plus spelling and sound-alike near misses through the same matcher as
"correct everywhere"). It is meant for a background thread: pass a :func:`capture` of
the transcript (taken on the GUI thread in ~1 ms), a ``cancelled`` callable and, for rescans,
the :class:`~editor.core.name_index.NameIndex` of the previous scan (only changed turns are re-read).

Where glossaries are kept and which show a folder's transcripts belong to:
:mod:`editor.core.glossary_places`. What a typed correction teaches: :mod:`editor.core.typed_corrections`;
what a scan drops as a look-alike of a name: :mod:`editor.core.name_lookalikes`. Suggestions the
producer ignored are kept in the show's glossary (:meth:`Glossary.ignore_suggestion`).
"""

from __future__ import annotations

import io
import json
import operator
import re
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from editor.core.atomic import atomic_write
from editor.core.errors import TranscriptError
from editor.core.glossary_places import default_path
from editor.core.name_lookalikes import (
    another_form_of_a_word,
    another_word,
    holds_name_in_another_number,
    is_acronym,
    letters_of_acronym,
    name_words_among_everyday_words,
    rest_unlike,
    written_apart,
)
from editor.core.name_span import without_possessive
from editor.core.transcript import Transcript, made_words
from editor.core.typed_corrections import (
    LEARN_MAX_WORDS,
    LEARN_MIN_LIKENESS,
    kept_at_an_edge,
    likeness,
    looks_like_a_name,
    replaced_span,
)
from editor.core.word_norms import phrase_norms

# The matcher (rapidfuzz, Metaphone, the word list) and the search's spans are imported by the
# functions that match and apply: opening a transcript loads its show's glossary and needs none of it.
if TYPE_CHECKING:
    from editor.core.candidates import Candidate
    from editor.core.name_index import NameIndex
    from editor.core.phrase_likeness import Phrase
    from editor.core.search import ReplaceSpan

SCAN_THRESHOLD = 75  # offered from here; only TICK_SCORE and above are ticked (applied by "Apply all")
TICK_SCORE = 85      # suggestions this sure are ticked (applied by "Apply all") by default
ACRONYM_THRESHOLD = 80   # an acronym said letter by letter ("the essay"): letters against spoken letters
KNOWN_WORDS_SCORE = 80   # a known wrong form made of dictionary words: offered, not ticked
CASE_SCORE = 40      # a change of capitals only: offered apart, below every real fix
CSV_HEADER = ["correct", "wrong_forms", "note"]
_GENERIC_SPEAKER = re.compile(r"^(speaker|spk|speaker_|guest|unknown)[\s_#-]*\d*$", re.IGNORECASE)


@dataclass
class GlossaryEntry:
    """A name as it is spelled, the wrong forms recognizers wrote for it, and a note."""

    correct: str
    wrong_forms: list[str] = field(default_factory=list)
    note: str = ""


class Suggestion(NamedTuple):
    """A likely misrecognition: replace ``found`` at ``segments[index].text[start:end]`` by ``replacement``."""

    index: int  # type: ignore[assignment]  # a field named like tuple.index
    start: int
    end: int
    found: str
    replacement: str
    score: int            # 0..100: how sure the scan is
    how: str              # "known" (a remembered wrong form), "case" (capitals only), "spelling" or "sound"
    context: str
    context_start: int
    time_ms: int | None
    # What speaks for it: "known", "spelling", "sound", "case", "show-notes", "speaker" (more may be
    # added by other checks, e.g. "audio"), strongest first.
    evidence: tuple[str, ...] = ()
    # The found text runs on into the next turn (same speaker) up to this offset of its text.
    tail_end: int | None = None
    source: str = "glossary"    # where the name comes from: "glossary", "show-notes" or "speaker"

    @property
    def ticked(self) -> bool:
        """Sure enough to be applied without a look: a strong match that changes more than capitals."""
        return self.score >= TICK_SCORE and self.how != "case"

    def span(self) -> ReplaceSpan:
        """The replacement in the first (usually only) turn."""
        from editor.core.search import ReplaceSpan
        return ReplaceSpan(self.index, self.start, self.end, self.replacement)

    def spans(self, following_text: str | None = None) -> list[ReplaceSpan]:
        """Every span to apply: the name goes in the first turn, its part in the next one is removed."""
        from editor.core.candidates import Candidate, candidate_spans
        candidate = Candidate(self.index, self.start, self.end, self.found, self.score, self.how,
                              self.context, self.context_start, self.time_ms, self.tail_end)
        return candidate_spans(candidate, self.replacement, following_text)

    def ranges(self) -> list[tuple[int, int, int]]:
        """(segment index, start, end) of each part of the found text."""
        from editor.core.candidates import place_ranges
        return place_ranges(self.index, self.start, self.end, self.tail_end)



class Glossary:
    """Entries of one show, kept in order, matched case-insensitively by their correct form."""

    def __init__(self, entries: Iterable[GlossaryEntry] = (), path: str | Path | None = None,
                 show: str = ""):
        self.entries: list[GlossaryEntry] = []
        self.path = Path(path) if path is not None else None
        self.show = show
        # Suggestions the producer said no to: (found text, replacement), case-sensitive as
        # listed. Kept with the show: "Keith Alison" is not "Keith Ellison" in any episode.
        self.ignored: list[tuple[str, str]] = []
        # A CSV file the team shares for this show (see editor.core.shared_glossary); "" for none.
        self.shared_file = ""
        for entry in entries:
            self.add(entry.correct, entry.wrong_forms, entry.note)

    # ------------------------------------------------------------------ editing
    def entry_for(self, correct: str) -> GlossaryEntry | None:
        wanted = correct.strip().casefold()
        return next((e for e in self.entries if e.correct.casefold() == wanted), None)

    def add(self, correct: str, wrong_forms: Iterable[str] = (), note: str = "") -> GlossaryEntry:
        """Add an entry, or merge wrong forms and a note into the existing one."""
        correct = correct.strip()
        if not correct:
            raise ValueError("a glossary entry needs a correct form")
        entry = self.entry_for(correct)
        if entry is None:
            entry = GlossaryEntry(correct)
            self.entries.append(entry)
        for wrong in wrong_forms:
            wrong = wrong.strip()
            if wrong and wrong != entry.correct and wrong not in entry.wrong_forms:
                entry.wrong_forms.append(wrong)
        if note.strip() and not entry.note:
            entry.note = note.strip()
        return entry

    def remove(self, correct: str) -> bool:
        entry = self.entry_for(correct)
        if entry is not None:
            self.entries.remove(entry)
        return entry is not None

    def remember_correction(self, wrong: str, right: str) -> GlossaryEntry:
        """What "correct everywhere" calls: *right* joins the glossary with *wrong* as a known wrong form."""
        return self.add(right, [wrong] if wrong.strip() != right.strip() else [])

    def learn_from_edit(self, old_text: str, new_text: str, names: Iterable[str] = ()) -> GlossaryEntry | None:
        """What a producer's own edit of a turn teaches: the words replaced become a wrong form.

        The replaced span is found by the text common to both versions before and after it,
        widened to whole words. It is learnt when the new words are a glossary entry, one of
        *names* (show notes, speakers), or a name the dictionary does not know (capitalised
        words); never from an insertion, a deletion, a change of capitals or punctuation, or a
        rewrite of more than :data:`LEARN_MAX_WORDS` words. Returns the entry that learnt, or None.
        """
        names = list(names)
        span = self._entry_around_edit(old_text, new_text, names) or replaced_span(old_text, new_text)
        if span is None or kept_at_an_edge(*span):
            return None
        wrong, right = span
        right_norms = phrase_norms(right)
        if not right_norms or phrase_norms(wrong) == right_norms:
            return None
        if max(len(wrong.split()), len(right.split())) > LEARN_MAX_WORDS:
            return None
        wrong_norms = phrase_norms(wrong)
        if any(phrase_norms(n) == wrong_norms for n in self.names() + names):
            return None           # the old words are a right name themselves
        # What the new words are is told before how much the old ones look like them: most edits
        # (a Replace All of a common word) put in no name at all, and the likeness needs the matcher
        # (rapidfuzz, Metaphone), which the window has not loaded for them.
        entry = next((e for e in self.entries if phrase_norms(e.correct) == right_norms), None)
        name = None if entry is not None else next((n for n in names if phrase_norms(n) == right_norms), None)
        if entry is None and name is None and not looks_like_a_name(right):
            return None
        if likeness(wrong, right) < LEARN_MIN_LIKENESS:
            return None           # a rewrite ("he" -> "Joe Lieberman"), not a misheard name
        if entry is None:
            entry = self.add(name or without_possessive(right))
        return self.add(entry.correct, [without_possessive(wrong)])

    def _entry_around_edit(self, old: str, new: str, names: list[str]) -> tuple[str, str] | None:
        """(old words, entry) when the edit falls inside an entry now written in full in *new*:
        "Tamsin oya lauren" -> "Tamsin Oyelaran" learns "Tamsin oya lauren", not just "oya lauren"."""
        changed = replaced_span(old, new)
        if changed is None:
            return None
        start = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b), min(len(old), len(new)))
        grow = len(new) - len(old)
        folded = new.casefold()
        for name in sorted([e.correct for e in self.entries] + names, key=lambda n: -len(n)):
            at = folded.find(name.casefold())
            while at != -1:
                end = at + len(name)
                if at <= start < end and end - grow <= len(old) and end - grow > at:
                    wrong = old[at:end - grow]
                    if new[end:] == old[end - grow:]:
                        return wrong, new[at:end]
                at = folded.find(name.casefold(), at + 1)
        return None

    def join_speakers(self, transcript: Transcript) -> int:
        """Add the episode's real speaker names ("Speaker 2" is not a name); returns how many were new."""
        added = 0
        for speaker in transcript.speakers.values():
            name = speaker.name.strip()
            if name and not _GENERIC_SPEAKER.match(name) and self.entry_for(name) is None:
                self.add(name, note="speaker")
                added += 1
        return added

    def ignore_suggestion(self, found: str, replacement: str) -> bool:
        """Never suggest *replacement* for *found* again; False when already ignored."""
        pair = (found, replacement)
        if pair in self.ignored:
            return False
        self.ignored.append(pair)
        return True

    def is_ignored(self, found: str, replacement: str) -> bool:
        return (found, replacement) in self.ignored

    def not_ignored(self, suggestions: Iterable[Suggestion]) -> list[Suggestion]:
        """*suggestions* but those the producer chose to ignore."""
        ignored = set(self.ignored)
        return [s for s in suggestions if (s.found, s.replacement) not in ignored]

    def known_words(self) -> set[str]:
        """Lower-case words of every correct form (the spell checker treats them as known)."""
        return {w.casefold() for e in self.entries for w in re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)*", e.correct)}

    def names(self) -> list[str]:
        return [e.correct for e in self.entries]

    # ------------------------------------------------------------------ JSON storage
    @classmethod
    def for_show(cls, show: str, data_dir: str | Path | None = None) -> Glossary:
        """The stored glossary of *show* (empty when none yet)."""
        glossary = cls.load(default_path(show, data_dir))
        glossary.show = glossary.show or show
        return glossary

    @classmethod
    def load(cls, path: str | Path) -> Glossary:
        """Read a glossary file; a missing file is an empty glossary, a broken one a TranscriptError."""
        path = Path(path)
        if not path.exists():
            return cls(path=path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError as error:
            raise TranscriptError(f"glossary is not UTF-8 text ({error.reason})", path, offset=error.start) from None
        except json.JSONDecodeError as error:
            raise TranscriptError(f"glossary is not valid JSON: {error.msg}", path, line=error.lineno) from None
        except OSError as error:
            raise TranscriptError(f"cannot read glossary: {error.strerror}", path) from None
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise TranscriptError('glossary JSON needs an object with an "entries" list', path)
        glossary = cls(path=path, show=str(data.get("show", "")))
        shared = data.get("shared_file", "")
        if not isinstance(shared, str):
            raise TranscriptError('glossary "shared_file" must be a path', path)
        glossary.shared_file = shared
        for number, item in enumerate(data["entries"], 1):
            if not isinstance(item, dict) or not str(item.get("correct", "")).strip():
                raise TranscriptError(f'glossary entry {number} has no "correct" form', path)
            wrong = item.get("wrong_forms", [])
            if not isinstance(wrong, list):
                raise TranscriptError(f'glossary entry {number}: "wrong_forms" must be a list', path)
            glossary.add(str(item["correct"]), [str(w) for w in wrong], str(item.get("note", "")))
        ignored = data.get("ignored", [])
        if not isinstance(ignored, list):
            raise TranscriptError('glossary "ignored" must be a list', path)
        for number, item in enumerate(ignored, 1):
            if not isinstance(item, dict) or not isinstance(item.get("found"), str) \
                    or not isinstance(item.get("replacement"), str):
                raise TranscriptError(f'ignored suggestion {number} needs "found" and "replacement" texts', path)
            glossary.ignore_suggestion(item["found"], item["replacement"])
        return glossary

    def to_json(self) -> str:
        entries = [{"correct": e.correct, "wrong_forms": e.wrong_forms, "note": e.note} for e in self.entries]
        data = {"version": 1, "show": self.show, "entries": entries}
        if self.shared_file:
            data["shared_file"] = self.shared_file
        if self.ignored:
            data["ignored"] = [{"found": f, "replacement": r} for f, r in self.ignored]
        return json.dumps(data, ensure_ascii=False, indent=2)

    def save(self, path: str | Path | None = None) -> Path:
        """Write the glossary (atomically) to *path* or where it was loaded from."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("no path to save the glossary to")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise TranscriptError(f"cannot create the glossary folder: {error.strerror}", target) from None
        atomic_write(target, self.to_json() + "\n", backup=False)
        self.path = target
        return target

    # ------------------------------------------------------------------ CSV
    def export_csv(self, path: str | Path) -> None:
        """Write ``correct,wrong_forms,note`` rows; wrong forms joined by "; "."""
        atomic_write(path, self.to_csv(), backup=False)

    def to_csv(self) -> str:
        """The entries as ``correct,wrong_forms,note`` CSV text (what :meth:`export_csv` writes)."""
        import csv  # (here, not at the top: opening a transcript reads glossaries as JSON, never CSV)
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        for e in self.entries:
            writer.writerow([e.correct, "; ".join(e.wrong_forms), e.note])
        return out.getvalue()

    def import_csv(self, path: str | Path) -> int:
        """Merge rows of a CSV file (header optional, columns: correct, wrong forms, note); returns rows read."""
        from editor.core.files import read_regular

        path = Path(path)
        # A regular file only: a FIFO given by mistake would be waited on for ever.
        data = read_regular(path, CSV_LIMIT, lambda size: f"the file is {size / 1e6:.0f} MB: too big for a glossary",
                            open_prefix="cannot read CSV: ")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise TranscriptError(f"CSV is not UTF-8 text ({error.reason})", path, offset=error.start) from None
        return self.import_csv_text(text, path)

    def import_csv_text(self, text: str, path: str | Path | None = None) -> int:
        """Merge the rows of CSV *text* (read from *path*, for messages); returns rows read."""
        import csv
        count = 0
        try:
            for row in csv.reader(io.StringIO(text), delimiter=_csv_delimiter(text)):
                if not row or not any(cell.strip() for cell in row):
                    continue
                if count == 0 and [c.strip().lower() for c in row[:1]] == ["correct"]:
                    continue  # the header line
                if not row[0].strip():
                    raise TranscriptError("a row has no correct form in the first column", path, line=_line(text, row))
                wrong = [w for w in re.split(r"[;|]", row[1]) if w.strip()] if len(row) > 1 else []
                self.add(row[0], wrong, row[2] if len(row) > 2 else "")
                count += 1
        except csv.Error as error:
            raise TranscriptError(f"CSV is malformed: {error}", path) from None
        return count


def _csv_delimiter(text: str) -> str:
    """The column separator of glossary CSV *text*: a comma, unless its first line has none but a
    semicolon or a tab (a spreadsheet saved where the comma is the decimal mark, or as tab-separated
    text). A comma file's first column is a name, which holds neither: the wrong forms (column two)
    are the ones joined by semicolons."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    if "," in first:
        return ","
    return next((separator for separator in ("\t", ";") if separator in first), ",")


CSV_LIMIT = 64 * 1024 * 1024    # a glossary CSV is names: far below this


def _line(text: str, row: list[str]) -> int | None:
    """Best-effort line number of *row* for an error message."""
    needle = ",".join(row)
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(needle):
            return number
    return None


# ---------------------------------------------------------------------- scanning
def snapshot(transcript: Transcript) -> Transcript:
    """A shallow copy safe to scan in a background thread while the window keeps editing."""
    segments = [replace(s, words=list(s.words), marks=list(s.marks)) for s in transcript.segments]
    return Transcript(meta=transcript.meta, speakers=dict(transcript.speakers), segments=segments)


class SegmentView(NamedTuple):
    """What the scan reads of a segment."""

    text: str
    marks: list
    words: list
    start_ms: int | None
    speaker_id: str | None


# The words as stored: words a reader left to be made on first read stay a recipe until a
# suggestion needs a time (SegmentView.words is then made on the worker, see _view).
_SEGMENT_VIEW = operator.attrgetter(*("stored_words" if name == "words" else name for name in SegmentView._fields))


class _WordsOfRecipe(SegmentView):
    """A SegmentView whose words are made from the reader's recipe when the scan first reads them."""

    __slots__ = ()

    @property
    def words(self) -> list:
        return made_words(tuple.__getitem__(self, 2))


def _view(row: tuple) -> SegmentView:
    return SegmentView._make(row) if isinstance(row[2], list) else _WordsOfRecipe._make(row)


class Captured:
    """A transcript as the scan sees it, captured on the GUI thread in about a millisecond.

    Ops assign new text, lists and ``Word`` objects instead of mutating them (the journal's
    :func:`editor.session.snapshot_capture.capture` relies on the same), so each segment's field values,
    taken as one tuple by ``attrgetter`` (in C), stay what they were while the user edits on.
    :attr:`segments` wraps them (on the worker thread, on first use).
    """

    def __init__(self, transcript: Transcript):
        self._rows = list(map(_SEGMENT_VIEW, transcript.segments))
        self._segments: list[SegmentView] | None = None

    @property
    def segments(self) -> list[SegmentView]:
        if self._segments is None:
            self._segments = list(map(_view, self._rows))
        return self._segments


def capture(transcript: Transcript) -> Captured:
    """A cheap, edit-proof view of *transcript* for :func:`scan` on a background thread."""
    return Captured(transcript)


YIELD_EVERY_S = 0.002


def scan(transcript, glossary: Glossary, *, threshold: int = SCAN_THRESHOLD,
         cancelled: Callable[[], bool] | None = None, index: NameIndex | None = None,
         candidates: Iterable[str] = (), speakers: Iterable[str] = ()) -> list[Suggestion]:
    """Likely misrecognitions of glossary entries in *transcript*, in document order.

    *transcript*: a :class:`Transcript`, its :func:`snapshot` or :func:`capture`. With *index*,
    that index is brought up to date with *transcript* (only changed segments are re-read).
    Known wrong forms match exactly (case and punctuation aside); correct forms also match
    their spelling and sound-alike variants at *threshold*. *candidates* (names from the show
    notes) and *speakers* (speakers' real names) not in the glossary are looked for too, their
    suggestions marked by :attr:`Suggestion.source` and evidence. Returns what was found so far
    when *cancelled* turns true.

    Meant for a worker thread: every couple of milliseconds it lets go of the GIL
    (``time.sleep(0)``) so a waiting GUI thread runs at once, not after Python's 5 ms switch interval.
    """
    from editor.core.address_matches import address_parts, match_near_inside_addresses
    from editor.core.corrections import match_phrase
    from editor.core.name_index import NameIndex
    from editor.core.spelling import common_words
    from editor.core.spoken_letters import match_spoken_letters
    if index is None:
        index = NameIndex(transcript)
    else:
        index.refresh(transcript)
    jobs = _scan_jobs(glossary, candidates, speakers)
    fuzzy_words = sorted({w for job in jobs if job.fuzzy for w in job.phrase.norms})
    near_by_word = dict(zip(fuzzy_words, index.near_words(fuzzy_words), strict=False))  # one batched call
    common = common_words()
    # A name read out inside a web address ("patrion.com/t"): the matchers compare whole words, and
    # the address's letters run on past the name. Its parts are found once, for every name.
    addresses = address_parts(index) if any(job.fuzzy and len(job.phrase.norms) == 1 for job in jobs) else []
    found: list[tuple[Candidate, _Job]] = []
    yielded = time.perf_counter()
    for job in jobs:
        if time.perf_counter() - yielded > YIELD_EVERY_S:
            time.sleep(0)
            yielded = time.perf_counter()
        if cancelled is not None and cancelled():
            break
        phrase = job.phrase
        # Context and time only for the candidates kept (a few hundred of thousands).
        if job.fuzzy:
            hits = match_phrase(index, phrase, threshold, [near_by_word[w] for w in phrase.norms],
                                skip_anchors=common, details=False)
            hits += match_spoken_letters(index, job.correct.strip(), ACRONYM_THRESHOLD, details=False)
            if addresses:
                hits += match_near_inside_addresses(phrase, threshold, addresses)
        else:
            hits = match_phrase(index, phrase, 100, [{w} for w in phrase.norms], details=False)
        found.extend((hit, job) for hit in hits)
    return _suggestions(found, {job.correct for job in jobs}, common, index, transcript.segments)


class _Job(NamedTuple):
    phrase: Phrase
    correct: str          # the replacement (the correct form)
    fuzzy: bool           # False: a known wrong form, matched exactly
    source: str           # "glossary", "show-notes" or "speaker"
    target: Phrase        # the correct form, prepared


def _scan_jobs(glossary: Glossary, candidates: Iterable[str] = (), speakers: Iterable[str] = ()) -> list[_Job]:
    """A job for every correct form and every known wrong form, then for new names from elsewhere."""
    from editor.core.phrase_likeness import Phrase
    jobs = []
    for entry in glossary.entries:
        phrase = Phrase.of(entry.correct)
        if not phrase.norms:
            continue
        source = "speaker" if entry.note == "speaker" else "glossary"
        jobs.append(_Job(phrase, entry.correct, True, source, phrase))
        for wrong in entry.wrong_forms:
            wrong_phrase = Phrase.of(wrong)
            if wrong_phrase.norms and wrong_phrase.norms != phrase.norms:
                jobs.append(_Job(wrong_phrase, entry.correct, False, source, phrase))
    taken = {job.phrase.norms for job in jobs}
    for source, names in (("speaker", speakers), ("show-notes", candidates)):
        for name in names:
            phrase = Phrase.of(name)
            if phrase.norms and phrase.norms not in taken and not _GENERIC_SPEAKER.match(name.strip()):
                taken.add(phrase.norms)
                jobs.append(_Job(phrase, name.strip(), True, source, phrase))
    return jobs


def _suggestions(found: list[tuple[Candidate, _Job]], corrects: set[str], common: Collection[str],
                 index: NameIndex, segments: Sequence) -> list[Suggestion]:
    from editor.core.candidates import resolve_overlaps, with_details
    from editor.core.confidence import recognizer_doubted
    from editor.core.phrase_likeness import Phrase
    from editor.core.spelling import known_words
    dictionary = known_words()
    kept_found = []
    norms_of: dict[str, tuple[str, ...]] = {}       # the same few names are found many times
    for c, job in found:
        norms = norms_of.get(c.found)
        if norms is None:
            norms = norms_of[c.found] = Phrase.of(c.found).norms
        if job.fuzzy and c.how != "exact" and not is_acronym(job.correct):
            # Unasked-for fuzzy suggestions made only of everyday words ("what" for "Wati") are noise,
            # and so is a correct part of the name among everyday words ("so Lieberman").
            if all(w in common for w in norms):
                if not written_apart(norms, job.phrase.norms):
                    continue
                # The name's very letters written as everyday words ("merry weather" for
                # Merryweather): the audio says them alike, so only the text can point at it,
                # and the words may also have been meant: offered, never ticked.
                c = c._replace(score=min(c.score, KNOWN_WORDS_SCORE))
            if any(w in job.phrase.norms for w in norms) and \
                    all(w in common or w in job.phrase.norms for w in norms) and len(norms) <= len(job.phrase.norms):
                continue
        if job.fuzzy and c.how != "exact" and not letters_of_acronym(c.found, job.correct) and \
                another_word(norms, job.phrase, dictionary):
            continue    # "patronage" for "Patreon": a word of its own that does not sound like the name
        if job.fuzzy and holds_name_in_another_number(norms, job.phrase.norms):
            continue    # "democratic socialist" for "Democratic Socialists": the same words, another number
        if job.fuzzy and c.how != "exact" and rest_unlike(norms, job.phrase.norms):
            continue    # "democratic clubs" for "Democratic Socialists": one shared word is no mishearing
        if job.fuzzy and another_form_of_a_word(norms, job.phrase.norms, dictionary):
            # "Democrat party" for "Democratic Party": a speaker may well have said that form.
            c = c._replace(score=min(c.score, KNOWN_WORDS_SCORE))
        if job.fuzzy and name_words_among_everyday_words(norms, job.phrase.norms, common):
            # "social democratic and socialist parties" for "Democratic Socialists": the name's own
            # words in a sentence may well be just that: offered, never ticked.
            c = c._replace(score=min(c.score, KNOWN_WORDS_SCORE))
        if job.fuzzy and c.how == "exact" and c.found.casefold() != without_possessive(job.correct).casefold():
            continue    # the same words, punctuation aside (a possessive, a hyphen): nothing to fix
        if c.how == "exact" and job.fuzzy and c.found != without_possessive(job.correct):
            if job.source == "show-notes" and all(w in dictionary for w in job.phrase.norms):
                # A show-notes phrase of dictionary words that the transcript writes in other capitals
                # ("democratic party" for "Democratic Party", a slogan) was heard right: whether it
                # wants capitals there is the producer's call (added to the glossary, it is offered).
                # A coined name in lowercase ("kofundo") is still offered, low.
                continue
            c = c._replace(score=CASE_SCORE)    # capitals only: never ahead of a real fix
        elif (not job.fuzzy or is_acronym(job.correct)) and all(w in dictionary for w in norms):
            # A known wrong form, or an acronym heard as words, made of real words ("the essay")
            # is often just those words: offered, never ticked. Below that bar the closer reading
            # still ranks first: "OR A" (oh-ar-ay) over "OR" (oh-ar) for ORR, all of the letters said.
            c = c._replace(score=min(c.score, KNOWN_WORDS_SCORE - (100 - c.score) // 10))
        kept_found.append((c, job))
    by_candidate = {id(c): job for c, job in kept_found}
    kept = resolve_overlaps([c for c, _ in kept_found], prefer=corrects)
    result = []
    for c in kept:
        job = by_candidate[id(c)]
        replacement = without_possessive(job.correct)
        if c.in_address:
            from editor.core.candidates import address_form
            replacement = address_form(replacement, c.found)    # "patreon" in "patreon.com/t"
        if c.found == replacement or c.found == job.correct:
            continue
        c = with_details(index, c)
        how = ("case" if c.how == "exact" else c.how) if job.fuzzy else "known"
        evidence = _evidence(c, job, how)
        if recognizer_doubted(segments[c.index], c.start, c.end):
            evidence += ("confidence",)     # the recognizer itself was unsure of those words
        result.append(Suggestion(c.index, c.start, c.end, c.found, replacement, c.score, how,
                                 c.context, c.context_start, c.time_ms,
                                 evidence, c.tail_end, job.source))
    return result



def _evidence(c: Candidate, job: _Job, how: str) -> tuple[str, ...]:
    evidence = []
    if how == "known":
        evidence.append("known")
    elif how == "case":
        evidence.append("case")
    elif is_acronym(job.correct) and how == "sound":
        evidence.append("sound")      # said letter by letter (match_spoken_letters)
    else:
        from editor.core.phrase_likeness import Phrase, sound_likeness, spelling_likeness
        norms = Phrase.of(c.found)
        spelling = spelling_likeness(job.target, norms.norms)
        sound = sound_likeness(job.target, norms.norms, norms.keys)
        if sound >= 85 and len(job.target.joined_key) >= 4:
            evidence.append("sound")
        if spelling >= 75 or not evidence:
            evidence.append("spelling")
        if spelling >= sound:
            evidence.sort(key=lambda e: e != "spelling")
    if job.source != "glossary":
        evidence.append(job.source)
    return tuple(evidence)


def apply_spans(suggestions: Iterable[Suggestion], transcript: Transcript) -> list[ReplaceSpan]:
    """Spans for the suggestions whose text is still what was found (edits may have moved on)."""
    spans = []
    segments = transcript.segments
    for s in suggestions:
        if s.index >= len(segments):
            continue
        if s.tail_end is None:
            if segments[s.index].text[s.start:s.end] == s.found:
                spans.append(s.span())
            continue
        if s.index + 1 >= len(segments):
            continue
        following = segments[s.index + 1].text
        first = segments[s.index].text[s.start:s.end]
        rest = s.found[len(first) + 1:]
        if s.found.startswith(first + " ") and following[:s.tail_end].endswith(rest):
            spans.extend(s.spans(following))
    return spans

