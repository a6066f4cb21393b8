"""Foreign expressions that dateparser's search leaves out: "last month", "next week" and
"this year" in French, German, Spanish and Russian ("le mois dernier", "im vergangenen
Monat", "la próxima semana", "на следующей неделе"), and Russian months and weekdays in the
cases it does not read ("в сентябре", "до вторника").

They resolve as English's do: a week is dated by the month of its middle day, a month or a
year by itself; without a publication date they stay unresolved, with the reason.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import Granularity
from .foreign_ahead import looks_ahead
from .shifts import span_month
from .weekdays import DateMention

__all__ = ["periods"]

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
