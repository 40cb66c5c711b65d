"""`transcript-editor suggest TRANSCRIPT [AUDIO] [--glossary FILE.csv]... [--show NAME] [--json]`.

Runs what the window offers: the glossary scan, and with audio the audio checks of every
suggestion, glossary names heard in doubtful passages and the suspect passages themselves
(aligning first when the transcript has no word times).

A project keeps the passages its producer said are right (Ignore in the window): a suspect over
one is left out of the suspects, as the window leaves it out of its list, by the same rule
(:func:`editor.core.ignored_passages.shown`). They are not hidden silently: the human form says how
many were left out, and ``--json`` lists them under ``"ignored"`` (the suspects' fields; the key is
there only when some were left out), so a script can still tell the audio's doubts from the
producer's decisions.
"""

from __future__ import annotations

import argparse
import json
import sys

from editor.cli.common import EXIT_OK, EXIT_READ, add_encoding_argument, load_or_report, say
from editor.core.errors import TranscriptError
from editor.core.search import context_snippet, time_at
from editor.core.timecode import format_clock

NAME = "suggest"
HELP = "suggest corrections (glossary, audio) and list passages the audio doubts"

_CONTEXT_CHARS = 24     # of the turn's text each side of a suggestion, to tell two in one turn apart


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("transcript", metavar="TRANSCRIPT")
    parser.add_argument("audio", metavar="AUDIO", nargs="?", help="the episode's audio: enables the audio checks")
    parser.add_argument("--glossary", metavar="FILE.csv", action="append", default=[],
                        help="names to look for (columns: correct, wrong forms, note); repeatable")
    parser.add_argument("--show", metavar="NAME",
                        help="also use this show's stored glossary (and the team's shared glossary file it names)")
    parser.add_argument("--json", action="store_true",
                        help='print one object {"suggestions": [...], "suspects": [...]}')
    add_encoding_argument(parser)


def run(options: argparse.Namespace) -> int:
    from editor.core.glossary import Glossary
    from editor.hearing.suggest import suggest

    loaded = load_or_report(options.transcript, options.encoding)
    if loaded is None:
        return EXIT_READ
    for warning in loaded.warnings:
        say(f"{options.transcript}: warning: {warning}")
    try:
        glossary = _show_glossary(options.show) if options.show else Glossary()
        for path in options.glossary:
            glossary.import_csv(path)
        glossary.join_speakers(loaded.transcript)
        audio = _audio_that_fits(loaded.transcript, options.audio) if options.audio else None
        progress = None if options.json or not sys.stderr.isatty() else _progress
        report = suggest(loaded.transcript, glossary, audio, progress=progress,
                         candidates=_show_notes_names(loaded.extra, glossary), notes=_page_words(loaded.extra))
    except TranscriptError as error:
        say(str(error))
        return EXIT_READ
    if progress:
        print(file=sys.stderr)
    ignored = _leave_out_ignored(loaded.transcript, report)
    if options.json:
        starts = [segment.start_ms for segment in loaded.transcript.segments]
        # "ignored" only when some were left out: the object is otherwise as it always was.
        left_out = {"ignored": [s.as_dict(starts[s.segment]) for s in ignored]} if ignored else {}
        print(json.dumps({**report.as_dict(loaded.transcript), **left_out}, ensure_ascii=False))
    else:
        print(_human(loaded.transcript, report, len(ignored)))
    return EXIT_OK


def _leave_out_ignored(transcript, report) -> list:
    """Take the suspects over passages the producer said are right out of *report*; those taken out."""
    from editor.core.ignored_passages import covering

    segments = transcript.segments
    ignored = [s for s in report.suspects if covering(segments[s.segment], s) is not None]
    if ignored:
        report.suspects = [s for s in report.suspects if covering(segments[s.segment], s) is None]
    return ignored


