"""The unwanted-slip question (:mod:`editor.hearing.unwanted_slips`) asked of every word it asks
about, with the answers printed: for the real-word slips (the audio says the right word) and for the
right words (also in the control, where the audio says the text's own words), the neighbour the
light search chose, how much better the turn fitted it per frame of the word, and the check's bar.

    PYTHONPATH=. python tests/bench/bench_unwanted_slips.py [--episodes fresh19,fresh20] [--voices V:WPM,...]
                                                            [--dump FILE.jsonl]

Seen episodes of tests/bench/hearing_material.py only. Each turn is heard over its text's span and
200 ms around it (as bench_slip_evidence.py does), not over the aligned words as the app does: a
figure near a bar is worth a bench_hearing.py run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_hearing  # noqa: E402
import hearing_material as hm  # noqa: E402

from editor.align.aligner import RATE, Aligner  # noqa: E402
from editor.align.text import segment_tokens  # noqa: E402
from editor.hearing.context import _chosen, _margin, context_model, ordinary, spoken_words  # noqa: E402
from editor.hearing.fit import fit_tokens, hearing_aligner  # noqa: E402
from editor.hearing.listen import NAMES_OPTIONS  # noqa: E402
from editor.hearing.suspects import word_doubts  # noqa: E402
from editor.hearing.unwanted_slips import UNWANTED_BELOW, neighbours_not_ruled_out, unwanted_bar  # noqa: E402


def measure(which: str, voice: str, speed: int, side: str, aligner: Aligner, chooser: Aligner, out) -> list[dict]:
    episode = hm.episode(audio=side, voice=voice, speed=speed, **bench_hearing.EPISODES[which])
    passages = hm.episode(voice=voice, speed=speed, **bench_hearing.EPISODES[which]).passages
    model = context_model()
    rows = []
    for index, segment in enumerate(episode.transcript.segments):
        lo, hi = segment.start_ms - 200, segment.end_ms + 200
        audio = episode.audio[lo * RATE // 1000:hi * RATE // 1000]
        tokens = segment_tokens(segment)
        fitted = fit_tokens(audio, tokens, aligner, lo)
        if fitted is None:
            continue
        doubts = word_doubts(segment.text, fitted.tokens)
        words, position = spoken_words(tokens, model)
        total = sum(p.log_score for p in fitted.pieces)
        for i in ordinary(tokens, doubts, segment.text):
            doubt = doubts[i]
            hit = [p for p in passages if p.index == index and p.start < doubt.char_end and doubt.char_start < p.end]
            if doubt.short or doubt.below < UNWANTED_BELOW or (hit and hit[0].kind != "real word"):
                continue
            word = words[position[i]]
            if not model.known(word):
                continue
            others = neighbours_not_ruled_out(words, position[i], aligner.pronunciations(word))
            row = {"episode": which, "voice": voice, "audio": side, "word": tokens[i].text,
                   "right": hit[0].right if hit and side == "right" else None, "below": round(doubt.below, 2),
                   "others": others}
            chosen = _chosen(tokens, i, others, fitted, audio, lo, chooser) if others else None
            if chosen is not None and chosen in others:
                least = unwanted_bar(aligner.pronunciations(word), aligner.pronunciations(chosen))
                row.update(chosen=chosen, bar=least,
                           margin=_margin(tokens, i, chosen, audio, lo, aligner, total, fitted.tokens[i].frames))
            rows.append(row)
            if out is not None:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                out.flush()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--episodes", default="fresh19,fresh20", help="seen evaluation episodes only")
    parser.add_argument("--voices", default="en-us+f2:165,en-us+f3:150")
    parser.add_argument("--dump", type=Path, metavar="FILE.jsonl")
    options = parser.parse_args()
    aligner, chooser = hearing_aligner(), Aligner(NAMES_OPTIONS)
    out = options.dump.open("w", encoding="utf-8") if options.dump else None
    rows = []
    for which in options.episodes.split(","):
        for item in options.voices.split(","):
            voice, _, speed = item.partition(":")
            for side in ("right", "wrong"):
                rows += measure(which, voice, int(speed or 165), side, aligner, chooser, out)
    for label, chosen in (("slips (the audio says the right word)", [r for r in rows if r["right"]]),
                          ("right words, highest margin first", [r for r in rows if not r["right"]])):
        print(f"\n== {label}: {len(chosen)} asked")
        for r in sorted(chosen, key=lambda r: -(r.get("margin") or -99)):
            found = r.get("margin") is not None and r.get("bar") is not None and r["margin"] >= r["bar"]
            margin = "   -  " if r.get("margin") is None else f"{r['margin']:6.2f}"
            print(f"  {margin} bar {r.get('bar')}  {'FOUND' if found else '     '} {r['episode']:8s} {r['voice']:9s} "
                  f"{r['audio']:5s} {r['word']}" + (f" (says {r['right']})" if r["right"] else "")
                  + f" chose {r.get('chosen')} among {r['others'][:6]}")


if __name__ == "__main__":
    main()
