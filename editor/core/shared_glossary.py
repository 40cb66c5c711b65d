"""A show's glossary in a CSV file the team shares (beside the episodes, on a shared drive).

The file has the glossary dialog's import/export columns (``correct,wrong_forms,note``), so
it can be edited in a spreadsheet too. Two producers may add to it at the same time, so it
is never simply overwritten: :meth:`SharedGlossaryFile.save` reads the file again just before
writing and merges three ways -- what was last read (the base), this producer's glossary and
the file as it is now -- so additions on both sides survive and a removal on one side wins
only over an entry the other side left unchanged. The write is atomic (a reader never sees
half a file). :meth:`SharedGlossaryFile.changed_on_disk` / :meth:`pull` let the window pick
up another producer's additions when the file changes.

What is merged: entries (matched by their correct form, case-insensitively), their wrong
forms (a union, less those removed on one side) and notes (a changed note wins). Ignored
suggestions stay in the producer's own glossary.
"""

from __future__ import annotations

import os
from pathlib import Path

from editor.core.atomic import atomic_write
from editor.core.errors import TranscriptError
from editor.core.glossary import Glossary, GlossaryEntry


class SharedGlossaryFile:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._base: list[GlossaryEntry] = []     # the file's entries as last read or written
        self._stamp: tuple[int, int] | None = None

    # ------------------------------------------------------------------ reading
    def stamp(self) -> tuple[int, int] | None:
        """(modification time in ns, size) of the file; None when it does not exist."""
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return info.st_mtime_ns, info.st_size

    def changed_on_disk(self) -> bool:
        """Has the file changed since it was last read or written here?"""
        return self.stamp() != self._stamp

    def gone(self) -> bool:
        """Whether the file, read or written here before, is not on disk now (moved, deleted, or on
        a drive not mounted just now) or is empty (0 bytes: a spreadsheet writing it in place; the
        glossary's own CSV always has its header line). What the others have is then unknown, not
        nothing: a pull merges nothing and a save writes the file again from the last one read,
        never taking it for a removal of every name."""
        if self._stamp is None:
            return False
        stamp = self.stamp()
        return stamp is None or stamp[1] == 0

    def read(self) -> list[GlossaryEntry]:
        """The file's entries (none when it does not exist yet); it becomes the merge base."""
        stamp = self.stamp()
        entries: list[GlossaryEntry] = []
        if stamp is not None:
            parsed = Glossary()
            parsed.import_csv(self.path)          # TranscriptError names the file and the line
            entries = parsed.entries
        self._base = _copy(entries)
        self._stamp = stamp
        return entries

    def pull(self, glossary: Glossary) -> bool:
        """Merge the file's changes since the last read into *glossary*; False when it had none."""
        if not self.changed_on_disk() or self.gone():
            return False
        base = self._base
        theirs = self.read()
        glossary.entries = merge(base, glossary.entries, theirs)
        return True

    # ------------------------------------------------------------------ writing
    def save(self, glossary: Glossary) -> None:
        """Write *glossary* merged with whatever others saved meanwhile; *glossary* gets the merged entries."""
        base = self._base
        theirs = self.read() if self.changed_on_disk() and not self.gone() else _copy(self._base)
        merged = merge(base, glossary.entries, theirs)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise TranscriptError(f"cannot create the folder of the shared glossary: {error.strerror}",
                                  self.path) from None
        atomic_write(self.path, Glossary(merged).to_csv(), backup=False)
        glossary.entries = merged
        self._base = _copy(merged)
        self._stamp = self.stamp()


def _copy(entries: list[GlossaryEntry]) -> list[GlossaryEntry]:
    return [GlossaryEntry(e.correct, list(e.wrong_forms), e.note) for e in entries]


def merge(base: list[GlossaryEntry], ours: list[GlossaryEntry], theirs: list[GlossaryEntry]) -> list[GlossaryEntry]:
    """Three-way merge of glossary entries: both sides' additions kept, a one-sided removal of an
    entry the other side left as it was honoured, our order first and then theirs' new entries."""
    def by_key(entries):
        return {e.correct.strip().casefold(): e for e in entries}
    old, mine, other = by_key(base), by_key(ours), by_key(theirs)
    merged: list[GlossaryEntry] = []
    for key in list(mine) + [k for k in other if k not in mine]:
        a, b, o = mine.get(key), other.get(key), old.get(key)
        if a is None or b is None:
            present = a if a is not None else b
            if o is not None and _same(present, o):
                continue              # removed on one side, untouched on the other
            merged.append(GlossaryEntry(present.correct, list(present.wrong_forms), present.note))
            continue
        base_forms = set(o.wrong_forms) if o is not None else set()
        removed = (base_forms - set(a.wrong_forms)) | (base_forms - set(b.wrong_forms))
        forms = [w for w in dict.fromkeys(a.wrong_forms + b.wrong_forms) if w not in removed]
        base_note = o.note if o is not None else ""
        note = a.note if a.note != base_note else b.note
        merged.append(GlossaryEntry(a.correct, forms, note))
    return merged


def _same(a: GlossaryEntry, b: GlossaryEntry) -> bool:
    return a.correct == b.correct and a.wrong_forms == b.wrong_forms and a.note == b.note
