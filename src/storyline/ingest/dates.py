"""Publication dates from fields and metadata: ISO 8601 out, never guessed.

Only absolute dates are accepted. Relative phrases ("yesterday", "3 hours ago") and dates
missing a day, month or year are rejected rather than resolved against today's clock, which
would make the same input give different output on different days. For the same reason the
plausible years are a constant range (1800 to 2050), not "up to a year after today": a date
read today must read the same way next year.

:func:`published_instant` turns a stored date into the UTC span it names, which is how
publication times are ordered and compared: as strings, "10:00+02:00" would sort after
"09:00+00:00".
"""

from __future__ import annotations

import math
import re
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from ..text import normalize

EARLIEST_YEAR = 1800
# Tests and examples date their news up to the 2030s; a year after 2050 is a typo or a
# placeholder ("2099-01-01"), not a publication date.
LATEST_YEAR = 2050

_YEAR_OR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
# Year first, then month, then day, whatever the separators: never read day-first.
_YEAR_FIRST = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])")
_NEGATIVE_YEAR = re.compile(r"^-\d")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}(?!\d)")
_MAX_DATE_CHARS = 100
# Epoch times from 1973-03-03 on: seconds have 9 to 11 digits, milliseconds 12 to 14.
# Fewer digits than that are not a news publication time (an 8-digit number is YYYYMMDD).
_EPOCH_SECONDS = (1e8, 1e11)
_EPOCH_MILLIS = (1e11, 1e14)
# Trying every language dateparser knows costs seconds per miss; these cover most news.
_LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi"]
_LANGUAGES += ["pl", "cs", "ru", "uk", "tr", "el", "ar", "he", "zh", "ja", "ko"]
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
}

_UNREADABLE = "not a date that can be read"
AMBIGUOUS = "day and month could be either way round"
_ORDER_HINT = ": --date-order dmy or mdy reads it"
_NO_YEAR = "no year, so not an absolute date"
_BAD_NUMBER = "a number that is neither a Unix time (seconds or milliseconds) nor YYYYMMDD"

# A parse: the ISO text, or None with the reason.
_Parsed = tuple[str | None, str]
# How a numeric date whose day and month could swap (03/04/2025) is read: not at all (""),
# day first ("dmy", as most of the world writes it) or month first ("mdy", the US way).
DateOrder = Literal["", "dmy", "mdy"]
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)")


def parse_published(value: object) -> str | None:
    """An ISO 8601 date (``YYYY-MM-DD``), timestamp, month or year, or None when unparseable.

    Accepts ISO strings, Unix epochs (seconds or milliseconds, as numbers or digit strings,
    read as UTC), ``YYYYMMDD`` numbers, RFC 2822 dates and absolute dates in words ("23
    January 2022", "Jan. 23, 2022 10:05"). Numeric dates whose day and month could swap
    (07.04.2031) are rejected, and a date that starts with its year is read year, month,
    day or not at all. Years outside 1800-2050 are rejected. A time is kept only when the
    input has one; the date part alone is never padded. :func:`read_published` says why.
    """
    return read_published(value)[0]


def read_published(value: object, order: DateOrder = "") -> _Parsed:
    """(the date as :func:`parse_published` gives it, why a given value was not read).

    The reason is "" when the value was read and when none was given (None, blank).
    ``order`` reads a numeric date with a four-digit year last day first or month first,
    as its source is known to write them (a CSV export of one desk); without it, one whose
    day and month could swap is not read.
    """
    if value is None:
        return None, ""
    if isinstance(value, bool):
        return None, _UNREADABLE
    if isinstance(value, int | float):
        return _in_range(_from_number(value))
    text = " ".join(normalize(str(value)).split())
    if not text:
        return None, ""
    if len(text) > _MAX_DATE_CHARS:
        return None, f"too long for a date ({len(text)} characters)"
    if _NEGATIVE_YEAR.match(text):
        return None, "a negative year"
    if text.isdigit() and len(text) >= 8:
        return _in_range(_from_number(int(text)))
    if order and (numeric := _DAY_MONTH_YEAR.match(text)):
        return _in_range(_ordered(text, numeric, order))
    return _in_range(_from_text(text))


def _ordered(text: str, numeric: re.Match[str], order: DateOrder) -> _Parsed:
    """A numeric date read in the given ``order``, as a year-first date with the rest of
    ``text`` (a time) after it; one that does not fit that order is not read."""
    first, _, second, year = numeric.groups()
    day, month = (first, second) if order == "dmy" else (second, first)
    found = _valid_day(year, month, day)
    if found is None:
        written = "day/month/year" if order == "dmy" else "month/day/year"
        return None, f"not a valid {written} date"
    return _from_text(found + text[numeric.end() :])


