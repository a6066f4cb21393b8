"""The same news in every input format gives the same digest.

One invented corpus (three events; a wire's reports, one outlet reprinting them whole and
one adding a paragraph of its own) is written as Markdown with front matter (as written and
hard-wrapped at 72 columns), JSON lines (likewise), CSV,
one HTML page per article, RSS 2.0 with ``content:encoded``, Atom, a ``.warc.gz`` of the
pages and a Telegram export whose posts open with a bold headline (one channel per outlet).
Ids differ by format (a hash, a feed's guid, ``tg-...``), so articles are matched by outlet
and publication time, and what a reader sees is compared: stories, relations (kind,
original), timeline dates and their sources, summary sentences with the articles and
outlets behind them, each article's title, outlet and UTC time.

What legitimately differs is left out: a Telegram post has no url; ``published_origin``
says where each format's date came from. A summary sentence that several articles say word
for word is located in the one that said it first, whatever the ids: which article it is
printed from is compared too.
"""

from __future__ import annotations

import csv
import html
import io
import json
import textwrap
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.cli import cli

WIRE, REPRINT, ADDS, LOCAL = "Harbor Wire", "Bayside Times", "Northport Daily", "Eastvale Post"
FIRE = [
    "RAVENSFORD (Harbor Wire) - A fire broke out at the Kellan Chemicals depot in Ravensford "
    "early on Monday, forcing the evacuation of about 1,200 residents from the streets around "
    "the site, the county fire service said.",
    "Firefighters were called to the depot on Quarry Lane shortly after 3 a.m. and found two "
    "storage sheds burning. Forty firefighters and twelve engines fought the blaze for five "
    "hours before bringing it under control.",
    "\u201cThe smoke was carrying solvents, so we moved people out of the nearest streets as a "
    "precaution,\u201d said deputy fire chief Moira Haldane. No one was injured.",
    "Residents were housed overnight in the Ravensford sports hall. The county council said "
    "they could return home on Tuesday once air tests came back clear.",
]
TRAM = [
    "EASTVALE (Harbor Wire) - Councillors in Eastvale approved a tram line between the city's "
    "railway station and the Brookfield hospital on Wednesday after a four-hour debate.",
    "The 14-kilometre line is expected to cost \u00a3310 million, of which the government will "
    "pay 60 percent. The vote was 38 to 17.",
    "Council officials said construction would begin in spring 2027. Trams are due to carry "
    "their first passengers in 2030, and the council expects 25,000 riders a day.",
]
RESCUE = [
    "CAPE MIRREN (Harbor Wire) - Six fishermen were rescued from a life raft on Friday after "
    "their trawler, the Silver Gannet, sank in heavy seas about 20 miles off Cape Mirren, the "
    "coastguard said.",
    "The crew sent a distress call at 5:10 a.m. saying the boat was taking on water. A "
    "coastguard helicopter found their raft two hours later and winched all six aboard.",
    "\u201cThey were cold and shaken but they did everything right,\u201d said coastguard "
    "controller Helen Strachan. The men were released from Mirren General Hospital in the "
    "afternoon.",
]
CORPUS: list[dict[str, Any]] = [
    {
        "outlet": WIRE,
        "url": "https://harborwire.example/2026/03/02/ravensford-depot-fire",
        "published": "2026-03-02T07:40:00+01:00",
        "title": "Fire at Ravensford chemical depot forces evacuation of 1,200 residents",
        "paras": FIRE,
    },
    {
        "outlet": REPRINT,
        "url": "https://baysidetimes.example/news/ravensford-fire-evacuation",
        "published": "2026-03-02T09:05:00+00:00",
        "title": "Fire at Ravensford chemical depot forces evacuation of 1,200 residents",
        "paras": FIRE,
    },
    {
        "outlet": ADDS,
        "url": "https://northportdaily.example/2026/03/02/chemical-depot-blaze",
        "published": "2026-03-02T11:20:00-05:00",
        "title": "Ravensford residents evacuated as chemical depot burns",
        "paras": [
            *FIRE[:3],
            "The depot was fined 40,000 pounds in 2023 for storing drums of solvent outside "
            "its licensed area, according to county records seen by the Northport Daily.",
        ],
    },
    {
        "outlet": LOCAL,
        "url": "https://eastvalepost.example/politics/tram-line-approved",
        "published": "2026-03-04T20:15:00Z",
        "title": "Eastvale council approves \u00a3310 million tram line",
        "paras": [
            "Eastvale city council voted on Wednesday to build a 14-kilometre tram line linking "
            "the railway station with the Brookfield hospital, at a cost of \u00a3310 million.",
            "The plan passed by 38 votes to 17 after a debate of more than four hours. "
            "Construction is due to begin in spring 2027 and the first trams should run in 2030.",
            "Transport chair Daniel Oyelaran said the line would take 9,000 car journeys a day "
            "off the ring road. Caf\u00e9 owners on Canal Street fear years of roadworks.",
        ],
    },
    {
        "outlet": WIRE,
        "url": "https://harborwire.example/2026/03/04/eastvale-tram",
        "published": "2026-03-04T21:00:00+00:00",
        "title": "Eastvale votes for tram line after four-hour debate",
        "paras": TRAM,
    },
    {
        "outlet": REPRINT,
        "url": "https://baysidetimes.example/news/eastvale-tram-vote",
        "published": "2026-03-04T23:10:00+00:00",
        "title": "Eastvale votes for tram line after four-hour debate",
        "paras": TRAM,
    },
    {
        "outlet": WIRE,
        "url": "https://harborwire.example/2026/03/06/cape-mirren-rescue",
        "published": "2026-03-06T14:45:00+00:00",
        "title": "Six fishermen rescued after trawler sinks off Cape Mirren",
        "paras": RESCUE,
    },
    {
        "outlet": ADDS,
        "url": "https://northportdaily.example/2026/03/06/silver-gannet-crew-saved",
        "published": "2026-03-06T16:30:00+00:00",
        "title": "Northport trawler crew saved from life raft off Cape Mirren",
        "paras": [
            *RESCUE,
            "The skipper, Tom Rourke, has fished out of Northport for thirty years. Friends "
            "said the crew had been due home on Saturday.",
        ],
    },
]
OUTLETS = sorted({a["outlet"] for a in CORPUS})


