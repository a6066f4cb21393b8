"""Renderers: one Digest in, Markdown, JSON or a self-contained HTML report out."""

from __future__ import annotations

from .html import compare_html, to_html
from .jsonin import digest_from_json
from .jsonout import to_json
from .markdown import to_markdown
from .terminal import compare_text

__all__ = ["compare_html", "compare_text", "digest_from_json", "to_html", "to_json", "to_markdown"]
