"""Duplicate groups (same text) and voice groups (copies of any kind, counted as one source).

Duplicate groups are the connected components of duplicate and near-duplicate relations.

Voice groups are not components: a chain A - B - C where A and C share nothing would make
one voice of unrelated texts (a live blog that quotes two wires, a short snippet found in two
unrelated pages, templated briefs that read as rewrites of one another). They are built in
three steps:

1. Same text closes transitively (the duplicate groups).
2. An excerpt joins the text that holds it, unless that text holds several texts that are
   unrelated to one another (a compilation: a live blog, a digest page); a compilation joins
   only the part it takes most from (the largest share of its own text). The same rule runs
   the other way for a text held by several unrelated pages: it joins the one that holds
   most of it. Only evidence overrides this: a text that is the original, by attribution or
   by publication date, of the texts it holds or of the pages that hold it keeps them all
   (a wire and its cuts), as long as the other side keeps it too.
3. A rewrite (or a translation) joins two groups only when most of their article pairs are
   copies of one another (of any kind): never through a single bridge. A translation whose
   original is named also joins when its only company is reprints of itself (a French page
   reprinting the French translation of a wire).

"Unrelated" in step 2 means sharing nothing at all: texts that share a passage are about one
thing, and a page that holds both does not bridge two subjects.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from ..ids import stable_id
from ..ingest.dates import published_instant
from ..model import Article, DuplicateGroup, Relation
from ..provenance import CONTAINMENT_REASON, contradicted

FOLDING_KINDS = frozenset({"duplicate", "near-duplicate"})
# Copies in any form speak with one voice: excerpts and spun or translated rewrites too.
VOICE_KINDS = FOLDING_KINDS | {"excerpt", "rewrite", "translation"}
# Copies in other words (a spun or translated text) join a group only with most of it.
REWORDED_KINDS = frozenset({"rewrite", "translation"})


def voice_groups(
    relations: Sequence[Relation], articles: Sequence[Article]
) -> tuple[DuplicateGroup, ...]:
    """Groups of articles that are copies of one another in any form (one independent voice).

    Wider than :func:`duplicate_groups`: an excerpt or a rewrite adds no independent source,
    so counting corroboration (summary, timeline) must count it once with its original.
    Narrower than the components of those relations (see the module docstring), so a voice
    never spans unrelated texts through one article that relates to both. Sorted by id.
    """
    forest = _Forest()
    for relation in relations:
        if relation.kind in FOLDING_KINDS:
            forest.union(relation.a, relation.b)
    text_of = {x: forest.find(x) for r in relations for x in (r.a, r.b)}
    excerpts = [r for r in relations if r.kind == "excerpt" and text_of[r.a] != text_of[r.b]]
    for index in sorted(_kept_excerpts(excerpts, text_of, relations)):
        forest.union(excerpts[index].a, excerpts[index].b)
    _join_rewrites(forest, relations, text_of)
    return _collect(forest, relations, articles, VOICE_KINDS)


def duplicate_groups(
    relations: Sequence[Relation],
    articles: Sequence[Article],
    kinds: frozenset[str] = FOLDING_KINDS,
) -> tuple[DuplicateGroup, ...]:
    """One group per component of >= 2 articles, sorted by group id; see DuplicateGroup."""
    forest = _Forest()
    for relation in relations:
        if relation.kind in kinds:
            forest.union(relation.a, relation.b)
    return _collect(forest, relations, articles, kinds)


class _Forest:
    """Union-find over article ids; a root is the smallest id of its set (deterministic)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        root = x
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while self.parent.get(x, x) != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> tuple[str, str] | None:
        """(kept root, absorbed root), or None when a and b were in one set already."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        kept, absorbed = min(ra, rb), max(ra, rb)
        self.parent[absorbed] = kept
        return kept, absorbed


def _kept_excerpts(
    excerpts: Sequence[Relation], text_of: dict[str, str], relations: Sequence[Relation]
) -> set[int]:
    """Indexes of the excerpt relations that join their two texts (step 2 of the module doc):
    those kept both by the text that holds and by the text that is held.

    Pages that hold one text always share a passage (that text): only a copy relation
    between them shows that they are related beyond it."""
    related = _adjacency(relations, text_of, None)
    copies = _adjacency(relations, text_of, VOICE_KINDS)
    holds: dict[str, list[tuple[int, str]]] = {}
    held_in: dict[str, list[tuple[int, str]]] = {}
    for index, relation in enumerate(excerpts):
        a, b = text_of[relation.a], text_of[relation.b]
        held, holder = (a, b) if relation.containment_a >= relation.containment_b else (b, a)
        holds.setdefault(holder, []).append((index, held))
        held_in.setdefault(held, []).append((index, holder))
    kept_by_holder = _one_source_each(holds, excerpts, text_of, related)
    return kept_by_holder & _one_source_each(held_in, excerpts, text_of, copies)


def _adjacency(
    relations: Sequence[Relation], text_of: dict[str, str], kinds: frozenset[str] | None
) -> dict[str, set[str]]:
    """Text -> the texts it has a relation with (of ``kinds``; None: any kind)."""
    near: dict[str, set[str]] = {}
    for relation in relations:
        if kinds is None or relation.kind in kinds:
            a, b = text_of[relation.a], text_of[relation.b]
            near.setdefault(a, set()).add(b)
            near.setdefault(b, set()).add(a)
    return near


def _one_source_each(
    edges_of: dict[str, list[tuple[int, str]]],
    excerpts: Sequence[Relation],
    text_of: dict[str, str],
    related: dict[str, set[str]],
) -> set[int]:
    """For each text, its excerpt edges to others that are related among themselves; when
    the others fall apart into unrelated parts, the part of the edge it takes most from
    (and the edges of which it is the original by attribution or date)."""
    kept: set[int] = set()
    for centre, edges in edges_of.items():
        part = _parts(sorted({other for _, other in edges}), related)
        if len(set(part.values())) == 1:
            kept.update(index for index, _ in edges)
            continue

        def taken(edge: tuple[int, str], centre: str = centre) -> tuple[float, float, float, str]:
            # the centre's share found in the other, then the other's share found in the
            # centre: of pages that all hold a snippet whole, the one most made of it
            relation = excerpts[edge[0]]
            shares = (relation.containment_a, relation.containment_b)
            mine, theirs = shares if text_of[relation.a] == centre else shares[::-1]
            return mine, theirs, relation.similarity, edge[1]

        best = part[max(edges, key=taken)[1]]
        for index, other in edges:
            relation = excerpts[index]
            if part[other] == best or _original_by_evidence(relation, centre, text_of):
                kept.add(index)
    return kept


def _parts(texts: list[str], related: dict[str, set[str]]) -> dict[str, str]:
    """Text -> the smallest text of its component among ``texts`` under ``related``."""
    forest = _Forest()
    wanted = set(texts)
    for x in texts:
        for y in related.get(x, set()) & wanted:  # set & set walks the smaller side
            forest.union(x, y)
    return {x: forest.find(x) for x in texts}


def _original_by_evidence(relation: Relation, centre: str, text_of: dict[str, str]) -> bool:
    """Whether ``centre`` is the relation's original by attribution or publication date."""
    original = relation.original
    return (
        original is not None
        and text_of[original] == centre
        and not relation.reason.startswith(CONTAINMENT_REASON)
    )


