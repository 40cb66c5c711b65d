"""Audio playback behind one small interface (:class:`editor.player.base.Player`).

``vlc_backend`` is the only module that imports ``vlc``; ``qt_backend`` uses
QtMultimedia when libvlc cannot be loaded. Both report time through
:class:`editor.player.clock.PlaybackClock`, which interpolates between the
backends' coarse updates.
"""

from __future__ import annotations

from editor.player.base import Player, PlayerError, PlayerState

__all__ = ["Player", "PlayerError", "PlayerState", "create_player"]


def create_player(preferred: str = "vlc", **options) -> tuple[Player, str]:
    """The player to use, and a notice for the user ("" when the preferred one loaded).

    *preferred* is "vlc" (default) or "qt" (``--player``). When libVLC cannot be loaded
    the QtMultimedia player is returned with a notice saying why; the Qt player needs a
    QApplication. *options* (``working_copy``, ``cache_folder``) go to the backend.
    Raises PlayerError only when no backend at all can play.
    """
    if preferred not in ("vlc", "qt"):
        raise PlayerError(f"Unknown player {preferred!r}: choose vlc or qt.")
    if preferred == "vlc":
        try:
            from editor.player.vlc_backend import VlcPlayer
            return VlcPlayer(**options), ""
        except PlayerError as exc:
            vlc_problem = str(exc)
    from editor.player.qt_backend import QtPlayer
    if preferred == "qt":
        return QtPlayer(**options), ""
    try:
        player = QtPlayer(**options)
    except PlayerError as exc:
        raise PlayerError(f"{vlc_problem} The QtMultimedia player cannot be used either: {exc}") from exc
    return player, f"Playing through QtMultimedia: {vlc_problem}"
