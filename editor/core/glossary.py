"""The show glossary: names and terms that recur in a show, with the ways recognizers get them wrong.

A glossary belongs to a show, not an episode, so it lives in the user's data folder
(``platformdirs.user_data_dir``), one JSON file per show; tests pass their own path. It grows
by itself: "correct everywhere" remembers the wrong form (:meth:`Glossary.remember_correction`)
and the episode's speaker names join it (:meth:`Glossary.join_speakers`).

:func:`scan` looks for likely misrecognitions of every entry in an episode (known wrong
forms exactly, plus spelling and sound-alike near misses through the same matcher as
"correct everywhere"). It is meant for a background thread: pass a :func:`capture` of
the transcript (taken on the GUI thread in ~1 ms), a ``cancelled`` callable and, for rescans,
the :class:`~editor.core.name_index.NameIndex` of the previous scan (only changed turns are re-read).

Choosing the show: :func:`show_for_folder` / :func:`choose_show_for_folder` keep a show per
transcript folder, :func:`known_shows` lists the shows that have a glossary. Suggestions the
producer ignored are kept in the show's glossary (:meth:`Glossary.ignore_suggestion`).
"""

from __future__ import annotations

import csv
import io
import json
import operator
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

import platformdirs

from editor.core.atomic import atomic_write
from editor.core.corrections import Candidate, Phrase, match_phrase, resolve_overlaps
from editor.core.errors import TranscriptError
from editor.core.name_index import NameIndex, normalise
from editor.core.search import ReplaceSpan
from editor.core.spelling import common_words
from editor.core.transcript import Transcript

APP_NAME = "transcript-editor"
SCAN_THRESHOLD = 85  # stricter than "correct everywhere": nobody asked, so offer only likely fixes
CSV_HEADER = ["correct", "wrong_forms", "note"]
_GENERIC_SPEAKER = re.compile(r"^(speaker|spk|speaker_|guest|unknown)[\s_#-]*\d*$", re.IGNORECASE)


@dataclass
class GlossaryEntry:
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
    score: int
    how: str              # "known" (a remembered wrong form), "exact", "spelling" or "sound"
    context: str
    context_start: int
    time_ms: int | None

    def span(self) -> ReplaceSpan:
        return ReplaceSpan(self.index, self.start, self.end, self.replacement)


def default_path(show: str, data_dir: str | Path | None = None) -> Path:
    """Where the glossary of *show* is kept: ``<user data>/glossaries/<show>.json``."""
    base = _data_base(data_dir)
    slug = re.sub(r"[^\w.-]+", "-", show.strip()).strip("-.").lower() or "default"
    return base / "glossaries" / f"{slug}.json"


def _data_base(data_dir: str | Path | None) -> Path:
    return Path(data_dir) if data_dir is not None else Path(platformdirs.user_data_dir(APP_NAME))


