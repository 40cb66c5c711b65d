"""A verb in its plain form where the sentence says the time is past: "Last Sunday the choir climb the tower".

A recognizer drops a regular past tense's ending often: the t or d is short, said softly and run into
the next word ("climbed the" is heard as "climb the"), and its own language model finds either
form as likely. The audio cannot tell them apart either: said in two espeak-ng voices, turns where the
audio said "climbed", "pressed", "fixed", "baked", "opened", "pulled" or "played" fitted the past form
between 0.7 per frame of the word worse and 1.1 better than the present one, and as much either way
where the audio said the present form. PocketSphinx's trigram model does not see the sentence's time
either: "last Sunday" lies more than two words before the verb. The sentence's grammar does: a past
time said in the sentence ("yesterday", "last Sunday", "two weeks ago") and a verb right after its
subject at the start of a clause ("we climb", "the choir climb") in its plain form, when the
dictionary has the regular past form of it (the plain form said with a t, d or "id" after it), or it
is a common irregular verb whose past a sound or two away the recognizer may have heard as the plain
form ("she swim across the lake last summer": swam). The audio hears a vowel changed, and rules the
irregular past out where it says the plain form ("swam" fitted 3.6 and 4.0 per frame worse where the
audio said "swim", 0.2 and 0.5 worse where it said "swam").

Only that pattern, which leaves a right sentence's plain forms alone: an infinitive ("we had to
climb"), a verb after a modal or another verb ("I saw them play", "we will press"), a clause inside
another ("we heard that they play"), a noun of a subject its clause's finite verb follows, right
after it or a noun or two on ("last week the school fence post snapped": see
:func:`finite_verb_follows`). A noun it takes for the verb otherwise ("yesterday the garden gate
creaked": "gated") the language model rules out (see :func:`editor.hearing.context._pasts_wanted`).

And its mirror (:func:`past_verbs_in_future`): a regular past tense where the sentence's time is to
come ("tomorrow morning", "next week": "Tomorrow afternoon we painted the fence"), the ending heard
from the next word's start; the model rules out a word that only looks like a past ("we feed":
"fee").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from editor.align.text import Token

# Words that, after "last", name a past time ("last Sunday", "last year"), and the units of "... ago".
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_SEASONS = ("spring", "summer", "autumn", "fall", "winter", "christmas", "easter")
_UNITS = ("night", "week", "weekend", "month", "year", "season", "term", "time", "evening", "morning",
          "afternoon", "century", "decade")
PAST_AFTER_LAST = frozenset(_WEEKDAYS + _MONTHS + _SEASONS + _UNITS)
DAY_PARTS = frozenset(("morning", "afternoon", "evening", "night"))   # after "tomorrow"
AGO_UNITS = frozenset(u + s for u in ("minute", "hour", "day", "week", "month", "year", "decade", "century",
                                      "centuries") for s in ("", "s"))
# A clause's subject: a pronoun, or a determiner and up to MAX_NOUN_WORDS words ("the bar staff").
SUBJECT_PRONOUNS = frozenset(("i", "we", "you", "they", "he", "she", "it"))
DETERMINERS = frozenset(("the", "our", "my", "your", "his", "her", "their", "its", "a", "an", "this", "that",
                         "these", "those", "every", "each", "some", "both", "all"))
MAX_NOUN_WORDS = 3
# Words that are neither part of a subject's noun phrase nor, right after it, its verb: what follows
# them is no subject's verb, and a preposition that is a verb too ("the old bridge near the mill":
# "neared"; "a man like me": "liked") is the preposition there.
NOT_NOUNS = frozenset((
    "near", "like", "round", "around", "down", "up", "out", "off", "over", "back", "past", "after", "before",
    "behind", "through", "across", "along", "below", "above", "under", "beside", "inside", "outside", "into",
    "onto", "upon", "within", "without", "between", "beyond", "toward", "towards", "since", "until", "during",
    "to", "and", "or", "but", "who", "which", "that", "whom", "whose", "what", "when", "where", "while", "if",
    "will", "would", "can", "could", "shall", "should", "may", "might", "must", "do", "does", "did", "not",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "of", "in", "on", "at", "for", "with",
    "from", "by", "about", "as", "than", "so", "then", "there", "here", "very", "too", "also", "just",
    "never", "always", "often", "still", "only", "ago", "last", "yesterday",
))
# Verbs that are finite wherever they stand: one right after a word makes that word the last of its
# clause's subject, a noun ("every coppice panel was mapped last winter", "the garden gate will be
# painted"), never the subject's verb, since a clause's verb is not followed by another finite one
# (see :func:`finite_verb_follows`, which finds past tenses too, a noun or two on).
FINITE_AFTER_SUBJECT = frozenset((
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "shall", "should",
    "may", "might", "must", "do", "does", "did",
))
# The irregular pasts a recognizer writes as their plain form: a vowel or a sound or two changed
# ("she swim across the lake last summer", "they hold a meeting last Tuesday"). Not "lay", itself
# the past of "lie"; nor a verb whose past is its plain form ("put", "cut"). A word that is itself a
# past here ("found", "fell", "saw", "ground") is never taken for a plain form.
IRREGULAR_PASTS = {
    "sing": "sang", "ring": "rang", "swim": "swam", "sink": "sank", "drink": "drank", "begin": "began",
    "run": "ran", "sit": "sat", "spring": "sprang", "shrink": "shrank", "give": "gave", "come": "came",
    "become": "became", "get": "got", "forget": "forgot", "win": "won", "hold": "held", "meet": "met",
    "lead": "led", "feed": "fed", "bleed": "bled", "breed": "bred", "ride": "rode", "write": "wrote",
    "drive": "drove", "rise": "rose", "dive": "dove", "speak": "spoke", "break": "broke", "choose": "chose",
    "freeze": "froze", "wake": "woke", "steal": "stole", "grow": "grew", "know": "knew", "throw": "threw",
    "blow": "blew", "draw": "drew", "fly": "flew", "find": "found", "grind": "ground", "sell": "sold",
    "tell": "told", "fall": "fell", "hang": "hung", "dig": "dug", "stick": "stuck", "strike": "struck",
    "spin": "spun", "swing": "swung", "sting": "stung", "slide": "slid", "hide": "hid", "bite": "bit",
    "shoot": "shot", "eat": "ate", "pay": "paid", "say": "said", "stand": "stood", "take": "took",
    "shake": "shook", "keep": "kept", "sleep": "slept", "sweep": "swept", "feel": "felt", "mean": "meant",
    "leave": "left", "lose": "lost", "send": "sent", "spend": "spent", "build": "built", "bend": "bent",
    "lend": "lent", "tear": "tore", "wear": "wore", "swear": "swore", "see": "saw", "catch": "caught",
    "teach": "taught", "buy": "bought", "bring": "brought", "think": "thought", "fight": "fought",
}
_PASTS = frozenset(IRREGULAR_PASTS.values()) | {"lay", "wound", "bound", "read"}
# Past tenses that tell a subject's end (see :func:`past_tense`) besides those: irregular ones no
# slip makes a plain form of ("went", "made"), and those said as their plain form ("the flood
# defence scheme cost ten million pounds"), which are never taken for a plain form either ("last
# year the plan cost": "costed" is a word, but another verb's).
OTHER_PASTS = frozenset((
    "went", "made", "heard", "laid", "fled", "lit", "shone", "dealt", "wept", "crept", "burnt", "learnt", "knelt",
    "spilt", "sought", "clung", "flung", "strode", "bore", "wove", "understood", "withdrew", "overtook",
    "cost", "put", "cut", "hit", "let", "set", "shut", "hurt", "burst", "spread", "cast", "split", "quit",
))
# A clause starts at the sentence's start, after the sentence's past time, or after a comma (or a
# semicolon or colon): the punctuation that closes a word before one.
_CLAUSE_END = re.compile(r"[,;:]$")
_SENTENCE_END = re.compile(r"[.!?]['\"’”)]*$")


def past_forms(word: str) -> list[str]:
    """The spellings *word*'s past tense may have: its irregular one ("swim": swam), or those of a
    regular one ("climb": climbed; "bake": baked; "carry": carried; "drop": dropped, the doubled
    consonant as well as the plain "droped", for the dictionary to choose); none for a past itself."""
    if not word.isalpha() or word.endswith(("ed", "ing")) or word in _PASTS or word in OTHER_PASTS:
        return []
    if word in IRREGULAR_PASTS:
        return [IRREGULAR_PASTS[word]]
    if word.endswith("e"):
        return [word + "d"]
    forms = [word + "ed"]
    if len(word) > 2 and word[-1] == "y" and word[-2] not in "aeiou":
        forms = [word[:-1] + "ied"]
    elif len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms.append(word + word[-1] + "ed")
    return forms


def irregular(word: str, past: str) -> bool:
    """Whether *past* is *word*'s irregular past tense (no ending said after the plain form)."""
    return IRREGULAR_PASTS.get(word) == past


