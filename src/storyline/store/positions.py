"""Storing positions: how far a store's articles, article updates and skip records went, so
that a digest can remember where it stood and the next one can say what came after (see
:mod:`storyline.changes`). Each is the ``seq`` of its table: an order, not a clock time."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

Read = Callable[[str, Iterable[Any]], list[Any]]
# The schema version that added ``article_updates`` (a read-only older file has none).
UPDATES_SINCE = 6


@dataclass(frozen=True)
class Positions:
    """The newest storing position of each kind: articles, article updates (a new text read
    for a stored id) and skip records (inputs skipped, or read with a note)."""

    articles: int = 0
    updates: int = 0
    skips: int = 0


# Past every position: what was stored after it is nothing, and up to it everything.
END = Positions(2**62, 2**62, 2**62)


@dataclass(frozen=True)
class StoredAfter:
    """What a store recorded between two :class:`Positions`: the ids of the articles added,
    those of the articles updated, and the skip records as (path, record, reason); and
    ``newest``, how far each kind goes in the store."""

    newest: Positions
    articles: frozenset[str]
    updated: frozenset[str]
    skips: frozenset[tuple[str, int, str]]


def _newest(read: Read, version: int) -> Positions:
    """The newest position of each kind (0 where a table is empty or missing)."""
    updates = "(SELECT coalesce(max(seq), 0) FROM article_updates)"
    row = read(
        "SELECT (SELECT coalesce(max(seq), 0) FROM articles), "
        f"{updates if version >= UPDATES_SINCE else 0}, "
        "(SELECT coalesce(max(seq), 0) FROM skipped)",
        (),
    )[0]
    return Positions(int(row[0]), int(row[1]), int(row[2]))


def stored_after(read: Read, version: int, after: Positions, upto: Positions | None) -> StoredAfter:
    """What was recorded after ``after`` and up to ``upto`` (None: up to now)."""
    end = upto or END
    added = read(
        "SELECT id FROM articles WHERE seq > ? AND seq <= ?", (after.articles, end.articles)
    )
    updated: list[Any] = []
    if version >= UPDATES_SINCE:
        updated = read(
            "SELECT DISTINCT article_id FROM article_updates WHERE seq > ? AND seq <= ?",
            (after.updates, end.updates),
        )
    skips = read(
        "SELECT path, record, reason FROM skipped WHERE seq > ? AND seq <= ?",
        (after.skips, end.skips),
    )
    return StoredAfter(
        _newest(read, version),
        frozenset(str(row[0]) for row in added),
        frozenset(str(row[0]) for row in updated),
        frozenset((str(path), int(record), str(reason)) for path, record, reason in skips),
    )
