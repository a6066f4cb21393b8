"""The command line: parses arguments, calls the library, renders, and translates errors.

No analysis happens here. Shared options are decorators so ``--db``, ``--format``,
``--quiet`` and ``-v`` mean the same in every command.
"""

from __future__ import annotations

import errno
import functools
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import click

from . import __version__, api, pipeline
from .changes import changes_line, with_changes
from .clioptions import (
    CSV_TABLES,
    HTML_HINT,
    HTML_STORIES,
    db_option,
    existing_db_option,
    format_option,
    ingest_db_option,
    input_options,
    jobs_option,
    output_option,
    verbosity_options,
)
from .cliskipped import say_skipped
from .clitypes import DateBound, Day
from .dedup import DedupOptions
from .errors import NothingToDoError, OptionsError, StorylineError
from .ingest import ingest_options
from .ingest.dates import DateOrder
from .model import Digest
from .outfile import write_whole
from .progress import progress_reporter
from .render import articles_csv, compare_html, compare_text, to_html, to_markdown
from .render.selection import StorySelection
from .render.views import counted, split_skipped
from .store import Store
from .store.search import has_word
from .summary import SummaryOptions
from .timeline import TimelineOptions
from .views import (
    corpus_timeline_view,
    duplicates_view,
    search_view,
    stories_view,
    summaries_view,
    timeline_view,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
def cli() -> None:
    """Stories, duplicates, timelines and attributed summaries from overlapping news."""


@dataclass(frozen=True)
class Run:
    """The options every analysing command shares, gathered by :func:`analysis_command`."""

    paths: tuple[str, ...]
    fields: tuple[str, ...]
    strict: bool
    path_dates: bool
    source: str
    date_order: DateOrder
    db: Path | None
    fmt: str
    output: Path | None
    quiet: bool
    verbose: bool
    jobs: int | None

    def analyse(
        self,
        *,
        with_timeline: bool = True,
        with_summary: bool = True,
        again: bool = False,
        digest_only: bool = True,
        **stage_options: Any,
    ) -> pipeline.Analysis:
        """Ingest the paths (if any) and analyse, with progress and skipped inputs reported
        (``digest_only``: see :func:`storyline.api.run`)."""
        reading = (self.fields, self.strict, self.path_dates, self.source, self.date_order)
        options = _options(*reading, jobs=self.jobs, **stage_options)
        if not self.paths and self.db is not None and api.read_only(self.db):
            note = f"note: {self.db} is read-only: analysed in a temporary copy, nothing saved"
            click.echo(note, err=True)
        with progress_reporter(quiet=self.quiet, verbose=self.verbose) as report:
            analysis, ingested = api.run(
                self.paths,
                self.db,
                options,
                report,
                with_timeline=with_timeline,
                with_summary=with_summary,
                again=again,
                digest_only=digest_only,
            )
        if ingested is not None:
            say_skipped(ingested.skipped, ingested.notes, ingested.warnings)
            if ingested.read == 0:  # a scheduled run's empty day must not pass unseen
                stored = len(analysis.outline.articles)
                click.echo(
                    f"note: no article was read from the inputs; the output is of the "
                    f"{stored:,} article{'' if stored == 1 else 's'} already in {self.db}",
                    err=True,
                )
        return analysis

    def emit(self, text: str, digest: Digest) -> None:
        """Print or write ``text``; a line on stderr says what was written and, for a script
        to read, how much: "wrote d.json: 4,140 stories, 4,976 articles, 1,041 relations,
        65 inputs skipped" (also with -v when the text goes to standard output)."""
        _emit(text, self.output, self.quiet, _counts(digest))
        if self.output is None and self.verbose:
            click.echo(f"done: {_counts(digest)}", err=True)


def _counts(digest: Digest) -> str:
    left_out = len(split_skipped(digest)[0])  # not the remarks on articles read
    sizes = (
        (len(digest.stories), "story", "stories"),
        (len(digest.articles), "article", "articles"),
        (len(digest.relations), "relation", "relations"),
        (left_out, "input skipped", "inputs skipped"),
    )
    return ", ".join(f"{n:,} {one if n == 1 else many}" for n, one, many in sizes)


def analysis_command(func: Callable[..., None]) -> click.Command:
    """Register ``func`` as a command taking PATHS, --db, --format, -o, -q, -v, --field,
    --strict, --path-dates, --source, --date-order and --jobs.

    ``func`` receives those as one :class:`Run` (first argument) and its own options as
    keywords; library errors become one clean line and exit status 1.
    """

    @functools.wraps(func)
    def command(
        paths: tuple[str, ...],
        fields: tuple[str, ...],
        strict: bool,
        path_dates: bool,
        source: str,
        date_order: DateOrder,
        db: Path | None,
        fmt: str,
        output: Path | None,
        quiet: bool,
        verbose: bool,
        jobs: int | None,
        **own: Any,
    ) -> None:
        _check_output(output)
        if fmt == "csv" and func.__name__ not in CSV_TABLES:
            raise click.UsageError(
                "--format csv is a table of articles (digest, stories) or relations "
                f"(duplicates); {func.__name__} has none"
            )
        with _errors(), api.kept_only_if_used(db):
            reading = (paths, fields, strict, path_dates, source, date_order, db)
            func(Run(*reading, fmt, output, quiet, verbose, jobs), **own)

    for decorate in (jobs_option, verbosity_options, output_option, format_option, db_option):
        command = decorate(command)
    return cli.command()(input_options(command))


def _options(
    fields: Sequence[str] = (),
    strict: bool = False,
    path_dates: bool = False,
    source: str = "",
    date_order: DateOrder = "",
    **stages: Any,
) -> pipeline.RunOptions:
    """Turn command-line values into the run's options (the only place that does)."""
    base = pipeline.RunOptions()
    return pipeline.RunOptions(
        ingest=ingest_options(fields, path_dates, source, date_order),
        clean=base.clean,
        dedup=stages.get("dedup", base.dedup),
        stories=base.stories,
        timeline=stages.get("timeline", base.timeline),
        summary=stages.get("summary", base.summary),
        strict=strict,
        jobs=stages.get("jobs"),  # None: the usable cores (pipeline.RunOptions.jobs)
    )


@contextmanager
def _errors() -> Iterator[None]:
    """Translate library errors into one clean line: exit status 2 for an option value the
    library refuses (a usage error, as click's own), 1 for the rest."""
    try:
        yield
    except OptionsError as error:
        raise click.UsageError(str(error)) from error
    except NothingToDoError as error:  # each skipped input on its line, as in a run that goes on
        say_skipped(error.skipped)
        raise click.ClickException(str(error)) from error
    except StorylineError as error:
        raise click.ClickException(str(error)) from error
    except KeyboardInterrupt:
        click.echo("interrupted: every committed batch is kept in the database", err=True)
        sys.exit(130)


def _check_output(output: Path | None) -> None:
    """Refuse an output file in a missing folder before any work is done."""
    if output is not None and not output.parent.is_dir():
        raise click.BadParameter(
            f"cannot write {output}: folder {output.parent} does not exist", param_hint="-o"
        )


def _emit(text: str, output: Path | None, quiet: bool = False, counts: str = "") -> None:
    if output is None:
        # UTF-8 whatever the locale, as -o writes: a JSON reader expects it, and a Latin-9
        # terminal's encoding cannot even hold a Japanese title.
        ending = "" if text.endswith("\n") else "\n"
        try:
            click.echo((text + ending).encode("utf-8"), nl=False)
        except OSError as error:
            if error.errno == errno.EPIPE:  # `| head`: click ends quietly, the reader is done
                raise
            reason = error.strerror or str(error)  # a full disk: a line, not a traceback
            raise click.ClickException(f"cannot write to standard output: {reason}") from error
        return
    try:
        write_whole(output, text)
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror}") from error
    if not quiet:
        click.echo(f"wrote {output}" + (f": {counts}" if counts else ""), err=True)


