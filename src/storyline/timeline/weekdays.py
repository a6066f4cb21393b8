"""Date mentions, and the weekdays that other mentions of their sentence fix.

A bare weekday resolves against the publication date alone (the latest such day on or
before it, in a past-tense clause). Two passes over a sentence's mentions correct that when
the sentence says more: "Tuesday, 12 January" is the date it names, and the weekday that
ends "from Monday to Wednesday" comes after its start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..model import Granularity
from .patterns import WEEKDAYS


@dataclass(frozen=True)
class DateMention:
    """A temporal expression in a sentence and what it resolves to.

    ``start``/``end`` index the sentence. ``date`` is ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``
    per ``granularity``, or None when it cannot be resolved safely; ``note`` says why, or
    flags a resolved but doubtful reading (two-digit year, far future, range end).
    """

    start: int
    end: int
    expression: str
    date: str | None
    granularity: Granularity | None
    note: str = ""


def weekdays_with_dates(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """ "Tuesday, 12 January" is one date: the weekday names the day the date gives, and on
    its own it would resolve to another day (the Tuesday before publication). A weekday that
    does not fall on the date is kept in a note."""
    merged: list[DateMention] = []
    for mention in mentions:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and mention.granularity == "day"
            and mention.date is not None
            and previous.expression.split()[-1].lower() in WEEKDAYS
            and not sentence[previous.end : mention.start].strip(" ,")
        ):
            weekday = previous.expression.split()[-1]
            note = mention.note
            if date.fromisoformat(mention.date).weekday() != WEEKDAYS[weekday.lower()]:
                clash = f"{mention.date} is not a {weekday}"
                note = f"{note}; {clash}" if note else clash
            span = (previous.start, mention.end)
            merged[-1] = DateMention(*span, sentence[slice(*span)], mention.date, "day", note)
            continue
        merged.append(mention)
    return merged


# What joins the two ends of a stretch of days: "from Monday to Wednesday", "Monday night
# into Tuesday", "through Friday"; or two days of a list ("hearings Monday and Tuesday").
_STRETCH = re.compile(r"(?:\bto|\buntil|\btill|\bthrough|\binto|[-\u2013])\s*$")
_LIST = re.compile(r"^\s*(?:,|\band|\bor|&)\s*$")
_INTO = re.compile(r"\s+(?:into|to)\s+")


def _night_into(overnight: DateMention, day: DateMention) -> DateMention:
    """ "Overnight into Monday": the night that ends on the Monday nearest the night the
    publication calls "overnight", not a stretch from it to the next Monday (a Tuesday's
    report of the night into Monday was dated the Monday after)."""
    assert overnight.date is not None
    begun = date.fromisoformat(overnight.date)
    offset = (WEEKDAYS[day.expression.lower()] - begun.weekday() + 3) % 7 - 3
    nearest = (begun + timedelta(days=offset)).isoformat()
    return replace(overnight, date=nearest, note=f"the night into {day.expression}")


def stretch_ends(
    sentence: str, mentions: list[DateMention], published: date | None
) -> list[DateMention]:
    """A bare weekday that ends a stretch begun by an earlier day of the same sentence ("from
    Monday to Wednesday", "overnight into Tuesday"), or that follows one in a list ("hearings
    Monday and Tuesday"), is the first such day after it: on its own it could resolve to a
    day before the start (the Wednesday before publication, when Monday is ahead)."""
    for position in range(1, len(mentions)):
        start, end = mentions[position - 1], mentions[position]
        gap = sentence[start.end : end.start]
        if (
            end.expression.lower() not in WEEKDAYS
            or start.granularity != "day"
            or start.date is None
            or end.date is None
            or len(gap.split()) > 3
        ):
            continue
        if start.expression.lower() == "overnight" and _INTO.fullmatch(gap):
            night = _night_into(start, end)
            mentions[position - 1 : position + 1] = [night, replace(end, date=night.date)]
            continue
        if end.date >= start.date:
            continue
        begun = date.fromisoformat(start.date)
        ahead = (WEEKDAYS[end.expression.lower()] - begun.weekday()) % 7
        if _STRETCH.search(gap):
            ahead, note = ahead or 7, f"the end of a stretch from {start.date}"
        elif _LIST.match(gap) and ahead:
            note = f"listed after {start.date}"
        elif gap.strip() == ",":  # "tomorrow, Friday": one day, named twice
            note = f"the same day as {start.date}"
        else:
            continue
        day = (begun + timedelta(days=ahead)).isoformat()
        if published is not None and day > published.isoformat():
            note += f"; after the publication date {published.isoformat()}"
        mentions[position] = replace(end, date=day, note=note)
    return mentions
