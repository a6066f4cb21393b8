"""Web archives (.warc, .warc.gz) as input: each archived HTML page of status 200 is an
article, named by its record's byte offset; what is not a page is counted in one line per
file; a broken archive keeps what came before the break and reads on after it."""

from __future__ import annotations

import gzip
import io
import json
import random
import zlib
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline import pipeline
from storyline.cli import cli
from storyline.ingest import IngestOptions, read_sources
from storyline.model import Article, Skipped
from storyline.store import Store

BODY = (
    "The harbour council of Portvale voted on Tuesday to close pier {n} after inspectors "
    "found deep cracks in its wooden pilings. Fishermen said the closure would cost them "
    "weeks of work in the spring season and asked for a temporary berth near the ferry "
    "ramp. The council promised a decision on the repairs of pier {n} by the end of the month."
)


def page(n: int, date: str = "2024-03-05", extra: str = "") -> bytes:
    return (
        f"<!doctype html><html><head><title>Portvale closes pier {n}</title>"
        f'<meta property="article:published_time" content="{date}"></head><body>'
        f"<article><h1>Portvale closes pier {n}</h1><p>{BODY.format(n=n)}</p>{extra}"
        "</article></body></html>"
    ).encode()


def url(n: int) -> str:
    return f"https://news.example.com/2024/03/05/pier-{n}"


Record = tuple[str, str, bytes, StatusAndHeaders | None]


def response(
    target: str, payload: bytes, status: str = "200 OK", content_type: str = "text/html"
) -> Record:
    headers = [("Content-Type", content_type)] if content_type else []
    return "response", target, payload, StatusAndHeaders(status, headers, protocol="HTTP/1.1")


def request(target: str) -> Record:
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
    return "request", target, b"", http


def write_warc(path: Path, records: Sequence[Record], gz: bool) -> list[int]:
    """Write ``records`` after a warcinfo record; the byte offset of each record written."""
    offsets = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        for kind, target, payload, http in records:
            offsets.append(out.tell())
            named = {"WARC-Date": "2030-01-01T00:00:00Z"}  # the crawl
            if kind == "revisit" and payload:  # no payload: the WARC headers, as JSON
                named |= json.loads(payload)
                payload = b""
            record = writer.create_warc_record(
                target,
                kind,
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_content_type="text/html" if kind == "resource" else "",
                warc_headers_dict=named,
            )
            writer.write_record(record)
    return offsets


def read(path: Path, options: IngestOptions | None = None) -> list[Article | Skipped]:
    return list(read_sources([path], options or IngestOptions()))


def articles(found: list[Article | Skipped]) -> list[Article]:
    return [item for item in found if isinstance(item, Article)]


def skipped(found: list[Article | Skipped]) -> list[Skipped]:
    return [item for item in found if isinstance(item, Skipped)]


