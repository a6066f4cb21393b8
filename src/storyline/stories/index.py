"""Centroids and the inverted index that finds candidate stories without scanning them all."""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import islice, repeat
from operator import mul, truediv

import numpy as np

from .concepts import concept_vector
from .features import dot, scaled_dot, sum_squares, top
from .scripts import index_keys, main_script

Vectors = tuple[dict[str, float], dict[str, float], dict[str, float]]
Cosines = tuple[float | None, float | None, float | None]


@dataclass(slots=True)
class Centroid:
    """Sum of member vectors (terms and entities), truncated to the heaviest entries.

    Entries are kept in a canonical order (heaviest first, ties by key) so that every float
    sum over them is computed in the same order, fresh or reloaded from JSON.
    """

    terms: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    numbers: dict[str, float] = field(default_factory=dict)
    norms: tuple[float, float, float] = (0.0, 0.0, 0.0)
    # The script most names are in (:func:`~storyline.stories.scripts.main_script`), found
    # when first asked for: derived from ``entities``, never saved.
    _script: str | None = field(default=None, compare=False, repr=False)
    # The concepts of the terms (:mod:`~storyline.stories.concepts`), found when first asked
    # for (only an article in another language asks): derived, never saved. A stored centroid
    # unpacks for each derived field it is asked for: list a new one in stored._DERIVED.
    _concepts: dict[str, float] | None = field(default=None, compare=False, repr=False)

    def add(self, vectors: Vectors, max_terms: int, max_entities: int) -> None:
        """Add one member's unit vectors (terms, entities, numbers)."""
        self.terms = _merge(self.terms, vectors[0], max_terms)
        self.entities = _merge(self.entities, vectors[1], max_entities)
        self.numbers = _merge(self.numbers, vectors[2], max_entities)
        self.norms = (norm(self.terms), norm(self.entities), norm(self.numbers))
        self._script = None
        self._concepts = None

    def script(self) -> str:
        """The script most of the names are written in ("" if none, or a tie)."""
        if self._script is None:
            self._script = main_script(self.entities)
        return self._script

    def concepts(self) -> dict[str, float]:
        """The concepts the terms name, each weighing the sum of its terms' weights."""
        if self._concepts is None:
            self._concepts = concept_vector(self.terms)
        return self._concepts

    def channels(self) -> Vectors:
        return self.terms, self.entities, self.numbers

    def cosines(self, vectors: Vectors) -> Cosines:
        """Cosines of the (unit) query vectors with this centroid, channel by channel; None
        where either side has nothing in that channel (no evidence either way)."""
        t, e, n = self.norms
        return (
            dot(vectors[0], self.terms) / t if t and vectors[0] else None,
            dot(vectors[1], self.entities) / e if e and vectors[1] else None,
            dot(vectors[2], self.numbers) / n if n and vectors[2] else None,
        )

    def copy(self) -> Centroid:
        return Centroid(dict(self.terms), dict(self.entities), dict(self.numbers), self.norms)

    def keys(self, k: int) -> list[str]:
        """The keys to index: the ``k`` heaviest terms, entities and numbers."""
        terms = self.terms  # every channel is kept heaviest first: no sorting needed
        keys = list(islice(terms, k))
        names = list(islice(self.entities, k))
        keys.extend(key for key in names if key not in terms)
        keys.extend(islice(self.numbers, k // 2))
        if not all(map(str.isascii, names)):
            # Cyrillic names under their Latin-script key too (see :mod:`.scripts`).
            keys.extend(index_keys(names))
        return keys

    def unit(self) -> Vectors:
        """This centroid scaled to unit length, channel by channel (to query with it)."""
        return (
            _scaled(self.terms, self.norms[0]),
            _scaled(self.entities, self.norms[1]),
            _scaled(self.numbers, self.norms[2]),
        )


@dataclass(frozen=True, slots=True)
class UnitCentroid:
    """:meth:`Centroid.unit` of a centroid, computed on demand from its channel dicts.

    A topic founded by one story starts as exactly that story's unit centroid, and most
    topics keep one story: holding a second copy of every such vector doubled the memory of
    the clustering state. Centroid channel dicts are never changed in place (``add`` makes
    new ones), so the dicts held here keep the values they had when the topic was founded.
    Every value read is ``value / norm``, the float the materialised dict would hold.
    """

    source: Vectors
    scales: tuple[float, float, float]
    norms: tuple[float, float, float]

    @classmethod
    def of(cls, centroid: Centroid) -> UnitCentroid:
        source = centroid.channels()
        scales = centroid.norms
        norms = tuple(map(_scaled_norm, source, scales))
        return cls(source, scales, (norms[0], norms[1], norms[2]))

    @property
    def terms(self) -> dict[str, float]:
        return _scaled(self.source[0], self.scales[0])

    def channels(self) -> Vectors:
        return self.materialize().channels()

    def cosines(self, vectors: Vectors) -> Cosines:
        """:meth:`Centroid.cosines` of the unit centroid, value for value."""
        t, e, n = self.norms
        (terms, entities, numbers), (st, se, sn) = self.source, self.scales
        return (
            scaled_dot(vectors[0], terms, st) / t if t and vectors[0] else None,
            scaled_dot(vectors[1], entities, se) / e if e and vectors[1] else None,
            scaled_dot(vectors[2], numbers, sn) / n if n and vectors[2] else None,
        )

    def copy(self) -> UnitCentroid:
        return self  # immutable, like the dicts it reads

    def keys(self, k: int) -> list[str]:
        """The keys :meth:`Centroid.keys` gives: scaling keeps the heaviest-first order."""
        kept = [
            vector if scale else {} for vector, scale in zip(self.source, self.scales, strict=True)
        ]
        return Centroid(kept[0], kept[1], kept[2], self.scales).keys(k)

    def materialize(self) -> Centroid:
        """The centroid itself, as ``Centroid().add(unit vectors)`` made it."""
        channels = [
            _scaled(vector, scale) for vector, scale in zip(self.source, self.scales, strict=True)
        ]
        return Centroid(channels[0], channels[1], channels[2], self.norms)


def _merge(base: dict[str, float], extra: dict[str, float], limit: int) -> dict[str, float]:
    merged = dict(base)
    get = merged.get
    for key, value in extra.items():
        merged[key] = get(key, 0.0) + value
    return dict(top(merged, limit))


def norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum_squares(vector))


def canonical(vector: dict[str, float]) -> dict[str, float]:
    """``vector`` heaviest first, ties in their order (what :meth:`Centroid.add` keeps);
    returned as it is when it already is (checked at C speed: sorting is the cost)."""
    values = list(vector.values())
    if values == sorted(values, reverse=True):
        return vector
    return dict(top(vector, len(vector)))


def _scaled_norm(vector: dict[str, float], scale: float) -> float:
    """``norm(_scaled(vector, scale))``, the same float, without building the dict."""
    if not scale:
        return 0.0
    values = list(map(truediv, vector.values(), repeat(scale)))
    return math.sqrt(sum(map(mul, values, values)))


def _scaled(vector: dict[str, float], scale: float) -> dict[str, float]:
    return {key: value / scale for key, value in vector.items()} if scale else {}


class InvertedIndex:
    """Key -> cluster numbers, most recently updated first, each posting capped.

    A posting keeps at most ``cap`` clusters (the most recently updated), so lookup cost is
    bounded however large the store grows; clusters dropped from a posting are old ones that
    time decay would rule out anyway. Postings are arrays of C ints (:data:`_TYPECODE`),
    replaced on change, never changed in place, so copies of the index share them safely.
    Newest first, so a cluster updated again is found early.

    Arrays, not tuples of ints (session 28): moving a cluster to the front of a tuple wrote
    the reference count of every int it held, and a look-up read each int object to hash
    it, a cache miss each at 100k stored articles; an array is copied and read as one block
    of memory, summed at C speed (:func:`_summed`), and is no object the cyclic garbage
    collector has to scan.
    """

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self._postings: dict[str, array[int]] = {}
        self._indexed: dict[int, tuple[str, ...]] = {}

    def copy(self) -> InvertedIndex:
        """A copy that shares the (never changed) postings."""
        twin = InvertedIndex(self.cap)
        twin._postings = dict(self._postings)
        twin._indexed = dict(self._indexed)
        return twin

    @classmethod
    def built(cls, cap: int, entries: Iterable[tuple[int, Iterable[str]]]) -> InvertedIndex:
        """A new index of ``entries`` (cluster, keys; each cluster once), the index that
        :meth:`update` of each entry in turn makes, built in one pass: a posting is the
        last ``cap`` clusters indexed under its key, newest first."""
        index = cls(cap)
        held: dict[str, list[int]] = {}
        for cluster, keys in entries:
            index._indexed[cluster] = wanted = tuple(keys)
            for key in dict.fromkeys(wanted):  # a repeated key changes nothing in update
                if key in held:
                    held[key].append(cluster)
                else:
                    held[key] = [cluster]
        index._postings = {key: posting(held_by[: -cap - 1 : -1]) for key, held_by in held.items()}
        return index

    def update(self, cluster: int, keys: Iterable[str]) -> None:
        """(Re-)index ``cluster`` under ``keys``, dropping the keys it no longer has.

        A posting holds ``cluster`` only under a key it was last indexed with (``update``
        drops it from the others): only those postings are searched for it.
        """
        new_keys = tuple(keys)
        postings, cap = self._postings, self.cap
        old = set(self._indexed.get(cluster, ()))
        if old:
            wanted = set(new_keys)
            for key in old.difference(wanted):
                held = postings.get(key)
                if held and cluster in held:
                    at = held.index(cluster)
                    postings[key] = held[:at] + held[at + 1 :]
        first = posting((cluster,))
        for key in new_keys:
            held = postings.get(key)
            if not held:
                postings[key] = first
            elif held[0] != cluster:  # else it is the newest already: nothing changes
                if key in old and cluster in held:
                    at = held.index(cluster)
                    postings[key] = first + held[:at] + held[at + 1 :]
                else:
                    postings[key] = first + held[: cap - 1]
        self._indexed[cluster] = new_keys

    def candidates(self, query: Iterable[tuple[str, float]], limit: int) -> list[int]:
        """Clusters sharing the most query weight, best first, ties by cluster number (each
        score adds the weights in query order, so the order of a posting does not matter)."""
        postings = self._postings
        found: list[array[int]] = []
        weights: list[float] = []
        for key, weight in query:
            held = postings.get(key)
            if held:
                found.append(held)
                weights.append(weight)
        if sum(map(len, found)) >= _SUMMED:
            return _summed(found, weights, limit)
        scores: dict[int, float] = {}
        for held, weight in zip(found, weights, strict=True):
            if not scores:
                scores = dict.fromkeys(held, weight)
                continue
            for cluster in held:  # a first weight is 0.0 + weight, that is weight
                if cluster in scores:
                    scores[cluster] += weight
                else:
                    scores[cluster] = weight
        return _best(scores, limit)


# The postings' item type: a C int (cluster numbers stay far below 2**31).
_TYPECODE = "i"
# From how many posting entries a query is summed with numpy (below, its calls cost more
# than the loop over the entries).
_SUMMED = 64


def posting(clusters: Iterable[int]) -> array[int]:
    """A posting holding ``clusters`` in that order."""
    return array(_TYPECODE, clusters)


def _summed(found: list[array[int]], weights: list[float], limit: int) -> list[int]:
    """:meth:`InvertedIndex.candidates` of the postings ``found`` and their ``weights``, at
    C speed: the same floats (``bincount`` adds each cluster's weights in query order, from
    0.0, as the loop does) and the same order (a stable sort keeps ties by cluster)."""
    joined = array(_TYPECODE)
    for held in found:
        joined += held
    clusters = np.frombuffer(joined, dtype=np.intc)
    spread = np.repeat(np.array(weights), [len(held) for held in found])
    numbers, where = np.unique(clusters, return_inverse=True)
    scores = np.bincount(where, weights=spread)
    ranked = np.argsort(-scores, kind="stable")[:limit]
    result: list[int] = numbers[ranked].tolist()
    return result


def _best(scores: dict[int, float], limit: int) -> list[int]:
    """The ``limit`` best clusters by (-score, cluster), without a tuple key per cluster: the
    cut is the ``limit``-th best score, and only the clusters reaching it are ranked."""
    if len(scores) > limit:
        cut = sorted(scores.values(), reverse=True)[limit - 1]
        ranked = [cluster for cluster, score in scores.items() if score >= cut]
    else:
        ranked = list(scores)
    ranked.sort()
    ranked.sort(key=scores.__getitem__, reverse=True)  # stable: ties stay by cluster number
    return ranked[:limit]
