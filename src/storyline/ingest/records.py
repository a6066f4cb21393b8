"""Record files: JSON Lines, JSON (an array, or objects one after another) and CSV.

One article per record. Files stream: JSONL and CSV are read a line at a time and a JSON
array is parsed item by item, so memory holds one record, never the file. A bad record is
reported by its position and reading goes on where the format allows it (JSONL: the next
line; JSON arrays and CSV: a syntax error ends the file, since nothing after it can be
trusted). Positions are 1-based: the line for JSONL and CSV (the line a CSV record starts
on, so the first data row of a file with a header is line 2), the item for JSON.

A JSON file may also be one object wrapping the list of records (``{"articles": [...]}``,
as news APIs export them); that object is parsed whole. A Telegram Desktop export is
read, streamed, by :mod:`.telegram`. Field names match case-insensitively,
and a few common aliases (``body``, ``content``, ``headline``, ``date``, ``link``...) are
tried when the canonical name is absent and no ``--field`` override is given.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, BinaryIO

from ..errors import InputError
from ..model import Article, Skipped
from ..text import normalize
from . import telegram
from .build import field_text, make_article
from .dates import DateOrder
from .decode import SAMPLE_BYTES, BadLine, binary_lines, detect_encoding, line_encodings
from .jsoncursor import JsonCursor
from .markup import has_markup, markup_text
from .plain import unwrap
from .titles import opening_headline, without_title_line

CANONICAL_FIELDS = ("id", "title", "text", "url", "source", "published", "language")
# Names tried, in order, after the canonical one when no override is given for a field.
ALIASES: Mapping[str, tuple[str, ...]] = {
    "text": ("body", "content", "maintext", "article"),
    "title": ("headline",),
    "published": ("date", "published_at", "publishedat", "publish_date", "pubdate", "datetime"),
    "url": ("link",),
    "source": ("outlet", "sitename", "site", "publisher"),
    "language": ("lang",),
}
if TYPE_CHECKING:
    from _csv import Reader

_NON_SPACE = re.compile(r"\S")
# How many of the keys records do have an unmatched-field warning lists.
_KEYS_SHOWN = 10


@dataclass(frozen=True)
class UnmatchedField:
    """A field mapping (``--field language=meta.lnag``) whose input key no record of the file
    ``path`` has: ``keys`` are (up to ten of) the keys its records do have at that depth
    (``meta.lang``), ``fallback`` the name the field was read from instead ("" if none)."""

    path: str
    field: str
    key: str
    keys: tuple[str, ...]
    fallback: str = ""

    @property
    def message(self) -> str:
        have = ", ".join(self.keys) or "none"
        instead = f"; read from '{self.fallback}' instead" if self.fallback else ""
        return (
            f"{self.path}: field {self.field} is mapped to '{self.key}', which no record has "
            f"(their keys: {have}){instead}"
        )


class FieldMap:
    """Which input field feeds each canonical field: an override, then the field's own name
    (a feed that names it as usual is not silently read without it: ``--field id=uid`` over
    two feeds, one with ``uid`` and one with ``id``); without an override, the name or an
    alias."""

    def __init__(
        self, overrides: Sequence[tuple[str, str]] = (), date_order: DateOrder = ""
    ) -> None:
        given = dict(overrides)
        self.date_order = date_order  # how a numeric date whose day and month swap is read
        self.names = {
            name: tuple(dict.fromkeys((given[name], name)))
            if name in given
            else (name, *ALIASES.get(name, ()))
            for name in CANONICAL_FIELDS
        }
        self.text_name = self.names["text"][0]
        # The overrides no record has matched yet, what the records had instead (first keys
        # at the key's depth) and the field's own name when it was read from that: a typo in
        # --field must be said, not silently read as if the field were absent.
        self._unseen = given
        self._nearby: dict[str, dict[str, None]] = {name: {} for name in given}
        self._fallback: dict[str, str] = {}
        self._records = 0

    def pick(self, record: Mapping[str, object], track: bool = True) -> dict[str, object]:
        """The canonical fields present in ``record`` (names matched case-insensitively; a
        dotted name such as ``meta.lang`` reaches into nested objects). With ``track``, the
        record counts for :meth:`unmatched` (a wrapper object around the records does not)."""
        keys = _Keys(record)
        values: dict[str, object] = {}
        for canonical, names in self.names.items():
            for name in names:
                found = keys.lookup(name)
                if found is not None:
                    values[canonical] = found[0]
                    break
        if track:
            self._records += 1
            if self._unseen:  # only while a mapping is unmatched: one more lookup each
                self._track(keys, values)
        return values

    def _track(self, keys: _Keys, values: Mapping[str, object]) -> None:
        for canonical, key in list(self._unseen.items()):
            if keys.lookup(key) is not None:
                del self._unseen[canonical]
                continue
            if canonical in values:
                self._fallback[canonical] = canonical
            nearby = self._nearby[canonical]
            if len(nearby) < _KEYS_SHOWN:
                for name in _keys_beside(keys, key)[: _KEYS_SHOWN - len(nearby)]:
                    nearby.setdefault(name)

    def unmatched(self, path: str) -> list[UnmatchedField]:
        """The mappings whose key none of the records read since this map was made has (none
        when no record was read: the file is reported as skipped instead)."""
        if not self._records:
            return []
        return [
            UnmatchedField(
                path,
                canonical,
                key,
                tuple(self._nearby[canonical]),
                self._fallback.get(canonical, ""),
            )
            for canonical, key in self._unseen.items()
        ]

    def matched(self, record: Mapping[str, object], canonical: str) -> str:
        """The name under which ``record`` gives the field ``canonical`` (for messages)."""
        keys = _Keys(record)
        found = (name for name in self.names[canonical] if keys.lookup(name) is not None)
        return next(found, canonical)

    def columns(self, header: Sequence[str]) -> dict[str, int]:
        """Column index of each canonical field found in a CSV header."""
        positions = {
            name.strip().lower(): index for index, name in reversed(list(enumerate(header)))
        }
        found: dict[str, int] = {}
        for canonical, names in self.names.items():
            for name in names:
                if name.lower() in positions:
                    found[canonical] = positions[name.lower()]
                    break
        self._records += 1
        for canonical, key in list(self._unseen.items()):
            if key.strip().lower() in positions:
                del self._unseen[canonical]
                continue
            if canonical in found:
                self._fallback[canonical] = canonical
            shown = [name for name in header if name][:_KEYS_SHOWN]
            self._nearby[canonical].update(dict.fromkeys(shown))
        return found


def _keys_beside(keys: _Keys, key: str) -> list[str]:
    """The keys a record has where ``key`` was looked for: ``meta.lang`` and ``meta.src`` for
    ``meta.lnag``, the top-level keys for a plain name."""
    parent, dot, _ = key.rpartition(".")
    if not dot:
        return [name for name in keys.record if isinstance(name, str)]
    inner = keys.lookup(parent)
    if inner is None or not isinstance(inner[0], Mapping):
        return [name for name in keys.record if isinstance(name, str)]
    return [f"{parent}.{name}" for name in inner[0] if isinstance(name, str)]


class _Keys:
    """The keys of one record, matched as given or case-insensitively (and, for a dotted name,
    through nested objects)."""

    def __init__(self, record: Mapping[str, object]) -> None:
        self.record = record
        self.lowered = {key.strip().lower(): key for key in record if isinstance(key, str)}

    def lookup(self, name: str) -> tuple[object] | None:
        """``(value,)`` of the key ``name``, else of the path ``meta.lang`` through nested
        objects (exports nest the language or the outlet under one key); None when absent. A
        key that itself holds the dot wins over the path."""
        key = name if name in self.record else self.lowered.get(name.lower())
        if key is not None:
            return (self.record[key],)
        head, dot, rest = name.partition(".")
        inner = self.lookup(head) if dot and rest else None
        if inner is None or not isinstance(inner[0], Mapping):
            return None
        return _Keys(inner[0]).lookup(rest)


def record_article(
    values: Mapping[str, object], fields: FieldMap, path: str, record: int, where: str
) -> Article | Skipped:
    """The article of one record's canonical ``values``, or a Skipped naming ``where``."""
    if "text" not in values:
        return Skipped(path, f"{where}: no '{fields.text_name}' field", record)
    body = values["text"]
    if not isinstance(body, str):
        return Skipped(path, f"{where}: '{fields.text_name}' is not a string", record)
    title = field_text(values.get("title"))
    title = markup_text(title) if has_markup(title) else title
    untitled = not title.strip()
    # A CMS export's HTML body is read as a browser shows it, a hard-wrapped one as a .txt's is.
    text = markup_text(body) if has_markup(body) else unwrap(body, headline=untitled)
    if untitled:  # a text that opens with its headline: read as a .txt file's is
        title, text = opening_headline(normalize(text))
    else:  # a text that repeats its title on its first line: without it, as a page's
        text = without_title_line(text, title)
    try:
        return make_article(
            text,
            path=path,
            record=record,
            raw_text=body,
            title=title,
            article_id=field_text(values.get("id")),
            url=field_text(values.get("url")),
            source=field_text(values.get("source")),
            published=values.get("published"),
            published_origin="field",
            language=field_text(values.get("language")),
            normalized=untitled,
            date_order=fields.date_order,
        )
    except InputError as exc:
        return Skipped(path, f"{where}: {exc.reason}", record)