def _join_rewrites(forest: _Forest, relations: Sequence[Relation], text_of: dict[str, str]) -> None:
    """Step 3: join along rewrites, strongest first, when more than half of the article pairs
    across the two groups are copies (of any kind), or along a translation whose copy stands
    alone (see :func:`_lone_copy_of`). Sharing a quoted passage does not count: successive
    reports that repeat one background paragraph are not one voice."""
    size: Counter[str] = Counter()
    for x in {x for r in relations for x in (r.a, r.b)}:
        size[forest.find(x)] += 1
    text_size = Counter(text_of.values())  # articles per text: a copy with its reprints
    links: dict[str, Counter[str]] = {}
    for relation in relations:
        ra, rb = forest.find(relation.a), forest.find(relation.b)
        if ra != rb and relation.kind in VOICE_KINDS:
            links.setdefault(ra, Counter())[rb] += 1
            links.setdefault(rb, Counter())[ra] += 1
    rewrites = sorted(
        (r for r in relations if r.kind in REWORDED_KINDS),
        key=lambda r: (-r.similarity, r.a, r.b),
    )
    for relation in rewrites:
        ra, rb = forest.find(relation.a), forest.find(relation.b)
        if ra == rb:
            continue
        mostly_copies = 2 * links[ra][rb] > size[ra] * size[rb]
        if not (mostly_copies or _lone_copy_of(relation, forest, size, (text_of, text_size))):
            continue
        joined = forest.union(ra, rb)
        assert joined is not None
        kept, absorbed = joined
        size[kept] += size.pop(absorbed)
        _merge_links(links, kept, absorbed)


