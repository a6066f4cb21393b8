"""Pages and WARC files read by worker processes (``RunOptions.jobs``): what is stored,
skipped and remembered for the next run is the same as when one process reads them."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path

import pytest

from helpers_jobs import count_pools
from storyline import ingestrun, pipeline, workers
from storyline.errors import StorylineError
from storyline.ingest import IngestOptions
from storyline.store import Store
from test_ingest_warc import page, response, url, write_warc
from test_jobs import interrupted


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Workers read files however few there are; each pool started is counted."""
    monkeypatch.setattr(ingestrun, "FILES_FROM", 2)
    return count_pools(monkeypatch)


def _crawl(folder: Path, pages: int) -> Path:
    """Pages (one gzipped, one under two names: one id, two records), an empty page, a page
    with no text, a WARC file, a JSON lines file with a mistyped field, and a file of a kind
    no reader takes."""
    folder.mkdir(exist_ok=True)
    for n in range(pages):
        date = f"2024-03-{n % 28 + 1:02d}"
        (folder / f"pier-{n:03d}.html").write_bytes(page(n, date))
    (folder / "pier-005-again.html").write_bytes(page(5, "2024-03-06"))
    (folder / "zipped.html.gz").write_bytes(gzip.compress(page(900)))
    (folder / "empty.html").write_bytes(b"")
    (folder / "blank.html").write_bytes(b"<html><body><nav>Home</nav></body></html>")
    records = [response(url(n), page(n)) for n in range(901, 905)]
    write_warc(folder / "crawl.warc.gz", records, gz=True)
    text = "The ferry to Portvale resumed its crossings on Monday after a week of repairs."
    line = f'{{"id": "wire-1", "title": "Ferry resumes", "body": "{text}"}}\n'
    (folder / "wire.jsonl").write_text(line)
    (folder / "notes.docx").write_bytes(b"PK")
    return folder


def _state(db: Path) -> list[list[tuple[object, ...]]]:
    """Every stored article, skip list entry and remembered file reading, in order."""
    conn = sqlite3.connect(db)
    try:
        return [
            conn.execute("SELECT * FROM articles ORDER BY rowid").fetchall(),
            conn.execute("SELECT * FROM skipped ORDER BY rowid").fetchall(),
            conn.execute(
                "SELECT kind, key, fingerprint, payload FROM results ORDER BY kind, key"
            ).fetchall(),
        ]
    finally:
        conn.close()


def _ingested(folder: Path, db: Path, jobs: int) -> pipeline.IngestReport:
    options = pipeline.RunOptions(ingest=IngestOptions(fields={"text": "bodyy"}), jobs=jobs)
    with Store(db) as store:
        return pipeline.ingest([folder], store, options)


def test_files_read_by_workers_are_stored_skipped_and_remembered_alike(
    tmp_path: Path, pools: list[int]
) -> None:
    folder = _crawl(tmp_path / "crawl", 12)
    one = _ingested(folder, tmp_path / "one.db", 1)
    assert pools == []
    two = _ingested(folder, tmp_path / "two.db", 2)
    assert pools == [2]
    assert two == one
    assert one.added == 12 + 1 + 4 and one.warnings and one.skipped
    assert _state(tmp_path / "two.db") == _state(tmp_path / "one.db")
    # A later run: unchanged files passed over, a changed page and a new one read again.
    (folder / "pier-003.html").write_bytes(page(3, "2024-03-04", "<p>The repairs began.</p>"))
    (folder / "pier-050.html").write_bytes(page(50))
    (folder / "pier-051.html").write_bytes(page(51))
    again_one = _ingested(folder, tmp_path / "one.db", 1)
    again_two = _ingested(folder, tmp_path / "two.db", 2)
    assert again_two == again_one
    assert again_one.added + again_one.updated == 3  # the changed page, the new ones
    assert _state(tmp_path / "two.db") == _state(tmp_path / "one.db")
    assert pools == [2, 2]


def test_strict_stops_at_the_same_file_with_workers(tmp_path: Path, pools: list[int]) -> None:
    folder = _crawl(tmp_path / "crawl", 6)
    messages = []
    for jobs in (1, 2):
        options = pipeline.RunOptions(strict=True, jobs=jobs)
        with Store(tmp_path / f"{jobs}.db") as store, pytest.raises(StorylineError) as raised:
            pipeline.ingest([folder], store, options)
        messages.append(str(raised.value))
    assert messages[1] == messages[0]
    assert "(--strict)" in messages[0]
    assert pools == [2]


def test_few_files_are_read_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    monkeypatch.setattr(workers.Workers, "_started", lambda self: started.append(1))
    folder = _crawl(tmp_path / "crawl", 3)
    assert _ingested(folder, tmp_path / "few.db", 2).added > 3
    assert started == []  # under FILES_FROM pages: no workers


# The ingest command in a child process, pages read by workers however few, articles stored
# 5 at a time; the progress callback stops after the second batch until the test sends
# Ctrl-C (the child installs Python's SIGINT handler itself, see test_jobs).
CTRL_C_SCRIPT = """
import signal
import time
from contextlib import contextmanager

signal.signal(signal.SIGINT, signal.default_int_handler)
from storyline import cli, ingestrun
from storyline.store import Store

ingestrun.FILES_FROM = 2
add_articles = Store.add_articles
Store.add_articles = lambda self, articles, **kw: add_articles(self, articles, batch_size=5, **kw)


@contextmanager
def reporter(quiet=False, verbose=False):
    def report(event):
        if event.stage == "ingest" and event.done == 10 and not event.finished:
            print("computing", flush=True)
            time.sleep(120)

    yield report


cli.progress_reporter = reporter
if __name__ == "__main__":
    cli.main()
"""


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_ctrl_c_while_workers_read_keeps_the_batches_stored(tmp_path: Path) -> None:
    folder = _crawl(tmp_path / "crawl", 40)
    db = tmp_path / "stopped.db"
    interrupted(CTRL_C_SCRIPT, ["ingest", str(folder), "--db", str(db), "--jobs", "2"])
    with Store(db) as store:
        assert store.count_articles() == 10
    again = _ingested(folder, db, 2)
    whole = _ingested(folder, tmp_path / "whole.db", 1)
    assert (again.added + again.unchanged, again.skipped) == (whole.added, whole.skipped)
    articles = "SELECT * FROM articles ORDER BY id"
    assert _sql(db, articles) == _sql(tmp_path / "whole.db", articles)


def _sql(db: Path, query: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()
