"""Plain text (``.txt``) and Markdown (``.md``): one article per file.

The title comes from front matter when given, else from a Markdown ``#`` heading, else from
the first line when it looks like a headline (see :mod:`.titles`), else from the first
sentence. Markdown syntax (links, emphasis, headings, images) is reduced to its words in
``text``; ``raw_text`` keeps the file exactly as decoded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

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


def read_plain(text: str, path: str, markdown: bool = False) -> Iterator[Article | Skipped]:
    """Yield the one article of a decoded ``.txt`` or ``.md`` file (or why it is skipped)."""
    meta, rest = split_front_matter(text)
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
