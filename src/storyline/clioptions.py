"""The command-line options several commands share, as decorators (see :mod:`.cli`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("md", "json", "html", "csv")
# The commands that have a table to write as CSV: one row per article, or per relation.
CSV_TABLES = {"digest": "article", "stories": "article", "duplicates": "relation"}
# One HTML page of every story of a large corpus is too big to open (2,000 stories: 77 MB,
# 90 s to render); the page shows this many unless asked, and says so.
HTML_STORIES = 200
HTML_HINT = (
    f"An HTML page shows the {HTML_STORIES} most widely reported unless --max-stories is given "
    "(0 shows all); `storyline serve` browses every story."
)


def _db_option(help_text: str) -> Callable[[F], F]:
    def decorate(func: F) -> F:
        kind = click.Path(dir_okay=False, path_type=Path)
        return click.option("--db", "db", type=kind, help=help_text)(func)

    return decorate


db_option = _db_option("SQLite database to use (created if missing). Without it, a temporary one.")
ingest_db_option = _db_option("SQLite database to add the articles to (created if missing).")
existing_db_option = _db_option("SQLite database made by storyline (required; never created).")


def format_option(func: F) -> F:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="md",
        show_default=True,
        help="Output format: Markdown, JSON, a self-contained HTML page, or CSV (digest and "
        "stories: one row per article; duplicates: one row per relation).",
    )(func)


def output_option(func: F) -> F:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, writable=True, path_type=Path),
        help="Write the output to this file instead of standard output.",
    )(func)


def verbosity_options(func: F) -> F:
    quiet = "No progress bars and no 'wrote FILE' line; skipped inputs are still named."
    func = click.option("-q", "--quiet", is_flag=True, help=quiet)(func)
    return click.option("-v", "--verbose", is_flag=True, help="One timing line per stage.")(func)


def jobs_option(func: F) -> F:
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        metavar="N",
        help="Read pages and compute timelines and summaries in N processes (default: the "
        "usable cores, at most 8). The output is the same for any N.",
    )(func)


def input_options(func: F) -> F:
    func = click.option(
        "--field",
        "fields",
        multiple=True,
        metavar="NAME=INPUT",
        help="Read a field from another column/key, e.g. --field text=body (repeatable).",
    )(func)
    func = click.option("--strict", is_flag=True, help="Fail on the first input that is skipped.")(
        func
    )
    func = click.option(
        "--path-dates",
        is_flag=True,
        help="Date undated articles by their folder or file name (2011-01-25/..., 2011/01/25/...).",
    )(func)
    func = click.option(
        "--date-order",
        type=click.Choice(("dmy", "mdy")),
        callback=lambda _context, _option, value: value or "",  # unset: "" (not read)
        help="Read numeric record dates whose day and month could swap (03/04/2025) day "
        "first (dmy) or month first (mdy); without it they are left undated, with a note.",
    )(func)
    func = click.option(
        "--source",
        default="",
        metavar="OUTLET",
        help="The outlet of articles that name none (no source field, site, url or dateline).",
    )(func)
    return click.argument("paths", nargs=-1, type=str)(func)