def known_shows(data_dir: str | Path | None = None) -> list[str]:
    """Shows that have a stored glossary, by name (for a chooser); damaged files are skipped."""
    shows = set()
    for path in sorted((_data_base(data_dir) / "glossaries").glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            continue
        show = str(data.get("show", "")).strip() if isinstance(data, dict) else ""
        shows.add(show or path.stem)
    return sorted(shows, key=str.casefold)


def _folder_shows_path(data_dir: str | Path | None) -> Path:
    return _data_base(data_dir) / "show-folders.json"


def show_for_folder(folder: str | Path, data_dir: str | Path | None = None) -> str | None:
    """The show chosen for transcripts in *folder* (None: none chosen; unreadable counts as none)."""
    try:
        data = json.loads(_folder_shows_path(data_dir).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    show = data.get(str(Path(folder).resolve())) if isinstance(data, dict) else None
    return show if isinstance(show, str) and show.strip() else None


def choose_show_for_folder(folder: str | Path, show: str | None, data_dir: str | Path | None = None) -> None:
    """Remember *show* for transcripts in *folder* (None or "": forget the choice)."""
    path = _folder_shows_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        data = {}
    key = str(Path(folder).resolve())
    if show and show.strip():
        data[key] = show.strip()
    else:
        data.pop(key, None)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise TranscriptError(f"cannot create the data folder: {error.strerror}", path) from None
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n", backup=False)


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
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        for e in self.entries:
            writer.writerow([e.correct, "; ".join(e.wrong_forms), e.note])
        atomic_write(path, out.getvalue(), backup=False)

    def import_csv(self, path: str | Path) -> int:
        """Merge rows of a CSV file (header optional, columns: correct, wrong forms, note); returns rows read."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            raise TranscriptError(f"CSV is not UTF-8 text ({error.reason})", path, offset=error.start) from None
        except OSError as error:
            raise TranscriptError(f"cannot read CSV: {error.strerror}", path) from None
        count = 0
        try:
            for row in csv.reader(io.StringIO(text)):
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


_SEGMENT_VIEW = operator.attrgetter(*SegmentView._fields)


class Captured:
    """A transcript as the scan sees it, captured on the GUI thread in about a millisecond.

    Ops assign new text, lists and ``Word`` objects instead of mutating them (the journal's
    :func:`editor.core.journal.capture` relies on the same), so each segment's field values,
    taken as one tuple by ``attrgetter`` (in C), stay what they were while the user edits on.
    :attr:`segments` wraps them (on the worker thread, on first use).
    """

    def __init__(self, transcript: Transcript):
        self._rows = list(map(_SEGMENT_VIEW, transcript.segments))
        self._segments: list[SegmentView] | None = None

    @property
    def segments(self) -> list[SegmentView]:
        if self._segments is None:
            self._segments = list(map(SegmentView._make, self._rows))
        return self._segments


def capture(transcript: Transcript) -> Captured:
    """A cheap, edit-proof view of *transcript* for :func:`scan` on a background thread."""
    return Captured(transcript)


YIELD_EVERY_S = 0.002


def scan(transcript, glossary: Glossary, *, threshold: int = SCAN_THRESHOLD,
         cancelled: Callable[[], bool] | None = None, index: NameIndex | None = None) -> list[Suggestion]:
    """Likely misrecognitions of glossary entries in *transcript*, in document order.

    *transcript*: a :class:`Transcript`, its :func:`snapshot` or :func:`capture`. With *index*,
    that index is brought up to date with *transcript* (only changed segments are re-read).
    Known wrong forms match exactly (case and punctuation aside); correct forms also match
    their spelling and sound-alike variants at *threshold*. Returns what was found so far
    when *cancelled* turns true.

    Meant for a worker thread: every couple of milliseconds it lets go of the GIL
    (``time.sleep(0)``) so a waiting GUI thread runs at once, not after Python's 5 ms switch interval.
    """
    if index is None:
        index = NameIndex(transcript)
    else:
        index.refresh(transcript)
    jobs = _scan_jobs(glossary)
    fuzzy_words = sorted({w for phrase, _, fuzzy in jobs if fuzzy for w in phrase.norms})
    near_by_word = dict(zip(fuzzy_words, index.near_words(fuzzy_words), strict=False))  # one batched call
    common = common_words()
    found: list[tuple[Candidate, str, bool]] = []
    yielded = time.perf_counter()
    for phrase, correct, fuzzy in jobs:
        if time.perf_counter() - yielded > YIELD_EVERY_S:
            time.sleep(0)
            yielded = time.perf_counter()
        if cancelled is not None and cancelled():
            break
        if fuzzy:
            hits = match_phrase(index, phrase, threshold, [near_by_word[w] for w in phrase.norms],
                                skip_anchors=common)
        else:
            hits = match_phrase(index, phrase, 100, [{w} for w in phrase.norms])
        found.extend((hit, correct, fuzzy) for hit in hits)
    return _suggestions(found, {correct for _, correct, _ in jobs})


def _scan_jobs(glossary: Glossary) -> list[tuple[Phrase, str, bool]]:
    """(phrase, correct form, fuzzy?) for every correct form and every known wrong form."""
    jobs = []
    for entry in glossary.entries:
        phrase = Phrase.of(entry.correct)
        if phrase.norms:
            jobs.append((phrase, entry.correct, True))
        for wrong in entry.wrong_forms:
            wrong_phrase = Phrase.of(wrong)
            if wrong_phrase.norms and wrong_phrase.norms != phrase.norms:
                jobs.append((wrong_phrase, entry.correct, False))
    return jobs


def _suggestions(found: list[tuple[Candidate, str, bool]], corrects: set[str]) -> list[Suggestion]:
    common = common_words()
    # Unasked-for fuzzy suggestions made only of everyday words ("what" for "Wati") are noise.
    found = [(c, correct, fuzzy) for c, correct, fuzzy in found
             if not fuzzy or c.how == "exact" or not all(normalise(w) in common for w in c.found.split())]
    by_candidate = {id(c): (correct, fuzzy) for c, correct, fuzzy in found}
    kept = resolve_overlaps([c for c, _, _ in found], prefer=corrects)
    result = []
    for c in kept:
        correct, fuzzy = by_candidate[id(c)]
        if c.found == correct:
            continue
        how = ("case" if c.how == "exact" else c.how) if fuzzy else "known"
        result.append(Suggestion(c.index, c.start, c.end, c.found, correct, c.score, how,
                                 c.context, c.context_start, c.time_ms))
    return result


def apply_spans(suggestions: Iterable[Suggestion], transcript: Transcript) -> list[ReplaceSpan]:
    """Spans for the suggestions whose text is still what was found (edits may have moved on)."""
    spans = []
    for s in suggestions:
        if s.index < len(transcript.segments) and transcript.segments[s.index].text[s.start:s.end] == s.found:
            spans.append(s.span())
    return spans

