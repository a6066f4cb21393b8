"""Reading and writing the JSON texts of a story state: helpers of :mod:`.state`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any


def parse_all(texts: list[str]) -> Iterator[Any]:
    """The JSON values of ``texts`` (emptied), parsed by one call."""
    joined = "[" + ",".join(texts) + "]"
    texts.clear()
    return drain(json.loads(joined))


def drain(items: list[Any]) -> Iterator[Any]:
    """The items of ``items`` in order, each dropped from the list once taken: the parsed
    JSON of a large state is freed as the records are built, not held until the end."""
    items.reverse()
    while items:
        yield items.pop()


def dumps(payload: Any) -> str:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
