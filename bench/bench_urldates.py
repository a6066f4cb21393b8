"""A publication day from a page's web address: storyline against htmldate, on real news urls.

A record that carries a url and no date (a scraped export, a crawl of pages with no date
metadata) is dated by the day its address files it under. The reference is htmldate's own
url reader (``htmldate.extractors.extract_url_date``, the step htmldate and trafilatura use),
fed the same urls in the same run.

The urls are those of the evaluation sets in ``../shared/data/clustering`` (read in place):
WikinewsSum's cited sources (2004 news, many through the Wayback Machine) and ECB+'s
``ecbplus`` documents (2005-2013). Neither gives a publication date, so two checks stand in:

- impossible: a day after the day the Wayback Machine captured the page (WikinewsSum's
  ``archive_snapshot_date``): the page cannot be filed under a later day;
- text date: ECB+ pages that print their day on one of the three lines under the headline
  ("May 03, 2013"), read with storyline's date parser: the url's day should be that day.

    python bench/bench_urldates.py
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor

from storyline.ingest.dates import parse_published
from storyline.ingest.urldates import url_date

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "clustering"
_HTMLDATE = Extractor(False, datetime(2100, 1, 1), datetime(1990, 1, 1), False, "%Y-%m-%d")

Row = dict[str, str]


def _rows(name: str) -> list[Row]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [row for row in map(json.loads, handle) if row.get("url")]


def text_day(row: Row) -> str | None:
    """The day printed on a short line just under the headline, if any."""
    for line in row["text"].split("\n")[1:4]:
        line = line.strip()
        if 6 <= len(line) <= 40:
            found = parse_published(line)
            if found:
                return found[:10]
    return None


def htmldate_day(url: str) -> str | None:
    return extract_url_date(url, _HTMLDATE)


TOOLS: dict[str, Callable[[str], str | None]] = {"storyline": url_date, "htmldate": htmldate_day}


def main() -> None:
    if not DATA.is_dir():
        raise SystemExit(f"no evaluation data at {DATA}")
    wikinews = _rows("wikinewssum_en_sample/docs.jsonl")
    ecb = _rows("ecbplus_docs/ecbplus_docs.jsonl")
    printed = {row["doc_id"]: text_day(row) for row in ecb}
    with_day = [row for row in ecb if printed[row["doc_id"]]]
    print("| tool | WikinewsSum urls dated | of which after the capture | ECB+ urls dated |"
          " pages with a printed day: dated | same day | other day |")  # fmt: skip
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    counts = {}
    for tool, read in TOOLS.items():
        wn = [(row, read(row["url"])) for row in wikinews]
        wn_dated = [(row, day) for row, day in wn if day]
        late = sum(
            1 for row, day in wn_dated if day.replace("-", "") > row["archive_snapshot_date"]
        )
        ecb_dated = sum(1 for row in ecb if read(row["url"]))
        checked = [(printed[row["doc_id"]], read(row["url"])) for row in with_day]
        dated = [(want, got) for want, got in checked if got]
        same = sum(1 for want, got in dated if want == got)
        counts[tool] = len(wn_dated) + ecb_dated
        print(
            f"| {tool} | {len(wn_dated)} of {len(wn)} | {late} | {ecb_dated} of {len(ecb)} | "
            f"{len(dated)} of {len(with_day)} | {same} | {len(dated) - same} |"
        )
    disagree = sum(
        1
        for row in wikinews + ecb
        if None not in (day := url_date(row["url"]), other := htmldate_day(row["url"]))
        and day != other
    )
    ratio = counts["storyline"] / counts["htmldate"] if counts["htmldate"] else float("nan")
    print(
        f"\nurls dated, storyline / htmldate: {ratio:.2f}; "
        f"dated by both, on different days: {disagree}"
    )


if __name__ == "__main__":
    main()
