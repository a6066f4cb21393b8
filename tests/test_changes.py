"""What is new since the previous digest of a database: marked in the digest, listed in its
JSON, and the only stories shown with --changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers_cli import EXAMPLES, Run
from storyline import cli as cli_module
from storyline.changes import Changes, changes_line, last_mark, story_news
from storyline.model import Story
from storyline.store import Positions, Store

# The example corpus has three stories: the Kestrel Bridge closure (7 articles), the
# Ardent Valley reservoir (2) and the Vellmore robotics team (2). valley-voice.csv holds one
# article of the reservoir and one of the bridge.
LATER = "valley-voice.csv"


def _split(tmp_path: Path) -> tuple[Path, Path]:
    """The example corpus as two deliveries: everything but LATER, then LATER."""
    first, later = tmp_path / "first", tmp_path / "later"
    shutil.copytree(EXAMPLES, first, ignore=shutil.ignore_patterns(LATER))
    later.mkdir()
    shutil.copy(EXAMPLES / LATER, later / LATER)
    return first, later


def _headers(markdown: str) -> dict[str, str]:
    """Story title -> the line under its heading (dates, size, news, outlets)."""
    lines = markdown.splitlines()
    return {
        line.split(". ", 1)[1]: lines[number + 2]
        for number, line in enumerate(lines)
        if line.startswith("## ") and line[3].isdigit()
    }


def test_a_second_delivery_is_marked_story_by_story(run: Run, tmp_path: Path) -> None:
    first, later = _split(tmp_path)
    db = str(tmp_path / "news.db")
    opening = run("digest", str(first), "--db", db)
    assert opening.exit_code == 0
    assert "previous digest" not in opening.stdout  # a first digest: nothing to compare with
    assert "**new" not in opening.stdout

    result = run("digest", str(later), "--db", db)
    assert result.exit_code == 0
    text = result.stdout
    assert (
        "Since the previous digest of this database: 2 stories with new articles "
        "(2 new articles)." in text
    )
    headers = _headers(text)
    bridge = next(line for title, line in headers.items() if "Kestrel Bridge" in title)
    reservoir = next(line for title, line in headers.items() if "reservoir" in title)
    robotics = next(line for title, line in headers.items() if "robotics" in title)
    assert "· 7 articles · **1 new article** ·" in bridge
    assert "· 2 articles · **1 new article** ·" in reservoir
    assert "new" not in robotics.split("outlets:")[0]
    new_sources = [line for line in text.splitlines() if line.endswith("· **new**")]
    assert len(new_sources) == 2
    assert all("Valley Voice" in line for line in new_sources)


def test_changed_shows_only_the_stories_with_news(run: Run, tmp_path: Path) -> None:
    first, later = _split(tmp_path)
    db = str(tmp_path / "news.db")
    run("digest", str(first), "--db", db)
    result = run("digest", str(later), "--db", db, "--changed")
    assert result.exit_code == 0
    titles = list(_headers(result.stdout))
    assert len(titles) == 2
    assert not any("robotics" in title for title in titles)
    assert (
        "Showing the 2 stories new or with new or updated articles since the previous digest "
        "of this database (3 in all); 1 more story (2 articles) is not shown." in result.stdout
    )
    # Relations between articles that were all there before are not news either (the two
    # new articles copy nothing).
    assert "## Relations" in run("digest", "--db", db).stdout
    assert "## Relations" not in result.stdout


def test_a_first_changed_digest_shows_every_story(run: Run, tmp_path: Path) -> None:
    # An hourly job that says --changed from its first run: everything it read is news.
    db = str(tmp_path / "news.db")
    result = run("digest", str(EXAMPLES), "--db", db, "--changed")
    assert result.exit_code == 0
    assert len(_headers(result.stdout)) == 3
    assert "Showing" not in result.stdout and "previous digest" not in result.stdout
    assert "## Relations" in result.stdout
    # The next run compares with it.
    assert "Showing no story new" in run("digest", "--db", db, "--changed").stdout


def test_a_new_story_is_marked_as_one(run: Run, tmp_path: Path) -> None:
    first = tmp_path / "first"
    shutil.copytree(EXAMPLES, first, ignore=shutil.ignore_patterns("*robotics*", "*.jsonl"))
    db = str(tmp_path / "news.db")
    run("digest", str(first), "--db", db)
    result = run("digest", str(EXAMPLES), "--db", db)  # the whole corpus: the rest is new
    robotics = next(line for title, line in _headers(result.stdout).items() if "robotics" in title)
    assert "· 2 articles · **new story** ·" in robotics
    # The bridge story grew by Tidewater Daily's two reports; the reservoir's were all there.
    assert "1 new story and 1 story with new articles (4 new articles)" in result.stdout


def test_nothing_new_is_said_and_changed_shows_nothing(run: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    run("digest", str(EXAMPLES), "--db", db)
    again = run("digest", "--db", db)
    assert "Nothing new since the previous digest of this database." in again.stdout
    assert "**new" not in again.stdout
    changed = run("digest", "--db", db, "--changed")
    assert "Showing no story new or with new or updated articles" in changed.stdout
    page = run("digest", "--db", db, "--changed", "--format", "html").stdout
    assert "Showing no story new" in page and "unless --max-stories" not in page
    # A quiet hour's page has no empty table of stories to filter.
    assert '<table class="stories' not in page and 'id="q"' not in page
    assert "## 1." not in changed.stdout
    # Topics and relations of stories not shown are not listed either.
    assert "## Topics" not in changed.stdout and "## Relations" not in changed.stdout


def test_the_json_lists_what_is_new(run: Run, tmp_path: Path) -> None:
    first, later = _split(tmp_path)
    db = str(tmp_path / "news.db")
    opening = json.loads(
        run("digest", str(first), "--db", db, "--format", "json", "--changed").stdout
    )
    # A first digest: everything is news, as its Markdown shows it, and the key is there.
    assert opening["changes"]["first_digest"] is True
    assert opening["changes"]["new_articles"] == sorted(a["id"] for a in opening["articles"])
    assert opening["changes"]["new_stories"] == [s["id"] for s in opening["stories"]]
    assert opening["changes"]["stories_with_new_articles"] == []
    result = run("digest", str(later), "--db", db, "--format", "json", "--changed")
    digest = json.loads(result.stdout)
    later_ids = {a["id"] for a in digest["articles"] if a["source"] == "Valley Voice"}
    changes = digest["changes"]
    assert changes["first_digest"] is False
    assert set(changes["new_articles"]) == later_ids and len(later_ids) == 2
    assert changes["new_stories"] == []
    grown = {s["id"] for s in digest["stories"] if later_ids & set(s["article_ids"])}
    assert set(changes["stories_with_new_articles"]) == grown and len(grown) == 2
    # The same bytes json.dumps writes: sorted keys, two-space indents.
    assert result.stdout.rstrip("\n") == json.dumps(
        digest, indent=2, sort_keys=True, ensure_ascii=False
    )
    # Without --changed the JSON is the digest kept in the database, as it always was.
    plain = run("digest", "--db", db, "--format", "json").stdout
    with Store(Path(db), readonly=True) as store:
        assert plain.rstrip("\n") == store.load_digest()
    assert "changes" not in json.loads(plain)


def test_the_html_page_marks_what_is_new(run: Run, tmp_path: Path) -> None:
    first, later = _split(tmp_path)
    db = str(tmp_path / "news.db")
    run("digest", str(first), "--db", db)
    page = run("digest", str(later), "--db", db, "--format", "html").stdout
    assert page.count('<span class="news">1 new article</span>') == 4  # list and story, twice
    assert page.count('<span class="news">new</span>') == 2  # the two new sources
    assert "Since the previous digest of this database: 2 stories with new articles" in page


def test_again_tells_the_latest_digests_news_in_another_format(run: Run, tmp_path: Path) -> None:
    # An hourly job writes the Markdown digest, then the HTML page and the JSON for an alert
    # script: the second and third would find nothing new since the first.
    first, later = _split(tmp_path)
    db = str(tmp_path / "news.db")
    run("digest", str(first), "--db", db)
    page = run("digest", str(later), "--db", db).stdout
    news = "Since the previous digest of this database: 2 stories with new articles"
    assert news in page
    assert (
        "Nothing new" in run("digest", "--db", str(_copy(db, tmp_path)), "--format", "html").stdout
    )
    html = run("digest", "--db", db, "--format", "html", "--again").stdout
    assert news in html and html.count('<span class="news">new</span>') == 2
    alert = run("digest", "--db", db, "--format", "json", "--changed", "--again").stdout
    assert len(json.loads(alert)["changes"]["new_articles"]) == 2
    # Told again, the news is still the latest digest's; the next hour compares with it.
    assert "Nothing new" in run("digest", "--db", db).stdout
    assert run("digest", "--db", db, "--again").exit_code == 0
    assert "Nothing new" in run("digest", "--db", db, "--again").stdout
    assert run("digest", "--again").exit_code == 2  # no database: a usage error


def _copy(db: str, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    return copy


def test_the_mark_moves_only_once_the_output_is_written(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, later = _split(tmp_path)
    db = tmp_path / "news.db"
    run("digest", str(first), "--db", str(db))
    with Store(db) as store:
        mark = last_mark(store)
        newest = store.stored_after(Positions()).newest
        assert mark == newest and mark.articles == 9  # storing positions, not a clock

    def full_disk(path: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli_module, "write_whole", full_disk)
    failed = run("digest", str(later), "--db", str(db), "-o", str(tmp_path / "d.md"))
    assert failed.exit_code == 1
    with Store(db) as store:
        assert last_mark(store) == mark
    monkeypatch.undo()
    retried = run("digest", "--db", str(db))
    assert "2 stories with new articles (2 new articles)" in retried.stdout


def test_changed_needs_a_database_and_a_page(run: Run) -> None:
    without = run("digest", str(EXAMPLES), "--changed")
    assert without.exit_code == 2 and "--changed needs --db" in without.output
    as_csv = run("digest", str(EXAMPLES), "--db", "x.db", "--changed", "--format", "csv")
    assert as_csv.exit_code == 2
    assert not Path("x.db").exists()


def _story(story_id: str, *article_ids: str) -> Story:
    return Story(id=story_id, title=story_id, article_ids=article_ids)


def test_news_is_said_in_the_singular_and_plural() -> None:
    stories = [_story("s1", "a", "b"), _story("s2", "c"), _story("s3", "d", "e")]
    changes = Changes(frozenset({"b", "c", "d", "e"}), through=Positions(5), since=Positions(1))
    assert [story_news(s, changes) for s in stories] == ["1 new article", "new story", "new story"]
    assert changes_line(stories, changes) == (
        "Since the previous digest of this database: 2 new stories and 1 story with new "
        "articles (4 new articles)."
    )
    first = Changes(frozenset({"a", "b"}), through=Positions(2), since=None)
    assert story_news(stories[0], first) == "" and changes_line(stories, first) == ""
    assert changes_line(stories, None) == ""
    assert changes_line(stories, Changes(frozenset(), Positions(5), Positions(5))) == (
        "Nothing new since the previous digest of this database."
    )


def test_the_web_app_marks_what_the_latest_digest_found_new(run: Run, tmp_path: Path) -> None:
    testclient = pytest.importorskip("fastapi.testclient")
    from storyline.web import create_app

    first, later = _split(tmp_path)
    db = tmp_path / "news.db"
    run("digest", str(first), "--db", str(db))
    with testclient.TestClient(create_app(db)) as client:
        home = client.get("/").text  # a first digest: nothing marked
        assert "news-line" not in home and '<span class="news">' not in home
    run("digest", str(later), "--db", str(db))
    with testclient.TestClient(create_app(db)) as client:
        home = client.get("/").text
        assert "Since the previous digest of this database: 2 stories with new articles" in home
        assert home.count('<span class="news">1 new article</span>') == 2
        digest = client.get("/api/digest").json()
        bridge = next(s for s in digest["stories"] if "Kestrel Bridge" in s["title"])
        page = client.get(f"/stories/{bridge['id']}").text
        assert page.count('<span class="news">1 new article</span>') == 1
        assert page.count('<span class="news">new</span>') == 1
        rows = client.get("/api/stories").json()["stories"]
        assert sorted(row["new_articles"] for row in rows) == [0, 1, 1]
        assert not any(row["new_story"] for row in rows)
    run("digest", "--db", str(db))  # nothing new: the latest digest found nothing
    with testclient.TestClient(create_app(db)) as client:
        home = client.get("/").text
        assert "Nothing new since the previous digest of this database." in home
        assert '<span class="news">' not in home
        rows = client.get("/api/stories").json()["stories"]
        assert [row["new_articles"] for row in rows] == [0, 0, 0]
