"""Chapters: marking them at a turn or at the playback position, and the Chapters panel."""
