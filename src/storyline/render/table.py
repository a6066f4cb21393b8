"""Digest -> flat tables: one row per article (its story, topic and duplicate group), one row
per relation (who copied whom), as rows for pandas or as CSV for a spreadsheet or a loader.

The digest JSON holds the same facts, but an article's story and group are found by looking
for it in every story's and every group's list of ids; a dataset built from a news dump wants
them as columns of the article ("keep one copy per group": ``representative`` is true).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields

from ..model import Digest
from .figures import copy_changes
from .views import DigestIndex


@dataclass(frozen=True)
class ArticleRow:
    """One article with its labels. ``group_id`` is empty for an article that is in no
    duplicate group; ``representative`` is true for the one article of each group shown
    when it is folded, and for every article in no group, so keeping the rows where it is
    true keeps one copy of each text."""

    article_id: str
    story_id: str
    topic_id: str
    group_id: str
    representative: bool
    source: str
    published: str
    language: str
    title: str
    url: str
    path: str
    record: int
    words: int


@dataclass(frozen=True)
class RelationRow:
    """One relation between two articles (``a`` < ``b``); ``original`` is ``a``, ``b`` or
    empty when the evidence names neither; ``passages`` counts its aligned passages;
    ``figures_differ`` names the figures its sides give otherwise, ``a``'s first ("At least
    47 people / Seven people"; several joined by "; "), empty when none do."""

    a: str
    b: str
    kind: str
    similarity: float
    containment_a: float
    containment_b: float
    original: str
    reason: str
    passages: int
    figures_differ: str = ""


def article_rows(digest: Digest) -> tuple[ArticleRow, ...]:
    """Every article of ``digest``, in the digest's order, with its story, topic and group."""
    index = DigestIndex(digest)
    rows = []
    for article in digest.articles:
        story = index.story_of.get(article.id)
        group = index.group_of.get(article.id)
        rows.append(
            ArticleRow(
                article_id=article.id,
                story_id=story.id if story else "",
                topic_id=(story.topic_id or "") if story else "",
                group_id=group.id if group else "",
                representative=group is None or group.representative == article.id,
                source=article.source,
                published=article.published or "",
                language=article.language,
                title=article.title,
                url=article.url,
                path=article.path,
                record=article.record,
                words=article.words,
            )
        )
    return tuple(rows)


def relation_rows(digest: Digest) -> tuple[RelationRow, ...]:
    """Every relation of ``digest``, in the digest's order, without its passages' text."""
    index = DigestIndex(digest)

    def differ(a: str, b: str) -> str:
        return "; ".join(f"{mine} / {theirs}" for mine, theirs in copy_changes(index, a, b))

    return tuple(
        RelationRow(
            a=relation.a,
            b=relation.b,
            kind=relation.kind,
            similarity=relation.similarity,
            containment_a=relation.containment_a,
            containment_b=relation.containment_b,
            original=relation.original or "",
            reason=relation.reason,
            passages=len(relation.passages),
            figures_differ=differ(relation.a, relation.b),
        )
        for relation in digest.relations
    )


def to_csv(
    rows: Iterable[ArticleRow | RelationRow],
    kind: type[ArticleRow | RelationRow],
    *,
    escape_formulas: bool = True,
) -> str:
    """``rows`` of class ``kind`` as CSV: a header row, lines ended by a bare line feed as
    in the other outputs; booleans as ``true``/``false``, numbers as the JSON writes them.

    Titles, urls and outlets come from the input, so a spreadsheet must not run them: with
    ``escape_formulas`` (the default), a text cell that starts with ``=``, ``+``, ``-``,
    ``@``, a tab or a carriage return gets a leading ``'``, as OWASP's advice on CSV
    injection has it (``=HYPERLINK(...)`` opens as text, not as a link), and a text cell is
    quoted when it holds a comma, a semicolon (the separator of Excel in many locales), a
    tab, a quote or a line break, so no formula can start a cell of its own. Number columns
    stay numbers. ``escape_formulas=False`` writes the cells as they are (RFC 4180 quoting
    only): for a loader that reads the file as data, never for a spreadsheet.
    """
    names = [field.name for field in fields(kind)]
    lines = [",".join(names)]
    for row in rows:  # getattr, not astuple: astuple deep-copies every value
        cells = (_cell(getattr(row, name), escape_formulas) for name in names)
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n"


# The characters that make Excel or LibreOffice read a cell as a formula (OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_QUOTED = re.compile(r'[,"\r\n]')
_QUOTED_SAFE = re.compile(r'[,;"\t\r\n]')


def _cell(value: object, escape_formulas: bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, float) else str(value)
    text = str(value)
    if escape_formulas and text.startswith(_FORMULA_START):
        text = "'" + text
    needs_quotes = (_QUOTED_SAFE if escape_formulas else _QUOTED).search(text)
    return '"' + text.replace('"', '""') + '"' if needs_quotes else text


def articles_csv(digest: Digest, *, escape_formulas: bool = True) -> str:
    """One CSV row per article: :class:`ArticleRow` (``escape_formulas`` as in
    :func:`to_csv`)."""
    return to_csv(article_rows(digest), ArticleRow, escape_formulas=escape_formulas)


def relations_csv(digest: Digest, *, escape_formulas: bool = True) -> str:
    """One CSV row per relation: :class:`RelationRow` (``escape_formulas`` as in
    :func:`to_csv`)."""
    return to_csv(relation_rows(digest), RelationRow, escape_formulas=escape_formulas)
