"""Since the previous digest: an article re-sent under its id with another text is marked
updated, and the inputs skipped since are marked new (alone with --changed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers_cli import Run
from storyline.store import Store

FLOOD = (
    "Flood waters closed the Marrow Lane bridge in Tellby on Tuesday after two days of rain, "
    "and the county council opened a rest centre at the leisure hall for {n} households "
    "moved from homes beside the river. Council engineers said the bridge would stay shut "
    "until the river fell below its warning mark."
)
FOLLOW = (
    "The Marrow Lane bridge in Tellby reopened on Thursday as the river fell, and the "
    "households moved to the leisure hall rest centre began returning home, the county "
    "council said. Engineers found no damage to the bridge piers."
)
MARKET = (
    "Stallholders at the Brenford Saturday market voted to move the market from the car park "
    "to the old corn exchange next spring, after the town council agreed a lower rent for "
    "the hall. The market has about forty stalls selling food, books and plants."
)


def _line(article_id: str, title: str, text: str, day: str) -> str:
    item = {
        "id": article_id,
        "source": "Tellby Post" if article_id != "m1" else "Brenford Herald",
        "published": f"2031-03-{day}T09:00:00+00:00",
        "title": title,
        "text": text,
    }
    return json.dumps(item) + "\n"


def _deliveries(tmp_path: Path) -> tuple[Path, Path]:
    """An hour's wire file, and the next hour's: the flood report corrected (60 households,
    not 40) under its id."""
    first, second = tmp_path / "h1", tmp_path / "h2"
    first.mkdir()
    second.mkdir()
    (first / "wire.jsonl").write_text(
        _line("f1", "Flood closes Marrow Lane bridge", FLOOD.format(n=40), "04")
        + _line("f2", "Marrow Lane bridge reopens", FOLLOW, "06")
        + _line("m1", "Brenford market to move", MARKET, "05"),
        encoding="utf-8",
    )
    (second / "wire.jsonl").write_text(
        _line("f1", "CORRECTED: Flood closes Marrow Lane bridge", FLOOD.format(n=60), "04"),
        encoding="utf-8",
    )
    return first, second


def test_a_correction_resent_under_its_id_is_marked_updated(run: Run, tmp_path: Path) -> None:
    first, second = _deliveries(tmp_path)
    db = str(tmp_path / "desk.db")
    assert run("digest", str(first), "--db", db).exit_code == 0
    result = run("digest", str(second), "--db", db)
    assert result.exit_code == 0
    text = result.stdout
    assert (
        "Since the previous digest of this database: 1 story with an updated article "
        "(1 updated article)." in text
    )
    assert "· **1 updated article** ·" in text
    marked = [line for line in text.splitlines() if line.endswith("· **updated**")]
    assert len(marked) == 1 and "CORRECTED: Flood closes" in marked[0]
    assert "· **new**" not in text

    alert = json.loads(run("digest", "--db", db, "--again", "--changed", "--format", "json").stdout)
    changes = alert["changes"]
    flood = next(s["id"] for s in alert["stories"] if "f1" in s["article_ids"])
    assert changes["updated_articles"] == ["f1"] and changes["new_articles"] == []
    assert changes["stories_with_updated_articles"] == [flood]
    assert changes["stories_with_new_articles"] == [] and changes["new_stories"] == []
    # --changed shows the corrected story alone; the market story has no news.
    page = run("digest", "--db", db, "--again", "--changed").stdout
    assert "Marrow Lane" in page and "Brenford" not in page
    assert "new or with new or updated articles" in page
    html = run("digest", "--db", db, "--again", "--format", "html").stdout
    assert '<span class="news">updated</span>' in html
    assert '<span class="news">1 updated article</span>' in html
    # The next digest compares with this one: the correction is not news twice.
    assert "Nothing new" in run("digest", "--db", db).stdout


def test_an_article_stored_and_corrected_since_the_last_digest_is_new(
    run: Run, tmp_path: Path
) -> None:
    first, second = _deliveries(tmp_path)
    market = tmp_path / "market.jsonl"
    market.write_text(_line("m1", "Brenford market to move", MARKET, "05"), encoding="utf-8")
    db = str(tmp_path / "desk.db")
    run("digest", str(market), "--db", db)
    assert run("ingest", str(first), "--db", db).exit_code == 0
    assert run("ingest", str(second), "--db", db).exit_code == 0  # f1 corrected, not digested
    changes = json.loads(run("digest", "--db", db, "--changed", "--format", "json").stdout)
    assert changes["changes"]["new_articles"] == ["f1", "f2"]
    assert changes["changes"]["updated_articles"] == []
    assert len(changes["changes"]["new_stories"]) == 1


def _bad(folder: Path, name: str, text: str) -> Path:
    folder.mkdir()
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return folder


def test_inputs_skipped_since_the_previous_digest_are_marked(run: Run, tmp_path: Path) -> None:
    first, _ = _deliveries(tmp_path)
    _bad(first / "junk", "broken.jsonl", '{"id": "x", "text": \n')
    later = _bad(tmp_path / "h3", "empty.txt", "")
    db = str(tmp_path / "desk.db")
    run("digest", str(first), "--db", db)
    result = run("digest", str(later), "--db", db)
    assert result.exit_code == 0
    text = result.stdout
    assert (
        "Nothing new since the previous digest of this database, but 1 input was skipped or "
        "read with a note." in text
    )
    skipped = text.split("## Skipped", 1)[1].strip().splitlines()
    assert len(skipped) == 2
    assert [line.endswith("· **new**") for line in skipped] == [False, True]
    assert "empty.txt" in skipped[1]

    changed = run("digest", "--db", db, "--again", "--changed").stdout
    listed = changed.split("## Skipped", 1)[1].strip().splitlines()
    assert "empty.txt" in listed[0] and listed[0].endswith("· **new**")
    assert listed[-1] == "1 more recorded before the previous digest is not shown."
    assert not any("broken.jsonl" in line for line in listed)
    alert = json.loads(run("digest", "--db", db, "--again", "--changed", "--format", "json").stdout)
    assert [entry["path"] for entry in alert["changes"]["skipped"]] == [str(later / "empty.txt")]
    html = run("digest", "--db", db, "--again", "--changed", "--format", "html").stdout
    assert "1 more recorded before the previous digest is not shown." in html
    assert html.count('<span class="news">new</span>') == 1


def test_a_mark_kept_by_an_earlier_version_still_reads(run: Run, tmp_path: Path) -> None:
    # A database digested before updates and skips were marked keeps the articles' storing
    # position alone: the skips recorded then are taken as known, updates count from then.
    first, second = _deliveries(tmp_path)
    _bad(first / "junk", "broken.jsonl", '{"id": "x", "text": \n')
    db = tmp_path / "desk.db"
    run("digest", str(first), "--db", str(db))
    with Store(db) as store:
        store.set_meta({"digested through": "3", "digest compared with": None})
    _bad(second / "more", "empty.txt", "")
    text = run("digest", str(second), "--db", str(db)).stdout
    assert "1 story with an updated article (1 updated article)." in text
    assert "1 input was skipped or read with a note since then." in text
    skipped = text.split("## Skipped", 1)[1].strip().splitlines()
    assert [line.endswith("· **new**") for line in skipped] == [False, True]


def test_the_web_app_counts_updated_articles(run: Run, tmp_path: Path) -> None:
    testclient = pytest.importorskip("fastapi.testclient")
    from storyline.web import create_app

    first, second = _deliveries(tmp_path)
    db = tmp_path / "desk.db"
    run("digest", str(first), "--db", str(db))
    run("digest", str(second), "--db", str(db))
    with testclient.TestClient(create_app(db)) as client:
        rows = client.get("/api/stories").json()["stories"]
        flood = next(row for row in rows if "Marrow Lane" in row["title"])
        market = next(row for row in rows if "Brenford" in row["title"])
        assert (flood["updated_articles"], flood["new_articles"]) == (1, 0)
        assert market["updated_articles"] == 0
        page = client.get(flood["href"]).text
        assert '<span class="news">updated</span>' in page
        assert "1 story with an updated article" in client.get("/").text


def test_a_peek_between_two_digests_leaves_the_news_to_the_next(run: Run, tmp_path: Path) -> None:
    # An analyst looks at what came in during the hour (ingested by a scheduled job) before
    # the hour's planned digest: the look must not use up the news of that digest.
    first, second = _deliveries(tmp_path)
    db = str(tmp_path / "desk.db")
    run("digest", str(first), "--db", db)
    assert run("ingest", str(second), "--db", db).exit_code == 0
    peek = run("digest", "--db", db, "--changed", "--peek")
    assert peek.exit_code == 0
    assert "1 story with an updated article (1 updated article)." in peek.stdout
    assert "Brenford" not in peek.stdout
    planned = run("digest", "--db", db).stdout
    assert "1 story with an updated article (1 updated article)." in planned
    again = run("digest", "--db", db, "--again", "--format", "json", "--changed").stdout
    assert json.loads(again)["changes"]["updated_articles"] == ["f1"]
    assert "Nothing new" in run("digest", "--db", db).stdout  # an unpeeked digest marks
    missing = run("digest", str(first), "--peek")
    assert missing.exit_code == 2 and "--peek needs --db" in missing.output


def test_a_mark_that_cannot_be_read_is_said_and_replaced(run: Run, tmp_path: Path) -> None:
    from storyline.changes import latest_changes

    first, second = _deliveries(tmp_path)
    db = tmp_path / "desk.db"
    run("digest", str(first), "--db", str(db))
    with Store(db) as store:
        store.set_meta({"digested through": "3 x 0"})  # edited by hand
        assert latest_changes(store, {"f1", "f2", "m1"}) is None  # the web app shows no news
    result = run("digest", str(second), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert (
        "The mark of the previous digest in this database could not be read ('3 x 0'): "
        "nothing is marked as new, and this digest sets a new mark." in result.stdout
    )
    assert "· **updated**" not in result.stdout
    assert "Nothing new since the previous digest" in run("digest", "--db", str(db)).stdout


def _page(article_id: str, n: int) -> str:
    item = {
        "id": article_id,
        "source": "Tellby Post",
        "url": "https://tellby-post.example/2031/flood-bridge",
        "published": "2031-03-04T09:00:00+00:00",
        "title": "Flood closes Marrow Lane bridge",
        "text": FLOOD.format(n=n),
    }
    return json.dumps(item) + "\n"


def test_a_page_saved_again_after_a_correction_is_updated_not_new(run: Run, tmp_path: Path) -> None:
    """A page corrected in place comes back under a new id (its url is the same): it was
    marked new, and the hour's news line counted it as a new article."""
    first, second = tmp_path / "h1", tmp_path / "h2"
    first.mkdir()
    second.mkdir()
    (first / "site.jsonl").write_text(
        _page("p-v1", 40) + _line("m1", "Brenford market to move", MARKET, "05"), encoding="utf-8"
    )
    (second / "site.jsonl").write_text(_page("p-v2", 60), encoding="utf-8")
    db = str(tmp_path / "desk.db")
    assert run("digest", str(first), "--db", db).exit_code == 0
    text = run("digest", str(second), "--db", db).stdout
    assert "(1 updated article)" in text and "· **new**" not in text
    alert = json.loads(run("digest", "--db", db, "--again", "--changed", "--format", "json").stdout)
    assert alert["changes"]["updated_articles"] == ["p-v2"]
    assert alert["changes"]["new_articles"] == [] and alert["changes"]["new_stories"] == []
