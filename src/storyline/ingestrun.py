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

**One id, two records.** Two records of one run may give one id (two feeds that number their
items from 1, one page under two dated folders): which is kept does not depend on the order
the inputs are given in (:mod:`storyline.ingest.choice`), and each record left out is
listed as skipped, naming the one kept.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO, cast

from .clean import CleanOptions, clean_text
from .errors import StorylineError
from .fingerprint import code_fingerprint
from .ingest import IngestOptions, Input, UnmatchedField, list_inputs, read_input, readable
from .ingest.choice import Candidate, Choice
from .ingest.known import FileRead, Known, content_key, file_digest
from .model import Article, DateOrigin, Skipped
from .store import Store, content_hash
from .store.rows import article_row

__all__ = ["FILE_KIND", "IngestRun"]

FILE_KIND = "ingest file"
# The code whose output a file's stored reading stands for: the readers, the cleaning of
# each article as it is stored, the content hash it is stored with, and the choice below.
_CODE = ("storyline.ingest", "storyline.clean", "storyline.store.rows", __name__)
# What a file gave is held in memory until the run is stored: a file of more records than
# this (a dump of millions) is read again each run, so that memory stays flat.
MAX_REMEMBERED = 100_000


class IngestRun:
    """One reading of inputs into a store: :meth:`articles` yields what to store, and the
    run's skipped inputs, notes, warnings and unchanged articles are kept on it. After the
    articles are stored, :meth:`save` keeps what each file gave for the next run."""

    def __init__(
        self, store: Store, options: IngestOptions, clean: CleanOptions, strict: bool = False
    ) -> None:
        self._store = store
        self._options = options
        self._clean = clean
        self._strict = strict
        self._base = hashlib.sha256(code_fingerprint(_CODE))
        self._base.update(f"{options!r}\0{clean!r}\0".encode())
        self._fresh: dict[str, tuple[str, list[Known | Skipped], list[UnmatchedField]]] = {}
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
                self.notes.append(Skipped(record.path, note, record.record))
            self.read.add(record.path)
            chosen = choice.offer(record.id, candidate)
            # An article from a file passed over is stored already; so is the earlier copy it
            # would choose (every record of that id read before was stored with its content).
            if chosen is not None and article is not None:
                written.add(record.id)
                yield article if chosen is candidate else _as_read(article, chosen)
        self.skipped.extend(choice.left_out())
        self.unchanged = len(known - written)

    def save(self) -> None:
        """Keep what each file read in full by this run gave, for the next run."""
        rows = (
            (label, key, FileRead(tuple(items), tuple(warnings)).to_json())
            for label, (key, items, warnings) in self._fresh.items()
        )
        self._store.save_results(FILE_KIND, rows)

    def _skip(self, record: Skipped) -> None:
        self.skipped.append(record)
        self._keep(record.path, record)
        if self._strict:
            raise StorylineError(f"{record.where}: {record.reason} (--strict)")

    def _records(
        self, paths: Sequence[str | Path], stdin: TextIO | None
    ) -> Iterator[Article | Skipped | Known]:
        """What the inputs hold: first the articles of every file passed over (so that each is
        weighed before anything of this run is stored), then the other inputs, read."""
        inputs = list(list_inputs(paths))
        once = Counter(item[1] for item in inputs if isinstance(item, tuple))
        stored = self._store.result_fingerprints(FILE_KIND)
        unread: list[tuple[Input, str | None]] = []
        for item in inputs:
            key = self._key(item[0]) if isinstance(item, tuple) and once[item[1]] == 1 else None
            if key is None or not isinstance(item, tuple):
                unread.append((item, None))
            elif (before := self._before(item[1], key, stored)) is not None:
                self.passed += 1
                self.warnings.extend(before.warnings)
                yield from before.items
            else:
                unread.append((item, key))
        for item, key in unread:
            if key is not None and isinstance(item, tuple):
                self._fresh[item[1]] = (key, [], [])
            yield from read_input(item, self._options, stdin, self._warn)

    def _key(self, path: Path) -> str | None:
        """The fingerprint of a file to read (None: not one a reader takes, or unreadable,
        which reading it reports)."""
        if not readable(path):
            return None
        try:
            digest = file_digest(path)
        except OSError:
            return None
        key = self._base.copy()
        key.update(digest.encode())
        return key.hexdigest()

    def _before(self, label: str, key: str, stored: dict[str, str]) -> FileRead | None:
        """What the file ``label`` gave when it was last read, if that still holds: the same
        fingerprint, and each of its articles stored with the content it was read with."""
        if stored.get(label) != key:
            return None
        text = self._store.stored_result(FILE_KIND, label)
        if text is None:
            return None
        before = FileRead.from_json(label, text)
        known = [item for item in before.items if isinstance(item, Known)]
        hashes = self._store.content_hashes(item.id for item in known)
        if any(hashes.get(item.id) != item.content_hash for item in known):
            return None
        return before

    def _remember(self, label: str, article: Article, key: str, note: str) -> None:
        if label in self._fresh:
            digest = content_hash(article_row(article))
            found = (article.id, digest, key, article.published, article.published_origin)
            self._keep(label, Known(label, article.record, *found, note))

    def _keep(self, label: str, item: Known | Skipped) -> None:
        entry = self._fresh.get(label)
        if entry is not None:
            entry[1].append(item)
            if len(entry[1]) > MAX_REMEMBERED:
                del self._fresh[label]

    def _warn(self, unmatched: UnmatchedField) -> None:
        self.warnings.append(unmatched)
        if unmatched.path in self._fresh:
            self._fresh[unmatched.path][2].append(unmatched)


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
