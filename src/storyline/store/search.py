"""Full-text search: a user's search box text as a safe FTS5 query, and a fallback for CJK text.

FTS5 has its own query language (``AND``, ``NEAR``, ``*``, ``"``, ``col:``); a user typing
``"`` or ``AND OR`` must get results, not a syntax error, and never a way to run other SQL.
Every term is therefore taken as a literal: wrapped in double quotes with inner quotes
doubled. Terms are ANDed, as in a search box, and ``-word`` leaves out what holds it. The
``unicode61`` tokenizer reads a run of CJK characters as a single token, so queries with CJK
are answered by a substring scan instead (linear in the corpus, only for those queries).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import OptionsError
from ..text import has_cjk, normalize, words

Read = Callable[[str, Iterable[Any]], list[Any]]
_FTS_SQL = (
    "SELECT a.seq, a.id, a.title, bm25(articles_fts), length(a.text) "
    "FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid "
    "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), a.seq LIMIT ?"
)
_SNIPPET_SQL = (
    "SELECT snippet(articles_fts, -1, ?, ?, ?, ?) FROM articles_fts "
    "WHERE articles_fts MATCH ? AND rowid = ?"
)
_TEXT_SQL = "SELECT text FROM articles WHERE seq = ?"
# FTS5's snippet() weighs every window around every hit: its time grows with the square of
# the hits in the text (a 400,000-character text repeating the word: 1.2 s; a 30 MB one did
# not return in 5 minutes). A text longer than this gets the window around its first hit.
_FTS_SNIPPET_CHARS = 100_000

# Highlight marks around matched terms in a snippet: plain text, never markup, so a
# renderer escapes the snippet first and may then turn the marks into <mark> tags.
MARK_OPEN = "["
MARK_CLOSE = "]"
ELLIPSIS = "…"
SNIPPET_TOKENS = 12
_SCAN_CONTEXT = 40
_RUN = re.compile(r"[^\W_]+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    """One search result. ``rank`` is FTS5's bm25 score: lower (more negative) is better.
    ``superseded_by`` names the later version of the same page that the last analysis read
    instead of this article (see :mod:`storyline.versions`), else is empty."""

    article_id: str
    title: str
    snippet: str
    rank: float
    superseded_by: str = ""


def query_terms(query: str) -> tuple[list[str], list[str]]:
    """The distinct literal terms of ``query`` to find and those to leave out (a word written
    ``-word``), in order; both empty when it has no word at all."""
    wanted: list[str] = []
    unwanted: list[str] = []
    for token in normalize(query).split():
        excluded = token.startswith("-") and len(token) > 1
        piece = token.lstrip("-") if excluded else token
        found = _RUN.findall(piece) if has_cjk(piece) else words(piece)
        (unwanted if excluded else wanted).extend(term for term in found if term)
    return list(dict.fromkeys(wanted)), list(dict.fromkeys(unwanted))


def fts_query(terms: list[str], excluded: Sequence[str] = ()) -> str:
    """An FTS5 MATCH expression that matches every term literally (implicit AND), and none
    of ``excluded``."""
    query = "(" + " ".join(_literal(term) for term in terms) + ")"
    return " NOT ".join([query, *map(_literal, excluded)])


def _literal(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def needs_scan(terms: list[str]) -> bool:
    """True when a term holds CJK characters, which the FTS5 index cannot find inside a run."""
    return any(has_cjk(term) for term in terms)


def scan_score(title: str, text: str, terms: list[str]) -> int:
    """How often the terms occur (case-insensitively) in title and text; 0 when one is absent."""
    haystack = f"{title}\n{text}".lower()
    counts = [haystack.count(term.lower()) for term in terms]
    return 0 if min(counts, default=0) == 0 else sum(counts)


def scan_snippet(text: str, terms: list[str]) -> str:
    """A window of ``text`` around the first occurrence of a term, the term marked."""
    lowered = text.lower()
    positions = [(lowered.find(t.lower()), t) for t in terms if t.lower() in lowered]
    if not positions:
        return text[: 2 * _SCAN_CONTEXT]
    start, term = min(positions)
    end = start + len(term)
    left = max(0, start - _SCAN_CONTEXT)
    right = min(len(text), end + _SCAN_CONTEXT)
    head = ELLIPSIS if left > 0 else ""
    tail = ELLIPSIS if right < len(text) else ""
    return (
        f"{head}{text[left:start]}{MARK_OPEN}{text[start:end]}{MARK_CLOSE}{text[end:right]}{tail}"
    )


def search(read: Read, query: str, limit: int = 20) -> list[SearchHit]:
    """Articles whose title or text holds every word of ``query``, best first; ``read`` runs
    a query on the store.

    The query is plain words, all of which must be there; a word written ``-word`` must not
    be. FTS5 operators and quotes in it are taken literally. A query with no word to find
    returns no hit.
    """
    if limit < 1:
        raise OptionsError(f"limit must be at least 1, not {limit}")
    terms, excluded = query_terms(query)
    if not terms:
        return []
    if needs_scan([*terms, *excluded]):
        return _scan(read, (terms, excluded), limit)
    match = fts_query(terms, excluded)
    rows = read(_FTS_SQL, (match, limit))
    return [
        SearchHit(i, t, _snippet(read, match, terms, seq, size), float(r))
        for seq, i, t, r, size in rows
    ]


def _snippet(read: Read, match: str, terms: list[str], seq: int, size: int) -> str:
    """FTS5's snippet of one hit, or for a very long text the window around its first hit."""
    if size <= _FTS_SNIPPET_CHARS:
        marks = (MARK_OPEN, MARK_CLOSE, ELLIPSIS, SNIPPET_TOKENS)
        return str(read(_SNIPPET_SQL, (*marks, match, seq))[0][0])
    return scan_snippet(str(read(_TEXT_SQL, (seq,))[0][0]), terms)


def _scan(read: Read, parts: tuple[list[str], list[str]], limit: int) -> list[SearchHit]:
    """Substring search for CJK terms; rank is minus the number of occurrences."""
    terms, excluded = parts
    held = "instr(lower(title || ' ' || text), lower(?))"
    where = " AND ".join([f"{held} > 0"] * len(terms) + [f"{held} = 0"] * len(excluded))
    scored: list[tuple[int, int, str, str, str]] = []
    for seq, article_id, title, text in read(
        f"SELECT seq, id, title, text FROM articles WHERE {where} ORDER BY seq",
        [*terms, *excluded],
    ):
        score = scan_score(title, text, terms)
        if score:
            scored.append((-score, seq, article_id, title, scan_snippet(text, terms)))
    best = heapq.nsmallest(limit, scored)
    return [SearchHit(i, t, s, float(r)) for r, _, i, t, s in best]
