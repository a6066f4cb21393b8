"""A record field of the wrong JSON type (a title that is a list, a url that is an object)
is not silently read as empty: the article is kept, with a note naming the field."""

from __future__ import annotations

import json
from pathlib import Path

from storyline.ingest import IngestOptions, read_sources
from storyline.model import Article

TEXT = "The harbour bridge in Velmora was closed on Monday after inspectors found cracks."


def _read(tmp_path: Path, *records: dict[str, object]) -> dict[str, Article]:
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    options = IngestOptions(fields={"url": "link"})
    return {a.id: a for a in read_sources([path], options) if isinstance(a, Article)}


def test_a_field_of_the_wrong_type_is_named_in_a_note(tmp_path: Path) -> None:
    articles = _read(
        tmp_path,
        {"id": "a", "title": ["Bridge", "closed"], "text": TEXT},
        {"id": "b", "title": "Bridge", "link": {"href": "https://x.example/b"}, "text": TEXT},
        {"id": "c", "title": "Bridge", "source": True, "text": TEXT + " Again."},
    )
    assert articles["a"].title == TEXT.rstrip(".")  # made from the text, as when none is given
    assert articles["a"].ingest_note == "'title' is a JSON array, not text; ignored"
    assert articles["b"].ingest_note == "'link' is a JSON object, not text; ignored"
    assert articles["c"].ingest_note == "'source' is a JSON boolean, not text; ignored"


def test_text_numbers_null_and_an_outlet_object_need_no_note(tmp_path: Path) -> None:
    articles = _read(
        tmp_path,
        {"id": 7, "title": None, "source": {"id": None, "name": "Northwire"}, "text": TEXT},
    )
    assert articles["7"].source == "Northwire"
    assert articles["7"].ingest_note == ""