def _lone_copy_of(
    relation: Relation,
    forest: _Forest,
    size: Counter[str],
    texts: tuple[dict[str, str], Counter[str]],
) -> bool:
    """Whether the relation is a translation whose copy stands alone (with nothing but
    reprints of its own text) and whose original, named by attribution or date, is in the
    other group: a French page that reprints a translation speaks for the wire the
    translation came from. Translations only: rewrites, far more often called where there is
    no copying, would chain groups this way (on 3,000 templated articles the largest group
    grew from 18 to 29 articles)."""
    original = relation.original
    if relation.kind != "translation" or original is None:
        return False
    copy = relation.b if original == relation.a else relation.a
    text_of, text_size = texts
    return size[forest.find(copy)] == text_size[text_of[copy]]


def _merge_links(links: dict[str, Counter[str]], kept: str, absorbed: str) -> None:
    """Move the link counts of group ``absorbed`` to group ``kept``."""
    moved = links.pop(absorbed, Counter())
    own = links.setdefault(kept, Counter())
    for other, count in moved.items():
        del links[other][absorbed]
        if other != kept:
            own[other] += count
            links[other][kept] += count
    own.pop(absorbed, None)


def _collect(
    forest: _Forest,
    relations: Sequence[Relation],
    articles: Sequence[Article],
    kinds: Iterable[str],
) -> tuple[DuplicateGroup, ...]:
    """The sets of ``forest`` with >= 2 articles as groups sorted by id; the relations of
    ``kinds`` inside a group choose its representative."""
    wanted = frozenset(kinds)
    members: dict[str, set[str]] = {}
    inner: dict[str, list[Relation]] = {}
    for relation in relations:
        root = forest.find(relation.a)
        if relation.kind in wanted and root == forest.find(relation.b):
            members.setdefault(root, set()).update((relation.a, relation.b))
            inner.setdefault(root, []).append(relation)
    by_id = {a.id: a for a in articles}
    groups = [_group(sorted(members[root]), inner[root], by_id) for root in members]
    return tuple(sorted(groups, key=lambda g: g.id))


def _group(
    ids: list[str], relations: Sequence[Relation], by_id: dict[str, Article]
) -> DuplicateGroup:
    """The representative: the one undisputed original, else earliest published (passing
    over one whose text, and another member's, tell of a day after its publication: a
    backdated copy is not shown as the original), else min id."""
    copies = {r.b if r.original == r.a else r.a for r in relations if r.original}
    originals = sorted({r.original for r in relations if r.original} - copies)
    if len(originals) == 1:
        representative = originals[0]
    else:
        dated = sorted(
            (at, i) for i in ids if i in by_id and (at := published_instant(by_id[i].published))
        )
        members = [by_id[i] for _, i in dated]
        credible = (m.id for m in members if not _backdated(m, members))  # lazily: most are
        representative = next(credible, dated[0][1] if dated else ids[0])
    return DuplicateGroup(stable_id(*ids, prefix="g"), representative, tuple(ids))


def _backdated(article: Article, members: Sequence[Article]) -> bool:
    """Whether the text of ``article`` and of another member tell of a day after its date."""
    return any(contradicted(article, other) for other in members if other.id != article.id)
