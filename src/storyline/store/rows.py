"""Rows: turning Articles into table rows, content hashes, and small SQL helpers."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

from ..errors import OptionsError, StoreError
from ..model import Article
from .schema import ARTICLE_FIELDS

_SURROGATE = re.compile("[\ud800-\udfff]")
CHUNK = 500  # ids per IN (...) query and rows per page: far below SQLite's variable limit


@dataclass(frozen=True)
class AddReport:
    """What one call (or one batch) of :meth:`Store.add_articles` did."""

    added: int
    updated: int
    unchanged: int

    def __add__(self, other: AddReport) -> AddReport:
        return AddReport(
            self.added + other.added,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
        )

    def __sub__(self, other: AddReport) -> AddReport:
        return AddReport(
            self.added - other.added,
            self.updated - other.updated,
            self.unchanged - other.unchanged,
        )


def clean(value: str) -> str:
    """``value`` as SQLite can store it: lone surrogates (undecodable input) become U+FFFD."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


def article_row(article: Article) -> tuple[Any, ...]:
    row = tuple(getattr(article, name) for name in ARTICLE_FIELDS)
    return tuple(clean(v) if isinstance(v, str) else v for v in row)


def content_hash(row: tuple[Any, ...]) -> str:
    """The sha1 of an article row's content: every field but its location (path, record).

    The same article read from a second file is therefore ``unchanged``, not an update, and
    re-ingesting a corpus twice adds nothing.
    """
    digest = hashlib.sha1()
    for name, value in zip(ARTICLE_FIELDS, row, strict=True):
        if name in ("path", "record"):
            continue
        data = b"\x00" if value is None else str(value).encode("utf-8")
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


def params_json(params: Mapping[str, int | float | str]) -> str:
    for key, value in params.items():
        if not isinstance(key, str) or not isinstance(value, int | float | str):
            raise OptionsError(f"signature parameter {key!r}={value!r} is not a number or text")
    return json.dumps(dict(params), sort_keys=True)


def describe(params: Mapping[str, Any]) -> str:
    return "{" + ", ".join(f"{k}={params[k]!r}" for k in sorted(params)) + "}"


def chunks(items: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def marks(count: int) -> str:
    return ", ".join("?" * count)


def check_json(path: object, what: str, payload: str) -> None:
    """Raise StoreError unless ``payload`` is JSON text.

    Every object is dropped as soon as it is parsed: a large state would otherwise be
    rebuilt whole in memory just to be checked (about 2 GB at 100k articles)."""
    try:
        json.loads(payload, object_pairs_hook=_discard, parse_float=_discard, parse_int=_discard)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"cannot save {what} in {path}: not JSON text ({exc})") from exc


def _discard(_: object) -> None:
    """Parse hook that keeps nothing: the JSON is checked, not built."""
