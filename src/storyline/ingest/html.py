"""HTML pages (``.html``, ``.htm``): main text and metadata through trafilatura and htmldate.

Everything happens offline on the file's bytes: no url is ever fetched, and scripts are
never run (lxml parses, trafilatura drops ``<script>`` and keeps text only). The date is
the one the page gives as its publication (:mod:`.pagedates`: meta tags, JSON-LD, a
``<time>`` or "Published ..." in the byline; never an update), else htmldate's original
publication date with its extensive (text-guessing) search off. Language is detected from
the text: ``<html lang>`` is too often a template default.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from ..errors import InputError
from ..model import Article, Skipped
from ..text import fold
from .build import make_article
from .decode import SAMPLE_BYTES, decode_bytes, sniff
from .pagedates import page_published
from .titles import tidy_title

MAX_HTML_BYTES = 20_000_000  # trafilatura's own download limit; bigger pages are not articles
NO_MAIN_TEXT = "no main text found in the HTML page"
MIN_MAIN_WORDS = 6  # fewer is navigation or a stub, not an article
MOSTLY_LINKS = "not an article: its text is mostly links (a section front or an index)"
_OWN_WORDS = 40  # words not in links: fewer, beside more in links, is an index page
# Markup inside a title attribute ("og:title" holding "<script>..."): never a headline's words.
_MARKUP = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>|<[^<>]{0,500}>", re.I | re.S)
# Above this size, scripts and styles (not JSON-LD) are cut before parsing: libxml2 refuses a
# text node over 10 MB, and a page that is mostly an inline bundle would give no text at all.
_BIG_PAGE = 1_000_000
_SCRIPTS = re.compile(r"<(script|style)\b(?![^>]*ld\+json)[^>]*>.*?</\1\s*>", re.I | re.S)
# Class or id names of readers' comment sections ("responsive" is a layout class, not one).
_COMMENTS = re.compile(
    r"(?:reader|user|article|story)?[-_]?(?:comments?|responses|replies|discussion)"
    r"(?:[-_](?:list|section|area|thread|container|wrapper))?|disqus_thread"
)
_DATE_PARAMS: dict[str, Any] = {
    "extensive_search": False,
    "original_date": True,
    "max_date": "2099-12-31",
}

# trafilatura logs expected misses (short pages, odd markup) as warnings; without a handler
# Python would print them on stderr. Skips are reported through Skipped instead.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).addHandler(logging.NullHandler())


def read_html(
    data: bytes, path: str, url: str = "", charset: str = ""
) -> Iterator[Article | Skipped]:
    """Yield the article of one HTML page, or one Skipped saying why there is none.

    ``url`` is where the page was fetched (a web archive's record), used instead of the one
    the page names; ``charset`` is the one its HTTP headers declare, which decodes bytes that
    are not UTF-8 before the page's own ``<meta charset>`` is asked."""
    if len(data) > MAX_HTML_BYTES:
        yield Skipped(path, f"HTML page too large to extract ({len(data)} bytes; limit 20 MB)")
        return
    try:
        html = _decoded(data, path, charset)
    except InputError as exc:
        yield Skipped(path, exc.reason)
        return
    try:
        document, published, links = _extract(html, path)
    except InputError as exc:
        yield Skipped(path, exc.reason)
        return
    text = _attr(document, "text")
    if len(text.split()) < MIN_MAIN_WORDS:
        yield Skipped(path, NO_MAIN_TEXT)
        return
    if _mostly_links(text, links):
        yield Skipped(path, MOSTLY_LINKS)
        return
    sitename = " ".join(_MARKUP.sub(" ", _attr(document, "sitename")).split())
    title = tidy_title(_without_title_code(_attr(document, "title"), html), sitename)
    first, _, rest = text.partition("\n")
    body = rest if title and fold(first) == fold(title) and rest.strip() else text
    try:
        yield make_article(
            body,
            path=path,
            raw_text=text,
            title=title,
            url=url or _attr(document, "url"),
            sitename=sitename,
            published=published or _attr(document, "date") or None,
            published_origin="metadata",
        )
    except InputError as exc:
        yield Skipped(path, NO_MAIN_TEXT if exc.reason == "empty text" else exc.reason)


def _decoded(data: bytes, path: str, charset: str) -> str:
    if charset and not sniff(data[:SAMPLE_BYTES], path):
        try:
            data.decode("utf-8")  # a server's default ISO-8859-1 over a UTF-8 page: UTF-8
        except UnicodeDecodeError:
            try:
                return data.decode(charset)
            except (LookupError, UnicodeDecodeError):
                pass  # an unknown or wrong charset: the page's own, then detection
    return decode_bytes(data, path, declared=True)


def _extract(html: str, path: str) -> tuple[object, str | None, set[str]]:
    """trafilatura's document for ``html``, the publication date the page gives and the
    texts of its links (folded)."""
    if len(html) > _BIG_PAGE:
        html = _SCRIPTS.sub("", html)
    tree = load_html(html) if html.strip() else None
    if tree is None:
        raise InputError(path, "empty file" if not html.strip() else "not an HTML page")
    published = page_published(tree)  # before trafilatura, which prunes the tree
    links = {fold(" ".join(link.text_content().split())) for link in tree.iter("a")}
    _drop_comments(tree)
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
    return document, published, links - {""}


def _mostly_links(text: str, links: set[str]) -> bool:
    """Whether most words of ``text`` are in lines that are a link's text, and too few are
    not for an article: a section front or an index of headlines, which trafilatura takes
    for main text when there is no other. A short report above a list of related links
    trafilatura kept has words of its own, and stays."""
    lines = [line for line in text.split("\n") if line.strip()]
    linked = sum(len(line.split()) for line in lines if fold(line) in links)
    unlinked = len(text.split()) - linked
    return linked > unlinked and unlinked < _OWN_WORDS


def _drop_comments(tree: HtmlElement) -> None:
    """Remove readers' comment sections that trafilatura does not know by their name
    (``<div class="responses">``, ``id="reader-comments"``): their text is not the article's,
    and "Vance will walk out by Wednesday, you watch" would be dated and summarised."""
    for element in list(tree.iter()):
        names = f"{element.get('class') or ''} {element.get('id') or ''}".lower().split()
        parent = element.getparent()
        if parent is not None and any(_COMMENTS.fullmatch(name) for name in names):
            parent.remove(element)


# Where trafilatura finds a headline. A "<script>" written in <title> is text (a title holds
# text only), one in <h1> an element whose text it keeps: either way the script's words come
# into the headline with the tags dropped ("... open alert(1)").
_HEADINGS = re.compile(r"<(title|h1)\b[^>]*>(.*?)</\1\s*>", re.I | re.S)
_TITLE_CODE = re.compile(r"<(script|style)\b[^>]*>(.*?)</\1\s*>", re.I | re.S)


def _without_title_code(title: str, html: str) -> str:
    """``title`` without markup, and without the code of any script or style element inside
    the page's ``<title>`` or ``<h1>``: never a headline's words."""
    title = " ".join(title.split())
    for heading in _HEADINGS.finditer(html, 0, _BIG_PAGE):
        for code in _TITLE_CODE.finditer(heading.group(2)):
            inner = " ".join(code.group(2).split())
            if inner:
                title = title.replace(inner, " ")
    return " ".join(_MARKUP.sub(" ", title).split())


def _attr(document: object, name: str) -> str:
    value = getattr(document, name, None) if document is not None else None
    return value if isinstance(value, str) else ""
