"""Audio playback behind one small interface (:class:`editor.player.base.Player`).

``vlc_backend`` is the only module that imports ``vlc``; ``qt_backend`` uses
QtMultimedia when libvlc cannot be loaded. Both report time through
:class:`editor.player.clock.PlaybackClock`, which interpolates between the
backends' coarse updates.
"""