def _from_number(number: float) -> _Parsed:
    """An 8-digit whole number that is a valid ``YYYYMMDD`` is that day; a 4-digit one in
    the plausible range is a year; else epoch seconds or milliseconds from 1973 on."""
    if not math.isfinite(number):
        return None, _BAD_NUMBER
    whole = int(number) if number == int(number) else None
    if whole is not None and 10_000_000 <= whole < 100_000_000:
        found = _valid_day(str(whole)[:4], str(whole)[4:6], str(whole)[6:])
        return (found, "") if found else (None, _BAD_NUMBER)
    if whole is not None and EARLIEST_YEAR <= whole <= LATEST_YEAR:
        return str(whole), ""
    for (low, high), scale in ((_EPOCH_SECONDS, 1), (_EPOCH_MILLIS, 1000)):
        if low <= number < high:
            moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=int(number / scale))
            return moment.isoformat(timespec="seconds"), ""
    return None, _BAD_NUMBER


def _from_text(text: str) -> _Parsed:
    year_first = _YEAR_FIRST.match(text)
    if year_first:
        day = _valid_day(year_first[1], year_first[3], year_first[4])
        if day is None:
            return None, "not a valid year-month-day date"
        if year_first.end() == len(text):
            return day, ""
        found = _from_iso(text) or _from_iso(f"{day}{text[year_first.end() :]}")
        found = found or _from_words(text)[0]
        # a parser that read other digits as the day would have swapped something
        return (found, "") if found and found[:10] == day else (None, _UNREADABLE)
    found = _from_iso(text) or _from_email(text)
    return (found, "") if found else _from_words(text)


def _in_range(parsed: _Parsed) -> _Parsed:
    found, _ = parsed
    if found is None:
        return parsed
    year = int(found[:4])
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None, f"year {found[:4]} is outside {EARLIEST_YEAR}-{LATEST_YEAR}"
    return parsed


def _from_iso(text: str) -> str | None:
    short = _YEAR_OR_MONTH.match(text)
    if short:
        month = short.group(2)
        return text if month is None or 1 <= int(month) <= 12 else None
    try:
        if len(text) <= 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).isoformat(timespec="seconds")
    except ValueError:
        return None


def _from_email(text: str) -> str | None:
    """RFC 2822 dates, as in RSS feeds and mail exports ("Tue, 07 Apr 2031 10:00:00 GMT").

    Only text shaped like one: the mail parser reads "March 9, 2031 11:30 p.m. EST" as
    11:30 in the morning, with no zone, where the word reader gets 23:30-05:00."""
    if not _EMAIL.match(text):
        return None
    try:
        parsed = parsedate_to_datetime(_email_zone(text))
    except (ValueError, TypeError, IndexError):
        return None
    return parsed.isoformat(timespec="seconds")


_EMAIL = re.compile(r"\s*(?:[A-Za-z]{3},?\s+)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}")
# Zone names that RFC 822 dates carry beyond those it defines (UT, GMT, the US zones), which
# the mail parser reads as no zone at all; ambiguous ones (IST, CST in China) are not listed.
_ZONES = {
    "WET": "+00:00",
    "WEST": "+01:00",
    "BST": "+01:00",
    "CET": "+01:00",
    "CEST": "+02:00",
    "MET": "+01:00",
    "MEST": "+02:00",
    "EET": "+02:00",
    "EEST": "+03:00",
    "MSK": "+03:00",
    "HKT": "+08:00",
    "SGT": "+08:00",
    "JST": "+09:00",
    "KST": "+09:00",
    "AEST": "+10:00",
    "AEDT": "+11:00",
    "NZST": "+12:00",
    "NZDT": "+13:00",
}
_EMAIL_ZONE = re.compile(r"(?<=\s)(?:([+-]\d\d):(\d\d)|([A-Z]{3,4}))$")


def _email_zone(text: str) -> str:
    """``text`` with an offset written ``+01:00`` as ``+0100`` and a zone name the mail
    parser does not know (``CET``) as its offset: either would otherwise be dropped, and the
    time read as UTC."""
    found = _EMAIL_ZONE.search(text)
    if found is None:
        return text
    hours, minutes, name = found.groups()
    offset = f"{hours}{minutes}" if hours else _ZONES.get(name, name).replace(":", "")
    return text[: found.start()] + offset


