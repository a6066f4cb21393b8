"""News feeds (``.rss``, ``.atom``, ``.xml``; RSS 2.0, RSS 1.0/RDF, Atom): an article per item.

feedparser reads the items. It is given a stream of the file's bytes, never a string and
never the bytes themselves: a string is fetched as a url or opened as a path, and bytes are
first tried as a file name (``open(b"<rss ...")``). The bytes are decoded here as other files
are (BOM, UTF-8, the XML declaration, else detection: a windows-1252 feed declared UTF-8 is
read as windows-1252, with a note), and a document that declares XML entities
(``<!ENTITY``) is refused before parsing: feedparser falls back to a lenient parser that
expands "safe" entities with no limit (a 100 KB feed that used one 50 KB entity 50,000
times took 7 GB and two minutes), and an external entity can name a local file.

What an item gives: its guid (Atom ``id``; a bare one scoped by the feed's link) as the
article id, its title, its link as url (http and https only: feedparser gives an Atom entry
without a link its ``tag:`` id), its date (``pubDate``, Atom ``published``, RSS ``dc:date``;
an Atom entry with only ``updated`` is dated by it, with ``published_origin`` "updated"),
its text (the full content when the feed carries it, else the summary, with a note saying
so; HTML read through :mod:`.markup`, a blog engine's closing "The post ... appeared first
on ..." line and an opening one that repeats the title dropped), its outlet (the item's
``<source>``, else ``--source``, else the feed's title) and its language (the item's or the
feed's, checked against the text). An item that gives only a headline (no text, or text made
only of the title's and outlet's words, as Google News feeds give) is skipped: it is a link
to an article, not one.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from ..errors import InputError
from ..model import Article, DateOrigin, Skipped
from ..text import fold
from .build import domain, make_article
from .decode import SAMPLE_BYTES, detect_encoding, sniff
from .markup import has_markup, markup_text
from .titles import one_line, without_title_line

FEED_ROOTS = ("rss", "feed", "RDF")  # local names: RSS 0.9x/2.0, Atom, RSS 1.0 (rdf:RDF)
ONLY_TITLE = "the feed gives only a title, no text: a link to an article, not one"
_ROOT_SAMPLE = 65_536
# What may come before the root element: an XML declaration or other processing instruction,
# a comment, a DOCTYPE (with its internal subset).
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)", re.S)
_ROOT = re.compile(r"\s*<([A-Za-z_][\w.:-]*)")
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
_ENTITY = re.compile(r"<!ENTITY", re.I)
_FIRST_TAG = re.compile(r"<\w")  # where feedparser's own DOCTYPE handling ends its prolog
# What separates an outlet's name from a section's in a channel title ("Herald - World").
_SECTION = re.compile(r"\s+[-|>\u2013\u2014:\u00bb/]\s+|:\s+")
_GLOBAL_ID = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:\S")  # a scheme: http:, urn:, tag:
# WordPress's feed footer and the link that ends a teaser: a line of its own, at the end.
_FOOTER = re.compile(
    r"The post .{1,400} appeared first on .{1,200}|(?:Continue reading|Read more)\b.{0,200}",
    re.S,
)


def read_feed(
    stream: BinaryIO, path: str, limit: int, source: str = "", size: int | None = None
) -> Iterator[Article | Skipped]:
    """The articles of one feed file, read from ``stream`` (at most ``limit`` bytes);
    ``source`` is the user's name for the outlet of items that name none of their own."""
    try:
        data = _read_bounded(stream, path, limit, size)
        text, encoding_note = _decoded(data, path)
        del data
        _check_document(text, path)
    except InputError as exc:
        yield Skipped(path, exc.reason)
        return
    import feedparser  # imported only when a feed is read

    # A stream, never bytes or a str (see the module's docstring); the charset header makes
    # feedparser read the UTF-8 given, whatever the XML declaration says.
    try:
        parsed = feedparser.parse(
            io.BytesIO(text.encode("utf-8")),
            response_headers={"content-type": "application/xml; charset=utf-8"},
            sanitize_html=False,  # markup.py drops scripts and styles; this would parse twice
            resolve_relative_uris=False,
        )
    except Exception as exc:  # a third-party parser on hostile input: report, never crash
        yield Skipped(path, f"feed parsing failed ({type(exc).__name__})")
        return
    del text
    notes = [encoding_note] if encoding_note else []
    broken = bool(parsed.get("bozo")) and not _encoding_only(parsed.get("bozo_exception"))
    if broken:
        notes.append(f"the feed is not well-formed XML ({_problem(parsed)}); read leniently")
    entries = parsed.get("entries") or []
    if not entries:
        reason = "no items" if not broken else f"not well-formed XML ({_problem(parsed)})"
        yield Skipped(path, f"empty feed: {reason}")
        return
    feed = parsed.get("feed") or {}
    context = _Feed(
        title=_text_of(feed, "title"),
        link=_value(feed, "link").strip(),
        outlet=channel_outlet(_text_of(feed, "title"), _value(feed, "link")),
        language=_value(feed, "language"),
        rss=str(parsed.get("version") or "").startswith("rss"),
        source=source,
        notes="; ".join(notes),
    )
    for number, entry in enumerate(entries, start=1):
        yield _item(entry, context, path, number)