def said_with_ending(sayings: list[str], past_sayings: list[str]) -> bool:
    """Whether one of *past_sayings* is one of *sayings* with a past tense's ending said after it
    (T, D, or a syllable IH D / AH D after a t or d)."""
    for saying in sayings:
        for past in past_sayings:
            if past.startswith(saying + " ") and past[len(saying) + 1:] in ("T", "D", "IH D", "AH D"):
                return True
    return False


def sentences(words: list[str], ends: list[bool]) -> list[range]:
    """The sentences of a turn's *words* (*ends*: whether a word closes one), as ranges of positions."""
    found, start = [], 0
    for k, end in enumerate(ends):
        if end:
            found.append(range(start, k + 1))
            start = k + 1
    if start < len(words):
        found.append(range(start, len(words)))
    return found


def past_time(words: list[str], sentence: range) -> range | None:
    """Where *sentence* (positions of the lowercase *words*) says a past time: "yesterday", "last"
    and a time ("last Sunday", "last year"), or a unit of time and "ago" ("two weeks ago")."""
    for k in sentence:
        if words[k] == "yesterday":
            return range(k, k + 1)
        if words[k] == "last" and k + 1 in sentence and words[k + 1] in PAST_AFTER_LAST:
            return range(k, k + 2)
        if words[k] == "ago" and k - 1 in sentence and words[k - 1] in AGO_UNITS:
            lo = k - 2 if k - 2 in sentence else k - 1
            return range(lo, k + 1)
    return None


