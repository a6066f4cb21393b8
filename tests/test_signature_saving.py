"""A run saves the duplicate finder's signatures of the articles it signed, not again those
it read back from the store (rewriting 20k unchanged rows cost a quarter of a second)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline import pipeline
from storyline.store import Store

STORIES = (
    "The harbor ferry resumed service on Monday after a week of repairs to its hull.",
    "The city library opened a new reading room for children on the east side.",
    "Farmers at the Saturday market reported strong sales of early strawberries.",
    "Engineers closed the old rail bridge for an inspection of its steel beams.",
)


def _write(path: Path, rows: list[tuple[str, str]]) -> Path:
    records = [
        {"id": i, "title": f"About {i}", "text": text, "source": "outlet"} for i, text in rows
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_only_new_and_changed_articles_signatures_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[list[str]] = []
    real = Store.save_signatures

    def saving(self: Store, params: Any, rows: Any) -> None:
        rows = list(rows)
        written.append([i for i, _ in rows])
        real(self, params, rows)

    monkeypatch.setattr(Store, "save_signatures", saving)
    first = [(f"a{n}", text) for n, text in enumerate(STORIES[:3])]
    with Store(tmp_path / "s.db") as store:
        pipeline.ingest([_write(tmp_path / "1.jsonl", first)], store)
        pipeline.analyse(store, with_summary=False, with_timeline=False)
        kept = store.load_signatures(pipeline.RunOptions().dedup.params())
        changed = [("a1", STORIES[1] + " It stays open late."), ("a3", STORIES[3])]
        pipeline.ingest([_write(tmp_path / "2.jsonl", changed)], store)
        result = pipeline.analyse(store, with_summary=False, with_timeline=False)
        assert written == [["a0", "a1", "a2"], ["a1", "a3"]]
        stored = store.load_signatures(pipeline.RunOptions().dedup.params())
    assert stored == dict(result.dedup.index.rows())  # the store holds the whole index
    assert stored["a0"] == kept["a0"]
    assert stored["a1"] != kept["a1"]
