"""Full-text search: a user's search box text as a safe FTS5 query, and a fallback for CJK text.

A search box query, as news archives take it: words that must all be there, ``"a phrase"``
whose words must stand together in that order, ``ferr*`` for every word that starts so,
``strike OR walkout`` for either, and ``-word`` (or ``-"a phrase"``) for what must not be
there. FTS5 has its own query language (``AND``, ``NEAR``, ``*``, ``"``, ``col:``); a user
typing a stray ``"`` or ``AND`` must get results, not a syntax error, and never a way to run
other SQL. Every word is therefore passed as a literal (wrapped in double quotes, inner
quotes doubled), and only the operators above are built, by this module. The ``unicode61``
tokenizer reads a run of CJK characters as a single token, so queries with CJK are answered
by a substring scan instead (linear in the corpus, only for those queries).
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


@dataclass(frozen=True)
class Term:
    """One thing to find: a word, or a phrase (words together, in order); ``prefix``: the
    last word may go on (``ferr*``)."""

    words: tuple[str, ...]
    prefix: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)


@dataclass(frozen=True)
class Query:
    """``groups`` all must match, each by any of its terms (``a OR b``); no ``excluded``
    term may."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def terms(self) -> list[Term]:
        """Every term to find, in order."""
        return [term for group in self.groups for term in group]


# A quoted phrase (its closing quote may be missing), else a run of non-space characters.
_TOKEN = re.compile(r'-?"[^"]*"?\*?|\S+')


def parse_query(query: str) -> Query:
    """The :class:`Query` of a search box's text; no group when it has no word to find."""
    groups: list[tuple[Term, ...]] = []
    excluded: list[Term] = []
    either = False  # the last token was OR between two terms
    for token in _TOKEN.findall(normalize(query)):
        if token == "OR" and groups and not either:
            either = True
            continue
        left_out = token.startswith("-") and len(token) > 1
        terms = _terms(token[1:] if left_out else token)
        if left_out:
            excluded.extend(terms)
        elif terms and either:
            groups[-1] = (*groups[-1], terms[0])
            groups.extend((term,) for term in terms[1:])
        else:
            groups.extend((term,) for term in terms)
        either = either and not terms
    if either:  # "strike OR": the OR was a word
        groups.append((Term(("OR",)),))
    unique = tuple(dict.fromkeys(tuple(dict.fromkeys(group)) for group in groups))
    return Query(unique, tuple(dict.fromkeys(excluded)))


def has_word(query: str) -> bool:
    """Whether ``query`` holds a letter or digit at all: one that does not ("", "*", '"')
    is a caller's mistake, which "no match" would hide."""
    return any(character.isalnum() for character in query)


def _terms(token: str) -> list[Term]:
    """The terms of one token: a phrase is one, a plain token one per word (``bridge/repair``:
    two), its last word a prefix when the token ends with ``*``."""
    prefix = token.endswith("*")
    body = token.rstrip("*")
    if body.startswith('"'):
        found = _words(body.strip('"'))
        return [Term(tuple(found), prefix)] if found else []
    found = _words(body)
    return [Term((word,), prefix and n == len(found) - 1) for n, word in enumerate(found)]


def _words(text: str) -> list[str]:
    return [w for w in (_RUN.findall(text) if has_cjk(text) else words(text)) if w]


def fts_query(query: Query) -> str:
    """An FTS5 MATCH expression for ``query``: every word a literal, groups ANDed, each
    group's terms ORed, and NOT each excluded term."""
    found = " AND ".join(_fts_group(group) for group in query.groups)
    return " NOT ".join([f"({found})", *map(_fts_term, query.excluded)])


def _fts_group(group: tuple[Term, ...]) -> str:
    if len(group) == 1:
        return _fts_term(group[0])
    return "(" + " OR ".join(map(_fts_term, group)) + ")"


def _fts_term(term: Term) -> str:
    return '"' + term.text.replace('"', '""') + '"' + ("*" if term.prefix else "")


def needs_scan(terms: Sequence[Term]) -> bool:
    """True when a term holds CJK characters, which the FTS5 index cannot find inside a run."""
    return any(has_cjk(term.text) for term in terms)


def scan_score(title: str, text: str, terms: list[str]) -> int:
    """How often the terms occur (case-insensitively) in title and text."""
    haystack = f"{title}\n{text}".lower()
    return sum(haystack.count(term.lower()) for term in terms)


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
    """Articles whose title or text matches ``query`` (see above), best first; ``read`` runs
    a query on the store. A query with no word to find returns no hit.
    """
    if limit < 1:
        raise OptionsError(f"limit must be at least 1, not {limit}")
    parsed = parse_query(query)
    if not parsed.groups:
        return []
    texts = [term.text for term in parsed.terms()]
    if needs_scan([*parsed.terms(), *parsed.excluded]):
        return _scan(read, parsed, limit)
    match = fts_query(parsed)
    rows = read(_FTS_SQL, (match, limit))
    return [
        SearchHit(i, t, _snippet(read, match, texts, seq, size), float(r))
        for seq, i, t, r, size in rows
    ]


def _snippet(read: Read, match: str, terms: list[str], seq: int, size: int) -> str:
    """FTS5's snippet of one hit, or for a very long text the window around its first hit."""
    if size <= _FTS_SNIPPET_CHARS:
        marks = (MARK_OPEN, MARK_CLOSE, ELLIPSIS, SNIPPET_TOKENS)
        return str(read(_SNIPPET_SQL, (*marks, match, seq))[0][0])
    return scan_snippet(str(read(_TEXT_SQL, (seq,))[0][0]), terms)


def _scan(read: Read, query: Query, limit: int) -> list[SearchHit]:
    """Substring search for CJK terms; rank is minus the number of occurrences."""
    held = "instr(lower(title || ' ' || text), lower(?))"
    found = ["(" + " OR ".join([f"{held} > 0"] * len(group)) + ")" for group in query.groups]
    where = " AND ".join(found + [f"{held} = 0"] * len(query.excluded))
    texts = [term.text for term in query.terms()]
    scored: list[tuple[int, int, str, str, str]] = []
    for seq, article_id, title, text in read(
        f"SELECT seq, id, title, text FROM articles WHERE {where} ORDER BY seq",
        [*texts, *(term.text for term in query.excluded)],
    ):
        score = scan_score(title, text, texts)
        scored.append((-score, seq, article_id, title, scan_snippet(text, texts)))
    best = heapq.nsmallest(limit, scored)
    return [SearchHit(i, t, s, float(r)) for r, _, i, t, s in best]
