"""Fixtures for the store tests: generated articles and the ingest run in a child process."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from storyline.model import Article
from storyline.store import AddReport, Store

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"

_PLACES = ("Lakeport", "Greyhaven", "Moorfield", "Eastwick", "Brindle Bay")
_TOPICS = ("ferry strike", "bridge repair", "harvest festival", "council vote", "flood alert")


def article(
    number: int, *, text: str | None = None, published: str | None = "auto", path: str = ""
) -> Article:
    """A small fictional article; ``published="auto"`` dates two of every three."""
    place = _PLACES[number % len(_PLACES)]
    topic = _TOPICS[(number // len(_PLACES)) % len(_TOPICS)]
    body = text if text is not None else f"The {topic} in {place} entered day {number}."
    if published == "auto":
        published = None if number % 3 == 0 else f"2031-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
    return Article(
        id=f"art-{number:06d}",
        title=f"{place}: {topic} update {number}",
        text=body,
        raw_text=f"Site header\n{body}\nRead more: elsewhere",
        source=f"{place} Gazette",
        url=f"https://example.invalid/{number}",
        published=published,
        language="en",
        path=path or f"corpus/{number}.txt",
        record=0,
    )


def generated_articles(count: int, delay: float = 0.0) -> Iterator[Article]:
    """``count`` articles, made one at a time (optionally slowly) as a reader would."""
    for number in range(count):
        if delay:
            time.sleep(delay)
        yield article(number)


def slow_down(
    store: Store, hang_after: int | None = None, pause: float = 0.0005, every: int = 100
) -> Callable[[], None]:
    """Make SQLite pause while it executes, so that most wall time is spent *inside* a write
    transaction (a test hook on the private connection). Returns the function to call after
    each commit.

    With ``hang_after=k``: the page cache is made tiny, so that a transaction spills its
    uncommitted pages into the WAL file; once ``k`` batches are committed and the next
    transaction has spilled pages, print ``writing`` and hang there until killed.
    """
    wal = store.path.with_name(store.path.name + "-wal")
    commits = 0
    committed_size = wal.stat().st_size
    if hang_after is not None:
        store._conn.execute("PRAGMA cache_size = 2")

    def pause_and_go_on() -> int:
        if (
            commits == hang_after
            and store._conn.in_transaction
            and wal.stat().st_size > committed_size
        ):
            print("writing", flush=True)
            while True:
                time.sleep(1)
        time.sleep(pause)
        return 0

    def committed() -> None:
        nonlocal commits, committed_size
        commits += 1
        committed_size = wal.stat().st_size

    store._conn.set_progress_handler(pause_and_go_on, every)
    return committed


INGEST_SCRIPT = """
import signal
import sys
from helpers_store import generated_articles, slow_down
from storyline.store import AddReport, Store

# Ctrl-C raises KeyboardInterrupt even when this child was started with SIGINT ignored (a
# test run launched in the background by a shell without job control): Python installs its
# handler only where SIGINT was not ignored, and the signal would then do nothing.
signal.signal(signal.SIGINT, signal.default_int_handler)

db, batch_size, count, delay, slow, hang = sys.argv[1:7]
store = Store(db)
hang_after = int(hang) if int(hang) >= 0 else None
count_commit = slow_down(store, hang_after) if slow == "1" else lambda: None
def committed(report):
    count_commit()
    print(report.added + report.updated + report.unchanged, flush=True)
try:
    store.add_articles(
        generated_articles(int(count), float(delay)),
        batch_size=int(batch_size),
        on_batch=committed,
    )
except KeyboardInterrupt:
    print("interrupted", flush=True)
    sys.exit(130)
store.close()
print("done", flush=True)
"""


def start_ingest(
    db: Path,
    batch_size: int,
    count: int,
    *,
    delay: float = 0.0,
    slow: bool = False,
    hang_after: int | None = None,
) -> subprocess.Popen[str]:
    """Start ``INGEST_SCRIPT`` in a child Python that prints a line after each commit."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), str(SRC), env.get("PYTHONPATH", "")])
    hang = -1 if hang_after is None else hang_after
    args = [str(db), str(batch_size), str(count), str(delay), "1" if slow else "0", str(hang)]
    return subprocess.Popen(
        [sys.executable, "-c", INGEST_SCRIPT, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def check_after_interruption(path: Path, committed: int, batch: int, total: int) -> None:
    """The database is sound, holds whole batches only, at least those reported, and a
    re-run completes it, finding the stored ones unchanged."""
    with Store(path, readonly=True) as reader:  # as the web app would, before any repair
        count = reader.count_articles()
    assert count % batch == 0
    assert committed * batch <= count < total
    assert _sql(path, "PRAGMA integrity_check") == [("ok",)]
    with Store(path, create=False) as opened:
        assert opened.count_articles() == count
        # FTS5's own check raises when the index disagrees with the articles table.
        check = "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')"
        assert _sql(path, check) == []
        rerun = opened.add_articles(generated_articles(total), batch_size=batch)
        assert rerun == AddReport(added=total - count, updated=0, unchanged=count)
        assert opened.count_articles() == total
        assert opened.article_ids() == _store_order(total)


def _store_order(total: int) -> list[str]:
    items = [article(n) for n in range(total)]
    dated = sorted((a.published or "", a.id) for a in items if a.published)
    return [i for _, i in dated] + [a.id for a in items if a.published is None]


def _sql(path: Path, query: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()