def _render(analysis: pipeline.Analysis, fmt: str, selection: StorySelection) -> str:
    if fmt == "json":
        return analysis.json
    if fmt == "csv":
        return articles_csv(analysis.digest)
    if fmt == "html":
        return to_html(analysis.digest, selection)
    return to_markdown(analysis.digest, selection)


def selection_options(func: Callable[..., None]) -> Callable[..., None]:
    """Add --max-stories and --since; ``func`` receives them as one ``selection``."""

    @functools.wraps(func)
    def command(run: Run, *args: Any, max_stories: int | None, since: Any, **kwargs: Any) -> None:
        if (max_stories is not None or since) and run.fmt in ("json", "csv"):
            raise click.UsageError(
                "--max-stories and --since apply to md and html: JSON and CSV hold every story"
            )
        day = since.isoformat() if since else None
        selection = StorySelection(max_stories or 0, day)
        if max_stories is None and run.fmt == "html":
            selection = StorySelection(HTML_STORIES, day, HTML_HINT)
        func(run, *args, selection=selection, **kwargs)

    command = click.option(
        "--since",
        type=Day(),
        metavar="DATE",
        help="Show only stories with an article published on or after DATE (YYYY-MM-DD).",
    )(command)
    return click.option(
        "--max-stories",
        type=click.IntRange(min=0),
        metavar="N",
        help="Show only the N most widely reported stories (Markdown and HTML); 0 shows all. "
        f"Without it, an HTML page shows {HTML_STORIES}.",
    )(command)


