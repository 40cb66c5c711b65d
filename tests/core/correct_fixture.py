"""Invented turns for Correct Everywhere's default ticks: a wrong phrase, its right form, the places
that are that name misheard (to be ticked) and the places that are someone else (to be left).
All names and text are made up, apart from a few public figures' names used as the traps."""

from __future__ import annotations

from typing import NamedTuple


class Case(NamedTuple):
    turns: list[str]
    wrong: str
    right: str
    misheard: list[str]     # variants found that are the name misheard: right to tick
    others: list[str]       # variants found that are someone else: never to tick


CASES = [
    Case(["Welcome back to Fen Radio, my guest is Baraka.",
          "Back when Barack Obama was in office we had no station at all.",
          "So thank you, Baraka, and Barack Obama too."],
         "Baraka", "Daraka", [], ["Barack"]),
    Case(["My co-host Thomas Rayes is here, and later Thomas Rayez reads the news.",
          "Rayez says the ferry is late again."],
         "Rayes", "Reyes", ["Rayez"], []),
    Case(["Our treasurer Kamal Osei joins us.", "He met Kamala Harris once, in passing.",
          "Kamaal, sorry, Kamal, tell us more."],
         "Kamal", "Kamaal", [], ["Kamala"]),
    Case(["Thanks to Berny for the music.", "Berny also played at the Bernie Sanders rally.",
          "Birny, how was it?"],
         "Berny", "Birney", ["Birny"], ["Bernie"]),
    Case(["Dick Flux, welcome.", "Thanks. As Dick Flax wrote in his book, the left splits.",
          "Dick flacks would say so."],
         "Flux", "Flacks", ["Flax", "flacks"], []),
    Case(["Our producer Brek keeps us on time.", "Brek and Rolf Brick built the studio.",
          "Breck, thank you."],
         "Brek", "Brekke", ["Brick", "Breck"], []),
]
