"""Digest -> flat tables: one row per article (its story, topic and duplicate group), one row
per relation (who copied whom), as rows for pandas or as CSV for a spreadsheet or a loader.

The digest JSON holds the same facts, but an article's story and group are found by looking
for it in every story's and every group's list of ids; a dataset built from a news dump wants
them as columns of the article ("keep one copy per group": ``representative`` is true).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, fields

from ..model import Digest
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
    empty when the evidence names neither; ``passages`` counts its aligned passages."""

    a: str
    b: str
    kind: str
    similarity: float
    containment_a: float
    containment_b: float
    original: str
    reason: str
    passages: int


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
        )
        for relation in digest.relations
    )


def to_csv(rows: Iterable[ArticleRow | RelationRow], kind: type[ArticleRow | RelationRow]) -> str:
    """``rows`` of class ``kind`` as CSV: a header row, cells quoted when they hold a comma,
    a quote or a line break (as RFC 4180 has it), lines ended by a bare line feed as in the
    other outputs; booleans as ``true``/``false``, numbers as the JSON writes them."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    names = [field.name for field in fields(kind)]
    writer.writerow(names)
    for row in rows:  # getattr, not astuple: astuple deep-copies every value
        writer.writerow([_cell(getattr(row, name)) for name in names])
    return out.getvalue()


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def articles_csv(digest: Digest) -> str:
    """One CSV row per article: :class:`ArticleRow`."""
    return to_csv(article_rows(digest), ArticleRow)


def relations_csv(digest: Digest) -> str:
    """One CSV row per relation: :class:`RelationRow`."""
    return to_csv(relation_rows(digest), RelationRow)