@analysis_command
@selection_options
@click.option(
    "--changed",
    is_flag=True,
    help="Show only the stories that are new, or have new or updated articles, and the "
    "inputs skipped, since the previous digest of --db (Markdown and HTML); the JSON holds "
    "every story and lists what is new under 'changes'.",
)
@click.option(
    "--again",
    is_flag=True,
    help="Tell again what the latest digest of --db found new (compare with the digest it "
    "compared with): another format of the same hour's digest.",
)
@click.option(
    "--peek",
    is_flag=True,
    help="A look between two planned digests: show what is new since the previous digest "
    "of --db, and leave its mark, so the next digest (and its --again) still tells it.",
)
def digest(run: Run, selection: StorySelection, changed: bool, again: bool, peek: bool) -> None:
    """Ingest PATHS and print the digest: stories, duplicates, timelines, summaries.

    PATHS are files, directories (recursive), .gz files, or - for JSON lines on stdin.
    Without PATHS, the corpus already in --db is analysed again. Stories come most widely
    reported first: by independent reports (copies count once), then named outlets. With
    --db, stories new or with new or updated articles since the previous digest of it are
    marked, and so are the inputs skipped since.
    """
    if changed and (run.db is None or run.fmt == "csv"):
        raise click.UsageError("--changed needs --db, and applies to md, html and json")
    if (again or peek) and run.db is None:
        raise click.UsageError(f"--{'again' if again else 'peek'} needs --db")
    analysis = run.analyse(again=again)
    changes = analysis.changes
    selection = replace(selection, changes=changes, changed_only=changed)
    text = _render(analysis, run.fmt, selection)
    if changed and run.fmt == "json":  # without it, the JSON is the digest kept in --db
        text = with_changes(text, analysis.outline, changes)
    run.emit(text, analysis.outline)
    if changes is not None and run.db is not None:
        if not peek:
            api.mark_digested(run.db, changes)
        news = changes_line(analysis.outline.stories, changes)
        if news and run.output is not None and not run.quiet:  # the page says it too
            click.echo(news, err=True)


