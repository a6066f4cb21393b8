"""When an HTML page was first published, read from the places pages say it.

htmldate finds a day; pages often say more, and say it in more places than ``<meta>``:
``<time datetime>`` in the byline, JSON-LD ``datePublished`` (AMP pages), ``dc.date``, or
a byline that reads "Published 11:30 p.m. EST, Monday March 9, 2026". The time and its UTC
offset matter: which of two copies came first decides which is named the original, and
"23:30-05:00" is the next day in UTC. An update is not a publication: "Updated" and
"modified" stamps are never taken for one, so a page revised the next day keeps its day.

Candidates, most trusted first: a publication meta tag; JSON-LD ``datePublished``; a
``<time>`` marked as the publication (``itemprop``, ``pubdate``, a class naming it, or
"Published" just before it); "Published <date>" in the byline text; an unmarked ``<time>``
in the byline or header. Comments, related-story lists and asides are not read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from lxml.html import HtmlElement

from .dates import parse_published, published_instant

_PUBLISHED_META = frozenset(
    {
        "article:published_time",
        "og:published_time",
        "datepublished",
        "publishdate",
        "pubdate",
        "dc.date.issued",
        "dc.date",
        "dcterms.issued",
        "dcterms.created",
        "dc.date.created",
        "parsely-pub-date",
        "sailthru.date",
        "article.published",
    }
)
_PLAIN_DATE_META = frozenset({"date"})
_UPDATE = re.compile(r"updat|modif|revis|edited", re.I)
_PUBLISH = re.compile(r"publish|posted|pubdate|date-?pub|created", re.I)
# Where a byline's stamp lives, and where other stamps (readers', other stories') live.
_BYLINE = re.compile(r"byline|dateline|timestamp|article-?(?:date|meta|info)|^meta$|header", re.I)
_ELSEWHERE = re.compile(
    r"comment|respon|repl(?:y|ies)|related|recommend|aside|sidebar|footer", re.I
)
_ELSEWHERE_TAGS = frozenset({"aside", "footer", "nav"})
_SAID_BEFORE = 40  # characters of text before a <time> that may say what it is
_PUBLISHED_TEXT = re.compile(
    r"\b(?:first\s+)?(?:published|posted)(?:\s+on)?\s*:?\s+"
    r"(?P<when>[^|\u00b7\u2022\n]{6,60}?)\s*(?=$|[|\u00b7\u2022\n]|\b(?:updated|modified)\b)",
    re.I,
)
_MAX_JSON = 200_000  # characters of one JSON-LD block read; a huge one is not metadata
_LIVE = re.compile(r"\blive(?:\s(?:updates?|blog|coverage|report))?\b|\bas it happened\b", re.I)
_LIVE_ENTRIES = 3


def page_published(tree: HtmlElement) -> str | None:
    """The page's own publication date (ISO, with time and offset when it gives them).

    The stamps of readers' comments and other stories are taken off the tree, so htmldate,
    which reads it next, does not take one of them either."""
    for element in list(tree.iter("time")):
        if _elsewhere(element):
            element.attrib.pop("datetime", None)
    return _live_update(tree) or next(_candidates(tree), None)


def _live_update(tree: HtmlElement) -> str | None:
    """A live page's latest entry: its text as saved is that of its last update, so that is
    when it was published (dated by its first entry, a blog that quotes the day's reports
    would come before all of them). A page is live when it says so (JSON-LD
    ``LiveBlogPosting``, or "live" in its title) and stamps at least ``_LIVE_ENTRIES`` entries."""
    if not _says_live(tree):
        return None
    stamps = [s for t in tree.iter("time") if not _elsewhere(t) and (s := _stamp(t))]
    moments = [(at, stamp) for stamp in stamps if (at := published_instant(stamp)) is not None]
    if len({at for at, _ in moments}) < _LIVE_ENTRIES:
        return None
    return max(moments)[1]


def _says_live(tree: HtmlElement) -> bool:
    for script in tree.iter("script"):
        kind = (script.get("type") or "").lower()
        if kind == "application/ld+json" and "LiveBlogPosting" in (script.text or "")[:_MAX_JSON]:
            return True
    titles = [m.get("content") or "" for m in tree.iter("meta") if _is_title(m)]
    titles += [t.text_content() for t in tree.iter("title")]
    return any(_LIVE.search(title) for title in titles)


def _is_title(meta: HtmlElement) -> bool:
    return (meta.get("property") or meta.get("name") or "").lower() in ("og:title", "title")


def _candidates(tree: HtmlElement) -> Iterator[str]:
    yield from _metas(tree)
    yield from _json_ld(tree)
    times = [t for t in tree.iter("time") if not _elsewhere(t)]
    yield from (stamp for t in times if _marked(t) == "published" and (stamp := _stamp(t)))
    yield from _byline_text(tree)
    yield from (
        stamp for t in times if _marked(t) is None and _in_byline(t) and (stamp := _stamp(t))
    )
    # A plain <meta name="date">, last: htmldate reads it as the publication too, but only
    # to the day, so a page that gives no other stamp lost its time (a content farm's
    # "2026-11-15T05:40:00Z" became "2026-11-15", and could not be ordered against the
    # copies of the same day; a QA pass as a fact-checker, session 22).
    yield from _metas(tree, _PLAIN_DATE_META)


def _metas(tree: HtmlElement, keys: frozenset[str] = _PUBLISHED_META) -> Iterator[str]:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in keys and (found := parse_published(meta.get("content") or "")):
            yield found


def _json_ld(tree: HtmlElement) -> Iterator[str]:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        text = script.text or ""
        if len(text) > _MAX_JSON:
            continue
        try:
            data = json.loads(text)
        except ValueError:
            continue
        for value in _json_values(data, "datePublished"):
            if found := parse_published(value):
                yield found


def _json_values(data: object, key: str, depth: int = 0) -> Iterator[str]:
    """Every string under ``key`` in nested JSON-LD (``@graph`` lists, nested objects)."""
    if depth > 6:
        return
    if isinstance(data, dict):
        value = data.get(key)
        if isinstance(value, str):
            yield value
        for item in data.values():
            if isinstance(item, dict | list):
                yield from _json_values(item, key, depth + 1)
    elif isinstance(data, list):
        for item in data:
            yield from _json_values(item, key, depth + 1)


def _stamp(element: HtmlElement) -> str | None:
    return parse_published(element.get("datetime") or "") or parse_published(
        " ".join(element.text_content().split())
    )


def _marked(element: HtmlElement) -> str | None:
    """ "published" or "updated" when the element or the words before it say which."""
    marks = " ".join(
        element.get(name) or "" for name in ("class", "itemprop", "id", "name", "data-type")
    )
    if element.get("pubdate") is not None:
        marks += " pubdate"
    said = _text_before(element)
    for text in (marks, said):
        if _UPDATE.search(text):
            return "updated"
        if _PUBLISH.search(text):
            return "published"
    return None


def _text_before(element: HtmlElement) -> str:
    """The words just before ``element``: after its previous sibling, else its parent's
    opening text ("Updated <time> first published <time>": the second is the publication)."""
    previous = element.getprevious()
    if previous is not None:
        return (previous.tail or "")[-_SAID_BEFORE:]
    parent = element.getparent()
    return ((parent.text or "") if parent is not None else "")[-_SAID_BEFORE:]


def _ancestors(element: HtmlElement) -> Iterator[HtmlElement]:
    parent = element.getparent()
    while parent is not None:
        yield parent
        parent = parent.getparent()


def _describes(element: HtmlElement) -> str:
    return f"{element.get('class') or ''} {element.get('id') or ''} {element.get('role') or ''}"


def _elsewhere(element: HtmlElement) -> bool:
    """Inside readers' comments, related stories, an aside or the footer."""
    return any(
        a.tag in _ELSEWHERE_TAGS or _ELSEWHERE.search(_describes(a)) for a in _ancestors(element)
    )


def _in_byline(element: HtmlElement) -> bool:
    return any(a.tag == "header" or _BYLINE.search(_describes(a)) for a in _ancestors(element))


def _byline_text(tree: HtmlElement) -> Iterator[str]:
    """ "Published <date>" in a byline or header block's text."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or _elsewhere(element):
            continue
        if element.tag != "header" and not _BYLINE.search(_describes(element)):
            continue
        text = " ".join(element.text_content().split())
        for match in _PUBLISHED_TEXT.finditer(text[:400]):
            if found := parse_published(match["when"].strip(" ,;:")):
                yield found
