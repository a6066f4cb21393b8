"""Opening a storyline database file, and what to tell a user whose file is damaged."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from ..errors import StoreError

BUSY_TIMEOUT_MS = 10_000


def create_hint(path: Path) -> str:
    return f"create it with `storyline ingest PATH --db {path}`"


def connect(path: Path, readonly: bool, create: bool) -> sqlite3.Connection:
    """Open ``path``; a missing file is an error unless it may be created."""
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a database file")
    if not path.exists():
        if readonly or not create:
            raise StoreError(f"no database at {path}; {create_hint(path)}")
        path.parent.mkdir(parents=True, exist_ok=True)
    target = f"{path.resolve().as_uri()}?mode=ro" if readonly else str(path)
    try:
        conn = sqlite3.connect(
            target,
            uri=readonly,
            isolation_level=None,  # we issue BEGIN/COMMIT ourselves
            check_same_thread=False,  # guarded by Store._lock (the web app serves from threads)
            timeout=BUSY_TIMEOUT_MS / 1000,
        )
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open database {path}: {exc}") from exc
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


# What a user can do about a damaged file: storyline keeps no second copy of it.
DAMAGED = (
    "; the file is damaged: restore it from a backup (`sqlite3 FILE .recover` may save some of"
    " it), or build a new database from the input files with `storyline digest PATHS --db"
    " NEW.db`"
)


def close_and_remove(conn: sqlite3.Connection, tempdir: str | None) -> None:
    conn.close()
    if tempdir is not None:
        shutil.rmtree(tempdir, ignore_errors=True)
