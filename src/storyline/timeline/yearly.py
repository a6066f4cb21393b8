"""A day of the year named without its year ("January 9", "on Christmas Day", "on Easter
Sunday"): which year it is, from the publication date and the way the clause points."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date

from .shifts import Resolved
from .spans import Reference

__all__ = [
    "FAR_AHEAD_DAYS",
    "NEAR_AHEAD_DAYS",
    "make_day",
    "resolve_month_day",
    "resolve_yearly",
]

# A day and month with no year and no tense in its clause: news mostly looks back, but a date
# a few weeks ahead is a schedule ("The election is set for February 22"). On T17, reading
# such dates as the nearest one went wrong from about four months ahead ("his March 31
# announcement", written in October), and was right up to two or three.
NEAR_AHEAD_DAYS = 92
_YEAR_BACK_DAYS = 31  # a past date this close ahead is more likely a dating slip
# A day and month in a clause that looks ahead, but more than this ahead (the same day a
# few weeks before publication): news writes the year of a date so far off. On T17 every
# such reading was the date just past ("will return to the Gulf, his third trip since the
# explosion on April 20", in August), while readings up to nine months ahead were right.
FAR_AHEAD_DAYS = 300

# The day a named day of the year falls on in a given year (None: not that year, February 29).
DayIn = Callable[[int], date | None]


def make_day(year: int, month: int, day: int) -> Resolved:
    try:
        return date(year, month, day).isoformat(), "day", ""
    except ValueError:
        name = calendar.month_name[month] if 1 <= month <= 12 else f"month {month}"
        return None, None, f"impossible date {name} {day}, {year}"


def resolve_month_day(month: int, day: int, reference: Reference) -> Resolved:
    """A month and day without a year (see :func:`resolve_yearly`)."""
    if not 1 <= day <= calendar.monthrange(2000, month)[1]:
        return None, None, f"impossible date {calendar.month_name[month]} {day}"

    def day_in(year: int) -> date | None:
        try:
            return date(year, month, day)
        except ValueError:
            return None

    return resolve_yearly(day_in, f"{calendar.month_name[month]} {day}", reference)


def resolve_yearly(day_in: DayIn, name: str, reference: Reference) -> Resolved:
    """The day ``name`` (``day_in`` gives it in each year) without a year: the year comes from
    publication or article context; near publication, the side the clause's tense points to;
    for a plan told in the past (``reference.nearest``), the nearer of the two; else the past
    unless the day is at most :data:`NEAR_AHEAD_DAYS` ahead."""
    published = reference.published
    if published is None:
        year = reference.year or (reference.context.year if reference.context else None)
        if year is None:
            return None, None, "no year, and no publication date or earlier dated mention"
        origin = "publication year" if reference.year else "an earlier date in the article"
        found = day_in(year)
        if found is None:
            return None, None, f"impossible date {name}, {year}"
        return found.isoformat(), "day", f"year {year} taken from {origin}"
    years = (published.year - 1, published.year, published.year + 1)
    candidates = [found for found in map(day_in, years) if found is not None]
    before = max((c for c in candidates if c <= published), default=None)
    after = min((c for c in candidates if c >= published), default=None)
    if reference.future:
        chosen = after if after is None or (after - published).days <= FAR_AHEAD_DAYS else before
    elif reference.past or after is None:
        chosen = before
    elif before is None:
        chosen = after
    elif reference.nearest:  # a plan told in the past: news names it still ahead or gone by
        chosen = after if after - published <= published - before else before
    else:  # no tense to go by ("due October 10"): ahead only when it is near
        chosen = after if (after - published).days <= NEAR_AHEAD_DAYS else before
    if chosen is None:
        return None, None, f"impossible date {name} near publication"
    return chosen.isoformat(), "day", _year_back_note(chosen, after, published)


def _year_back_note(chosen: date, after: date | None, published: date) -> str:
    """A past-tense date read a year back when the same day this year is only weeks after
    publication: a page updated after its date, or a wrong date; the reader is told."""
    if after is None or chosen >= published or (after - published).days > _YEAR_BACK_DAYS:
        return ""
    gap = (after - published).days
    return (
        f"read as {chosen.year} (past tense); {after.isoformat()} would be "
        f"{gap} day{'' if gap == 1 else 's'} after "
        f"the publication date {published.isoformat()}, which may be wrong"
    )
