"""The web API counts skipped inputs as the page and the CLI do (a QA pass, session 22)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

from storyline.web import create_app
from web_fixtures import digest_corpus

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_a_note_on_an_article_read_is_not_a_skipped_input(tmp_path: Path) -> None:
    # Three feed items read with a note ("the feed gives only a summary") and two lines
    # skipped: the page and the CLI said 2 skipped, /api/stories said 5.
    corpus = tmp_path / "in"
    corpus.mkdir()
    rows = [
        {"id": "a", "title": "Dock strike ends", "published": "2031-13-40",
         "text": "Dock workers in Velmora ended their strike on Monday after a pay deal."},
        {"id": "b", "title": "Dock pay deal", "published": "2031-03-04",
         "text": "The Velmora dock pay deal gives workers a raise of five percent."},
        {"id": "c", "title": "Empty", "text": None},
    ]  # fmt: skip
    (corpus / "feed.jsonl").write_text("\n".join(json.dumps(row) for row in rows) + "\n")
    db = digest_corpus(corpus, tmp_path / "n.db")
    with TestClient(create_app(db)) as client:
        data = client.get("/api/stories").json()
        page = client.get("/").text
    assert (data["articles"], data["skipped"], data["notes"]) == (2, 1, 1)
    assert "1 skipped" in page
