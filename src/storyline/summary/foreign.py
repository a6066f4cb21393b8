"""Figures that an article in another language gives otherwise.

The versions of a disputed figure (:mod:`.disagreement`) are found among sentences that share
the claim's words, so within one language: a Russian report that says "at least twelve
workers were killed, not three" was never set against the English "three workers were
killed". Across languages the words differ; what two sentences of one statement share is
the thing counted, a news concept ("killed", "injured", "evacuation", "arrest": the table of
:mod:`storyline.concepts`), the number, in digits or in words ("twelve", "двенадцати",
:mod:`storyline.crosscues`), and the names.

A sentence of an article in another language states the claim's count when it is the
claim's sentence as the reuse stage aligned it (a ``translation`` relation's sentence pairs:
then any figure that differs between the two is a version), or when one of its clauses
counts the concept the claim counts, it tells of the same happening (the same event
concepts: a bus crash's injured are not a drone strike's), and it names a name the claim
names (:func:`storyline.crosslang.cues` spell names across scripts) or denies the claim's
number ("погибли не менее двенадцати рабочих, а не трое": "not three"). A clause counts a
concept when it holds exactly one counted concept and exactly one number, and counts no
part of a whole ("two children among the injured"); ages and a number right after a
negation count nothing. When the numbers differ, every version is shown, each with the
articles that give it (those in other languages that give the claim's own number too).
Words of a story in one language only are never read here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..concepts import TAG, concept_of
from ..crosscues import number_word
from ..crosslang import anchors, cues
from ..model import Relation, Variant
from .sentences import Sentence

# What a death toll and its kin count: people killed, injured, evacuated, arrested.
COUNTED = frozenset(TAG + key for key in ("killed", "injured", "evacuation", "arrest"))
# What happened: two sentences that count one thing of two happenings are no dispute.
EVENTS = frozenset(
    TAG + key
    for key in ("drone", "missile", "explosion", "shelling", "attack", "fire", "flood", "power-cut")
)
# Where a clause ends: punctuation, or a conjunction that joins two statements ("three were
# killed and eleven taken to hospital"; Russian "а", "и"; Ukrainian "і", "та").
_CLAUSE = re.compile(
    r"[,;:](?=\s)|[()\u00ab\u00bb\u201c\u201d\"]|\s[-\u2013\u2014]\s"
    r"|\s(?:and|but|et|mais|und|aber|y|pero|e|ma|mas|и|а|но|і|та|але)\s",
    re.IGNORECASE,
)
_TOKEN = re.compile(
    r"\d{1,3}(?:[,.\u00a0\u202f ]\d{3}(?!\d))+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
    r"|[^\W\d_]+(?:['\u2019\u02bc][^\W\d_]+)?"
)
_NEGATION_WORDS = "not no non pas nicht kein keine не ні ни não"
_NEGATIONS = frozenset(_NEGATION_WORDS.split())
# Words of a hedge before a number, printed with it ("не менее двенадцати рабочих").
_HEDGES = """at least more than fewer less about around nearly almost over some up to
    не менее более меньше больше около почти свыше до понад близько щонайменше менше більше
    майже au moins plus de environ près mindestens mehr als etwa rund fast über al menos más
    unos cerca"""
_HEDGE_WORDS = frozenset(_HEDGES.split())
# A clause that counts a part of a whole ("two children among the injured", "dont deux
# enfants", "среди них"), and a number right before "of" ("four of the injured", "четверо
# из них").
_PART_WORDS = "among amongst including unter darunter dont parmi incluidos среди серед"
_PARTS = frozenset(_PART_WORDS.split())
_OF = frozenset(["of", "von", "des", "de", "из", "з"])
# Ages, one or several ("19 and 23 years old", "Задержанным 19 и 23 года"): no counts.
_AGES = re.compile(
    r"\d+(?:\s*(?:,|and|et|und|y|e|и|і|та)\s*\d+)*\s+"
    r"(?:years?|ans|jahre|jahren|años|anni|anos|лет|года|год|років|роки|рік)\b",
    re.IGNORECASE,
)
# Scale words: whole words, then stems, the first a word starts with ("1.6 billion", "1,6
# milliard" and "1.600 millones" are one value; "milliard" is read before "million").
_SCALE_WORDS = {"mil": 1e3, "mille": 1e3, "тыс": 1e3, "тис": 1e3, "млн": 1e6, "млрд": 1e9}
_SCALE_STEMS = (
    ("миллиард", 1e9),
    ("мільярд", 1e9),
    ("milliard", 1e9),
    ("miliard", 1e9),
    ("bilh", 1e9),
    ("тысяч", 1e3),
    ("тисяч", 1e3),
    ("миллион", 1e6),
    ("мільйон", 1e6),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("tausend", 1e3),
    ("millón", 1e6),
    ("millon", 1e6),
    ("milion", 1e6),
    ("milhõ", 1e6),
    ("milhã", 1e6),
)


@dataclass(frozen=True)
class Number:
    """A number of a sentence: its value, how it is printed, what its clause counts, and
    whether a negation denies it ("а не трое")."""

    value: float
    phrase: str
    counts: str  # a concept key of :data:`COUNTED`, or ""
    denied: bool = False


@lru_cache(maxsize=4096)
def numbers(text: str, language: str) -> tuple[Number, ...]:
    """The numbers of ``text``, in digits or in ``language``'s words, each with its hedge and
    the word after it, and the concept its clause counts (a clause that holds one number
    and one counted concept, and that counts no part of a whole: "two children among the
    injured", "four of them"). Ages ("19 and 23 years old") are no numbers here."""
    found: list[Number] = []
    for clause in _CLAUSE.split(_AGES.sub(" ", text)):
        tokens = _TOKEN.findall(clause or "")
        lowered = [t.lower() for t in tokens]
        values = [
            (k, _scaled(tokens, k, v))
            for k, t in enumerate(tokens)
            if (v := _value(t, language)) is not None
        ]
        stated = [(k, v) for k, v in values if not k or lowered[k - 1] not in _NEGATIONS]
        counted = {c for t in lowered if (c := concept_of(t)) in COUNTED}
        part = any(t in _PARTS for t in lowered) or any(
            k + 1 < len(tokens) and lowered[k + 1] in _OF for k, _ in stated
        )
        one = len(counted) == 1 and len(stated) == 1 and not part
        concept = next(iter(counted)) if one else ""
        for k, value in values:
            denied = (k, value) not in stated
            found.append(Number(value, _phrase(tokens, k), "" if denied else concept, denied))
    return tuple(found)


def _phrase(tokens: list[str], k: int) -> str:
    """The number at ``k`` with its hedge and the word after it: "не менее двенадцати
    рабочих"."""
    first = k
    while first > max(0, k - 2) and tokens[first - 1].lower() in _HEDGE_WORDS:
        first -= 1
    after = tokens[k + 1 : k + 2] if k + 1 < len(tokens) and tokens[k + 1].isalpha() else []
    return " ".join([*tokens[first : k + 1], *after])


def _value(token: str, language: str) -> float | None:
    if token[0].isdigit():
        digits = re.sub(r"[,.\u00a0\u202f ](?=\d{3}\b)", "", token).replace(",", ".")
        try:
            return float(digits)
        except ValueError:
            return None
    word = number_word(token.lower(), language)
    return float(word) if word else None


def _scaled(tokens: list[str], k: int, value: float) -> float:
    """``value`` times the scale word after it ("1.6 billion", "1,6 milliard", "1.600
    millones" are one value)."""
    after = tokens[k + 1].lower() if k + 1 < len(tokens) else ""
    if after in _SCALE_WORDS:
        return value * _SCALE_WORDS[after]
    for stem, scale in _SCALE_STEMS:
        if after.startswith(stem):
            return value * scale
    return value


# A translation seen from one of its two articles: the other article, and each aligned
# sentence pair as (my start, my end, its start, its end, its text), in the order stored.
Oriented = tuple[str, tuple[tuple[int, int, int, int, str], ...]]


@dataclass(frozen=True)
class Foreign:
    """What the summary knows of a story's languages: each article's language, and the
    sentence pairs the reuse stage aligned across languages (``translation`` passages)."""

    languages: Mapping[str, str]
    relations: Sequence[Relation] = ()

    @cached_property
    def translations(self) -> dict[str, list[Oriented]]:
        """Each article's translations, seen from it (read once: every candidate asks)."""
        found: dict[str, list[Oriented]] = {}
        for relation in self.relations:
            if relation.kind != "translation":
                continue
            ab = tuple(
                (p.a_start, p.a_end, p.b_start, p.b_end, p.b_text) for p in relation.passages
            )
            ba = tuple(
                (p.b_start, p.b_end, p.a_start, p.a_end, p.a_text) for p in relation.passages
            )
            found.setdefault(relation.a, []).append((relation.b, ab))
            found.setdefault(relation.b, []).append((relation.a, ba))
        return found

    @cached_property
    def own_sides(self) -> dict[tuple[str, str, int], str]:
        """(article, its translation, where the translation's side starts) -> the article's
        side of that passage."""
        found: dict[tuple[str, str, int], str] = {}
        for relation in self.relations:
            if relation.kind == "translation":
                for p in relation.passages:
                    found[relation.a, relation.b, p.b_start] = p.a_text
                    found[relation.b, relation.a, p.a_start] = p.b_text
        return found

    def aligned(self, article_id: str, start: int) -> list[tuple[str, str]]:
        """(other article, its sentence) for each translation passage over ``article_id``'s
        text at ``start``."""
        return [(other, text) for other, _, _, text in self.passages(article_id, start)]

    def passages(self, article_id: str, start: int) -> list[tuple[str, int, int, str]]:
        """(other article, start, end, text) of the other side of each translation passage
        over ``article_id``'s text at ``start``."""
        return [
            (other, begins, ends, text)
            for other, pairs in self.translations.get(article_id, ())
            for mine, my_end, begins, ends, text in pairs
            if mine <= start < my_end
        ]


def foreign_variants(
    claim: Sentence,
    where: Mapping[str, int],
    by_article: Mapping[str, Sequence[Sentence]],
    foreign: Foreign,
) -> tuple[Variant, ...]:
    """The versions of a figure of ``claim`` that articles in other languages give
    otherwise; ``where``: the articles that state the claim, and where (see
    :func:`.attribution.support`)."""
    language = foreign.languages.get(claim.article_id, "")
    mine = numbers(claim.text, language)
    if not language or not mine:
        return ()
    versions: dict[float, tuple[str, set[str]]] = {}
    agreeing: dict[float, set[str]] = {}
    for theirs, article_id, aligned, own in _counterparts(
        claim, where, by_article, foreign, language
    ):
        for number, rival in _paired(mine, theirs, aligned, own):
            if number.value == rival.value:
                agreeing.setdefault(number.value, set()).add(article_id)
            else:
                versions.setdefault(number.value, (number.phrase, set(where)))
                versions.setdefault(rival.value, (rival.phrase, set()))[1].add(article_id)
                break
    if not versions:
        return ()
    for value, ids in agreeing.items():
        if value in versions:
            versions[value][1].update(ids)
    ordered = sorted(versions.values(), key=lambda v: (sorted(v[1])[0], v[0]))
    return tuple(Variant(text=p, article_ids=tuple(sorted(ids))) for p, ids in ordered)


def _paired(
    mine: Sequence[Number], theirs: Sequence[Number], aligned: bool, own: Sequence[Number]
) -> list[tuple[Number, Number]]:
    """:func:`_pairs`, or, when that pairs nothing aligned, the pairs of the sentence the
    translation translates (``own``) whose number the claim gives: a claim shorter than that
    sentence ("46 тисяч абонентів") leaves the translation's "three communities" unpaired."""
    pairs = _pairs(mine, theirs, aligned)
    if pairs or not aligned or not own:
        return pairs
    by_value = {number.value: number for number in mine if not number.denied}
    return [
        (by_value[number.value], rival)
        for number, rival in _pairs(own, theirs, aligned)
        if number.value in by_value
    ]


# A sentence that may state the claim: its numbers, its article, whether it is a
# translation's side of a passage, and the numbers of the sentence it translates.
_Counterpart = tuple[tuple[Number, ...], str, bool, tuple[Number, ...]]


def _counterparts(
    claim: Sentence,
    where: Mapping[str, int],
    by_article: Mapping[str, Sequence[Sentence]],
    foreign: Foreign,
    language: str,
) -> list[_Counterpart]:
    """The numbers of each sentence in another language that states the claim's statement,
    its article, whether it is aligned with the claim as a translation (else it shares the
    claim's cues, and only its counted numbers are given), and the numbers of the sentence
    it translates (of an article that states the claim)."""
    found: list[_Counterpart] = []
    aligned: set[str] = set()
    for article_id in sorted(where):
        for other, begins, _, text in foreign.passages(article_id, where[article_id]):
            theirs = foreign.languages.get(other, "")
            if other not in where and theirs and theirs != language:
                own = foreign.own_sides.get((article_id, other, begins), "")
                its = foreign.languages.get(article_id, "") or language
                found.append((numbers(text, theirs), other, True, numbers(own, its)))
                aligned.add(other)
    mine = numbers(claim.text, language)
    counted = {n.counts for n in mine} - {""}
    if not counted:  # most sentences count nothing: no other sentence is read for them
        return found
    values = {n.value for n in mine if n.counts}
    names, events = _names(claim.text, language), _events(claim.text, language)
    for article_id in sorted(by_article):
        theirs = foreign.languages.get(article_id, "")
        if article_id in where or article_id in aligned or not theirs or theirs == language:
            continue
        for sentence in by_article[article_id]:
            found_numbers = numbers(sentence.text, theirs)
            if not counted & {n.counts for n in found_numbers}:
                continue
            if _events(sentence.text, theirs) != events:
                continue  # a bus crash's injured are not a drone strike's
            denies = any(n.denied and n.value in values for n in found_numbers)
            if denies or names & _names(sentence.text, theirs):
                found.append((found_numbers, article_id, False, ()))
    return found


def _names(text: str, language: str) -> frozenset[str]:
    """The names of a sentence: its name anchors, and its names as spelled across scripts."""
    spelled = {k for k in cues(text, language) if k[0] == "~"}
    return frozenset(k for k in anchors(text) if not k[0].isdigit()) | spelled


def _events(text: str, language: str) -> frozenset[str]:
    return cues(text, language) & EVENTS


def _pairs(
    mine: Sequence[Number], theirs: Sequence[Number], aligned: bool
) -> list[tuple[Number, Number]]:
    """The claim's numbers each with the other sentence's number that gives the same thing:
    the one that counts the same concept; or, in two sentences aligned as a translation,
    the one number each gives that the other does not, and the numbers both give."""
    mine = [n for n in mine if not n.denied]
    theirs = [t for t in theirs if not t.denied]
    pairs = [(n, t) for n in mine for t in theirs if n.counts and n.counts == t.counts]
    if pairs or not aligned:
        return pairs
    only_mine = {n.value for n in mine} - {t.value for t in theirs}
    only_theirs = {t.value for t in theirs} - {n.value for n in mine}
    if len(only_mine) == 1 and len(only_theirs) == 1:
        (a,) = [n for n in mine if n.value in only_mine][:1]
        (b,) = [t for t in theirs if t.value in only_theirs][:1]
        return [(a, b)]
    return [(n, t) for n in mine for t in theirs if n.value == t.value]


def figures_differ(
    mine: str, my_language: str, theirs: str, their_language: str, aligned: bool
) -> bool:
    """Whether ``theirs`` gives a figure of ``mine`` otherwise (paired as
    :func:`foreign_variants` pairs them; ``aligned``: the two are a translation's sentence
    pair), or denies one of its numbers ("а не трое")."""
    found = numbers(theirs, their_language)
    mine_numbers = numbers(mine, my_language)
    values = {n.value for n in mine_numbers}
    if any(n.denied and n.value in values for n in found):
        return True
    return any(a.value != b.value for a, b in _pairs(mine_numbers, found, aligned))


def differing_numbers(
    mine: str, my_language: str, theirs: str, their_language: str
) -> tuple[tuple[str, str], ...]:
    """(my phrase, their phrase) for each number of a translation's aligned sentence pair
    that the two sides give otherwise ("46 тисяч" / "64 thousand"), paired as
    :func:`foreign_variants` pairs them."""
    pairs = _pairs(numbers(mine, my_language), numbers(theirs, their_language), True)
    return tuple(
        (a.phrase, b.phrase)
        for a, b in pairs
        if a.value != b.value and not _clock(a.phrase) and not _clock(b.phrase)
    )


# The word after an hour of the clock: "2 p.m." is "14 heures", not another figure.
_CLOCK = "a p am pm h heure heures uhr hora horas ore час часа часов година години годин"
_CLOCK_WORDS = frozenset(_CLOCK.split())


def _clock(phrase: str) -> bool:
    return phrase.split()[-1].lower() in _CLOCK_WORDS
