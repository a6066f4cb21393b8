"""HTML pages (``.html``, ``.htm``): main text and metadata through trafilatura and htmldate.

Everything happens offline on the file's bytes: no url is ever fetched, and scripts are
never run (lxml parses, trafilatura drops ``<script>`` and keeps text only). The date is
htmldate's original publication date with its extensive (text-guessing) search off; when
the page's metadata also carries a full timestamp for that same day, the timestamp is kept.
Language is detected from the text: ``<html lang>`` is too often a template default.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from ..errors import InputError
from ..model import Article, Skipped
from ..text import fold
from .build import make_article
from .dates import parse_published
from .decode import decode_bytes
from .titles import tidy_title

MAX_HTML_BYTES = 20_000_000  # trafilatura's own download limit; bigger pages are not articles
NO_MAIN_TEXT = "no main text found in the HTML page"
MIN_MAIN_WORDS = 6  # fewer is navigation or a stub, not an article
_DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "max_date": "2099-12-31",
}
_TIMESTAMP_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "publishdate",
    "pubdate",
    "dc.date.issued",
    "parsely-pub-date",
    "sailthru.date",
)

# trafilatura logs expected misses (short pages, odd markup) as warnings; without a handler
# Python would print them on stderr. Skips are reported through Skipped instead.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


def read_html(data: bytes, path: str) -> Iterator[Article | Skipped]:
    """Yield the article of one HTML page, or one Skipped saying why there is none."""
    if len(data) > MAX_HTML_BYTES:
        yield Skipped(path, f"HTML page too large to extract ({len(data)} bytes; limit 20 MB)")
        return
    try:
        html = decode_bytes(data, path, declared=True)
    except InputError as exc:
        yield Skipped(path, exc.reason)
        return
    try:
        document, stamps = _extract(html, path)
    except InputError as exc:
        yield Skipped(path, exc.reason)
        return
    text = _attr(document, "text")
    if len(text.split()) < MIN_MAIN_WORDS:
        yield Skipped(path, NO_MAIN_TEXT)
        return
    sitename = _attr(document, "sitename")
    title = tidy_title(_attr(document, "title"), sitename)
    first, _, rest = text.partition("\n")
    body = rest if title and fold(first) == fold(title) and rest.strip() else text
    try:
        yield make_article(
            body,
            path=path,
            raw_text=text,
            title=title,
            url=_attr(document, "url"),
            sitename=sitename,
            published=_timestamp(_attr(document, "date"), stamps),
            published_origin="metadata",
        )
    except InputError as exc:
        yield Skipped(path, NO_MAIN_TEXT if exc.reason == "empty text" else exc.reason)


def _extract(html: str, path: str) -> tuple[object, list[str]]:
    """trafilatura's document for ``html`` and the page's meta timestamps."""
    tree = load_html(html) if html.strip() else None
    if tree is None:
        raise InputError(path, "empty file" if not html.strip() else "not an HTML page")
    stamps = _meta_timestamps(tree)
    try:
        document = bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # a third-party parser on hostile input: report, never crash
        raise InputError(path, f"HTML extraction failed ({type(exc).__name__})") from exc
    return document, stamps


def _attr(document: object, name: str) -> str:
    value = getattr(document, name, None) if document is not None else None
    return value if isinstance(value, str) else ""


def _meta_timestamps(tree: HtmlElement) -> list[str]:
    """Full timestamps (with a time) from the page's meta tags, in document order."""
    stamps = []
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _TIMESTAMP_KEYS:
            parsed = parse_published(meta.get("content") or "")
            if parsed and "T" in parsed:
                stamps.append(parsed)
    return stamps


def _timestamp(day: str, stamps: list[str]) -> str | None:
    """htmldate's day, refined to a timestamp from the metadata when that falls on the day."""
    if not day:
        return None
    return next((stamp for stamp in stamps if stamp.startswith(day)), day)
