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


def test_an_excerpt_dated_before_the_page_that_holds_it_keeps_its_date(
    run: Run, tmp_path: Path
) -> None:
    """A channel's forward of a post, made before the page that holds the post's text: the
    page is named the original for holding it, not for the forward's date being wrong (the
    relation says the credit names the outlet, not this page), so nothing says that date is
    not believed."""
    page = WIRE.replace("(Eastwire)", "(ViralNow)") + (
        "\n\nResidents said the sirens sounded twice before the first explosion.\n\nThe "
        "regional administration said schools in Lisopil would stay closed until Friday."
    )
    forward = "Forwarded from ViralNow: " + page.split("\n\n")[0]
    feed = tmp_path / "feed.jsonl"
    records = [
        {"id": "vn-1", "source": "ViralNow", "published": "2026-11-30T08:05:00Z", "text": page},
        {"id": "ta-1", "source": "Tolvik Alerts", "published": "2026-11-30T06:00:00Z",
         "text": forward},
    ]  # fmt: skip
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    text = run("digest", str(feed)).stdout
    (line,) = [line for line in text.splitlines() if "Tolvik Alerts — 2026-11-30" in line]
    assert "(copies [" in line and "not believed" not in line