@cli.command()
@input_options
@ingest_db_option
@verbosity_options
@jobs_option
def ingest(
    paths: tuple[str, ...],
    fields: tuple[str, ...],
    strict: bool,
    path_dates: bool,
    source: str,
    date_order: DateOrder,
    db: Path | None,
    quiet: bool,
    verbose: bool,
    jobs: int | None,
) -> None:
    """Read PATHS into the database. Reading the same files again adds nothing."""
    if not paths:
        raise click.UsageError("give at least one file, directory or -")
    if db is None:
        raise click.UsageError("ingest needs --db FILE: a temporary database would be lost")
    with (
        _errors(),
        api.kept_only_if_used(db),
        Store(db) as store,
        progress_reporter(quiet, verbose) as report,
    ):
        options = _options(fields, strict, path_dates, source, date_order, jobs=jobs)
        result = pipeline.ingest(paths, store, options, report, stdin=sys.stdin)
        say_skipped(result.skipped, result.notes, result.warnings)
        click.echo(
            f"{result.added} added, {result.updated} updated, {result.unchanged} unchanged, "
            f"{len(result.skipped)} skipped; {counted(store.count_articles(), 'article')} in "
            f"{store.path}"
        )


@analysis_command
@click.option("--shingle-size", default=5, show_default=True, help="Words per shingle.")
@click.option(
    "--threshold", type=float, default=None, help="Jaccard threshold for near-duplicates."
)
def duplicates(run: Run, shingle_size: int, threshold: float | None) -> None:
    """List duplicate groups and reuse relations (copies, excerpts, rewrites, shared quotes)."""
    base = DedupOptions()
    dedup = DedupOptions(
        shingle_size=shingle_size, threshold=base.threshold if threshold is None else threshold
    )
    analysis = run.analyse(dedup=dedup, with_timeline=False, with_summary=False)
    run.emit(duplicates_view(analysis.digest, run.fmt), analysis.digest)


@cli.command()
@click.argument("first")
@click.argument("second")
@existing_db_option
@click.option("--html", "as_html", is_flag=True, help="Write a side-by-side HTML page instead.")
@output_option
def compare(first: str, second: str, db: Path | None, as_html: bool, output: Path | None) -> None:
    """Show articles FIRST and SECOND (ids in --db) side by side, reused passages marked."""
    if db is None:
        raise click.UsageError("compare needs --db FILE holding both articles")
    if first == second:
        raise click.UsageError(f"compare needs two different articles, got {first!r} twice")
    _check_output(output)
    from .reuse import compare as compare_articles

    with _errors(), api.article_reader(db) as store:
        a, b = store.article(first), store.article(second)
        relation = compare_articles(a, b)
        text = compare_html(a, b, relation) if as_html else compare_text(a, b, relation)
        _emit(text, output)


@analysis_command
@click.option("--explain", is_flag=True, help="Show why each article joined its story.")
@selection_options
def stories(run: Run, explain: bool, selection: StorySelection) -> None:
    """Group articles into stories (and stories into topics), most widely reported first."""
    if explain and run.fmt in ("html", "csv"):
        raise click.UsageError(
            f"--explain is shown in Markdown and JSON; --format {run.fmt} has none"
        )
    analysis = run.analyse(with_timeline=False, with_summary=False, digest_only=not explain)
    run.emit(stories_view(analysis, run.fmt, explain=explain, selection=selection), analysis.digest)