def _audio_that_fits(transcript, audio: str) -> str | None:
    """*audio*, unless the transcript runs clearly past its end (the wrong episode's audio, or a cut
    download): that is said, and the audio is left out, as the window leaves it until the producer
    asks (judged against audio that is not there, every suggestion would be "audio unsure").
    TranscriptError when the audio cannot be read."""
    from editor.audio.decode import duration_ms
    from editor.core.audio_fit import needed_ms, runs_past

    length = duration_ms(audio) or 0
    if not runs_past(transcript, length):
        return audio
    say(f"{audio}: warning: the audio is {format_clock(length)} long, but the transcript runs to "
        f"{format_clock(needed_ms(transcript))} (the wrong episode's audio, or a cut file?): "
        "suggestions from the text alone, no audio checks or suspects")
    return None


def _show_glossary(show: str):
    """The stored glossary of *show*, with what the team added to its shared file merged in (as
    the window merges it when the glossary loads). TranscriptError when either cannot be read."""
    from editor.core.glossary import Glossary
    from editor.core.glossary_places import known_shows
    from editor.core.shared_glossary import SharedGlossaryFile

    glossary = Glossary.for_show(show)
    if glossary.path is None or not glossary.path.exists():
        # A mistyped name would scan with no names of the show and say nothing of it.
        import difflib
        shows = known_shows()
        close = difflib.get_close_matches(show, shows, n=3, cutoff=0.6)
        hint = (f" (did you mean {' or '.join(repr(name) for name in close)}?)" if close
                else f" ({len(shows)} show{'s have' if len(shows) != 1 else ' has'} one)" if shows else "")
        say(f"--show {show!r}: warning: no stored glossary for this show{hint}")
    if glossary.shared_file:
        SharedGlossaryFile(glossary.shared_file).pull(glossary)
    return glossary


def _show_notes_names(extra: dict, glossary) -> list[str]:
    """Names of the page text kept with the transcript that the glossary lacks (the window offers
    the same ones "from the show notes")."""
    from editor.core.show_notes import PageText, candidate_names

    page = PageText.from_extra(extra)
    if page is None:
        return []
    have = {name.casefold() for name in glossary.names()}
    return [c.text for c in candidate_names(f"{page.title}\n{page.notes}") if c.text.casefold() not in have]


def _page_words(extra: dict) -> str:
    """The page text kept with the transcript (its title and show notes): the episode's own words,
    which the audio checks' language model counts (see :mod:`editor.hearing.episode_words`)."""
    from editor.core.page_text import PageText

    page = PageText.from_extra(extra)
    return "" if page is None else page.words


def _progress(stage: str, done: int, total: int) -> None:
    print(f"\r{stage}: {done}/{total}   ", end="", file=sys.stderr, flush=True)


def _human(transcript, report, ignored: int = 0) -> str:
    def when(ms):
        return format_clock(ms, hours=True) if ms is not None else "--:--:--"

    lines = [f"{len(report.suggestions)} suggestions"]
    for s in report.suggestions:
        mark = "[x]" if s.ticked else "[ ]"
        audio = f", audio {s.audio}" if s.audio else ""
        # Where it is, so that two places in one turn read apart: the time of its first word (the
        # turn's start when its words have no times) and the words around it.
        segment = transcript.segments[s.segment]
        context, at = context_snippet(segment.text, s.char_start, s.char_end, width=_CONTEXT_CHARS)
        found = at + s.char_end - s.char_start
        context = f"{context[:at]}«{context[at:found]}»{context[found:]}"
        lines.append(f"  {mark} {when(time_at(segment, s.char_start))}  {s.found!r} -> {s.replacement!r}"
                     f"  ({s.score}; {', '.join(s.evidence)}{audio})  in turn {s.segment + 1}: \"{context}\"")
    lines.append(f"{len(report.suspects)} suspect passages (most doubtful first)")
    for s in report.suspects:
        lines.append(f"  {when(s.start_ms)}  {s.text!r}  doubt {s.doubt:.2f} ({', '.join(s.evidence)})")
    if ignored:
        lines.append(f"{ignored} more the producer said {'is' if ignored == 1 else 'are'} right (Ignore) "
                     "left out")
    if report.unaligned:
        lines.append(f"{report.unaligned} segments could not be fitted to the audio (not checked)")
    return "\n".join(lines)
