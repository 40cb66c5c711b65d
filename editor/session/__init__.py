"""The editing session's crash safety, above the core and the formats: the per-edit journal
(:mod:`editor.session.journal`) and finding and restoring what a crash left (:mod:`editor.session.recovery`).

Plain Python like the core (no Qt, no vlc). It sits above :mod:`editor.formats` because restoring
unsaved work re-reads the imported transcript it was based on; the core never imports the formats.
"""
