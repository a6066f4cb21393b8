"""Disagreement: the same statement given with a different number, hedge, date or name.

A figure is a number with its hedge and unit: "more than 100,000 Russian troops", "an
estimated 100,000 Russian troops", "100,000 troops"; or a calendar date ("January 9",
"10 January"), whose unit is the date itself; or a time of day ("3 a.m.", "15:30 GMT"),
whose unit is its zone as written (:mod:`.clock`). Two sentences of different articles
give the same figure-statement when their units share a word and their contexts share at
least two content words beyond it. Each distinct (hedge, value) is one version (hedges that
are synonyms, "about" and "roughly", are one); when there
is more than one, every version becomes a :class:`Variant` with the articles that use it.
Names (people, places, organisations) are compared slot by slot in :mod:`.names`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Variant
from ..text import CARDINALS
from .clock import ClockTime, clock_times
from .edits import edit_variants
from .names import name_conflict, name_variants, respells
from .sentences import STOP_WORDS, Sentence, content, cosine, stem, tokens

_HEDGES = (
    "more than|less than|fewer than|at least|at most|up to|as many as|as few as|close to|"
    "nearly|almost|about|around|approximately|roughly|over|under|some|an estimated|"
    "estimated|just over|just under|upwards of|well over|no more than|no fewer than"
)
# Hedges that say one thing in other words: a spin that swaps "about 1,200 residents" for
# "roughly 1,200 residents" gives the figure in the same version, not a disputed one.
_SAME_HEDGE = {
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "almost": "nearly",
    "over": "more than",
    "upwards of": "more than",
    "fewer than": "less than",
    "under": "less than",
    "no fewer than": "at least",
    "no more than": "at most",
}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Numbers in words: news style spells out one to nine, and a toll that rises through the day
# ("at least three people" -> "Seven people") must read as one figure in two versions.
_ONES = [word for word, n in CARDINALS.items() if n < 20]
_TENS = [word for word, n in CARDINALS.items() if n >= 20]
_WORD_NUMBER = (
    rf"(?<!-)(?:{'|'.join(_TENS)})(?:-(?:{'|'.join(_ONES[:9])}))?\b"
    rf"|(?<!-)(?<!\bno )(?:{'|'.join(sorted(_ONES, key=len, reverse=True))})\b"
)
# Thousands grouped by a space, a no-break or thin space, or a dot, as French, Russian and
# German write them ("100 000", "100.000"), read as one number, as "100,000" is; a
# decimal comma ("4,75") as a decimal point. Without this "100 000 troops" read as "000
# troops" and "100.000 troops" as 100, and sources that agree were listed as differing.
_GROUPED_NUMBER = (
    r"\$?\d{1,3}(?:[\u00a0\u202f ]\d{3}(?!\d))+(?:,\d+)?|\$?\d{1,3}(?:\.\d{3}(?!\d))+(?:,\d+)?"
)
_DECIMAL_COMMA = re.compile(r"\d+,(?:\d{1,2}|\d{4,})")
_FIGURE = re.compile(
    rf"(?:\b(?P<hedge>{_HEDGES})\s+)?"
    rf"(?<![\w.,$])(?P<number>{_GROUPED_NUMBER}|\$?\d[\d,]*(?:\.\d+)?|{_WORD_NUMBER})"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion))?"
    r"(?:(?P<percent>\s?%|\s+per\s?cent\b|\s+percent\b)|(?P<unit>(?:\s+[A-Za-z][\w'-]*){1,2}))?",
    re.IGNORECASE,
)
_MONTHS = {
    name: n
    for n, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}})\s+(?P<month2>{_MONTH}))\b",
    re.IGNORECASE,
)
DATE_UNIT = frozenset({"<date>"})
# Units that are no word of the sentence: a share ("61 per cent", "33%") and a year.
PERCENT_UNIT = frozenset({"<percent>"})
YEAR_UNIT = frozenset({"<year>"})
# A time of day's unit is "<time>" and its zone as written: only times of one zone compare.
# Units in angle brackets (dates, shares, years, times) are no word of the sentence.
TIME_UNIT_PREFIX = "<time"


def time_unit(zone: str) -> frozenset[str]:
    return frozenset({f"{TIME_UNIT_PREFIX} {zone}>" if zone else f"{TIME_UNIT_PREFIX}>"})


def is_time(figure: Figure) -> bool:
    return any(unit.startswith(TIME_UNIT_PREFIX) for unit in figure.unit)


def _wordless(figure: Figure) -> bool:
    """Whether the figure's unit is no word a restatement must share (see above)."""
    return any(unit.startswith("<") for unit in figure.unit)


