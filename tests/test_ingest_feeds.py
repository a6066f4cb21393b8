"""News feeds (RSS 2.0, RSS 1.0/RDF, Atom) as input: one article per item, read offline from
the file's bytes, hostile XML refused, and the incremental ingest of hourly snapshots."""

from __future__ import annotations

import gzip
import importlib
import json
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.ingest import IngestOptions, read_sources
from storyline.ingest.feeds import ONLY_TITLE, channel_outlet
from storyline.model import Article, Skipped
from storyline.store import Store

CONTENT_NS = 'xmlns:content="http://purl.org/rss/1.0/modules/content/"'


HERALD = "https://herald.example/#"  # the scope of the bare guids of rss() below


def rss(items: str, head: str = "<title>Harbour Herald - World</title>", decl: str = "") -> str:
    declaration = decl or '<?xml version="1.0" encoding="UTF-8"?>'
    return (
        f'{declaration}\n<rss version="2.0" {CONTENT_NS}><channel>{head}'
        f"<link>https://herald.example/</link><language>en-gb</language>{items}</channel></rss>"
    )


def item(
    guid: str,
    title: str,
    text: str = "",
    *,
    content: str = "",
    date: str = "Mon, 02 Mar 2026 14:05:00 GMT",
    extra: str = "",
) -> str:
    description = f"<description><![CDATA[{text}]]></description>" if text else ""
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    dated = f"<pubDate>{date}</pubDate>" if date else ""
    return (
        f"<item><title>{title}</title><link>https://herald.example/{guid}</link>"
        f'<guid isPermaLink="false">{guid}</guid>{dated}{description}{encoded}{extra}</item>'
    )


BRIDGE = (
    "<p>A cargo ship struck the Kestrel Bridge early on Monday, closing Marlow Bay&rsquo;s main "
    "crossing &amp; stranding commuters.</p><script>track('x')</script>"
    "<p>The harbour master said divers would inspect the piers.<br>Traffic was diverted "
    "through Fenwick for the rest of the week, officials said.</p>"
)
TEASER = "Divers began inspecting the damaged piers of the Kestrel Bridge on Tuesday morning."


def read(path: Path, **options: Any) -> list[Article | Skipped]:
    return list(read_sources([path], IngestOptions(**options)))


def articles(found: list[Article | Skipped]) -> list[Article]:
    return [record for record in found if isinstance(record, Article)]


def skipped(found: list[Article | Skipped]) -> list[Skipped]:
    return [record for record in found if isinstance(record, Skipped)]


def write(path: Path, text: str | bytes) -> Path:
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_rss_full_content_gives_the_item_fields(tmp_path: Path) -> None:
    teaser = "<p>Ship hits bridge.</p>"
    feed = write(
        tmp_path / "herald.rss",
        rss(item("hh-1", "Ship strikes Kestrel Bridge", teaser, content=BRIDGE)),
    )
    [article] = read(feed)
    assert isinstance(article, Article)
    assert article.id == f"{HERALD}hh-1"  # a bare guid, scoped by the feed's link
    assert article.title == "Ship strikes Kestrel Bridge"
    assert article.url == "https://herald.example/hh-1"
    assert article.published == "2026-03-02T14:05:00+00:00"
    assert article.published_origin == "field"
    assert article.source == "Harbour Herald"  # the channel's title, less its section
    assert article.language == "en"
    # The full content, not the teaser: entities decoded, <br> a line, the script dropped.
    assert "Marlow Bay's main crossing & stranding" in article.text  # normalised
    assert "piers.\nTraffic was diverted" in article.text
    assert "track" not in article.text and "Ship hits bridge" not in article.text
    assert "<p>" in article.raw_text
    assert article.ingest_note == ""


def test_a_teaser_is_an_article_with_a_note_of_what_the_feed_gave(tmp_path: Path) -> None:
    feed = write(tmp_path / "teasers.rss", rss(item("hh-2", "Divers inspect bridge", TEASER)))
    [article] = read(feed)
    assert isinstance(article, Article)
    assert article.text == TEASER
    assert article.ingest_note == "the feed gives only a summary, 13 words"


