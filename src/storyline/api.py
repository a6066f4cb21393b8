"""The Python API: one function per CLI command, same names, same defaults.

>>> import storyline
>>> digest = storyline.digest(["examples/news"])          # doctest: +SKIP
>>> [story.title for story in digest.stories]              # doctest: +SKIP

Each function opens the store (``db``: a path, or None for a temporary database), ingests
``paths`` (a list of files and folders, or a single one) when given, and runs what the
command needs. Options are the stage options objects gathered in
:class:`storyline.pipeline.RunOptions`. A value of the wrong type raises
:class:`storyline.errors.OptionsError`.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import replace
from pathlib import Path

from . import pipeline
from .changes import Changes, previous_mark, since_last_digest
from .changes import mark_digested as _remember
from .errors import NothingToDoError, OptionsError
from .model import Claim, Digest, Relation
from .pipeline import Analysis, IngestReport, ProgressCallback, RunOptions
from .reuse import compare as compare_articles
from .store import SearchHit, Store
from .store.schema import ARTICLES_SINCE
from .store.search import has_word
from .timeline import Timeline

PathLike = str | Path
Paths = Sequence[PathLike] | PathLike  # a list of files and folders, or a single one


def _quiet(_: pipeline.Progress) -> None:
    return None


def run(
    paths: Paths = (),
    db: PathLike | None = None,
    options: RunOptions | None = None,
    progress: ProgressCallback = _quiet,
    *,
    with_timeline: bool = True,
    with_summary: bool = True,
    again: bool = False,
    digest_only: bool = False,
) -> tuple[Analysis, IngestReport | None]:
    """Ingest ``paths`` (if any) into ``db`` and analyse the stored corpus. A database that
    cannot be written (:func:`read_only`) and gets no new input is analysed in a temporary
    copy: the output is the same, and nothing is saved. ``analysis.changes`` is what is new
    since the previous digest of ``db`` or, ``again``, since the one the latest digest
    compared with (its news told again: another format of the same hour's digest). No
    function here moves that mark: a nightly script calls :func:`mark_digested` once it has
    written its outputs, as the CLI's ``digest`` does; without it, every run's ``changes``
    are a first digest's, which mark nothing new.
    ``digest_only``: the caller reads the digest alone, not ``analysis.dedup`` nor
    ``analysis.stories``; when ``db`` is unchanged since its stored digest, that is read
    back instead of analysed again (see :func:`storyline.pipeline.analyse`)."""
    paths, db = _checked(paths, db, options)
    if not paths and db is not None and not Path(db).exists():
        raise NothingToDoError(f"no input given and {_empty(db)}")
    copying = not paths and db is not None and read_only(Path(db))
    with (
        kept_only_if_used(db),
        _copy_of(Path(db)) if copying and db is not None else Store(db) as store,
    ):
        mark, unread = previous_mark(store, again)  # before inputs are stored
        report = None
        if paths:
            report = pipeline.ingest(paths, store, options, progress, stdin=sys.stdin)
        elif store.count_articles() == 0:
            raise NothingToDoError(f"no input given and {_empty(db)}")
        analysis = pipeline.analyse(
            store,
            options,
            progress,
            with_timeline=with_timeline,
            with_summary=with_summary,
            digest_only=digest_only,
        )
        if db is not None:
            changes = since_last_digest(store, mark, analysis.outline, unread)
            analysis = replace(analysis, changes=changes)
    return analysis, report


@contextmanager
def kept_only_if_used(db: PathLike | None) -> Iterator[None]:
    """A database file this run creates is removed again when nothing could be read into it:
    a failed first run (a mistyped folder) leaves no empty database behind, from the CLI as
    from a script (any other failure keeps what was stored)."""
    path = None if db is None else Path(db)
    created = path is not None and not path.exists()
    try:
        yield
    except NothingToDoError:
        if created and path is not None:
            for leftover in (
                path,
                path.with_name(path.name + "-wal"),
                path.with_name(path.name + "-shm"),
            ):
                leftover.unlink(missing_ok=True)
        raise


def mark_digested(db: PathLike, changes: Changes) -> None:
    """Remember in ``db`` that a digest was made of it as ``changes`` saw it: the next
    run's :class:`~storyline.changes.Changes` count from there (the CLI's ``digest`` does
    this once its output is written; a database that cannot be written is left as it is)."""
    if read_only(Path(db)):
        return
    with Store(db, create=False) as store:
        _remember(store, changes)


def _checked(paths: Paths, db: object, options: object) -> tuple[list[PathLike], PathLike | None]:
    """``paths`` as a list (a single path is one path, not its characters), and ``db``,
    checked here so that a wrong type gets a clear message instead of a deep traceback."""
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    if not isinstance(paths, Iterable):
        raise OptionsError(f"paths must be a path or a list of paths, got a {type(paths).__name__}")
    if not isinstance(paths, Sequence):
        paths = list(paths)
    for index, path in enumerate(paths):
        if not isinstance(path, str | os.PathLike):
            raise OptionsError(
                f"paths must be file or folder paths; item {index} is a {type(path).__name__}"
            )
    if db is not None and not isinstance(db, str | os.PathLike):
        raise OptionsError(f"db must be a path or None, got a {type(db).__name__}")
    if options is not None and not isinstance(options, RunOptions):
        raise OptionsError(
            f"options must be a storyline.pipeline.RunOptions, got a {type(options).__name__}"
            " (a stage's options go inside it: RunOptions(summary=SummaryOptions(...)))"
        )
    store = db if db is None or isinstance(db, str) else Path(db)
    return [Path(path) if isinstance(path, os.PathLike) else path for path in paths], store


def _empty(db: PathLike | None) -> str:
    if db is None:
        return "no database"
    return f"no database at {db}" if not Path(db).exists() else f"{db} holds no article"


def read_only(db: Path) -> bool:
    """Whether ``db`` exists but cannot be written: the file, or the folder SQLite keeps its
    journal in."""
    return db.exists() and not (os.access(db, os.W_OK) and os.access(db.parent, os.W_OK))


def article_reader(db: PathLike) -> Store:
    """The store ``db`` for search and compare, which only read articles: a file that cannot
    be written is opened read-only as it is (not migrated), down to the oldest schema they
    read (``ARTICLES_SINCE``); a writable one is opened, and migrated, as always."""
    if db is not None and read_only(Path(db)):
        return Store(db, readonly=True, create=False, oldest=ARTICLES_SINCE)
    return Store(db, create=False)


@contextmanager
def _copy_of(db: Path) -> Iterator[Store]:
    """A temporary copy of ``db`` (read with ``mode=ro``), removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="storyline-") as folder:
        copy = Path(folder) / db.name
        uri = f"{db.resolve().as_uri()}?mode=ro"
        with (
            closing(sqlite3.connect(uri, uri=True)) as source,
            closing(sqlite3.connect(copy)) as target,
        ):
            source.backup(target)
        with Store(copy) as store:
            yield store


