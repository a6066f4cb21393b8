"""Numeric dates in Chinese, Japanese and Korean ("2024年1月9日", "1月9日", "5日"), which
dateparser reads not at all (Chinese) or with a clock time (Japanese)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .temporal import DateMention

__all__ = ["cjk_dates", "day_or_none"]

# The month may be left out ("5日凌晨": the 5th of this month, in Chinese news), but not
# before 間/前/後/后 ("3日間" three days long, "5日前" five days ago).
_CJK_DATE = re.compile(
    r"(?:(?:(?P<year>\d{4})\s?[年년]\s?)?(?P<month>\d{1,2})\s?[月월]\s?)?"
    r"(?<!\d)(?P<day>\d{1,2})\s?[日일](?![間间前後后])"
)


def cjk_dates(sentence: str, published: date | None) -> list[DateMention]:
    """Numeric CJK dates. Without a year, the year puts the day nearest the publication
    date; with neither, the day stays unresolved."""
    from .temporal import DateMention

    mentions = []
    for match in _CJK_DATE.finditer(sentence):
        text = match.group()
        when, note = _cjk_day(match, published)
        mentions.append(
            DateMention(match.start(), match.end(), text, when, "day" if when else None, note)
        )
    return mentions


def _cjk_day(match: re.Match[str], published: date | None) -> tuple[str | None, str]:
    """The ISO day of one numeric CJK date and its note, or None and why not."""
    text, day = match.group(), int(match["day"])
    if match["month"] is None:
        return _day_of_month(text, day, published)
    month = int(match["month"])
    if match["year"] is not None:
        given = day_or_none(int(match["year"]), month, day)
        return (
            (given.isoformat(), "") if given else (None, f"'{text}' is not a day of the calendar")
        )
    if published is None:
        return None, f"'{text}' gives no year and there is no publication date"
    years = range(published.year - 1, published.year + 2)
    days = [d for d in (day_or_none(year, month, day) for year in years) if d]
    if not days:
        return None, f"'{text}' is not a day of the calendar"
    nearest = min(days, key=lambda d: abs((d - published).days))
    return nearest.isoformat(), "year from the publication date"


def _day_of_month(text: str, day: int, published: date | None) -> tuple[str | None, str]:
    """A day named without its month: in the publication's month, or the month before when
    that day is still ahead (a report looks back)."""
    if published is None:
        return None, f"'{text}' gives no month and there is no publication date"
    found = day_or_none(published.year, published.month, day)
    if found is None or found > published + timedelta(days=1):
        last = published.replace(day=1) - timedelta(days=1)
        found = day_or_none(last.year, last.month, day)
    if found is None:
        return None, f"'{text}' is not a day of the calendar"
    return found.isoformat(), "month from the publication date"


def day_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
