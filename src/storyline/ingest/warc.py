"""Web archives (``.warc``, ``.warc.gz``; the older ``.arc``, ``.arc.gz``): each archived HTML
page is an article.

warcio reads the file itself (a ``.warc.gz`` is compressed record by record, and warcio
finds each gzip member), one record at a time, so memory stays flat whatever the size of
the archive. A ``response`` (or ``resource``) record whose HTTP status is 200 and whose
payload is an HTML page goes through the HTML reader (:func:`~.html.read_html`) with the
record's WARC-Target-URI as its url and the HTTP charset; the HTTP payload is first
decoded (chunked transfer, gzip or deflate content encoding; brotli when the ``brotli``
package is installed). The WARC-Date is when the crawler fetched the page, not when it was
published: it never becomes ``published``.

Records are named by their byte offset in the file (in the compressed file for
``.warc.gz``), as CDX indexes name them and as ``warcio extract FILE OFFSET`` takes them:
an article's ``record`` and a skipped record's ``crawl.warc.gz:48213``. Records that are
not pages (``request``, ``metadata``, ``warcinfo``, ``revisit``; responses that are not 200
or not HTML: redirects, images, PDFs, robots.txt) are counted, and the file gets one
Skipped that sums them up, so that a crawl of 40,000 records does not print 20,000 lines;
an HTML page that gives no article (no main text, too large, a truncated record) gets a
Skipped of its own, with its url. A broken record (a gzip member that does not decompress,
a Content-Length that lies, a file cut short) is named by its offset; what came before is
kept, and reading resumes at the next record that can be found.

A ``revisit`` record holds no page: it says that a later capture of a url gave the same
payload as an earlier one (a crawler's deduplication). A revisit of a page read from the same
file adds nothing and is counted in the file's note; one whose earlier capture is not in the
file is counted apart, naming the first such url and its capture date, since its page can
only be read from the archive that holds that capture. Neither is a fault.

An ARC file (the Internet Archive's format before WARC) is read the same way: warcio turns
each ARC record into the WARC record it stands for (the ``filedesc`` header into a
``warcinfo``), and its messages say ARC.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader, ChunkedDataReader, DecompressingBufferedReader
from warcio.utils import BUFF_SIZE

from ..model import Article, Skipped
from .html import MAX_HTML_BYTES, read_html
from .noted import NotedArticles

__all__ = ["read_warc"]

_PAGES = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# A payload without a Content-Type is HTML when its first bytes say so.
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_CHUNK = 1 << 16
_SNIFF = 4096  # bytes of a payload without a Content-Type that show it is HTML
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_START = re.compile(rb"\n(WARC/1\.[01]\r?\n)")
# An ARC record's header line: "URL IP-address Archive-date Content-type Archive-length".
_ARC_LINE = rb"[a-z][\w+.-]*:\S+ \S+ \d{14} \S+ \d+\r?\n"
_ARC_START = re.compile(rb"\n(" + _ARC_LINE + rb")", re.I)
_ARC_HEAD = re.compile(_ARC_LINE, re.I)
_ARC_URL = re.compile(r"[a-z][\w+.-]*:\S+$", re.I)
_HEAD_BYTES = 1024  # of a gzip member, enough for an ARC header line
_TAIL = 1024  # bytes of a block looked at again with the next: a header across the two
_SHOWN = 5  # kinds of records passed over named in the summary


def read_warc(path: Path, label: str, max_bytes: int) -> Iterator[Article | Skipped]:
    """The articles of the web archive ``path`` (shown as ``label``; an ARC file when its name
    ends in ``.arc`` or ``.arc.gz``), a Skipped for each HTML page that gave none and for each
    break in the file; the count of records passed over and of revisits is a note on the last
    article (a Skipped when there is none); a page's payload over ``max_bytes`` (or the HTML
    reader's own limit) is not read."""
    name = path.name.lower().removesuffix(".gz")
    passed = _Passed("ARC" if name.endswith(".arc") else "WARC")
    noted = NotedArticles(label)
    yield from noted.push(_records(path, label, min(max_bytes, MAX_HTML_BYTES), passed))
    if passed.records == 0 and passed.read == 0 and not passed.broken:
        yield Skipped(label, "empty file")
    yield from noted.close(passed.reason())


