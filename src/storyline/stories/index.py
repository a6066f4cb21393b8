"""Centroids and the inverted index that finds candidate stories without scanning them all."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from .features import dot, top


@dataclass
class Centroid:
    """Sum of member vectors (terms and entities), truncated to the heaviest entries.

    Entries are kept in a canonical order (heaviest first, ties by key) so that every float
    sum over them is computed in the same order, fresh or reloaded from JSON.
    """

    terms: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    terms_norm: float = 0.0
    entities_norm: float = 0.0

    def add(
        self,
        terms: dict[str, float],
        entities: dict[str, float],
        max_terms: int,
        max_entities: int,
    ) -> None:
        self.terms = _merge(self.terms, terms, max_terms)
        self.entities = _merge(self.entities, entities, max_entities)
        self.terms_norm = _norm(self.terms)
        self.entities_norm = _norm(self.entities)

    def cosines(self, terms: dict[str, float], entities: dict[str, float]) -> tuple[float, float]:
        """Cosine of the (unit) query vectors with this centroid: terms, entities."""
        term_cos = dot(terms, self.terms) / self.terms_norm if self.terms_norm else 0.0
        ent_cos = dot(entities, self.entities) / self.entities_norm if self.entities_norm else 0.0
        return term_cos, ent_cos

    def keys(self, k: int) -> list[str]:
        """The keys to index: the ``k`` heaviest terms and the ``k`` heaviest entities."""
        keys = [key for key, _ in top(self.terms, k)]
        keys.extend(key for key, _ in top(self.entities, k) if key not in self.terms)
        return keys

    def unit(self) -> tuple[dict[str, float], dict[str, float]]:
        """This centroid scaled to unit length (to query with it)."""
        return _scaled(self.terms, self.terms_norm), _scaled(self.entities, self.entities_norm)


def _merge(base: dict[str, float], extra: dict[str, float], limit: int) -> dict[str, float]:
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = merged.get(key, 0.0) + value
    return dict(top(merged, limit))


def _norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(value * value for value in vector.values()))


def _scaled(vector: dict[str, float], norm: float) -> dict[str, float]:
    return {key: value / norm for key, value in vector.items()} if norm else {}


class InvertedIndex:
    """Key -> cluster numbers, most recently updated last, each posting capped.

    A posting keeps at most ``cap`` clusters (the most recently updated), so lookup cost is
    bounded however large the store grows; clusters dropped from a posting are old ones that
    time decay would rule out anyway.
    """

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self._postings: dict[str, dict[int, None]] = {}
        self._indexed: dict[int, tuple[str, ...]] = {}

    def update(self, cluster: int, keys: Iterable[str]) -> None:
        """(Re-)index ``cluster`` under ``keys``, dropping the keys it no longer has."""
        new_keys = tuple(keys)
        wanted = set(new_keys)
        for key in self._indexed.get(cluster, ()):
            if key not in wanted:
                self._postings.get(key, {}).pop(cluster, None)
        for key in new_keys:
            posting = self._postings.setdefault(key, {})
            posting.pop(cluster, None)
            posting[cluster] = None
            if len(posting) > self.cap:
                del posting[next(iter(posting))]
        self._indexed[cluster] = new_keys

    def candidates(self, query: Iterable[tuple[str, float]], limit: int) -> list[int]:
        """Clusters sharing the most query weight, best first, ties by cluster number."""
        scores: dict[int, float] = {}
        for key, weight in query:
            for cluster in self._postings.get(key, ()):
                scores[cluster] = scores.get(cluster, 0.0) + weight
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        return [cluster for cluster, _ in ranked[:limit]]
