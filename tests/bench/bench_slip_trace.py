"""Why a real-word slip was missed: every slip check's questions about every word, recorded (prints, and dumps).

    PYTHONPATH=. python tests/bench/bench_slip_trace.py --episodes fresh13,fresh14 [--voices V:WPM,...]
                                                        [--dump FILE.jsonl] [--replay FILE.jsonl]

Runs the app's own pass (:func:`editor.hearing.suggest.suggest`, in this process: one worker) over the
chosen seen episodes of tests/bench/hearing_material.py, with the audio saying the right words and in
the control, and records what each slip check of :func:`editor.hearing.listen.hear_segment` did with
each word: which words it asked about (``asked_words``), which neighbours the light search chose
among and what it chose (``_chosen``), how much better the turn fitted the chosen word
(``_margin``), and what the recognizer heard (:mod:`~editor.hearing.lone_misfits`). Then, for every
real-word slip, its word's fit and each check's questions and answers; and for the right words, the
highest margins each check measured (how close a right word came to a bar).

With --dump every turn's record is written as JSON lines; --replay reads such a file instead of
running (a new bar can be tried on the margins measured, without decoding again). Bench code: it
wraps the checks' module-level helpers to watch them, which the app never does.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_hearing  # noqa: E402
import hearing_material as hm  # noqa: E402

from editor.align.aligner import Aligner  # noqa: E402
from editor.core.glossary import Glossary  # noqa: E402
from editor.hearing import (  # noqa: E402
    context,
    episode_alikes,
    listen,
    lone_misfits,
    misfit_slips,
    near_consonants,
    two_phones,
    unwanted_slips,
)
from editor.hearing.suggest import suggest  # noqa: E402

CHECKS = ("context_suspects", "near_consonant_suspects", "two_phone_suspects", "misfit_slip_suspects",
          "episode_alike_suspects", "unwanted_slip_suspects", "lone_misfit_suspects")
_now: dict = {"check": None, "turn": None}
_record: dict = defaultdict(list)   # turn index -> events


def _watch() -> None:
    """Wrap the checks and the helpers they ask the audio with, recording each call's answer."""
    for name in CHECKS:
        original = getattr(listen, name)

        def check(*args, _original=original, _name=name, **kwargs):
            _now["check"] = _name
            found = _original(*args, **kwargs)
            _record[_now["turn"]].append({"check": _name, "event": "found",
                                          "words": [(s.char_start, s.char_end, s.text, s.evidence) for s in found]})
            _now["check"] = None
            return found
        setattr(listen, name, check)

    original_segment = listen.hear_segment

    def hear_segment(job, aligner):
        _now["turn"] = job.index
        heard = original_segment(job, aligner)
        _record[job.index].append({"event": "doubts", "doubts": [
            {"token": d.token, "word": job.text[d.char_start:d.char_end], "below": round(d.below, 3),
             "doubt": round(d.doubt, 3), "short": d.short, "evidence": d.evidence,
             "fit_vs_turn": round(d.fit_vs_turn, 3), "frames": d.frames} for d in heard.doubts]})
        return heard
    listen.hear_segment = hear_segment

    for module in (context, near_consonants, lone_misfits, episode_alikes):
        if hasattr(module, "_margin"):
            original_margin = module._margin

            def margin(tokens, i, other, *args, _original=original_margin, **kwargs):
                value = _original(tokens, i, other, *args, **kwargs)
                _record[_now["turn"]].append({"check": _now["check"], "event": "margin", "token": i,
                                              "word": tokens[i].text, "other": other,
                                              "margin": None if value is None else round(value, 3)})
                return value
            module._margin = margin
    for module in (context, near_consonants, episode_alikes):
        original_chosen = module._chosen

        def chosen(tokens, i, others, *args, _original=original_chosen, **kwargs):
            value = _original(tokens, i, others, *args, **kwargs)
            _record[_now["turn"]].append({"check": _now["check"], "event": "chosen", "token": i,
                                          "word": tokens[i].text, "others": list(others), "chosen": value})
            return value
        module._chosen = chosen
    for module in (near_consonants, two_phones, misfit_slips, unwanted_slips, lone_misfits):
        original_asked = module.asked_words

        def asked(tokens, *args, _original=original_asked, **kwargs):
            value = _original(tokens, *args, **kwargs)
            _record[_now["turn"]].append({"check": _now["check"], "event": "asked",
                                          "tokens": value, "words": [tokens[i].text for i in value]})
            return value
        module.asked_words = asked
    original_recognize = Aligner.recognize

    def recognize(self, audio):
        value = original_recognize(self, audio)
        _record[_now["turn"]].append({"check": _now["check"], "event": "recognized", "heard": value})
        return value
    Aligner.recognize = recognize  # type: ignore[method-assign]