def after_subject(words: list[str], names: list[bool], clause_start: int, at: int) -> bool:
    """Whether positions *clause_start* .. *at* - 1 of *words* are a clause's subject alone: a
    pronoun, a determiner and up to MAX_NOUN_WORDS other words ("the bar staff"), or a name
    (*names*: written with a capital inside the sentence) of up to two words."""
    subject = words[clause_start:at]
    if len(subject) == 1 and subject[0] in SUBJECT_PRONOUNS:
        return True
    if 1 <= len(subject) <= 2 and all(names[clause_start:at]):
        return True
    return (len(subject) >= 2 and subject[0] in DETERMINERS and len(subject) - 1 <= MAX_NOUN_WORDS
            and not any(w in NOT_NOUNS or w in SUBJECT_PRONOUNS or w in DETERMINERS for w in subject[1:]))


def clause_starts(sentence: range, when: range, punctuated: list[bool]) -> list[int]:
    """Where a clause of *sentence* may start: its first word, the word after its past time *when*,
    and the word after one ending in a comma (*punctuated*)."""
    starts = {sentence.start, when.stop}
    starts.update(k + 1 for k in sentence if punctuated[k])
    return sorted(s for s in starts if s in sentence)


def future_time(words: list[str], sentence: range) -> range | None:
    """Where *sentence* says a time to come: "tomorrow" (with a part of the day after it: "tomorrow
    morning"), or "next" and a time ("next week"), not after a determiner ("the next day" is a time
    within a story told in the past)."""
    for k in sentence:
        if words[k] == "tomorrow":
            return range(k, k + 2 if k + 1 in sentence and words[k + 1] in DAY_PARTS else k + 1)
        if (words[k] == "next" and k + 1 in sentence and words[k + 1] in PAST_AFTER_LAST
                and not (k - 1 in sentence and words[k - 1] in DETERMINERS)):
            return range(k, k + 2)
    return None


