"""The publication day that a news page's web address gives.

Most news sites file an article under the day it went out: ``/2010/jun/11/``,
``/2004-12/06/content_397673.htm``, ``/news/20041127/...``, CNN's
``/2011/WORLD/africa/01/28/egypt.protests/``. htmldate reads that for HTML pages; a record
that carries a url and no date is dated the same way, at day granularity only: a url that
names a month ("/2013/05/story") gives no day, and none is made up.

An archive's wrapper (``web.archive.org/web/20051030032711/http://...``) dates the capture,
not the article, so only the address inside it is read. The host name is never read. Two-digit
years ("/041113/") are left alone: which century, and which order, is a guess.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import unquote, urlsplit

from .dates import EARLIEST_YEAR, LATEST_YEAR

_MONTHS = {
    # English, then the Portuguese, Spanish, French and German spellings that differ
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
    "fev": 2, "abr": 4, "mai": 5, "ago": 8, "set": 9, "out": 10, "dez": 12,
    "ene": 1, "dic": 12,
    "janv": 1, "fevr": 2, "mars": 3, "avr": 4, "juin": 6, "juil": 7, "aout": 8, "déc": 12,
    "févr": 2, "août": 8,
    "mär": 3, "maer": 3, "mrz": 3, "okt": 10,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?:19|20)\d\d"

# Most trusted first. A separator on each side keeps a date out of a longer number
# ("1100384525293"), and a day is a day only when nothing but a separator follows it.
_FORMS = (
    # /2004/11/16/, /2004-05/24/, /2010/jun/11/, /2003-07-24-boeing, /2004/11-16Forum.asp
    re.compile(
        rf"(?:^|[/_=-])({_YEAR})[/_-](\d\d?|{_MONTH})[/_-](\d\d(?!\d)|\d(?=[/_.?&-]|$))",
        re.IGNORECASE,
    ),
    # CNN's /2011/WORLD/africa/01/28/: the year, one or two sections, then month and day
    re.compile(rf"(?:^|/)({_YEAR})/(?:[a-z][\w.-]*/){{1,2}}(\d\d)/(\d\d)(?=/)", re.IGNORECASE),
    # /2004/1118/bandaid.html
    re.compile(rf"(?:^|/)({_YEAR})/(\d\d)(\d\d)(?=/)"),
    # /20041127/, _20041206-, /20041203-104803-8209r.htm
    re.compile(rf"(?:^|[/_=-])({_YEAR})(\d\d)(\d\d)(?=[/_.?&-]|$)"),
)
_ARCHIVED = re.compile(r"^/web/\d{1,14}(?:[a-z]{2}_)?/(.+)$")


def url_date(url: str) -> str | None:
    """The ISO day (``YYYY-MM-DD``) that ``url`` files its page under, or None.

    Read the same whatever the day it runs (the output must not change with the clock): a
    year outside the range any date may have is not taken, as for a date field.
    """
    address = _unwrapped(url.strip())
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    if not parts.netloc:
        return None
    where = unquote(parts.path) + ("?" + unquote(parts.query) if parts.query else "")
    for form in _FORMS:
        for match in form.finditer(where):
            day = _day(*match.groups())
            if day is not None and EARLIEST_YEAR <= day.year <= LATEST_YEAR:
                return day.isoformat()
    return None


def _unwrapped(url: str) -> str:
    """The archived address inside a Wayback Machine url, else ``url``."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if parts.netloc.lower().removeprefix("www.") != "web.archive.org":
        return url
    inner = _ARCHIVED.match(parts.path)
    if inner is None:
        return url
    rest = inner[1] + ("?" + parts.query if parts.query else "")
    return _unwrapped(rest if "://" in rest else "http://" + rest)


def _day(year: str, month: str, day: str) -> date | None:
    number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
    if number is None:
        return None
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None
