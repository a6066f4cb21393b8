"""Counted shifts: "two days later", "a week after the vote", "three days before the blast
on 17 April", and the month-wide stretches they and other spans of days resolve to.

A shift counts from the article's previous day-precise date unless it names its own event
(then from a date inside the event phrase, if any), or a day named earlier in its own
sentence is nearer ("exploded on April 20 and sank two days later").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..model import Granularity
from .patterns import NUMBER_WORDS, P_LATER
from .weekdays import DateMention

Resolved = tuple[str | None, Granularity | None, str]


_SPAN_NOTE = re.compile(r"(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2}), dated by month")


def span_month(first: date, last: date) -> Resolved:
    """A stretch of days dated by the month holding its middle day (granularity month)."""
    middle = first + (last - first) / 2
    note = f"{first.isoformat()} to {last.isoformat()}, dated by month"
    return f"{middle.year:04d}-{middle.month:02d}", "month", note


def known_span(note: str) -> tuple[str, str] | None:
    """The first and last day of a stretch that :func:`span_month` dated by its month."""
    found = _SPAN_NOTE.search(note)
    return (found[1], found[2]) if found else None


def count(token: str) -> int | None:
    token = token.lower()
    if token.isdigit():
        return int(token)
    parts = [NUMBER_WORDS.get(part) for part in token.split("-")]
    return None if None in parts else sum(part or 0 for part in parts)


def shift(base: date, amount: int, unit: str) -> Resolved:
    if unit == "day":
        return (base + timedelta(days=amount)).isoformat(), "day", ""
    if unit == "week":
        moved = base + timedelta(weeks=amount)
        return span_month(moved - timedelta(days=3), moved + timedelta(days=3))
    if unit == "month":
        index = base.year * 12 + base.month - 1 + amount
        return f"{index // 12:04d}-{index % 12 + 1:02d}", "month", ""
    return f"{base.year + amount:04d}", "year", ""


# What may follow "after" / "before" when the shift counts from the previous date ("a week
# before.", "a few months after that,"): the end of a clause, or a pronoun that ends one.
_NO_EVENT = re.compile(r"\s*(?:$|[^\w\s]|(?:that|this|then)\s*(?:$|[^\w\s]))")
# Between a shift and the date of its event: a few words, no clause break ("three days before
# the disaster on 17 April", "a day after Jackson 's 25 June death").
_EVENT_GAP = re.compile(r"[^,;:.!?()]{0,40}")
_UNIT_NEEDS = {"day": "day", "week": "day", "month": "month", "year": "year"}
_PRECISION = {"day": 3, "month": 2, "year": 1}


def shift_names_event(match: re.Match[str]) -> bool:
    word = (match["dir"] or match["da"] or "").lower()
    return word in ("after", "before") and not _NO_EVENT.match(match.string, match.end())


def counted_in_sentence(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """Counted shifts dated from a date of their own sentence: the one their event phrase
    holds ("three days before the blast on 17 April"), or for "later" / "the next day" the
    last day named before them ("exploded on April 20 and sank two days later"), which is
    nearer than the article's previous date."""
    previous: DateMention | None = None
    for position, mention in enumerate(mentions):
        parts = P_LATER.match(sentence, mention.start)
        if parts is not None and parts.end() == mention.end:
            anchor = (
                _event_date(sentence, mentions, position) if shift_names_event(parts) else previous
            )
            if anchor is not None:
                mentions[position] = _counted_from(mention, parts, anchor)
        if mentions[position].date is not None and mentions[position].granularity == "day":
            previous = mentions[position]
    return mentions


def _event_date(sentence: str, mentions: list[DateMention], position: int) -> DateMention | None:
    """The date in the event phrase that follows a shift, if any."""
    if position + 1 == len(mentions):
        return None
    anchor = mentions[position + 1]
    gap = sentence[mentions[position].end : anchor.start]
    return anchor if anchor.date is not None and _EVENT_GAP.fullmatch(gap) else None


def _counted_from(mention: DateMention, parts: re.Match[str], anchor: DateMention) -> DateMention:
    unit = (parts["unit"] or "day").lower()
    amount = count(parts["n"]) if parts["n"] else 1
    # Weeks or days from a month ("a week after the March blast") are not a day.
    precise = _PRECISION[anchor.granularity or "year"] >= _PRECISION[_UNIT_NEEDS[unit]]
    if amount is None or anchor.date is None or not precise:
        return mention
    word = (parts["dir"] or parts["nd"] or parts["da"]).lower()
    sign = -1 if word in ("earlier", "before", "previous") else 1
    base = date.fromisoformat((anchor.date + "-01-01")[:10])
    day, granularity, _ = shift(base, sign * amount, unit)
    note = f"counted from {anchor.date} ('{anchor.expression}')"
    return replace(mention, date=day, granularity=granularity, note=note)
