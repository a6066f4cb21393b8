"""Shared by the ingest tests: fixture paths and readers that return what was read."""

from __future__ import annotations

from pathlib import Path

from storyline.ingest import IngestOptions, read_sources
from storyline.model import Article, Skipped

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def read(*paths: str | Path, options: IngestOptions | None = None) -> list[Article | Skipped]:
    return list(read_sources(list(paths), options or IngestOptions()))


def articles(*paths: str | Path, options: IngestOptions | None = None) -> list[Article]:
    found = read(*paths, options=options)
    assert all(isinstance(item, Article) for item in found), found
    return [item for item in found if isinstance(item, Article)]


def one(path: str | Path, options: IngestOptions | None = None) -> Article:
    found = articles(path, options=options)
    assert len(found) == 1
    return found[0]


def outcomes(records: list[Article | Skipped]) -> list[tuple[str, int, str]]:
    """(kind-or-reason, record, title) triples, for exact comparisons."""
    return [
        ("article", r.record, r.title) if isinstance(r, Article) else ("skip", r.record, r.reason)
        for r in records
    ]
