"""Centroids of a state read by record, unpacked when first read.

A run reads every story of the state, but the clustering reads the vectors of few: the
candidates the inverted index names for each new article, and the stories it grows. The
index itself needs only each centroid's index keys, which the record keeps beside its packed
vectors. So a stored centroid is held packed, with its norms and index keys, and unpacked
into the dicts a :class:`Centroid` holds the first time one of them is read (at 20k stories,
unpacking them all was 1.3 s of every run). A topic that is its one story's unit centroid
reads the stored centroid the same way.
"""

from __future__ import annotations

import json
from sys import intern
from typing import Any

from ..errors import InputError
from .index import Centroid, UnitCentroid, canonical
from .packing import unpack

_CHANNELS = ("terms", "entities", "numbers")
_UNIT_FIELDS = ("source", "scales", "norms")
# What a Centroid derives from its channels when first asked (never stored): unset until the
# channels are unpacked.
_DERIVED = ("_script", "_concepts")


class PackedCentroid(Centroid):
    """A :class:`Centroid` as stored: its channels stay packed (see :mod:`.packing`) in
    their JSON text until first read; its norms, the sizes of its channels, and its index
    keys for ``index_terms`` keys a channel, are read at once. Unpacked, it is the centroid
    it was, float for float and in the same order."""

    __slots__ = ("_index_keys", "_packed", "units_keys")

    def __init__(
        self, packed: str, norms: tuple[float, float, float], sizes: Any, keys: Any
    ) -> None:
        # The channel slots stay unset: reading one calls __getattr__, which fills them all.
        self._packed: str | None = packed
        # Split when first read (a run that reads the stored postings, see .storedindex,
        # reads the keys of the stories it changes alone: splitting them all was 0.3 s at
        # 20k stories), and interned, as the keys of unpacked vectors are.
        if not isinstance(keys[1], str | list):
            raise ValueError(f"index keys are not a text or a list of texts: {keys[1]!r:.40}")
        self._index_keys: tuple[int, Any, bool] = (int(keys[0]), keys[1], False)
        self.norms = norms
        # A unit centroid of it empties the channels of norm 0 (see UnitCentroid.keys): its
        # index keys are these when those channels are empty already (of size 0).
        self.units_keys = all(n or not int(size) for n, size in zip(norms, sizes, strict=True))

    def __getattr__(self, name: str) -> Any:
        if name not in (*_CHANNELS, *_DERIVED) or self._packed is None:
            raise AttributeError(name)
        try:
            packed = json.loads(self._packed)
            channels = [canonical(unpack(packed[channel])) for channel in _CHANNELS]
        except (ValueError, TypeError, KeyError) as error:
            raise InputError("<story state>", f"unreadable story centroid: {error}") from error
        self.terms, self.entities, self.numbers = channels
        self._script, self._concepts, self._packed = None, None, None
        return getattr(self, name)

    def keys(self, k: int) -> list[str]:
        """The index keys, as stored when they were kept for ``k`` (else computed)."""
        kept, keys, split = self._index_keys
        if k != kept:
            return super().keys(k)
        if not split:
            try:
                keys = list(map(intern, split_keys(keys)))
            except ValueError as error:
                raise InputError("<story state>", f"unreadable index keys: {error}") from error
            self._index_keys = (kept, keys, True)
        return list(keys)


def joined_keys(keys: list[str]) -> str | list[str]:
    """Index keys as one text, joined by spaces (a list of texts cost a third of parsing a
    story row); as they are when one is empty or holds a space."""
    if not keys or "" in keys or any(" " in key for key in keys):
        return keys
    return " ".join(keys)


def split_keys(item: Any) -> list[str]:
    """The keys of a :func:`joined_keys` result; ValueError if it is neither form."""
    if isinstance(item, str):
        return item.split(" ")
    if isinstance(item, list) and all(isinstance(key, str) for key in item):
        return item
    raise ValueError(f"index keys are not a text or a list of texts: {item!r:.40}")


class StoredUnit(UnitCentroid):
    """:meth:`UnitCentroid.of` a stored story's centroid, made when first read: until then
    its index keys are the story's (scaling keeps their order) when it empties no channel."""

    __slots__ = ("_of",)

    def __init__(self, centroid: PackedCentroid) -> None:  # the fields stay unset
        object.__setattr__(self, "_of", centroid)

    def __getattr__(self, name: str) -> Any:
        if name not in _UNIT_FIELDS:
            raise AttributeError(name)
        unit = UnitCentroid.of(self._of)
        for field in _UNIT_FIELDS:
            object.__setattr__(self, field, getattr(unit, field))
        return getattr(self, name)

    def keys(self, k: int) -> list[str]:
        of = self._of
        return of.keys(k) if of.units_keys else super().keys(k)
