"""Holidays on a fixed day of the year, named instead of their date: "on Christmas Day",
"New Year's Eve", "Valentine's Day". Read like a day and month without a year ("December
25"), so the clause's tense says which year. Holidays that move (Easter, Thanksgiving, Eid)
are left undated: their day needs a calendar of their own."""

from __future__ import annotations

import re

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
    rf"|(?:St\.?\s+|Saint\s+)?Valentine{_APOSTROPHE}?s\s+Day)|[Oo]n\s+(?P<feast2>Christmas)(?=\s+(?:morning|afternoon|evening|night)\b))"
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
_CUES = ("Christmas", "New Year", "Valentine", "Hallowe", "Boxing Day")


def names_a_holiday(sentence: str) -> bool:
    """Whether ``sentence`` could name a holiday of :data:`P_HOLIDAY` (a cheap test first)."""
    return any(cue in sentence for cue in _CUES)


def feast_day(match: re.Match[str]) -> tuple[int, int]:
    """The month and day of the holiday a :data:`P_HOLIDAY` match names."""
    name = re.sub(r"['\u2019]|^(?:st\.?|saint)\s+", "", (match["feast"] or match["feast2"]).lower())
    return _DAYS[" ".join(name.split())]
