"""Fixtures for the store tests: generated articles and the ingest run in a child process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from storyline.model import Article
from storyline.store import Store

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


def slow_down(store: Store, pause: float = 0.0005, every: int = 100) -> Callable[[], None]:
    """Make SQLite pause while it executes, so that most wall time is spent *inside* a write
    transaction, and print ``writing`` once per transaction when it is under way, so that a
    test can kill the process right there (a test hook on the private connection). Returns
    the function to call after each commit to announce the next transaction again."""
    announced = False

    def pause_and_go_on() -> int:
        nonlocal announced
        if store._conn.in_transaction and not announced:
            print("writing", flush=True)
            announced = True
        time.sleep(pause)
        return 0

    def rearm() -> None:
        nonlocal announced
        announced = False

    store._conn.set_progress_handler(pause_and_go_on, every)
    return rearm


INGEST_SCRIPT = """
import sys
from helpers_store import generated_articles, slow_down
from storyline.store import Store

db, batch_size, count, delay, slow = sys.argv[1:6]
store = Store(db)
rearm = slow_down(store) if slow == "1" else lambda: None
def committed(report):
    rearm()
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
    db: Path, batch_size: int, count: int, *, delay: float = 0.0, slow: bool = False
) -> subprocess.Popen[str]:
    """Start ``INGEST_SCRIPT`` in a child Python that prints a line after each commit."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), str(SRC), env.get("PYTHONPATH", "")])
    args = [str(db), str(batch_size), str(count), str(delay), "1" if slow else "0"]
    return subprocess.Popen(
        [sys.executable, "-c", INGEST_SCRIPT, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
