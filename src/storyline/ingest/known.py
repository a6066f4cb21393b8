"""What reading a file gave, kept so that a later run can pass over the file unchanged.

An hourly job that points at a growing crawl folder would otherwise extract every page again
(trafilatura and language detection take about 10 ms a page) only to find it unchanged. The
store keeps, per file, a :class:`FileRead`: each article as a :class:`Known` (its id, the
content hash it was stored with, and what choosing between two records of one id needs) and
each skipped record. This module only encodes and decodes them; :mod:`storyline.ingestrun`
decides when a file may be passed over.
"""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass
from pathlib import Path

import xxhash

from ..model import Article, Skipped
from .records import UnmatchedField

_BLOCK = 1 << 20


@dataclass(frozen=True)
class Known:
    """An article read before from a file unchanged since: where it was read, its id, the
    content hash it was stored with, its :func:`content_key`, its date and the date's
    origin, and the note that reading it gave (a date not read, a language corrected)."""

    path: str
    record: int
    id: str
    content_hash: str
    key: str
    published: str | None
    origin: str = ""
    note: str = ""


@dataclass(frozen=True)
class FileRead:
    """What one reading of a file gave, in reading order, and its field warnings; the bytes
    read, and a key of how they were read (options and code), to read only what is appended
    to a JSON lines file."""

    items: tuple[Known | Skipped, ...]
    warnings: tuple[UnmatchedField, ...] = ()
    read: FileBytes | None = None
    reading: str = ""

    def to_json(self) -> str:
        items = [
            ["a", i.record, i.id, i.content_hash, i.key, i.published, i.origin, i.note]
            if isinstance(i, Known)
            else ["s", i.record, i.reason]
            for i in self.items
        ]
        warnings = [[w.field, w.key, list(w.keys), w.fallback] for w in self.warnings]
        read = None if self.read is None else astuple(self.read)
        data = {"items": items, "warnings": warnings, "read": read, "reading": self.reading}
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, path: str, text: str) -> FileRead:
        """The FileRead of ``path`` that :meth:`to_json` wrote as ``text``."""
        data = json.loads(text)
        items: list[Known | Skipped] = [
            Known(path, int(i[1]), str(i[2]), str(i[3]), str(i[4]), i[5], str(i[6]), str(i[7]))
            if i[0] == "a"
            else Skipped(path, str(i[2]), int(i[1]))
            for i in data["items"]
        ]
        warnings = tuple(
            UnmatchedField(path, str(f), str(k), tuple(keys), str(fallback))
            for f, k, keys, fallback in data["warnings"]
        )
        read = data.get("read")
        found = (
            None
            if read is None
            else FileBytes(int(read[0]), str(read[1]), int(read[2]), bool(read[3]))
        )
        return cls(tuple(items), warnings, found, str(data.get("reading", "")))


def content_key(article: Article) -> str:
    """A key (xxh3, 64 bits) of what an article says, apart from its date and where it was
    read: title, text, raw text, url, source and language. Two records with one key are
    copies; the same in every run and process, as Python's ``hash`` of a string is not."""
    digest = xxhash.xxh3_64()
    parts = (article.title, article.text, article.raw_text, article.url, article.source)
    for part in (*parts, article.language):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True)
class FileBytes:
    """The bytes of a file as read: how many, their xxh3 (128 bits), how many line feeds
    they hold and whether they end with one (a dump appended to while it was read does
    not)."""

    size: int
    digest: str
    lines: int
    whole_lines: bool


def file_bytes(path: Path, limit: int | None = None) -> FileBytes:
    """:class:`FileBytes` of ``path``, or of its first ``limit`` bytes, read a megabyte at a
    time."""
    digest = xxhash.xxh3_128()
    size = lines = 0
    last = b"\n"
    with path.open("rb") as stream:
        while block := stream.read(_BLOCK if limit is None else min(_BLOCK, limit - size)):
            digest.update(block)
            size += len(block)
            lines += block.count(b"\n")
            last = block[-1:]
    return FileBytes(size, digest.hexdigest(), lines, last == b"\n")
