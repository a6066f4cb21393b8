"""News feeds as input: storyline's reader against the hand chain a user writes, same run.

Usage: python bench/bench_feeds.py [--feeds 60] [--items 30] [--seed 7]

Generates ``--feeds`` invented feeds in five dialects (RSS 2.0 with ``content:encoded``,
RSS 2.0 teasers with escaped HTML and some ``<source>`` elements, Atom with ``<content>``,
Atom with ``<summary>`` (some entries dated only by ``<updated>``), RSS 1.0/RDF with
``dc:date``), a share of them in windows-1252 (some declared as UTF-8), with CDATA, HTML
entities, scripts, ``<br>`` and WordPress's "The post ... appeared first on ..." footer;
RFC 822 dates with GMT, US and European zone names and
numeric offsets, and ISO 8601 ones. Every item's true title, url, date (UTC), outlet and text
(the full text when the feed carries it, else the teaser) is known. Then reads them with:

- storyline: ``read_sources`` on the folder (as ``storyline ingest`` reads it);
- hand: ``feedparser.parse(bytes)``, the item's ``content[0].value or summary`` with tags
  stripped by a regex, ``published_parsed or updated_parsed`` as UTC, the item's source
  title or else the feed's title as outlet;
- trafilatura (when importable): ``trafilatura.feeds.extract_links``, which finds the items'
  links only (no title, date, outlet or text): its url score is given, the rest is "-".

Quality: share of items with the right title (same words), url, date (to the second, in
UTC), outlet; text word precision and recall (multisets of lower-cased word tokens) against
the known text; speed in items per second (best of three). Ratios are storyline / hand.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

_WORDS = [
    "harbour",
    "bridge",
    "council",
    "ferry",
    "crane",
    "strike",
    "port",
    "union",
    "minister",
    "river",
    "flood",
    "dam",
    "tunnel",
    "inspector",
    "divers",
    "pier",
    "budget",
    "vote",
    "mayor",
    "station",
    "rail",
    "freight",
    "storm",
    "levee",
    "school",
    "clinic",
    "market",
    "bakery",
    "reservoir",
    "pump",
    "engineers",
    "residents",
    "commuters",
    "police",
    "court",
    "ruling",
    "appeal",
    "contract",
    "wages",
    "talks",
    "deal",
    "hours",
    "night",
    "morning",
    "week",
    "inquiry",
    "report",
    "warning",
    "repair",
    "crews",
]
_VERBS = [
    "said",
    "reopened",
    "closed",
    "approved",
    "rejected",
    "inspected",
    "announced",
    "delayed",
    "warned",
]
_PLACES = [
    "Marlow",
    "Kestrel",
    "Fenwick",
    "Tidewater",
    "Velmora",
    "Karsk",
    "Ashby",
    "Dunmore",
    "Calder",
]
_ACCENTED = ["café", "naïve", "résumé", "Zürich", "Besançon"]
_ZONES = {"GMT": 0, "EST": -5, "PDT": -7, "CET": 1, "CEST": 2, "+0100": 1, "-0300": -3}
DIALECTS = ("rss-full", "rss-teaser", "atom-content", "atom-summary", "rdf")


@dataclass(frozen=True)
class Truth:
    title: str
    url: str
    published: datetime  # UTC
    outlet: str
    text: str


@dataclass(frozen=True)
class Read:
    title: str
    url: str
    published: datetime | None
    outlet: str
    text: str


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(8, 16))]
    words[rng.randrange(len(words))] = rng.choice(_PLACES)
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] = rng.choice(_ACCENTED)
    words.insert(rng.randrange(1, len(words)), rng.choice(_VERBS))
    if rng.random() < 0.3:
        words.insert(rng.randrange(1, len(words)), "&")
    return " ".join(words).capitalize() + "."


def _html(paragraphs: list[str]) -> str:
    """The paragraphs as a CMS writes them: entities, a <br>, a script and a figure caption."""
    out = []
    for number, paragraph in enumerate(paragraphs):
        escaped = paragraph.replace("&", "&amp;").replace("é", "&eacute;").replace("ü", "&uuml;")
        if number == 1:
            first, _, rest = escaped.partition(". ")
            escaped = f"{first}.<br>{rest}" if rest else escaped
        out.append(f"<p>{escaped}</p>")
    out.insert(1, "<script>window.track('item');</script>")
    return "".join(out)


def _rfc822(moment: datetime, zone: str) -> str:
    local = moment + timedelta(hours=_ZONES[zone])
    return local.strftime("%a, %d %b %Y %H:%M:%S ") + zone


def _iso(moment: datetime, rng: random.Random) -> str:
    hours = rng.choice((0, 1, 2, -4))
    local = moment.astimezone(timezone(timedelta(hours=hours)))
    return local.isoformat() if hours else moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def make_feed(number: int, items: int, rng: random.Random) -> tuple[str, bytes, list[Truth]]:
    dialect = DIALECTS[number % len(DIALECTS)]
    outlet = f"{rng.choice(_PLACES)} {rng.choice(('Herald', 'Gazette', 'Post', 'Courier'))}"
    host = f"https://news{number}.example"
    start = datetime(2026, 3, 1, tzinfo=UTC) + timedelta(minutes=rng.randrange(20_000))
    truths, parts = [], []
    for index in range(items):
        moment = start + timedelta(minutes=37 * index, seconds=rng.randrange(60))
        title = (
            " ".join(rng.choice(_WORDS) for _ in range(5)).capitalize()
            + f" in {_PLACES[index % 9]}"
        )
        url = f"{host}/{number}/{index}"
        paragraphs = [" ".join(_sentence(rng) for _ in range(3)) for _ in range(4)]
        teaser = _sentence(rng) + " " + _sentence(rng)
        wire = rng.random() < 0.2 and dialect == "rss-teaser"
        item_outlet = "Coastline Wire" if wire else outlet
        full = dialect in ("rss-full", "atom-content")
        text = "\n".join(paragraphs) if full else teaser
        truths.append(Truth(title, url, moment.replace(microsecond=0), item_outlet, text))
        parts.append(_item(dialect, title, url, moment, paragraphs, teaser, wire, index, rng))
    body = "".join(parts)
    head, tail = _wrapper(dialect, outlet, host)
    encoding = "utf-8"
    declared = "UTF-8"
    if dialect in ("rss-teaser", "rdf") and number % 3 == 0:
        encoding = "cp1252"
        declared = "UTF-8" if number % 2 else "windows-1252"  # some declared wrongly
    document = f'<?xml version="1.0" encoding="{declared}"?>\n{head}{body}{tail}'
    extension = {"atom-content": ".atom", "atom-summary": ".atom", "rdf": ".xml"}.get(
        dialect, ".rss"
    )
    return f"feed{number:03d}{extension}", document.encode(encoding), truths


def _item(
    dialect: str,
    title: str,
    url: str,
    moment: datetime,
    paragraphs: list[str],
    teaser: str,
    wire: bool,
    index: int,
    rng: random.Random,
) -> str:
    if dialect == "rss-full":
        date = _rfc822(moment, rng.choice(tuple(_ZONES)))
        return (
            f"<item><title>{_escape(title)}</title><link>{url}</link>"
            f'<guid isPermaLink="true">{url}</guid><pubDate>{date}</pubDate>'
            f"<description><![CDATA[<p>{teaser}</p>]]></description>"
            f"<content:encoded><![CDATA[{_html(paragraphs)}]]></content:encoded></item>"
        )
    if dialect == "rss-teaser":
        date = _rfc822(moment, rng.choice(tuple(_ZONES)))
        source = '<source url="https://wire.example/rss">Coastline Wire</source>' if wire else ""
        footer = (  # WordPress ends every item so (the truth leaves it out)
            f'<p>The post <a href="{url}">{title}</a> appeared first on '
            f'<a href="{url.rsplit("/", 2)[0]}">the site</a>.</p>'
            if index % 4 == 0
            else ""
        )
        html = f"<p>{_html_escape(teaser)}</p>{footer}"
        return (
            f"<item><title>{_escape(title)}</title><link>{url}</link><guid>{url}</guid>"
            f"<pubDate>{date}</pubDate><description>{_escape(html)}"
            f"</description>{source}</item>"
        )
    if dialect in ("atom-content", "atom-summary"):
        only_updated = dialect == "atom-summary" and index % 3 == 0
        dates = (
            f"<updated>{_iso(moment, rng)}</updated>"
            if only_updated
            else f"<published>{_iso(moment, rng)}</published>"
            f"<updated>{_iso(moment + timedelta(hours=5), rng)}</updated>"
        )
        if dialect == "atom-content":
            payload = f'<content type="html">{_escape(_html(paragraphs))}</content>'
        else:
            payload = f"<summary>{_escape(teaser)}</summary>"
        return (
            f"<entry><id>tag:{url.split('/')[2]},2026:{index}</id><title>{_escape(title)}</title>"
            f'<link rel="alternate" href="{url}"/>{dates}{payload}</entry>'
        )
    return (
        f'<item rdf:about="{url}"><title>{_escape(title)}</title><link>{url}</link>'
        f"<description>{_escape(teaser)}</description><dc:date>{_iso(moment, rng)}</dc:date></item>"
    )


def _html_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("é", "&eacute;")


def _wrapper(dialect: str, outlet: str, host: str) -> tuple[str, str]:
    if dialect.startswith("rss"):
        return (
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>{outlet}</title><link>{host}/</link><language>en</language>",
            "</channel></rss>",
        )
    if dialect.startswith("atom"):
        return (
            f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>{outlet}</title>'
            f"<id>{host}/</id><updated>2026-03-20T00:00:00Z</updated>",
            "</feed>",
        )
    return (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f'<channel rdf:about="{host}/"><title>{outlet}</title><link>{host}/</link>'
        "<description>news</description><dc:language>en</dc:language></channel>",
        "</rdf:RDF>",
    )


def read_storyline(folder: Path) -> dict[str, Read]:
    from storyline.ingest import read_sources
    from storyline.model import Article

    found = {}
    for record in read_sources([folder]):
        if isinstance(record, Article):
            found[record.url] = Read(
                record.title, record.url, _utc(record.published), record.source, record.text
            )
    return found


_TAG = re.compile(r"<[^>]+>")


def read_hand(folder: Path) -> dict[str, Read]:
    import feedparser

    found = {}
    for path in sorted(folder.iterdir()):
        parsed = feedparser.parse(path.read_bytes())
        outlet = parsed.feed.get("title", "")
        for entry in parsed.entries:
            html = entry.content[0].value if entry.get("content") else entry.get("summary", "")
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
            moment = datetime(*stamp[:6], tzinfo=UTC) if stamp else None
            source = entry.get("source", {}).get("title") or outlet
            link = entry.get("link", "")
            found[link] = Read(entry.get("title", ""), link, moment, source, _TAG.sub(" ", html))
    return found


def read_trafilatura(folder: Path) -> dict[str, Read] | None:
    try:
        from trafilatura.feeds import FeedParameters, extract_links
    except ImportError:
        return None
    found = {}
    for path in sorted(folder.iterdir()):
        host = f"news{int(path.stem[4:])}.example"
        params = FeedParameters(f"https://{host}", host, f"https://{host}/")
        text = path.read_bytes().decode("utf-8", "replace")
        for link in extract_links(text, params):
            found[link] = Read("", link, None, "", "")
    return found


def _utc(value: str | None) -> datetime | None:
    if not value or len(value) < 19:
        return None
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # a time without offset is taken as UTC
    return moment.astimezone(UTC)


_WORD = re.compile(r"\w+")


def _tokens(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def score(truths: list[Truth], found: dict[str, Read]) -> dict[str, float]:
    counts = Counter[str]()
    overlap = given = expected = 0
    for truth in truths:
        read = found.get(truth.url)
        if read is None:
            expected += sum(_tokens(truth.text).values())
            continue
        counts["url"] += 1
        counts["title"] += _tokens(read.title) == _tokens(truth.title)
        counts["date"] += read.published == truth.published
        counts["outlet"] += read.outlet.strip() == truth.outlet
        mine, theirs = _tokens(read.text), _tokens(truth.text)
        overlap += sum((mine & theirs).values())
        given += sum(mine.values())
        expected += sum(theirs.values())
    total = len(truths)
    result = {key: counts[key] / total for key in ("title", "url", "date", "outlet")}
    result["text P"] = overlap / given if given else 0.0
    result["text R"] = overlap / expected if expected else 0.0
    return result


def timed(read: Callable[[Path], Any], folder: Path) -> tuple[Any, float]:
    best, result = float("inf"), None
    for _ in range(3):
        start = time.perf_counter()
        result = read(folder)
        best = min(best, time.perf_counter() - start)
    return result, best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=60)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.feeds < 1 or args.items < 1:
        parser.error("--feeds and --items must be at least 1")
    rng = random.Random(args.seed)
    truths: list[Truth] = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for number in range(args.feeds):
            name, data, items = make_feed(number, args.items, rng)
            (folder / name).write_bytes(data)
            truths.extend(items)
        read_storyline(folder)  # warm: the language model and imports load once
        rows = {}
        for name, reader in (
            ("storyline", read_storyline),
            ("hand", read_hand),
            ("trafilatura", read_trafilatura),
        ):
            found, seconds = timed(reader, folder)
            if found is None:
                continue
            rows[name] = (score(truths, found), len(truths) / seconds)
    _print(rows, len(truths), args)
    return 0


def _print(rows: dict[str, tuple[dict[str, float], float]], items: int, args: Any) -> None:
    print(f"{args.feeds} feeds, {items} items, seed {args.seed} ({', '.join(DIALECTS)})")
    columns = ("title", "url", "date", "outlet", "text P", "text R")
    print(f"| reader | {' | '.join(columns)} | items/s |")
    print("|" + " --- |" * (len(columns) + 2))
    for name, (scores, speed) in rows.items():
        links_only = name == "trafilatura"
        cells = [f"{scores[c]:.3f}" if not links_only or c == "url" else "-" for c in columns]
        print(f"| {name} | {' | '.join(cells)} | {speed:,.0f} |")
    mine, hand = rows["storyline"], rows["hand"]
    ratios = [f"{mine[0][c] / hand[0][c]:.2f}" if hand[0][c] else "inf" for c in columns]
    print(f"| storyline / hand | {' | '.join(ratios)} | {mine[1] / hand[1]:.2f} |")
    if "trafilatura" in rows:
        print(
            "trafilatura's feed support finds the items' links only (no title, date, outlet, text)."
        )


if __name__ == "__main__":
    sys.exit(main())
