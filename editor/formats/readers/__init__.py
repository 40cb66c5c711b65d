"""Every transcript reader, in the order detection asks them (ties go to the earlier one)."""

from __future__ import annotations

from editor.formats.base import Reader
from editor.formats.readers.ass import AssReader
from editor.formats.readers.descript import DescriptReader
from editor.formats.readers.noscribe import NoScribeReader
from editor.formats.readers.otranscribe import OTranscribeReader
from editor.formats.readers.otter import OtterReader
from editor.formats.readers.plain_text import PlainTextReader
from editor.formats.readers.podcast_html import PodcastHtmlReader
from editor.formats.readers.podcast_page import PodcastPageReader
from editor.formats.readers.podcasting_json import PodcastingJsonReader
from editor.formats.readers.rev import RevReader
from editor.formats.readers.sbv import SbvReader
from editor.formats.readers.srt import SrtReader
from editor.formats.readers.vtt import VttReader
from editor.formats.readers.whisper_json import WhisperJsonReader

READERS: list[Reader] = [
    VttReader(),
    SrtReader(),
    SbvReader(),
    AssReader(),
    PodcastingJsonReader(),
    WhisperJsonReader(),
    OTranscribeReader(),
    PodcastHtmlReader(),
    NoScribeReader(),
    RevReader(),
    OtterReader(),
    DescriptReader(),
    PodcastPageReader(),
    PlainTextReader(),
]

__all__ = ["READERS"]
