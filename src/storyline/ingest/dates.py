"""Publication dates from fields and metadata: ISO 8601 out, never guessed.

Only absolute dates are accepted. Relative phrases ("yesterday", "3 hours ago") and dates
missing a day, month or year are rejected rather than resolved against today's clock, which
would make the same input give different output on different days.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from ..text import normalize

_YEAR_OR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_EPOCH_DIGITS = re.compile(r"^\d{9,13}$")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}\b")
_MAX_DATE_CHARS = 100
# Trying every language dateparser knows costs seconds per miss; these cover most news.
_LANGUAGES = ["en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi"]
_LANGUAGES += ["pl", "cs", "ru", "uk", "tr", "el", "ar", "he", "zh", "ja", "ko"]
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DAY_OF_MONTH": "first",
}


def parse_published(value: object) -> str | None:
    """An ISO 8601 date (``YYYY-MM-DD``), timestamp, month or year, or None when unparseable.

    Accepts ISO strings, Unix epochs (seconds or milliseconds, as numbers or digit strings,
    read as UTC), RFC 2822 dates and absolute dates in words ("23 January 2022", "Jan. 23,
    2022 10:05"). Numeric dates whose day and month could swap (07.04.2031) are rejected.
    A time is kept only when the input has one; the date part alone is never padded.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = " ".join(normalize(str(value)).split())
    if not text or len(text) > _MAX_DATE_CHARS:
        return None
    if _EPOCH_DIGITS.match(text):
        return _from_epoch(float(text))
    return _from_iso(text) or _from_email(text) or _from_words(text)


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    if not 0 < seconds < 4102444800:  # before 2100
        return None
    return datetime.fromtimestamp(int(seconds), tz=UTC).isoformat(timespec="seconds")


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
    """RFC 2822 dates, as in RSS feeds and mail exports ("Tue, 07 Apr 2031 10:00:00 GMT")."""
    try:
        parsed = parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError):
        return None
    return parsed.isoformat(timespec="seconds")


def _from_words(text: str) -> str | None:
    """Dates in words via dateparser: English first (fast), then common news languages."""
    if not _YEAR.search(text):  # a full date needs a year; skips "yesterday" and friends
        return None
    numeric = _NUMERIC.match(text)
    if numeric and numeric.group(1) != numeric.group(2) and max(map(int, numeric.groups())) <= 12:
        return None  # 07.04.2031: April 7 or July 4 depends on the country; do not guess
    import dateparser  # slow to import; most inputs never need it

    try:
        parsed = dateparser.parse(text, languages=["en"], settings=_DATEPARSER_SETTINGS)
        if parsed is None:
            parsed = dateparser.parse(text, languages=_LANGUAGES, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    if not isinstance(parsed, datetime) or not 1 <= parsed.year <= 2100:
        return None
    if _HAS_TIME.search(text):
        return parsed.isoformat(timespec="seconds")
    return parsed.date().isoformat()


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
