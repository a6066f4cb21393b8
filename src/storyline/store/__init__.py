"""The SQLite store: the only module that touches SQLite (see :class:`Store`)."""

from __future__ import annotations

from .database import Store
from .positions import Positions, StoredAfter
from .rows import AddReport, content_hash
from .schema import MIGRATIONS, SCHEMA_VERSION, Migration
from .search import MARK_CLOSE, MARK_OPEN, SearchHit
from .staterows import StateRows, StoredState

__all__ = [
    "MARK_CLOSE",
    "MARK_OPEN",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AddReport",
    "Migration",
    "Positions",
    "SearchHit",
    "StateRows",
    "Store",
    "StoredAfter",
    "StoredState",
    "content_hash",
]
