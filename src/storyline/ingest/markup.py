"""HTML markup inside a record's fields: a CMS export's body (``<p>...</p>``) read as text.

A JSON or CSV export often carries each article's body as the HTML its CMS stores. Read as
it is, the tags became titles, shingles and summary sentences (``<div class="body"><p>The
...``). A field that holds HTML elements is reduced to its text: block elements end lines,
``<br>`` breaks one, script, style and embedded media are dropped, and entities are decoded.
Plain text that merely mentions ``<`` or an ampersand is left as it is. The stdlib parser is
enough for fragments and keeps the import cheap (trafilatura is for whole pages).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A tag of an element of an article body (opening or closing).
_ELEMENT = re.compile(
    r"</?(?:p|div|br|span|a|b|i|u|em|strong|h[1-6]|li|ul|ol|blockquote|figure|figcaption"
    r"|section|article|header|footer|aside|table|thead|tbody|tr|td|th|img|iframe|script"
    r"|style|picture|source|video|sup|sub|small|hr|pre|code|q|cite|time|mark)"
    r"(?:\s[^<>]*)?/?>",
    re.I,
)
_SPACES = re.compile(r"\s+")
_LINE_TAG = re.compile(r"<(?:p|div|br|h[1-6]|li|tr|blockquote)\b", re.I)
# Elements that end a line of text: paragraphs, headings, list items, table rows.
_BLOCK = re.compile(
    r"p|div|br|li|ul|ol|blockquote|figure|figcaption|section|article|header|footer|aside"
    r"|table|thead|tbody|tr|hr|pre|h[1-6]"
)
# Elements whose content is not the article's text.
_DROPPED = re.compile(r"script|style|iframe|noscript|template|svg|video|audio|object")


def has_markup(text: str) -> bool:
    """Whether ``text`` holds HTML elements of an article body: an element closed, or two
    tags (``line<br>line<br>``); one tag alone may be prose about it ("the <p> tag")."""
    if "<" not in text:
        return False
    found = _ELEMENT.finditer(text)
    first = next(found, None)
    if first is None:
        return False
    return first.group().startswith("</") or next(found, None) is not None


def markup_text(text: str) -> str:
    """The text of an HTML fragment: tags dropped, blocks on lines of their own, entities
    decoded, script and style left out."""
    parser = _TextOf(lines_by_tags=_LINE_TAG.search(text) is not None)
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


class _TextOf(HTMLParser):
    """Collects the text; ``lines_by_tags``: the markup marks paragraphs, so a line break
    in the source is a space (as a browser shows it), else line breaks are kept."""

    def __init__(self, lines_by_tags: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._lines_by_tags = lines_by_tags
        self._hidden = 0  # depth inside dropped elements

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if _DROPPED.fullmatch(tag):
            self._hidden += 1
        elif _BLOCK.fullmatch(tag):
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if _BLOCK.fullmatch(tag):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if _DROPPED.fullmatch(tag):
            self._hidden = max(0, self._hidden - 1)
        elif _BLOCK.fullmatch(tag):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(_SPACES.sub(" ", data) if self._lines_by_tags else data)
