"""Evaluation episodes for the audio checks: recognizer errors whose truth is known.

Each line is written with its errors marked ``{wrong|right}`` or ``{wrong|right|spoken}``
(*spoken*: how a reader says *right*, e.g. a web address). :func:`episode` builds a transcript
of the chosen side (the recognizer's wrong text, or the correct text) and espeak-ng audio that
says either side, so a bench or test knows where every wrong passage is.
Used by tests/bench/bench_hearing.py and tests/hearing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import timing_audio

from editor.core.transcript import Segment, Speaker, Transcript

RATE = timing_audio.RATE
VOICE = timing_audio.VOICE      # the voice PocketSphinx's US model hears best (see timing_audio.py)
GAP_MS = 500

# (kind, line). Invented people, places and organisations.
LINES: list[tuple[str, str]] = [
    ("split name", "Tonight my guest is {Chevonne cove all check|Siobhan Kowalczyk} from the county housing board."),
    ("split name",
     "The report was written by {Margaret oh yellow ran|Marguerite Oyelaran} with help from her students."),
    ("split name", "Councillor {Tiberius van der mole and|Tiberius Vandermolen} voted against the new budget."),
    ("split name", "Our producer {a nook della cross|Anouk Delacroix} edited the whole series."),
    ("sound-alike", "Senator {Hall quest|Hallquist} said the bridge would open in April."),
    ("sound-alike", "We called Doctor {Brand fold|Brandvold} at the university hospital."),
    ("sound-alike", "The {Kestrel|Kessler} Foundation paid for the new library roof."),
    ("sound-alike", "My sister moved to {Mill walkie|Milwaukee} after the wedding."),
    ("real word", "Huge {flux|flocks} of geese came back to the marsh in March."),
    ("real word", "She marched with {our religion|Our Revolution} in the spring."),
    ("real word", "The farmers met at {small gate|Smallgate} Market on Sunday morning."),
    ("real word", "He said the {fairy|ferry} was cancelled because of the weather."),
    ("real word", "The council will {boat|vote} on the zoning plan next week."),
    ("acronym", "Members of the {essay|DSA} handed out leaflets downtown."),
    ("acronym", "The {MTSP|NTSB} released its findings on Friday."),
    ("acronym", "The grant came from the {ANH|NEH} last autumn."),
    ("acronym", "She spent ten years at the {BSA|EPA} before she ran for office."),
    ("url", "You can support the show at "
            "{patrion.com/t H L|patreon.com/harborlights|patreon dot com slash harbor lights} every month."),
    ("url", "Find every transcript at {harbor like start org|harborlights.org|harbor lights dot org} this week."),
]
# Lines without errors: most of an episode is right, and false alarms are counted on it.
CLEAN = [
    "Thanks for listening and see you next week.",
    "The water was cold but the children swam anyway.",
    "We talked about the price of bread and the new bus routes.",
    "Nobody expected the meeting to last until midnight.",
    "The library will stay open late during the exam season.",
    "My grandmother grew tomatoes on the balcony every summer.",
    "It rained all afternoon so the market closed early.",
    "The school board promised to fix the heating before winter.",
    "Our next episode looks at the history of the old harbour.",
    "The mayor answered questions from the audience for an hour.",
    "A small bakery opened on the corner of the main street.",
    "They planted two hundred trees along the river path.",
]

# A held-out episode, written before any constant was tuned and never tuned on: the bench reports
# it apart, so the figures say how the checks do on text they have not seen.
HELD_OUT_LINES: list[tuple[str, str]] = [
    ("split name", "I first met {Felix pot a chelly|Felix Potocelli} at the radio station in Leeds."),
    ("split name", "The mural was painted by {Rosa lind petty grew|Rosalind Pettigrew} and her brother."),
    ("split name", "Our engineer {Tamsin bar clay a|Tamsin Barclay} fixed the microphones again."),
    ("sound-alike", "The {Gran vista|Granvista} Trust bought the old cinema on the hill."),
    ("sound-alike", "Professor {Linden hall|Lindenhall} wrote the first study of the river."),
    ("sound-alike", "We stopped for lunch in {Harrow gate|Harrogate} on the way north."),
    ("real word", "She {lost|loved} every minute of the tour."),
    ("real word", "The {mayor|major} road was closed for repairs all summer."),
    ("real word", "They sold {forty|thirty} tickets on the first day."),
    ("acronym", "He worked for the {SBA|FDA} for more than a decade."),
    ("acronym", "The {KP MG|KPMG} report came out in the autumn."),
    ("acronym", "Call the {NCA|RSPB} if you find an injured bird."),
    ("url", "Write to us at {hello at tied line dot them|hello@tideline.fm|hello at tide line dot f m} any time."),
]
HELD_OUT_CLEAN = [
    "The train was late again so we walked the last mile.",
    "He keeps his old records in a box under the stairs.",
    "We will be back after a short break with more news.",
    "The garden was full of bees by the end of June.",
    "Most of the listeners wrote in about the storm.",
    "She learned to sail when she was nine years old.",
    "The bridge needs new paint before the winter comes.",
    "Our thanks go to everyone who helped with the festival.",
    "The coffee shop on the square has a new owner.",
    "They found a letter from nineteen twelve in the wall.",
]

# A second held-out episode, written at the start of a later round of tuning and not tuned on then
# (looked at since, like the third and fourth, in the round that wrote the fifth).
FRESH_LINES: list[tuple[str, str]] = [
    ("split name", "Our guest today is {Amara oh conk woe|Amara Okonkwo} from the river trust."),
    ("split name", "The photographs were taken by {Bartholomew key nan|Bartholomew Keenan} in the seventies."),
    ("split name", "The choir is led by {Ingrid hell strom|Ingrid Hellstrom} every Thursday night."),
    ("sound-alike", "We recorded this episode in {Shaw nessy|Shaughnessy} Hall last spring."),
    ("sound-alike", "Her book about the {Cairn gorm|Cairngorm} walks sold out in a week."),
    ("sound-alike", "The {Whit more|Whitmore} estate was sold to a developer."),
    ("real word", "We {walked|worked} on the farm every summer."),
    ("real word", "The band played {forty|fourteen} songs that night."),
    ("real word", "She {bought|brought} her camera to every protest."),
    ("acronym", "The {NHA|NHS} waiting lists grew longer this year."),
    ("acronym", "The {CDC|CBC} broadcast the whole debate."),
    ("acronym", "The {you and|UN} sent observers to the election."),
    ("url", "Sign up for the newsletter at "
            "{march notes dot or|marshnotes.org|marsh notes dot org} before Friday."),
]
FRESH_CLEAN = [
    "The ferry left an hour late because of the fog.",
    "Our neighbours keep chickens in the back garden.",
    "The museum is free on the first Sunday of the month.",
    "He painted the fence blue and the door yellow.",
    "We lost power for two days after the storm.",
    "The new bike lanes were finished in October.",
    "She reads the news on the local station every morning.",
    "The students built a boat out of old bottles.",
    "Tickets for the concert sold out in ten minutes.",
    "The old mill is now a small hotel.",
]

# A third held-out episode, written before a round of tuning on one-word slips and not tuned on then:
# near pairs in words none of the other lists has (tense, -teen/-ty, two phones apart), a
# two-letter acronym written as words, and right sentences holding such words as they should be.
FRESH2_LINES: list[tuple[str, str]] = [
    ("split name", "Our first caller was {Dmitri so cool off|Dmitri Sokolov} from the allotment society."),
    ("split name", "The exhibition was curated by {Fenella mack eye vur|Fenella MacIver} and two volunteers."),
    ("split name", "We owe the theme tune to {Cornelius ah day yemmy|Cornelius Adeyemi} and his cousins."),
    ("sound-alike", "We met at the {Bell amy|Bellamy} Centre on Tuesday evening."),
    ("sound-alike", "The {Thorn bury|Thornbury} festival was cancelled this year."),
    ("sound-alike", "My cousin lives near {Kill arney|Killarney} with her husband."),
    ("real word", "She {watched|washed} the dishes after dinner."),
    ("real word", "The bus comes every {fifty|fifteen} minutes."),
    ("real word", "We {except|expect} a big crowd at the game tomorrow."),
    ("real word", "He {spend|spent} the winter with his aunt in Spain."),
    ("acronym", "The {he you|EU} ministers met in Brussels on Monday."),
    ("acronym", "The {FCA|FAA} grounded the planes after the crash."),
    ("acronym", "She presented the news on {PBF|PBS} for years."),
    ("url", "Our show notes live at "
            "{tall grass radio dot come|tallgrassradio.com|tall grass radio dot com} as always."),
]
FRESH2_CLEAN = [
    "The carpenter fixed the old kitchen table.",
    "They walked home along the canal after the match.",
    "The team won thirteen games in a row.",
    "The rain stopped just before the parade began.",
    "My neighbour lent me a ladder for the weekend.",
    "Our producer brought cakes for the whole team.",
    "We drove north through the hills in the snow.",
    "She worked at the post office for twenty years.",
    "The cafe closes at six on Saturdays.",
    "The children painted pictures of the lighthouse.",
]

# A fourth held-out episode, written at the start of another round of tuning and not tuned on then:
# new sentences with errors of every kind (names split and sound-alike, real-word slips, garbled
# acronyms, an address read aloud) and right sentences.
FRESH3_LINES: list[tuple[str, str]] = [
    ("split name", "The study was led by {Henrietta vos burg|Henrietta Vossberg} at the marine lab."),
    ("split name", "Our sound engineer {Casimir bell off ski|Casimir Bielowski} mixed the last episode."),
    ("split name", "Thanks to {Lucinda far car son|Lucinda Farquharson} for the music this season."),
    ("sound-alike", "The walk starts at the {Lang dale|Langdale} car park at ten."),
    ("sound-alike", "The play opens at the {Mar low|Marlowe} Theatre in March."),
    ("sound-alike", "Patients at the {Fair haven|Fairhaven} clinic waited for hours."),
    ("real word", "The price of {patrol|petrol} went up again this month."),
    ("real word", "She {hid|hit} the ball over the fence."),
    ("real word", "My daughter turns {seventy|seventeen} next month."),
    ("real word", "The {cold|coal} mine closed in the eighties."),
    ("real word", "We {eight|ate} dinner on the terrace by the lake."),
    ("acronym", "The {WHL|WHO} issued new advice on Tuesday."),
    ("acronym", "He reported on the {MSA|NSA} for a decade."),
    ("acronym", "The {I MF|IMF} cut its forecast for next year."),
    ("url", "Tickets are on sale at "
            "{fern hollow tickets dot calm|fernhollowtickets.com|fern hollow tickets dot com} from Monday."),
]
FRESH3_CLEAN = [
    "The fishermen mended their nets on the quay.",
    "My brother collects stamps from old letters.",
    "The snow melted before the children woke up.",
    "We bought a second hand piano for the hall.",
    "The buses run every twenty minutes on weekdays.",
    "She planted roses along the garden wall.",
    "The kettle boiled while we talked about the trip.",
    "He hit his head on the low beam in the barn.",
    "The shop sells coal and firewood in winter.",
    "Our listeners sent in hundreds of questions.",
    "The hotel was full for the whole of August.",
]

# A fifth held-out episode, written at the start of a round of tuning on suspect recall and false
# suspects and run only at its end: new sentences with errors of every kind and right sentences
# holding homophones ("flour", "knight") and words near the slips ("sixteen", "wrote") as they should be.
FRESH4_LINES: list[tuple[str, str]] = [
    ("split name", "Last week we spoke to {Ottilie brand stetter|Ottilie Brandstetter} about the flood defences."),
    ("split name", "The novel was translated by {Leopold fish in ger|Leopold Fischinger} into English."),
    ("split name", "Our archivist {Perpetua mull in ax|Perpetua Mullinax} found the missing tapes."),
    ("sound-alike", "The {Glen dower|Glendower} Hotel reopened after the fire."),
    ("sound-alike", "The {Ash combe|Ashcombe} singers closed the evening with a hymn."),
    ("sound-alike", "We stopped for petrol in {Pen rith|Penrith} on the way home."),
    ("real word", "The workers {claimed|climbed} the scaffolding at dawn."),
    ("real word", "He {sold|told} us the story of the shipwreck."),
    ("real word", "The shuttle to the airport leaves every {sixty|sixteen} minutes."),
    ("real word", "She {rode|wrote} to the editor twice last year."),
    ("real word", "The {glass|grass} in the park was freshly cut."),
    ("acronym", "The {OACD|OECD} published its report on Monday."),
    ("acronym", "The {and ass a|NASA} launch was delayed by strong winds."),
    ("acronym", "She joined the {RNL eye|RNLI} as a volunteer."),
    ("url", "Send your ideas to "
            "{letters at slow tied dot net|letters@slowtide.net|letters at slow tide dot net} this week."),
]
FRESH4_CLEAN = [
    "We waited for the tide to turn before we set out.",
    "The baker ran out of flour by noon.",
    "The orchestra rehearsed in the church hall on Wednesday.",
    "Her grandfather repaired watches in a tiny shop.",
    "The road was icy so we drove slowly.",
    "A heron stood still in the shallow water.",
    "The ticket office opens at eight.",
    "We counted sixteen swans on the lake.",
    "The knight in the play wore cardboard armour.",
    "Most of the guests stayed for dessert.",
    "He wrote to the plumber about the leaking pipe.",
    "The climbers reached the summit before lunch.",
]

# A sixth held-out episode, written at the start of another round of tuning on suspect recall and
# false suspects and unseen until its end: new sentences (beekeeping) with errors of every kind (names
# split at another place or into letters, sound-alikes, real-word slips a vowel or a voicing apart,
# garbled acronyms, an address read aloud) and right sentences holding rare words ("propolis",
# "skep"), British spellings, weekdays and months, and words near the slips ("laid", "van") as they should be.
FRESH5_LINES: list[tuple[str, str]] = [
    ("split name", "This week we visit the hives of {Cressida tree go nova|Cressida Trigonova} on the downs."),
    ("split name", "The old apiary was rescued by {Cuthbert quill in an|Cuthbert Quillinan} and his nephew."),
    ("split name", "Our recordist {Nerys M B ray|Nerys Embrey} followed the bees all summer."),
    ("split name", "The photographs are by {Leo knee Sandoval|Leonie Sandoval} from the camera club."),
    ("sound-alike", "We asked Doctor {Fairly|Fairlie} why so many colonies died last winter."),
    ("sound-alike", "The honey show is held in {Hazel mere|Haslemere} every October."),
    ("sound-alike", "She learned the craft from a farmer near {Kettle well|Kettlewell} in the Dales."),
    ("real word", "In May the queen {led|laid} two thousand eggs a day."),
    ("real word", "We loaded the hives into the {fan|van} before sunrise."),
    ("real word", "They {packed|picked} the first apples in September."),
    ("real word", "Honey {prizes|prices} rose sharply after the wet summer."),
    ("real word", "A {swan|swarm} settled in the old pear tree on Thursday."),
    ("acronym", "The {DFRA|DEFRA} inspector checked every frame for disease."),
    ("acronym", "She sits on the council of the {BBK A|BBKA} this year."),
    ("acronym", "The {FSE|FSA} tested the jars for added syrup."),
    ("url", "You can order a jar at "
            "{hive and heather dot code UK|hiveandheather.co.uk|hive and heather dot co dot u k} until Friday."),
]
FRESH5_CLEAN = [
    "The bees gather propolis from the buds of poplar trees.",
    "Our neighbours grumbled about the colour of the new fence.",
    "In February the colony huddles together to keep warm.",
    "An old straw skep hangs on the wall of the village museum.",
    "The market is held every Wednesday behind the town hall.",
    "We laid out the frames on a table in the garden.",
    "He picked up a jar of heather honey for his mother.",
    "The varroa mite is the biggest worry for every beekeeper.",
    "She keeps a notebook of every swarm she has caught.",
    "The van broke down on the way back from the show.",
    "We organised a tasting of mead in the autumn.",
    "Nobody was stung during the whole afternoon.",
]

# A seventh held-out episode, written at the start of a later round like "fresh5" (a heritage railway;
# new names) and unseen until its end; the next round tuned on its real-word slips (with "slips2").
FRESH6_LINES: list[tuple[str, str]] = [
    ("split name", "The signal box was restored by {Thaddeus wrinkle man|Thaddeus Rinkleman} and his crew."),
    ("split name", "Our archivist {Marisol etch every a|Marisol Echeverria} found the first timetable."),
    ("split name", "The engine was driven by {Bogdan K O vacs|Bogdan Kovacs} on the opening day."),
    ("split name", "The carriage cloth was woven by {Priya Venn cat a ram an|Priya Venkataraman} in Leeds."),
    ("sound-alike", "Doctor {Petty grew|Pettigrew} wrote the history of the branch line."),
    ("sound-alike", "The steam gala moves to {Kirby Stephen|Kirkby Stephen} next spring."),
    ("sound-alike", "Tickets are sold by the {Ellis mere|Ellesmere} Trust at the gate."),
    ("real word", "The driver {rank|rang} the bell at every level crossing."),
    ("real word", "We {pained|painted} the carriages green and cream."),
    ("real word", "The old {bride|bridge} over the river was rebuilt in stone."),
    ("real word", "The boiler {best|burst} on a frosty morning in January."),
    ("real word", "The first train {lift|left} the station at nine."),
    ("acronym", "The {HRE|HRA} gave the society an award for the restoration."),
    ("acronym", "The {NRN|NRM} lent us a coach from its collection."),
    ("acronym", "Inspectors from the {OR A|ORR} came to look at the viaduct."),
    ("url", "Timetables are at "
            "{steam and sidings dot org UK|steamandsidings.org.uk|steam and sidings dot org dot u k} all year."),
]
FRESH6_CLEAN = [
    "Every Saturday the volunteers polish the brass on the engine.",
    "The signalman pulled the lever and the points moved across.",
    "Our favourite carriage has a varnished teak interior.",
    "In August the line carries more passengers than in any other month.",
    "The coal tender holds enough fuel for a return journey.",
    "She rang the bell to warn the walkers near the crossing.",
    "The painters finished the waiting room on Tuesday.",
    "A narrow bridge carries the line over the gorge.",
    "The water tower was left behind when the branch closed.",
    "We honoured the founders with a plaque on the platform.",
    "The fireman shovelled coal while the driver watched the gauges.",
    "A burst pipe flooded the booking hall in December.",
]

# An eighth held-out episode, written at the start of a later round like "fresh6" (a mountain rescue
# team; new names) and unseen until its end, when it was run once on the merged code; looked at since.
FRESH7_LINES: list[tuple[str, str]] = [
    ("split name", "The callout was led by {Oriel castle lane|Oriel Castellaine} from the valley team."),
    ("split name", "Our search dog was trained by {Dagny S L mont|Dagny Esselmont} over two winters."),
    ("split name", "The walker was reached first by {Isolde bar to low my|Isolde Bartolomei} and her partner."),
    ("split name", "The new base was designed by {Cosmo rattan berry|Cosmo Rattenbury} for nothing."),
    ("sound-alike", "Doctor {Hazel Dean|Hazeldene} trains the team in casualty care."),
    ("sound-alike", "Two climbers spent the night on a ledge below {Mickle door|Mickledore}."),
    ("sound-alike", "The {Colin wood|Collingwood} Trust paid for the new Land Rover."),
    ("real word", "The climber tied the {robe|rope} to a boulder and abseiled down."),
    ("real word", "She broke her {angle|ankle} on the descent from the summit."),
    ("real word", "We searched the {falls|fells} until it was dark."),
    ("real word", "The walkers {last|lost} the path in thick fog."),
    ("real word", "The old man {sipped|slipped} on a wet rock near the stream."),
    ("acronym", "A safety adviser from the {BNC|BMC} spoke at our meeting."),
    ("acronym", "Our dog handlers are assessed by {sorter|SARDA} every year."),
    ("acronym", "The stranded walker switched on her {PLD|PLB} and waited."),
    ("url", "If you would like to volunteer, write to "
            "{hello at craig watch rescue dot org UK|hello@cragwatchrescue.org.uk"
            "|hello at crag watch rescue dot org dot u k} today."),
]
FRESH7_CLEAN = [
    "On Sunday she coiled the rope and hung it in the store.",
    "He twisted his ankle on the scree above the tarn.",
    "In November the fells are often in cloud by four o'clock.",
    "A boy who lost his way was found near the stile on Wednesday.",
    "Our favourite flask of tea lives in the back of the Land Rover.",
    "The team was called out thirty two times last year.",
    "The colour of the new jackets makes them easy to see in the snow.",
    "The stretcher was lowered down the gully on two ropes.",
    "We practised first aid in the village hall in February.",
    "The dog slipped its lead and ran up the path after the sheep.",
    "The helicopter landed in a field beside the farm on Saturday morning.",
    "The centre is staffed by volunteers right through Christmas.",
]

# A ninth unseen episode, written at the start of a later round like "fresh7" (a community orchestra
# on tour; new names, places and acronyms): nobody tunes on it; it is run once, at the end of the
# round, on the merged code. Its right sentences hold the slips' right words ("tune", "stage"),
# British spellings, weekdays, months and numbers as they should be.
FRESH8_LINES: list[tuple[str, str]] = [
    ("split name", "The whole tour was planned by {Ottavio quinta valley|Ottavio Quintavalle} over the winter."),
    ("split name", "Our first oboe {Rosalba N D cott|Rosalba Endicott} played the long solo in every town."),
    ("split name",
     "The new arrangement of the dances is by {Florian pop a dee me tree you|Florian Papadimitriou}."),
    ("split name", "The instruments travel in a lorry driven by {Wendeline hart a gun|Wendeline Hartigan}."),
    ("sound-alike", "Doctor {Penny cook|Pennycook} treats the players for sore wrists and shoulders."),
    ("sound-alike", "Our coach broke down on the moor above {Tod morden|Todmorden} in the rain."),
    ("sound-alike", "The {Kings wear|Kingswear} Festival asked us back for a second year."),
    ("real word", "The piano was out of {dune|tune} after the long drive."),
    ("real word", "The conductor {raced|raised} her baton and the hall went quiet."),
    ("real word", "The leader {snipped|snapped} a string in the first movement."),
    ("real word", "The {boss|bus} to the next town left at seven in the morning."),
    ("real word", "The violas sat on the left side of the {sage|stage}."),
    ("acronym", "The {BRS|PRS} collects a fee for every piece we play in public."),
    ("acronym", "Our tour manager sits on a panel of the {a bow|ABO} this year."),
    ("acronym", "She joined the {ISN|ISM} when she started teaching the violin."),
    ("url", "Dates and tickets for the tour are at "
            "{rambling stings dot org UK|ramblingstrings.org.uk|rambling strings dot org dot u k} all summer."),
]
FRESH8_CLEAN = [
    "On Monday a tuner came to the hall and put every note of the piano in tune.",
    "The children raised their hands when the conductor asked who played an instrument.",
    "A bow hair snapped during the slow movement on Friday evening.",
    "The bus waited outside the church while we packed the music stands.",
    "In March the stage was so small that the timpani stood in the doorway.",
    "Our favourite audience was a school hall full of children and their grandparents.",
    "The orchestra has forty six players, a librarian and two drivers.",
    "The colour of the programme changes in every town we visit.",
    "We practised the overture in a draughty barn on Wednesday afternoon.",
    "In September the tour ends with a concert on the sea front.",
    "The lorry travelled three hundred and twelve miles in the first week.",
    "Tea and cake were served in the interval on Sunday, and nobody wanted to leave.",
]

# A tenth unseen episode, written at the start of a later round like "fresh8" (a village astronomy
# society; new names, places and acronyms) and unseen until its end, when it was run once on the merged
# code; looked at since. Its right sentences hold the slips' right words ("tail", "rings"),
# British spellings, weekdays, months and numbers as they should be.
FRESH9_LINES: list[tuple[str, str]] = [
    ("split name", "Our society was founded by {Perdita wool stun home|Perdita Wolstenholme} in a garden shed."),
    ("split name",
     "The mirror of our new telescope was ground by {Philippa X worthy|Philippa Exworthy} over three winters."),
    ("split name", "The star charts in the clubhouse were drawn by {Anselm mav row gore da toe|Anselm Mavrogordato}."),
    ("split name",
     "Our youngest member {Lysander trek on ing|Lysander Tregoning} spotted the comet before anyone else."),
    ("sound-alike", "Professor {Merry weather|Merryweather} gave a talk about black holes in the village hall."),
    ("sound-alike", "The darkest skies we found were above {Tom in towel|Tomintoul} in the Highlands."),
    ("sound-alike", "The {Hollins head|Hollinshead} Star Party is held on a farm every autumn."),
    ("real word", "The comet's {dale|tail} stretched halfway across the sky above the barn."),
    ("real word", "Through the small telescope the {rungs|rings} of Saturn looked like a tiny hat."),
    ("real word", "We counted every {cater|crater} along the edge of the moon."),
    ("real word", "Four of Jupiter's {noons|moons} were lined up in a neat row."),
    ("real word", "A {fin|thin} crescent moon hung low in the west after sunset."),
    ("acronym", "The {IAO|IAU} named a small asteroid after our founder last year."),
    ("acronym", "A grant from the {STSC|STFC} paid for the new dome and its motor."),
    ("acronym", "Our village was recognised by the {idea|IDA} as a dark sky community."),
    ("url", "Our observing calendar is at "
            "{lantern hill stairs dot org UK|lanternhillstars.org.uk|lantern hill stars dot org dot u k}"
            " every month."),
]
FRESH9_CLEAN = [
    "On Tuesday the clouds cleared and the moon rose over the church tower.",
    "A fox with a bushy tail crossed the field while we set up the tripods.",
    "The rings of Saturn are tilted towards us more in some years than others.",
    "The largest crater on the near side is easy to find with binoculars.",
    "Mars has two small moons, and neither is much bigger than a town.",
    "A thin layer of frost covered the eyepieces by two in the morning.",
    "The colour of the sky at dusk changed from orange to deep grey.",
    "In January the observatory is open to visitors on the first Saturday of the month.",
    "Our favourite meteor shower peaks in August, when the nights are warm.",
    "The visitor centre sells red torches so that nobody spoils their night vision.",
    "The dome is four metres across and turns on eighteen small wheels.",
    "We organised a talk for the school on Wednesday, and sixty children came.",
]

# An eleventh unseen episode, written at the start of a later round like "fresh9" (a village pub bought
# by its regulars and run as a co-operative; new names, places and acronyms) and unseen until the end of
# that round; seen since. Its right sentences hold the slips' right words ("cask", "darts", "pulled"),
# British spellings, weekdays, months and numbers as they should be.
FRESH10_LINES: list[tuple[str, str]] = [
    ("split name", "The pub was saved by {Hyacinth abba nephew|Hyacinth Abernethy} and forty of her neighbours."),
    ("split name", "Our cellar is looked after by {Evander L king ton|Evander Elkington} on weekday mornings."),
    ("split name",
     "The share offer was drawn up by {Barnaby Esther who is in|Barnaby Esterhuizen} for nothing."),
    ("split name", "The new sign over the door was painted by {Tancredi mac cork a dale|Tancredi McCorquodale}."),
    ("sound-alike", "Reverend {Good body|Goodbody} poured the first pint on the day we reopened."),
    ("sound-alike", "Our malt comes from a farm just outside {Berry St Edmunds|Bury St Edmunds} in Suffolk."),
    ("sound-alike", "The {Tad caster|Tadcaster} Beer Festival gave our dark mild a silver medal."),
    ("real word", "The landlord tapped a new {task|cask} of ale on Friday night."),
    ("real word", "The {hopes|hops} for our harvest ale were picked in Herefordshire."),
    ("real word", "Last Saturday the bar staff {pull|pulled} four hundred pints."),
    ("real word", "She ordered a pint of {bidder|bitter} and sat down by the fire."),
    ("real word", "Our {parts|darts} team won the county league in May."),
    ("acronym", "The local branch of {camera|CAMRA} named us their pub of the year."),
    ("acronym", "Our head brewer passed the exams of the {IPD|IBD|I B D} last spring."),
    ("acronym", "A lawyer from the {DBPA|BBPA} helped us renew the licence."),
    ("url", "Shares in the pub are on sale at "
            "{drivers rest dot co op|droversrest.coop|drovers rest dot co op} until the end of March."),
]
FRESH10_CLEAN = [
    "On Thursday the cellar was scrubbed and every cask was checked for leaks.",
    "The hops arrive in September in big sacks that smell of grass and lemons.",
    "He pulled the first pint at noon, and the queue reached the car park.",
    "A glass of bitter costs less here than anywhere else in the valley.",
    "The darts board hangs next to the fireplace in the back room.",
    "Our favourite regular has sat on the same stool for thirty one years.",
    "The colour of the new sign was chosen by a vote of the members.",
    "In October we organised a folk night, and the room was full by eight.",
    "The kitchen serves soup and sandwiches every day except Monday.",
    "Two hundred and sixty people bought shares in the first month.",
    "A quiz is held on Wednesday evenings, and the prize is a bottle of cider.",
    "In February the leaking roof was mended by volunteers from the village.",
]

# A twelfth unseen episode, written at the start of a later round like "fresh10" (a seaside open-air
# swimming pool saved from closure by its swimmers; new names, places, acronyms and address): nobody
# tunes on it; it is run once, at the end of the round, on the merged code. Its right sentences hold the
# slips' right words ("lane", "opened", "tile", "bag", "cubicles") and words near them ("line", "backs"),
# British spellings, weekdays, months and numbers as they should be.
FRESH11_LINES: list[tuple[str, str]] = [
    ("split name",
     "The lido was saved from closure by {Anatole bar bar Rosa|Anatole Barbarossa} and a group of early swimmers."),
    ("split name", "Our head lifeguard {Demelza tree law knee|Demelza Trelawney} has worked here for twenty summers."),
    ("split name", "The new diving board was paid for by {Benedetta S cott|Benedetta Escott} in memory of her father."),
    ("split name",
     "The dolphin in tiles at the shallow end was made by {Gwendolyn pen hall a gun|Gwendolyn Penhaligon}."),
    ("sound-alike",
     "Our chairman, Mister {Winter bottom|Winterbottom}, swims every day of the year, even at Christmas."),
    ("sound-alike", "We took the train to {Salt burn|Saltburn} to see how another town runs its pool."),
    ("sound-alike", "The {Ridge mount|Ridgemount} Building Society paid for the new lockers."),
    ("real word", "She swam up and down the fast {line|lane} before work."),
    ("real word", "Last August the pool {open|opened} at six every morning."),
    ("real word", "Every cracked {file|tile} on the bottom of the pool was replaced by hand."),
    ("real word", "I left my swimming {back|bag} in the changing room again."),
    ("real word", "The old changing {cupboards|cubicles} were painted blue and white."),
    ("acronym", "Every primary school in the town learns to swim here, and {offset|Ofsted} praised the lessons."),
    ("acronym", "All of our lifeguards hold a certificate from the {RLFS|RLSS}."),
    ("acronym", "A grant from the {HLS|HLF} paid for the new roof over the terrace."),
    ("url", "Season tickets are on sale at "
            "{cliff terrace leader dot org UK|cliffterracelido.org.uk|cliff terrace lido dot org dot u k}"
            " from the first of May."),
]
FRESH11_CLEAN = [
    "On Saturday the slow lane was so busy that a line of swimmers waited at the steps.",
    "The pool opened in nineteen thirty seven, and the fountain was added a year later.",
    "Every blue tile along the edge was scrubbed by hand in March.",
    "She keeps a towel, a flask of tea and a spare hat in her bag.",
    "The cubicles on the north side were rebuilt by volunteers on Tuesday evenings.",
    "Our favourite lifeguard teaches the children to float on their backs.",
    "The harbour wall shelters the pool from the worst of the winter storms.",
    "In January about forty hardy swimmers still come every morning, whatever the weather.",
    "A swimming lesson costs four pounds, and the first one is free.",
    "We organised a midnight swim in July, and three hundred people came.",
    "The water is warmed by panels on the roof, so it rarely drops below eighteen degrees.",
    "The colour of the water turns from grey to bright green when the sun comes out.",
]

# A thirteenth unseen episode, written with "fresh11" (a repair cafe in a church hall, where volunteers
# mend what people bring; new names, places, acronyms and address): nobody tunes on it; it is run once,
# at the end of the round, on the merged code. Its right sentences hold the slips' right words ("lamp",
# "fixed", "zip", "gold", "gramophone") and words near them ("fix", "cold"), British spellings,
# weekdays, months and numbers as they should be.
FRESH12_LINES: list[tuple[str, str]] = [
    ("split name",
     "Our repair cafe was started by {Augustin quiet cough ski|Augustin Kwiatkowski} after his washing machine broke."),
    ("split name", "Bicycles are looked after by {Rashida bone fan tea|Rashida Bonfanti} and her two sons."),
    ("split name",
     "The sewing table is run by {Seraphina L wood|Seraphina Elwood} on the first Saturday of the month."),
    ("split name", "Our newest electrician {Cyprian mack a leer|Cyprian McAleer} brought his own tools from home."),
    ("sound-alike", "Mrs {Honey will|Honeywill} can mend almost anything with a needle and thread."),
    ("sound-alike", "We borrowed the idea from a group that meets in {Lemming ton|Leamington} Spa."),
    ("sound-alike", "The {Cran brook|Cranbrook} Community Fund paid for our new soldering irons."),
    ("real word", "She brought in a reading {lump|lamp} that had been in her family for fifty years."),
    ("real word", "Last month our volunteers {fix|fixed} ninety toasters and a dozen radios."),
    ("real word", "He sewed a new {lip|zip} into his winter coat."),
    ("real word", "A man brought in a broken {cold|gold} chain that belonged to his mother."),
    ("real word", "Her grandfather's old {telephone|gramophone} plays records again after forty years."),
    ("acronym", "Our insurance comes through the {NCBO|NCVO} like most small charities."),
    ("acronym", "A volunteer from the {CAP|CAB|C A B} sits by the door and helps people with their energy bills."),
    ("acronym", "Many of our fixers are retired engineers who found us through the {you three a|U3A|u three a}."),
    ("url", "The dates of every session are at "
            "{thinkers bench dot co UK|tinkersbench.co.uk|tinkers bench dot co dot u k} all year."),
]
FRESH12_CLEAN = [
    "On Saturday mornings the church hall fills up with broken toasters, lamps and bicycles.",
    "Last year our volunteers fixed eight hundred and forty things that would have been thrown away.",
    "She put a new zip in her daughter's jacket in about ten minutes.",
    "A gold ring that had lost its stone went home with its owner on Wednesday.",
    "The gramophone needed a new spring, and a clockmaker found one in his drawer.",
    "Our favourite visitor brings the same hoover back every few months.",
    "Every plug is checked by an electrician before anything goes home.",
    "In November we organised a class on darning socks, and twenty people came.",
    "If we cannot fix something, we tell you why and where to find the part.",
    "The hall is cold in February, so we keep the urn on all morning.",
    "The colour of a wire tells you whether it is live, neutral or earth.",
    "In April a lady brought in a sewing machine that belonged to her great aunt.",
]

# A fourteenth unseen episode, written at the start of a later round like "fresh11", before any tuning
# of that round (a community radio station's volunteer night shift; new names, places, acronyms and
# address): nobody tunes on it; it is run once, at the end of the round, on the merged code. Its slips
# are a vowel change ("mac" for "mic"), a dropped ending ("play" for "played"), a changed first
# consonant ("night" for "light"), a voicing change ("buzz" for "bus") and a common word for a rarer
# one ("headlines" for "headphones"); its right sentences hold those right words and the words near
# them ("play", "night", "headlines"), British spellings, weekdays, months and numbers as they should be.
FRESH13_LINES: list[tuple[str, str]] = [
    ("split name",
     "The night shift was started by {Catalina etch a berry a|Catalina Etxeberria} when the station went on air."),
    ("split name", "Our overnight newsreader {Isadora M bury|Isadora Embury} drives in from the coast every Friday."),
    ("split name", "The transmitter on the hill is looked after by {Leontyne quarter main|Leontyne Quartermaine}."),
    ("split name",
     "The jazz programme after midnight is presented by {Obiageli a day mola|Obiageli Adeyemola}."),
    ("sound-alike", "Mister {Fox well|Foxwell} has read the shipping forecast on our station for twelve years."),
    ("sound-alike", "Our signal reaches as far as {Mine head|Minehead} on a clear night."),
    ("sound-alike", "The {Wren bury|Wrenbury} Trust paid for the new studio desk."),
    ("real word", "Somebody left the {mac|mic} switched on during the weather."),
    ("real word", "Last Saturday we {play|played} records until five in the morning."),
    ("real word", "When the red {night|light} above the door is on, nobody may come in."),
    ("real word", "She caught the first {buzz|bus} home after her shift."),
    ("real word", "He always wears his {headlines|headphones} around his neck between songs."),
    ("acronym", "Our community licence comes from {off come|Ofcom} and has to be renewed every five years."),
    ("acronym", "Every song we play is reported to the {TPL|PPL} at the end of the month."),
    ("acronym", "We learned how to train new volunteers at a meeting of the {CNA|CMA}."),
    ("url", "Requests for the night shift can be sent through "
            "{lark spur if em dot org UK|larkspurfm.org.uk|lark spur f m dot org dot u k} at any hour."),
]
FRESH13_CLEAN = [
    "On Tuesday night the phones rang for an hour after the storm warning.",
    "Our volunteers played four hundred and twenty records in the first week.",
    "The green light on the desk means the microphone is live.",
    "She keeps a spare pair of headphones in her bag, just in case.",
    "The last bus leaves the town centre at a quarter past eleven.",
    "The mic on the guest side crackles when it rains.",
    "We read the local headlines at the top of every hour.",
    "In December the station stays on air all night to play carols.",
    "Our favourite caller rings in from the lighthouse every Sunday.",
    "The colour of the studio walls was chosen by the listeners in a vote.",
    "In March the aerial blew down and we were off air for two days.",
    "A night presenter needs a flask of coffee and a good reading lamp.",
]

# A fifteenth unseen episode, written with "fresh13" before any tuning of that round (a village bakery
# run as a co-operative that reopened an old wood-fired oven; new names, places, acronyms and address):
# nobody tunes on it; it is run once, at the end of the round, on the merged code. Its slips are a vowel
# change ("crest" for "crust"), a dropped ending ("bake" for "baked"), a changed first consonant
# ("wheel" for "peel"), a voicing change ("locks" for "logs") and a common word for a rarer one
# ("fireworks" for "firebricks"); its right sentences hold those right words and the words near them
# ("bake", "wheel", "locks"), British spellings, weekdays, months and numbers as they should be.
FRESH14_LINES: list[tuple[str, str]] = [
    ("split name",
     "The old oven was found behind a wall by {Cosimo pen dark is|Cosimo Pendarvis} when he bought the cottage."),
    ("split name", "Our sourdough is made every night by {Ezekiel Q bit|Ezekiel Cubitt} and his daughter."),
    ("split name", "The co-operative was set up by {Clemency rose and tall|Clemency Rosenthal} and sixty neighbours."),
    ("split name", "Every loaf is shaped by hand by {Eulalia tray gun a|Eulalia Tregunna} before dawn."),
    ("sound-alike", "Mrs {Flower dew|Flowerdew} still makes the saffron buns from her mother's recipe."),
    ("sound-alike", "A mason came all the way from {Bridge north|Bridgnorth} to rebuild the oven door."),
    ("sound-alike", "The {Hay thorpe|Haythorpe} Community Fund paid for the new flour store."),
    ("real word", "The {crest|crust} of a good loaf should crackle as it cools."),
    ("real word", "Last Friday we {bake|baked} three hundred loaves for the village fete."),
    ("real word", "She slides the bread into the oven on a long wooden {wheel|peel}."),
    ("real word", "We only burn dry oak {locks|logs} from the woods behind the church."),
    ("real word", "Two of the old {fireworks|firebricks} cracked in the first week."),
    ("acronym", "Because the oven burns wood, the price rises announced by {of them|Ofgem} hardly touch us."),
    ("acronym", "Most of our flour comes from farmers who belong to the {MFU|NFU}."),
    ("acronym", "The {FSD|FSB} helped us write the rules of the co-operative."),
    ("url", "You can order a loaf for Saturday at "
            "{ember will bakery dot co UK|emberwellbakery.co.uk|ember well bakery dot co dot u k} until Thursday."),
]
FRESH14_CLEAN = [
    "On Wednesday evenings the members meet in the back room to plan the week.",
    "The oven takes five hours to heat, so the first fire is lit at midnight.",
    "She baked her first loaf here in nineteen seventy two, when the oven was still working.",
    "A good crust comes from steam in the first ten minutes.",
    "The peel hangs on two hooks above the door.",
    "We bake on Tuesdays, Fridays and Saturdays, and sell out by noon.",
    "The logs are stacked under the eaves to dry for a whole year.",
    "Every firebrick in the floor of the oven was cleaned and put back in March.",
    "The locks on the flour store were changed after the mice got in.",
    "An old cart wheel leans against the wall of the yard.",
    "The colour and flavour of rye bread change with the weather.",
    "In October the children from the school came to shape their own rolls.",
]

# A sixteenth unseen episode, written at the start of a later round like "fresh13", before any tuning
# of that round (a village band of church bell ringers brought back after years of silence; new names,
# places, acronyms and address): nobody tunes on it; it is run once, at the end of the round, on the
# merged code. Its slips are a vowel change ("bill" for "bell"), a dropped ending ("climb" for
# "climbed"), a changed first consonant ("tally" for "sally"), a voicing change ("bull" for "pull") and a
# common word for a rarer one ("muffins" for "muffles"); its right sentences hold those right words and
# the words near them ("bill", "climb", "tally", "bull", "muffins"), British spellings, weekdays, months
# and numbers as they should be.
FRESH15_LINES: list[tuple[str, str]] = [
    ("split name",
     "Our band was brought back together by {Honoria hold a way|Honoria Holdaway} after twenty silent years."),
    ("split name",
     "The youngest ringer, {Peregrine T gull|Peregrine Teagle}, learned to handle a bell in a month."),
    ("split name", "The peal boards were repainted by {Araminta fan shore|Araminta Fanshawe} last winter."),
    ("split name", "Our tower captain {Leocadia tree Ethan|Leocadia Trevethan} calls the changes every Sunday."),
    ("sound-alike", "Mister {Gold hawk|Goldhawk} has rung the treble at every wedding for thirty years."),
    ("sound-alike", "The new clappers came by train from a foundry near {Oak hampton|Okehampton}."),
    ("sound-alike", "The {Fern lee|Fernleigh} Bell Fund paid for new bearings on the fourth bell."),
    ("real word", "The biggest {bill|bell} in the tower weighs more than a small car."),
    ("real word", "Last Sunday the choir {climb|climbed} the tower to watch us ring."),
    ("real word", "She caught the {tally|sally} as it rose and pulled it down again."),
    ("real word", "A gentle {bull|pull} is all a well hung bell needs."),
    ("real word", "For the funeral we strapped leather {muffins|muffles} to the clappers."),
    ("acronym", "The new bell frame was approved by the {spam|SPAB|spab} before any work began."),
    ("acronym", "The {PCG|PCC} agreed to pay for the ropes out of the church's savings."),
    ("acronym", "A grant from the {NLHS|NLHF} paid for recasting the cracked treble."),
    ("url", "Details of our practice nights are at "
            "{high grass ringers dot org UK|highcrossringers.org.uk|high cross ringers dot org dot u k} every week."),
]
FRESH15_CLEAN = [
    "On Thursday evenings the ringers practise for two hours in the tower.",
    "The tenor bell was cast in seventeen fifty two and weighs nearly a tonne.",
    "Twelve of us climbed the spiral stairs to hear the bells up close.",
    "A beginner holds the sally with both hands and lets the rope run through.",
    "The pull on a heavy bell should be smooth and never snatched.",
    "Muffles on the clappers make the bells sound soft and sad.",
    "The bill for the new ropes came to four hundred and sixty pounds.",
    "It takes a good ten minutes to climb to the ringing chamber.",
    "We keep a tally of every peal on a board by the door.",
    "A bull got loose in the field behind the churchyard on the morning of the wedding.",
    "She brought a tray of muffins for the ringers after the service.",
    "The colours of the new sallies were chosen by our neighbours in June.",
]

# A seventeenth unseen episode, written with "fresh15" before any tuning of that round (a community
# orchard whose apples are pressed for cider by the village; new names, places, acronyms and address):
# nobody tunes on it; it is run once, at the end of the round, on the merged code. Its slips are a vowel
# change ("pops" for "pips"), a dropped ending ("press" for "pressed"), a changed first consonant
# ("drafting" for "grafting"), a voicing change ("dart" for "tart") and a common word for a rarer one
# ("secretaries" for "secateurs"); its right sentences hold those right words and the words near them
# ("pops", "press", "drafting", "dart", "secretaries"), British spellings, weekdays, months and numbers
# as they should be.
FRESH16_LINES: list[tuple[str, str]] = [
    ("split name",
     "The orchard was planted in the nineties by {Torquil mock worry|Torquil MacQuarrie} and his neighbours."),
    ("split name", "Our oldest trees are pruned every winter by {Philomena gal breath|Philomena Galbraith}."),
    ("split name", "The cider is blended by {Caspian N sell|Caspian Ansell} in a shed behind the farmhouse."),
    ("split name",
     "The labels on our bottles were drawn by {Jocasta trap nell|Jocasta Trapnell} from the village school."),
    ("sound-alike", "Mister {Hazel rig|Hazelrigg} gave us the field on condition that nobody builds on it."),
    ("sound-alike", "Our old press was bought at an auction in {Led bury|Ledbury} for forty pounds."),
    ("sound-alike", "The {Nether wood|Netherwood} Trust paid for a hundred new saplings."),
    ("real word", "Cut the apple open and look at the {pops|pips} before you pick."),
    ("real word", "Last October we {press|pressed} four tonnes of apples in a single weekend."),
    ("real word", "He runs a class on {drafting|grafting} old varieties onto young rootstock."),
    ("real word", "Our cooking apples are too {dart|tart} to eat straight from the tree."),
    ("real word", "She keeps her {secretaries|secateurs} in the front pocket of her apron."),
    ("acronym",
     "Since the water company was fined by {of what|Ofwat}, we wash the apples in rain from the barn roof."),
    ("acronym", "The orchard lies inside an {AOMB|AONB}, so the hedges cannot be grubbed out."),
    ("acronym", "The {CPRA|CPRE} gave us an award for saving the old trees."),
    ("url", "You can adopt a tree for a year at "
            "{red street orchard dot org UK|redstreakorchard.org.uk|red streak orchard dot org dot u k}"
            " before Christmas."),
]
FRESH16_CLEAN = [
    "On Saturday mornings in September the village comes to pick from our eighty two trees.",
    "Every pip in a cider apple could grow into a new variety.",
    "We pressed the last of the perry pears on a cold Tuesday in November.",
    "Grafting is done in February, while the trees are still asleep.",
    "A tart apple makes a sharper cider, so we blend it with sweeter ones.",
    "Good secateurs make a clean cut that heals before the summer.",
    "The press is an old oak one, with a screw as thick as your arm.",
    "He was drafting a letter to the council about the footpath through the orchard.",
    "A woodpecker will dart from tree to tree when the apples are ripe.",
    "The cork pops out of the bottle if the cider is opened too soon.",
    "The colour of the blossom in May tells us how good the harvest will be.",
    "In January the secretaries of three other orchard groups came to sing to our trees.",
]

# An eighteenth unseen episode, written at the start of a later round like "fresh15", before any tuning
# of that round (a club raising and restoring an old working canal boat; new names, places, acronyms and
# address): nobody tunes on it; it is run once, at the end of the round, on the merged code. Its slips are
# a vowel change ("hall" for "hull"), a dropped ending ("scrape" for "scraped"), a changed first consonant
# ("dock" for "lock"), a voicing change ("bump" for "pump") and a common word for a rarer one ("windows"
# for "windlass"); its right sentences hold those right words and the words near them ("hall", "scrape",
# "dock", "bump", "windows"), British spellings, weekdays, months and numbers as they should be.
FRESH17_LINES: list[tuple[str, str]] = [
    ("split name",
     "The old working boat was found sunk in a backwater by {Octavian pol glaze|Octavian Polglaze} and two friends."),
    ("split name",
     "Our youngest member, {Crispin L worthy|Crispin Elworthy}, learned to steer her into a lock in a day."),
    ("split name",
     "The roses and castles on the cabin doors were painted by {Serafina wool come|Serafina Woolcombe}."),
    ("split name", "Our engine was rebuilt from a box of parts by {Augustina hearts horn|Augustina Hartshorne}."),
    ("sound-alike", "Mrs {Bram hall|Bramhall} has kept the club's logbooks since the boat was raised."),
    ("sound-alike", "We bought new brass fittings for the cabin at the boat fair in {Brawn stun|Braunston}."),
    ("sound-alike", "The {Tardy big|Tardebigge} Canal Society paid for the new oak rudder."),
    ("real word", "Every spring the {hall|hull} gets two fresh coats of black bitumen."),
    ("real word", "Last Tuesday we {scrape|scraped} the rust off the cabin roof."),
    ("real word", "The {dock|lock} keeper waved us through before the gates closed."),
    ("real word", "The bilge {bump|pump} starts by itself whenever it rains."),
    ("real word", "Never leave your {windows|windlass} on the paddle gear when you walk away."),
    ("acronym", "The boat is licensed every year by the {sea are tea|CRT}, so she can cruise the whole network."),
    ("acronym", "At a rally of the {IWH|IWA} our boat won the prize for the best restoration."),
    ("acronym", "When the engine failed near the tunnel, we phoned {RCA|RCR} and waited on the bank."),
    ("url", "You can book a trip on the boat at "
            "{tow bath and tug dot org UK|towpathandtug.org.uk|tow path and tug dot org dot u k} from Easter."),
]
FRESH17_CLEAN = [
    "On Saturday mornings the members meet at the wharf with flasks of tea and a box of tools.",
    "The hull is riveted iron, and it was built in nineteen thirty four.",
    "We scraped forty years of paint off the cabin before we found the original colours.",
    "A windlass fits on the spindle of the paddle and winds it up.",
    "The new pump moves a bucket of water every ten seconds.",
    "The lock gates at the top of the flight were replaced in November.",
    "The club meets in the village hall on the first Thursday of the month.",
    "A scrape of the rudder on the bottom told us the water was low.",
    "The old dock behind the brewery is where the boat was built.",
    "Go slowly in the tunnel, or you will bump the walls.",
    "Through the cabin windows you can watch the herons on the bank.",
    "In October we organised an open day, and two hundred and twelve visitors came aboard.",
]

# A nineteenth unseen episode, written with "fresh17" before any tuning of that round (the volunteer crew
# of a seaside lifeboat station; new names, places, acronyms and address): nobody tunes on it; it is run
# once, at the end of the round, on the merged code. Its slips are a vowel change ("lunch" for "launch"),
# a dropped ending ("capsize" for "capsized"), a changed first consonant ("cast" for "mast"), a voicing
# change ("pay" for "bay") and a common word for a rarer one ("drugs" for "drogues"); its right sentences
# hold those right words and the words near them ("lunch", "capsize", "cast", "pay", "drugs"), British
# spellings, weekdays, months and numbers as they should be.
FRESH18_LINES: list[tuple[str, str]] = [
    ("split name",
     "Our station was kept going through the war by {Evadne X Lee|Evadne Exley} and her two brothers."),
    ("split name", "The crew is trained every week by our coxswain {Cordelia tree main|Cordelia Tremayne}."),
    ("split name",
     "The new boathouse doors were made by {Gwendolen pol wheel|Gwendolen Polwhele} in her workshop."),
    ("split name",
     "Our youngest volunteer, {Zenobia car threw|Zenobia Carthew}, passed her sea survival course in June."),
    ("sound-alike", "Mister {Sea grave|Seagrave} has driven our tractor down the slipway for twenty six years."),
    ("sound-alike",
     "Last winter we towed a trawler with a broken engine all the way to {Port leaven|Porthleven}."),
    ("sound-alike", "The {Sand ridge|Sandridge} Trust paid for the crew's new dry suits."),
    ("real word", "The {lunch|launch} took less than eight minutes from the first call."),
    ("real word", "Two kayakers {capsize|capsized} off the point on Sunday afternoon."),
    ("real word", "The yacht had lost her {cast|mast} in the storm and was drifting towards the rocks."),
    ("real word", "The fishing boat was found at the far end of the {pay|bay} with her lights off."),
    ("real word", "We streamed two {drugs|drogues} behind the boat to keep her straight in the surf."),
    ("acronym",
     "Big ships must carry what the {so last|SOLAS|solas} rules ask for, but small boats often carry nothing."),
    ("acronym", "The {MCE|MCA} sent a helicopter to help us search the cliffs."),
    ("acronym", "The skipper called for help on his {VHS|VHF} radio just before the engine died."),
    ("url", "You can sponsor a crew member's kit at "
            "{gold rock lifeboat dot org UK|gullrocklifeboat.org.uk|gull rock lifeboat dot org dot u k}"
            " this winter."),
]
FRESH18_CLEAN = [
    "Every launch is written up in the station's logbook by the coxswain.",
    "The crew ate a late lunch in the boathouse after the exercise.",
    "The dinghy capsized twice, but both sailors were wearing life jackets.",
    "A fishing boat can capsize in seconds if the catch shifts in the hold.",
    "The top of the mast was the only part of the yacht we could see.",
    "He cast a line off the harbour wall while he waited for his pager.",
    "The bay is calm in August, but in November the waves break over the wall.",
    "Nobody on the crew gets any pay, because every one of them is a volunteer.",
    "The drogues are rinsed, dried and folded after every exercise.",
    "The police searched the boat for drugs after we brought her in.",
    "The colour of our helmets makes the crew easy to spot from the air.",
    "On Thursday evenings the crew practise in the harbour, and last year the boat went out fifty three times.",
]

# A twentieth unseen episode, written at the start of a later round like "fresh17", before any tuning
# of that round (a community woodland whose volunteers coppice hazel and burn charcoal; new names, places,
# acronyms and address): nobody tunes on it; it is run once, at the end of the round, on the merged code.
# Its slips are a vowel change ("stalls" for "stools"), an added ending ("stacked" for "stack"), a changed
# first consonant ("hedge" for "wedge"), a voicing change ("court" for "cord") and a shorter word for a
# longer one ("coppers" for "coppicers"); its right sentences hold those right words and the words near
# them ("stalls", "stacked", "hedge", "court", "coppers"), British spellings, weekdays, months and numbers
# as they should be.
FRESH19_LINES: list[tuple[str, str]] = [
    ("split name",
     "The wood was bought in nineteen ninety by {Leofric pennies father|Leofric Pennefather} and a few neighbours."),
    ("split name",
     "Our oldest volunteer, {Hildegard R buckle|Hildegard Arbuckle}, has been cutting hazel here for thirty years."),
    ("split name",
     "The charcoal kiln was welded together from old oil drums by {Athelstan ought red|Athelstan Oughtred}."),
    ("split name", "Every coppice panel was mapped by {Marjorie fodder gill|Marjorie Fothergill} last winter."),
    ("sound-alike", "Mrs {Thistle wait|Thistlethwaite} counts every bundle we sell at the gate."),
    ("sound-alike", "We learned to burn charcoal on a course at {Grease dale|Grizedale} in the Lakes."),
    ("sound-alike", "The {Oaken shore|Oakenshaw} Trust paid for a new gate and a bridge over the stream."),
    ("real word", "In March the hazel is cut right back to the {stalls|stools}, and new shoots come up by June."),
    ("real word", "Tomorrow morning we {stacked|stack} the cordwood beside the kiln to dry."),
    ("real word", "He splits the oak logs with a steel {hedge|wedge} and a heavy mallet."),
    ("real word", "A full {court|cord} of hazel makes charcoal for a whole summer."),
    ("real word", "The {coppers|coppicers} start work in November, when the leaves have fallen."),
    ("acronym", "The {be tea owe|BTO} counted the nightingales in the wood this spring."),
    ("acronym", "Our charcoal carries the {FFC|FSC} label, so the shops know where the wood came from."),
    ("acronym", "Part of the wood is an {SSCI|SSSI}, so we cannot cut the old oaks by the stream."),
    ("url", "You can book a place on a coppicing day at "
            "{ravens hold would dot org UK|ravensholtwood.org.uk|ravens holt wood dot org dot u k}"
            " before the autumn."),
]
FRESH19_CLEAN = [
    "On Sunday mornings the volunteers meet by the gate with flasks of tea.",
    "Every hazel stool in the wood can be cut again and again for hundreds of years.",
    "The market stalls in the square sell our charcoal on the first Saturday of the month.",
    "We stacked the bean poles in bundles of twenty five and tied them with string.",
    "A stack of logs left in the shade is a home for beetles and fungi.",
    "The wedge of an old axe head makes a good tool for splitting chestnut.",
    "The hedge along the lane is full of blackbirds in September.",
    "He tied the bundle with garden cord and carried it to the car park.",
    "Our coppicers work in teams of three, and nobody works alone near a falling tree.",
    "The court fined the men who took logs from the wood without asking.",
    "The coppers who came to look at the kiln only wanted to buy some charcoal.",
    "The colour of the bluebells brings visitors in April, and last year we counted six hundred and forty.",
]

# A twenty-first unseen episode, written with "fresh19" before any tuning of that round (a town's old
# picture house reopened by volunteers as a community cinema; new names, places, acronyms and address):
# nobody tunes on it; it is run once, at the end of the round, on the merged code. Its slips are a vowel
# change ("rails" for "reels"), a dropped ending ("leak" for "leaked"), a changed first consonant ("beats"
# for "seats"), a voicing change ("crane" for "grain") and a longer word for a shorter one ("projectionist"
# for "projector"); its right sentences hold those right words and the words near them ("rails", "leak",
# "beats", "crane", "projectionist"), British spellings, weekdays, months and numbers as they should be.
FRESH20_LINES: list[tuple[str, str]] = [
    ("split name",
     "The picture house was saved from bulldozers by {Ferdinand crook shank|Ferdinand Cruickshank} and his sister."),
    ("split name", "Our first manager, {Marcella D Bell|Marcella Deeble}, chose every film for ten years."),
    ("split name", "The foyer ceiling was repainted by {Casilda war burton|Casilda Warburton} and two students."),
    ("split name", "Our organ was brought back to life by {Ansgar mull holland|Ansgar Mulholland} in his spare time."),
    ("sound-alike", "Mister {Wood gate|Woodgate} has sold tickets in the box office since we opened."),
    ("sound-alike", "We bought our second hand projector from a cinema in {Siren sister|Cirencester} that had closed."),
    ("sound-alike", "The {Ever shot|Evershot} Trust paid for new carpet in the foyer."),
    ("real word", "The film arrived in a tin box on six {rails|reels}, and we spliced them together."),
    ("real word", "Last winter the roof {leak|leaked} over the back row whenever it rained."),
    ("real word", "All four hundred {beats|seats} were taken out, cleaned and put back in the same order."),
    ("real word", "The old prints have a lovely {crane|grain} that no digital copy can match."),
    ("real word",
     "The {projectionist|projector} jammed halfway through the film, and the audience clapped when it started."),
    ("acronym", "The {be if eye|BFI} lent us a print of a silent film for our birthday screening."),
    ("acronym", "A film shown to schools must first be rated by the {BBSC|BBFC}."),
    ("acronym", "The {ICA|ICO} sent a young programmer to help us plan our first season."),
    ("url", "You can see what is on this month at "
            "{lie see um cinema dot org UK|lyceumcinema.org.uk|lyceum cinema dot org dot u k}"
            " and book tickets there."),
]
FRESH20_CLEAN = [
    "On Friday nights the queue for the late film goes right round the corner.",
    "The brass rails along the balcony were polished for the reopening in October.",
    "A feature film used to come on five or six reels of twenty minutes each.",
    "We found the leak in the end, under a slate that had slipped above the screen.",
    "The roof leaked again in February, so we put buckets along the aisle.",
    "The drummer beats time with his foot while the silent film runs.",
    "The seats in the front row are cheaper, but your neck aches by the end.",
    "A crane lifted the new heating boiler onto the flat roof.",
    "Every frame of the old film shows the grain of the stock it was printed on.",
    "Our projectionist trained at a big cinema in the city before she came home.",
    "The digital projector sits beside the old one, which we still use for special nights.",
    "The members chose the colour of the curtain, and on Saturday three hundred and sixty people came.",
]

# A twenty-second unseen episode, written at the start of a later round like "fresh19", before any tuning
# of that round (a letterpress printing workshop kept by volunteers in a town's old print works; new names,
# places, acronyms and address): nobody tunes on it; it is run once, at the end of the round, on the merged
# code. Its slips are a vowel change ("rim" for "ream"), a dropped ending ("dampen" for "dampened"), a
# changed first consonant ("burning" for "kerning"), a voicing change ("prayer" for "brayer") and a shorter
# word for a longer one ("typist" for "typesetter"); its right sentences hold those right words and the
# words near them ("rim", "dampen", "burning", "prayer", "typist"), British spellings, weekdays, months and
# numbers as they should be.
FRESH21_LINES: list[tuple[str, str]] = [
    ("split name",
     "The print works was saved from demolition by {Algernon N field|Algernon Enfield} and three retired printers."),
    ("split name",
     "Our oldest press was taken apart and rebuilt over two winters by {Clementine cap stick|Clementine Capstick}."),
    ("split name",
     "The wooden type in the cellar was catalogued by {Benedikt hey worth|Benedikt Haworth} last spring."),
    ("split name",
     "Every poster in the front window was designed by {Ermengarde but her wick|Ermengarde Butterwick}."),
    ("sound-alike", "Mrs {Ash burner|Ashburner} has taught the Saturday printing class since the workshop opened."),
    ("sound-alike",
     "We brought the big cylinder press on a lorry all the way from {Mark it harbour rough|Market Harborough}."),
    ("sound-alike", "The {Silver thorn|Silverthorne} Trust paid for a new roof over the composing room."),
    ("real word", "We bought a {rim|ream} of cream paper for the wedding invitations."),
    ("real word", "Last night we {dampen|dampened} every sheet of the handmade paper before we printed it."),
    ("real word", "The {burning|kerning} of the big capital letters is done by eye, one space at a time."),
    ("real word", "She rolls the ink out thinly on a glass slab with a rubber {prayer|brayer}."),
    ("real word", "Our {typist|typesetter} can set a whole page of small type in an afternoon."),
    ("acronym", "The {double you eye|WI} asked us to print the programme for their centenary show."),
    ("acronym", "Every book we print is given an {ISPN|ISBN} so that libraries can order it."),
    ("acronym", "The big colour posters are printed in {CNYK|CMYK} by a firm in town, but the titles are set by hand."),
    ("url", "You can book a place on a printing class at "
            "{inc corn press dot org UK|inkhornpress.org.uk|ink horn press dot org dot u k}"
            " from next month."),
]
FRESH21_CLEAN = [
    "On Wednesday evenings the volunteers meet in the composing room with a pot of tea.",
    "A ream of paper used to mean four hundred and eighty sheets, not five hundred.",
    "The rim of the old ink tin had rusted, so we cut it open with a knife.",
    "The paper was dampened the night before and wrapped in a plastic sheet.",
    "A damp cloth will dampen the paper enough for a soft, deep print.",
    "Good kerning makes the gaps between the letters look even.",
    "The old foundry was burning coal in its furnace until nineteen sixty two.",
    "A brayer is a small hand roller for spreading ink on the slab.",
    "The vicar asked us to print a prayer card for the harvest festival in September.",
    "Our typesetter learned her trade as an apprentice on the local newspaper.",
    "Before computers, a typist in the office sent every order to the works on a printed form.",
    "We organised an open day in October, and on Saturday three hundred and fifty people came through the door.",
]

# A twenty-third unseen episode, written with "fresh21" before any tuning of that round (a fell farmers'
# sheepdog trials society that runs an open trial every summer; new names, places, acronyms and address):
# nobody tunes on it; it is run once, at the end of the round, on the merged code. Its slips are a vowel
# change ("hugs" for "hoggs"), an added ending ("whistled" for "whistle"), a changed first consonant ("cups"
# for "tups"), a voicing change ("pleat" for "bleat") and a longer word for a shorter one ("collieries" for
# "collies"); its right sentences hold those right words and the words near them ("hugs", "whistled",
# "cups", "pleat", "collieries"), British spellings, weekdays, months and numbers as they should be.
FRESH22_LINES: list[tuple[str, str]] = [
    ("split name",
     "Our society was started in nineteen fifty two by {Oswin T dale|Oswin Teesdale} and a handful of shepherds."),
    ("split name",
     "The novice class is judged this year by {Bathsheba tod hunter|Bathsheba Todhunter} from over the hill."),
    ("split name", "Our best young dog was bred by {Lancelot moss crop|Lancelot Mosscrop} on his farm above the lake."),
    ("split name",
     "The trophy for the oldest handler was given by {Griselda deer love|Griselda Dearlove} in memory of her husband."),
    ("sound-alike", "Mister {Hodge son|Hodgson} lends us his top field for the trial every August."),
    ("sound-alike", "Our champion came back from the national trial at {Apple bee|Appleby} with a blue rosette."),
    ("sound-alike", "The {Wool pit|Woolpit} Trust paid for new hurdles and a shelter for the judges."),
    ("real word", "In spring the {hugs|hoggs} come back down from their winter grazing on the coast."),
    ("real word", "Next month our young handlers will learn to {whistled|whistle} with two fingers."),
    ("real word", "The {cups|tups} are put in with the ewes in November, so the lambs come in April."),
    ("real word", "You can hear the lambs {pleat|bleat} from the far end of the valley."),
    ("real word", "Twelve {collieries|collies} ran in the novice class on Saturday, and nine of them finished."),
    ("acronym", "The vet came on Monday to test the farm's cattle for {tea bee|TB}."),
    ("acronym", "Every dog that runs in the trial must be registered with the {ISTS|ISDS}."),
    ("acronym", "The {BBA|BVA} sent a speaker to our spring meeting to talk about ticks."),
    ("url", "You can enter the open trial at "
            "{fell gate sheep docks dot org UK|fellgatesheepdogs.org.uk|fell gate sheep dogs dot org dot u k}"
            " before the end of July."),
]
FRESH22_CLEAN = [
    "On Sunday mornings the shepherds walk the field before the first run.",
    "The hoggs are a year old and have not yet had lambs of their own.",
    "She hugs her dog at the gate after every run, whatever the score.",
    "A good handler can whistle softly and still be heard at four hundred yards.",
    "He whistled the dog round behind the sheep without saying a word.",
    "The tups wear a coloured harness, so the shepherd can see which ewes they have served.",
    "The silver cups are polished every year before the prize giving in the village hall.",
    "A ewe will bleat for her lamb until it comes running back to her.",
    "Her skirt has a sharp pleat down the back that she irons before every show.",
    "Border collies need work to do, or they get bored and find their own mischief.",
    "Most of the men in the valley worked in the collieries until the pits closed in nineteen eighty five.",
    "The heather on the fell turns the colour of wine in August, and on Saturday four hundred and eighteen"
    " people came to watch.",
]


# Clean-only material for the checks that judge a sentence alone (the homophone and tense checks,
# the model's wishes): sentence shapes guests use (long sentences with clauses, questions, lists,
# reported speech, numbers and dates, past, future and conditional, phrasal verbs, homophones used
# rightly, nouns that look like verbs and the reverse, names and places). Every line is right: only
# false suspects are counted on them. Seen material, tuned on.
SHAPES1_CLEAN = [
    "When the magistrate fined the two drivers, the whole court went quiet.",
    "Would you say the pair of them knew what they were doing?",
    "She told me that the hole in the hull was bigger than anyone had thought.",
    "We packed tents, stoves, ropes and a first aid kit into the back of the van.",
    "If the weather holds, we will cross the pass on Thursday and camp by the lake.",
    "On the twelfth of May in nineteen eighty four the mill closed for good.",
    "The committee had caught the mistake before the minutes were printed.",
    "Their house is over there, past the chapel and the old forge.",
    "He said he would look into it, but nobody heard from him again.",
    "The ferry crossing takes forty minutes when the sea is calm.",
    "Why did the council turn down the plan for a new surgery?",
    "My uncle Bertram Quill kept bees, ducks and a very bad tempered goose.",
    "The guide led us through the caves and pointed out the bones of a bear.",
    "Every survey team logged its finds by hand in a waterproof notebook.",
    "The baker kneads the dough at four and the first loaves come out at six.",
    "I would have gone to the match if the trains had been running.",
    "The mayor of Hallowby opened the new wing of the library last autumn.",
    "Our report found that the school roof leaks whenever the wind blows from the west.",
    "The pear tree by the wall gave us forty pounds of fruit this year.",
    "They set off at dawn, walked for six hours and reached the hut by noon.",
    "Do you think the river will flood again before the end of the month?",
    "The principal asked the pupils to write down their worst fears.",
    "He could not find the receipt, so the shop would not refund the kettle.",
    "The council's planning officer, Dora Venn, said the scheme would be turned down.",
    "My neighbour's son plays the cello in the county youth orchestra.",
    "The storm brought down power lines across three valleys on Saturday night.",
    "Half the village turned out to watch the boats race on the estuary.",
    "She used to work at the bank before she set up her own pottery.",
    "The vote was close, and the motion passed by only two votes.",
    "The landlord put the rent up twice in one year, which the tenants thought unfair.",
    "Will the new bypass take traffic away from the high street or not?",
    "A steady rain fell on the allotments all through the first week of June.",
    "The farm shop stocks eggs, cheese, honey and bread from the village bakery.",
    "Our chairman, who had led the club for thirty years, stood down in March.",
    "The lorry had to reverse all the way back down the lane.",
    "He never told us where he had hidden the key to the shed.",
    "We grew beans, peas and leeks in the walled garden behind the rectory.",
    "The tide had come in so fast that the cars on the causeway were cut off.",
    "After the talk, the students asked whether the records could be seen online.",
    "The new bus service will run every half hour from the station to the hospital.",
    "Last week the school fence post snapped in the wind.",
    "Two years ago the harbour wall gave way in a storm.",
    "Last summer the farm track flooded twice.",
    "Yesterday the bus station clock stopped at noon.",
    "Last winter the school play sold out every night.",
    "Yesterday we found the hole in the hull at last.",
    "Next week the village shop opens on Sundays.",
    "Last year the court heard the case in a single day.",
    "Last Tuesday the water main burst outside the bakery, and the road was shut.",
    "Tomorrow morning the road works start on the bridge.",
]
SHAPES2_CLEAN = [
    "The inspector said the wiring had been checked in two thousand and nine.",
    "Have you ever seen a heron catch a fish in the shallows?",
    "The band played reels, jigs and a slow air before the interval.",
    "If I had known the road was closed, I would have taken the coast route.",
    "She weighed the flour, sifted it twice and folded in the eggs.",
    "The whole team ate their lunch by the canal in the sun.",
    "We had to wait for the ferry because the tide was too low.",
    "The trust bought the field in April and plans to plant an orchard there.",
    "My grandfather fought in the desert and never spoke about it.",
    "The coach told the players to keep their heads up after the loss.",
    "How many people live in the town now, compared with fifty years ago?",
    "The lighthouse was built in eighteen sixty and automated in nineteen ninety two.",
    "Every spring the cuckoo is heard in the wood before it is seen.",
    "The surgeon warned that the knee would take months to heal.",
    "Nobody knows who carved the stone cross in the churchyard.",
    "A group of walkers found a ring in the mud near the old quay.",
    "The plumber came out on a Sunday, which cost us a small fortune.",
    "Ask the ranger whether the path along the cliff is open.",
    "The road through the forest winds past a lake and two farms.",
    "When the snow came, the school shut and the children went sledging.",
    "Our vicar, Reverend Amos Thorley, retired after forty one years.",
    "The museum shows tools, coins and pottery from the Roman fort.",
    "They were told the bridge would be repaired by the end of summer.",
    "The weather forecast says there will be frost on the hills tonight.",
    "I asked him where he had found the map, and he said in a box of books.",
    "The rowing crew trains on the river at six every morning.",
    "The price of a loaf has doubled since my mother was a girl.",
    "She sent the manuscript to three publishers, and two of them wrote back.",
    "The hall was packed for the debate on the new wind farm.",
    "He lost his wallet on the train and a stranger posted it back to him.",
    "The cattle were brought down from the hills before the first snow.",
    "Could we meet at the cafe by the harbour at ten past eleven?",
    "The mine closed in nineteen sixty eight, and the village never recovered.",
    "The children made masks, hats and paper lanterns for the parade.",
    "My sister works nights at the hospital and sleeps during the day.",
    "The choir sang in the cathedral at Eastwick on Christmas Eve.",
    "Most of the houses on the hill were built with stone from the quarry.",
    "The captain said the storm would pass, but the waves kept growing.",
    "We should have booked a table, because the place was full.",
    "The blacksmith shoes the horses in the yard behind the inn.",
    "Yesterday our guest house cook left for a new job.",
    "A decade ago the town square market moved indoors.",
    "Two days ago the county show judges picked a winner.",
    "Yesterday the dog walk route was closed by the farmer.",
    "Last year the parish council voted to close the tip.",
    "Last month the weather turned and the sea rose.",
    "Next month the old cinema hosts a silent film night.",
    "Last week she caught the early train to the coast.",
    "Three weeks ago the town band played in the park.",
    "Last spring the church bell ropes were replaced.",
]
SHAPES3_CLEAN = [
    "The referee sent off two players before half time.",
    "Do you know whose bike is chained to the railings outside?",
    "The old fort stands on a rock above the bay.",
    "The firm will open a second branch in Brackley next year.",
    "She read the letter aloud and then put it back in the drawer.",
    "A flock of starlings settled on the wires above the square.",
    "The shepherd counted the ewes and found that four were missing.",
    "Our neighbours grow potatoes, carrots, onions and a few rows of lettuce.",
    "If it rains tomorrow, the fair will be moved into the barn.",
    "The grain store burned down in the summer of nineteen seventy six.",
    "We heard the news on the radio while we were driving home.",
    "The doctor said the rash would clear up in a week or so.",
    "My cousin Ivo Brannagh sails a small boat around the islands.",
    "The minister promised that the hospital would stay open.",
    "What time does the last bus leave for the airport?",
    "The walls of the castle are nine feet thick in places.",
    "A train of mules carried the supplies over the mountains.",
    "The gardener pruned the roses and raked the leaves off the lawn.",
    "The newspaper printed a correction on page two the next morning.",
    "He wants to know whether the museum will lend the painting to the gallery.",
    "The whole class passed the exam, which pleased the head teacher.",
    "The boat sails at nine, so we must leave the house by eight.",
    "They say the well in the square has never run dry.",
    "The judge heard the case in a single day and reserved her decision.",
    "We made soup from the leeks and the last of the potatoes.",
    "Her father runs a garage on the road out of Penhallow.",
    "The fire crew put out the blaze before it reached the houses.",
    "Thousands of people lined the streets to see the parade go by.",
    "The clock in the tower stopped at a quarter to three.",
    "He built a shed out of pallets and an old front door.",
    "The nurses work twelve hour shifts on the children's ward.",
    "The dam was finished in nineteen thirty and flooded the whole valley.",
    "Where did you find the photograph of the harbour in winter?",
    "The ship's cook baked bread every morning for the crew.",
    "The cyclists rode up the hill and freewheeled down the other side.",
    "Our guest today has climbed every peak in the district.",
    "The school will plant a hedge along the edge of the playing field.",
    "She wore her grandmother's ring to the wedding.",
    "The post office closed last year, and the shop took over its counter.",
    "The seal pups are born on the beach in late autumn.",
    "Last night the storm drain overflowed onto the road.",
    "Yesterday the ferry crew rescued two kayakers off the point.",
    "Last Friday the post van skidded on the ice.",
    "Last year the book club members read twelve novels.",
    "Yesterday the boat race crews trained in the rain.",
    "Last autumn the lifeboat station crew launched nine times.",
    "Yesterday the knight rode across the field in the pageant.",
    "Next Sunday the choir sings at the cathedral.",
    "Four years ago the sheep dip trials moved to the showground.",
    "Last week the river path fence was mended by volunteers.",
]


# Tuning material for the context check (real words said nearly or exactly like the right word),
# written for tuning and tuned on like the evaluation episode; the held-out lists stay unseen.
TUNING_LINES: list[tuple[str, str]] = [
    ("real word", "The {whether|weather} turned cold on the last day of the trip."),
    ("real word", "He {road|rode} his bike to the station every morning."),
    ("real word", "The children {through|threw} snowballs at the bus."),
    ("real word", "My father {fought|thought} the plan was too expensive."),
    ("real word", "The {coast|cost} of living went up again this year."),
    ("real word", "The shop sells fresh {bred|bread} every morning."),
    ("real word", "They {cot|caught} the last train home."),
    ("real word", "The old {pear|pier} was closed after the storm."),
    ("real word", "Our team {one|won} the cup in May."),
    ("real word", "I can {here|hear} the trains from my bedroom window."),
]
TUNING_CLEAN = [
    "The old captain told stories about the sea.",
    "Her brother plays the drums in a jazz band.",
    "The farmers sold apples and pears at the fair.",
    "The wind blew the roof off the shed.",
    "He wrote a letter to the council about the noise.",
    "The night bus stops outside the hospital.",
    "Fresh snow fell on the hills overnight.",
    "We found an old map of the town in the attic.",
    "The baker opened a second shop near the station.",
    "A fox ran across the road in front of the car.",
]

# More tuning material for the context check, written for a round of tuning on the one-word slips
# it missed: near pairs a phone or two apart (tense, -teen/-ty numbers, a dropped ending), and
# right sentences holding such words as they should be (tuned on like TUNING_LINES).
NEAR_TUNING_LINES: list[tuple[str, str]] = [
    ("real word", "My grandfather lived to be {nineteen|ninety} years old."),
    ("real word", "She left school at {sixty|sixteen} and started work."),
    ("real word", "I {walk|woke} up at six this morning."),
    ("real word", "He {lost|locked} the door before he left."),
    ("real word", "The tickets {crossed|cost} ten pounds each."),
    ("real word", "Yesterday we {play|played} football in the park."),
    ("real word", "We {sent|went} to the beach last weekend."),
    ("real word", "The dog {bark|barked} all night long."),
    ("real word", "She {ran|rang} the bell twice and waited."),
    ("real word", "They {lived|left} the party before midnight."),
    ("acronym", "Ask the {eye tea|IT} desk to reset your password."),
]
NEAR_TUNING_CLEAN = [
    "She played the piano until midnight.",
    "He locked the gate behind him.",
    "My aunt turned sixty in June.",
    "The boys kicked a ball against the wall.",
    "I woke up before the alarm went off.",
    "The prices went up by fifteen percent.",
    "We went to the cinema on Friday.",
    "The shop was closed for two weeks.",
    "He wanted to be a pilot when he was seven.",
    "They lived in a small flat above the bakery.",
    "Seventeen people came to the first meeting.",
]

# A third set of tuning material, written for a round of tuning on the slips the held-out episodes
# are known to miss by kind (never by line): -ty/-teen numbers, past tenses a vowel apart, r/l
# clusters (a consonant dropped from "fl", "br"), acronyms written as the words their letters
# sound like; and right sentences holding such words (and letter-like words: "you and", "see a")
# as they should be. Tuned on like NEAR_TUNING_LINES.
SLIP_TUNING_LINES: list[tuple[str, str]] = [
    ("real word", "The stone bridge was built {thirteen|thirty} years ago."),
    ("real word", "Tickets cost {eighteen|eighty} dollars on the night."),
    ("real word", "Only {thirty|thirteen} students passed the exam."),
    ("real word", "The club has {fifty|fifteen} players this season."),
    ("real word", "My uncle retired at {seventeen|seventy} and moved to the coast."),
    ("real word", "The whole choir {sung|sang} at the wedding."),
    ("real word", "He {set|sat} on the bench and fed the birds."),
    ("real word", "We {drunk|drank} hot tea by the fire."),
    ("real word", "They {hold|held} a meeting last Tuesday."),
    ("real word", "I {run|ran} into an old friend yesterday."),
    ("real word", "Our {fight|flight} to Dublin was delayed by two hours."),
    ("real word", "The {bite|bright} colours of the market caught my eye."),
    ("real word", "He {fed|fled} the city before the war."),
    ("real word", "The {pants|plants} on the balcony need more water."),
    ("real word", "Entry to the museum is {fee|free} on Sundays."),
    ("real word", "The kids {pay|play} football after school."),
    ("acronym", "The {see eye a|CIA} kept a file on him for years."),
    ("acronym", "She heard the news on the {bee bee see|BBC} every night."),
    ("acronym", "Agents from the {eff bee eye|FBI} searched the office."),
    ("acronym", "He watched the {and be a|NBA} finals with his father."),
    ("acronym", "The {you ess|US} embassy closed early on Friday."),
]
SLIP_TUNING_CLEAN = [
    "The church was built thirty years ago.",
    "She turned eighteen last spring.",
    "The choir sang at the harvest festival.",
    "He sat by the fire and read the paper.",
    "We drank lemonade on the porch.",
    "The flight to Rome leaves at nine.",
    "The bright moon lit the whole valley.",
    "The plants in the hall died over the winter.",
    "Admission is free for children.",
    "The kids play chess on Thursday evenings.",
    "The CIA and the FBI both denied the story.",
    "You and I should see a film together.",
    "They held a party for her fiftieth birthday.",
    "I ran five miles before breakfast.",
    "The fight lasted only two rounds.",
    "Fifteen people fled the fire in the night.",
    "Why are you late again?",
]

# A fourth set of tuning material, written before a round of work on the slips the acoustic fit alone
# barely tells apart (their length and stress do): -teen/-ty numbers both ways, past tenses a vowel
# from the present, a consonant of a cluster dropped, pairs two phones apart; and right sentences
# holding such words (present and past, -teen and -ty, cluster and none) as they should be. Tuned on
# like SLIP_TUNING_LINES.
STRESS_TUNING_LINES: list[tuple[str, str]] = [
    ("real word", "The ferry carries {forty|fourteen} cars at a time."),
    ("real word", "The hall holds about {seventeen|seventy} guests."),
    ("real word", "He scored {sixty|sixteen} points in the final."),
    ("real word", "The village has {nineteen|ninety} houses and one shop."),
    ("real word", "The tower is {eighty|eighteen} metres tall."),
    ("real word", "Her brother is {thirty|thirteen} and still at school."),
    ("real word", "She {swim|swam} across the lake last summer."),
    ("real word", "The phone {ring|rang} while we were eating."),
    ("real word", "He {sit|sat} in the back row and said nothing."),
    ("real word", "My brother {give|gave} me his old bike."),
    ("real word", "She {get|got} a letter from her cousin on Monday."),
    ("real word", "The fishing boat {sink|sank} in the storm."),
    ("real word", "Our team {win|won} the final last spring."),
    ("real word", "The {bed|bread} was still warm from the oven."),
    ("real word", "A {fog|frog} jumped into the pond."),
    ("real word", "He slammed on the {bakes|brakes} at the corner."),
    ("real word", "The roof is {fat|flat} and covered in moss."),
    ("real word", "Be careful not to {sip|slip} on the ice."),
    ("real word", "The train came off the {tack|track} near the bridge."),
    ("real word", "He {cost|crossed} the road without looking."),
    ("real word", "She {lift|left} the keys on the table."),
    ("real word", "He {rot|wrote} a long letter to his sister."),
]
STRESS_TUNING_CLEAN = [
    "The library has forty computers.",
    "She started running at fourteen.",
    "He paid sixty pounds for the coat.",
    "The bus takes seventeen minutes.",
    "The oak tree is eighty years old.",
    "Thirteen boats left the harbour at dawn.",
    "She swam in the sea every morning.",
    "They swim every Sunday.",
    "The bell rang at noon.",
    "He likes to sit in the sun.",
    "My aunt gave me a book.",
    "We got home after dark.",
    "Our team won the league.",
    "He baked fresh bread for the party.",
    "We need a bed for the guest room.",
    "The frog sat on a leaf.",
    "She pressed the brakes gently.",
    "The land is flat near the sea.",
    "His pants were too long.",
    "He slipped on a wet stair.",
    "The track runs beside the river.",
    "She left the lights on.",
    "He crossed the street with care.",
    "He wrote a song for her.",
    "They sank into the soft chairs.",
]

# A fifth set of tuning material, written for a round of work on real-word slips a vowel apart or
# a consonant short that the other checks miss ("cap" for cup, "ten" for tent, "planned" for
# planted, an r-coloured vowel lost: "shot" for shirt), and right sentences holding those words and
# their neighbours ("pin", "bell", "car") as they should be. Tuned on like STRESS_TUNING_LINES.
SLIP2_TUNING_LINES: list[tuple[str, str]] = [
    ("real word", "He drank his coffee from a paper {cap|cup} on the train."),
    ("real word", "The {ten|tent} blew away in the storm."),
    ("real word", "She sent her grandmother a {car|card} for her birthday."),
    ("real word", "A {flesh|flash} of lightning lit up the valley."),
    ("real word", "The old {mall|mill} by the river was turned into flats."),
    ("real word", "She {fond|found} a silver coin in the sand."),
    ("real word", "He {slapped|slipped} on the wet stairs and hurt his knee."),
    ("real word", "He ironed a white {shot|shirt} for the interview."),
    ("real word", "We {planned|planted} tomatoes along the garden fence."),
    ("real word", "He tightened the {bell|belt} on his old trousers."),
    ("real word", "Our team needs one more {wind|win} to take the title."),
]
SLIP2_TUNING_CLEAN = [
    "She poured the tea into a blue cup.",
    "The tent was pitched beside the lake.",
    "They washed the car on Sunday morning.",
    "A flash of light came from the hill.",
    "The mill pond freezes every winter.",
    "He found his keys under the sofa.",
    "She slipped the letter under the door.",
    "The shirt was too small for him.",
    "We planted roses by the gate last spring.",
    "The school bell rang at the end of the lesson.",
    "Ten people waited for the bus in the rain.",
    "The wind blew the leaves across the yard.",
]

# Tuning lines for names heard in the audio (written for this, tuned on like LINES): names spelled
# by other languages' rules and said that way, web and e-mail addresses read out, acronyms split or
# merged differently, names written in more or fewer words than they have.
NAME_TUNING_LINES: list[tuple[str, str]] = [
    ("split name", "Our Rome correspondent {Joe vanny Ree chee|Giovanni Ricci|Jovanny Reechee} filed the story."),
    ("split name", "The coach {Wolf gang vice|Wolfgang Weiss|Volfgang Vice} moved to Berlin last year."),
    ("split name", "Thanks to {Boy check no vac|Wojciech Nowak|Voychekh Novak} for the translation."),
    ("sound-alike", "The poem was read by {Neve|Niamh|Neev} at the funeral."),
    ("split name", "The painter {Siren lund quist|Søren Lundqvist|Sirren Lundkvist} lives by the fjord."),
    ("split name", "Our reporter {He mena eban yes|Jimena Ibáñez|Heemena Eebanyes} spoke to the farmers."),
    ("url", "Send your questions to {info at brick lain dot co dot UK|info@bricklane.co.uk|"
            "info at brick lane dot co dot u k} please."),
    ("url", "Follow the show {at pine cast pod|@pinecastpod|at pine cast pod} for clips."),
    ("acronym", "Lawyers from the {ACL you|ACLU} filed the appeal."),
    ("acronym", "The {K GB|KGB} files were opened in the nineties."),
    ("acronym", "Her interview on {MPR|NPR} was shared widely."),
    ("split name", "The ship was built by {Vandersloot|Van der Sloot} and Sons in the last century."),
]
NAME_TUNING_CLEAN = [
    "The river rose two feet during the night.",
    "We spent the afternoon sorting old photographs.",
    "The bakery sells out of rye bread by nine.",
    "Her brother teaches music at the high school.",
    "The road to the coast was closed for a week.",
    "Most of the volunteers came back the next year.",
    "The lighthouse keeper kept a diary for forty years.",
    "A new footbridge crosses the canal near the station.",
    "They argued about the budget until late at night.",
    "The garden club meets on the first Monday.",
    "The storm knocked down three old oak trees.",
    "Our next guest has written four books about birds.",
]

# Tuning lines for names written as runs of short words (written for this, tuned on like LINES):
# long names split into four to six pieces, acronyms written as the words their letters sound like
# or as single letters, names split where a sound-alike word ends; and right sentences that are runs
# of short words as they should be ("a man and a cat"), which must not be taken for a name.
NAME2_TUNING_LINES: list[tuple[str, str]] = [
    ("split name", "The quilts were stitched by {Anneliese car a man lease|Anneliese Karamanlis} in the winter."),
    ("split name", "Our new treasurer {Rajesh Sue bra man yam|Rajesh Subramanyam} read out the accounts."),
    ("split name", "The mural on the school was designed by {Tobias mack a list her|Tobias Macalister} last year."),
    ("split name", "We were shown round the mill by {Ottoline Hay van a gun|Ottoline Havanagan} on Sunday."),
    ("split name", "The song was written by {Desmond oh bee a new|Desmond Obianu} for his mother."),
    ("acronym", "She trained as a pilot with the {are a F|RAF} in the war."),
    ("acronym", "He gave a lecture at the {L S E|LSE} about the housing crisis."),
    ("acronym", "The {be M A|BMA} warned about the waiting lists."),
    ("sound-alike", "The coach stopped in {Amble side|Ambleside} for an hour."),
    ("sound-alike", "Our reporter went to {Marsh field|Marshfield} to see the new bridge."),
]
NAME2_TUNING_CLEAN = [
    "A man and a cat sat on a mat by the door.",
    "He ran to the car and got in at the back.",
    "I saw an owl in a tree by the old mill.",
    "We had tea at ten and a bun at two.",
    "Is it a bat or a bird up on the roof?",
    "She and I met him at the bus stop on Main Street.",
    "Go on, try it, it is not as bad as it looks.",
    "The dog ate my hat and then ran off to the park.",
    "Do you want to go up the hill or not?",
    "He put a pot of jam on the top shelf.",
]

_MARK = re.compile(r"\{([^|}]*)\|([^|}]*)(?:\|([^}]*))?\}")


@dataclass
class Passage:
    """One wrong passage: ``segments[index].text[start:end]`` should read *right*."""

    index: int
    start: int
    end: int
    wrong: str
    right: str
    kind: str


@dataclass
class Episode:
    transcript: Transcript
    audio: np.ndarray                 # int16 mono at RATE
    passages: list[Passage]           # where the transcript's text differs from the truth
    names: list[str]                  # the glossary a producer would have

    def correct_words(self) -> int:
        """Words of the transcript outside every wrong passage."""
        total = 0
        for index, segment in enumerate(self.transcript.segments):
            wrong = [(p.start, p.end) for p in self.passages if p.index == index]
            total += sum(1 for m in re.finditer(r"\S+", segment.text)
                         if not any(lo < m.end() and m.start() < hi for lo, hi in wrong))
        return total


def _side(line: str, side: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """The line's text on *side* ("wrong", "right" or "spoken") and the wrong/right spans in it."""
    out, spans, at = [], [], 0
    for match in _MARK.finditer(line):
        out.append(line[at:match.start()])
        wrong, right, spoken = match.group(1), match.group(2), match.group(3) or match.group(2)
        piece = {"wrong": wrong, "right": right, "spoken": spoken}[side]
        position = sum(len(p) for p in out)
        spans.append((position, position + len(piece), wrong, right))
        out.append(piece)
        at = match.end()
    out.append(line[at:])
    return "".join(out), spans


