"""Which show an episode belongs to when nobody has said: :func:`guess_show`.

The show picks the glossary. A podcast page copied with the transcript names the show (the
words before the episode's number in its title, or a heading above the show notes: see
:func:`editor.core.show_notes.show_name`); failing that, a producer who keeps one folder per show
has named the folder after it (and the folder wins where the producer already keeps a glossary under
its name and none under the page's). A folder like Downloads, Desktop or tmp names no show: a
transcript saved there gets no guess, and the glossary dialog asks for the show's name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from editor.core.page_text import PageText

UNNAMED_SHOW = "Unnamed show"
# Folders things land in whatever show they belong to (compared case-insensitively).
_GENERIC_FOLDERS = frozenset([
    "", "downloads", "download", "desktop", "documents", "my documents", "tmp", "temp", "home", "users",
    "transcripts", "transcript", "podcasts", "podcast", "audio", "files", "new folder", "untitled folder",
])


class ShowGuess(NamedTuple):
    name: str
    where: str      # "the page's title", "a heading of the page", "its folder", or "" (nothing named it)


def guess_show(path: str | Path, page: PageText | None = None,
               has_glossary: Callable[[str], bool] = lambda show: False) -> ShowGuess:
    """The show of the transcript at *path* (with *page*, the podcast page kept with it), and where
    the name came from. *has_glossary(show)*: whether a glossary is kept for that show; the folder's
    show keeps the episode when it has one and the page's show has none (a producer's glossary,
    kept under the folder's name before pages named shows, is not swapped for an empty one)."""
    folder = Path(path).resolve().parent
    by_folder = None if is_generic_folder(folder) else ShowGuess(folder.name, "its folder")
    named = None
    if page is not None:
        from editor.core.show_notes import show_name  # (its patterns compiled only when a page is kept)
        named = show_name(page)
    if named is not None and (by_folder is None or not has_glossary(by_folder.name) or has_glossary(named.name)):
        return ShowGuess(named.name, named.where)
    return by_folder or ShowGuess(UNNAMED_SHOW, "")


def is_generic_folder(folder: Path) -> bool:
    """Whether *folder*'s name says nothing about a show (Downloads, Desktop, tmp, the home folder)."""
    name = folder.name.casefold()
    return name in _GENERIC_FOLDERS or folder.parent == folder or folder.resolve() == Path.home().resolve()
