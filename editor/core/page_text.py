"""The page text kept with a transcript: a podcast page's title and the lines around the transcript.

The podcast-page reader keeps it in the transcript's ``extra`` (a :class:`PageText` under
:data:`EXTRA_KEY`, saved with the project). What it offers for the glossary (the names in the
show notes, the show's name) is worked out by :mod:`editor.core.show_notes`; this module is only
the record, so that opening a transcript without a page (the usual case) need not import that.
"""

from __future__ import annotations

from dataclasses import dataclass

EXTRA_KEY = "page_text"


@dataclass(frozen=True)
class PageText:
    """What the page said around the transcript: its title, and the lines before and after it."""

    title: str = ""
    before: str = ""
    after: str = ""

    @property
    def notes(self) -> str:
        return "\n".join(part for part in (self.before, self.after) if part)

    @property
    def words(self) -> str:
        """The title and the notes, one text."""
        return f"{self.title}\n{self.notes}"

    def to_json(self) -> dict:
        return {"title": self.title, "before": self.before, "after": self.after}

    @classmethod
    def from_extra(cls, extra: dict | None) -> PageText | None:
        """The page text kept in a transcript's *extra* (None when there is none or it is damaged)."""
        data = extra.get(EXTRA_KEY) if isinstance(extra, dict) else None
        if not isinstance(data, dict):
            return None
        fields = {name: data.get(name, "") for name in ("title", "before", "after")}
        if not all(isinstance(value, str) for value in fields.values()):
            return None
        return cls(**fields)
