"""Ingest: files, directories, gzip and stdin to :class:`Article` records.

:func:`read_sources` is the dispatcher. It walks directories (recursively, in sorted order,
hidden entries skipped), picks a reader by extension (``.txt .md .html .htm .jsonl .json
.csv .rss .atom .xml .warc .arc``, each optionally ``.gz``), reads ``-`` as JSONL on stdin, and
yields an :class:`Article` per article or a :class:`Skipped` per input it could not use,
with the reason. It never raises on bad input and never writes anything.
"""

from __future__ import annotations

import gzip
import os
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, TextIO, cast

from ..entry import make_callable
from ..errors import InputError, OptionsError
from ..model import Article, Skipped, known_source
from ..options import check_fields, check_range
from .build import domain
from .dates import DateOrder, path_date
from .decode import (
    SAMPLE_BYTES,
    BadLine,
    binary_lines,
    decode_bytes,
    line_encodings,
    read_document,
    replayed,
    text_lines,
)
from .plain import read_plain
from .records import CANONICAL_FIELDS, FieldMap, UnmatchedField, read_csv, read_json, read_jsonl
from .urldates import url_date

__all__ = [
    "CANONICAL_FIELDS",
    "EXTENSIONS",
    "IngestOptions",
    "UnmatchedField",
    "appendable",
    "ingest_options",
    "list_inputs",
    "read_appended",
    "read_input",
    "read_sources",
    "readable",
]

