"""Holidays on a fixed day of the year, named instead of their date: "on Christmas Day",
"New Year's Eve", "Valentine's Day". Read like a day and month without a year ("December
25"), so the clause's tense says which year. Holidays that move (Easter, Thanksgiving, Eid)
are left undated: their day needs a calendar of their own."""

from __future__ import annotations

import re

__all__ = ["P_HOLIDAY", "feast_day", "names_a_holiday"]

_APOSTROPHE = "['\u2019]"
P_HOLIDAY = re.compile(
    r"\b(?:(?P<feast>Christmas\s+(?:Day|Eve)|Boxing\s+Day|Hallowe'?en"
    rf"|New\s+Year{_APOSTROPHE}?s\s+(?:Day|Eve)|(?:St\.?\s+|Saint\s+)?Valentine{_APOSTROPHE}?s\s+Day)"
    # "on Christmas" alone is the day only when nothing follows that it qualifies: "spent on
    # Christmas gifts" is no date.
    r"|(?<=\bon )(?P<feast2>Christmas)(?:\s+(?:morning|afternoon|evening|night))?"
    r"(?![\w'\u2019-]|\s+[a-z]))"
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
