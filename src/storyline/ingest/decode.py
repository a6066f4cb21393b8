"""Bytes to text: encoding detection, bounded reads and line streaming.

Every reader goes through here so that UTF-8 (with or without BOM), legacy encodings and
binary junk are handled the same way for every format, and so that no read is unbounded.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO, TextIO, cast

import charset_normalizer

from ..errors import InputError

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

SAMPLE_BYTES = 64 * 1024
SNIFF_BYTES = 8192
_CHUNK_BYTES = 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings in which a newline byte can sit inside a character: lines cannot be split on b"\n".
_WIDE = ("utf-16", "utf-32")
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)
# UTF-16 without a BOM is believed when at least this share of the byte pairs has a NUL on
# the same side (ASCII letters, digits, spaces and punctuation do, in any script) and this
# share of the text it gives is printable. A stray NUL in ASCII text stays binary content:
# read as UTF-16, ASCII pairs would give printable but meaningless CJK characters.
_MIN_NUL_PAIRS = 0.1
_MIN_PRINTABLE = 0.95


@dataclass(frozen=True)
class BadLine:
    """A line that could not be turned into text (too long or undecodable), by number."""

    number: int
    reason: str


def decode_bytes(data: bytes, path: str, declared: bool = False) -> str:
    """Decode a whole file: BOM, then UTF-8, then a declared (HTML) charset, then detection.

    Raises InputError when the bytes are binary or fit no encoding.
    """
    encoding = detect_encoding(data, path, declared)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"cannot decode as {encoding} ({exc.reason})") from exc
    except LookupError as exc:
        raise InputError(path, f"cannot decode: unknown encoding {encoding}") from exc


def detect_encoding(sample: bytes, path: str, declared: bool = False) -> str:
    """The encoding of ``sample`` (a whole file or its first bytes); InputError if none fits.

    charset_normalizer is asked only when the bytes are not UTF-8. Windows-1252 wins when it
    reads the bytes as cleanly as charset_normalizer's best guess: it is the usual legacy
    encoding of news pages, and short Latin texts otherwise come back as, e.g., mac_latin2.
    """
    wide = sniff(sample, path)
    if wide:
        return wide
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        name = _declared_charset(sample)
        if name:
            return name
    return _detected_charset(sample, path)


def line_encodings(sample: bytes, path: str) -> tuple[str, str]:
    """(encoding, fallback) of a file of lines (JSON lines, CSV) whose first bytes are
    ``sample``: ``fallback`` ("" for none) decodes the lines that ``encoding`` cannot.

    A sample that is not UTF-8 may still be UTF-8 but for a few lines (crawlers' outputs
    concatenated into one file, one of them Latin-1): each line is then read as UTF-8 when
    it is (text in a legacy encoding with any letter beyond ASCII hardly ever is), and
    otherwise in the charset its own lines read as, so one such record does not turn every
    other record's accents into mojibake. A file wholly in a legacy encoding reads the same.
    """
    encoding = detect_encoding(sample, path)
    if encoding.startswith(("utf-", "UTF-")):
        return encoding, ""
    whole_lines = sample.split(b"\n")[:-1] or [sample]
    legacy = b"\n".join(line for line in whole_lines if not _is_utf8(line))
    return "utf-8", _detected_charset(legacy or sample, path)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _declared_charset(sample: bytes) -> str:
    match = _DECLARED.search(sample[:8192])
    if not match:
        return ""
    name = match.group(1).decode("ascii", "replace")
    try:
        codec = codecs.lookup(name).name
        sample.decode(codec)
    except (LookupError, UnicodeDecodeError):
        return ""
    return codec


def _detected_charset(sample: bytes, path: str) -> str:
    best = charset_normalizer.from_bytes(sample).best()
    if best is None:
        raise InputError(path, "cannot decode: not UTF-8 and no other encoding fits")
    western = charset_normalizer.from_bytes(sample, cp_isolation=["cp1252"]).best()
    if western is not None and western.chaos <= best.chaos:
        return "cp1252"
    return str(best.encoding)


def sniff(head: bytes, path: str) -> str:
    """The encoding a BOM or NUL bytes give the first bytes of a file, "" if they give none.

    NUL bytes mean UTF-32 or UTF-16 without a BOM when the bytes read that way are printable
    text with no NUL character (UTF-32 is tried first: read as UTF-16, its ASCII gives NUL
    characters); otherwise they mean binary content (InputError). Only the first
    :data:`SNIFF_BYTES` are looked at, so a file can be rejected unread.
    """
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" not in head[:SNIFF_BYTES]:
        return ""
    wide = _utf32_without_bom(head[:SNIFF_BYTES]) or _utf16_without_bom(head[:SNIFF_BYTES])
    if not wide:
        raise InputError(path, "cannot decode: binary content")
    return wide


def _utf32_without_bom(head: bytes) -> str:
    head = head[: len(head) // 4 * 4]
    # Every code point fits in 21 bits: one byte of each four is always NUL, the last in
    # little-endian and the first in big-endian.
    if head and not any(head[3::4]):
        return _printable_as(head, "utf-32-le")
    if head and not any(head[0::4]):
        return _printable_as(head, "utf-32-be")
    return ""


def _utf16_without_bom(head: bytes) -> str:
    head = head[: len(head) // 2 * 2]
    # ASCII in UTF-16 has a NUL high byte: the odd bytes in little-endian, the even in big.
    odd, even = head[1::2].count(0), head[0::2].count(0)
    if max(odd, even) < _MIN_NUL_PAIRS * len(head) / 2:
        return ""
    return _printable_as(head, "utf-16-le" if odd > even else "utf-16-be")


def _printable_as(head: bytes, encoding: str) -> str:
    """``encoding`` when ``head`` reads as printable text without NUL characters in it."""
    try:
        text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    except UnicodeDecodeError:
        return ""
    if not text or "\x00" in text:
        return ""
    printable = sum(char.isprintable() or char in "\t\n\r\f" for char in text)
    return encoding if printable >= _MIN_PRINTABLE * len(text) else ""


def read_document(stream: BinaryIO, limit: int, path: str, size: int | None = None) -> bytes:
    """A whole one-article file, at most ``limit`` bytes, checked for binary content first.

    ``size`` is the file's size when known (not for gzip). Binary content and a known size
    over the limit are refused before anything past the first bytes is read; a stream of
    unknown size (a gzip bomb) is read in chunks and dropped as soon as it passes the limit.
    """
    head = stream.read(SAMPLE_BYTES)
    sniff(head, path)
    if len(head) > limit or (size is not None and size > limit):
        raise InputError(path, _too_large(limit))
    data = bytearray(head)
    while True:
        chunk = stream.read(min(_CHUNK_BYTES, limit + 1 - len(data)))
        if not chunk:
            return bytes(data)
        data += chunk
        if len(data) > limit:
            raise InputError(path, _too_large(limit))


def replayed(head: bytes, rest: BinaryIO) -> BinaryIO:
    """A byte stream giving ``head`` and then the rest of ``rest``: the stream ``head`` was
    read from, when it cannot seek back (stdin)."""
    return cast(BinaryIO, io.BufferedReader(_Replay(head, rest), SAMPLE_BYTES))


class _Replay(io.RawIOBase):
    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        target = memoryview(buffer).cast("B")
        if self._head:
            count = min(len(target), len(self._head))
            target[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(target))
        target[: len(data)] = data
        return len(data)


def binary_lines(
    stream: BinaryIO, encoding: str, limit: int, path: str, fallback: str = ""
) -> Iterator[tuple[int, str] | BadLine]:
    """Numbered text lines of a byte stream, one line in memory at a time.

    A line that ``encoding`` cannot decode is decoded by ``fallback`` when there is one (see
    :func:`line_encodings`). A line longer than ``limit`` bytes or not decodable is reported
    as a :class:`BadLine` and reading goes on with the next line. Line endings are kept (the
    csv module needs them).
    """
    if encoding.startswith(_WIDE):
        yield from _wide_lines(stream, encoding, limit, path)
        return
    number = 0
    first = True
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield BadLine(number, f"record larger than {limit} bytes")
            continue
        if first and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        first = False
        yield _decoded_line(number, raw, encoding, fallback)


def _decoded_line(
    number: int, raw: bytes, encoding: str, fallback: str
) -> tuple[int, str] | BadLine:
    try:
        return number, raw.decode(encoding)
    except UnicodeDecodeError as exc:
        reason = f"cannot decode as {encoding} ({exc.reason})"
    try:
        return (number, raw.decode(fallback)) if fallback else BadLine(number, reason)
    except UnicodeDecodeError:
        return BadLine(number, reason)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(SAMPLE_BYTES)
        if not chunk or chunk.endswith(b"\n"):
            return


def _wide_lines(
    stream: BinaryIO, encoding: str, limit: int, path: str
) -> Iterator[tuple[int, str] | BadLine]:
    decoder = codecs.getincrementaldecoder(encoding)()
    pending = ""
    number = 0
    while True:
        chunk = stream.read(SAMPLE_BYTES)
        try:
            pending += decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"cannot decode as {encoding} ({exc.reason})") from exc
        *complete, pending = pending.split("\n")
        for line in complete:
            number += 1
            yield number, line + "\n"
        if len(pending) > limit:
            raise InputError(path, f"record larger than {limit} bytes", number + 1)
        if not chunk:
            if pending:
                yield number + 1, pending
            return


def text_lines(stream: TextIO, limit: int) -> Iterator[tuple[int, str] | BadLine]:
    """Numbered lines of an already decoded stream (stdin), with the same length limit."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith("\n"):
            while True:
                rest = stream.readline(SAMPLE_BYTES)
                if not rest or rest.endswith("\n"):
                    break
            yield BadLine(number, f"record larger than {limit} bytes")
            continue
        yield number, line.lstrip("\ufeff") if number == 1 else line


def _too_large(limit: int) -> str:
    """Why a one-article file was refused, and what to do instead."""
    return (
        f"file too large for one article (more than {limit:,} bytes); give a corpus as JSON "
        "lines, CSV or a folder of files"
    )