def _body(article: dict[str, Any]) -> str:
    return "\n\n".join(article["paras"])


def _slug(outlet: str) -> str:
    return outlet.lower().replace(" ", "-")


def _when(article: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(article["published"])


def _markup(article: dict[str, Any]) -> str:
    return "".join(f"<p>{html.escape(p)}</p>" for p in article["paras"])


def _page(article: dict[str, Any]) -> str:
    title, outlet = html.escape(article["title"]), html.escape(article["outlet"])
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{title} | {outlet}</title>"
        f'<meta property="og:title" content="{title}">'
        f'<meta property="og:site_name" content="{outlet}">'
        f'<link rel="canonical" href="{article["url"]}">'
        f'<meta property="article:published_time" content="{article["published"]}">'
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>\n"
        f"{_markup(article)}</article><footer><p>Copyright {outlet}</p></footer></body></html>"
    )


def _feed(outlet: str, atom: bool) -> str:
    site = f"https://{outlet.lower().replace(' ', '')}.example/"
    items = []
    for a in (a for a in CORPUS if a["outlet"] == outlet):
        title, url = html.escape(a["title"]), a["url"]
        if atom:
            items.append(
                f'<entry><title>{title}</title><link rel="alternate" href="{url}"/>'
                f"<id>{url}</id><published>{a['published']}</published>"
                f"<updated>{a['published']}</updated>"
                f'<content type="html">{html.escape(_markup(a))}</content></entry>'
            )
        else:
            items.append(
                f'<item><title>{title}</title><link>{url}</link><guid isPermaLink="true">{url}'
                f"</guid><pubDate>{format_datetime(_when(a))}</pubDate>"
                f"<description>{html.escape(a['paras'][0])}</description>"
                f"<content:encoded><![CDATA[{_markup(a)}]]></content:encoded></item>"
            )
    if atom:
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>{outlet}</title><link href="{site}"/><id>{site}</id>'
            f"<updated>2026-03-07T12:00:00Z</updated>{''.join(items)}</feed>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{outlet}</title><link>{site}</link><description>news</description>"
        f"{''.join(items)}</channel></rss>"
    )


def _warc(path: Path) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for a in CORPUS:
            payload = _page(a).encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    a["url"], "response", payload=io.BytesIO(payload), http_headers=headers
                )
            )


def _telegram(folder: Path) -> None:
    """One channel per outlet; a post opens with its headline in bold, as news channels post."""
    for number, outlet in enumerate(OUTLETS):
        messages = [
            {
                "id": n,
                "type": "message",
                "date_unixtime": str(int(_when(a).timestamp())),
                "from": outlet,
                "text": [{"type": "bold", "text": a["title"]}, "\n\n" + _body(a)],
            }
            for n, a in enumerate((a for a in CORPUS if a["outlet"] == outlet), start=1)
        ]
        chat = {"name": outlet, "type": "public_channel", "id": 100 + number, "messages": messages}
        (folder / _slug(outlet)).mkdir()
        (folder / _slug(outlet) / "result.json").write_text(json.dumps(chat), encoding="utf-8")