def say(text: str, voice: str = VOICE, speed: int = 165) -> np.ndarray:
    """int16 samples at RATE of espeak-ng saying *text*, leading/trailing silence trimmed."""
    return timing_audio.word_audio(text, voice, speed)


def episode(lines: list[tuple[str, str]] | None = None, clean: list[str] | None = None, *,
            text: str = "wrong", audio: str = "right", voice: str = VOICE, speed: int = 165,
            repeat: int = 1) -> Episode:
    """An episode alternating error lines and clean lines (*repeat* times over).

    *text*: which side the transcript shows ("wrong": the recognizer's errors; "right").
    *audio*: which side the audio says ("right": the truth; "wrong": the errors, a control
    where the audio agrees with the text and nothing should be flagged). *voice*, *speed*: espeak-ng's.
    """
    lines = LINES if lines is None else lines
    clean = CLEAN if clean is None else clean
    order: list[tuple[str, str]] = []
    for _ in range(repeat):
        for i in range(max(len(lines), len(clean))):
            if i < len(lines):
                order.append(lines[i])
            if i < len(clean):
                order.append(("clean", clean[i]))
    pieces, segments, passages, names = [], [], [], []
    position = GAP_MS
    pieces.append(np.zeros(GAP_MS * RATE // 1000, np.int16))
    for kind, line in order:
        shown, spans = _side(line, text)
        spoken, _ = _side(line, "spoken" if audio == "right" else "wrong")
        samples = say(spoken, voice, speed)
        length = len(samples) * 1000 // RATE
        index = len(segments)
        segments.append(Segment(f"s{index + 1}", position - 150, position + length + 150, shown,
                                speaker_id="host" if index % 2 == 0 else "guest"))
        if text == "wrong" and audio == "right":
            passages += [Passage(index, lo, hi, wrong, right, kind) for lo, hi, wrong, right in spans]
        names += [right for _, _, _, right in spans if kind != "real word" or right[:1].isupper()]
        pieces += [samples, np.zeros(GAP_MS * RATE // 1000, np.int16)]
        position += length + GAP_MS
    transcript = Transcript(speakers={"host": Speaker("host", "Host"), "guest": Speaker("guest", "Guest")},
                            segments=segments)
    names = list(dict.fromkeys(names))   # a show's web address belongs in its glossary too
    return Episode(transcript, np.concatenate(pieces), passages, names)


write_wav = timing_audio.write_wav     # mono int16 at RATE


def write_srt(path: Path, transcript: Transcript) -> Path:
    """*transcript* as SRT, one cue per segment, Host and Guest in turn (caption cues of one
    speaker would merge into one turn when read back)."""
    def clock(ms: int) -> str:
        return f"{ms // 3600000:02}:{ms // 60000 % 60:02}:{ms // 1000 % 60:02},{ms % 1000:03}"

    path.write_text("".join(f"{i + 1}\n{clock(s.start_ms)} --> {clock(s.end_ms)}\n"
                            f"{('Host', 'Guest')[i % 2]}: {s.text}\n\n"
                            for i, s in enumerate(transcript.segments)), encoding="utf-8")
    return path


def write_episode(folder: Path, episode: Episode, glossary: str) -> tuple[Path, Path, Path]:
    """*episode*'s transcript (SRT), audio (WAV) and a glossary CSV of *glossary*'s rows (the
    glossary dialog's import columns) in *folder*: what ``transcript-editor suggest`` is given."""
    srt = write_srt(folder / "episode.srt", episode.transcript)
    wav = write_wav(folder / "episode.wav", episode.audio)
    names = folder / "names.csv"
    names.write_text(f"correct,wrong_forms,note\n{glossary}", encoding="utf-8")
    return srt, wav, names
