"""Publishing an episode for podcast apps: plain Python, no Qt (the CLI and the window share it).

* :mod:`.rules` -- the namespace's and Apple's rules as export options per format, and each
  format's feed type.
* :mod:`.readiness` -- unapproved turns, missing times and overlaps, found before publishing.
* :mod:`.feed_tags` -- the ``<podcast:transcript>``, ``<podcast:chapters>`` and
  ``<podcast:person>`` tags to paste into the feed.
* :mod:`.folder` -- :func:`publish`: render every file, then write them with the tags into a folder.
* :mod:`.manifest` -- the record in a publish folder of what the last publish wrote there.
"""

from editor.publish.feed_tags import feed_tags, named_speakers
from editor.publish.folder import (
    CHAPTERS_FILE,
    TAGS_FILE,
    PublishCancelled,
    Published,
    PublishedFile,
    WouldOverwriteInput,
    WouldReplaceChanged,
    episode_file_stem,
    parse_formats,
    plan_tags,
    publish,
)
from editor.publish.readiness import Readiness, check
from editor.publish.rules import FORMAT_NAMES, PUBLISH_FORMATS, publish_format, publish_options

__all__ = [
    "CHAPTERS_FILE", "FORMAT_NAMES", "PUBLISH_FORMATS", "TAGS_FILE", "Published", "PublishCancelled", "PublishedFile",
    "Readiness", "check", "episode_file_stem", "feed_tags", "named_speakers", "parse_formats",
    "plan_tags", "publish", "publish_format", "publish_options", "WouldOverwriteInput", "WouldReplaceChanged",
]