# A whole report in four paragraphs (about 170 words), as small sites' RSS 2.0 feeds give it
# in <description>.
WHOLE_POST = "".join(
    f"<p>{paragraph}</p>"
    for paragraph in (
        "Divers began inspecting the damaged piers of the Kestrel Bridge on Tuesday morning, "
        "a day after a cargo ship struck the crossing and closed Marlow Bay's main road link. "
        "The harbour master said the first dives found cracks in two of the six piers.",
        "Engineers from the county council will decide by Friday whether light traffic can "
        "return to the bridge. Until then buses run through Fenwick, adding about forty "
        "minutes to a trip between the two towns, and the ferry from Marlow runs every hour.",
        "The ship, the Nordholm Trader, was carrying timber from Riga. Its owners said the "
        "crew reported a steering failure shortly before the collision and that nobody on "
        "board was hurt. The coastguard has opened an inquiry into the cause.",
        "Shops on both sides of the bay said trade had fallen sharply since Monday. The "
        "council said it would publish the engineers' findings in full once they were ready.",
    )
)


def test_a_description_that_holds_the_whole_post_is_no_teaser(tmp_path: Path) -> None:
    feed = write(tmp_path / "whole.rss", rss(item("hh-9", "Divers inspect bridge", WHOLE_POST)))
    [article] = read(feed)
    assert isinstance(article, Article)
    assert len(article.text.split()) > 150 and "coastguard" in article.text
    assert article.ingest_note == ""


def test_a_long_description_cut_short_or_linking_on_is_still_a_summary(tmp_path: Path) -> None:
    cut = WHOLE_POST.removesuffix("</p>") + " [&hellip;]</p>"
    linked = WHOLE_POST + '<p><a href="https://herald.example/hh-9">Read more</a></p>'
    feed = write(
        tmp_path / "cut.rss", rss(item("hh-9", "Divers", cut) + item("hh-8", "Bay", linked))
    )
    notes = [a.ingest_note for a in articles(read(feed))]
    assert len(notes) == 2
    assert all(note.startswith("the feed gives only a summary, ") for note in notes)


def test_an_item_with_only_a_title_or_nothing_is_skipped_by_reason(tmp_path: Path) -> None:
    google = (
        '<a href="https://news.example/x">Bridge closed after ship strike</a>&nbsp;&nbsp;'
        '<font color="#6f6f6f">Marlow Gazette</font>'
    )
    items = (
        item("g-1", "Bridge closed after ship strike - Marlow Gazette", google)
        + item("g-2", "Ferry services resume", "")
        + "<item><title></title><description></description></item>"
    )
    found = read(write(tmp_path / "news.rss", rss(items)))
    assert [(s.record, s.reason) for s in skipped(found)] == [
        (1, f"item 1: {ONLY_TITLE}"),
        (2, f"item 2: {ONLY_TITLE}"),
        (3, "item 3: no title and no text"),
    ]
    assert not articles(found)


def test_the_items_own_source_names_the_outlet_then_the_option(tmp_path: Path) -> None:
    wire = '<source url="https://wire.example/rss">Coastline Wire</source>'
    items = item("s-1", "Bridge shut", TEASER, extra=wire) + item("s-2", "Piers checked", TEASER)
    feed = write(tmp_path / "agg.rss", rss(items))
    assert [a.source for a in articles(read(feed))] == ["Coastline Wire", "Harbour Herald"]
    # --source names the outlet of a folder of feeds (several channels of one outlet would
    # otherwise be several voices); an item's own <source> still wins.
    given = articles(read(feed, source="Harbour Herald"))
    assert [a.source for a in given] == ["Coastline Wire", "Harbour Herald"]


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title type="html">Tidewater &lt;b&gt;Daily&lt;/b&gt;</title><id>urn:tide</id>
  <updated>2026-03-05T00:00:00Z</updated>
  <entry><id>tag:tide.example,2026:1</id><title>Port reopens after strike</title>
    <link rel="alternate" href="https://tide.example/1"/>
    <published>2026-03-03T09:30:00+02:00</published><updated>2026-03-04T10:00:00Z</updated>
    <summary>Port reopens.</summary>
    <content type="html">&lt;p&gt;The port of Marlow reopened on Tuesday after a
    three-day strike by crane operators ended with a pay deal.&lt;/p&gt;</content></entry>
  <entry><id>tag:tide.example,2026:2</id><title>Crane operators vote</title>
    <updated>2026-03-02T18:00:00Z</updated>
    <summary type="html">Crane operators voted to accept the &lt;em&gt;new pay
    offer&lt;/em&gt; by a wide margin on Monday evening.</summary></entry>
