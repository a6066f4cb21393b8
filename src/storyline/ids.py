"""Content-derived, stable identifiers."""

from __future__ import annotations

import hashlib


def stable_id(*parts: str, prefix: str = "", length: int = 16) -> str:
    """A hex digest of ``parts`` (joined unambiguously), optionally prefixed.

    The same parts always give the same id, on every machine and Python version.
    """
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]
    return f"{prefix}{digest}"