def run(which: str, voice: str, speed: int, side: str, folder: Path) -> list[dict]:
    episode = hm.episode(audio=side, voice=voice, speed=speed, **bench_hearing.EPISODES[which])
    passages = hm.episode(voice=voice, speed=speed, **bench_hearing.EPISODES[which]).passages
    wav = hm.write_wav(folder / f"{side}-{voice}-{speed}-{which}.wav", episode.audio)
    glossary = Glossary()
    for name in episode.names:
        glossary.add(name)
    _record.clear()
    report = suggest(episode.transcript, glossary, wav, workers=1)
    rows = []
    for index, segment in enumerate(episode.transcript.segments):
        slips = [{"start": p.start, "end": p.end, "wrong": p.wrong, "right": p.right, "kind": p.kind}
                 for p in passages if p.index == index] if side == "right" else []
        rows.append({"episode": which, "voice": voice, "speed": speed, "audio": side, "turn": index,
                     "text": segment.text, "slips": slips, "events": _record.get(index, []),
                     "suspects": [(s.char_start, s.char_end, s.text, s.evidence) for s in report.suspects
                                  if s.segment == index]})
    return rows


def show(rows: list[dict]) -> None:
    print("\n== real-word slips: each check's questions about the slip's word")
    for row in rows:
        for slip in row["slips"]:
            if slip["kind"] != "real word":
                continue
            found = any(a < slip["end"] and slip["start"] < b for a, b, _, _ in row["suspects"])
            print(f"\n{row['episode']} {row['voice']}: {slip['wrong']!r} (says {slip['right']!r})"
                  f" {'FOUND' if found else 'missed'}  suspects {[s[2] for s in row['suspects']]}")
            doubts = next((e["doubts"] for e in row["events"] if e["event"] == "doubts"), [])
            mine = [d for d in doubts if d["word"].strip(".,").lower() in slip["wrong"].lower().split()]
            for d in mine:
                print(f"   {d['word']}: below {d['below']:.2f} fit-vs-turn {d['fit_vs_turn']:.2f} short {d['short']}"
                      f" doubt {d['doubt']:.2f} {d['evidence']}")
            tokens = {d["token"] for d in mine}
            for e in row["events"]:
                if e["event"] == "asked":
                    print(f"   {e['check']}: asks {e['words']}")
                elif e.get("token") in tokens and e["event"] == "chosen":
                    print(f"   {e['check']}: chose {e['chosen']!r} among {e['others']}")
                elif e.get("token") in tokens and e["event"] == "margin":
                    print(f"   {e['check']}: {e['other']!r} fits {e['margin']} per frame better")
                elif e["event"] == "recognized":
                    print(f"   {e['check']}: recognizer heard {e['heard']}")
    print("\n== right words (not a slip's): the highest margins each check measured (a chosen word fitting better)")
    best = defaultdict(list)
    for row in rows:
        slip_words = {w.lower() for s in row["slips"] for w in s["wrong"].split()}
        for e in row["events"]:
            if (e["event"] == "margin" and e["margin"] is not None
                    and e["word"].strip(".,;:!?").lower() not in slip_words):
                best[e["check"]].append((e["margin"], row["episode"], row["voice"], row["audio"], e["word"],
                                         e["other"]))
    for check, values in best.items():
        print(f"  {check}:")
        for m, ep, voice, side, word, other in sorted(values, reverse=True)[:10]:
            print(f"    {m:6.2f} {ep:8s} {voice:9s} {side:5s} {word} -> {other}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--episodes", default="fresh13,fresh14", help="seen evaluation episodes only")
    parser.add_argument("--voices", default="en-us+f2:165,en-us+f3:150")
    parser.add_argument("--sides", default="right,wrong", help="right (slips to find), wrong (the control)")
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--replay", type=Path)
    options = parser.parse_args()
    if options.replay:
        rows = [json.loads(line) for line in options.replay.read_text(encoding="utf-8").splitlines()]
        show(rows)
        return
    _watch()
    rows = []
    out = options.dump.open("w", encoding="utf-8") if options.dump else None
    with tempfile.TemporaryDirectory() as tmp:
        for which in options.episodes.split(","):
            for item in options.voices.split(","):
                voice, _, speed = item.partition(":")
                for side in options.sides.split(","):
                    got = run(which, voice, int(speed or 165), side, Path(tmp))
                    rows += got
                    if out:
                        for row in got:
                            out.write(json.dumps(row, ensure_ascii=False) + "\n")
                        out.flush()
    if out:
        out.close()
    show(rows)


if __name__ == "__main__":
    main()