def digest(
    paths: Paths = (), db: PathLike | None = None, options: RunOptions | None = None
) -> Digest:
    """Everything: stories with timelines and summaries, relations, groups, skipped inputs."""
    return run(paths, db, options, digest_only=True)[0].digest


def ingest(paths: Paths, db: PathLike, options: RunOptions | None = None) -> IngestReport:
    """Store ``paths`` in ``db``; reading the same files again adds nothing."""
    if db is None:
        raise OptionsError("ingest needs a database to store into (db=PATH)")
    checked, where = _checked(paths, db, options)
    with kept_only_if_used(where), Store(where) as store:
        return pipeline.ingest(checked, store, options)


def duplicates(
    paths: Paths = (), db: PathLike | None = None, options: RunOptions | None = None
) -> tuple[Relation, ...]:
    """Every reuse relation (duplicate, near-duplicate, excerpt, rewrite, shares-passages,
    translation)."""
    analysis, _ = run(paths, db, options, with_timeline=False, with_summary=False, digest_only=True)
    return analysis.digest.relations


def stories(
    paths: Paths = (), db: PathLike | None = None, options: RunOptions | None = None
) -> Analysis:
    """Stories and topics, with the assignment explanations in ``.stories.assignments``."""
    return run(paths, db, options, with_timeline=False, with_summary=False)[0]


def timeline(
    paths: Paths = (), db: PathLike | None = None, options: RunOptions | None = None
) -> Timeline:
    """One timeline over the whole corpus (each story's own is in :func:`digest`)."""
    options = options or RunOptions()
    analysis, _ = run(paths, db, options, with_summary=False)
    return pipeline.corpus_timeline(analysis, options.timeline)


def summarize(
    paths: Paths = (), db: PathLike | None = None, options: RunOptions | None = None
) -> dict[str, tuple[Claim, ...]]:
    """Each story's attributed summary, by story id."""
    analysis, _ = run(paths, db, options, with_timeline=False, digest_only=True)
    return {story.id: story.summary for story in analysis.digest.stories}


def search(query: str, db: PathLike, limit: int = 20) -> list[SearchHit]:
    """Full-text search over the stored titles and texts."""
    if not isinstance(query, str):
        raise OptionsError(f"query must be a string of words, got a {type(query).__name__}")
    if not has_word(query):
        raise OptionsError(f"the query {query!r} has no word to search for")
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise OptionsError(f"limit must be a whole number, got {limit!r}")
    with article_reader(db) as store:
        return store.search(query, limit)


def compare(first: str, second: str, db: PathLike) -> Relation | None:
    """How two stored articles relate, with their aligned passages (None: unrelated)."""
    if first == second:
        raise OptionsError(f"compare needs two different articles, got {first!r} twice")
    with article_reader(db) as store:
        return compare_articles(store.article(first), store.article(second))
