"""The marks whose words the aligner leaves out (nobody can hear them to time them).

A module of its own, without the aligner's text handling (number words, spoken forms), so
the window's waveform strip can ask it while a transcript opens without importing those.
"""

from __future__ import annotations

from editor.core.transcript import MarkKind

UNALIGNED_MARKS = frozenset({MarkKind.INAUDIBLE, MarkKind.CROSSTALK})