# Endings of words that modify the unit after them ("Russian troops", "parliamentary seats").
_ADJECTIVE = ("an", "ish", "ese", "i", "al", "ary", "ic", "ive", "ous", "ern", "ful", "less")
MIN_CONTEXT = 2
CLOSE = 0.6


@dataclass(frozen=True, slots=True)
class Figure:
    """One number in one sentence: its printed phrase, hedge, value and unit stems."""

    phrase: str
    hedge: str
    value: float
    unit: frozenset[str]

    @property
    def version(self) -> tuple[str, float]:
        return (self.hedge, self.value)


def dates(text: str) -> list[Figure]:
    """Calendar days ("Jan. 9", "9 January") as figures whose value is month * 100 + day."""
    found: list[Figure] = []
    for match in _DATE.finditer(text):
        month = _MONTHS[(match.group("month") or match.group("month2")).lower()]
        day = int(match.group("day") or match.group("day2"))
        if 1 <= day <= 31:
            found.append(Figure(match.group(), "", float(month * 100 + day), DATE_UNIT))
    return found


def times(text: str) -> list[Figure]:
    """Times of day ("3 a.m.", "15:30 GMT") as figures whose value is minutes after
    midnight and whose unit is their zone as written."""
    return [_time_figure(clock) for clock in clock_times(text)]


def _time_figure(clock: ClockTime) -> Figure:
    return Figure(clock.phrase, "", float(clock.minutes), time_unit(clock.zone))


def figures(text: str) -> list[Figure]:
    """The dates and times of day of ``text``, then its hedged numbers that carry a unit
    word."""
    return list(_figures(text))


@functools.lru_cache(maxsize=1024)
def _figures(text: str) -> tuple[Figure, ...]:
    """:func:`figures`, cached: a claim's figures are compared with each of its restatements."""
    clocks = clock_times(text)
    found = dates(text) + [_time_figure(clock) for clock in clocks]
    inside = [(m.start(), m.end()) for m in _DATE.finditer(text)]
    inside += [(clock.start, clock.end) for clock in clocks]
    # Dates and times masked, offsets kept: "March 12 300 people" must not read as "12 300
    # people", nor "3:15 p.m." as "15 p".
    masked = text
    for start, end in inside:
        masked = masked[:start] + "#" * (end - start) + masked[end:]
    for match in _FIGURE.finditer(masked):
        if any(start <= match.start("number") < end for start, end in inside):
            continue
        if special := _special(text, match):
            found.append(special)
            continue
        unit_words = (match.group("unit") or "").split()
        unit = frozenset(stem(w) for w in unit_words if w.lower() not in STOP_WORDS)
        if len(unit_words) == 2 and not unit_words[0].lower().endswith(_ADJECTIVE):
            unit_words.pop()  # print "1,500 Kurds", not "1,500 Kurds massed"; keep "Russian troops"
        while unit_words and unit_words[-1].lower() in STOP_WORDS:
            unit_words.pop()  # "100,000 troops on" -> "100,000 troops"
        number = match.group("number").rstrip(",")
        if not unit_words or match.group("number").endswith(","):
            continue
        value = _value(number)
        value *= _SCALE.get((match.group("scale") or "").lower(), 1.0)
        hedge = _hedge(match)
        phrase = text[match.start() : match.start("unit")] + " " + " ".join(unit_words)
        found.append(Figure(" ".join(phrase.split()), hedge, value, unit))
    return tuple(found)


def _hedge(match: re.Match[str]) -> str:
    """The figure's hedge, lower case, one of each set of synonyms ("roughly" is "about")."""
    hedge = " ".join((match.group("hedge") or "").lower().split())
    return _SAME_HEDGE.get(hedge, hedge)


def differing_figures(a_text: str, b_text: str) -> tuple[tuple[str, str], ...]:
    """(a's phrase, b's phrase) for each figure of ``a_text`` that ``b_text``, an aligned
    counterpart, gives for the same unit only in other values: a copy that changed the toll
    ("killing 12 people" / "killed 2 people") reads as a paraphrase otherwise."""
    theirs = _figures(b_text)
    found = []
    for figure in _figures(a_text):
        rivals = [t for t in theirs if figure.unit & t.unit]
        if rivals and all(t.value != figure.value for t in rivals):
            found.append((figure.phrase, rivals[0].phrase))
    return tuple(found)