def write_format(folder: Path, name: str) -> Path:
    """The corpus written as ``name`` into ``folder`` (created)."""
    folder.mkdir()
    records = [
        {
            "title": a["title"],
            "text": _body(a),
            "url": a["url"],
            "source": a["outlet"],
            "published": a["published"],
        }
        for a in CORPUS
    ]
    if name in ("md", "md-wrapped"):  # as written, or hard-wrapped at 72 columns
        for n, a in enumerate(CORPUS):
            wrap = name == "md-wrapped"
            body = "\n\n".join(textwrap.fill(p, 72) for p in a["paras"]) if wrap else _body(a)
            (folder / f"{n}.md").write_text(
                f'---\ntitle: "{a["title"]}"\nurl: {a["url"]}\nsource: {a["outlet"]}\n'
                f"published: {a['published']}\n---\n\n{body}\n",
                encoding="utf-8",
            )
    elif name in ("jsonl", "jsonl-wrapped"):  # texts as written, or hard-wrapped
        if name == "jsonl-wrapped":
            for r, a in zip(records, CORPUS, strict=True):
                r["text"] = "\n\n".join(textwrap.fill(p, 72) for p in a["paras"])
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        (folder / "corpus.jsonl").write_text(lines, encoding="utf-8")
    elif name == "csv":
        with (folder / "corpus.csv").open("w", newline="", encoding="utf-8") as out:
            writer = csv.DictWriter(out, fieldnames=list(records[0]))
            writer.writeheader()
            writer.writerows(records)
    elif name == "html":
        for n, a in enumerate(CORPUS):
            (folder / f"{n}.html").write_text(_page(a), encoding="utf-8")
    elif name in ("rss", "atom"):
        for outlet in OUTLETS:
            feed = _feed(outlet, atom=name == "atom")
            (folder / f"{_slug(outlet)}.{name}").write_text(feed, encoding="utf-8")
    elif name == "warc":
        _warc(folder / "crawl.warc.gz")
    else:
        _telegram(folder)
    return folder


def _utc(stamp: str | None) -> str | None:
    """The instant of ``stamp`` (ISO, with an offset) in UTC."""
    return f"{datetime.fromisoformat(stamp).astimezone(UTC):%Y-%m-%d %H:%M}" if stamp else None


def seen(digest: dict[str, Any], with_urls: bool = True) -> dict[str, Any]:
    """What a reader of ``digest`` sees, with each article named by its outlet and UTC time."""
    name = {a["id"]: f"{a['source']} @{_utc(a['published'])}" for a in digest["articles"]}

    def names(ids: list[str]) -> list[str]:
        return sorted(name[i] for i in ids)

    return {
        "articles": sorted(
            (name[a["id"]], a["title"], a["url"] if with_urls else "", a["language"])
            for a in digest["articles"]
        ),
        "stories": sorted(
            (
                names(s["article_ids"]),
                s["title"],
                s["first_date"],
                s["last_date"],
                s["outlets"],
                [
                    (c["text"], name[c["article_id"]], names(c["support"]), c["outlets"])
                    for c in s["summary"]
                ],
                [(t["date"], t["text"], names(t["article_ids"])) for t in s["timeline"]],
            )
            for s in digest["stories"]
        ),
        "relations": sorted(
            (
                sorted([name[r["a"]], name[r["b"]]]),
                r["kind"],
                name[r["original"]] if r["original"] else None,
            )
            for r in digest["relations"]
        ),
        "groups": sorted(names(g["article_ids"]) for g in digest["groups"]),
        "skipped": digest["skipped"],
    }


def digest_of(folder: Path) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["digest", str(folder), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def markdown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return digest_of(write_format(tmp_path_factory.mktemp("invariance") / "md", "md"))


def test_the_markdown_digest_is_the_one_the_corpus_was_written_for(
    markdown: dict[str, Any],
) -> None:
    """The reference itself: three stories, the reprints found as copies of the wire."""
    view = seen(markdown)
    assert [len(s[0]) for s in view["stories"]] == [3, 3, 2]
    assert len(markdown["articles"]) == len(CORPUS) and not markdown["skipped"]
    kinds = {(tuple(pair), kind, original) for pair, kind, original in view["relations"]}
    wire_fire = f"{WIRE} @{_utc(CORPUS[0]['published'])}"
    assert any(kind == "duplicate" and original == wire_fire for _, kind, original in kinds)
    assert {kind for _, kind, _ in kinds} >= {"duplicate", "rewrite"}


@pytest.mark.parametrize(
    "name",
    ["md-wrapped", "jsonl", "jsonl-wrapped", "csv", "html", "rss", "atom", "warc", "telegram"],
)
def test_every_format_gives_the_markdown_digest(
    name: str, markdown: dict[str, Any], tmp_path: Path
) -> None:
    digest = digest_of(write_format(tmp_path / name, name))
    telegram = name == "telegram"  # a post has no url of its own
    assert seen(digest, with_urls=not telegram) == seen(markdown, with_urls=not telegram)
