"""The editing session's crash safety, above the core and the formats: the per-edit journal
(:mod:`editor.session.journal` and the ``journal_*`` modules it is built from, autosave snapshots in
:mod:`editor.session.snapshot_capture` and :mod:`editor.session.autosave_delta`) and finding and
restoring what a crash left (:mod:`editor.session.recovery`, replayed by
:mod:`editor.session.journal_replay`; :mod:`editor.session.leftovers`, :mod:`editor.session.kept_work`).

Plain Python like the core (no Qt, no vlc). It sits above :mod:`editor.formats` because restoring
unsaved work re-reads the imported transcript it was based on; the core never imports the formats.
"""
