"""The inverted indexes of a state read by record, their postings read from the store.

A run that adds articles reads every story of the state, but queries its indexes for the
keys of the new articles alone. Built whole, the indexes took as long as reading the state
(at 20k stories, 0.8 s of every update). The store keeps, for each index key, the stories
(and topics) that hold it in the order :meth:`InvertedIndex.built` takes them; a
:class:`StoredIndex` reads the postings of the keys a run asks about, when it first asks,
and is then the index ``built`` makes of the state as read, posting for posting.

A save writes the postings of the keys whose holders changed (:func:`changed_postings`):
those that the changed stories and topics hold, or held when the state was read. Every
posting is written when they are not all stored (a state saved before schema version 5, or
indexed again with other options), and the store says so (``StoredState.keyed``).
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..heap import no_cyclic_gc
from .index import InvertedIndex, posting

# The stored postings (all holders, oldest first) of each of the keys asked about.
Holders = Callable[[list[str]], Mapping[str, list[int]]]
Posting = tuple[str, list[int]]


class _Keyed(Protocol):
    """A story or topic record: what its index keys are read from."""

    @property
    def centroid(self) -> _HasKeys: ...


class _HasKeys(Protocol):
    def keys(self, k: int) -> list[str]: ...


@dataclass(frozen=True)
class StoredKeys:
    """Where the postings of a state read by record are (``stories``, ``topics``), and its
    records as read (a run changes copies of them, see :meth:`StoryState.story`): the keys
    each held then, which is what the stored postings hold them under."""

    stories: Holders
    topics: Holders
    read: tuple[Sequence[_Keyed], Sequence[_Keyed]]


class StoredIndex(InvertedIndex):
    """An :class:`InvertedIndex` whose postings are read from the store when first used
    (see the module's description). ``records`` are the records as read (their index keys
    are those of the stored postings)."""

    def __init__(self, cap: int, k: int, holders: Holders, records: Sequence[_Keyed]) -> None:
        super().__init__(cap)
        self._holders, self._records, self._k = holders, records, k
        self._read: set[str] = set()

    def copy(self) -> StoredIndex:
        twin = StoredIndex(self.cap, self._k, self._holders, self._records)
        twin._postings = dict(self._postings)
        twin._indexed = dict(self._indexed)
        twin._read = set(self._read)
        return twin

    def _load(self, keys: Iterable[str]) -> None:
        missing = [key for key in dict.fromkeys(keys) if key not in self._read]
        if not missing:
            return
        found = self._holders(missing)
        cap = self.cap
        for key in missing:
            held = found.get(key)
            if held:  # as built() takes them: the last cap holders, newest first
                self._postings[key] = posting(held[: -cap - 1 : -1])
            self._read.add(key)

    def update(self, cluster: int, keys: Iterable[str]) -> None:
        new_keys = list(keys)
        if cluster not in self._indexed and cluster < len(self._records):
            self._indexed[cluster] = tuple(self._records[cluster].centroid.keys(self._k))
        self._load([*new_keys, *self._indexed.get(cluster, ())])
        super().update(cluster, new_keys)

    def candidates(self, query: Iterable[tuple[str, float]], limit: int) -> list[int]:
        asked = list(query)
        self._load(key for key, _ in asked)
        return super().candidates(asked, limit)


def changed_postings(
    records: Sequence[_Keyed],
    changed: Iterable[int] | None,
    rank: Callable[[int], tuple[int, int]],
    k: int,
    stored: tuple[Holders, Sequence[_Keyed]] | None,
) -> Iterator[Posting]:
    """The postings to write for ``records`` (stories or topics): of every key when
    ``changed`` or ``stored`` is None, else of the keys that the ``changed`` records hold now
    or held as read (``stored``: the stored postings and the records as read). A posting
    lists its holders in ``rank`` order, as :meth:`InvertedIndex.built` indexes them."""
    if changed is None or stored is None:
        with no_cyclic_gc():  # a million postings entries: collections scanned them all
            held: dict[str, list[int]] = {}
            for number in sorted(range(len(records)), key=rank):
                for key in dict.fromkeys(records[number].centroid.keys(k)):
                    if key in held:
                        held[key].append(number)
                    else:
                        held[key] = [number]
            ordered = sorted(held)
        for key in ordered:
            yield key, held[key]
        return
    holders, read = stored
    numbers = sorted(set(changed))
    now: dict[str, list[int]] = {}  # key -> the changed records that hold it now
    for number in numbers:
        for key in dict.fromkeys(records[number].centroid.keys(k)):
            now.setdefault(key, []).append(number)
    keys = set(now)
    keys.update(key for n in numbers if n < len(read) for key in read[n].centroid.keys(k))
    found = holders(sorted(keys))
    moved = set(numbers)
    for key in sorted(keys):
        # the stored holders stay in order (their ranks did not change): the changed ones
        # are put in place, each found by bisection (a posting can hold thousands)
        kept = [n for n in found.get(key, ()) if n not in moved]
        for number in now.get(key, ()):
            insort(kept, number, key=rank)
        yield key, kept