def swapped_figures(a_text: str, b_text: str) -> bool:
    """Whether each of two sentences that say one thing gives a figure the other does not:
    a rewrite that turned "84 prisoners each" into "94 captives apiece" names its unit in
    other words, so no unit word is shared for :func:`conflicts` to set the two side by
    side, yet it does not state the other's figure."""
    mine = {figure.value for figure in _figures(a_text)}
    theirs = {figure.value for figure in _figures(b_text)}
    return bool(mine - theirs) and bool(theirs - mine)


def _value(number: str) -> float:
    """The value of "1,500", "$3.5" or "twenty-two"."""
    if number[-1].isdigit():
        digits = number.lstrip("$")
        return _plain(digits)
    tens, _, ones = number.lower().partition("-")
    return float(CARDINALS[tens] + (CARDINALS[ones] if ones else 0))


def _plain(digits: str) -> float:
    """ "100,000", "100 000" and "100.000" -> 100000; "4,75" -> 4.75; "3.5" -> 3.5."""
    if re.fullmatch(_GROUPED_NUMBER, digits):  # groups of a space or a dot
        whole, _, fraction = digits.partition(",")
        return float(re.sub(r"\D", "", whole) + "." + (fraction or "0"))
    if _DECIMAL_COMMA.fullmatch(digits):
        return float(digits.replace(",", "."))
    return float(digits.replace(",", ""))


@functools.lru_cache(maxsize=1024)
def _bare(text: str) -> frozenset[float]:
    """The numbers of ``text`` that are a part of a whole named after them: the "four" of
    "four of the city's nine libraries". Not a "340" of "340 crew" (it counts crew), nor the
    "three" of "raising the toll from three" (an earlier toll, which a rival may give)."""
    found = set()
    for match in _FIGURE.finditer(text):
        unit = (match.group("unit") or "").split()
        if not unit or unit[0].lower() != "of" or match.group("percent"):
            continue
        if any(w.lower() not in STOP_WORDS for w in unit):
            continue
        value = _value(match.group("number").rstrip(","))
        found.add(value * _SCALE.get((match.group("scale") or "").lower(), 1.0))
    return frozenset(found)


def _other_part(claim: Sentence, figure: Figure, other: Sentence, theirs: Figure) -> bool:
    """Whether ``theirs`` (in ``other``) and the claim's ``figure`` are two numbers that both
    sentences state, one of them as a bare part of a whole: "four libraries" restates the
    "four" of "four of the city's nine libraries", it does not dispute the nine (nor the
    nine the four)."""
    if theirs.value == figure.value:
        return False
    return theirs.value in _bare(claim.text) or figure.value in _bare(other.text)


def _special(text: str, match: re.Match[str]) -> Figure | None:
    """A share ("61 per cent", "33%") or a year ("in 1997"): figures whose unit is no word."""
    number = match.group("number").rstrip(",")  # "in 1997, officials said"
    if number.startswith("$") or not number[-1].isdigit():
        return None  # a number in words is no year, and "five per cent" is rare in news
    value = _plain(number)
    hedge = _hedge(match)
    if match.group("percent") and not match.group("number").endswith(","):
        phrase = text[match.start() : match.end("percent")].strip()
        return Figure(" ".join(phrase.split()), hedge, value, PERCENT_UNIT)
    if len(number) == 4 and 1800 <= value <= 2100 and not hedge and not match.group("scale"):
        return Figure(number, "", value, YEAR_UNIT)
    return None


def same_statement(claim: Sentence, figure: Figure, other: Sentence, theirs: Figure) -> bool:
    """Whether ``theirs`` in ``other`` restates ``figure`` of ``claim``.

    The same number of the same thing is one fact told twice when a little context agrees;
    a different number must come in a sentence close to the claim as a whole, or two
    different facts ("64 seats" of "122 seats") would pass for a dispute.
    """
    if not figure.unit & theirs.unit:
        return False
    context = (claim.stems & other.stems) - figure.unit - theirs.unit
    context = frozenset(s for s in context if not s.isdigit())
    if figure.value == theirs.value:
        return len(context) >= MIN_CONTEXT
    if len(context) < MIN_CONTEXT:
        return False
    if cosine(claim.stems, other.stems) >= CLOSE:
        return True
    # A lead that runs on past its figure ("..., killing 12 people and injuring 57, and
    # records seen by the Ledger show ...") is far from a rival's as a whole, and close to it
    # up to the end of the clause that gives the figure ("... killed 2 people and injured 7").
    mine, rival = _clause_stems(claim.text, figure.phrase), _clause_stems(other.text, theirs.phrase)
    return cosine(mine, rival) >= CLOSE