</feed>"""


def test_atom_content_summary_and_an_updated_date(tmp_path: Path) -> None:
    first, second = articles(read(write(tmp_path / "tide.atom", ATOM)))
    assert first.id == "tag:tide.example,2026:1" and first.url == "https://tide.example/1"
    assert first.text.startswith("The port of Marlow reopened on Tuesday")
    assert (first.published, first.published_origin) == ("2026-03-03T09:30:00+02:00", "field")
    assert first.source == "Tidewater Daily" and first.ingest_note == ""
    # No published date: dated by its last update, and the origin says so.
    assert (second.published, second.published_origin) == ("2026-03-02T18:00:00+00:00", "updated")
    assert "the new pay offer by a wide margin" in " ".join(second.text.split())
    assert second.ingest_note.startswith("the feed gives only a summary")
    assert second.url == ""  # an Atom entry without a link: its tag: id is no url


RDF = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://bote.example/"><title>Kestrel Bote</title>
    <link>https://bote.example/</link><description>Nachrichten</description>
    <dc:language>de</dc:language></channel>
  <item rdf:about="https://bote.example/a1"><title>Hafen bleibt geschlossen</title>
    <link>https://bote.example/a1</link>
    <description>Der Hafen von Marlow bleibt nach dem Unfall bis Freitag geschlossen, teilte
    die Beh&#246;rde am Montag mit.</description>
    <dc:date>2026-03-02T14:05:00+01:00</dc:date></item>
</rdf:RDF>"""


def test_rdf_items_are_dated_by_dc_date_and_take_the_channel_language(tmp_path: Path) -> None:
    [article] = articles(read(write(tmp_path / "bote.xml", RDF)))
    assert article.id == "https://bote.example/a1"
    assert (article.published, article.published_origin) == ("2026-03-02T14:05:00+01:00", "field")
    assert article.language == "de" and "Behörde" in article.text
    assert article.source == "Kestrel Bote"


def test_xml_that_is_not_a_feed_is_skipped_naming_its_root(tmp_path: Path) -> None:
    sitemap = '<?xml version="1.0"?>\n<!-- a map -->\n<urlset><url><loc>x</loc></url></urlset>'
    write(tmp_path / "sitemap.xml", sitemap)
    write(tmp_path / "page.rss", "<!DOCTYPE html><html><body><p>Not found</p></body></html>")
    write(tmp_path / "notes.xml", "just some text")
    found = {s.path.rsplit("/", 1)[1]: s.reason for s in skipped(read(tmp_path))}
    assert found == {
        "notes.xml": "not a news feed: no XML root element found",
        "page.rss": "not a news feed: its root element is <html> (a feed's is <rss>, "
        "<feed> or <rdf:RDF>)",
        "sitemap.xml": "not a news feed: its root element is <urlset> (a feed's is <rss>, "
        "<feed> or <rdf:RDF>)",
    }


def test_gzipped_feeds_are_read(tmp_path: Path) -> None:
    write(tmp_path / "a.rss.gz", gzip.compress(rss(item("z-1", "Dam", TEASER)).encode(), mtime=0))
    write(tmp_path / "b.xml.gz", gzip.compress(RDF.encode(), mtime=0))
    assert [a.id for a in articles(read(tmp_path))] == [f"{HERALD}z-1", "https://bote.example/a1"]


BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">\n'
        for n in range(1, 10)
    )
    + ']>\n<rss version="2.0"><channel><title>T</title><item><title>Bomb &lol9;</title>'
    "<description>x &lol9; y</description></item></channel></rss>"
)
# One 50 KB entity used 50,000 times: expat stops it, but feedparser's lenient parser then
# expands it (2.5 GB of text, 7 GB of memory, two minutes).
QUADRATIC = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "' + "x" * 50_000 + '">\n]>\n'
    '<rss version="2.0"><channel><title>T</title><item><title>q</title><description>'
    + "&a;" * 50_000
    + "</description></item></channel></rss>"
)
EXTERNAL = (
    '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n'
    '<!ENTITY net SYSTEM "http://attacker.invalid/x">\n]>\n'
    '<rss version="2.0"><channel><title>T</title><item><title>Leak &xxe;</title>'
    "<description>Leak &xxe; &net; here</description></item></channel></rss>"
)


