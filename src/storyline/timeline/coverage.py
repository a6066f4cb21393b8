"""Background dates: what a story recalls from before its coverage began.

Coverage of the 2009 flu pandemic recalls the pandemics of 1918, 1957 and 1968 in article
after article, so those years are referred to by many voices and would outrank the story's
own days. A date that ends well before the first publication day of the articles is
background: it is still a dated, sourced entry, but it takes a place in the timeline only
after every date within the coverage has had one.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable


def date_end(value: str) -> dt.date | None:
    """The last day a date covers ("1968" -> 1968-12-31, "2009-02" -> 2009-02-28), or None."""
    try:
        parts = [int(part) for part in value.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return dt.date(parts[0], parts[1], parts[2])
    except (ValueError, IndexError):
        return None


def background_dates(dates: Iterable[str], first_day: str | None, days: int | None) -> set[str]:
    """The dates that end more than ``days`` before ``first_day`` (none without either)."""
    if first_day is None or days is None:
        return set()
    cutoff = dt.date.fromisoformat(first_day) - dt.timedelta(days=days)
    return {value for value in dates if (end := date_end(value)) is not None and end < cutoff}