def plain_forms(word: str) -> list[str]:
    """The spellings the plain form of *word*, if it is a regular past tense, may have ("painted":
    paint; "baked": bake; "dropped": drop; "carried": carry); none for another word. The caller asks
    the dictionary and the model which is a word said as *word* less its ending."""
    if not word.isalpha() or not word.endswith("ed") or len(word) < 5:
        return []
    stem = word[:-2]
    forms = [stem, word[:-1]]
    if word.endswith("ied"):
        forms = [word[:-3] + "y"]
    elif len(stem) > 2 and stem[-1] == stem[-2]:
        forms.insert(0, stem[:-1])
    return forms


def plain_verbs_in_past(tokens: list[Token], words: list[str], position: dict[int, int],
                        known: Callable[[str], bool]) -> list[tuple[int, list[str]]]:
    """The tokens of a turn that may be a verb's plain form where the sentence's time is past, each
    with the spellings its past form may have (see :func:`past_forms`). *words*: the turn's spoken
    words, lowercase; *position*: where each token's first one is (see
    :func:`editor.hearing.context.spoken_words`); *known*: whether the model has a word (a regular
    past tense further on is one whose plain form it has, see :func:`finite_verb_follows`). The
    caller asks the dictionary and the model which past form is a word."""
    return _verbs_after_subject(tokens, words, position, past_time, past_forms, known)


def past_verbs_in_future(tokens: list[Token], words: list[str], position: dict[int, int],
                         known: Callable[[str], bool]) -> list[tuple[int, list[str]]]:
    """The mirror of :func:`plain_verbs_in_past`: the tokens that may be a regular past tense where
    the sentence's time is to come ("Tomorrow we painted the fence": paint), each with the spellings
    its plain form may have (see :func:`plain_forms`).

    The same slip the other way: the t or d the recognizer hears after the plain form is the next
    word's start run into it, or the release of its last stop, and its model finds either form as
    likely; the sentence's time, words before, says which one was said."""
    return _verbs_after_subject(tokens, words, position, future_time, plain_forms, known)


def _verbs_after_subject(tokens: list[Token], words: list[str], position: dict[int, int],
                         time_of: Callable[[list[str], range], range | None],
                         forms_of: Callable[[str], list[str]],
                         known: Callable[[str], bool]) -> list[tuple[int, list[str]]]:
    """The tokens right after a clause's subject in a sentence whose time *time_of* finds, each with
    the other forms *forms_of* gives it (those with any)."""
    count = len(words)
    ends, punctuated, names = [False] * count, [False] * count, [False] * count
    token_at = {}
    for i, token in enumerate(tokens):
        if not token.spoken:
            continue
        first, last = position[i], position[i] + len(token.spoken) - 1
        token_at[first] = i
        ends[last] = bool(_SENTENCE_END.search(token.text))
        punctuated[last] = bool(_CLAUSE_END.search(token.text))
        names[first] = token.text[:1].isupper()
    found = []
    for sentence in sentences(words, ends):
        when = time_of(words, sentence)
        if when is None:
            continue
        capitals = [names[k] and k != sentence.start and k not in when for k in range(count)]
        for start in clause_starts(sentence, when, punctuated):
            for at in range(start + 1, min(sentence.stop, start + MAX_NOUN_WORDS + 2)):
                verb = token_at.get(at)
                if at in when or verb is None or len(tokens[verb].spoken) != 1 or capitals[at]:
                    continue
                if any(k in when or punctuated[k] for k in range(start, at)):
                    break
                pronoun = words[start] in SUBJECT_PRONOUNS
                noun = finite_verb_follows(words, at, range(at + 1, sentence.stop), punctuated, known, pronoun)
                if after_subject(words, capitals, start, at) and words[at] not in NOT_NOUNS and not noun:
                    forms = forms_of(words[at])
                    if forms:
                        found.append((verb, forms))
                if words[at] in FINITE_AFTER_SUBJECT or past_tense(words[at], known):
                    break       # the clause's verb: what follows it is no subject ("the wall gave way")
    return found


