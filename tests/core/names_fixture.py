"""An invented podcast-page transcript with the misrecognitions name tools must catch, one of each kind.

``PAGE`` is shaped like a transcript copied from a podcast host's page (title and show notes
before the turns, "Other Episodes" after). ``ERRORS`` lists every wrong passage in the turns
with its right form and kind; ``CORRECT_MENTIONS`` lists right passages that must be left alone.
All names and text are made up.
"""

from __future__ import annotations

from typing import NamedTuple

GLOSSARY = ["Tamsin Oyelaran", "Bartholomew Quaintance", "Renata Morholt", "Dorian Duvalle",
            "Ada Lindqvist", "Kofundo", "patreon.com/HLPOD", "TSA", "Corvin's Pantry", "Barack Emmet",
            "Ingrid Halvorsen"]


class Error(NamedTuple):
    found: str          # as the recognizer wrote it in the turns
    right: str          # what the glossary suggestion should write
    kind: str


ERRORS = [
    Error("Dorian do valley", "Dorian Duvalle", "split"),             # a name heard at other word boundaries
    Error("Adeline quist", "Ada Lindqvist", "split"),
    Error("Ren at a more halt", "Renata Morholt", "split"),
    Error("Bartholomew quaint dance", "Bartholomew Quaintance", "split"),
    Error("patrion.com/h L pod", "patreon.com/HLPOD", "letters"),     # a URL read out in pieces
    Error("the essay", "TSA", "acronym"),                             # an acronym said letter by letter
    Error("Tamsin Oya Lauren", "Tamsin Oyelaran", "across-turns"),    # cut between two turns of one speaker
    Error("Ingrid Halverson", "Ingrid Halvorsen", "sound-alike"),
    Error("Corbin's pantry", "Corvin's Pantry", "possessive"),
    Error("kofundo", "Kofundo", "case"),
]

# Right as they stand: a bare surname, a possessive entry, everyday words that share short keys.
CORRECT_MENTIONS = ["Quaintance", "Corvin's Pantry", "Brian", "Tamsin Oyelaran", "Kofundo", "TSA"]

PAGE = """Harbour Lights #42 - Cooperatives on the Coast
Aug 3, 2026 · 00:04:10
This week Tamsin Oyelaran talks with Bartholomew Quaintance and Renata Morholt about the
Tidal Stewards Alliance (TSA), the Driftwood Collective and Ada Lindqvist's research. Back the show on
Kofundo or at patreon.com/HLPOD. Produced by Ingrid Halvorsen. Music by Dorian Duvalle.
Speaker 1 00:00:03 Welcome to Harbour Lights, I'm Tamsin Oyelaran, and today Bartholomew quaint dance joins me. \
Speaker 2 00:00:11 Thanks Tamsin. Quaintance is fine, everybody calls me that. Brian says hi too. \
Speaker 1 00:00:19 You worked with Ren at a more halt on the kelp beds and with Adeline quist before that. \
Speaker 2 00:00:30 Yes, and we both joined the essay, which was a big step for a small crew. \
Speaker 1 00:00:41 Our music is by Dorian do valley, and the sandwiches come from Corbin's pantry. \
Speaker 2 00:00:52 I love Corvin's Pantry, their bread is the best on the coast. \
Speaker 1 00:01:01 Support us at patrion.com/h L pod or on kofundo, thank you, and thanks to our producer Tamsin \
Speaker 1 00:01:12 Oya Lauren, sorry, I mean Ingrid Halverson, who keeps the show afloat. \
Speaker 2 00:01:20 The TSA meets again in spring, and Kofundo backers hear it first.

Other Episodes
Sea Kelp Farming with Renata Morholt
"""


# A second episode written after the matcher was tuned on the first: its figures are the honest ones.
GLOSSARY_2 = ["Siobhan Achterberg", "Teodor Vukovich", "Marisol Quenneville", "Okapi Labs", "NWRC",
              "Lindqvist Foundation", "Havilland Street", "Yusuf Demirtas", "brightwater.org/join", "Femi Adeyemi"]

ERRORS_2 = [
    Error("Shivon Achterberg", "Siobhan Achterberg", "sound-alike"),
    Error("Theodore Vukovich", "Teodor Vukovich", "sound-alike"),
    Error("Marisol Ken a veal", "Marisol Quenneville", "split"),
    Error("okapi labs", "Okapi Labs", "case"),
    Error("and WRC", "NWRC", "acronym"),
    Error("Lind quist Foundation", "Lindqvist Foundation", "split"),
    Error("Haviland Street", "Havilland Street", "sound-alike"),
    Error("Youssef Demir tas", "Yusuf Demirtas", "split"),
    Error("bright water.org slash join", "brightwater.org/join", "letters"),
    Error("Femi Ade yemi", "Femi Adeyemi", "across-turns"),
]

