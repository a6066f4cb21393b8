"""Versions of one page: a page updated in place and read twice is one article, not two.

An analyst saves the same url again after a correction, or a feed re-delivers an updated
item. Ids are the input's own or a hash of the content, so the new version gets a new id;
this module finds which stored articles are earlier versions of another, so that the analysis
reads the latest version only. Nothing is deleted: the earlier version stays in the store
(and in search) and is listed with the skipped inputs.

Two articles are versions of one page when

- their urls name the same page once normalised (:func:`page_key`: scheme, ``www.``, host
  case, default port, trailing slash, fragment, tracking parameters and the order of the
  query parameters do not count). The source does not count: two feeds spell one outlet
  differently, and one url is one page whoever delivers it. An empty url, a site's root
  and a section front (a path of plain words only, such as ``/world/europe``) name no single
  article: a feed that gives them for every item would otherwise merge different articles;
- and their texts resemble each other (half the character shingles of the shorter text are
  in the other; with no text, the same title): a url reused for an unrelated article (a
  daily briefing page, a live page turned to another event) stays two articles.

Of two versions, the later is the one published later when both are dated; an updated page
often keeps its first publication date, and then (or when either is undated) it is the one
stored later, that is read later (the order in which :meth:`Store.add_articles` saw them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from .ingest.dates import Instant, published_instant, published_order
from .model import Article, Skipped

# Query parameters that say how a reader came to the page, not which page it is.
_TRACKING = frozenset(
    [
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ocid",
        "cmpid",
        "smid",
        "ref",
        "ref_src",
        "at_medium",
        "at_campaign",
    ]
)
_TRACKING_PREFIXES = ("utm_",)
_DEFAULT_PORTS = {"80", "443"}
_PLAIN_WORD = re.compile(r"[^\W\d_]+")
_SPACE = re.compile(r"\s+")
SHINGLE = 8  # characters: language-neutral (CJK text has no spaces to count words by)
RESEMBLANCE = 0.5
# More distinct records than this under one url make a listing or a feed's own address,
# not one page updated in place (and bound the pairwise comparisons).
MAX_VERSIONS = 30


@dataclass(frozen=True)
class Superseded:
    """An article that a later version of the same page replaces in the analysis."""

    earlier: Article
    current: Article

    def remark(self) -> Skipped:
        """The entry listed with the skipped inputs for the earlier version."""
        current = self.current
        where = f"{current.path}:{current.record}" if current.record else current.path
        named = f"{current.id} ({where})" if where else current.id
        reason = (
            f"an earlier version of {named} at {self.earlier.url}: "
            "superseded, left out of the analysis"
        )
        return Skipped(self.earlier.path, reason, self.earlier.record, self.earlier.id, current.id)


def page_key(url: str) -> str | None:
    """``url`` normalised to name its page, or None when it names no single article."""
    text = url.strip()
    if not text:
        return None
    if "://" not in text and not text.startswith("//"):
        text = "//" + text  # "example.com/a-page": a host without a scheme
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("", "http", "https"):
        return None
    host = (parts.hostname or "").rstrip(".")
    host = host[4:] if host.startswith("www.") else host
    if "." not in host:
        return None
    if port is not None and str(port) not in _DEFAULT_PORTS:
        host = f"{host}:{port}"
    path = parts.path.rstrip("/")
    query = _page_query(parts.query)
    if not query and all(_PLAIN_WORD.fullmatch(part) for part in path.split("/")[1:]):
        return None  # the root ("" splits to no part) or a section front
    return f"{host}{path}?{query}" if query else f"{host}{path}"


def _page_query(query: str) -> str:
    kept = [
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True)
        if key.lower() not in _TRACKING and not key.lower().startswith(_TRACKING_PREFIXES)
    ]
    return urlencode(sorted(kept))


def find_superseded(
    articles: Iterable[Article], stored_order: Callable[[list[str]], Mapping[str, int]]
) -> tuple[Superseded, ...]:
    """The articles of ``articles`` that a later version of their page supersedes, sorted by
    id. ``stored_order`` gives the storing order of the ids it is asked about (asked only
    for articles that share a page with another)."""
    groups = _page_groups(articles)
    if not groups:
        return ()
    order = stored_order(sorted({a.id for group in groups for a in group}))
    found = [item for group in groups for item in _versions(group, order)]
    return tuple(sorted(found, key=lambda item: item.earlier.id))


def _page_groups(articles: Iterable[Article]) -> list[list[Article]]:
    pages: dict[str, dict[str, Article]] = {}
    for article in articles:
        if article.url and (key := page_key(article.url)) is not None:
            pages.setdefault(key, {}).setdefault(article.id, article)
    return [
        list(group.values()) for _, group in sorted(pages.items()) if 1 < len(group) <= MAX_VERSIONS
    ]


def _versions(group: Sequence[Article], order: Mapping[str, int]) -> list[Superseded]:
    """Each article of one page's ``group`` that a later one resembles, with the latest
    version it leads to (a chain v1 -> v2 -> v3 names v3 for both)."""
    dated = all(published_instant(a.published) is not None for a in group)

    def when(article: Article) -> tuple[Instant, int, str]:
        published = published_order(article.published if dated else None)
        return published, order.get(article.id, 0), article.id

    ordered = sorted(group, key=when)
    prints = [_shingles(article) for article in ordered]
    successor: dict[int, int] = {}
    for i, article in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if _resemble((article, prints[i]), (ordered[j], prints[j])):
                successor[i] = j
                break
    result = []
    for i, j in successor.items():
        while j in successor:
            j = successor[j]
        result.append(Superseded(ordered[i], ordered[j]))
    return result


def _shingles(article: Article) -> frozenset[str]:
    text = _SPACE.sub(" ", (article.raw_text or article.text).casefold()).strip()
    return frozenset(text[k : k + SHINGLE] for k in range(len(text) - SHINGLE + 1))


def _resemble(
    first: tuple[Article, frozenset[str]], second: tuple[Article, frozenset[str]]
) -> bool:
    (a, a_prints), (b, b_prints) = first, second
    if not a_prints or not b_prints:
        title = a.title.strip().casefold()
        return bool(title) and title == b.title.strip().casefold()
    small, large = sorted((a_prints, b_prints), key=len)
    return len(small & large) >= RESEMBLANCE * len(small)


__all__ = ["MAX_VERSIONS", "Superseded", "find_superseded", "page_key"]