EXTENSIONS = (
    ".txt",
    ".md",
    ".html",
    ".htm",
    ".jsonl",
    ".json",
    ".csv",
    ".rss",
    ".atom",
    ".xml",
    ".warc",
    ".arc",
)


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read.

    ``fields`` maps canonical field names to the input's own (``(("text", "body"),)``, or a
    dict) for JSON and CSV; a dotted name (``"meta.lang"``) reaches into nested objects.
    Whole-file formats (text, Markdown, HTML) hold one article each, so one
    bigger than ``max_file_bytes`` is skipped, counted after decompression: 32 MiB is above
    the HTML extractor's own 20 MB and several times the longest novels, while a 60 MB
    article takes over 1 GB of memory to ingest. Record files stream whatever their size,
    and a single record bigger than ``max_record_bytes`` is skipped. ``path_dates`` dates an
    article that has no date of its own by its folder or file name (``2011-01-25/cairo.txt``,
    ``2011/01/25/...``), with ``published_origin`` "path": off by default, since a crawl may
    name folders by the day it ran rather than the day the news appeared. ``source`` names
    the outlet of articles that name none of their own (no source field, site name, url or
    dateline credit). ``date_order`` ("dmy" or "mdy") reads a record's numeric date whose
    day and month could swap ("03/04/2025") day first or month first; by default such a
    date is not read (the article is kept undated, with a note).
    """

    fields: tuple[tuple[str, str], ...] = ()
    max_file_bytes: int = 32 * 1024**2
    max_record_bytes: int = 256 * 1024**2
    path_dates: bool = False
    source: str = ""
    date_order: DateOrder = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", _field_pairs(self.fields))
        check_fields(self)
        seen: set[str] = set()
        for canonical, name in self.fields:
            if canonical not in CANONICAL_FIELDS:
                known = ", ".join(CANONICAL_FIELDS)
                raise OptionsError(f"unknown field {canonical!r} (known: {known})")
            if not name.strip():
                raise OptionsError(f"field {canonical!r} is mapped to an empty name")
            if canonical in seen:
                raise OptionsError(f"field {canonical!r} is mapped twice")
            seen.add(canonical)
        check_range(self, "max_file_bytes", 1)
        check_range(self, "max_record_bytes", 1)


def _field_pairs(fields: object) -> tuple[tuple[str, str], ...]:
    """``fields`` as a tuple of (canonical, input name) pairs; a dict (``{"text": "body"}``)
    is taken as its items, and anything else is an OptionsError, not an unpacking error."""
    items = list(fields.items()) if isinstance(fields, Mapping) else fields
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise OptionsError(f"{_FIELDS_HINT} (got {type(fields).__name__} {fields!r})")
    pairs = []
    for item in items:
        if not (isinstance(item, tuple | list) and len(item) == 2):
            raise OptionsError(f"{_FIELDS_HINT} (got the item {item!r})")
        canonical, name = item
        if not (isinstance(canonical, str) and isinstance(name, str)):
            raise OptionsError(f"{_FIELDS_HINT} (got the item {item!r})")
        pairs.append((canonical, name))
    return tuple(pairs)


_FIELDS_HINT = (
    "IngestOptions.fields maps field names to the input's own: "
    "{'text': 'body'} or (('text', 'body'),)"
)


def ingest_options(
    field_overrides: Sequence[str] = (),
    path_dates: bool = False,
    source: str = "",
    date_order: DateOrder = "",
) -> IngestOptions:
    """IngestOptions from CLI ``--field`` values such as ``"text=body"``, ``--path-dates``,
    ``--source`` and ``--date-order``."""
    pairs = []
    for item in field_overrides:
        canonical, equals, name = item.partition("=")
        if not equals:
            raise OptionsError(f"--field {item!r}: expected FIELD=NAME, e.g. text=body")
        pairs.append((canonical.strip(), name.strip()))
    return IngestOptions(
        fields=tuple(pairs), path_dates=path_dates, source=source.strip(), date_order=date_order
    )


Warn = Callable[[UnmatchedField], None]


def _unwarned(_: UnmatchedField) -> None:
    return None


def read_sources(
    paths: Sequence[str | Path],
    options: IngestOptions = IngestOptions(),
    stdin: TextIO | None = None,
    warn: Warn = _unwarned,
) -> Iterator[Article | Skipped]:
    """Yield every article found in ``paths`` (files, directories, ``-`` for JSONL on stdin).

    ``path`` on each record is the file path as given (joined below a given directory),
    written as :class:`~pathlib.Path` writes it (``./dump//a.jsonl`` is ``dump/a.jsonl``:
    ``find`` and a glob name the same file alike), or ``-``. Unreadable, undecodable, empty
    or malformed inputs come out as Skipped. After a record file is read, ``warn`` receives
    each ``options.fields`` mapping whose input key none of its records has (a typo in
    ``--field``), once per file.
    """
    for item in list_inputs(paths):
        yield from read_input(item, options, stdin, warn)


STDIN = "-"
# What :func:`list_inputs` finds: standard input, a file (its path and its label, the path as
# given), or what could not be listed.
Input = str | tuple[Path, str] | Skipped


def list_inputs(paths: Sequence[str | Path]) -> Iterator[Input]:
    """The inputs below ``paths``, in reading order, without reading them: :data:`STDIN` for
    ``-``, (path, label) for each file (directories walked as :func:`read_sources` walks
    them), and Skipped for what cannot be listed."""
    for given in paths:
        if str(given) == STDIN:
            yield STDIN
            continue
        path, label = Path(given), str(Path(given))
        try:
            info = path.stat()
        except OSError as exc:
            yield Skipped(label, _os_reason(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk(path, label, {(info.st_dev, info.st_ino)}, path.resolve())
        else:
            yield path, label


def read_input(
    item: Input,
    options: IngestOptions = IngestOptions(),
    stdin: TextIO | None = None,
    warn: Warn = _unwarned,
) -> Iterator[Article | Skipped]:
    """What one input of :func:`list_inputs` holds (``warn`` as in :func:`read_sources`)."""
    if isinstance(item, Skipped):
        yield item
    elif isinstance(item, str):
        yield from _read_stdin(stdin if stdin is not None else sys.stdin, options, warn)
    else:
        yield from read_file(item[0], item[1], options, warn)


def readable(path: Path) -> bool:
    """Whether ``path`` has an extension that a reader takes (``.gz`` of one included)."""
    name = path.name.lower()
    name = name[:-3] if name.endswith(".gz") else name
    return os.path.splitext(name)[1] in EXTENSIONS


def _walk(
    directory: Path, label: str, seen: set[tuple[int, int]], root: Path
) -> Iterator[tuple[Path, str] | Skipped]:
    """Files below ``directory`` in name order, depth first; hidden entries and loops
    skipped, and links to folders outside ``root`` (the folder given) not followed."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield Skipped(label, _os_reason(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = os.path.join(label, entry.name)
        try:
            info = entry.stat()
        except OSError as exc:
            yield Skipped(child, _os_reason(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            if entry.is_symlink() and not Path(entry.path).resolve().is_relative_to(root):
                yield Skipped(child, "a link to a folder outside the one given: not followed")
            elif (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                yield from _walk(Path(entry.path), child, seen, root)
        elif stat.S_ISREG(info.st_mode):
            yield Path(entry.path), child
        else:
            yield Skipped(child, "not a regular file")


def read_file(
    path: Path,
    label: str,
    options: IngestOptions = IngestOptions(),
    warn: Warn = _unwarned,
) -> Iterator[Article | Skipped]:
    """The articles of one file, chosen by extension (``.gz`` is decompressed on the fly);
    ``warn`` as in :func:`read_sources`."""
    name = path.name.lower()
    compressed = name.endswith(".gz")
    extension = os.path.splitext(name[:-3] if compressed else name)[1]
    if extension not in EXTENSIONS:
        shown = (extension + ".gz" if compressed else extension) or "(no extension)"
        yield Skipped(label, f"unsupported file type {shown}")
        return
    if extension in (".warc", ".arc"):  # gzip record by record: warcio reads the file itself
        from .warc import read_warc  # trafilatura takes a second to import

        yield from _completed(read_warc(path, label, options.max_file_bytes), label, options)
        return
    fields = FieldMap(options.fields, options.date_order)
    try:
        with ExitStack() as stack:
            raw = stack.enter_context(path.open("rb"))
            size: int | None = os.fstat(raw.fileno()).st_size
            stream: BinaryIO = raw
            if compressed:
                size = None
                stream = cast(BinaryIO, stack.enter_context(gzip.GzipFile(fileobj=raw)))
            found = _read_stream(stream, extension, label, options, fields, size)
            yield from _completed(found, label, options)
    except InputError as exc:
        yield Skipped(exc.path, exc.reason, exc.record)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield Skipped(label, f"cannot decompress: {exc}")
    except OSError as exc:
        yield Skipped(label, _os_reason(exc))
    for unmatched in fields.unmatched(label):
        warn(unmatched)


def read_appended(
    path: Path,
    label: str,
    start: tuple[int, int],
    options: IngestOptions = IngestOptions(),
    warn: Warn = _unwarned,
) -> Iterator[Article | Skipped]:
    """The records of the JSON lines file ``path`` after its first ``start[0]`` bytes, which
    hold ``start[1]`` whole lines: what :func:`read_file` gives of them, numbered as it
    numbers them, when the file only grew since those bytes were read (an appended dump).
    The lines are decoded as the file's first bytes say, as when it is read whole; ``warn``
    receives what none of the new records has."""
    fields = FieldMap(options.fields, options.date_order)
    offset, before = start
    try:
        with path.open("rb") as stream:
            encoding, fallback = line_encodings(stream.read(SAMPLE_BYTES), label)
            if encoding.startswith(_WIDE):  # appendable() says no: a caller's error
                raise InputError(label, f"cannot read {encoding} lines from the middle")
            stream.seek(offset)
            limit = options.max_record_bytes
            lines = _renumbered(binary_lines(stream, encoding, limit, label, fallback), before)
            found = (
                r for r in read_jsonl(lines, label, fields) if r != Skipped(label, "empty file")
            )
            yield from _completed(found, label, options)
    except InputError as exc:
        yield Skipped(exc.path, exc.reason, exc.record)
    except OSError as exc:
        yield Skipped(label, _os_reason(exc))
    for unmatched in fields.unmatched(label):
        warn(unmatched)


_WIDE = ("utf-16", "utf-32")


def appendable(path: Path) -> bool:
    """Whether :func:`read_appended` can read the JSON lines file ``path`` from the middle:
    its lines are not in UTF-16 or UTF-32 (read as a whole stream)."""
    try:
        with path.open("rb") as stream:
            encoding, _ = line_encodings(stream.read(SAMPLE_BYTES), str(path))
    except (InputError, OSError):
        return False
    return not encoding.startswith(_WIDE)


def _renumbered(
    lines: Iterator[tuple[int, str] | BadLine], before: int
) -> Iterator[tuple[int, str] | BadLine]:
    for line in lines:
        if isinstance(line, BadLine):
            yield BadLine(line.number + before, line.reason)
        else:
            yield line[0] + before, line[1]


def _read_stream(
    stream: BinaryIO,
    extension: str,
    label: str,
    options: IngestOptions,
    fields: FieldMap,
    size: int | None,
) -> Iterator[Article | Skipped]:
    limit = options.max_record_bytes
    if extension == ".jsonl":
        sample = stream.read(SAMPLE_BYTES)
        stream.seek(0)
        encoding, fallback = line_encodings(sample, label)
        lines = binary_lines(stream, encoding, limit, label, fallback)
        yield from read_jsonl(lines, label, fields)
    elif extension == ".json":
        yield from read_json(stream, label, fields, limit)
    elif extension == ".csv":
        yield from read_csv(stream, label, fields, limit)
    elif extension in (".rss", ".atom", ".xml"):
        from .feeds import read_feed  # feedparser is imported only for feeds

        yield from read_feed(stream, label, options.max_file_bytes, options.source, size)
    else:
        data = read_document(stream, options.max_file_bytes, label, size)
        if not data.strip():
            yield Skipped(label, "empty file")
        elif extension in (".html", ".htm"):
            from .html import read_html  # trafilatura takes a second to import

            yield from read_html(data, label)
        else:
            yield from read_plain(decode_bytes(data, label), label, markdown=extension == ".md")


def _completed(
    found: Iterator[Article | Skipped], label: str, options: IngestOptions
) -> Iterator[Article | Skipped]:
    """Articles as read, with what they lack supplied: the day their web address files them
    under, else the date their path gives (``path_dates``); the outlet (``source``). Ids stay
    as read."""
    day = path_date(label) if options.path_dates else None
    for item in found:
        if isinstance(item, Article):
            filed = None if item.published or not item.url else url_date(item.url)
            if filed:
                item = replace(item, published=filed, published_origin="url")
            elif day and not item.published:
                item = replace(item, published=day, published_origin="path")
            # The user's name for a folder's outlet beats one guessed from the url's domain.
            guessed = not known_source(item.source) or item.source == domain(item.url)
            if options.source and guessed:
                item = replace(item, source=options.source)
        yield item


_GZIP_MAGIC = b"\x1f\x8b"


def _read_stdin(stdin: TextIO, options: IngestOptions, warn: Warn) -> Iterator[Article | Skipped]:
    """JSONL on stdin, decoded from its bytes like a ``.jsonl`` file when it has them (the
    text layer would decode it as UTF-8 whatever it is); a text-only stream as it comes."""
    fields = FieldMap(options.fields, options.date_order)
    limit = options.max_record_bytes
    binary = getattr(stdin, "buffer", None)
    try:
        if binary is None:
            lines = text_lines(stdin, limit)
        else:
            head = binary.read(SAMPLE_BYTES)
            stream = replayed(head, binary)
            if head.startswith(_GZIP_MAGIC):  # `curl .../feed.jsonl.gz | storyline ingest -`
                stream = cast(BinaryIO, gzip.GzipFile(fileobj=stream))
                head = stream.read(SAMPLE_BYTES)
                stream = replayed(head, stream)
            encoding, fallback = line_encodings(head, "-")
            lines = binary_lines(stream, encoding, limit, "-", fallback)
        yield from _completed(read_jsonl(lines, "-", fields), "-", options)
    except InputError as exc:
        yield Skipped(exc.path, exc.reason, exc.record)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield Skipped("-", f"cannot decompress: {exc}")
    except UnicodeDecodeError as exc:
        yield Skipped("-", f"cannot decode stdin ({exc.reason})")
    except OSError as exc:
        yield Skipped("-", _os_reason(exc))
    for unmatched in fields.unmatched("-"):
        warn(unmatched)


def _os_reason(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"


make_callable(__name__)  # storyline.ingest(...) is also the API function (see storyline.entry)
