"""Two articles side by side on a terminal, reused passages marked without colour.

A reused passage reads ``»1 … «`` on both sides (the number pairs them up), so the view works
when piped, in a log, or on a screen reader.
"""

from __future__ import annotations

import textwrap
from itertools import zip_longest

from ..model import Article, Relation, outlet_name
from .figures import figure_differences
from .views import (
    oriented,
    passage_spans,
    printable,
    segments,
    word_changes,
)

GUTTER = " │ "


def _marked(text: str, spans: list[tuple[int, int, int, str]]) -> str:
    parts = segments(text, spans)
    return "".join(
        f"»{s.mark} {printable(s.text)}«" if s.mark else printable(s.text) for s in parts
    )


def _column(text: str, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(textwrap.wrap(paragraph, width) or [""])
    return lines


def _side_by_side(left: list[str], right: list[str], width: int) -> list[str]:
    return [
        f"{lt:<{width}}{GUTTER}{rt}".rstrip() for lt, rt in zip_longest(left, right, fillvalue="")
    ]


def compare_text(a: Article, b: Article, relation: Relation | None, *, width: int = 100) -> str:
    """a and b in two columns of ``(width - 3) // 2`` characters, passages marked ``»n …«``."""
    col = max(20, (width - len(GUTTER)) // 2)
    mine = oriented(relation, a)
    passages = mine.passages if mine else ()
    if mine is None:
        head = "no recorded relation between these articles"
    else:
        head = f"{mine.kind}, similarity {mine.similarity:.2f}, {len(passages)} reused passage(s)"
        if mine.kind == "duplicate":  # nothing to mark: every word is the other's
            head = "duplicate: the same text"
        if mine.kind == "translation":  # sentences aligned, no words in common
            head = (
                f"translation, similarity {mine.similarity:.2f}: sentences follow in order, "
                f"{len(passages)} aligned pair(s) with the same figures or names marked"
            )
        if mine.original:
            side = "left" if mine.original == a.id else "right"
            head += f"; original: {side} [{mine.original}]"
        if mine.reason:
            head += f" ({mine.reason})"
    lines = [printable(head), ""]
    lines += _side_by_side(
        _column(
            printable(_heading(a)),
            col,
        ),
        _column(
            printable(_heading(b)),
            col,
        ),
        col,
    )
    lines.append("─" * col + "─┼─" + "─" * col)
    left = _column(_marked(a.text, passage_spans(passages, "a")), col)
    right = _column(_marked(b.text, passage_spans(passages, "b")), col)
    lines += _side_by_side(left, right, col)
    differ = figure_differences(passages, a.text, b.text, (a.language or "", b.language or ""))
    if differ:
        lines += ["", "figures the two sides give differently:"]
        lines += [f"  »{n}: {a} / {b}" for n, pairs in differ.items() for a, b in pairs]
    changed = word_changes(passages)
    if changed:
        lines += ["", "words the two sides of a passage give differently (left / right):"]
        lines += [
            printable(f"  »{n}: " + "; ".join(f"{a or '—'} / {b or '—'}" for a, b in pairs))
            for n, pairs in changed.items()
        ]
    return "\n".join(lines) + "\n"


def _heading(article: Article) -> str:
    published = article.published or "undated"
    return f"{article.title} — {outlet_name(article.source)}, {published} [{article.id}]"
