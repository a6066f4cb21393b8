"""A generated stream of articles cut into batches, and the digests of runs that add them."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from helpers_cli import ROOT
from storyline import pipeline
from storyline.store import Store

sys.path.insert(0, str(ROOT / "bench"))
from corpus_gen import generate

# A first digest, then three updates of a few dozen articles each.
SIZES = (240, 30, 20, 50)


def batches(folder: Path, sizes: tuple[int, ...] = SIZES) -> list[Path]:
    """The generated articles in publication order, cut into JSONL files of ``sizes``."""
    articles = sorted(generate(sum(sizes), 5)[0], key=lambda a: (a.published or "", a.id))
    paths, start = [], 0
    for number, size in enumerate(sizes):
        path = folder / f"batch{number}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for article in articles[start : start + size]:
                fields = ("id", "title", "text", "source", "published", "url")
                out.write(json.dumps({name: getattr(article, name) for name in fields}) + "\n")
        paths.append(path)
        start += size
    return paths


def digests(db: Path, files: list[Path]) -> Iterator[str]:
    """The digest JSON of each run that reads one more of ``files`` into ``db``."""
    for batch in files:
        with Store(db) as store:
            pipeline.ingest([batch], store)
            yield pipeline.analyse(store).json.replace(str(batch.parent), "DIR")
