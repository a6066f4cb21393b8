"""Web archives: storyline's WARC reader against what a user chains by hand.

The bench writes a WARC (gzip record by record, as CC-NEWS and wget write them) of ``--pages``
invented news pages, each with a known title, publication date and body inside a page of site
furniture (menus, related links, a footer), and around them what a crawl also holds: a
request record per page, redirects (301), missing pages (404), images, PDFs, robots.txt, and
pages of status 200 that are not articles (a section front of links, a soft 404, a cookie
wall). A twentieth of the pages is sent gzip-compressed and a twentieth chunked, as servers
do. The date is given by ``article:published_time`` (70%), JSON-LD (15%) or a ``<time>`` in
the byline (15%); a quarter of the pages also state when they were modified (a day later, in
``article:modified_time``), and another quarter carry three readers' comments below the
article (``<section id="comments">``); the WARC-Date of every record is the crawl's, later.

Then, in the same run, each tool reads the whole file:

- storyline: ``storyline.ingest.read_sources`` (its WARC reader, then the HTML reader);
- warcio + trafilatura: what a user writes: iterate the records with warcio, keep responses
  of status 200 whose Content-Type is HTML, decode the payload (warcio's content_stream) as
  UTF-8, and call ``trafilatura.bare_extraction(html, url=..., with_metadata=True)``;
- news-please: ``NewsPlease.from_warc(record, fetch_images=False)`` on the same responses
  (its README's way), when it imports. news-please pins old libraries, so it is best
  installed in a venv of its own: pass that venv's python with ``--newsplease-python``; the
  bench runs it there in a child process. Without it the row says "not installed".

Scores per tool: pages whose title is the known one (case and spaces aside), whose date is
the known day, word recall and precision of the body against the known body (multisets of
lower-cased words; the title line left out), and records that are not articles but came out
as one (``wrong``). Speed is articles out per second of wall clock and of CPU time.

    python3 -m venv ../np-venv && ../np-venv/bin/pip install news-please==1.6.16
    python bench/bench_warc.py --pages 2000 --newsplease-python ../np-venv/bin/python
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

SITES = ("harbourpost.example", "valleyherald.example", "northwire.example", "citydesk.example")
PLACES = ("Portvale", "Karsk", "Velmora", "Oster Bay", "Lindqvist", "Marrow Hill", "Tessaly")
ACTORS = (
    "the harbour council",
    "the transport minister",
    "striking ferry crews",
    "the regional court",
    "the water authority",
    "local farmers",
    "the mayor's office",
)
VERBS = ("approved", "rejected", "postponed", "announced", "challenged", "defended", "reviewed")
THINGS = (
    "a new bridge toll",
    "the pier repairs",
    "a wage agreement",
    "the flood barrier",
    "a school merger",
    "the bus timetable",
    "a fishing quota",
    "the hospital budget",
)
TAILS = (
    "after a long debate on Tuesday",
    "despite protests outside the town hall",
    "according to documents seen by reporters",
    "in a vote of seven to four",
    "ahead of the spring season",
    "following complaints from residents",
)
QUOTES = (
    "We have waited long enough",
    "This decision will cost jobs",
    "The numbers speak for themselves",
    "Nobody asked the people who live here",
    "It is a fair compromise",
)

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    url: str
    title: str
    day: str
    body: str


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.25:
        return f'"{rng.choice(QUOTES)}," said a spokesperson for {rng.choice(ACTORS)}.'
    who, verb, what = rng.choice(ACTORS), rng.choice(VERBS), rng.choice(THINGS)
    return f"In {rng.choice(PLACES)}, {who} {verb} {what} {rng.choice(TAILS)}."


def invent(n: int, rng: random.Random) -> Page:
    site = SITES[n % len(SITES)]
    day = f"2024-{1 + n % 12:02d}-{1 + n * 7 % 28:02d}"
    title = f"{rng.choice(PLACES)}: {rng.choice(ACTORS).capitalize()} {rng.choice(VERBS)} "
    title += f"{rng.choice(THINGS)} (report {n})"
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(5)]
    url = f"https://www.{site}/news/{day.replace('-', '/')}/story-{n}"
    return Page(url, title, day, "\n".join(paragraphs))


def furniture(site: str, rng: random.Random) -> tuple[str, str]:
    menu = "".join(f'<li><a href="/{s}">{s.title()}</a></li>' for s in ("news", "sport", "opinion"))
    related = "".join(
        f'<li><a href="/news/{k}">{rng.choice(PLACES)} {rng.choice(THINGS)}</a></li>'
        for k in range(4)
    )
    head = f'<header><nav><ul>{menu}</ul></nav><div class="brand">{site}</div></header>'
    foot = (
        f'<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside>'
        f"<footer><p>Copyright 2024 {site}. All rights reserved.</p>"
        '<p><a href="/privacy">Privacy</a> <a href="/contact">Contact us</a></p></footer>'
    )
    return head, foot


def page_html(page: Page, n: int, rng: random.Random) -> str:
    site = page.url.split("/")[2].removeprefix("www.")
    head, foot = furniture(site, rng)
    meta = byline = ""
    way = n % 20
    if way < 14:
        meta = f'<meta property="article:published_time" content="{page.day}T08:30:00Z">'
    elif way < 17:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page.title,
            "datePublished": f"{page.day}T08:30:00Z",
        }
        meta = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    else:
        byline = f'<time datetime="{page.day}T08:30:00Z">{page.day}</time>'
    if n % 4 == 0:  # corrected later: the page states when, which is no publication date
        meta += f'<meta property="article:modified_time" content="{_later(page.day)}T16:00:00Z">'
    paragraphs = "".join(f"<p>{p}</p>" for p in page.body.split("\n"))
    comments = ""
    if n % 4 == 1:  # readers' comments under the article
        said = "".join(
            f'<div class="comment"><p class="author">reader{k}</p><p>{sentence(rng)} '
            f"{rng.choice(QUOTES)}, I think.</p></div>"
            for k in range(3)
        )
        comments = f'<section id="comments" class="comments"><h3>3 comments</h3>{said}</section>'
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{page.title} | {site}</title>{meta}</head><body>{head}<main><article>"
        f'<h1>{page.title}</h1><div class="byline">By Staff Reporter {byline}</div>'
        f"{paragraphs}</article>{comments}</main>{foot}</body></html>"
    )


def _later(day: str) -> str:
    year, month, date = day.split("-")
    return f"{year}-{month}-{int(date) + 1:02d}"


def not_article_html(kind: str, n: int, rng: random.Random) -> str:
    site = SITES[n % len(SITES)]
    head, foot = furniture(site, rng)
    if kind == "front":
        links = "".join(f'<li><a href="/news/{k}">{rng.choice(THINGS)}</a></li>' for k in range(12))
        inner = f"<h1>Latest news</h1><ul>{links}</ul>"
    elif kind == "soft404":
        inner = "<h1>Page not found</h1><p>Sorry, the page you requested cannot be found.</p>"
    else:
        inner = (
            "<h2>We use cookies</h2><p>We use cookies to improve your experience. "
            "Accept all or manage your consent in privacy settings.</p>"
        )
    page = f"<head><title>{site}</title></head><body>{head}{inner}{foot}</body>"
    return f"<!DOCTYPE html><html>{page}</html>"


def write_corpus(path: Path, pages: int, seed: int) -> tuple[dict[str, Page], int]:
    """The WARC of ``pages`` articles and the records around them; the known pages by url
    and the number of records that are not articles."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    known: dict[str, Page] = {}
    others = 0
    crawl = {"WARC-Date": "2025-06-01T00:00:00Z"}

    def record(writer: WARCWriter, url: str, kind: str, payload: bytes, http: object) -> None:
        writer.write_record(
            writer.create_warc_record(
                url,
                kind,
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_headers_dict=crawl,
            )
        )

    def response(status: str, headers: list[tuple[str, str]]) -> StatusAndHeaders:
        return StatusAndHeaders(status, headers, protocol="HTTP/1.1")

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "bench"}))
        for n in range(pages):
            page = invent(n, rng)
            known[page.url] = page
            get = StatusAndHeaders(f"GET /{n} HTTP/1.1", [("Host", "x")], is_http_request=True)
            record(writer, page.url, "request", b"", get)
            body = page_html(page, n, rng).encode()
            headers = [("Content-Type", "text/html; charset=utf-8")]
            if n % 20 == 1:
                body = gzip.compress(body, mtime=0)
                headers.append(("Content-Encoding", "gzip"))
            elif n % 20 == 2:
                body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
                headers.append(("Transfer-Encoding", "chunked"))
            record(writer, page.url, "response", body, response("200 OK", headers))
            site = f"https://www.{SITES[n % len(SITES)]}"
            extra: list[tuple[str, bytes, StatusAndHeaders]] = []
            if n % 20 == 3:
                moved = response("301 Moved Permanently", [("Location", page.url)])
                extra.append((page.url.replace("https:", "http:"), b"", moved))
            if n % 20 == 4:
                missing = response("404 Not Found", [("Content-Type", "text/html")])
                extra.append((f"{site}/gone-{n}", b"<html><h1>Not found</h1></html>", missing))
            if n % 20 == 5:
                image = response("200 OK", [("Content-Type", "image/jpeg")])
                extra.append((f"{site}/img/{n}.jpg", b"\xff\xd8\xff\xe0" + bytes(2000), image))
            if n % 50 == 6:
                pdf = response("200 OK", [("Content-Type", "application/pdf")])
                extra.append((f"{site}/doc/{n}.pdf", b"%PDF-1.4\n" + bytes(3000), pdf))
            if n % 100 == 7:
                robots = response("200 OK", [("Content-Type", "text/plain")])
                extra.append((f"{site}/robots.txt", b"User-agent: *\nDisallow:\n", robots))
            if n % 33 == 8:
                kind = ("front", "soft404", "consent")[n // 33 % 3]
                html = not_article_html(kind, n, rng).encode()
                ok = response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
                extra.append((f"{site}/{kind}-{n}", html, ok))
            for url, payload, http in extra:
                record(writer, url, "response", payload, http)
                others += 1
    return known, others


@dataclass
class Out:
    """One tool's reading: (url, title, day, text) per article, wall and CPU seconds."""

    rows: list[tuple[str, str, str, str]]
    wall: float
    cpu: float
    error: str = ""


def run_storyline(path: Path) -> Out:
    from storyline.ingest import read_sources
    from storyline.model import Article

    wall, cpu = time.perf_counter(), time.process_time()
    rows = [
        (item.url, item.title, (item.published or "")[:10], item.text)
        for item in read_sources([path])
        if isinstance(item, Article)
    ]
    return Out(rows, time.perf_counter() - wall, time.process_time() - cpu)


def run_trafilatura(path: Path) -> Out:
    import trafilatura
    from warcio.archiveiterator import ArchiveIterator

    logging_quiet()
    wall, cpu = time.perf_counter(), time.process_time()
    rows = []
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers.get_statuscode() != "200":
                continue
            if "html" not in (record.http_headers.get_header("Content-Type") or ""):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            html = record.content_stream().read().decode("utf-8", errors="replace")
            doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
            if doc is not None and doc.text:
                rows.append((url, doc.title or "", (doc.date or "")[:10], doc.text))
    return Out(rows, time.perf_counter() - wall, time.process_time() - cpu)


def logging_quiet() -> None:
    import logging

    for name in ("trafilatura", "htmldate", "newspaper", "newsplease", "readability"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


# Run in news-please's own venv: prints one JSON line per article, then the seconds.
NEWSPLEASE_CHILD = r"""
import json, logging, sys, time
logging.disable(logging.CRITICAL)
from newsplease import NewsPlease
from warcio.archiveiterator import ArchiveIterator
wall, cpu = time.perf_counter(), time.process_time()
rows = []
with open(sys.argv[1], "rb") as stream:
    for record in ArchiveIterator(stream):
        if record.rec_type != "response" or record.http_headers.get_statuscode() != "200":
            continue
        if "html" not in (record.http_headers.get_header("Content-Type") or ""):
            continue
        try:
            art = NewsPlease.from_warc(record, fetch_images=False)
        except Exception:
            continue
        if art is not None and art.maintext:
            day = art.date_publish.isoformat()[:10] if art.date_publish else ""
            rows.append([art.url, art.title or "", day, art.maintext])
print(json.dumps({"rows": rows, "wall": time.perf_counter() - wall,
                  "cpu": time.process_time() - cpu}))
"""


def run_newsplease(path: Path, python: str) -> Out:
    """news-please in ``python`` (its own venv), else in this one if it imports here."""
    if not python:
        try:
            import newsplease  # noqa: F401
        except ImportError:
            return Out([], 0, 0, "not installed")
        python = sys.executable
    found = subprocess.run(
        [python, "-c", NEWSPLEASE_CHILD, str(path)], capture_output=True, text=True, check=False
    )
    if found.returncode != 0:
        lines = found.stderr.strip().splitlines() or ["no output"]
        return Out([], 0, 0, f"failed: {lines[-1]}")
    data = json.loads(found.stdout.strip().splitlines()[-1])
    return Out([tuple(r) for r in data["rows"]], data["wall"], data["cpu"])


def words(text: str) -> Counter[str]:
    return Counter(WORD.findall(text.lower()))


def fold(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class Score:
    articles: int
    titles: float
    dates: float
    recall: float
    precision: float
    wrong: int


def score(out: Out, known: dict[str, Page]) -> Score:
    titles = dates = 0
    hit = found_words = truth_words = 0
    wrong = 0
    seen: set[str] = set()
    for url, title, day, text in out.rows:
        page = known.get(url)
        if page is None:
            wrong += 1
            continue
        seen.add(url)
        titles += fold(title) == fold(page.title)
        dates += day == page.day
        lines = text.split("\n")
        if lines and fold(lines[0]) == fold(page.title):  # a title line is not the body
            text = "\n".join(lines[1:])
        got, truth = words(text), words(page.body)
        hit += sum((got & truth).values())
        found_words += sum(got.values())
        truth_words += sum(truth.values())
    for page in known.values():  # a page not read counts with no words found
        if page.url not in seen:
            truth_words += sum(words(page.body).values())
    n = len(known)
    return Score(
        len(out.rows),
        titles / n,
        dates / n,
        hit / truth_words if truth_words else 0.0,
        hit / found_words if found_words else 0.0,
        wrong,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--newsplease-python", default="", help="python of a venv with it")
    args = parser.parse_args()
    logging_quiet()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "CC-NEWS-bench.warc.gz"
        known, others = write_corpus(path, args.pages, args.seed)
        size = path.stat().st_size
        print(
            f"{args.pages:,} article pages, {others:,} other responses, "
            f"{args.pages:,} request records: {size / 1e6:.1f} MB gzipped"
        )
        run_storyline(path)  # warm up imports (trafilatura, language models) outside timing
        outs = {
            "storyline": run_storyline(path),
            "warcio+trafilatura": run_trafilatura(path),
            "news-please": run_newsplease(path, args.newsplease_python),
        }
    head = f"{'tool':<20} {'articles':>8} {'art/s':>7} {'cpu art/s':>9} {'title':>6} "
    print(head + f"{'date':>6} {'recall':>7} {'precis':>7} {'wrong':>6}")
    base = outs["storyline"]
    scores = {}
    for name, out in outs.items():
        if out.error:
            print(f"{name:<20} {out.error}")
            continue
        s = scores[name] = score(out, known)
        rate = len(out.rows) / out.wall if out.wall else 0.0
        cpu = len(out.rows) / out.cpu if out.cpu else 0.0
        print(
            f"{name:<20} {s.articles:>8,} {rate:>7.1f} {cpu:>9.1f} {s.titles:>6.3f} "
            f"{s.dates:>6.3f} {s.recall:>7.3f} {s.precision:>7.3f} {s.wrong:>6}"
        )
    mine = scores["storyline"]
    for name, s in scores.items():
        if name == "storyline":
            continue
        out = outs[name]
        speed = (len(base.rows) / base.cpu) / (len(out.rows) / out.cpu) if out.rows else 0.0
        print(
            f"storyline / {name}: cpu speed x{speed:.2f}, title x{_ratio(mine.titles, s.titles)}, "
            f"date x{_ratio(mine.dates, s.dates)}, recall x{_ratio(mine.recall, s.recall)}, "
            f"precision x{_ratio(mine.precision, s.precision)}, wrong {mine.wrong} vs {s.wrong}"
        )


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "inf"


if __name__ == "__main__":
    main()
