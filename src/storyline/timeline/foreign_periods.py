"""Foreign expressions that dateparser's search leaves out: "last month", "next week" and
"this year" in French, German, Spanish and Russian ("le mois dernier", "im vergangenen
Monat", "la próxima semana", "на следующей неделе"), Russian months and weekdays in the
cases it does not read ("в сентябре", "до вторника"), and the first day of a range whose
month is written once ("du 23 au 25 mars": the search finds only "25 mars").

They resolve as English's do: a week is dated by the month of its middle day, a month or a
year by itself; without a publication date they stay unresolved, with the reason.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..model import Granularity
from .foreign_ahead import looks_ahead
from .shifts import span_month
from .weekdays import DateMention

__all__ = ["periods", "range_starts"]

_LAST, _THIS, _NEXT = -1, 0, 1
# (pattern, step); the unit is the named group "unit", one of the language's words below.
_PERIODS: dict[str, tuple[tuple[re.Pattern[str], int], ...]] = {
    "fr": (
        (re.compile(r"\b(?:le|la|l['’])\s*(?P<unit>mois|semaine|année|an)\s+(?:dernier|dernière"
                    r"|passée?)\b", re.I), _LAST),
        (re.compile(r"\b(?:le|la|l['’])\s*(?P<unit>mois|semaine|année|an)\s+prochaine?\b", re.I),
         _NEXT),
        (re.compile(r"\b(?:cette|ce)\s+(?P<unit>semaine|année|mois)(?:-ci)?\b", re.I), _THIS),
    ),
    "de": (
        (re.compile(r"\b(?:vergangenen|letzten|vorigen|vergangene|letzte|vorige)\s+"
                    r"(?P<unit>Monat|Woche|Jahr|Jahres|Monats)\b", re.I), _LAST),
        (re.compile(r"\b(?:nächsten|kommenden|nächste|kommende)\s+"
                    r"(?P<unit>Monat|Woche|Jahr|Jahres|Monats)\b", re.I), _NEXT),
        (re.compile(r"\b(?:diese[nms]?)\s+(?P<unit>Monat|Woche|Jahr|Jahres|Monats)\b", re.I),
         _THIS),
    ),
    "es": (
        (re.compile(r"(?<!\w)(?:el|la)\s+(?P<unit>mes|semana|año)\s+(?:pasad[oa]|anterior)"
                    r"(?!\w)", re.I), _LAST),
        (re.compile(r"(?<!\w)(?:el|la)\s+(?:próxim[oa]\s+(?P<unit>mes|semana|año)"
                    r"|(?P<unit2>mes|semana|año)\s+(?:próxim[oa]|que viene))(?!\w)", re.I), _NEXT),
        (re.compile(r"(?<!\w)est[ea]\s+(?P<unit>mes|semana|año)(?!\w)", re.I), _THIS),
    ),
    "ru": (
        (re.compile(r"(?<!\w)(?:в|на)\s+прошл(?:ом|ой)\s+(?P<unit>месяце|году|неделе)(?!\w)",
                    re.I), _LAST),
        (re.compile(r"(?<!\w)(?:в|на)\s+следующ(?:ем|ей)\s+(?P<unit>месяце|году|неделе)(?!\w)",
                    re.I), _NEXT),
        (re.compile(r"(?<!\w)(?:в|на)\s+это(?:м|й)\s+(?P<unit>месяце|году|неделе)(?!\w)", re.I),
         _THIS),
    ),
}  # fmt: skip
_UNITS = {"mois": "month", "semaine": "week", "année": "year", "an": "year", "monat": "month",
          "monats": "month", "woche": "week", "jahr": "year", "jahres": "year", "mes": "month",
          "semana": "week", "año": "year", "месяце": "month", "году": "year",
          "неделе": "week"}  # fmt: skip
_RU_MONTHS = ("январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
              "сентябре", "октябре", "ноябре", "декабре")  # fmt: skip
_RU_MONTH = re.compile(rf"(?<!\w)(?:в|во)\s+(?P<name>{'|'.join(_RU_MONTHS)})(?!\w)", re.I)
_RU_WEEKDAYS = ("понедельника", "вторника", "среды", "четверга", "пятницы", "субботы",
                "воскресенья")  # fmt: skip
_RU_UNTIL_WEEKDAY = re.compile(rf"(?<!\w)до\s+(?P<name>{'|'.join(_RU_WEEKDAYS)})(?!\w)", re.I)
_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]")


def periods(sentence: str, published: date | None, code: str) -> list[DateMention]:
    """The mentions of ``sentence`` that dateparser's search does not find (see module)."""
    found: list[DateMention] = []
    for pattern, step in _PERIODS.get(code, ()):
        for match in pattern.finditer(sentence):
            unit = _UNITS[(match["unit"] or match.groupdict().get("unit2") or "").lower()]
            found.append(_period(match, unit, step, published))
    if code == "ru":
        for match in _RU_MONTH.finditer(sentence):
            month = _RU_MONTHS.index(match["name"].lower()) + 1
            ahead = looks_ahead(sentence, _clause(sentence, match), match.start(), code)
            found.append(_month(match, month, ahead, published))
        for match in _RU_UNTIL_WEEKDAY.finditer(sentence):
            weekday = _RU_WEEKDAYS.index(match["name"].lower())
            ahead = looks_ahead(sentence, _clause(sentence, match), match.start("name"), code)
            found.append(_weekday(match, weekday, ahead, published))
    return found


