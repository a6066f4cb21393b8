"""Fingerprints of a stage's inputs: a later run keeps a result whose inputs are unchanged.

A fingerprint covers the code as well as the data. Every source file of the storyline
package is hashed once per process, so a result computed by another release, or by an
edited checkout, is never taken for a current one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path


@cache
def code_fingerprint() -> bytes:
    """SHA-256 over the path and bytes of every ``.py`` file of the package."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.digest()


def item_digest(item: object) -> bytes:
    """SHA-256 of one input item. A dataclass is hashed field by field, each text as its
    own UTF-8 bytes behind its length: ``repr`` would escape a 3 kB article text first,
    which costs about twice as much. Anything else is hashed by its ``repr``."""
    digest = hashlib.sha256()
    if is_dataclass(item) and not isinstance(item, type):
        digest.update(type(item).__name__.encode())
        for name in _field_names(type(item)):
            value = getattr(item, name)
            is_text = isinstance(value, str)
            encoded = (value if is_text else repr(value)).encode("utf-8", "surrogatepass")
            # the tag keeps a text apart from the repr of another value that reads the same
            digest.update((b"s%d:" if is_text else b"r%d:") % len(encoded))
            digest.update(encoded)
    else:
        digest.update(repr(item).encode("utf-8", "surrogatepass"))
    return digest.digest()


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(kind))


def fingerprint(
    kind: str,
    options: object,
    *inputs: Iterable[object],
    digest_of: Callable[[object], bytes] = item_digest,
) -> str:
    """A hex digest of the code, ``kind``, ``options`` and each item of each input.

    Items are frozen dataclasses (articles, groups, relations) and options are too, so their
    fields name every value: equal digests mean equal inputs. ``digest_of`` may be a memo of
    :func:`item_digest` when the same items recur across many fingerprints.
    """
    digest = hashlib.sha256(code_fingerprint())
    digest.update(f"{kind}\0{options!r}".encode())
    for items in inputs:
        digest.update(b"\1")
        for item in items:
            digest.update(digest_of(item))
    return digest.hexdigest()


class DigestMemo:
    """:func:`item_digest` remembered per object for as long as the memo lives: one analysis
    fingerprints each article twice (its story's timeline and summary) and more."""

    def __init__(self) -> None:
        # Each item is kept with its digest, so no other object can take its id meanwhile.
        self._known: dict[int, tuple[object, bytes]] = {}

    def __call__(self, item: object) -> bytes:
        found = self._known.get(id(item))
        if found is not None:
            return found[1]
        digest = item_digest(item)
        self._known[id(item)] = (item, digest)
        return digest