@analysis_command
@click.option(
    "--from", "start", type=DateBound(), metavar="DATE", help="First date to keep (YYYY[-MM[-DD]])."
)
@click.option(
    "--to", "end", type=DateBound(), metavar="DATE", help="Last date to keep (YYYY[-MM[-DD]])."
)
@click.option("--max-dates", type=click.IntRange(min=1), help="At most this many dates.")
@click.option(
    "--per-date",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Sentences per date.",
)
@click.option("--story", "story_id", help="Only this story's timeline.")
@click.option("--corpus", is_flag=True, help="One timeline over the whole corpus.")
@selection_options
def timeline(
    run: Run,
    start: str | None,
    end: str | None,
    max_dates: int | None,
    per_date: int,
    story_id: str | None,
    corpus: bool,
    selection: StorySelection,
) -> None:
    """Dated events, each backed by its sources: per story, one story, or the whole corpus."""
    if corpus and story_id:
        raise click.UsageError("--story and --corpus exclude each other: one story, or all")
    settings = TimelineOptions(max_dates=max_dates, per_date=per_date, start=start, end=end)
    analysis = run.analyse(timeline=settings, with_summary=False, digest_only=not corpus)
    if corpus:
        whole = pipeline.corpus_timeline(analysis, settings)
        run.emit(corpus_timeline_view(analysis.digest, whole, run.fmt), analysis.digest)
    else:
        text = timeline_view(analysis, run.fmt, story_id=story_id, selection=selection)
        run.emit(text, analysis.digest)


@analysis_command
@click.option("--max-words", type=click.IntRange(min=1), help="Summary length bound in words.")
@click.option("--max-bytes", type=click.IntRange(min=1), help="Summary length bound in bytes.")
@click.option("--story", "story_id", help="Only this story's summary.")
@selection_options
def summarize(
    run: Run,
    max_words: int | None,
    max_bytes: int | None,
    story_id: str | None,
    selection: StorySelection,
) -> None:
    """An attributed summary per story: every sentence names the articles behind it."""
    if max_words and max_bytes:
        raise click.UsageError("give --max-words or --max-bytes, not both")
    settings = (
        SummaryOptions(max_words=None, max_bytes=max_bytes)
        if max_bytes
        else SummaryOptions(max_words=max_words or SummaryOptions().max_words)
    )
    analysis = run.analyse(summary=settings, with_timeline=False)
    text = summaries_view(analysis, run.fmt, story_id=story_id, selection=selection)
    run.emit(text, analysis.digest)


@cli.command()
@click.argument("query")
@existing_db_option
@click.option(
    "--limit", type=click.IntRange(min=1), default=20, show_default=True, help="Most hits shown."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("md", "json")),
    default="md",
    show_default=True,
    help="Output format: plain lines or JSON.",
)
@output_option
@click.option("-q", "--quiet", is_flag=True, help="No 'wrote FILE' line with -o.")
def search(
    query: str, db: Path | None, limit: int, fmt: str, output: Path | None, quiet: bool
) -> None:
    """Full-text search over stored titles and texts (plain lines or JSON; no HTML page).

    QUERY: words that must all be there, "a phrase" in quotes, ferr* for every word that
    starts so, strike OR walkout for either, -word or -"a phrase" for what must not be.
    """
    if db is None:
        raise click.UsageError("search needs --db FILE")
    if not has_word(query):
        raise click.UsageError(f"the query {query!r} has no word to search for")
    _check_output(output)
    with _errors():
        _emit(search_view(api.search(query, db, limit), fmt) + "\n", output, quiet)


@cli.command()
@existing_db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
def serve(db: Path | None, host: str, port: int) -> None:
    """Browse the stored stories in a local, read-only web app."""
    if db is None:
        raise click.UsageError(
            "serve needs --db FILE (create it with: storyline digest PATH --db FILE)"
        )
    try:
        import uvicorn

        from .web import create_app
    except ImportError as error:
        raise click.ClickException(
            "the web app needs its extra: pip install 'storyline[web]'"
        ) from error
    with _errors():
        Store(db, readonly=True, create=False).close()  # a missing or old file: say so now
        app = create_app(db, readonly=True)
    click.echo(f"serving {db} on http://{host}:{port}/ (Ctrl-C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command()
@existing_db_option
def migrate(db: Path | None) -> None:
    """Upgrade the database schema to this version of storyline."""
    if db is None:
        raise click.UsageError("migrate needs --db FILE")
    with _errors(), Store(db, create=False) as store:
        click.echo(f"{store.path}: schema version {store.migrate()}")


def main() -> None:
    cli(prog_name="storyline")


__all__ = ["cli", "main"]
