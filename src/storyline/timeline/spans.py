"""Calendar spans named from the publication date: "last week", "this year", "the
weekend", "the end of the month"; and what every rule resolves against (:class:`Reference`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..model import Granularity
from .shifts import Resolved, span_month

__all__ = ["Reference", "on_part", "on_period", "on_weekend", "unresolved"]


@dataclass(frozen=True)
class Reference:
    """What a sentence is resolved against."""

    published: date | None
    year: int | None
    future: bool
    context: date | None
    context_granularity: Granularity | None
    past: bool = False
    # A plan told in the past ("was to begin on April 3"): the nearest such day, either side.
    nearest: bool = False


def unresolved(match: re.Match[str], why: str) -> Resolved:
    return None, None, f"relative expression '{match.group()}' and {why}"


def on_period(match: re.Match[str], reference: Reference) -> Resolved:
    """ "Last week", "this month", "next year", "earlier this week": a calendar span from the
    publication date; a week is dated by the month of its middle day."""
    published = reference.published
    unit, modifier = match["unit"].lower(), match["mod"].lower()
    if published is None:
        if unit == "year" and reference.year is not None and modifier in ("this", "earlier this"):
            return f"{reference.year:04d}", "year", ""
        return unresolved(match, "no publication date")
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(modifier, 0)
    if unit == "year":
        return f"{published.year + step:04d}", "year", ""
    if unit == "month":
        index = published.year * 12 + published.month - 1 + step
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month", ""
    monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
    first, last = monday, monday + timedelta(days=6)
    if unit == "weekend":
        first = monday + timedelta(days=5)
    elif modifier == "earlier this":
        last = max(monday, published - timedelta(days=1))
    elif modifier == "later this":
        first = min(last, published + timedelta(days=1))
    return span_month(first, last)


def on_part(match: re.Match[str], reference: Reference) -> Resolved:
    """ "The end of the month", "the start of the year": the month or year of publication;
    a start the clause looks ahead to ("prices could fall by the beginning of the year",
    written in November) is the next one's, the one of publication being past."""
    published = reference.published
    if published is None:
        return unresolved(match, "no publication date")
    step = 1 if reference.future and match["part"].lower() in ("start", "beginning") else 0
    if match["unit"].lower() == "year":
        return f"{published.year + step:04d}", "year", ""
    index = published.year * 12 + published.month - 1 + step
    return f"{index // 12:04d}-{index % 12 + 1:02d}", "month", ""


def on_weekend(match: re.Match[str], reference: Reference) -> Resolved:
    """A weekend without "last" or "next": in a clause that looks ahead the next one (this
    one on a Saturday or Sunday), else the latest one begun on or before publication."""
    published = reference.published
    if published is None:
        return unresolved(match, "no publication date")
    if reference.future:
        saturday = published + timedelta(days=(5 - published.weekday()) % 7)
        saturday -= timedelta(days=7 if published.weekday() == 6 else 0)
    else:
        saturday = published - timedelta(days=(published.weekday() - 5) % 7)
    return span_month(saturday, saturday + timedelta(days=1))
