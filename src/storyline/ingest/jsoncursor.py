"""A JSON text walked value by value from a reader, in constant memory: the top-level
values of a big JSON array (:class:`~storyline.ingest.records.JsonValues`), or an export's
objects key by key (:mod:`.telegram`)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import NoReturn

from ..errors import InputError

__all__ = ["JsonCursor"]

_NON_SPACE = re.compile(r"\S")
_CHUNK = 64 * 1024


class JsonCursor:
    """A JSON text walked value by value from a reader: objects key by key, arrays item by
    item, other values parsed whole (one buffer, doubled while a value does not parse, up to
    ``limit`` characters)."""

    def __init__(self, read: Callable[[int], str], limit: int, path: str, text: str = "") -> None:
        self._read = read
        self._limit = limit
        self._path = path
        self._decoder = json.JSONDecoder()
        self._buffer = text
        self._pos = 0
        self._eof = False

    def peek(self) -> str:
        """The next non-space character (consumed up to it), or "" at the end."""
        while True:
            match = _NON_SPACE.search(self._buffer, self._pos)
            if match:
                self._pos = match.start()
                return self._buffer[self._pos]
            self._pos = len(self._buffer)
            if self._eof:
                return ""
            self._fill(_CHUNK)

    def members(self) -> Iterator[str]:
        """The keys of the object that starts here; after each, the caller consumes its
        value (:meth:`value`, or walking it)."""
        self._expect("{")
        if self.peek() == "}":
            self._pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise InputError(self._path, f"expected a key, found {self._shown(key)}")
            self._expect(":")
            yield key
            if self._after("}"):
                return

    def items(self, named: bool = False) -> Iterator[int]:
        """The position (from 1) of each item of the array that starts here; the caller
        consumes each. ``named``: a broken separator names the item before it (the array is
        the file's records)."""
        self._expect("[")
        if self.peek() == "]":
            self._pos += 1
            return
        item = 0
        while True:
            item += 1
            yield item
            if self._after("]", item if named else 0):
                return

    def value(self, item: int = 0) -> object:
        """The whole value that starts here; ``item``, when given, is the position that an
        error names ("item 3: not valid JSON (...)")."""
        size = _CHUNK
        self.peek()
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._pos)
            except json.JSONDecodeError as exc:
                if self._eof or len(self._buffer) - self._pos > self._limit:
                    message = exc.msg.removesuffix(" at")
                    self._fail(f"not valid JSON ({message})", item, exc)
            except RecursionError as exc:
                self._fail("not valid JSON (nested too deeply)", item, exc)
            else:
                if end < len(self._buffer) or self._eof:  # else a number may go on
                    self._pos = end
                    return value
            self._fill(size)
            size = max(size * 2, len(self._buffer))

    def _after(self, close: str, item: int = 0) -> bool:
        """Past the comma after an item (False), or the closing mark (True)."""
        mark = self.peek()
        self._pos += 1
        if mark == close:
            return True
        if mark != ",":
            found = "the end of the file" if not mark else repr(mark)
            where = f"after item {item}: " if item else ""  # the file breaks between items
            said = f"expected ',' or {close!r}, found {found}"
            raise InputError(self._path, f"{where}not valid JSON ({said})")
        return False

    def _expect(self, mark: str) -> None:
        found = self.peek()
        if found != mark:
            shown = "the end of the file" if not found else repr(found)
            raise InputError(self._path, f"not valid JSON (expected {mark!r}, found {shown})")
        self._pos += 1

    def _fail(self, reason: str, item: int, exc: Exception) -> NoReturn:
        where = f"item {item}: " if item else ""
        raise InputError(self._path, where + reason, item) from exc

    def _fill(self, size: int) -> None:
        chunk = self._read(size)
        if not chunk:
            self._eof = True
        self._buffer = self._buffer[self._pos :] + chunk
        self._pos = 0

    @staticmethod
    def _shown(value: object) -> str:
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 40 else text[:39] + "…"
