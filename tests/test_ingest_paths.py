"""An article's path is its input's path as given, written one way: `find . -name
'*.jsonl'` names `./dump/a.jsonl` where a glob names `dump/a.jsonl`, and the digest of the
same files must not differ by that."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.ingest import read_sources
from storyline.model import Article, Skipped

RECORD = {"id": "a1", "title": "Dam opens", "text": "The new dam in Karsk opened on Friday."}


@pytest.mark.parametrize("given", ["./dump/a.jsonl", "dump//a.jsonl", "./dump", "dump/", "./dump/"])
def test_the_same_file_named_another_way_gets_the_same_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str
) -> None:
    (tmp_path / "dump").mkdir()
    (tmp_path / "dump" / "a.jsonl").write_text(json.dumps(RECORD) + "\n{bad\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    found = list(read_sources([given]))
    assert [item.path for item in found] == ["dump/a.jsonl", "dump/a.jsonl"]
    assert isinstance(found[0], Article) and isinstance(found[1], Skipped)
