"""Reused text as evidence that two articles report one event (it lowers the join bar).

Not every reuse is such evidence. Automated reports fill one template for different events
("A magnitude 4.3 earthquake struck near Ostrava ..." / "A magnitude 4.6 earthquake struck
near Tarsis ..."; "X won the Y by-election with 40% of the vote ..."): they share every
sentence but the figures and names, and the reuse stage reports them as sharing passages,
rightly. An update of a wire report shares passages with other figures too ("the toll rose
to 52"), but keeps the names of its event; a template refilled for another event does not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Passage, Relation
from ..spin import refilled
from .features import STOP_WORDS

REUSE_KINDS = frozenset({"near-duplicate", "excerpt", "rewrite", "shares-passages", "translation"})

# A capitalised word that does not open a sentence (nor the passage, which may start mid-way).
_NAME = re.compile(r"(?<![.!?:\"\u201c]\s)(?<!^)\b([A-Z][\w\-']+)")


def reuse_links(relations: Sequence[Relation]) -> dict[str, tuple[str, ...]]:
    """Article id -> the ids it shares reused text with, both ways, from dedup relations,
    leaving out templates refilled for another event (:func:`template_reuse`)."""
    links: dict[str, set[str]] = {}
    for relation in relations:
        if relation.kind in REUSE_KINDS and not template_reuse(relation.passages):
            links.setdefault(relation.a, set()).add(relation.b)
            links.setdefault(relation.b, set()).add(relation.a)
    return {article_id: tuple(sorted(ids)) for article_id, ids in sorted(links.items())}


def template_reuse(passages: Sequence[Passage]) -> bool:
    """Whether the aligned text is a template refilled with other figures (see
    :func:`storyline.spin.refilled`) whose names do not agree either: neither side names
    anyone, or fewer than half the names of the side naming fewer are named by the other.
    Only verbatim passages are read: a template is copied text with its slots refilled,
    while two reports of one event retell it with other round-offs and units ("2 million" /
    "2m", "200 feet" / "150 metres"), and name more on one side than the other."""
    verbatim = [p for p in passages if p.kind == "verbatim"]
    if not refilled(verbatim):
        return False
    a = {name for p in verbatim for name in _names(p.a_text)}
    b = {name for p in verbatim for name in _names(p.b_text)}
    if not a and not b:
        return True
    return 2 * len(a & b) < min(len(a), len(b))


def _names(text: str) -> set[str]:
    """Capitalised words that are no weekday, month or other stop word ("on Friday")."""
    found = (match.group(1) for match in _NAME.finditer(text.strip()))
    return {name for name in found if name.lower() not in STOP_WORDS}