def _value_article(
    value: object, fields: FieldMap, path: str, record: int, where: str
) -> Article | Skipped:
    if not isinstance(value, dict):
        return Skipped(path, f"{where}: not a JSON object", record)
    values = fields.pick(value)
    body = values.get("text", "")
    if not isinstance(body, str):  # named as the export names it: 'body' is null
        said = "null" if body is None else f"a JSON {_JSON_TYPES.get(type(body), 'value')}"
        return Skipped(
            path, f"{where}: '{fields.matched(value, 'text')}' is {said}, not text", record
        )
    found = record_article(values, fields, path, record, where)
    ignored = _ignored_fields(value, values, fields)
    if isinstance(found, Skipped) or not ignored:
        return found
    return replace(found, ingest_note="; ".join(filter(None, [*ignored, found.ingest_note])))


_WORDED_FIELDS = ("id", "title", "url", "source", "language")


def _ignored_fields(
    value: Mapping[str, object], values: Mapping[str, object], fields: FieldMap
) -> list[str]:
    """A remark for each field whose value is not text (a list, an object, a boolean): read
    as empty rather than guessed at, and said so, as a date that cannot be read is."""
    remarks = []
    for canonical in _WORDED_FIELDS:
        given = values.get(canonical)
        if given is None or isinstance(given, str) or field_text(given):
            continue
        said = f"a JSON {_JSON_TYPES.get(type(given), 'value')}"
        remarks.append(f"'{fields.matched(value, canonical)}' is {said}, not text; ignored")
    return remarks


