"""Edits: a sentence copied with a word changed says something else in that slot.

A copy that changed one phrase ("ferries will run every hour" / "every half hour", "killed" /
"injured", "on Monday" / "on Tuesday") keeps almost every word of its source sentence, so the
word overlap that makes another article's sentence a citation of a claim is near 1, and the
reuse stage aligns it as one verbatim passage with the edit bridged. It states the claim in
every slot but the one it changed, and there it states another thing: it is not cited for
the claim. Where the slot is a figure, a frequency or a day, both versions are shown
("sources differ").

A slot is changed where words that carry a checkable fact are swapped for others that do
(a figure, a unit of time or a day, a negation or a quantifier: "not", "all", "half"; an
outcome of news: "killed" / "injured", "opened" / "closed", "arrested" / "released",
:data:`_OUTCOMES`), and where a word added or dropped inside the sentence turns the sense
of the rest ("every half hour", "will not run", "nearly"). A detail added or dropped ("four
of the city's nine libraries" / "four libraries", "Unity, the first American-made component,
will serve") states more or less of the claim, not another thing.
Other swaps are read as a rewording, and the copy is cited as before: with no thesaurus,
"struck" / "hit" cannot be told from "bridge" / "tunnel", and desks swap synonyms far more
often than they swap facts (the example corpus's reprint of a wire lead, "hit" for
"struck", states it). A different person, place or organisation is :mod:`.names`'s.

Two sentences are compared word by word (case and punctuation aside) only when they are one
sentence edited (:data:`NEAR`); a sentence in other words is judged by the rules of
:mod:`.attribution`. An edit that changes only case, punctuation or a function word ("the" /
"a") changes no slot, nor do words added or dropped at either end (a dateline, "officials
said"): the copy states the claim and more, or a part of it, as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from ..model import Variant
from ..text import CARDINALS, words
from .sentences import Sentence

# Word-sequence similarity (difflib's ratio over case-folded words) from which two
# sentences are one sentence edited: one word changed in a sentence of six is 0.83.
NEAR = 0.7

# Function words that carry a statement's sense: changing one changes what is said.
_SENSE = frozenset(
    re.findall(
        r"\w+",
        "not no nor never none nothing nobody neither without all few many more most less least"
        " several some half once twice before after above below over under only again first"
        " last nearly almost",
    )
)

# What makes a changed slot a figure, a frequency or a day: a digit, a number word, a unit
# of time, a weekday (English, Russian and Ukrainian word starts).
_TIMING = re.compile(
    r"^(?:\d|half|quarter|once|twice|hourly|daily|weekly|monthly|yearly|annual"
    r"|(?:second|minute|hour|day|week|fortnight|month|year)s?$"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|пол|час|минут|секунд|сут|недел|месяц|год|ежедн|ежечас|кажд"
    r"|понедельн|вторник|сред[аыуе]$|четверг|пятниц|суббот|воскресен"
    r"|годин|хвилин|тижн|тиждень|місяц|щодн|щогод"
    r"|понеділ|вівтор|серед[аиу]$|четвер|п.ятниц|субот|неділ)",
    re.IGNORECASE,
)
# Outcomes that news reports and copies alter (English forms; Russian and Ukrainian word
# starts): swapping one for another states another fact.
_OUTCOMES = re.compile(
    r"^(?:kill|dead|die[ds]?$|death|injur|wound|hurt|missing|rescu|evacuat|arrest|detain"
    r"|releas|free[ds]?$|freed|charg|convict|acquit|sentenc|confirm|den(?:y|ie)|approv|reject"
    r"|open|clos|reopen|shut|suspend|resum|cancel|postpon|delay|rose$|risen|fell$|fall"
    r"|increas|decreas|rais|won$|win|lost$|los[et]|destroy|damag|sank|sunk|surviv"
    r"|убит|убив|погиб|ранен|ранил|пострада|задерж|освобо|уничтож|поврежд|разруш|закры|откры"
    r"|вбит|вбив|загин|поранен|затрим|звільн|знищ|пошкодж|зруйн|закри|відкри)",
    re.IGNORECASE,
)
_TURNING = frozenset(
    re.findall(r"\w+", "not no never nor neither none without half nearly almost hardly barely")
)
_NUMBER_WORDS = frozenset(CARDINALS) | {"hundred", "thousand", "million", "billion", "dozen"}


def _keys(text: str) -> tuple[str, ...]:
    return tuple(word.casefold() for word in words(text))


@functools.lru_cache(maxsize=4096)
def changed_slots(claim: str, other: str) -> tuple[tuple[str, str], ...]:
    """(the claim's words, the other's) for each slot that ``other``, the claim's sentence
    edited, gives otherwise; empty when the two are not one sentence edited or change no
    slot (see the module's docstring)."""
    mine, theirs = words(claim), words(other)
    a, b = _keys(claim), _keys(other)
    if a == b or not a or not b:
        return ()
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.ratio() < NEAR:
        return ()
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace":
            # a fact word swapped for a fact word: a clause put in place of a word that
            # carries none ("completely" / "that broke out before midnight Thursday") adds
            if not (any(map(_factual, a[i1:i2])) and any(map(_factual, b[j1:j2]))):
                continue
        else:
            # added or dropped: only inside the sentence, and a word that turns its sense
            inside = i1 > 0 and i2 < len(a) and j1 > 0 and j2 < len(b)
            if not inside or not any(map(_turns, (*a[i1:i2], *b[j1:j2]))):
                continue
            i1, i2, j1, j2 = i1 - 1, i2 + 1, j1 - 1, j2 + 1  # show the words around it
        found.append((" ".join(mine[i1:i2]), " ".join(theirs[j1:j2])))
    return tuple(found)


def _turns(word: str) -> bool:
    """Whether a word added or dropped turns the sense of the rest: a negation, "half" or a
    hedge ("will not run", "every half hour", "nearly killed"), not a description ("Unity,
    the first American-made component, will serve")."""
    return word in _TURNING or word.endswith("n't")


def _factual(word: str) -> bool:
    """Whether a swapped word carries a checkable fact (see the module's docstring)."""
    return (
        word in _SENSE
        or word in _NUMBER_WORDS
        or _TIMING.match(word) is not None
        or _OUTCOMES.match(word) is not None
    )


def edited(claim: str, other: str) -> bool:
    """Whether ``other`` is the claim's sentence with a slot changed (see
    :func:`changed_slots`): it says something else there, so it does not state the claim."""
    return bool(changed_slots(claim, other))


def timing(phrase: str) -> bool:
    """Whether a changed slot gives a figure, a frequency or a day: a reader wants both
    versions ("every hour" / "every half hour"), as of a disputed figure."""
    keys = _keys(phrase)
    return any(_TIMING.match(word) is not None or word in _NUMBER_WORDS for word in keys)


def edit_variants(
    claim: Sentence, support: Sequence[str], nearby: Iterable[Sentence]
) -> tuple[Variant, ...]:
    """The versions of the claim's first changed slot that gives a figure, a frequency or a
    day, each with the articles giving it: the claim's with ``support``, each edit's with
    the articles (outside ``support``) whose sentence in ``nearby`` makes it."""
    slot = ""
    versions: dict[str, list[str]] = {}
    for other in sorted(nearby, key=lambda s: (s.article_id, s.index)):
        if other.article_id in support or other.article_id == claim.article_id:
            continue
        for mine, theirs in changed_slots(claim.text, other.text):
            if slot and mine != slot:
                continue
            if not slot and not (timing(mine) or timing(theirs)):
                continue
            slot = mine
            ids = versions.setdefault(theirs, [])
            if other.article_id not in ids:
                ids.append(other.article_id)
            break
    if not versions:
        return ()
    versions.setdefault(slot, []).extend(support)
    ordered = sorted(versions.items(), key=lambda v: (sorted(v[1])[0], v[0]))
    return tuple(Variant(text=text, article_ids=tuple(sorted(set(ids)))) for text, ids in ordered)
