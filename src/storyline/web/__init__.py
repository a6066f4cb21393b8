"""The local web app (``storyline serve``): read-only pages and a JSON API over a store."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
