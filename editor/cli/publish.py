"""`transcript-editor publish FILE -o FOLDER`: the files, chapters and feed tags for podcast apps.

Refuses (exit 3) when turns are unapproved, have no (word) times, or overlap,
unless ``--force``; the reasons are printed either way. A file that would
replace the input (or its audio) is refused as bad usage (exit 2), before
anything is written, and so is one that would replace a file in the folder the
last publish did not write as it is now (edited by hand), unless ``--force``;
a folder that cannot be written is exit 1. Files of the last publish that no
longer belong are removed (or, edited since, kept), and the command says which. The files written and
the feed tags to paste are printed on stdout.
"""

from __future__ import annotations

import argparse
import os

from editor.cli.common import EXIT_NOT_APPROVED, EXIT_OK, EXIT_READ, EXIT_WRITE, load_or_report, say
from editor.core.errors import TranscriptError

NAME = "publish"
HELP = "write the transcript in the podcast apps' formats with the feed tags to paste"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from editor.publish.rules import FORMAT_NAMES

    parser.add_argument("file", metavar="FILE", help="a transcript or project")
    parser.add_argument("-o", "--output", required=True, metavar="FOLDER",
                        help="the folder to write into (made if missing)")
    parser.add_argument("--base-url", default="", metavar="URL",
                        help="where the files will be served, e.g. https://example.com/episodes/12")
    parser.add_argument("--language", default="", metavar="LANG",
                        help="the transcript's language, e.g. en or en-US (default: the episode's, else the one "
                             "its text is in, else the system's)")
    parser.add_argument("--formats", default=",".join(FORMAT_NAMES), metavar="LIST",
                        help=f"comma-separated, from {','.join(FORMAT_NAMES)} (default: all)")
    parser.add_argument("--force", action="store_true",
                        help="publish even with unapproved, untimed or overlapping turns, and replace files "
                             "in the folder changed since the last publish")
    parser.add_argument("--clean-verbatim", action="store_true",
                        help="leave filler words out (the list for the episode's language)")
    parser.add_argument("--word-timed-vtt", action="store_true",
                        help="WebVTT with a time on every word (<00:00:01.000><c>word</c>)")


def run(options: argparse.Namespace) -> int:
    from editor.formats.base import ExportOptions
    from editor.formats.clean_verbatim import load_fillers
    from editor.publish import WouldOverwriteInput, WouldReplaceChanged, check, parse_formats, publish
    from editor.publish.feed_tags import check_base_url, check_language
    from editor.publish.language import default_language, transcript_texts

    try:
        formats = parse_formats(options.formats)
        check_base_url(options.base_url)
        check_language(options.language)
    except ValueError as error:
        say(f"publish: {error}")
        return EXIT_READ
    if os.path.exists(options.output) and not os.path.isdir(options.output):
        say(f"{options.output}: is a file, not a folder; give a folder to publish into")
        return EXIT_READ
    loaded = load_or_report(options.file)
    if loaded is None:
        return EXIT_READ
    transcript = loaded.transcript
    readiness = check(transcript)
    for note in readiness.notes(transcript):
        say(f"{options.file}: note: {note}")
    if not readiness.ready:
        verdict = "publishing anyway (--force)" if options.force else "not published; fix them or add --force"
        for problem in readiness.problems(transcript):
            say(f"{options.file}: {'warning: ' if options.force else ''}{problem}")
        if not options.force:
            say(f"{options.file}: {verdict}")
            return EXIT_NOT_APPROVED
    language = options.language
    if not language.strip():
        language, where = default_language(transcript.meta.language, texts=transcript_texts(transcript))
        if where in ("the system", "the transcript's text"):
            said = "the system's" if where == "the system" else "guessed from the text"
            say(f"{options.file}: note: the feed tags say language=\"{language}\" ({said}); "
                "--language chooses another")
    choices = ExportOptions(word_timed_vtt=options.word_timed_vtt,
                            filler_words=load_fillers(language) if options.clean_verbatim else ())
    meta = transcript.meta
    inputs = [options.file] + [path for path in (meta.audio_path, meta.source_path) if path]
    try:
        published = publish(transcript, options.output, formats=formats, base_url=options.base_url,
                            language=language, choices=choices, inputs=inputs, replace_changed=options.force)
    except WouldOverwriteInput as error:
        say(str(error))
        return EXIT_READ
    except WouldReplaceChanged as error:
        say(f"{error}; not published: move them away, or add --force to replace them")
        return EXIT_READ
    except TranscriptError as error:
        say(str(error))
        return EXIT_WRITE
    for path in published.replaced_changed:
        say(f"{path}: warning: replaced, though changed since the last publish (--force)")
    for path in published.removed:
        say(f"{path}: removed: written by the last publish, no longer part of the episode")
    for path in published.left_over:
        say(f"{path}: note: left in place: no longer part of the episode, but changed since the last publish")
    for item in published.files:
        print(item.path)
    print(published.tags_path)
    print()
    print(published.tags, end="")
    return EXIT_OK
