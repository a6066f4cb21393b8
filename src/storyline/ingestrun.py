"""The ingest stage as a run applies it to the store: which files it need not read again, and
which of two records of one id it keeps.

**Files read before.** An hourly job over a crawl folder that grows by a hundred pages would
otherwise extract every page again (trafilatura and language detection: about 10 ms a page)
only to find it unchanged. After a file is read, the store keeps (in its ``results`` table,
kind :data:`FILE_KIND`, keyed by the file's path as given) a fingerprint of its bytes
(xxh3), of the reading and cleaning options and of the reading code, with what the file gave
(:class:`~storyline.ingest.known.FileRead`). A later run passes over a file whose fingerprint
is the same and each of whose articles is still stored with the content it was read with:
its articles count as unchanged, its skipped records and notes are reported again as they
were. Anything else (new bytes, another option, a new release, an article since replaced
under its id) reads the file again. A file that is gone is not read and deletes nothing.

**Read by workers.** Extracting the text of a page (trafilatura: about 220 pages a second)
is most of the time spent reading a crawl. With workers (``RunOptions.jobs``), the pages and
WARC files of a run (:data:`EXTRACTED`) are read whole in worker processes, ahead of the
main process, which takes what each file gave in the order of the inputs: what is stored,
skipped and remembered is the same as when one process reads them one by one.

**One id, two records.** Two records of one run may give one id (two feeds that number their
items from 1, one page under two dated folders): which is kept does not depend on the order
the inputs are given in (:mod:`storyline.ingest.choice`), and each record left out is
listed as skipped, naming the one kept.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TextIO, cast

from .clean import CleanOptions, clean_text
from .errors import InputError
from .fingerprint import code_fingerprint
from .ingest import (
    IngestOptions,
    Input,
    UnmatchedField,
    appendable,
    list_inputs,
    read_appended,
    read_input,
    readable,
)
from .ingest.choice import Candidate, Choice
from .ingest.decode import SAMPLE_BYTES
from .ingest.known import FileBytes, FileRead, Known, content_key, file_bytes
from .model import Article, DateOrigin, Skipped
from .store import Store, content_hash
from .store.rows import article_row
from .workers import Call, Workers, in_order

__all__ = ["FILE_KIND", "IngestRun"]

FILE_KIND = "ingest file"
# The code whose output a file's stored reading stands for: the readers, the cleaning of
# each article as it is stored, the content hash it is stored with, and the choice below.
_CODE = ("storyline.ingest", "storyline.clean", "storyline.store.rows", __name__)
# What a file gave is held in memory until the run is stored: a file of more records than
# this (a dump of millions) is read again each run, so that memory stays flat.
MAX_REMEMBERED = 100_000
# Files read by workers when a run has many (see "Read by workers" above): pages and WARC
# files, of at most EXTRACTED_MAX_BYTES (a worker returns a file's records whole; a larger
# file is read here, record by record, so that memory stays flat), FILES_PER_TASK at a time.
EXTRACTED = (".html", ".htm", ".warc", ".arc")
EXTRACTED_MAX_BYTES = 16 * 2**20
FILES_PER_TASK = 2
# Workers read files only when a run has this many to extract: starting them, and importing
# trafilatura in each, costs about as long as reading this many pages in one process.
FILES_FROM = 1000


class IngestRun:
    """One reading of inputs into a store: :meth:`articles` yields what to store, and the
    run's skipped inputs, notes, warnings and unchanged articles are kept on it. After the
    articles are stored, :meth:`save` keeps what each file gave for the next run."""

    def __init__(
        self,
        store: Store,
        options: IngestOptions,
        clean: CleanOptions,
        strict: bool = False,
        workers: Workers | None = None,
    ) -> None:
        self._store = store
        self._workers = workers
        self._options = options
        self._clean = clean
        self._strict = strict
        self._base = hashlib.sha256(code_fingerprint(_CODE))
        self._base.update(f"{options!r}\0{clean!r}\0".encode())
        self._reading = self._base.hexdigest()
        self._fresh: dict[str, _Fresh] = {}  # the files read, by label, while remembered
        self._paths: dict[str, Path] = {}  # each file's path, by label
        # (label, record) of articles of files passed over that are stored otherwise
        self._stale_records: set[tuple[str, int]] = set()
        self.skipped: list[Skipped] = []
        self.notes: list[Skipped] = []
        self.warnings: list[UnmatchedField] = []
        self.read: set[str] = set()  # the paths that gave articles
        self.passed = 0  # files passed over, unchanged since they were last read
        self.unchanged = 0  # articles of those files kept: counted as unchanged

    def articles(
        self, paths: Sequence[str | Path], stdin: TextIO | None = None
    ) -> Iterator[Article]:
        """The articles of ``paths`` to store, cleaned of furniture phrases."""
        choice = Choice()
        known: set[str] = set()  # ids of articles from files passed over
        written: set[str] = set()  # ids written by this run
        for record in self._records(paths, stdin):
            if isinstance(record, Skipped):
                self._skip(record)
                continue
            if isinstance(record, Known):
                candidate = Candidate(
                    record.path, record.record, record.key, record.published, record.origin, True
                )
                known.add(record.id)
                note, article = record.note, None
            else:
                article = replace(record, text=clean_text(record.text, self._clean), ingest_note="")
                key = content_key(record)
                candidate = Candidate(
                    record.path, record.record, key, record.published, record.published_origin
                )
                note = record.ingest_note
                self._remember(record.path, article, key, note)
            if note:  # the article is kept: reported, never fatal
                self.notes.append(Skipped(record.path, note, record.record, record.id))
            self.read.add(record.path)
            chosen = choice.offer(record.id, candidate)
            # An article from a file passed over is stored already; so is the earlier copy it
            # would choose (every record of that id read before was stored with its content).
            if chosen is not None and article is not None:
                written.add(record.id)
                yield article if chosen is candidate else _as_read(article, chosen)
        yield from self._stale(choice, written)
        self.skipped.extend(choice.left_out())
        self.unchanged = len(known - written)

    def _stale(self, choice: Choice, written: set[str]) -> Iterator[Article]:
        """The records that the rule keeps from files passed over but that are not stored as
        they gave them (a later run stored another record of their id, one of this run too),
        read again from their files."""
        wanted = {
            (kept.path, kept.record): article_id
            for article_id, kept in choice.kept()
            if kept.known
            and (kept.path, kept.record) in self._stale_records
            and article_id not in written
        }
        for label in sorted({path for path, _ in wanted}):
            for record in read_input((self._paths[label], label), self._options):
                article_id = wanted.get((label, record.record))
                if isinstance(record, Article) and record.id == article_id:
                    written.add(article_id)
                    yield replace(record, text=clean_text(record.text, self._clean), ingest_note="")

    def save(self) -> None:
        """Keep what each file read by this run gave, for the next run."""
        rows = (
            (label, fresh.key, fresh.reading(self._reading).to_json())
            for label, fresh in self._fresh.items()
        )
        self._store.save_results(FILE_KIND, rows)

    def _skip(self, record: Skipped) -> None:
        self.skipped.append(record)
        self._keep(record.path, record)
        if self._strict:  # an InputError, so a script can catch it and read its parts
            raise InputError(record.path, record.reason, record.record, note="--strict")

    def _records(
        self, paths: Sequence[str | Path], stdin: TextIO | None
    ) -> Iterator[Article | Skipped | Known]:
        """What the inputs hold: first the articles of every file passed over, and of what a
        grown JSON lines file held before (so that each is weighed before anything of this
        run is stored), then the other inputs and what was appended, read."""
        inputs = list(list_inputs(paths))
        self._paths = {item[1]: item[0] for item in inputs if isinstance(item, tuple)}
        once = Counter(item[1] for item in inputs if isinstance(item, tuple))
        stored = self._store.result_fingerprints(FILE_KIND)
        keyed = {
            item[1]: fresh
            for item in inputs
            if isinstance(item, tuple) and once[item[1]] == 1 and (fresh := self._key(item))
        }
        found = {label: fresh for label, fresh in keyed.items() if self._before(fresh, stored)}
        self._check(found)
        unread: list[tuple[Input, _Fresh | None]] = []
        for item in inputs:
            fresh = keyed.get(item[1]) if isinstance(item, tuple) else None
            before = None if fresh is None else fresh.before
            if fresh is not None and before is not None and before.read == fresh.bytes:
                self.passed += 1
                self.warnings.extend(before.warnings)
                yield from before.items
                continue
            if before is not None:  # it grew: what it held before is known
                yield from before.items
            unread.append((item, fresh))
        for (item, fresh), whole in self._read_ahead(unread):
            if fresh is None or not isinstance(item, tuple):
                yield from read_input(item, self._options, stdin, self._warn)
                continue
            self._fresh[item[1]] = fresh
            if whole is None:
                yield from self._read_file(item[0], item[1], fresh)
                continue
            records, warnings = whole  # read by a worker: as read_input gives them
            yield from records
            for warning in warnings:
                self._warn(warning)
            self._check_size(item[0], item[1], fresh)

    def _read_ahead(
        self, unread: list[tuple[Input, _Fresh | None]]
    ) -> Iterator[tuple[tuple[Input, _Fresh | None], _Whole | None]]:
        """Each input to read, with what it holds when a worker read it (else None)."""
        wanted = [_extracted(item, fresh) for item, fresh in unread]
        if self._workers is None or sum(wanted) < 2:
            return in_order((pair, None) for pair in unread)
        run = self._workers.runner(sum(wanted), FILES_PER_TASK, FILES_FROM)
        if run is in_order:
            return in_order((pair, None) for pair in unread)
        calls: list[tuple[tuple[Input, _Fresh | None], Call | None]] = []
        for (item, fresh), worker in zip(unread, wanted, strict=True):
            call = None
            if worker and isinstance(item, tuple):
                call = partial(read_whole, item[0], item[1], self._options)
            calls.append(((item, fresh), call))
        return run(calls)

    def _read_file(self, path: Path, label: str, fresh: _Fresh) -> Iterator[Article | Skipped]:
        if fresh.before is None or fresh.before.read is None:
            yield from read_input((path, label), self._options, None, self._warn)
        else:
            start = (fresh.before.read.size, fresh.before.read.lines)
            fresh.items.extend(fresh.before.items)
            new: list[UnmatchedField] = []
            yield from read_appended(path, label, start, self._options, new.append)
            # a field that some record of the whole file has is not worth a warning
            missing = {warning.field for warning in fresh.before.warnings}
            for warning in new:
                if warning.field in missing:
                    self._warn(warning)
        self._check_size(path, label, fresh)

    def _check_size(self, path: Path, label: str, fresh: _Fresh) -> None:
        try:
            size = path.stat().st_size
        except OSError:
            size = -1
        if size != fresh.bytes.size:  # written to while it was read: read it again next time
            self._fresh.pop(label, None)

    def _key(self, item: tuple[Path, str]) -> _Fresh | None:
        """The fingerprint of a file to read (None: not one a reader takes, or unreadable,
        which reading it reports)."""
        if not readable(item[0]):
            return None
        try:
            found = file_bytes(item[0])
        except OSError:
            return None
        key = self._base.copy()
        key.update(repr(found).encode())
        return _Fresh(item[1], key.hexdigest(), found)

    def _before(self, fresh: _Fresh, stored: dict[str, str]) -> bool:
        """Whether the file was read before as it is now (``fresh.before`` is then set to what
        it gave): the same bytes read the same way, or (a JSON lines file of whole lines,
        appended to since) the same first bytes."""
        if fresh.label not in stored:
            return False
        if stored[fresh.label] != fresh.key and not fresh.label.lower().endswith(".jsonl"):
            return False
        text = self._store.stored_result(FILE_KIND, fresh.label)
        if text is None:
            return False
        before = FileRead.from_json(fresh.label, text)
        if stored[fresh.label] != fresh.key and not self._grown(before, fresh):
            return False
        fresh.before = before
        return True

    def _check(self, found: dict[str, _Fresh]) -> None:
        """Keep in ``found`` only the files whose articles are stored as they gave them: each
        article stored with the content hash it was read with, or its id stored as another
        file kept gave it (two records of one id: should the rule keep the one not stored,
        a later run having stored the other, :meth:`_stale` reads it again). Files dropped
        are read again."""
        known = {
            label: [item for item in fresh.before.items if isinstance(item, Known)]
            for label, fresh in found.items()
            if fresh.before is not None
        }
        stored = self._store.content_hashes(k.id for items in known.values() for k in items)
        while True:
            matched = {
                k.id
                for items in known.values()
                for k in items
                if stored.get(k.id) == k.content_hash
            }
            dropped = [
                label
                for label, items in known.items()
                if any(stored.get(k.id) != k.content_hash and k.id not in matched for k in items)
            ]
            if not dropped:
                break
            for label in dropped:
                del known[label]
                found.pop(label).before = None
        self._stale_records = {
            (k.path, k.record)
            for items in known.values()
            for k in items
            if stored.get(k.id) != k.content_hash
        }

    def _grown(self, before: FileRead, fresh: _Fresh) -> bool:
        """Whether the file holds what ``before`` read, read the same way, and more after it:
        whole lines of at least the sample that chooses their encoding."""
        read = before.read
        if read is None or before.reading != self._reading or not read.whole_lines:
            return False
        if read.size < SAMPLE_BYTES or read.size >= fresh.bytes.size:
            return False
        if any(isinstance(i, Skipped) and i.reason == "empty file" for i in before.items):
            return False
        path = self._paths.get(fresh.label, Path(fresh.label))
        try:
            return file_bytes(path, read.size) == read and appendable(path)
        except OSError:
            return False

    def _remember(self, label: str, article: Article, key: str, note: str) -> None:
        if label in self._fresh:
            digest = content_hash(article_row(article))
            found = (article.id, digest, key, article.published, article.published_origin)
            self._keep(label, Known(label, article.record, *found, note))

    def _keep(self, label: str, item: Known | Skipped) -> None:
        fresh = self._fresh.get(label)
        if fresh is not None:
            fresh.items.append(item)
            if len(fresh.items) > MAX_REMEMBERED:
                del self._fresh[label]

    def _warn(self, unmatched: UnmatchedField) -> None:
        self.warnings.append(unmatched)
        if unmatched.path in self._fresh:
            self._fresh[unmatched.path].warnings.append(unmatched)


@dataclass
class _Fresh:
    """A file this run reads: its label, fingerprint and bytes, what it gave, and what it
    gave when last read if it only grew since (then only what was appended is read)."""

    label: str
    key: str
    bytes: FileBytes
    items: list[Known | Skipped] = field(default_factory=list)
    warnings: list[UnmatchedField] = field(default_factory=list)
    before: FileRead | None = None

    def reading(self, how: str) -> FileRead:
        return FileRead(tuple(self.items), tuple(self.warnings), self.bytes, how)


# What a worker read from a file: its records and skipped records, and the unmatched field
# warnings that reading it gave, after them.
_Whole = tuple[list[Article | Skipped], list[UnmatchedField]]


def read_whole(path: Path, label: str, options: IngestOptions) -> _Whole:
    """In a worker: what :func:`read_input` gives for the file, whole."""
    warnings: list[UnmatchedField] = []
    return list(read_input((path, label), options, None, warnings.append)), warnings


def _extracted(item: Input, fresh: _Fresh | None) -> bool:
    """Whether a worker may read ``item``: a page or WARC file read whole (not appended to a
    reading kept), small enough to be returned whole."""
    if not isinstance(item, tuple) or fresh is None or fresh.before is not None:
        return False
    name = item[0].name.lower()
    extension = os.path.splitext(name[:-3] if name.endswith(".gz") else name)[1]
    return extension in EXTRACTED and fresh.bytes.size <= EXTRACTED_MAX_BYTES


def _as_read(article: Article, copy: Candidate) -> Article:
    """``article`` as its ``copy`` (same content) was read: its date, path and record."""
    origin = cast(DateOrigin, copy.origin)
    return replace(
        article,
        published=copy.published,
        published_origin=origin,
        path=copy.path,
        record=copy.record,
    )