PAGE_2 = """Riverbank Commons, episode 7: Building on Havilland Street
Siobhan Achterberg and Teodor Vukovich talk with Marisol Quenneville of Okapi Labs about the
NWRC grant, the Lindqvist Foundation and Yusuf Demirtas. Join at brightwater.org/join.
Speaker 1 00:00:02 Hello, I'm Shivon Achterberg and with me is Theodore Vukovich. \
Speaker 2 00:00:08 Our guest is Marisol Ken a veal, who runs okapi labs on Haviland Street. \
Speaker 1 00:00:17 Marisol, the and WRC gave you a grant, and so did the Lind quist Foundation. \
Speaker 3 00:00:26 Yes, thanks to Youssef Demir tas, who wrote it with Femi Ade \
Speaker 3 00:00:33 yemi over one long weekend. Achterberg, you were there too. \
Speaker 1 00:00:40 I was. Sign up at bright water.org slash join, and tell Vukovich what you think.
"""


# A third episode, written after all tuning and run once as it stands: the figures to trust.
GLOSSARY_3 = ["Oluwaseun Bankole", "Greta Falkenrath", "Ptolemy Hargreaves", "Zanzibar Brewing", "CVRA",
              "Mireille Dufresne", "Kaito Nakashima", "Ashgrove Tenants Union", "tidepool.fm/members",
              "Bronwen Llewellyn", "Ignatius Okoye"]

ERRORS_3 = [
    Error("Olu Sean Bankole", "Oluwaseun Bankole", "split"),
    Error("Greta Falcon wrath", "Greta Falkenrath", "split"),
    Error("Tolomy Hargreaves", "Ptolemy Hargreaves", "sound-alike"),
    Error("Zanzi bar brewing", "Zanzibar Brewing", "split"),
    Error("see VRA", "CVRA", "acronym"),
    Error("Mireille Dufrain", "Mireille Dufresne", "sound-alike"),
    Error("Kaito Naka shima", "Kaito Nakashima", "across-turns"),
    Error("Ash Grove tenants union", "Ashgrove Tenants Union", "split"),
    Error("tide pool dot FM slash members", "tidepool.fm/members", "letters"),
    Error("Bron when Llewellyn", "Bronwen Llewellyn", "split"),
    Error("ignatius okoye", "Ignatius Okoye", "case"),
]

PAGE_3 = """Ashgrove Voices — 19. Rent, rivers and a brewery
With Oluwaseun Bankole, Greta Falkenrath and Ptolemy Hargreaves. Sponsored by Zanzibar Brewing.
Members get the extended cut at tidepool.fm/members.
Speaker 1 00:00:04 Good evening, this is Olu Sean Bankole, and across the table Greta Falcon wrath. \
Speaker 2 00:00:12 Hi Oluwaseun. Bankole and I go back years; Greta is fine, nobody says Falkenrath. \
Speaker 1 00:00:21 Tonight Tolomy Hargreaves joins, and Zanzi bar brewing keeps us going. \
Speaker 3 00:00:30 Thanks. I sit on the see VRA board with Mireille Dufrain and Kaito Naka \
Speaker 3 00:00:39 shima, and we work with the Ash Grove tenants union. \
Speaker 1 00:00:47 Listeners, the extended cut is at tide pool dot FM slash members. \
Speaker 2 00:00:55 And a thank you to Bron when Llewellyn and ignatius okoye for the research. Ptolemy, last word? \
Speaker 3 00:01:04 Read the river report, the falcon nests are back, and vote.
"""


# A page that lists the show's other episodes after the turns, as hosts print them: title (often with
# "#07" or "BONUS:"), date, "Listen", sometimes a line of description naming that episode's guest.
PAGE_WITH_EPISODE_LIST = """#08 - Salt Roads and the Quarry Towns
Episode 8 February 14, 2026 00:36:20
#08 - Salt Roads and the Quarry Towns
Stone, Tide and Ledger
Feb 14 2026 | 00:36:20
Show Notes
In which Keziah Trounson of the Quarry Towns Trust talks with Aurelio Benvenuti about the old salt roads.
Speaker 1 00:00:03 Welcome to stone, tide and ledger. I'm Aurelio Benvenuti, and my guest is Keziah Trounson. \\
Speaker 2 00:00:11 Thanks, Aurelio. The quarry towns trust keeps the salt roads walkable.

Other Episodes
Episode 7
January 10, 2026 00:40:02
Episode Cover
#07 - The Harbour Years: What We Built, and Why
In which Selwyn Marrack looks back on the co-op's first decade.
Listen
Episode
December 2, 2025 00:38:11
Episode Cover
#06 Talking About Tidal Futures with Petra Lindquist-Hale
Petra Lindquist-Hale is editor of the Coastline Review, and an old friend of the show...
Listen
Episode
November 1, 2025 00:31:00
Episode Cover
BONUS: Orla Penhallow Reads Live at Pendeen Hall
Orla Penhallow's poems about the quarry towns, read live to a full house.
Listen
"""
# Capitalised because they are titles of other episodes: never names to offer.
OTHER_EPISODE_TITLES = ["Harbour Years", "Talking About Tidal Futures", "BONUS", "Orla Penhallow Reads Live",
                        "Pendeen Hall", "Episode Cover"]
# Real names on that page, in this episode's notes or in another episode's description: kept.
PAGE_NAMES = ["Keziah Trounson", "Quarry Towns Trust", "Aurelio Benvenuti", "Selwyn Marrack", "Petra Lindquist-Hale",
              "Coastline Review", "Orla Penhallow"]
