"""Mentions of one event that a copy or a translation repeats: one event, one voice.

Events are merged by the words their sentences share, so a report and its translation
("The ferry ran aground on Friday" / "Le ferry s'est échoué vendredi") were two events of one
date, and the translation one more independent voice referring to the date: a content farm
that machine-translates a wire made the wire's date look better corroborated. The reuse
stage already pairs such sentences: a ``translation`` relation's passages are its aligned
sentences, a copy's ``verbatim`` passages its reused stretches. A candidate that a passage
pairs with a candidate of the other article on the same date follows it (see
:attr:`.selection.Candidate.follows`): it joins the event that sentence is in, is cited with
it, and speaks with its voice. Left out: paraphrase passages (a rewrite's reworded sentence
may spin what it reports), and the passages of two articles that share passages with
neither named the other's copy (two reports quoting one statement are two voices).

Of the sentences so paired, the one that is followed is the original's, as the summary
quotes a wire in its own words: an article that a relation names as copying another of the
pairing is passed over, then the earliest published, then the smallest id.

A pair whose figures differ ("46 thousand" / "64 thousand") is not merged: the copy's
sentence stays an event, and a voice, of its own. Mentions that cannot be dated are paired
alike, among themselves: a translation's "четвер" is listed with the "Thursday" it
translates.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace

import numpy as np

from ..ingest.dates import Instant, published_order
from ..model import Relation
from .selection import Candidate

__all__ = ["Side", "follow_copies", "lead_copies", "linked", "passage_sides"]

# The passages whose sides are the same sentence, word for word or translated.
_PAIRING = frozenset({"translation", "verbatim"})
_NO_COPY = "shares-passages"

# A passage seen from one side: where it is in this article, the other article, and where
# it is there.
Side = tuple[int, int, str, int, int]


def follow_copies(dated: Sequence[Candidate], relations: Sequence[Relation]) -> list[Candidate]:
    """``dated`` with each candidate that repeats another article's candidate of its date
    (paired by a passage, no figure given otherwise) following the original's."""
    dated = list(dated)
    present = {c.article.id for c in dated}
    sides = passage_sides(relations, present, _PAIRING, copies_only=True)
    if not sides:
        return dated
    copied = _copied(relations)
    for group in linked(_pairs(dated, sides)):
        if len({dated[i].article.id for i in group}) < 2:
            continue
        lead = dated[min(group, key=lambda i: _order(dated[i], group, dated, copied))]
        for index in group:
            if dated[index].article.id != lead.article.id:
                follows = (lead.article.id, lead.start)
                dated[index] = replace(dated[index], voice=lead.voice, follows=follows)
    return dated


def passage_sides(
    relations: Sequence[Relation],
    present: Collection[str],
    kinds: Collection[str],
    copies_only: bool = False,
) -> dict[str, list[Side]]:
    """Each article's passages of ``kinds``, seen from it, among the articles ``present``;
    with ``copies_only``, none of two articles that share passages with neither named the
    other's copy."""
    found: dict[str, list[Side]] = {}
    for relation in relations:
        if copies_only and relation.kind == _NO_COPY and relation.original is None:
            continue
        if relation.a not in present or relation.b not in present:
            continue
        for p in relation.passages:
            if p.kind in kinds:
                found.setdefault(relation.a, []).append(
                    (p.a_start, p.a_end, relation.b, p.b_start, p.b_end)
                )
                found.setdefault(relation.b, []).append(
                    (p.b_start, p.b_end, relation.a, p.a_start, p.a_end)
                )
    return found


def _pairs(dated: Sequence[Candidate], sides: Mapping[str, list[Side]]) -> list[tuple[int, int]]:
    """(candidate, candidate of another article) whose sentences a passage pairs, on one
    date, neither giving a figure of the other otherwise.

    A verbatim passage may hold several sentences: the middle of one side's sentence is
    carried to the other side in proportion to the passage's lengths, and pairs the
    sentence it lands in there."""
    at: dict[tuple[str | None, str], list[int]] = {}
    for index, candidate in enumerate(dated):
        at.setdefault((candidate.date, candidate.article.id), []).append(index)
    found: list[tuple[int, int]] = []
    for index, candidate in enumerate(dated):
        middle = (candidate.start + candidate.end) / 2
        for start, end, other, other_start, other_end in sides.get(candidate.article.id, ()):
            if not start <= middle < end:
                continue
            landed = other_start + (middle - start) * (other_end - other_start) / (end - start)
            for match in at.get((candidate.date, other), ()):
                theirs = dated[match]
                if theirs.start <= landed < theirs.end and not _differ(candidate, theirs):
                    found.append((index, match))
    return found


def _differ(one: Candidate, other: Candidate) -> bool:
    """Whether either sentence gives a figure of the other otherwise, or denies one (a
    denial is read one way: "not three" denies the other's three)."""
    from ..summary.foreign import figures_differ  # the summary stage reads the date tagger

    mine, theirs = one.article.language or "en", other.article.language or "en"
    return figures_differ(one.text, mine, other.text, theirs, True) or figures_differ(
        other.text, theirs, one.text, mine, True
    )


def linked(pairs: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The groups of indices that ``pairs`` link, directly or through others: each group
    sorted, the groups in the order of their first index."""
    parent: dict[int, int] = {}

    def root(index: int) -> int:
        while parent.setdefault(index, index) != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for first, second in pairs:
        parent[root(first)] = root(second)
    groups: dict[int, list[int]] = {}
    for index in sorted(parent):
        groups.setdefault(root(index), []).append(index)
    return list(groups.values())


def _copied(relations: Sequence[Relation]) -> dict[str, set[str]]:
    """Copy -> the articles a relation names as its original."""
    found: dict[str, set[str]] = {}
    for relation in relations:
        if relation.original in (relation.a, relation.b):
            copy = relation.b if relation.original == relation.a else relation.a
            found.setdefault(copy, set()).add(relation.original)
    return found


def _order(
    candidate: Candidate,
    group: Sequence[int],
    dated: Sequence[Candidate],
    copied: Mapping[str, set[str]],
) -> tuple[bool, Instant, str, int, str]:
    """Which of a pairing's sentences is followed: not a copy of another of them, the
    earliest published, the smallest id, the first sentence, the first expression."""
    article = candidate.article
    others = {dated[i].article.id for i in group} - {article.id}
    copies = bool(copied.get(article.id, set()) & others)
    when = published_order(article.published)
    return copies, when, article.id, candidate.start, candidate.expression


def lead_copies(
    candidates: Sequence[Candidate], centrality: np.ndarray
) -> tuple[list[Candidate], np.ndarray]:
    """The candidates of a date that follow none, each as central as the most central of
    itself and its followers: a copy's sentence is the one it follows, so the original
    leads an event where the copy would have (a rewrite's reworded sentence is not printed
    for being less central than the original's copy)."""
    kept = [i for i, c in enumerate(candidates) if not c.follows]
    lifted = centrality[kept].copy()
    at: dict[tuple[str, int], list[int]] = {}
    for n, i in enumerate(kept):
        at.setdefault((candidates[i].article.id, candidates[i].start), []).append(n)
    for i, candidate in enumerate(candidates):
        for n in at.get(candidate.follows or ("", -1), ()):
            lifted[n] = max(lifted[n], centrality[i])
    return [candidates[i] for i in kept], lifted