_JSON_TYPES = {dict: "object", list: "array", bool: "boolean", int: "number", float: "number"}


def read_jsonl(
    lines: Iterator[tuple[int, str] | BadLine], path: str, fields: FieldMap
) -> Iterator[Article | Skipped]:
    """One article per non-blank line; a line that is not JSON is skipped, the rest goes on."""
    seen = False
    for line in lines:
        if isinstance(line, BadLine):
            seen = True
            yield Skipped(path, f"line {line.number}: {line.reason}", line.number)
            continue
        number, content = line
        if not content.strip():
            continue
        seen = True
        where = f"line {number}"
        try:
            value = json.loads(content.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield Skipped(path, f"{where}: not valid JSON ({_line_fault(exc)})", number)
            continue
        except RecursionError:
            yield Skipped(path, f"{where}: not valid JSON (nested too deeply)", number)
            continue
        yield from _articles_of(value, fields, path, number, where)
    if not seen:
        yield Skipped(path, "empty file")


def read_json(
    stream: BinaryIO, path: str, fields: FieldMap, limit: int
) -> Iterator[Article | Skipped]:
    """A JSON array (item by item), objects one per line (as JSONL) or objects in sequence."""
    sample = stream.read(SAMPLE_BYTES)
    stream.seek(0)
    encoding = detect_encoding(sample, path)
    head = sample.decode(encoding, errors="ignore").lstrip("\ufeff")
    start = _NON_SPACE.search(head)
    if start is None:
        yield Skipped(path, "empty file")
        return
    if head[start.start()] not in "[{":
        yield Skipped(path, "not JSON: expected an array or objects")
        return
    if telegram.is_export(head[start.start() :]):  # a Telegram Desktop chat or account
        yield from telegram.read_export(_text_reader(stream, encoding, path), path, limit)
        return
    if head[start.start()] == "{" and _is_json_line(head[start.start() :]):
        encoding, fallback = line_encodings(sample, path)
        lines = binary_lines(stream, encoding, limit, path, fallback)
        yield from read_jsonl(lines, path, fields)
        return
    values = JsonValues(_text_reader(stream, encoding, path), limit, path)
    for index, value in values:
        yield from _articles_of(value, fields, path, index, f"item {index}")


def _articles_of(
    value: object, fields: FieldMap, path: str, record: int, where: str
) -> Iterator[Article | Skipped]:
    """The article of one JSON value, or those of the export it wraps (one line or many)."""
    nested = _wrapped_records(value, fields)
    if nested is None:
        yield _value_article(value, fields, path, record, where)
        return
    for inner, item in enumerate(nested, start=1):
        yield _value_article(item, fields, path, inner, f"item {inner}")


def _wrapped_records(value: object, fields: FieldMap) -> list[object] | None:
    """The records of an export that wraps them (``{"status": "ok", "articles": [...]}``).

    Only an object with no text field and exactly one list of objects counts.
    """
    if not isinstance(value, dict) or "text" in fields.pick(value, track=False):
        return None
    lists = [
        item
        for item in value.values()
        if isinstance(item, list) and item and all(isinstance(x, dict) for x in item)
    ]
    return lists[0] if len(lists) == 1 else None


def _message(exc: json.JSONDecodeError) -> str:
    return exc.msg.removesuffix(" at")


def _line_fault(exc: json.JSONDecodeError) -> str:
    """What is wrong with a JSON line. One that ends inside a string or before its closing
    brace was most often cut short (a scraper killed mid-write, a full disk), which the
    decoder called an "Invalid control character" (the line break) or named a delimiter."""
    if exc.msg.startswith("Unterminated string") or exc.pos >= len(exc.doc.rstrip()):
        return "the line ends before its record does: cut short?"
    return f"{_message(exc)}, column {exc.colno}"


def _is_json_line(text: str) -> bool:
    line = text.split("\n", 1)[0]
    try:
        return isinstance(json.loads(line), dict)
    except (json.JSONDecodeError, RecursionError):
        return False


def _text_reader(stream: BinaryIO, encoding: str, path: str) -> Callable[[int], str]:
    decoder = codecs.getincrementaldecoder(encoding)()

    def read(size: int) -> str:
        while True:
            data = stream.read(size)
            try:
                text = decoder.decode(data, final=not data)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"cannot decode as {encoding} ({exc.reason})") from exc
            if text or not data:
                return text

    return read