class _Accesses:
    """Files opened and connections made while ``watching`` (an audit hook cannot be
    removed, so one hook serves every test)."""

    def __init__(self) -> None:
        self.watching = False
        self.seen: list[str] = []
        sys.addaudithook(self._hook)

    def _hook(self, event: str, args: tuple[object, ...]) -> None:
        if self.watching and event in ("open", "socket.connect", "urllib.Request"):
            self.seen.append(f"{event} {args[0]!r}"[:120])


_ACCESSES = _Accesses()


@pytest.fixture()
def accesses() -> Iterator[list[str]]:
    import xml.sax.expatreader  # noqa: F401  (the parser feedparser loads on its first feed)

    import feedparser  # noqa: F401  (imported before watching: its modules are files too)

    import storyline.ingest.feeds  # noqa: F401

    _ACCESSES.seen.clear()
    _ACCESSES.watching = True
    yield _ACCESSES.seen
    _ACCESSES.watching = False


def _feed_of(data: str) -> list[Article | Skipped]:
    import io

    from storyline.ingest.feeds import read_feed

    return list(read_feed(io.BytesIO(data.encode()), "hostile.rss", 32 * 1024**2))


@pytest.mark.parametrize("document", [BILLION_LAUGHS, QUADRATIC, EXTERNAL])
def test_entity_declarations_are_refused_unexpanded(document: str, accesses: list[str]) -> None:
    tracemalloc.start()
    found = _feed_of(document)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [(s.path, s.reason.split(":")[0]) for s in skipped(found)] == [
        ("hostile.rss", "the feed declares XML entities (<!ENTITY>)")
    ]
    assert not articles(found)
    assert accesses == []
    assert peak < 20 * 1024**2  # a few times the 2.6 MB document at most


def test_a_feed_naming_outside_resources_is_read_without_touching_them(
    accesses: list[str],
) -> None:
    # An external DTD, a stylesheet and an undeclared entity: nothing is fetched or opened.
    document = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<?xml-stylesheet type="text/xsl" href="file:///etc/passwd"?>\n'
        '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://attacker.invalid/rss-0.91.dtd">\n'
        + rss(item("x-1", "Harbour&nbsp;closed", TEASER)).split("\n", 1)[1]
    )
    found = _feed_of(document)
    assert [a.title for a in articles(found)] == ["Harbour closed"]
    assert accesses == []


def test_feedparser_is_never_given_a_string_or_bytes(accesses: list[str]) -> None:
    # Given bytes, feedparser first tries them as a file name: open(b'<?xml ...'); given a
    # str that is a path or a url, it reads or fetches it.
    found = _feed_of(rss(item("x-2", "Ferry resumes", TEASER)))
    assert [a.id for a in articles(found)] == [f"{HERALD}x-2"]
    assert accesses == []


def test_a_broken_feed_keeps_its_items_with_a_note(tmp_path: Path) -> None:
    broken = rss(
        item("b-1", "Crane deal signed", TEASER) + item("b-2", "Strike ends", "Unclosed <b> & so")
    ).removesuffix("</channel></rss>")
    found = articles(read(write(tmp_path / "broken.rss", broken)))
    assert [a.id for a in found] == [f"{HERALD}b-1", f"{HERALD}b-2"]
    assert found[0].ingest_note.startswith(
        "the feed is not well-formed XML (line 2: no element found); read leniently"
    )
    assert found[1].text == "Unclosed & so"


def test_a_windows_1252_feed_declared_utf8_reads_its_accents(tmp_path: Path) -> None:
    text = "The caf\u00e9 on the quay reopened on Monday \u2013 its owner said \u201cat last\u201d."
    feed = rss(item("w-1", "Caf\u00e9 reopens", text)).encode("cp1252")
    [article] = articles(read(write(tmp_path / "w.rss", feed)))
    assert article.title == "Caf\u00e9 reopens"
    assert (
        article.text == 'The caf\u00e9 on the quay reopened on Monday - its owner said "at last".'
    )
    assert article.ingest_note.startswith(
        "declared as UTF-8, but the bytes are not: read as cp1252;"
    )


def test_an_empty_channel_is_skipped(tmp_path: Path) -> None:
    found = read(write(tmp_path / "empty.rss", rss("")))
    assert found == [Skipped(str(tmp_path / "empty.rss"), "empty feed: no items")]
    cut = write(tmp_path / "cut.rss", rss(item("c-1", "Cut", TEASER))[:150])
    assert read(cut) == [
        Skipped(str(cut), "empty feed: not well-formed XML (line 2: no element found)")
    ]


