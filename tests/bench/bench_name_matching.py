"""Recall and precision of glossary suggestions on the invented podcast-page fixture, by kind of error.

Two runs: with a glossary of the fixture's names, and with an empty glossary but the page's
show notes (names picked out of the page text, the way the window offers them). For each
kind of misrecognition (names split at other boundaries, a URL read out in pieces, an
acronym said letter by letter, a name cut between two turns, sound-alikes, possessives,
capitals) it prints whether the right suggestion was offered and ticked, then recall over
the name errors and precision of all offered and of the ticked suggestions. Targets: at least
90 % of name errors get the right suggestion, at least 90 % of ticked suggestions are right.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

_HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(_HERE.parents[1]))

from editor.core.corrections import find_variants  # noqa: E402
from editor.core.glossary import Glossary, scan  # noqa: E402
from editor.core.show_notes import PageText, candidate_names  # noqa: E402
from editor.core.transcript import Segment, Transcript  # noqa: E402
from editor.formats import read_text  # noqa: E402
from editor.ui.names.correct_dialog import TICK_AT  # noqa: E402
from tests.core.correct_fixture import CASES  # noqa: E402
from tests.core.names_fixture import (  # noqa: E402
    ERRORS,
    ERRORS_2,
    ERRORS_3,
    GLOSSARY,
    GLOSSARY_2,
    GLOSSARY_3,
    PAGE,
    PAGE_2,
    PAGE_3,
)


def evaluate(label: str, suggestions, errors) -> tuple[int, int, int, int]:
    """Print the verdict per error and the totals; returns (name errors found, name errors,
    ticked right, ticked)."""
    wanted = {(e.found, e.right): e.kind for e in errors}
    by_kind: dict[str, list[str]] = defaultdict(list)
    offered_right = ticked_right = ticked = 0
    got = {(s.found, s.replacement): s for s in suggestions}
    for (found, right), kind in wanted.items():
        s = got.get((found, right))
        verdict = "missed" if s is None else \
            f"{s.score:3d} {'ticked' if s.ticked else 'offered'} {'+'.join(s.evidence)}"
        by_kind[kind].append(f"{found!r} -> {right!r}: {verdict}")
    for s in suggestions:
        right = (s.found, s.replacement) in wanted
        offered_right += right
        if s.ticked:
            ticked += 1
            ticked_right += right
    names = [k for k in wanted if wanted[k] != "case"]
    recall = sum(k in got for k in names) / len(names)
    print(f"\n== {label}")
    for kind, lines in by_kind.items():
        for line in lines:
            print(f"  {kind:13} {line}")
    wrong = [f"{s.found!r} -> {s.replacement!r} ({s.score})" for s in suggestions
             if (s.found, s.replacement) not in wanted]
    print(f"  wrong suggestions: {', '.join(wrong) or 'none'}")
    print(f"  name errors with the right suggestion: {recall:.0%} ({sum(k in got for k in names)}/{len(names)})")
    print(f"  precision, all offered: {offered_right / max(1, len(suggestions)):.0%} "
          f"({offered_right}/{len(suggestions)})")
    print(f"  precision, ticked:      {ticked_right / max(1, ticked):.0%} ({ticked_right}/{ticked})")
    return sum(k in got for k in names), len(names), ticked_right, ticked


def main() -> None:
    started = time.perf_counter()
    totals = defaultdict(lambda: [0, 0, 0, 0])
    for episode, page_text, names, errors in (("episode 1 (tuned on)", PAGE, GLOSSARY, ERRORS),
                                              ("episode 2 (held out, then tuned on)", PAGE_2, GLOSSARY_2, ERRORS_2),
                                              ("episode 3 (held out)", PAGE_3, GLOSSARY_3, ERRORS_3)):
        result = read_text(page_text)
        glossary = Glossary()
        for name in names:
            glossary.add(name)
        figures = evaluate(f"{episode}: glossary of the episode's names", scan(result.transcript, glossary), errors)
        totals["glossary"] = [a + b for a, b in zip(totals["glossary"], figures, strict=False)]
        page = PageText.from_extra(result.extra)
        candidates = candidate_names(f"{page.title}\n{page.notes}")
        print(f"\nshow-notes candidates ({len(candidates)}): {', '.join(c.text for c in candidates)}")
        figures = evaluate(f"{episode}: empty glossary, names from the show notes",
                           scan(result.transcript, Glossary(), candidates=[c.text for c in candidates]), errors)
        totals["show notes"] = [a + b for a, b in zip(totals["show notes"], figures, strict=False)]
    print("\n== all episodes")
    for label, (found, names, right, ticked) in totals.items():
        print(f"  {label:11} name errors with the right suggestion {found}/{names} = {found / names:.0%}; "
              f"ticked right {right}/{ticked} = {right / max(1, ticked):.0%}")
    other_episodes()
    correct_everywhere()
    print(f"({time.perf_counter() - started:.2f} s)")


def other_episodes() -> None:
    """Names "from the show notes" of a page that lists other episodes: their titles offered (should
    be none) and the page's real names kept (should be all)."""
    from tests.core.names_fixture import OTHER_EPISODE_TITLES, PAGE_NAMES, PAGE_WITH_EPISODE_LIST
    page = PageText.from_extra(read_text(PAGE_WITH_EPISODE_LIST).extra)
    names = [c.text for c in candidate_names(f"{page.title}\n{page.notes}")]
    titles = [n for n in names if n in OTHER_EPISODE_TITLES]
    print("\n== show-notes names of a page listing other episodes")
    print(f"  offered: {', '.join(names)}")
    print(f"  other episodes' titles offered {len(titles)}; real names kept "
          f"{sum(n in names for n in PAGE_NAMES)}/{len(PAGE_NAMES)}")


def correct_everywhere() -> None:
    """Correct Everywhere's default ticks on invented cases (tests/core/correct_fixture.py): places
    that are the name misheard ticked, places in someone else's full name left; by the score alone
    (the rule before the other-name check) and as the dialog ticks now."""
    print("\n== Correct Everywhere default ticks (score >= TICK_AT alone / and not in another full name)")
    figures = {"score alone": [0, 0, 0], "now": [0, 0, 0]}     # misheard ticked, ticked, ticked right
    misheard_total = 0
    for case in CASES:
        transcript = Transcript(segments=[Segment(f"s{i}", i * 5000, i * 5000 + 4000, text)
                                          for i, text in enumerate(case.turns)])
        variants = [c for c in find_variants(transcript, case.wrong, case.right) if c.how != "exact"]
        misheard_total += sum(c.found in case.misheard for c in variants)
        for label, ticks in (("score alone", lambda c: c.score >= TICK_AT),
                             ("now", lambda c: c.score >= TICK_AT and not c.other_name)):
            ticked = [c for c in variants if ticks(c)]
            right = [c for c in ticked if c.found in case.misheard]
            figures[label][0] += len(right)
            figures[label][1] += len(ticked)
            figures[label][2] += len(right)
        listed = ", ".join(f"{c.found} {c.score}{' [' + c.other_name + ']' if c.other_name else ''}"
                           for c in variants)
        print(f"  {case.wrong!r} -> {case.right!r}: {listed}")
    for label, (misheard, ticked, right) in figures.items():
        print(f"  {label:12} misheard places ticked {misheard}/{misheard_total}; "
              f"ticked right {right}/{ticked} = {right / max(1, ticked):.0%}")


if __name__ == "__main__":
    main()
