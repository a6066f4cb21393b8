"""Assembling an :class:`Article` from what a reader found: id, source, date, language.

The same rules apply to every format, so a story read from HTML, JSONL or plain text gets
its id, outlet, date and language the same way.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..errors import InputError
from ..ids import stable_id
from ..language import checked_language
from ..model import Article, DateOrigin
from ..preamble import AGENCY
from ..text import fold, normalize, words
from .dates import DateOrder, read_published
from .titles import derive_title, one_line, undecorated

_LANGUAGE_SAMPLE = 20_000
_FOLD_CHUNK = 1 << 20
_SHOWN_DATE = 60


# What a crawler saves instead of the article: a missing page, an expired story, a server
# or script error. The message opens a line ("Sorry, the page you requested cannot be
# found."), so a news story that mentions a missing page or a 404 error is not taken for one.
_ERROR_PAGE = re.compile(
    r"""^[ \t]*(?:(?:sorry|oops|unfortunately)[,:!.]?\s+)?(?:(?:the|this|that)\s)?
    (?:page\s(?:you\s(?:requested|are\slooking\sfor|were\slooking\sfor)\s)?
         (?:cannot|could\snot|can't|can\snot)\sbe\sfound
     | (?:page|document|story|article|file)\s(?:was\s)?not\sfound
     | error\s40[34]\b | 40[34]\s(?:error|not\sfound|forbidden)
     | (?:we\sare\s|we're\s)?unable\sto\s(?:(?:find|locate)\s(?:the\s)?requested
                                         |process\syour\srequest)
     | if\sthe\sstory\sis\snot\sshowing | story\shas\sexpired
     | (?:please\s)?enable\sjavascript | javascript\s(?:is\s)?(?:disabled|required))""",
    re.I | re.M | re.X,
)
_ERROR_PAGE_WORDS = 150
_ERROR_PAGE_CHARS = 300


def error_page(text: str) -> str:
    """The words that show ``text`` to be an error page, not an article ("" when it is not):
    a short text (at most 150 words) that says so at the start of a line in its first 300
    characters."""
    if text.count(" ", 0, _ERROR_PAGE_WORDS * 50) >= _ERROR_PAGE_WORDS:  # not the whole text
        return ""
    found = _ERROR_PAGE.search(text[:_ERROR_PAGE_CHARS])
    return " ".join(found.group().split()) if found else ""


# What a paywall or a cookie-consent wall says instead of the article.
_NOTICE = re.compile(
    r"""subscribe\s(?:now\s|today\s)?to\s(?:continue|read|keep)
    | (?:for|to)\s(?:our\s)?subscribers\sonly | available\sonly\sto\ssubscribers
    | available\sto\ssubscribers | already\s(?:a\ssubscriber|have\san\saccount)
    | (?:sign|log)\s(?:in|up)\sto\s(?:continue|read|keep) | unlimited\saccess
    | cancel\sany\s?time | we\suse\scookies | accept\sall | privacy\ssettings
    | cookie\s(?:policy|settings|preferences) | manage\s(?:your\s)?(?:cookies|consent)
    | before\syou\scontinue | more\soptions | (?:sign|log)\sin | share\sthis\sarticle""",
    re.I | re.X,
)
_NOTICE_WORDS = 150
_NOTICE_LEFT = 25  # words outside the notice's sentences: fewer is no article
_PIECES = re.compile(r"[^.!?\n]+[.!?]*")


def notice_page(text: str) -> str:
    """The words that show ``text`` to be a paywall or consent notice, not an article ("" when
    it is not): a short text (at most 150 words) with notice phrases in two sentences, and
    under 25 words in its other sentences. A teaser paragraph above a paywall stays."""
    if text.count(" ", 0, _NOTICE_WORDS * 50) >= _NOTICE_WORDS:
        return ""
    pieces = _PIECES.findall(text)
    said = [found for piece in pieces if (found := _NOTICE.search(piece))]
    if len(said) < 2:  # one sentence about a paywall may be news about it
        return ""
    left = sum(len(p.split()) for p in pieces if not _NOTICE.search(p))
    return " ".join(said[0].group().split()) if left < _NOTICE_LEFT else ""


# The wire or outlet that an opening dateline credits: "CAIRO, Egypt (CNN) -- ", "LONDON
# (Reuters) - ", tokenised "-LRB- Reuters -RRB- -".
_CREDIT = re.compile(
    rf"(?:\(|-LRB-\s?)({AGENCY}|BBC|Associated\sPress|Agence\sFrance-Presse)"
    r"(?:\)|\s?-RRB-)\s?(?:-{1,2}|[\u2013\u2014_:])\s"
)
_CREDIT_CHARS = 300
_CREDIT_NAMES = {"Associated Press": "AP", "Agence France-Presse": "AFP"}


def dateline_outlet(text: str) -> str:
    """The outlet that the article's opening dateline credits ("" when none does): the
    outlet of a text that came with no source, url or site name."""
    found = _CREDIT.search(text[:_CREDIT_CHARS])
    if found is None:
        return ""
    name = " ".join(found.group(1).split())
    return _CREDIT_NAMES.get(name, name)


def make_article(
    body: str,
    *,
    path: str,
    record: int = 0,
    raw_text: str | None = None,
    title: str = "",
    article_id: str = "",
    url: str = "",
    source: str = "",
    sitename: str = "",
    published: object = None,
    published_origin: DateOrigin = "field",
    language: str = "",
    normalized: bool = False,
    date_order: DateOrder = "",
) -> Article:
    """An Article whose body is ``body`` normalised; InputError("empty text") when blank.

    ``id`` is ``article_id`` when given, else a hash of the folded title and body, the url and
    the source, so the same content always gets the same id. ``source`` falls back from the
    explicit value to the site name, the url's domain, the outlet its opening dateline
    credits (not hashed into the id) and "unknown". ``published`` is kept
    only when it parses (:func:`parse_published`), else ``ingest_note`` says why; ``language``
    is detected when not given, and when the text plainly contradicts the one given
    (:func:`~storyline.language.checked_language`; ``ingest_note`` says so).
    ``normalized`` says ``body`` is already normalised (saves a pass over a huge text);
    ``date_order``: see :func:`~.dates.read_published`.
    """
    text = body.strip() if normalized else normalize(body)
    _refuse_non_article(text, title, path, record)
    title = one_line(title) or derive_title(text)
    url = one_line(url)
    source = one_line(source) or one_line(sitename) or domain(url) or "unknown"
    # The id hashes the outlet as given, so an outlet read from the text changes no id.
    identity = one_line(article_id) or stable_id(fold(title), fold_large(text), url, source)
    title = undecorated(title)  # after the id: fold() drops pictographs, so no id changes
    if source == "unknown":
        source = dateline_outlet(text) or source
    date, unread = read_published(published, date_order)
    language, language_note = checked_language(language, f"{title}\n{text[:_LANGUAGE_SAMPLE]}")
    date_note = f"date {_shown(published)} not read ({unread}); kept, undated" if unread else ""
    return Article(
        id=identity,
        title=title,
        text=text,
        raw_text=body if raw_text is None else raw_text,
        source=source,
        url=url,
        published=date,
        published_origin=published_origin if date else "",
        language=language,
        path=path,
        record=record,
        ingest_note="; ".join(note for note in (date_note, language_note) if note),
    )


def _refuse_non_article(text: str, title: str, path: str, record: int) -> None:
    """InputError for an empty text, an error page or a paywall or consent notice."""
    if not text:
        raise InputError(path, "empty text", record)
    if said := error_page(f"{one_line(title)}\n{text}" if title else text):
        raise InputError(path, f"not an article: an error page ({said!r})", record)
    if said := notice_page(text):
        raise InputError(path, f"not an article: a paywall or consent notice ({said!r})", record)


def _shown(value: object) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= _SHOWN_DATE else text[: _SHOWN_DATE - 1] + "…"


def fold_large(text: str) -> str:
    """``fold(text)`` of a normalised text, a megabyte at a time: the same key, less memory.

    Chunks end at whitespace, which no word spans, so the joined result equals ``fold``.
    """
    if len(text) <= _FOLD_CHUNK:
        return fold(text)
    parts = []
    start = 0
    while start < len(text):
        end = min(start + _FOLD_CHUNK, len(text))
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            end = cut if cut > start else end
        piece = " ".join(words(text[start:end].lower()))
        if piece:
            parts.append(piece)
        start = end
    return " ".join(parts)


def domain(url: str) -> str:
    """The host of ``url`` without "www.", lower-cased; "" when there is none."""
    if not url:
        return ""
    try:
        host = urlsplit(url if "://" in url else f"//{url}").hostname or ""
    except ValueError:
        return ""
    host = host.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    return host if "." in host and " " not in host else ""


def field_text(value: object) -> str:
    """A record value as text: strings as they are, numbers printed, {"name": ...} unwrapped.

    Lists, booleans and other objects give "" (they are not a title, url or outlet).
    """
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict) and isinstance(value.get("name"), str):
        return str(value["name"])
    return ""
