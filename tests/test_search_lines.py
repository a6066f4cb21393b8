"""Plain search output: one title line and one snippet line per hit."""

from __future__ import annotations

import json
from pathlib import Path

from helpers_cli import Run


def test_a_snippet_across_paragraphs_is_one_line(run: Run, tmp_path: Path) -> None:
    # A QA pass (session 22): a press release's quote, then a blank line, then the next
    # paragraph printed the snippet over three lines, and a script reading hits two lines
    # at a time read the next paragraph as a hit.
    text = (
        '"Our customers asked for quiet, and we listened," said Marta Lindqvist.\n\n'
        "The new model will be sold from February.\n\nIt costs 899 euros."
    )
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "a1", "title": "Quiet dishwasher", "text": text}) + "\n")
    db = tmp_path / "n.db"
    assert run("ingest", str(feed), "--db", str(db)).exit_code == 0
    result = run("search", "Lindqvist", "--db", str(db))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith("a1  Quiet dishwasher")
    assert "[Lindqvist]. The" in lines[1]
    shown = json.loads(run("search", "Lindqvist", "--db", str(db), "--format", "json").stdout)
    assert "\n" in shown[0]["snippet"]  # the JSON keeps the text as stored
