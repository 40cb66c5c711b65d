"""Transcript Editor: turn a speech-recognition transcript into an approved, publishable one."""

__version__ = "0.1.0"
