"""One record in a legacy encoding among UTF-8 ones (crawlers' outputs concatenated into one
file) is read in its own encoding; the UTF-8 records around it stay as they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.ingest import IngestOptions, read_sources
from storyline.model import Article

FRENCH = "Le café numéro {n} de Brisca a rouvert vendredi, a déclaré son propriétaire, cet été."
LATIN = '{"id": "latin", "title": "Café reopens", "text": "The café in Brisca reopened."}'


def _utf8_line(n: int) -> bytes:
    record = {"id": f"fr{n}", "title": f"Le café numéro {n} a rouvert", "text": FRENCH.format(n=n)}
    return json.dumps(record, ensure_ascii=False).encode("utf-8")


def _articles(path: Path) -> dict[str, Article]:
    found = list(read_sources([path], IngestOptions()))
    assert all(isinstance(item, Article) for item in found), found
    return {item.id: item for item in found if isinstance(item, Article)}


@pytest.mark.parametrize("position", [0, 50, 99])
def test_a_latin1_line_among_utf8_lines_spoils_none_of_them(tmp_path: Path, position: int) -> None:
    lines = [_utf8_line(n) for n in range(100)]
    lines.insert(position, LATIN.encode("latin-1"))
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    articles = _articles(path)
    assert len(articles) == 101
    assert articles["fr7"].title == "Le café numéro 7 a rouvert"
    assert articles["fr7"].text == FRENCH.format(n=7)
    assert articles["latin"].title == "Café reopens"


def test_the_same_in_a_csv(tmp_path: Path) -> None:
    header = b"id,title,text\n"
    rows = [f'fr{n},Le café numéro {n},"{FRENCH.format(n=n)}"\n'.encode() for n in range(30)]
    rows.insert(10, 'latin,Café reopens,"The café in Brisca reopened."\n'.encode("cp1252"))
    path = tmp_path / "mixed.csv"
    path.write_bytes(header + b"".join(rows))
    articles = _articles(path)
    assert articles["fr3"].title == "Le café numéro 3"
    assert articles["latin"].title == "Café reopens"


def test_a_file_wholly_in_cp1252_is_still_read_as_cp1252(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": f"w{n}",
                "title": f"Café numéro {n}",
                "text": f"Le café {n} a rouvert, très bien.",
            },
            ensure_ascii=False,
        )
        for n in range(20)
    ]
    path = tmp_path / "legacy.jsonl"
    path.write_bytes("\n".join(lines).encode("cp1252"))
    articles = _articles(path)
    assert articles["w4"].title == "Café numéro 4"
    assert articles["w4"].text == "Le café 4 a rouvert, très bien."
