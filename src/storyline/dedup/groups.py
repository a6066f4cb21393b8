"""Duplicate groups: connected components of duplicate and near-duplicate relations."""

from __future__ import annotations

from collections.abc import Sequence

from ..ids import stable_id
from ..ingest.dates import published_instant
from ..model import Article, DuplicateGroup, Relation

FOLDING_KINDS = frozenset({"duplicate", "near-duplicate"})
# Copies in any form speak with one voice: excerpts and spun or translated rewrites too.
VOICE_KINDS = FOLDING_KINDS | {"excerpt", "rewrite"}


def voice_groups(
    relations: Sequence[Relation], articles: Sequence[Article]
) -> tuple[DuplicateGroup, ...]:
    """Groups of articles that are copies of one another in any form (one independent voice).

    Wider than :func:`duplicate_groups`: an excerpt or a rewrite adds no independent source,
    so counting corroboration (summary, timeline) must count it once with its original.
    """
    return duplicate_groups(relations, articles, VOICE_KINDS)


def duplicate_groups(
    relations: Sequence[Relation],
    articles: Sequence[Article],
    kinds: frozenset[str] = FOLDING_KINDS,
) -> tuple[DuplicateGroup, ...]:
    """One group per component of >= 2 articles, sorted by group id; see DuplicateGroup."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    folding = [r for r in relations if r.kind in kinds]
    for relation in folding:
        ra, rb = find(relation.a), find(relation.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, set[str]] = {}
    inner: dict[str, list[Relation]] = {}
    for relation in folding:
        root = find(relation.a)
        members.setdefault(root, set()).update((relation.a, relation.b))
        inner.setdefault(root, []).append(relation)
    by_id = {a.id: a for a in articles}
    groups = [_group(sorted(members[root]), inner[root], by_id) for root in members]
    return tuple(sorted(groups, key=lambda g: g.id))


def _group(
    ids: list[str], relations: Sequence[Relation], by_id: dict[str, Article]
) -> DuplicateGroup:
    """The representative: the one undisputed original, else earliest published, else min id."""
    copies = {r.b if r.original == r.a else r.a for r in relations if r.original}
    originals = sorted({r.original for r in relations if r.original} - copies)
    if len(originals) == 1:
        representative = originals[0]
    else:
        dated = sorted(
            (at, i) for i in ids if i in by_id and (at := published_instant(by_id[i].published))
        )
        representative = dated[0][1] if dated else ids[0]
    return DuplicateGroup(stable_id(*ids, prefix="g"), representative, tuple(ids))