def past_tense(word: str, known: Callable[[str], bool]) -> bool:
    """Whether *word* is a verb's past tense: a common irregular one ("gave"), or a regular one whose
    plain form the model has (*known*: "snapped", "flooded"; not "hundred"), or one of OTHER_PASTS
    ("went", "cost")."""
    return word in _PASTS or word in OTHER_PASTS or any(known(form) for form in plain_forms(word))


def finite_verb_follows(words: list[str], at: int, rest: range, punctuated: list[bool],
                        known: Callable[[str], bool], after_pronoun: bool) -> bool:
    """Whether a finite verb follows position *at* of *words* in its clause (*rest*: the positions after
    it in its sentence; *punctuated*: words a comma or the like closes), right after it or after up
    to MAX_NOUN_WORDS - 1 more nouns: then the word at *at* belongs to the clause's subject, a noun
    ("the school fence post snapped", "the bus station clock stopped"), since a clause's verb is
    not followed by another finite one. A finite verb is an auxiliary (FINITE_AFTER_SUBJECT) or a
    past tense (:func:`past_tense`).

    After a pronoun (*after_pronoun*: "yesterday we climb hills covered in snow") the subject is the
    pronoun alone and the word is its verb: only an auxiliary right after it says otherwise."""
    for k, after in enumerate(rest):
        if k >= MAX_NOUN_WORDS:
            return False
        word = words[after]
        if word in FINITE_AFTER_SUBJECT:
            return True
        if after_pronoun:
            return False
        if past_tense(word, known):
            return True
        if (word in NOT_NOUNS or word in DETERMINERS or word in SUBJECT_PRONOUNS or word in OBJECT_STARTS
                or punctuated[after]):
            return False
    return False


# Determiners of a singular noun: after one of them and a noun, a verb in the present takes an s.
SINGULAR_DETERMINERS = frozenset(("the", "a", "an", "this", "that", "every", "each", "my", "our", "your", "his",
                                  "her", "its", "their"))


def plain_verb(word: str, known: Callable[[str], bool]) -> bool:
    """Whether *word* is a verb's plain form: a common irregular one ("find"), or a word whose
    regular past form the dictionary (*known*) has ("climb": climbed)."""
    return word in IRREGULAR_PASTS or any(known(form) for form in past_forms(word))


# Words that start a verb's object: a determiner or an object pronoun after a word says that word
# is a verb ("find the men"), not the last noun of a compound ("the morning ferry was cancelled").
OBJECT_STARTS = DETERMINERS | {"him", "them", "us", "me"}


def disagrees_after(words: list[str], at: int, word: str, known: Callable[[str], bool]) -> bool:
    """Whether *word* in position *at* of the lowercase *words* would be a plain verb right after a
    singular subject and before its object: "he", "she", "it", or a singular determiner and one noun
    not ending in s at the turn's start ("the court find the men"). A present verb there takes an
    s, and a past one is not its plain form, so English has no sentence with the plain form there."""
    if not plain_verb(word, known) or word in _PASTS or at + 1 >= len(words) or words[at + 1] not in OBJECT_STARTS:
        return False
    if at >= 1 and words[at - 1] in ("he", "she", "it") and (at == 1 or words[at - 2] in ("and", "but")):
        return True
    if at != 2 or words[0] not in SINGULAR_DETERMINERS:
        return False
    noun = words[1]
    return (noun.isalpha() and not noun.endswith("s") and noun not in NOT_NOUNS and noun not in SUBJECT_PRONOUNS
            and noun not in DETERMINERS)