@pytest.mark.parametrize("gz", [True, False])
def test_each_html_page_is_an_article_named_by_its_offset(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    records = [item for n in range(3) for item in (request(url(n)), response(url(n), page(n)))]
    offsets = write_warc(path, records, gz)
    found = read(path)
    got = articles(found)
    assert [a.title for a in got] == [f"Portvale closes pier {n}" for n in range(3)]
    assert [a.url for a in got] == [url(n) for n in range(3)]
    assert [a.record for a in got] == offsets[1::2]
    with path.open("rb") as stream:  # the offsets warcio (and a CDX index) gives them
        indexed = [
            it.get_record_offset()
            for it in [ArchiveIterator(stream)]
            for record in it
            if record.rec_type == "response"
        ]
    assert [a.record for a in got] == indexed
    # the page's own date; the WARC-Date (2030, the crawl) is never the publication
    assert {(a.published, a.published_origin) for a in got} == {("2024-03-05", "metadata")}
    assert {a.source for a in got} == {"news.example.com"}
    # what is not a page is counted in a note on the last article: no skipped input, so
    # ``--strict`` reads on
    assert skipped(found) == []
    assert [a.ingest_note for a in got] == [
        "",
        "",
        "WARC records passed over, not pages (4 of 7: 3 request, 1 warcinfo)",
    ]


def test_a_page_without_a_date_is_dated_by_its_address_or_stays_undated(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    html = page(1).replace(b'<meta property="article:published_time" content="2024-03-05">', b"")
    write_warc(path, [response(url(1), html)], gz=True)
    (article,) = articles(read(path))
    assert (article.published, article.published_origin) == ("2024-03-05", "url")
    write_warc(path, [response("https://news.example.com/pier-1", html)], gz=True)
    (article,) = articles(read(path))
    assert (article.published, article.published_origin) == (None, "")


def test_what_is_not_a_page_is_counted_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    records = [
        response(url(1), page(1)),
        response(url(2), b"", status="301 Moved Permanently"),
        response(url(3), b"<html>gone</html>", status="404 Not Found"),
        response(url(4), b"<html>gone</html>", status="404 Not Found"),
        response("https://news.example.com/a.jpg", b"\xff\xd8\xff" * 50, content_type="image/jpeg"),
        response("https://news.example.com/b.pdf", b"%PDF-1.4", content_type="application/pdf"),
        response(
            "https://news.example.com/robots.txt", b"User-agent: *", content_type="text/plain"
        ),
        ("metadata", url(1), b"outlinks: none", None),
        ("revisit", url(1), b"", None),
        response(url(5), b"<html><body><nav>Home</nav></body></html>"),
        response(url(6), b""),  # an answer to HEAD, or a server that sent nothing
    ]
    offsets = write_warc(path, records, gz=True)
    found = read(path)
    [article] = articles(found)
    assert article.url == url(1)
    assert article.ingest_note == (
        "WARC records passed over, not pages (8 of 12: 1 metadata, 1 warcinfo; "
        "3 responses with HTTP status 404 (2), 301 (1); "
        "3 responses not HTML: application/pdf (1), image/jpeg (1), text/plain (1)); "
        "WARC revisits, pages captured again with the same content, not read twice "
        "(1: 1 of pages read from this file)"
    )
    assert skipped(found) == [
        Skipped(str(path), f"no main text found in the HTML page ({url(5)})", offsets[-2]),
        Skipped(str(path), f"empty page ({url(6)})", offsets[-1]),
    ]


def test_the_http_payload_is_decoded_before_extraction(tmp_path: Path) -> None:
    """Chunked transfer and gzip content encoding are undone; the HTTP charset decodes a
    page that is not UTF-8 and does not say its charset itself (detection took this one for
    Windows-1252)."""
    path = tmp_path / "crawl.warc"
    html = page(1, extra="<p>Le maire a parlé du café.</p>")
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(html), html)
    gzipped = gzip.compress(page(2), mtime=0)
    czech = "<p>Rada v úterý odhlasovala uzavření mola, řekli rybáři.</p>"
    latin2 = page(3, extra=czech).decode().encode("iso-8859-2")  # detection reads it as cp1252
    http = [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")]
    records: list[Record] = [
        ("response", url(1), chunked, StatusAndHeaders("200 OK", http, protocol="HTTP/1.1")),
        (
            "response",
            url(2),
            gzipped,
            StatusAndHeaders(
                "200 OK",
                [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
                protocol="HTTP/1.1",
            ),
        ),
        response(url(3), latin2, content_type="text/html; charset=iso-8859-2"),
    ]
    write_warc(path, records, gz=False)
    got = articles(read(path))
    assert [a.title for a in got] == [f"Portvale closes pier {n}" for n in (1, 2, 3)]
    assert "parlé du café" in got[0].text
    assert "uzavření mola, řekli rybáři" in got[2].text


def test_a_resource_record_is_a_page_too(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("resource", url(1), page(1), None)], gz=True)
    assert [a.url for a in articles(read(path))] == [url(1)]


@pytest.mark.parametrize("gz", [True, False])
def test_a_truncated_last_record_keeps_what_came_before(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = write_warc(path, [response(url(n), page(n)) for n in range(3)], gz)
    data = path.read_bytes()
    path.write_bytes(data[: offsets[2] + (len(data) - offsets[2]) // 2])
    found = read(path)
    assert [a.url for a in articles(found)] == [url(0), url(1)]
    assert Skipped(str(path), "truncated: the file ends inside this record", offsets[2]) in found


def test_a_corrupt_gzip_member_is_named_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    offsets = write_warc(path, [response(url(n), page(n)) for n in range(4)], gz=True)
    data = bytearray(path.read_bytes())
    middle = (offsets[1] + offsets[2]) // 2
    data[middle : middle + 40] = b"\x00" * 40  # the deflate stream of record 1 is garbage
    path.write_bytes(bytes(data))
    found = read(path)
    assert [a.url for a in articles(found)] == [url(0), url(2), url(3)]
    (broken,) = [s for s in skipped(found) if s.record]
    assert broken.record == offsets[1]
    assert broken.reason.startswith("broken WARC record (")
    assert broken.reason.endswith(f"read on from the next record, at byte {offsets[2]}")


def test_a_record_whose_length_lies_is_named_and_the_next_is_read(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "crawl.warc"
    offsets = write_warc(path, [response(url(n), page(n)) for n in range(3)], gz=False)
    data = path.read_bytes()
    head, rest = data[: offsets[1]], data[offsets[1] :]
    length = rest.split(b"Content-Length: ", 1)[1].split(b"\r\n", 1)[0]
    short = rest.replace(
        b"Content-Length: " + length, b"Content-Length: %d" % (int(length) - 90), 1
    )
    path.write_bytes(head + short)
    found = read(path)
    assert [a.url for a in articles(found)] == [url(0), url(2)]
    (lied,) = [s for s in skipped(found) if s.record]
    assert lied == Skipped(
        str(path),
        f"the record's Content-Length ({int(length) - 90}) is wrong; "
        f"read on from the next record, at byte {offsets[2]}",
        offsets[1],
    )
    assert capfd.readouterr().err == ""  # warcio's own warning is not printed


def test_a_file_that_is_not_a_warc_and_an_empty_one(tmp_path: Path) -> None:
    html, empty = tmp_path / "page.warc", tmp_path / "empty.warc.gz"
    html.write_bytes(page(1))
    empty.write_bytes(b"")
    (not_warc,) = read(html)
    assert isinstance(not_warc, Skipped) and not_warc.record == 0
    assert not_warc.reason.startswith("not a WARC file (")
    assert read(empty) == [Skipped(str(empty), "empty file")]


def test_a_huge_payload_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    big = page(2, extra="<p>" + "filler words here " * 2000 + "</p>")
    offsets = write_warc(path, [response(url(1), page(1)), response(url(2), big)], gz=True)
    found = read(path, IngestOptions(max_file_bytes=10_000))
    assert [a.url for a in articles(found)] == [url(1)]
    assert Skipped(str(path), f"page too large (over 10,000 bytes) ({url(2)})", offsets[1]) in found


def test_hostile_html_gives_text_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    hostile = page(1, extra='<script>alert("pwned")</script><p onclick="steal()">Fine.</p>')
    write_warc(path, [response(url(1), hostile)], gz=True)
    (article,) = articles(read(path))
    assert "pwned" not in article.text and "steal" not in article.text


def revisit(
    target: str, digest: str, refers: str = "", when: str = "", html: bool = True
) -> Record:
    """A revisit of ``target`` with the payload digest ``digest``; ``refers`` and ``when``
    name the earlier capture; its HTTP headers say HTML, or an image when not ``html``. Its
    WARC headers travel as its payload, which :func:`write_warc` turns back into headers."""
    kind = "text/html" if html else "image/png"
    http = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
    named = {"WARC-Payload-Digest": digest, "WARC-Profile": REVISIT_PROFILE}
    named |= {"WARC-Refers-To-Target-URI": refers} if refers else {}
    named |= {"WARC-Refers-To-Date": when} if when else {}
    return "revisit", target, json.dumps(named).encode(), http


REVISIT_PROFILE = "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest"


def test_a_revisit_is_counted_as_a_page_captured_again_not_as_a_fault(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [response(url(1), page(1)), response(url(2), page(2))], gz=True)
    with path.open("rb") as stream:  # the digests warcio wrote for the two pages
        digests = [
            r.rec_headers.get_header("WARC-Payload-Digest")
            for r in ArchiveIterator(stream)
            if r.rec_type == "response"
        ]
    records = [
        response(url(1), page(1)),
        response(url(2), page(2)),
        revisit(url(1), digests[0]),  # the same url, the same payload: a page read here
        revisit("https://news.example.com/mirror/pier-2", digests[1], refers=url(2)),
        revisit(url(7), "sha1:AAAA", refers=url(7), when="2024-03-01T10:00:00Z"),  # elsewhere
        revisit(url(8), "sha1:BBBB"),
        revisit("https://news.example.com/logo.png", "sha1:CCCC", html=False),  # not a page
    ]
    write_warc(path, records, gz=True)
    found = read(path)
    assert skipped(found) == []  # no fault: --strict reads on
    assert [a.url for a in articles(found)] == [url(1), url(2)]
    assert articles(found)[-1].ingest_note == (
        "WARC records passed over, not pages (2 of 8: 1 revisit, 1 warcinfo); "
        "WARC revisits, pages captured again with the same content, not read twice (4: 2 of "
        f"pages read from this file; 2 whose earlier capture is not in this file, such as "
        f"{url(7)} captured 2024-03-01T10:00:00Z)"
    )
    # A later crawl that holds only revisits gives no article: the note is its one line.
    write_warc(path, [revisit(url(1), digests[0])], gz=True)
    (only,) = read(path)
    assert (
        isinstance(only, Skipped) and "1 whose earlier capture is not in this file" in only.reason
    )


def arc_record(target: str, block: bytes, kind: str = "text/html", ip: str = "192.0.2.1") -> bytes:
    """One ARC (version 1) record: its header line, its block, a blank line."""
    return f"{target} {ip} 20240305120000 {kind} {len(block)}\n".encode() + block + b"\n"


def write_arc(path: Path, blocks: Sequence[tuple[str, bytes, str]], gz: bool) -> list[int]:
    """An ARC file: its filedesc header, then ``blocks`` (url, HTTP response or DNS answer,
    content type); gzip-compressed record by record when ``gz``; each record's offset."""
    version = b"1 0 storyline\nURL IP-address Archive-date Content-type Archive-length\n"
    records = [arc_record(f"filedesc://{path.name}", version, "text/plain", "0.0.0.0")]
    records += [arc_record(target, block, kind) for target, block, kind in blocks]
    offsets = []
    with path.open("wb") as out:
        for record in records:
            offsets.append(out.tell())
            out.write(gzip.compress(record, mtime=0) if gz else record)
    return offsets[1:]


def http_page(payload: bytes, status: str = "200 OK") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".encode() + payload


@pytest.mark.parametrize("name", ["crawl.arc", "crawl.arc.gz"])
def test_an_arc_file_is_read_as_a_warc_is(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    blocks = [
        (
            "dns:news.example.com",
            b"20240305120000\nnews.example.com. 300 IN A 192.0.2.1\n",
            "text/dns",
        ),
        (url(1), http_page(page(1)), "text/html"),
        (url(2), http_page(b"<html>gone</html>", "404 Not Found"), "text/html"),
        (url(3), http_page(page(3)), "text/html"),
    ]
    offsets = write_arc(path, blocks, gz=name.endswith(".gz"))
    found = read(path)
    assert skipped(found) == []
    got = articles(found)
    assert [(a.title, a.url, a.record) for a in got] == [
        ("Portvale closes pier 1", url(1), offsets[1]),
        ("Portvale closes pier 3", url(3), offsets[3]),
    ]
    assert got[-1].ingest_note == (
        "ARC records passed over, not pages (3 of 5: 1 dns, 1 filedesc; "
        "1 response with HTTP status 404 (1))"
    )


def test_an_arc_file_that_is_not_one_and_a_warc_that_is_an_arc(tmp_path: Path) -> None:
    html = tmp_path / "page.arc"
    html.write_bytes(page(1))
    (not_arc,) = read(html)
    assert isinstance(not_arc, Skipped) and not_arc.reason.startswith("not an ARC file (")
    misnamed = tmp_path / "crawl.warc"
    write_arc(misnamed, [(url(1), http_page(page(1)), "text/html")], gz=False)
    (said,) = read(misnamed)
    assert isinstance(said, Skipped) and "name the file .arc or .arc.gz" in said.reason
    # broken in the middle: read on from the next ARC record
    path = tmp_path / "crawl.arc.gz"
    blocks = [(url(n), http_page(page(n)), "text/html") for n in range(3)]
    offsets = write_arc(path, blocks, gz=True)
    data = bytearray(path.read_bytes())
    data[offsets[1] + 20 : offsets[1] + 40] = b"\x00" * 20  # inside the second record
    path.write_bytes(bytes(data))
    found = read(path)
    assert [a.url for a in articles(found)] == [url(0), url(2)]
    (broken,) = skipped(found)
    assert broken.record == offsets[1] and broken.reason.startswith("broken ARC record (")
    assert broken.reason.endswith(f"; read on from the next record, at byte {offsets[2]}")


def _ingest(paths: list[Path], db: Path) -> pipeline.IngestReport:
    with Store(db) as store:
        return pipeline.ingest(paths, store, pipeline.RunOptions())


def test_a_folder_of_warcs_is_read_and_a_second_ingest_passes_them_over(
    tmp_path: Path, reads: list[str]
) -> None:
    crawl, db = tmp_path / "crawl", tmp_path / "news.db"
    crawl.mkdir()
    write_warc(crawl / "a.warc.gz", [response(url(n), page(n)) for n in range(2)], gz=True)
    write_warc(crawl / "b.warc", [response(url(n), page(n)) for n in range(2, 4)], gz=False)
    first = _ingest([crawl], db)
    assert (first.added, first.updated, first.unchanged) == (4, 0, 0)
    reads.clear()
    second = CliRunner().invoke(cli, ["ingest", str(crawl), "--db", str(db)])
    assert second.exit_code == 0, second.output
    assert second.stdout.startswith("0 added, 0 updated, 4 unchanged")
    assert reads == []  # both archives passed over unread
    # the counts of records passed over are said again for a file passed over
    assert "note " + str(crawl / "a.warc.gz") + ":" in second.stderr
    assert ": WARC records passed over, not pages (1 of 3" in second.stderr


def test_the_same_url_crawled_twice(tmp_path: Path) -> None:
    """Crawled twice unchanged: one article, the other a copy. Updated in between: two
    versions of one page; the later (the later record when neither is dated otherwise)
    is analysed and the earlier is listed as superseded."""
    path = tmp_path / "crawl.warc.gz"
    fixed = page(1, extra="<p>Correction: the vote was on Wednesday, not Tuesday.</p>")
    offsets = write_warc(
        path,
        [response(url(1), page(1)), response(url(1), page(1)), response(url(1), fixed)],
        gz=True,
    )
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["digest", str(path), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    digest = json.loads(result.stdout)
    (kept,) = digest["articles"]
    reasons = {s["record"]: s["reason"] for s in digest["skipped"]}
    assert reasons[offsets[1]].startswith(f"a copy of {path}:{offsets[0]}")
    assert "an earlier version of" in reasons[offsets[0]]
    assert kept["record"] == offsets[2]


def test_digest_of_a_warc_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "CC-NEWS-20240305.warc.gz"
    records = [response(url(n), page(n)) for n in range(3)]
    write_warc(path, [*records, response(url(9), b"", status="302 Found")], gz=True)
    db = tmp_path / "news.db"
    result = CliRunner().invoke(cli, ["digest", str(path), "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    digest = json.loads(result.stdout)
    assert sorted(a["url"] for a in digest["articles"]) == [url(n) for n in range(3)]
    # a note on the last article, listed in the JSON with the notes on articles kept
    last = max(a["record"] for a in digest["articles"])
    assert digest["skipped"] == [
        {
            "path": str(path),
            "record": last,
            "reason": "WARC records passed over, not pages (2 of 5: 1 warcinfo; "
            "1 response with HTTP status 302 (1))",
        }
    ]
    assert f"note {path}:" in result.stderr
    assert ": WARC records passed over, not pages (2 of 5" in result.stderr
    strict = CliRunner().invoke(cli, ["ingest", str(path), "--db", str(db), "--strict"])
    assert strict.exit_code == 0, strict.output  # request records and redirects are no fault


def test_the_gzip_scan_finds_members_that_open_a_warc_record() -> None:
    """A gzip member that holds something else (a stray gzip file inside the payload of a
    plain record) is not taken for a record to read on from."""
    from storyline.ingest.warc import _gzip_record

    stray = gzip.compress(b"not a record", mtime=0)
    record = zlib.compressobj(9, zlib.DEFLATED, 31)
    member = record.compress(b"WARC/1.0\r\nWARC-Type: response\r\n") + record.flush()
    assert _gzip_record(b"xx" + stray + member, 100, False) == 102 + len(stray)


@pytest.mark.parametrize("encoding", ["", "chunked", "gzip"])
def test_a_long_page_is_read_whole(tmp_path: Path, encoding: str) -> None:
    """A payload many times warcio's 16 KB buffer comes out whole, however it was sent."""
    path = tmp_path / "crawl.warc.gz"
    paragraphs = "".join(f"<p>{BODY.format(n=k)}</p>" for k in range(200))
    html = page(1, extra=paragraphs + "<p>The last paragraph of the long report.</p>")
    headers = [("Content-Type", "text/html")]
    if encoding == "chunked":
        html = b"".join(
            b"%x\r\n%s\r\n" % (len(part), part) for part in (html[:30_000], html[30_000:])
        )
        html += b"0\r\n\r\n"
        headers.append(("Transfer-Encoding", "chunked"))
    elif encoding == "gzip":
        html = gzip.compress(html, mtime=0)
        headers.append(("Content-Encoding", "gzip"))
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    write_warc(path, [("response", url(1), html, http)], gz=True)
    (article,) = articles(read(path))
    assert len(article.text) > 60_000
    assert article.text.endswith("The last paragraph of the long report.")


def test_a_page_the_crawler_cut_short_is_kept_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url(1),
            "response",
            payload=io.BytesIO(page(1)),
            http_headers=http,
            warc_headers_dict={"WARC-Truncated": "length"},
        )
        writer.write_record(record)
    (article,) = articles(read(path))
    assert article.ingest_note == "the crawler cut this page short (WARC-Truncated: length)"


def test_a_warc_gzipped_whole_says_how_to_fix_it(tmp_path: Path) -> None:
    plain, whole = tmp_path / "crawl.warc", tmp_path / "crawl.warc.gz"
    write_warc(plain, [response(url(n), page(n)) for n in range(3)], gz=False)
    whole.write_bytes(gzip.compress(plain.read_bytes(), mtime=0))
    found = read(whole)
    assert articles(found) == []
    assert skipped(found)[0].reason.startswith("compressed as one gzip stream, not record by")
    assert "warcio recompress" in skipped(found)[0].reason


def test_a_section_front_of_links_is_not_an_article(tmp_path: Path) -> None:
    """A page whose main text is headlines linking elsewhere (a crawl holds many: section
    fronts, tag pages) is skipped; a short report followed by related links is kept."""
    links = "".join(
        f'<li><a href="/news/{k}">Pier {k} closes for repairs</a></li>' for k in range(9)
    )
    front = f"<html><body><h1>Latest news</h1><ul>{links}</ul></body></html>".encode()
    short = (
        "<html><body><article><h1>Pier closes</h1><p>The harbour council of Portvale voted "
        "on Tuesday to close the old pier after inspectors found cracks in its pilings, and "
        "fishermen asked for a temporary berth near the ferry ramp until it is repaired by "
        f"the contractor.</p><h3>Related</h3><ul>{links}</ul></article></body></html>"
    ).encode()
    path = tmp_path / "crawl.warc.gz"
    offsets = write_warc(path, [response(url(1), front), response(url(2), short)], gz=True)
    found = read(path)
    assert [a.url for a in articles(found)] == [url(2)]
    reason = "not an article: its text is mostly links (a section front or an index)"
    assert Skipped(str(path), f"{reason} ({url(1)})", offsets[0]) in found


def test_a_payload_without_content_type_and_an_encoding_not_decodable(tmp_path: Path) -> None:
    """A response with no Content-Type is a page when its first bytes are HTML; a payload in
    a content encoding warcio cannot undo is skipped, named, rather than read as bytes."""
    path = tmp_path / "crawl.warc.gz"
    packed = ("Content-Type", "text/html"), ("Content-Encoding", "compress")
    records = [
        response(url(1), b"  <!-- cached -->\n" + page(1), content_type=""),
        response(url(2), b"\x89PNG\r\n\x1a\n" + bytes(100), content_type=""),
        (
            "response",
            url(3),
            b"\x1f\x9d" + bytes(50),
            StatusAndHeaders("200 OK", list(packed), protocol="HTTP/1.1"),
        ),
    ]
    offsets = write_warc(path, records, gz=True)
    found = read(path)
    [article] = articles(found)
    assert article.url == url(1)
    assert article.ingest_note == (
        "WARC records passed over, not pages (2 of 4: 1 warcinfo; "
        "1 response not HTML: no content type, not HTML (1))"
    )
    assert skipped(found) == [
        Skipped(
            str(path), f"HTTP payload encoded as 'compress', not decodable ({url(3)})", offsets[2]
        ),
    ]


def _long_page(n: int) -> bytes:
    """A page whose gzip takes well over warcio's 16 KB blocks (words that barely repeat)."""
    rng = random.Random(n)
    words = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(7)) for _ in range(9000)
    ]
    return page(
        n, extra="".join(f"<p>{' '.join(words[k : k + 30])}.</p>" for k in range(0, 9000, 30))
    )


def test_a_gzip_member_broken_past_its_first_block_is_named(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """warcio writes such an error on stderr and ends the record as if it were whole."""
    path = tmp_path / "crawl.warc.gz"
    records = [
        response(url(0), page(0)),
        response(url(1), _long_page(1)),
        response(url(2), page(2)),
    ]
    offsets = write_warc(path, records, gz=True)
    assert offsets[2] - offsets[1] > 40_000
    data = bytearray(path.read_bytes())
    data[offsets[1] + 30_000 : offsets[1] + 30_050] = bytes(50)  # past its first 16 KB
    path.write_bytes(bytes(data))
    found = read(path)
    assert [a.url for a in articles(found)] == [url(0), url(2)]
    (broken,) = [s for s in skipped(found) if s.record]
    assert broken.record == offsets[1]
    assert broken.reason.startswith(
        "broken WARC record (does not decompress: Error -3 while decompressing data"
    )
    assert broken.reason.endswith(f"read on from the next record, at byte {offsets[2]}")
    assert capfd.readouterr().err == ""


def test_a_page_whose_gzip_content_encoding_breaks_is_named(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "crawl.warc"
    packed = bytearray(gzip.compress(_long_page(1), mtime=0))
    assert len(packed) > 40_000
    packed[30_000:30_050] = bytes(50)
    http = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
    records: list[Record] = [
        ("response", url(1), bytes(packed), StatusAndHeaders("200 OK", http, protocol="HTTP/1.1")),
        response(url(2), page(2)),
    ]
    offsets = write_warc(path, records, gz=False)
    found = read(path)
    assert [a.url for a in articles(found)] == [url(2)]
    (broken,) = [s for s in skipped(found) if s.record]
    assert broken.record == offsets[0]
    assert broken.reason.startswith("HTTP payload not decodable as gzip (Error -3 while")
    assert broken.reason.endswith(f"({url(1)})")
    assert capfd.readouterr().err == ""


def test_an_untyped_payload_that_is_not_html_is_not_read_whatever_its_size(
    tmp_path: Path,
) -> None:
    """Its first bytes show it is no page: it is counted, not read up to the size limit and
    reported as a page too large."""
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [response(url(1), b"\x00\x00\x00\x18ftypmp42" * 3000, content_type="")], True)
    found = read(path, IngestOptions(max_file_bytes=10_000))
    assert found == [
        Skipped(
            str(path),
            "WARC records passed over, not pages (2 of 2: 1 warcinfo; "
            "1 response not HTML: no content type, not HTML (1))",
        )
    ]