def _records(path: Path, label: str, limit: int, passed: _Passed) -> Iterator[Article | Skipped]:
    try:
        with path.open("rb") as raw:
            compressed = raw.read(len(_GZIP_MEMBER)) == _GZIP_MEMBER
            start: int | None = 0
            while start is not None:
                start = yield from _read_from(raw, start, label, limit, compressed, passed)
    except OSError as exc:
        yield Skipped(label, f"cannot read: {exc.strerror or exc}")


class _Passed:
    """What a file held that is not an article: records counted by kind, HTTP status and
    content type; revisits; how many records were read at all; and the file's format
    (``name``: "WARC" or "ARC"), which its messages say."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.read = 0
        self.broken = False
        self.kinds: Counter[str] = Counter()
        self.statuses: Counter[str] = Counter()
        self.types: Counter[str] = Counter()
        self.pages: set[str] = set()  # payload digests and urls of the pages read
        self.revisited = 0  # revisits of pages read from this file
        self.elsewhere = 0  # revisits of a page whose earlier capture is not in this file
        self.first_elsewhere = ""

    @property
    def arc(self) -> bool:
        return self.name == "ARC"

    @property
    def records(self) -> int:
        return sum(self.kinds.values()) + sum(self.statuses.values()) + sum(self.types.values())

    def reason(self) -> str:
        """What the file held besides pages, "" when nothing: the records passed over and
        the revisits (see :meth:`passed_over` and :meth:`revisits`)."""
        parts = (self.passed_over() if self.records else "", self.revisits())
        return "; ".join(part for part in parts if part)

    def revisits(self) -> str:
        """ "WARC revisits, pages captured again with the same content, not read twice (3:
        2 of pages read from this file; 1 whose earlier capture is not in this file, such as
        https://... captured 2024-03-01T10:00:00Z)" """
        total = self.revisited + self.elsewhere
        if not total:
            return ""
        parts = [f"{self.revisited:,} of pages read from this file"] if self.revisited else []
        if self.elsewhere:
            parts.append(
                f"{self.elsewhere:,} whose earlier capture is not in this file, such as "
                f"{self.first_elsewhere}"
            )
        words = "pages captured again with the same content, not read twice"
        return f"{self.name} revisits, {words} ({total:,}: {'; '.join(parts)})"

    def passed_over(self) -> str:
        """ "WARC records passed over, not pages (1,204 of 1,230: 600 request, ...; 500
        responses with HTTP status 301 (400), 404 (100); 104 responses not HTML: image/jpeg
        (80), ...)": the words before the brackets are the same for every file, so the CLI's
        count of skips by reason adds the files up."""
        parts = []
        if self.kinds:
            parts.append(_listed(self.kinds, "{n:,} {k}"))
        if self.statuses:
            total = sum(self.statuses.values())
            listed = _listed(self.statuses, "{k} ({n:,})")
            parts.append(f"{total:,} {_plural(total, 'response')} with HTTP status {listed}")
        if self.types:
            total = sum(self.types.values())
            listed = _listed(self.types, "{k} ({n:,})")
            parts.append(f"{total:,} {_plural(total, 'response')} not HTML: {listed}")
        counts = "; ".join(parts)
        read = f"{self.records:,} of {self.read:,}"
        return f"{self.name} records passed over, not pages ({read}: {counts})"


def _listed(counts: Counter[str], shape: str) -> str:
    ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
    shown = [shape.format(k=kind, n=n) for kind, n in ranked[:_SHOWN]]
    rest = sum(n for _, n in ranked[_SHOWN:])
    return ", ".join(shown) + (f", {rest:,} other" if rest else "")


def _plural(n: int, word: str) -> str:
    return word if n == 1 else f"{word}s"


# warcio logs what it mends (spaces in a url) as warnings; without a handler Python would
# print them on stderr. What is lost is reported through Skipped instead.
logging.getLogger("warcio").addHandler(logging.NullHandler())


class _ArchiveError(Exception):
    """The archive's own compression broke inside a record."""


class _PayloadError(Exception):
    """A page's HTTP content encoding broke: the record is whole, its payload is not."""