def _from_words(text: str) -> _Parsed:
    """Dates in words via dateparser: English first (fast), then common news languages."""
    numeric = _NUMERIC.match(text)
    if numeric and numeric.group(1) != numeric.group(2) and max(map(int, numeric.groups())) <= 12:
        # 07.04.2031: April 7 or July 4 depends on the country
        return None, AMBIGUOUS + (_ORDER_HINT if _DAY_MONTH_YEAR.match(text) else "")
    if not _YEAR.search(text):  # a full date needs a year; skips "yesterday" and friends
        return None, _NO_YEAR
    import dateparser  # slow to import; most inputs never need it

    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
        if parsed is None:
            parsed = dateparser.parse(text, languages=_LANGUAGES, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None, _UNREADABLE
    if not isinstance(parsed, datetime):
        return None, _UNREADABLE
    if _HAS_TIME.search(text):
        return parsed.isoformat(timespec="seconds"), ""
    return parsed.date().isoformat(), ""


class Instant(NamedTuple):
    """The UTC span a stored publication date names, in seconds since 0001-01-01T00:00Z:
    ``first`` to ``last`` inclusive. A timestamp is one second (without an offset it is read
    as UTC); a day, month or year covers all of its seconds, in UTC.

    A named tuple, so that sorting a corpus by it compares in C. Instants sort by start,
    then coarser first: the day ``2024-05-06`` sorts before every timestamp of that UTC day,
    even one at 00:00:00Z, and ``2024-05`` before the day; callers break ties by id.
    """

    first: int
    precision: int  # 0 year, 1 month, 2 day, 3 timestamp
    last: int

    def before(self, other: Instant) -> bool:
        """Whether this one ends before ``other`` starts: a day is not before a time on it."""
        return self.last < other.first


# Sorts after every real instant, so that undated articles come last.
UNDATED = Instant(2**62, 4, 2**62)
_DAY = 86_400
_ZERO_TO_EPOCH = 62_135_596_800  # seconds from 0001-01-01 to 1970-01-01, both UTC


@lru_cache(maxsize=1 << 14)
def published_instant(published: str | None) -> Instant | None:
    """The :class:`Instant` of a stored ``published`` value; None when undated or unreadable.

    Stored values are ISO 8601 (what :func:`parse_published` gives): ``YYYY``, ``YYYY-MM``,
    ``YYYY-MM-DD`` or a timestamp, with or without a UTC offset.
    """
    if not published:
        return None
    try:
        if len(published) == 4:
            return _span(int(published), 1, 0)
        if len(published) == 7:
            return _span(int(published[:4]), int(published[5:]), 1)
        if len(published) == 10:
            start = date.fromisoformat(published).toordinal() - 1
            return Instant(start * _DAY, 2, start * _DAY + _DAY - 1)
        moment = datetime.fromisoformat(published)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    second = math.floor(moment.timestamp()) + _ZERO_TO_EPOCH
    return Instant(second, 3, second)


def in_utc(published: str) -> datetime | None:
    """A timestamp that gives its offset, as a moment in UTC; None for a bare day, a time
    without offset or anything unreadable (nothing to convert)."""
    try:
        moment = datetime.fromisoformat(published)
    except ValueError:
        return None
    if moment.tzinfo is None or len(published) <= 10:
        return None
    return moment.astimezone(UTC)


def published_order(published: str | None) -> Instant:
    """:func:`published_instant` as a sort key that puts undated values last."""
    return published_instant(published) or UNDATED


def _span(year: int, month: int, precision: int) -> Instant:
    start = date(year, month, 1)
    end = date(year + 1, 1, 1) if precision == 0 else date(year + month // 12, month % 12 + 1, 1)
    return Instant((start.toordinal() - 1) * _DAY, precision, (end.toordinal() - 1) * _DAY - 1)


# A folder named by a day ("2011-01-25"), a year/month/day folder chain ("2011/01/25"), or a
# file name that starts with a day ("2011-01-25-cairo.txt", "20110125_cairo.txt").
_PATH_DAY = re.compile(r"(?<![\d])(\d{4})([-_]?)(\d{2})\2(\d{2})(?![\d])")
_PATH_CHAIN = re.compile(r"(?:^|/)(\d{4})/(\d{2})/(\d{2})(?=/)")


def path_date(path: str) -> str | None:
    """The publication day that a crawl's folder or file names give, or None.

    The deepest date wins: a file name that starts with a date, then the nearest folder
    named exactly by one, then a year/month/day folder chain. A date elsewhere in a name
    ("report-2011-01-25-v2") and impossible dates ("2011-02-30") do not count.
    """
    parts = path.replace("\\", "/").split("/")
    *folders, name = parts
    named = [_PATH_DAY.match(name), *map(_PATH_DAY.fullmatch, reversed(folders))]
    for match in named:
        day = _valid_day(match[1], match[3], match[4]) if match else None
        if day:
            return day
    chain = list(_PATH_CHAIN.finditer("/".join(folders) + "/"))
    return _valid_day(*chain[-1].groups()) if chain else None


def _valid_day(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None
