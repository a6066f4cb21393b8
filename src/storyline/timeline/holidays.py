"""Holidays named instead of their date: "on Christmas Day", "New Year's Eve", "on Easter
Sunday". Read like a day and month without a year ("December 25"), so the clause's tense
says which year; a feast that moves is found in each year by its rule (Western Easter by the
Gregorian computus, Good Friday and Easter Monday from it). Feasts whose day depends on the
country (Thanksgiving: October in Canada, November in the United States), on another
calendar (Orthodox Easter, Eid, Passover) or on a moon sighting are left undated."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

__all__ = ["P_HOLIDAY", "feast_day", "names_a_holiday"]

_APOSTROPHE = "['\u2019]"
# After a preposition that makes it a point in time ("on Christmas Day", "since New Year's
# Eve"), not a name that qualifies a thing ("the Boxing Day tsunami", "Halloween masks",
# "spent on Christmas gifts"); "Christmas" alone only with a time of day ("on Christmas
# morning": "until Christmas" is the season, "views on Christmas" the feast). A year may
# follow: "on Boxing Day, 2004".
P_HOLIDAY = re.compile(
    r"\b(?:(?:[Oo]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore|[Aa]fter)\s+(?P<feast>Christmas\s+"
    rf"(?:Day|Eve)|Boxing\s+Day|Hallowe{_APOSTROPHE}?en|New\s+Year{_APOSTROPHE}?s\s+(?:Day|Eve)"
    rf"|(?:St\.?\s+|Saint\s+)?Valentine{_APOSTROPHE}?s\s+Day|Easter\s+(?:Sunday|Monday)"
    r"|Good\s+Friday)|[Oo]n\s+(?P<feast2>Christmas)(?=\s+(?:morning|afternoon|evening|night)\b))"
    r"(?:\s+(?:morning|afternoon|evening|night))?(?:\s*,?\s*(?P<y>(?:1[89]|20)\d{2})\b)?"
    r"(?![\w'\u2019-]|\s+(?:gifts?|presents?|shopping|sales?|part(?:y|ies)|dinners?|lunch|trees?"
    r"|cards?|lights|decorations?|costumes?|masks?|traditions?|spirit|season|holidays?|messages?"
    r"|address|markets?|songs?|carols?|celebrations?|festivities|parades?|specials?|episodes?"
    r"|shows?|films?|movies?|rush|breaks?|weekend|period|truce|bonus(?:es)?|tsunami|storm)\b)"
)

# Keyed by the name in lower case, without apostrophes, "Saint" or "St.".
_DAYS = {
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "halloween": (10, 31),
    "new years day": (1, 1),
    "new years eve": (12, 31),
    "valentines day": (2, 14),
}
# Days after Western Easter Sunday.
_FROM_EASTER = {"easter sunday": 0, "easter monday": 1, "good friday": -2}
_CUES = ("Christmas", "New Year", "Valentine", "Hallowe", "Boxing Day", "Easter", "Good Friday")


def names_a_holiday(sentence: str) -> bool:
    """Whether ``sentence`` could name a holiday of :data:`P_HOLIDAY` (a cheap test first)."""
    return any(cue in sentence for cue in _CUES)


def feast_day(match: re.Match[str]) -> tuple[str, Callable[[int], date]]:
    """The holiday a :data:`P_HOLIDAY` match names, and its day in a given year."""
    written = match["feast"] or match["feast2"]
    name = " ".join(re.sub(r"['\u2019]|^(?:st\.?|saint)\s+", "", written.lower()).split())
    if name in _FROM_EASTER:
        shift = timedelta(days=_FROM_EASTER[name])
        return " ".join(written.split()), lambda year: easter(year) + shift
    month, day = _DAYS[name]
    return " ".join(written.split()), lambda year: date(year, month, day)


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday of ``year``: the anonymous Gregorian computus."""
    golden = year % 19
    century, in_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon_correction = (century - correction + 1) // 3
    epact = (19 * golden + century - leap_centuries - moon_correction + 15) % 30
    leap_years, year_rest = divmod(in_century, 4)
    weekday = (32 + 2 * century_rest + 2 * leap_years - epact - year_rest) % 7
    shift = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)
