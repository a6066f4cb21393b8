"""A copy dated before the article it copies says that its date is not believed (texts
written for this test)."""

from __future__ import annotations

import json
from pathlib import Path

from helpers_cli import Run

WIRE = (
    "LISOPIL, Ukraine (Eastwire) - Four workers were killed and 11 people wounded when drones "
    "hit the Lisopil thermal power plant overnight, regional governor Oksana Drebot said on "
    "Monday.\n\nAbout 46,000 households in Lisopil and three nearby communities lost power, "
    "she said.\n\nIt was the third attack on the plant since early October."
)


def _item(article_id: str, source: str, published: str) -> str:
    title = "Drone strike on Lisopil power plant kills four workers"
    record = {"id": article_id, "source": source, "published": published, "title": title}
    return json.dumps(record | {"text": WIRE}) + "\n"


def test_a_reprint_stamped_before_the_wire_it_credits_says_its_date_is_not_believed(
    run: Run, tmp_path: Path
) -> None:
    """The sources listed the reprint under the wire with its date, the evening before the
    strike, and nothing else: a reader took it for the first report."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        _item("ew-1", "Eastwire", "2026-11-30T08:05:00Z")
        + _item("kl-1", "Kyiv Ledger", "2026-11-29T20:00:00Z"),
        encoding="utf-8",
    )
    text = run("digest", str(feed)).stdout
    (line,) = [line for line in text.splitlines() if "Kyiv Ledger — 2026-11-29" in line]
    assert line.endswith(
        "(duplicate of [1]; dated before [1], which it copies: that date is not believed)"
    )
    page = run("digest", str(feed), "--format", "html").stdout
    assert "dated before [1], which it copies: that date is not believed" in page