def test_a_parser_failure_is_a_skip_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import feedparser

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RecursionError("deep")

    monkeypatch.setattr(feedparser, "parse", broken)
    feed = write(tmp_path / "deep.rss", rss(item("r-1", "Deep", TEASER)))
    assert read(feed) == [Skipped(str(feed), "feed parsing failed (RecursionError)")]


def test_a_feed_over_the_size_limit_is_skipped_with_the_reason(tmp_path: Path) -> None:
    feed = write(tmp_path / "big.rss", rss(item("l-1", "Big", TEASER) * 20))
    [skip] = read(feed, max_file_bytes=2000)
    assert isinstance(skip, Skipped)
    assert skip.reason.startswith("feed too large (more than 2,000 bytes)")


@pytest.mark.parametrize(
    ("given", "published"),
    [
        ("Mon, 02 Mar 2026 14:05:00 GMT", "2026-03-02T14:05:00+00:00"),
        ("Mon, 02 Mar 2026 09:05:00 EST", "2026-03-02T09:05:00-05:00"),
        ("Mon, 02 Mar 2026 15:05:00 CET", "2026-03-02T15:05:00+01:00"),
        ("Mon, 2 Mar 2026 16:05:00 +0200", "2026-03-02T16:05:00+02:00"),
        ("Mon, 02 Mar 2026 15:05:00 +01:00", "2026-03-02T15:05:00+01:00"),
        ("Tue, 31 Feb 2026 10:00:00 GMT", None),  # kept undated, with a note
        ("2026-03-02T14:05:00Z", "2026-03-02T14:05:00+00:00"),
        ("02 Mar 26 14:05 GMT", "2026-03-02T14:05:00+00:00"),
        ("", None),
    ],
)
def test_feed_dates_in_the_formats_feeds_use(
    tmp_path: Path, given: str, published: str | None
) -> None:
    [article] = articles(
        read(write(tmp_path / "d.rss", rss(item("d", "Dated", TEASER, date=given))))
    )
    assert article.published == published


