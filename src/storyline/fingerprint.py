"""Fingerprints of a stage's inputs: a later run keeps a result whose inputs are unchanged.

A fingerprint covers the code as well as the data. Every source file of the storyline
package is hashed once per process, so a result computed by another release, or by an
edited checkout, is never taken for a current one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
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


def fingerprint(kind: str, options: object, *inputs: Iterable[object]) -> str:
    """A hex digest of the code, ``kind``, ``options`` and each item of each input.

    Items are frozen dataclasses (articles, groups, relations) and options are too, so their
    ``repr`` names every field and value: equal reprs mean equal inputs.
    """
    digest = hashlib.sha256(code_fingerprint())
    digest.update(f"{kind}\0{options!r}".encode())
    for items in inputs:
        digest.update(b"\1")
        for item in items:
            digest.update(repr(item).encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
    return digest.hexdigest()