class _Raising:
    """warcio's decompression, raising ``error`` on data that stops decompressing past a
    stream's first block, where warcio writes the error on stderr and ends the stream as if
    it were whole."""

    error: type[Exception] = _ArchiveError
    decompressor: Any
    num_block_read: int

    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor and data and self.num_block_read:
            try:
                return bytes(self.decompressor.decompress(data))
            except Exception as exc:  # zlib.error or brotli's
                raise self.error(_said(exc, named=False)) from exc
        return bytes(super()._decompress(data))  # type: ignore[misc]


class _Reader(_Raising, DecompressingBufferedReader):  # type: ignore[misc]
    pass


class _Decoding(_Raising, BufferedReader):  # type: ignore[misc]
    error = _PayloadError


class _Dechunking(_Raising, ChunkedDataReader):  # type: ignore[misc]
    error = _PayloadError


class _Records(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, noting a record whose end is not where its Content-Length says
    (warcio writes a warning on stderr for it instead, which would bypass the skip list),
    and raising on a gzip member that stops decompressing."""

    def __init__(self, stream: BinaryIO, arc: bool) -> None:
        super().__init__(stream, arc2warc=arc)
        self.reader = _Reader(self.fh, block_size=BUFF_SIZE)
        self.misplaced_end = False

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        # warcio 1.x's own loop (Apache-2.0), with the stderr warning replaced by a flag.
        empty_size = 0
        first_line = True
        while True:
            line = self.reader.readline()
            if len(line) == 0:
                return None, empty_size
            if len(line.rstrip()) == 0 or first_line:
                empty_size += len(line)
                if len(line.rstrip()) != 0:
                    self.misplaced_end = True
                first_line = False
                continue
            return line, empty_size


def _read_from(
    raw: BinaryIO, start: int, label: str, limit: int, compressed: bool, passed: _Passed
) -> Generator[Article | Skipped, None, int | None]:
    """Read the records from byte ``start``; return where to resume after a break (None at
    the end of the file or when nothing more can be found)."""
    raw.seek(start)
    records = _Records(raw, passed.arc)
    iterator = iter(records)
    while True:
        offset = records.offset
        try:
            record = next(iterator, None)
            if record is None:
                return None
            offset = records.offset
            if record.format != "warc":  # warcio also reads the older ARC, or takes text for it
                raise ValueError(f"no WARC header; read as {_arc_hint(record.format)}")
            if passed.arc and not _arc_record(record):  # warcio takes text for ARC too
                raise ValueError(f"no ARC header line: {_target(record)!r}")
            found = _record(record, label, offset, limit, passed)
            records.read_to_end()
            truncated = getattr(record.raw_stream, "limit", 0) > 0
        except Exception as exc:  # warcio on a broken file: say where, then resume
            return (yield from _broken(raw, records.offset, label, exc, compressed, passed))
        passed.read += 1
        if truncated or records.misplaced_end:
            after = _resume(raw, offset + 1, compressed, passed.arc)
            if truncated and after is None:
                yield Skipped(label, "truncated: the file ends inside this record", offset)
                return None
            length = record.rec_headers.get_header("Content-Length")
            yield Skipped(
                label, f"the record's Content-Length ({length}) is wrong{_then(after)}", offset
            )
            return after
        if isinstance(found, Skipped):
            yield found
        elif found is not None:
            yield from _page(*found, label=label, offset=offset)


def _broken(
    raw: BinaryIO, offset: int, label: str, exc: Exception, compressed: bool, passed: _Passed
) -> Generator[Skipped, None, int | None]:
    passed.broken = True
    if _WHOLE_GZIP in str(exc):  # offsets into one gzip stream cannot be sought
        yield Skipped(label, _ONE_STREAM)
        return None
    offset = max(offset, 0)
    after = _resume(raw, offset + 1, compressed, passed.arc)
    if passed.read == 0 and offset == 0 and after is None:
        article = "an" if passed.arc else "a"
        yield Skipped(label, f"not {article} {passed.name} file ({_said(exc)})")
        return None
    yield Skipped(label, f"broken {passed.name} record ({_said(exc)}){_then(after)}", offset)
    return after


_WHOLE_GZIP = "non-chunked gzip file detected"
_ONE_STREAM = (
    "compressed as one gzip stream, not record by record as a .warc.gz is: only its first "
    "record was read (`warcio recompress FILE NEW.warc.gz` rewrites it; or gunzip it to .warc)"
)


def _then(after: int | None) -> str:
    if after is None:
        return "; no record found after it"
    return f"; read on from the next record, at byte {after}"


def _said(exc: Exception, named: bool = True) -> str:
    """The exception in one short printable line (warcio quotes the bytes it could not read),
    after its class's name when ``named``."""
    text = _printable(" ".join(str(exc).split()), _SAID)
    if isinstance(exc, _ArchiveError):
        return f"does not decompress: {text}"
    return f"{type(exc).__name__}: {text}" if text and named else text or type(exc).__name__


def _printable(text: str, size: int) -> str:
    """``text`` up to its first unprintable byte (binary that warcio quotes) and at most
    ``size`` characters, with "…" where it was cut."""
    found = _UNPRINTABLE.search(text)
    cut = min(found.start() if found else len(text), size)
    return text if cut == len(text) else text[:cut].rstrip() + "…"


_UNPRINTABLE = re.compile(r"[^\x20-\x7e]")
_SAID = 80
_KIND = 40


def _arc_hint(found: object) -> str:
    """What warcio read a ``.warc`` file as: an ARC file is read when named so."""
    shown = str(found).upper()
    return f"{shown} (name the file .arc or .arc.gz to read it so)" if shown == "ARC" else shown


def _resume(raw: BinaryIO, offset: int, compressed: bool, arc: bool) -> int | None:
    """The byte offset of the first record that starts at or after ``offset``: the next gzip
    member that opens with a WARC (or ``arc``: ARC) header, or such a header line; None when
    there is none."""
    raw.seek(offset)
    base = offset
    tail = b""
    while block := raw.read(_CHUNK):
        data = tail + block
        found = _gzip_record(data, base, arc) if compressed else _header_line(data, base, arc)
        if found is not None:
            return found
        tail = data[-_TAIL:]
        base += len(data) - len(tail)
    return None


def _gzip_record(data: bytes, base: int, arc: bool) -> int | None:
    at = data.find(_GZIP_MEMBER)
    while at >= 0:
        try:
            head = zlib.decompressobj(31).decompress(data[at:], _HEAD_BYTES if arc else 16)
        except zlib.error:
            head = b""
        if _ARC_HEAD.match(head) if arc else head.startswith(b"WARC/"):
            return base + at
        at = data.find(_GZIP_MEMBER, at + 1)
    return None


def _header_line(data: bytes, base: int, arc: bool) -> int | None:
    found = (_ARC_START if arc else _WARC_START).search(data)
    return None if found is None else base + found.start(1)


# A page to read: its payload, url, charset and a note on it.
_Page = tuple[bytes, str, str, str]


def _record(
    record: Any, label: str, offset: int, limit: int, passed: _Passed
) -> _Page | Skipped | None:
    """What one record is: a page to extract, a Skipped (a page that cannot be read), or
    None (passed over and counted)."""
    kind = str(record.rec_type or "")
    url = _target(record)
    if kind == "revisit":
        _revisit(record, url, passed)
        return None
    if kind not in _PAGES:
        kind = "filedesc" if passed.arc and kind == "warcinfo" else kind  # the ARC's header
        passed.kinds[_printable(kind, _KIND) or "untyped"] += 1
        return None
    http = record.http_headers
    if passed.arc and not url.lower().startswith(("http:", "https:")):  # dns:, ftp:
        passed.kinds[_printable(url.split(":", 1)[0].lower(), _KIND) or "untyped"] += 1
        return None
    if http is not None and kind == "response":
        status = str(http.get_statuscode() or "")
        if status != "200":
            passed.statuses[_printable(status, _KIND) or "none"] += 1
            return None
        content_type = str(http.get_header("Content-Type") or "")
    else:
        content_type = str(record.rec_headers.get_header("Content-Type") or "")
    media = content_type.split(";", 1)[0].strip().lower()
    if media and media not in _HTML_TYPES:
        passed.types[_printable(media, _KIND)] += 1
        return None
    encoding = str(http.get_header("Content-Encoding") or "").strip().lower() if http else ""
    if encoding and encoding != "identity" and encoding not in _decoders():
        hint = " (install brotli)" if encoding == "br" else ""
        return Skipped(
            label, f"HTTP payload encoded as {encoding!r}, not decodable{hint} ({url})", offset
        )
    try:
        payload = _content(record.raw_stream, http, encoding)
        data = _read_up_to(payload, _SNIFF)
        if not media and not _HTML_START.match(data):  # untyped and not HTML: not read on
            passed.types["no content type, not HTML"] += 1
            return None
        data += _read_up_to(payload, limit + 1 - len(data))
    except _PayloadError as exc:
        return Skipped(label, f"HTTP payload not decodable as {encoding} ({exc}) ({url})", offset)
    if len(data) > limit:
        return Skipped(label, f"page too large (over {limit:,} bytes) ({url})", offset)
    passed.pages.update(filter(None, (url, _digest(record))))
    found = _CHARSET.search(content_type)
    cut = str(record.rec_headers.get_header("WARC-Truncated") or "")
    note = f"the crawler cut this page short (WARC-Truncated: {cut})" if cut else ""
    return data, url, found.group(1) if found else "", note


def _arc_record(record: Any) -> bool:
    """Whether an ARC record as warcio turned it into WARC has a url (its filedesc, turned
    into a warcinfo, has none)."""
    return record.rec_type == "warcinfo" or bool(_ARC_URL.match(_target(record)))


def _target(record: Any) -> str:
    return str(record.rec_headers.get_header("WARC-Target-URI") or "")


def _digest(record: Any) -> str:
    return str(record.rec_headers.get_header("WARC-Payload-Digest") or "")


def _revisit(record: Any, url: str, passed: _Passed) -> None:
    """Count a revisit: of a page read from this file (by payload digest or url), of a page
    whose earlier capture is elsewhere, or, when its HTTP headers say it is no HTML page of
    status 200 (or 304, not modified), as a record passed over."""
    headers = record.rec_headers
    refers = str(headers.get_header("WARC-Refers-To-Target-URI") or "") or url
    if _digest(record) in passed.pages or refers in passed.pages:
        passed.revisited += 1
        return
    http = record.http_headers
    status = str(http.get_statuscode() or "") if http is not None else ""
    media = str(http.get_header("Content-Type") or "") if http is not None else ""
    media = media.split(";", 1)[0].strip().lower()
    if status not in ("", "200", "304") or (media and media not in _HTML_TYPES):
        passed.kinds["revisit"] += 1
        return
    passed.elsewhere += 1
    if not passed.first_elsewhere:
        when = str(headers.get_header("WARC-Refers-To-Date") or "")
        passed.first_elsewhere = _printable(refers, _SAID) + (f" captured {when}" if when else "")


def _content(raw: Any, http: Any, encoding: str) -> Any:
    """The HTTP payload of ``raw`` as the server meant it: de-chunked and decompressed (what
    warcio's ``content_stream`` does, raising on a broken payload)."""
    decoding = encoding if encoding in _decoders() else None
    chunked = http is not None and str(http.get_header("Transfer-Encoding") or "").lower()
    if chunked == "chunked":
        return _Dechunking(raw, decomp_type=decoding)
    return _Decoding(raw, decomp_type=decoding) if decoding else raw


def _read_up_to(stream: Any, size: int) -> bytes:
    """At most ``size`` bytes of ``stream``, however many each read gives."""
    parts = []
    while size > 0 and (block := stream.read(min(size, _CHUNK))):
        parts.append(block)
        size -= len(block)
    return b"".join(parts)


def _decoders() -> Any:
    return BufferedReader.get_supported_decompressors()


def _page(
    data: bytes, url: str, charset: str, note: str, *, label: str, offset: int
) -> Iterator[Article | Skipped]:
    for item in read_html(data, label, url=url, charset=charset):
        if isinstance(item, Article):
            notes = "; ".join(n for n in (note, item.ingest_note) if n)
            yield replace(item, record=offset, ingest_note=notes)
        else:
            reason = "empty page" if item.reason == "empty file" else item.reason
            yield Skipped(label, f"{reason} ({url})" if url else reason, offset)
