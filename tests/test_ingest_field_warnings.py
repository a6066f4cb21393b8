"""A --field mapping whose input key no record of a file has is said once per file."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner

from storyline.cli import cli
from storyline.ingest import IngestOptions, UnmatchedField, read_sources
from storyline.model import Article

TYPO = IngestOptions(fields={"language": "meta.lnag"})


def _read(paths: list[str | Path], options: IngestOptions, stdin: str = "") -> list[UnmatchedField]:
    said: list[UnmatchedField] = []
    records = list(read_sources(paths, options, io.StringIO(stdin), said.append))
    assert records and all(isinstance(record, Article) for record in records)
    return said


def _jsonl(path: Path, *records: dict[str, object]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_a_nested_key_no_record_has_is_named_once_with_the_keys_beside_it(tmp_path: Path) -> None:
    feed = _jsonl(
        tmp_path / "e.jsonl",
        {"body": "Le pont a rouvert lundi.", "meta": {"lang": "fr", "src": "Ouest"}},
        {"body": "La route est fermée.", "meta": {"lang": "fr"}},
    )
    assert _read([feed], TYPO) == [
        UnmatchedField(str(feed), "language", "meta.lnag", ("meta.lang", "meta.src"))
    ]
    (said,) = _read([feed], IngestOptions(fields={"title": "headline"}))
    assert said.message == (
        f"{feed}: field title is mapped to 'headline', which no record has (their keys: body, meta)"
    )


def test_a_key_one_record_has_is_not_warned_about(tmp_path: Path) -> None:
    feed = _jsonl(
        tmp_path / "mixed.jsonl",
        {"body": "The bridge reopened on Monday."},
        {"body": "The road is closed.", "meta": {"lnag": "en"}},
    )
    assert _read([feed], TYPO) == []


def test_csv_headers_wrapped_exports_stdin_and_the_fallback_name(tmp_path: Path) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text("id,body\n7,The bridge reopened on Monday.\n", encoding="utf-8")
    options = IngestOptions(fields={"id": "uid", "text": "body"})
    (said,) = _read([sheet], options)
    assert (said.field, said.key, said.keys, said.fallback) == ("id", "uid", ("id", "body"), "id")
    assert said.message.endswith("(their keys: id, body); read from 'id' instead")
    export = tmp_path / "x.json"
    export.write_text(json.dumps({"status": "ok", "articles": [{"content": "A dam held."}]}))
    (wrapped,) = _read([export], IngestOptions(fields={"source": "outlet_name"}))
    assert wrapped.keys == ("content",)  # the records' keys, not the wrapper's
    piped = _read(["-"], TYPO, stdin='{"text": "Le pont a rouvert.", "meta": {}}\n')
    assert [(w.path, w.key, w.keys) for w in piped] == [("-", "meta.lnag", ())]


def test_at_most_ten_keys_are_shown_and_an_unread_file_says_nothing(tmp_path: Path) -> None:
    wide = {f"k{index:02}": index for index in range(30)}
    feed = _jsonl(tmp_path / "w.jsonl", {"text": "Rain fell all day.", **wide})
    (said,) = _read([feed], IngestOptions(fields={"title": "headline"}))
    assert said.keys == ("text", *(f"k{index:02}" for index in range(9)))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n")
    quiet: list[UnmatchedField] = []
    assert len(list(read_sources([empty], TYPO, warn=quiet.append))) == 1  # skipped: empty
    assert quiet == []


def test_the_cli_prints_one_warning_line_per_file_and_field(tmp_path: Path) -> None:
    for name in ("a.jsonl", "b.jsonl"):
        _jsonl(tmp_path / name, {"body": "Le pont a rouvert lundi.", "meta": {"lang": "fr"}})
    db = tmp_path / "x.db"
    args = ["ingest", str(tmp_path), "--db", str(db), "--field", "language=meta.lnag", "-q"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning ")]
    assert warnings == [
        f"warning {tmp_path / name}: field language is mapped to 'meta.lnag', which no record "
        "has (their keys: meta.lang)"
        for name in ("a.jsonl", "b.jsonl")
    ]