def _cli(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_digest_of_a_folder_of_feeds_end_to_end(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds" / "2026-03-02-15"
    feeds.mkdir(parents=True)
    write(feeds / "herald.rss", rss(item("hh-1", "Ship strikes Kestrel Bridge", content=BRIDGE)))
    write(feeds / "tide.atom", ATOM)
    write(feeds / "sitemap.xml", '<?xml version="1.0"?><urlset/>')
    db = tmp_path / "news.db"
    result = _cli("digest", str(tmp_path / "feeds"), "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    digest = json.loads(result.stdout)
    ids = {a["id"] for a in digest["articles"]}
    assert ids == {f"{HERALD}hh-1", "tag:tide.example,2026:1", "tag:tide.example,2026:2"}
    assert digest["stories"]
    assert "skipped" in result.stderr and "its root element is <urlset>" in result.stderr
    assert "note " in result.stderr and "the feed gives only a summary" in result.stderr


def test_hourly_snapshots_and_an_updated_feed_store_only_what_changed(tmp_path: Path) -> None:
    hour = tmp_path / "feeds"
    items = [item(f"h-{n}", f"Report {n} on the bridge", f"{TEASER} Update {n}.") for n in range(3)]
    (hour / "2026-03-02-14").mkdir(parents=True)
    write(hour / "2026-03-02-14" / "herald.rss", rss("".join(items)))
    db = tmp_path / "news.db"
    first = _cli("ingest", str(hour), "--db", str(db))
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith("3 added, 0 updated, 0 unchanged")
    # The next hour's snapshot repeats the three items (one changed, with its new date) and
    # adds two.
    revised = f"{TEASER} Revised: the piers are sound."
    changed = item("h-1", "Report 1 on the bridge", revised, date="Mon, 02 Mar 2026 15:20 GMT")
    added = [item(f"h-{n}", f"Report {n} on the bridge", f"{TEASER} Update {n}.") for n in (3, 4)]
    (hour / "2026-03-02-15").mkdir()
    write(
        hour / "2026-03-02-15" / "herald.rss", rss(items[0] + changed + items[2] + "".join(added))
    )
    second = _cli("ingest", str(hour), "--db", str(db))
    assert second.exit_code == 0, second.output
    assert second.stdout.startswith("2 added, 1 updated, 2 unchanged, 3 skipped")
    # The two items repeated unchanged, and the earlier version of the changed one.
    assert "3 inputs skipped: 2 a copy of another record; 1 replaced by" in second.stderr
    with Store(db) as store:
        assert "the piers are sound" in store.article(f"{HERALD}h-1").text
    again = _cli("ingest", str(hour), "--db", str(db))
    assert again.stdout.startswith("0 added, 0 updated, 5 unchanged")


def test_a_blog_engines_footer_lines_are_not_the_items_text(tmp_path: Path) -> None:
    wordpress = (
        f"<p>{TEASER}</p><p>Continue reading <span>Divers inspect bridge</span></p>"
        '<p>The post <a href="https://herald.example/wp-1">Divers inspect bridge</a> appeared '
        'first on <a href="https://herald.example">Harbour Herald</a>.</p>'
    )
    inline = f"<p>{TEASER} Read more about the bridge in our archive.</p>"
    items = item("wp-1", "Divers inspect bridge", wordpress) + item("wp-2", "Piers", inline)
    first, second = articles(read(write(tmp_path / "blog.rss", rss(items))))
    assert first.text == TEASER
    assert first.ingest_note == "the feed gives only a summary, 13 words"
    assert second.text.endswith("Read more about the bridge in our archive.")  # not a line


def test_the_feed_bench_scores_what_each_reader_got_wrong(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "bench"))
    bench = importlib.import_module("bench_feeds")
    from datetime import UTC, datetime

    truth = bench.Truth(
        "Port reopens", "https://x.example/1", datetime(2026, 3, 2, tzinfo=UTC), "P", "a b c d"
    )
    found = {truth.url: bench.Read("Port reopens", truth.url, None, "Q", "a b x")}
    scores = bench.score([truth], found)
    assert (scores["title"], scores["date"], scores["outlet"]) == (1.0, 0.0, 0.0)
    assert (scores["text P"], scores["text R"]) == (2 / 3, 2 / 4)
    assert bench.main(["--feeds", "5", "--items", "2"]) == 0
    table = capsys.readouterr().out
    assert "| storyline | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |" in table
    assert "| storyline / hand |" in table


def test_bare_guids_of_two_outlets_are_two_articles(tmp_path: Path) -> None:
    # Two CMSs that number their items alike: the same-id rule kept one of the two reports.
    herald = rss(item("1234", "Ship strikes Kestrel Bridge", TEASER))
    courier = rss(item("1234", "Council delays harbour vote", "The council met on Monday."))
    courier = courier.replace("herald.example/<", "courier.example/<")
    courier = courier.replace("Harbour Herald - World", "Bay Courier")
    write(tmp_path / "herald.rss", herald)
    write(tmp_path / "courier.rss", courier)
    found = articles(read(tmp_path))
    assert sorted(a.id for a in found) == [
        "https://courier.example/#1234",
        "https://herald.example/#1234",
    ]
    assert sorted(a.source for a in found) == ["Bay Courier", "Harbour Herald"]


@pytest.mark.parametrize(
    ("title", "link", "outlet"),
    [
        ("BBC News - World", "https://www.bbc.co.uk/news/world", "BBC News"),
        ("World news | The Guardian", "https://www.theguardian.com/world", "The Guardian"),
        ("NYT > World News", "https://www.nytimes.com/section/world", "NYT"),
        ("Reuters: World News", "https://www.reuters.com", "Reuters"),
        ("The Guardian", "https://www.theguardian.com", "The Guardian"),  # all outlet
        ("Tech: the week", "https://blog.example", "Tech: the week"),  # no part names it
        ("Herald - World", "", "Herald - World"),  # no link to tell
    ],
)
def test_a_sectioned_channel_title_names_its_outlet(title: str, link: str, outlet: str) -> None:
    assert channel_outlet(title, link) == outlet


def test_an_outlets_section_feeds_are_one_voice(tmp_path: Path) -> None:
    world = rss(item("w-1", "Ship strikes Kestrel Bridge", TEASER))
    business = rss(item("b-1", "Port fees rise", "The port raised its fees on Monday."))
    business = business.replace("Harbour Herald - World", "Harbour Herald - Business")
    write(tmp_path / "world.rss", world)
    write(tmp_path / "business.rss", business)
    assert {a.source for a in articles(read(tmp_path))} == {"Harbour Herald"}