# Where a clause ends: a comma, semicolon or colon before a space, or a dash between spaces.
_CLAUSE_END = re.compile(r"[,;:](?=\s)|\s[-\u2013\u2014]\s")


@functools.lru_cache(maxsize=1024)
def _clause_stems(text: str, phrase: str) -> frozenset[str]:
    """The content stems of ``text`` from its start to the end of the clause that gives the
    figure printed as ``phrase`` (the whole text when the phrase is not found as printed)."""
    at = text.find(phrase)
    end = _CLAUSE_END.search(text, at + len(phrase)) if at >= 0 else None
    return content(tokens(text[: end.start() if end else len(text)]))


def conflicts(claim: Sentence, other: Sentence, *, hedges_agree: bool = False) -> bool:
    """True when ``other`` gives one of the claim's figures only in another version, or puts
    another name, whatever it looks like, in one of its name slots: then it does not state
    the claim. With ``hedges_agree``, only another value is a dispute: "around 340
    passengers" and "340 passengers" report one evacuation."""
    theirs = _figures(other.text)
    for figure in _figures(claim.text):
        rivals = [
            t for t in theirs if figure.unit & t.unit and not _other_part(claim, figure, other, t)
        ]
        if hedges_agree:
            disputed = all(t.value != figure.value for t in rivals)
        else:
            disputed = all(t.version != figure.version for t in rivals)
        if rivals and disputed:
            return True
    return name_conflict(claim, other, any_name=True) or respells(claim, other)


def variants(
    claim: Sentence,
    support: Sequence[str],
    by_article: Mapping[str, Sequence[Sentence]],
    nearby: Iterable[Sentence] | None = None,
) -> tuple[Variant, ...]:
    """The versions of the claim's first disputed figure, then of its first disputed name;
    when there are none, those of a figure, frequency or day that a copy of the claim's
    sentence changed in words (see :mod:`.edits`).

    ``nearby`` (optional) is every sentence that may restate the claim closely, in reading
    order; see :func:`~.names.name_variants`.
    """
    close = list(nearby) if nearby is not None else None
    found = figure_variants(claim, support, by_article)
    found += name_variants(claim, support, by_article, close)
    if found or close is None:
        return found
    return edit_variants(claim, support, close)


def figure_variants(
    claim: Sentence,
    support: Sequence[str],
    by_article: Mapping[str, Sequence[Sentence]],
) -> tuple[Variant, ...]:
    """Every version of the claim's first disputed figure, with the articles giving it."""
    if all(article_id in support for article_id in by_article):
        return ()  # every article states the claim: one version
    for figure in _figures(claim.text):
        versions: dict[tuple[str, float], tuple[str, list[str]]] = {}
        for article_id in support:
            versions.setdefault(figure.version, (figure.phrase, []))[1].append(article_id)
        for article_id in sorted(by_article):
            if article_id in support:
                continue
            theirs = _match(claim, figure, by_article[article_id])
            if theirs is not None:
                versions.setdefault(theirs.version, (theirs.phrase, []))[1].append(article_id)
        if len(versions) > 1:
            ordered = sorted(versions.values(), key=lambda v: (sorted(v[1])[0], v[0]))
            return tuple(Variant(text=p, article_ids=tuple(sorted(ids))) for p, ids in ordered)
    return ()


def _match(claim: Sentence, figure: Figure, sentences: Sequence[Sentence]) -> Figure | None:
    """The figure in ``sentences`` that restates the claim's figure, best context first."""
    best: tuple[int, int, Figure] | None = None
    for other in sentences:
        # Cheap set tests first: the regex runs only on sentences that could match.
        if len(claim.stems & other.stems) <= MIN_CONTEXT:
            continue
        if not _wordless(figure) and not figure.unit & other.stems:
            continue
        for theirs in _figures(other.text):
            if _other_part(claim, figure, other, theirs):
                continue
            if same_statement(claim, figure, other, theirs):
                overlap = len(claim.stems & other.stems)
                if best is None or overlap > best[0]:
                    best = (overlap, -other.index, theirs)
    return best[2] if best else None