def _mention(match: re.Match[str], day: str | None, granularity: Granularity | None,
             note: str = "") -> DateMention:  # fmt: skip
    if day is None:
        note = f"relative expression '{match.group()}' and no publication date"
    return DateMention(match.start(), match.end(), match.group(), day, granularity, note)


def _clause(sentence: str, match: re.Match[str]) -> tuple[int, int]:
    before = [m.end() for m in _CLAUSE_END.finditer(sentence, 0, match.start())]
    after = _CLAUSE_END.search(sentence, match.end())
    return before[-1] if before else 0, after.start() if after else len(sentence)


def _period(match: re.Match[str], unit: str, step: int, published: date | None) -> DateMention:
    if published is None:
        return _mention(match, None, None)
    if unit == "year":
        return _mention(match, f"{published.year + step:04d}", "year")
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return _mention(match, f"{index // 12:04d}-{index % 12 + 1:02d}", "month")
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
    return _mention(match, *span_month(monday, monday + timedelta(days=6)))


def _month(match: re.Match[str], month: int, ahead: bool, published: date | None) -> DateMention:
    """A month without a year: the next such month (this one included) in a clause that looks
    ahead, else the latest one on or before publication."""
    if published is None:
        return _mention(match, None, None)
    if ahead:
        year = published.year + (month < published.month)
    else:
        year = published.year - (month > published.month)
    return _mention(match, f"{year:04d}-{month:02d}", "month")


def _weekday(match: re.Match[str], weekday: int, ahead: bool,
             published: date | None) -> DateMention:  # fmt: skip
    """ "до вторника" (until Tuesday): the next such day unless the clause is in the past."""
    if published is None:
        return _mention(match, None, None)
    if ahead:
        day = published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    else:
        day = published - timedelta(days=(published.weekday() - weekday) % 7)
    return _mention(match, day.isoformat(), "day")


# "du 23 au 25 mars", "vom 23. bis 25. März", "del 23 al 25 de marzo", "с 23 по 25 марта": the
# range up to the day the search found (its day number is the "end" group).
_RANGES = {
    "fr": re.compile(r"\bdu\s+(?P<d>\d{1,2})(?:er)?\s+au\s+(?P<end>\d)"),
    "de": re.compile(r"\bvom\s+(?P<d>\d{1,2})\.?\s*(?:bis(?:\s+zum)?|-)\s*(?P<end>\d)"),
    "es": re.compile(r"(?<!\w)del\s+(?P<d>\d{1,2})\s+al\s+(?P<end>\d)"),
    "ru": re.compile(r"(?<!\w)с\s+(?P<d>\d{1,2})\s+по\s+(?P<end>\d)"),
}


def range_starts(sentence: str, mentions: list[DateMention], code: str) -> list[DateMention]:
    """A day found at the end of a range whose month is written once is the range, dated at
    its start (as in English), the end kept in the note; a start day above the end's is in
    the month before ("du 28 au 2 mars")."""
    pattern = _RANGES.get(code)
    if pattern is None:
        return mentions
    ranged = []
    for mention in mentions:
        found = next(
            (m for m in pattern.finditer(sentence) if m.start("end") == mention.start), None
        )
        if found is None or mention.granularity != "day" or mention.date is None:
            ranged.append(mention)
            continue
        end = date.fromisoformat(mention.date)
        first = int(found["d"])
        try:
            start = (end.replace(day=1) - timedelta(days=1) if first > end.day else end).replace(
                day=first
            )
        except ValueError:
            ranged.append(mention)
            continue
        text = sentence[found.start() : mention.end]
        note = f"range until {end.isoformat()}"
        ranged.append(replace(mention, start=found.start(), expression=text,
                              date=start.isoformat(), note=note))  # fmt: skip
    return ranged
