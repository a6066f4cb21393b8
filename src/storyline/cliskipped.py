"""What the CLI says on standard error about inputs it skipped or remarked on: one line per
input, named and escaped, then one line counting them by reason (a log parser's view)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

import click

from .ingest import UnmatchedField
from .ingest.dates import AMBIGUOUS
from .model import Skipped

__all__ = ["say_skipped"]


def say_skipped(
    skipped: Sequence[Skipped],
    notes: Sequence[Skipped] = (),
    warnings: Sequence[UnmatchedField] = (),
) -> None:
    """Name every skipped input, every remark on an article read (a date not read) and every
    --field key a file's records never had, on stderr, even with --quiet: none is silent.
    Routine ones (:data:`ROUTINE`: a record read again from a later snapshot of a feed, an
    item that is only a teaser) are named up to :data:`SHOWN_PER_KIND` of each kind, then
    counted in one line: hourly snapshots repeat most items, and a line for each would bury
    the faults, which are all named."""
    for warning in warnings:
        click.echo(f"warning {warning.message}".translate(_CONTROLS), err=True)
    for word, items in (("skipped", skipped), ("note", notes)):
        for line in _lines(word, items):
            # A file name may hold a line break: shown escaped, it cannot fake another line.
            click.echo(line.translate(_CONTROLS), err=True)
    if len(skipped) > 1:  # a thousand lines above: the count of each reason, in one line
        click.echo(_skip_counts(skipped).translate(_CONTROLS), err=True)


SHOWN_PER_KIND = 3
# Reasons that say nothing is wrong with the input: the same record read again (one item in
# several snapshots of a feed), an item whose feed gives only its teaser.
ROUTINE = ("a copy of another record", "the feed gives only a summary")
# A note each row of an export repeats, with one remedy for all (a CSV of dates written day
# first has one in three of them ambiguous): named a few times, then counted.
_SWAPPABLE_ROUTINE = f"dates not read: {AMBIGUOUS} (--date-order dmy or mdy reads them)"


def _lines(word: str, items: Sequence[Skipped]) -> Iterator[str]:
    """A line for each item, but for each routine reason only the first
    :data:`SHOWN_PER_KIND` of the run, then one line counting the rest and their files."""
    shown: Counter[str] = Counter()
    rest: dict[str, list[str]] = {}
    for item in items:
        routine = _routine(item.reason)
        if routine and shown[routine] >= SHOWN_PER_KIND:
            rest.setdefault(routine, []).append(item.path)
            continue
        shown[routine] += 1
        yield f"{word} {item.where}: {item.reason}"
    for routine, paths in rest.items():
        files = len(set(paths))
        where = paths[0] if files == 1 else f"({files:,} files)"
        yield f"{word} {where}: {len(paths):,} more: {routine}"


def _routine(reason: str) -> str:
    """The routine kind of ``reason`` (see :data:`ROUTINE`), or ""."""
    if AMBIGUOUS in reason:
        return _SWAPPABLE_ROUTINE
    kind = _reason_kind(reason)
    return next((r for r in ROUTINE if kind.startswith(r)), "")


def _skip_counts(skipped: Sequence[Skipped]) -> str:
    """ "65 inputs skipped: 40 a copy of another record; 22 'body' is null, not text; ..." """
    reasons = Counter(_reason_kind(item.reason) for item in skipped)
    ranked = sorted(reasons.items(), key=lambda pair: (-pair[1], pair[0]))
    return f"{len(skipped):,} inputs skipped: " + "; ".join(f"{n:,} {r}" for r, n in ranked)


# Where a reason points inside its file ("line 3: ", "lines 4-9: ", "item 2: "), what it
# quotes in parentheses, and the other record it names: none of them is the kind of reason.
_POSITION = re.compile(r"^(?:lines? \d+(?:-\d+)?|item \d+): ")
_RECORD = re.compile(r"\S+:\d+\b")


def _reason_kind(reason: str) -> str:
    kind = _POSITION.sub("", reason).split(" (", 1)[0].split(", which", 1)[0]
    return _RECORD.sub("another record", kind)


# C0 and C1 controls, and the bidirectional overrides that can make a name read backwards.
_CONTROLS = {
    code: f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"
    for code in (*range(32), *range(127, 160), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}