@dataclass(frozen=True)
class _Feed:
    """What every item of one feed shares; ``rss``: an RSS dialect, where ``dc:date`` (which
    feedparser files as "updated") is an item's date."""

    title: str
    link: str
    outlet: str
    language: str
    rss: bool
    source: str
    notes: str


def _read_bounded(stream: BinaryIO, path: str, limit: int, size: int | None) -> bytes:
    """The file's bytes, checked for binary content first; InputError past ``limit``."""
    head = stream.read(SAMPLE_BYTES)
    sniff(head, path)
    if (size is not None and size > limit) or len(head) > limit:
        raise InputError(path, _too_large(limit))
    data = head + stream.read(limit + 1 - len(head))
    if len(data) > limit:
        raise InputError(path, _too_large(limit))
    if not data.strip():
        raise InputError(path, "empty file")
    return data


def _too_large(limit: int) -> str:
    return (
        f"feed too large (more than {limit:,} bytes): a feed is parsed whole, taking about 6 "
        "times its size in memory; split it, or give a corpus as JSON lines"
    )


def _decoded(data: bytes, path: str) -> tuple[str, str]:
    """(text, note): the bytes decoded as a BOM, UTF-8, the XML declaration or detection
    says, in that order, and a note when the declared encoding does not fit the bytes (a
    windows-1252 feed declared UTF-8)."""
    found = _XML_ENCODING.match(data[:1024])
    declared = found.group(1).decode("ascii") if found else ""
    declared_codec = _codec(declared)
    wide = sniff(data[:SAMPLE_BYTES], path)
    if wide:
        encoding = wide
    elif _decodes(data, "utf-8"):
        encoding = "utf-8"  # non-ASCII bytes that are UTF-8 are hardly ever anything else
    elif declared_codec not in ("", "utf-8") and _decodes(data, declared_codec):
        encoding = declared_codec
    else:
        encoding = detect_encoding(data, path)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise InputError(path, f"cannot decode as {encoding} ({exc})") from exc
    note = ""
    if declared and not wide and not data.isascii() and declared_codec != _codec(encoding):
        note = f"declared as {declared}, but the bytes are not: read as {encoding}"
    return text.lstrip("\ufeff"), note


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return ""


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def root_element(text: str) -> str:
    """The name of the document's root element (``rss``, ``rdf:RDF``, ``urlset``), or ""
    when its first 64 KB hold none after the prolog (not XML)."""
    sample = text[:_ROOT_SAMPLE]
    position = 0
    while found := _PROLOG.match(sample, position):
        if found.end() == position:
            break
        position = found.end()
    root = _ROOT.match(sample, position)
    return root.group(1) if root else ""


def _check_document(text: str, path: str) -> None:
    """InputError unless ``text`` is a feed whose parsing is safe: its root element is one of
    a feed's, and it declares no entity (outside CDATA sections of its content)."""
    root = root_element(text)
    if not root:
        raise InputError(path, "not a news feed: no XML root element found")
    if root.rpartition(":")[2] not in FEED_ROOTS:
        raise InputError(
            path,
            f"not a news feed: its root element is <{root}> (a feed's is <rss>, <feed> or "
            "<rdf:RDF>)",
        )
    if _declares_entities(text):
        raise InputError(
            path,
            "the feed declares XML entities (<!ENTITY>): not read, since expanding them can "
            "exhaust memory (a billion-laughs document) or read local files",
        )