class JsonValues:
    """The top-level values of a JSON text, parsed incrementally from a reader.

    Yields ``(index, value)`` for each item of an array, or for each of several values
    written one after another. Memory holds one value plus one chunk: a value that does not
    parse is read further (doubling the read each time, so parsing stays linear) until it
    parses, the input ends or it exceeds ``limit`` characters; then InputError names it.
    """

    def __init__(self, read: Callable[[int], str], limit: int, path: str) -> None:
        self._cursor = JsonCursor(read, limit, path)

    def __iter__(self) -> Iterator[tuple[int, object]]:
        cursor = self._cursor
        if cursor.peek() != "[":
            index = 0
            while cursor.peek():
                index += 1
                yield index, cursor.value(index)
            return
        for index in cursor.items(named=True):
            yield index, cursor.value(index)


def read_csv(
    stream: BinaryIO, path: str, fields: FieldMap, limit: int
) -> Iterator[Article | Skipped]:
    """One article per row after the header; no text column gives one Skipped for the file."""
    sample = stream.read(SAMPLE_BYTES)
    stream.seek(0)
    encoding, fallback = line_encodings(sample, path)
    if not sample.strip():
        yield Skipped(path, "empty file")
        return
    csv.field_size_limit(max(csv.field_size_limit(), limit))
    lines = binary_lines(stream, encoding, limit, path, fallback)
    taken = _TakenLines(lines)
    reader = csv.reader(taken, delimiter=_delimiter(sample, encoding))
    try:
        header = next(reader)
    except (StopIteration, csv.Error, _LineProblem):
        yield Skipped(path, "empty file" if reader.line_num <= 1 else "malformed CSV header")
        return
    header = [name.strip().lstrip("\ufeff") for name in header]
    columns = fields.columns(header)
    if "text" not in columns:
        yield Skipped(path, f"no '{fields.text_name}' column ({_header_shown(header)})")
        return
    yield from _csv_rows(reader, taken, columns, path, fields, len(header))


