"""Renderers: one Digest in, Markdown, JSON or a self-contained HTML report out."""

from __future__ import annotations

from .html import compare_html, to_html
from .jsonin import digest_from_json
from .jsonout import to_json
from .markdown import to_markdown
from .table import ArticleRow, RelationRow, article_rows, articles_csv, relation_rows, relations_csv
from .terminal import compare_text

__all__ = [
    "ArticleRow",
    "RelationRow",
    "article_rows",
    "articles_csv",
    "compare_html",
    "compare_text",
    "digest_from_json",
    "relation_rows",
    "relations_csv",
    "to_html",
    "to_json",
    "to_markdown",
]