def _declares_entities(text: str) -> bool:
    """Whether an entity is declared: ``<!ENTITY`` anywhere but in a CDATA section that
    opens after the first tag (text about XML in an article's body)."""
    first = _FIRST_TAG.search(text)
    start = first.start() if first else len(text)
    for found in _ENTITY.finditer(text):
        at = found.start()
        opened = text.rfind("<![CDATA[", start, at)
        if opened < 0 or text.rfind("]]>", opened, at) >= 0:
            return True
    return False


def _encoding_only(problem: object) -> bool:
    """A bozo that only says the encoding differed from its declaration (decoded here)."""
    return type(problem).__name__ in ("CharacterEncodingOverride", "NonXMLContentType")


def _problem(parsed: Mapping[str, Any]) -> str:
    problem = parsed.get("bozo_exception")
    if problem is None:
        return "no items found"
    line = getattr(problem, "getLineNumber", None)
    where = f"line {line()}: " if callable(line) else ""
    message = getattr(problem, "getMessage", None)
    said = message() if callable(message) else str(problem)
    return f"{where}{said}" if said else type(problem).__name__


def _item(entry: Mapping[str, Any], feed: _Feed, path: str, number: int) -> Article | Skipped:
    where = f"item {number}"
    title = _text_of(entry, "title")
    body, given = _body(entry)
    source = _text_of(entry.get("source") or {}, "title") or feed.source or feed.outlet
    if not body.strip() and not title:
        return Skipped(path, f"{where}: no title and no text", number)
    if _only_title(body, title, source):
        return Skipped(path, f"{where}: {ONLY_TITLE}", number)
    body = without_title_line(body, title)  # content that opens with the headline's <h1>
    published, origin = _published(entry, feed.rss)
    notes = [feed.notes]
    if given == "summary" and not _whole_text(body, _raw(entry, given)):
        notes.append(f"the feed gives only a summary, {len(body.split())} words")
    try:
        article = make_article(
            body,
            path=path,
            record=number,
            raw_text=_raw(entry, given),
            title=title,
            article_id=_item_id(_value(entry, "id").strip(), feed),
            url=_url(entry),
            source=source,
            published=published,
            published_origin=origin,
            language=_language(entry, given) or feed.language,
        )
    except InputError as exc:
        return Skipped(path, f"{where}: {exc.reason}", number)
    notes.append(article.ingest_note)
    return replace(article, ingest_note="; ".join(note for note in notes if note))


def _value(mapping: Mapping[str, Any], key: str) -> str:
    """A string field as feedparser gives it ("" when absent). Read from the dict itself:
    feedparser's mapping falls back to other keys (``updated`` for ``published``)."""
    value = dict.get(mapping, key) if isinstance(mapping, dict) else mapping.get(key)
    return value if isinstance(value, str) else ""


def _text_of(mapping: Mapping[str, Any], key: str) -> str:
    """A title as text: HTML titles (Atom ``type="html"``, RSS titles with tags) read as
    markup, entities decoded."""
    value = _value(mapping, key)
    detail = _detail(mapping, f"{key}_detail")
    html = "html" in str(detail.get("type", "")) or has_markup(value)
    return one_line(markup_text(value) if html else value)