def _header_shown(header: Sequence[str]) -> str:
    """The header's first cells, shortened; and a hint when they look like a row of data."""
    names = [name if len(name) <= 30 else name[:29] + "…" for name in header if name]
    shown = ", ".join(names[:8]) + (f", … ({len(names)} in all)" if len(names) > 8 else "")
    wordy = any(len(name.split()) > 4 for name in header)
    hint = "; the first line looks like data: is the header row missing?" if wordy else ""
    return f"columns: {shown or 'none'}{hint}"


def _csv_rows(
    reader: Reader,
    taken: _TakenLines,
    columns: dict[str, int],
    path: str,
    fields: FieldMap,
    width: int,
) -> Iterator[Article | Skipped]:
    while True:
        start = reader.line_num + 1
        taken.lines.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Skipped(path, f"line {start}: malformed CSV ({exc})", start)
            return
        except _LineProblem as problem:
            bad = problem.line
            yield Skipped(path, f"line {bad.number}: {bad.reason}", bad.number)
            return
        if not any(cell.strip() for cell in row):
            continue
        # A quote opened and never closed: the row runs on over the next lines (short of
        # cells), or, in its last column, takes every row after it into that cell: an odd
        # count of quote marks over its lines says so ("" inside a quoted cell counts two).
        unclosed = len(row) < width or sum(line.count('"') for line in taken.lines) % 2
        if reader.line_num > start and unclosed:
            reason = f"lines {start}-{reader.line_num}: a quoted cell is never closed"
            yield Skipped(path, reason, start)
            continue
        values = {name: row[index] for name, index in columns.items() if index < len(row)}
        yield record_article(values, fields, path, start, f"line {start}")


class _LineProblem(Exception):
    def __init__(self, line: BadLine) -> None:
        super().__init__(line.reason)
        self.line = line


class _TakenLines:
    """The file's good lines for the CSV reader, and the lines of the row being read."""

    def __init__(self, lines: Iterator[tuple[int, str] | BadLine]) -> None:
        self._lines = lines
        self.lines: list[str] = []

    def __iter__(self) -> _TakenLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        if isinstance(line, BadLine):
            raise _LineProblem(line)
        self.lines.append(line[1])
        return line[1]


def _delimiter(sample: bytes, encoding: str) -> str:
    """Comma, unless the header line has more semicolons or tabs (European spreadsheets)."""
    header = sample.decode(encoding, errors="ignore").split("\n", 1)[0]
    return max((",", ";", "\t"), key=lambda mark: (header.count(mark), mark == ","))
