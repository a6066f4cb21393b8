"""JSON lines on standard input may come gzip-compressed (`curl .../feed.jsonl.gz | storyline
ingest -`), as a .gz file would."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from storyline.cli import cli
from storyline.store import Store

RECORDS = [
    {"id": "z1", "title": "Zoo opens", "text": "A zoo opened in Velmora on Friday."},
    {"id": "z2", "title": "Dam opens", "text": "The new dam in Karsk opened on Monday."},
    {"id": "z3", "text": None},
]


def test_gzip_on_standard_input_is_read_as_its_json_lines(tmp_path: Path) -> None:
    lines = "".join(json.dumps(record) + "\n" for record in RECORDS)
    db = tmp_path / "s.db"
    result = CliRunner().invoke(
        cli, ["ingest", "-", "--db", str(db)], input=gzip.compress(lines.encode(), mtime=0)
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("2 added")
    assert "skipped -:3: line 3: 'text' is null, not text" in result.stderr
    with Store(db) as store:
        assert store.article("z2").title == "Dam opens"


def test_a_broken_gzip_stream_on_standard_input_is_named(tmp_path: Path) -> None:
    packed = gzip.compress(b'{"id": "z1", "text": "A zoo opened."}\n', mtime=0)
    result = CliRunner().invoke(  # cut in its trailer
        cli, ["ingest", "-", "--db", str(tmp_path / "s.db")], input=packed[:-4]
    )
    assert result.exit_code == 1
    assert "-: cannot decompress: Compressed file ended" in result.stderr