def _detail(mapping: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = dict.get(mapping, key) if isinstance(mapping, dict) else None
    return value if isinstance(value, Mapping) else {}


def _content(entry: Mapping[str, Any]) -> Mapping[str, Any]:
    """The entry's full content: the longest of its content elements (a feed may give a
    plain and an HTML one)."""
    contents = dict.get(entry, "content") if isinstance(entry, dict) else None
    found = [c for c in contents or () if isinstance(c, Mapping) and _value(c, "value").strip()]
    return max(found, key=lambda c: len(_value(c, "value")), default={})


def _body(entry: Mapping[str, Any]) -> tuple[str, str]:
    """(text, where it came from: "content", "summary" or "")."""
    content = _content(entry)
    if content:
        return _as_text(_value(content, "value"), str(content.get("type", ""))), "content"
    summary = _value(entry, "summary")
    if summary.strip():
        detail = _detail(entry, "summary_detail")
        return _as_text(summary, str(detail.get("type", "text/html"))), "summary"
    return "", ""


# Many small sites' RSS 2.0 feeds put the whole post in <description>. A teaser is a
# sentence or two, or it is cut short: an ellipsis at its end, or a link to read on.
_WHOLE_WORDS = 150
_CUT_SHORT = re.compile(r"(?:\.\.\.|\u2026|\[(?:\.\.\.|\u2026)\])\s*$")
_READ_ON = re.compile(r"\b(?:Continue reading|Read more|Read the full)\b", re.I)


def _whole_text(body: str, raw: str) -> bool:
    """Whether a summary is the article itself: paragraphs of at least ``_WHOLE_WORDS``
    words, neither cut short nor ending on a link to the rest."""
    paragraphs = sum(1 for line in body.split("\n") if line.strip())
    return (
        paragraphs >= 2
        and len(body.split()) >= _WHOLE_WORDS
        and not _CUT_SHORT.search(body)
        and not _READ_ON.search(raw[-400:])
    )


def _as_text(value: str, kind: str) -> str:
    """HTML content through the markup path (tags dropped, entities decoded); plain text as
    it is, unless it holds markup all the same. The lines a blog engine ends an item with
    ("The post ... appeared first on ...", "Continue reading ...") are not its text."""
    text = markup_text(value) if "html" in kind or has_markup(value) else value
    lines = text.rstrip().split("\n")
    while len(lines) > 1 and _FOOTER.fullmatch(lines[-1].strip()):
        lines.pop()
        while len(lines) > 1 and not lines[-1].strip():
            lines.pop()
    return "\n".join(lines)


def _raw(entry: Mapping[str, Any], given: str) -> str:
    if given == "content":
        return _value(_content(entry), "value")
    return _value(entry, "summary")


def _only_title(body: str, title: str, source: str) -> bool:
    """Whether the text says nothing the title and the outlet do not (Google News items
    repeat the headline as a link and name the outlet)."""
    said = set(fold(f"{title} {source}").split())
    return all(word in said for word in fold(body).split())


def channel_outlet(title: str, link: str) -> str:
    """The outlet a channel's title names: the part of a sectioned title ("Herald - World",
    "World news | The Guardian") that matches the site of the channel's link (herald.example,
    theguardian.com), so an outlet's section feeds are one voice; the whole title when no
    part does (a title that is all outlet, or a link elsewhere)."""
    parts = [part.strip() for part in _SECTION.split(title) if part.strip()]
    labels = [label for label in domain(link).split(".") if len(label) >= 3]
    if len(parts) < 2 or not labels:
        return title
    for part in parts:
        key = re.sub(r"[\W_]", "", part.lower())
        if any(_names_site(key, label) for label in labels):
            return part
    return title


def _names_site(key: str, label: str) -> bool:
    """Whether a title part (letters only) names a site by one label of its host (three
    letters or more): the label opening it ("bbcnews", bbc) or inside it ("harbourherald",
    herald), or it abbreviating the label ("nyt", nytimes)."""
    inside = key.startswith(label) or (len(label) >= 4 and label in key)
    return inside or (len(key) >= 3 and label.startswith(key))


def _item_id(guid: str, feed: _Feed) -> str:
    """The item's guid when it names itself in the whole world (a url, a ``urn:`` or
    ``tag:`` id, as Atom requires); a bare one ("1234", a CMS's row number) is unique only
    within its feed, so it is scoped by the feed's link, else its title: two outlets that
    number their items alike give two articles, not one id."""
    if not guid or _GLOBAL_ID.match(guid):
        return guid
    scope = feed.link or feed.title
    return f"{scope}#{guid}" if scope else guid


def _url(entry: Mapping[str, Any]) -> str:
    link = _value(entry, "link").strip()
    return link if link.lower().startswith(("http://", "https://")) else ""


def _language(entry: Mapping[str, Any], given: str) -> str:
    """The language the item's text (or else its title) is marked with (``xml:lang``)."""
    details = [_content(entry)] if given == "content" else []
    details += [_detail(entry, "summary_detail"), _detail(entry, "title_detail")]
    for detail in details:
        language = detail.get("language")
        if isinstance(language, str) and language:
            return language
    return ""


def _published(entry: Mapping[str, Any], rss: bool) -> tuple[str, DateOrigin]:
    """(date as given, its origin): the publication date; in RSS, ``dc:date`` (which
    feedparser files as "updated") is the item's date; an Atom entry's ``updated`` is used
    only when it gives no ``published``, with origin "updated". The date reader decides, in
    ``make_article``, as for every input (feedparser's own parse turns 31 February into 3
    March and keeps years like 1750)."""
    origin: DateOrigin = "field"
    key = "published"
    if not _value(entry, key):
        key = "updated"
        origin = "field" if rss else "updated"
    return " ".join(_value(entry, key).split()), origin
