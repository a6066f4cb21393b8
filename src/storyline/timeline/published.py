"""Publication dates stated by an article's own text: explicit datelines only.

Kept apart from the temporal tagger (``temporal.py``), which it uses: the tagger reads dates
in sentences, this reads the one line that says when the article itself appeared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from ..model import Article
from .patterns import DAY, MON
from .temporal import tag_dates

__all__ = ["infer_published", "published_conflict"]

_DATELINE = re.compile(
    rf"^(?:[A-Z][A-Za-z .,'()-]{{0,40}}?[,(]\s*)?(?P<date>{MON}\s+{DAY}\s*,\s*[12]\d{{3}})"
    r"\s*(?:[-:|(/]|\s-|$)"
)
_POSTED = re.compile(
    rf"^(?:Published|Posted|Updated|Date)(?:\s+on)?\s*:?\s*(?P<date>{MON}\s+{DAY}\s*,\s*"
    r"[12]\d{3}|[12]\d{3}-\d{2}-\d{2})\b",
    re.I,
)


def _datelines(article: Article) -> Iterator[str]:
    lines = [line.strip() for line in article.text.split("\n") if line.strip()]
    for line in lines[:3] + lines[-3:]:
        for pattern in (_DATELINE, _POSTED):
            match = pattern.match(line)
            if match:
                mentions = tag_dates(match["date"], None)
                if mentions and mentions[0].granularity == "day" and mentions[0].date:
                    yield mentions[0].date


def infer_published(article: Article) -> str | None:
    """The publication day stated by an explicit dateline ("Jan. 17, 2022 -", "Posted on ...").

    Only the first and last three lines are read, and only full dates with a year count; two
    different datelines make it unsafe, so None. Callers mark the result as "inferred".
    """
    found = sorted(set(_datelines(article)))
    return found[0] if len(found) == 1 else None


def published_conflict(article: Article) -> str:
    """A note when the metadata date and the text's own dateline disagree by over a day."""
    stated = infer_published(article)
    day = article.day
    if stated is None or day is None:
        return ""
    gap = abs((datetime.fromisoformat(stated) - datetime.fromisoformat(day)).days)
    if gap <= 1:
        return ""
    return f"publication date {day} contradicts the dateline {stated} in the text"
