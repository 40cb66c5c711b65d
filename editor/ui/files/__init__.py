"""Opening files: transcript and audio, the audio lookup and length check, watching files for outside
changes, the start page.
"""
