"""Plain text (``.txt``) and Markdown (``.md``): one article per file.

The title comes from front matter when given, else from a Markdown ``#`` heading, else from
the first line when it looks like a headline (see :mod:`.titles`), else from the first
sentence. Markdown syntax (links, emphasis, headings, images) is reduced to its words in
``text``; ``raw_text`` keeps the file exactly as decoded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ..errors import InputError
from ..model import Article, Skipped
from ..text import fold, normalize
from .build import make_article
from .frontmatter import split_front_matter
from .titles import split_headline, tidy_title

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{2,3}|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_CODE = re.compile(r"`([^`]*)`")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$")
_MD_PREFIX = re.compile(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+)")
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_MAX_HEADING_WORDS = 30
# Hard-wrapped text (an editor's or pandoc's Markdown, a wire's plain text): lines of at most
# 100 characters (70-80 in practice), each full one within 15 of the block's width (a long
# word moves to the next line).
_WRAP_WIDTHS = (40, 100)
_WRAP_SLACK = 15
_BLOCKS = re.compile(r"(\n[ \t\r]*\n)")
_SENTENCE_END = re.compile(r"""[.!?:;]["')\]]*$""")
# What a wrapped text must have somewhere (a line that may be full, then one that may start in
# lower case): one scan in C passes over the texts that are not wrapped (nearly all of them).
_MAYBE_WRAPPED = re.compile(r"^[^\n]{25,110}\n[ \t]*[^\W\d_A-Z]", re.M)


def read_plain(text: str, path: str, markdown: bool = False) -> Iterator[Article | Skipped]:
    """Yield the one article of a decoded ``.txt`` or ``.md`` file (or why it is skipped)."""
    meta, rest = split_front_matter(text)
    rest = unwrap(rest, headline="title" not in meta)
    body = normalize(strip_markdown(rest) if markdown else rest)
    if not body:
        yield Skipped(path, "empty text" if meta else "empty file")
        return
    title = meta.get("title", "")
    first, _, remainder = body.partition("\n")
    if title:
        if fold(first) == fold(title):
            body = remainder
    else:
        heading = _markdown_heading(rest) if markdown else ""
        title = heading or split_headline(first, followed_by_blank=remainder.startswith("\n"))
        if title and remainder.strip():
            body = remainder
    try:
        yield make_article(
            body,
            path=path,
            raw_text=text,
            title=tidy_title(title) if title and "title" not in meta else title,
            article_id=meta.get("id", ""),
            url=meta.get("url", ""),
            source=meta.get("source", ""),
            published=meta.get("published"),
            published_origin="metadata",
            language=meta.get("language", ""),
            normalized=True,
        )
    except InputError as exc:
        yield Skipped(path, exc.reason)


def unwrap(text: str, headline: bool = True) -> str:
    """``text`` with each hard-wrapped paragraph joined into one line, as Markdown renders it
    and as an HTML page's ``<p>`` is read: a line break inside a sentence would otherwise cut
    it in two for summaries and timelines ("had sailed from Northport on" dated alone).

    A text is wrapped when a block (lines between blank lines) of lines of at most 100
    characters has a full-width line that ends no sentence followed by a line in lower case;
    its width is then the longest such block's line, and in every block of about that width
    each full-width line is joined to the next. A headline above a paragraph (a short line),
    list items, headings, quotes, tables, and a file of one paragraph per line stay as they
    are. ``headline=False`` says the title is given elsewhere (front matter, a record's
    field): a first line is then never taken for one."""
    if not _MAYBE_WRAPPED.search(text):
        return text
    parts = _BLOCKS.split(text)
    head, _, rest = parts[0].partition("\n")
    if (
        headline
        and rest
        and split_headline(head.strip(), False)
        and not rest.lstrip()[:1].islower()
    ):
        parts[0] = rest  # a headline line above the paragraph: never joined to it
    else:
        head = ""
    blocks = [[line.rstrip() for line in part.split("\n")] for part in parts[::2]]
    width = max((_wrap_width(lines) for lines in blocks), default=0)
    if not width:
        return text
    for n, lines in enumerate(blocks):
        own = max(map(len, lines))
        if len(lines) > 1 and abs(own - width) <= _WRAP_SLACK and not _has_syntax(lines):
            parts[2 * n] = _joined(lines, min(own, width))
    return f"{head}\n{''.join(parts)}" if head else "".join(parts)


def _wrap_width(lines: list[str]) -> int:
    """The width ``lines`` are wrapped at, or 0 when they show no wrapping."""
    if len(lines) < 2 or _has_syntax(lines):
        return 0
    width = max(map(len, lines))
    if not _WRAP_WIDTHS[0] <= width <= _WRAP_WIDTHS[1]:
        return 0
    for line, after in pairwise(lines):
        full = len(line) >= width - _WRAP_SLACK
        if full and not _SENTENCE_END.search(line) and after.lstrip()[:1].islower():
            return width
    return 0


def _joined(lines: list[str], width: int) -> str:
    joined = [lines[0]]
    for line, after in pairwise(lines):
        if len(line) >= width - _WRAP_SLACK:
            joined[-1] = f"{joined[-1]} {after.strip()}"
        else:
            joined.append(after)
    return "\n".join(joined)


def _has_syntax(lines: list[str]) -> bool:
    return any(_block_syntax(line) for line in lines)


def _block_syntax(line: str) -> bool:
    """Whether ``line`` is Markdown block syntax (a list item, heading, quote, fence, rule or
    table row), which is never a wrapped sentence's continuation."""
    return bool(
        _MD_PREFIX.match(line)
        or _MD_HEADING.match(line)
        or _MD_FENCE.match(line)
        or _MD_RULE.match(line)
        or line.lstrip().startswith("|")
    )


def _markdown_heading(text: str) -> str:
    for line in text.split("\n", 50)[:50]:
        if line.strip():
            match = _MD_HEADING.match(line)
            heading = strip_markdown(match.group(1)) if match else ""
            return heading if len(heading.split()) <= _MAX_HEADING_WORDS else ""
    return ""


def strip_markdown(text: str) -> str:
    """Markdown reduced to its words: no markup, link targets, images, rules or fences."""
    lines = []
    for line in text.split("\n"):
        if _MD_RULE.match(line) or _MD_FENCE.match(line):
            lines.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(1)
        line = _MD_PREFIX.sub("", line)
        line = _MD_IMAGE.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_CODE.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        lines.append(line)
    return "\n".join(lines)
