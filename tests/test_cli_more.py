"""CLI commands on fixtures: skipped-input summaries, path dates, outlets, read-only stores,
output files, escaping, empty days."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from helpers_cli import EXAMPLES, Run
from storyline.store import Store


def test_a_script_reads_what_was_skipped_and_made_from_the_last_lines(
    run: Run, tmp_path: Path
) -> None:
    # A QA pass (session 13): 65 skipped lines over 5,000 articles said nothing in total,
    # and "wrote FILE" gave a scheduled job no count to check.
    feed = tmp_path / "export.jsonl"
    good = {"headline": "Ferry strike ends", "body": "Crews of the Velden ferry voted on Monday."}
    rows = [good, good, {"body": None}, {"body": None}, {"body": None}]
    feed.write_text("\n".join(json.dumps(row) for row in rows) + "\n{broken\n")
    out = tmp_path / "d.json"
    result = run("digest", str(feed), "--format", "json", "-o", str(out))
    assert result.exit_code == 0
    *_, counts, wrote = result.stderr.splitlines()
    assert counts == (
        "5 inputs skipped: 3 'body' is null, not text; 1 a copy of another record; 1 not valid JSON"
    )
    assert wrote == f"wrote {out}: 1 story, 1 article, 0 relations, 5 inputs skipped"
    shown = run("stories", str(feed), "-v")
    assert (
        shown.stderr.splitlines()[-1] == "done: 1 story, 1 article, 0 relations, 5 inputs skipped"
    )


def test_path_dates_date_a_crawl_filed_by_day(run: Run, tmp_path: Path) -> None:
    day = tmp_path / "crawl" / "2031-03-04"
    day.mkdir(parents=True)
    story = "Ferry strike ends\n\nThe ferries sail again on Monday, the union said.\n"
    (day / "ferry.txt").write_text(story, encoding="utf-8")
    plain = json.loads(run("digest", str(tmp_path / "crawl"), "--format", "json").stdout)
    assert plain["articles"][0]["published"] is None
    assert "--path-dates" in plain["notes"][0]
    dated = json.loads(
        run("digest", str(tmp_path / "crawl"), "--path-dates", "--format", "json").stdout
    )
    assert (dated["articles"][0]["published"], dated["articles"][0]["published_origin"]) == (
        "2031-03-04",
        "path",
    )
    assert dated["notes"] == [
        "1 of 1 article is dated by its folder or file name, not by a date of their own."
    ]
    db = str(tmp_path / "crawl.db")
    assert run("ingest", str(tmp_path / "crawl"), "--path-dates", "--db", db).exit_code == 0
    with Store(Path(db)) as store:
        assert store.article(dated["articles"][0]["id"]).published == "2031-03-04"


def test_a_date_from_the_path_is_marked_in_every_format(run: Run, tmp_path: Path) -> None:
    day = tmp_path / "crawl" / "2031-03-04"
    day.mkdir(parents=True)
    (day / "ferry.txt").write_text("Ferry strike ends\n\nThe ferries sail again.\n", "utf-8")
    crawl = str(tmp_path / "crawl")
    markdown = run("digest", crawl, "--path-dates").stdout
    assert "2031-03-04 (from its folder or file name)" in markdown
    html = run("digest", crawl, "--path-dates", "--format", "html").stdout
    assert 'title="dated by its folder or file name">2031-03-04*</time>' in html


def test_an_outlet_from_the_dateline_or_the_source_option(run: Run, tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    wire = "Ferry strike ends\n\nPORT ELLAND (Reuters) - The ferries sail again on Monday.\n"
    (crawl / "wire.txt").write_text(wire, encoding="utf-8")
    (crawl / "own.txt").write_text("Tram line opens\n\nThe trams run again.\n", "utf-8")
    named = "---\nsource: Elland Post\n---\nPier reopens\n\nThe pier reopened (AP) - today.\n"
    (crawl / "named.md").write_text(named, encoding="utf-8")
    linked = "---\nurl: https://valley.example/dam\n---\nDam inspected\n\nThe dam held.\n"
    (crawl / "linked.md").write_text(linked, encoding="utf-8")

    def sources(*options: str) -> dict[str, tuple[str, str]]:
        digest = json.loads(run("digest", str(crawl), "--format", "json", *options).stdout)
        return {a["title"]: (a["source"], a["id"]) for a in digest["articles"]}

    plain = sources()
    assert {title: source for title, (source, _) in plain.items()} == {
        "Ferry strike ends": "Reuters",
        "Tram line opens": "unknown",
        "Pier reopens": "Elland Post",
        "Dam inspected": "valley.example",
    }
    given = sources("--source", "Valley Courier")
    assert given["Tram line opens"][0] == "Valley Courier"
    assert given["Dam inspected"][0] == "Valley Courier"  # not a name guessed from the url
    assert given["Ferry strike ends"][0] == "Reuters"
    assert given["Pier reopens"][0] == "Elland Post"
    assert {title: id_ for title, (_, id_) in given.items()} == {
        title: id_ for title, (_, id_) in plain.items()
    }


def test_explain_in_html_is_refused_before_any_work(run: Run, tmp_path: Path) -> None:
    db = tmp_path / "never.db"
    result = run("stories", str(EXAMPLES), "--db", str(db), "--explain", "--format", "html")
    assert result.exit_code == 2
    assert "--explain is shown in Markdown and JSON" in result.stderr
    assert not db.exists()


def test_an_output_file_in_a_missing_folder_is_refused_before_any_work(
    run: Run, tmp_path: Path
) -> None:
    missing = tmp_path / "no-such-folder" / "digest.md"
    result = run("digest", str(EXAMPLES), "-o", str(missing))
    assert result.exit_code == 2
    assert f"folder {missing.parent} does not exist" in result.output
    assert not missing.parent.exists()


def test_search_has_no_html_page(run: Run, example_db: Path) -> None:
    result = run("search", "bridge", "--db", str(example_db), "--format", "html")
    assert result.exit_code == 2
    assert "'html' is not one of 'md', 'json'" in result.output


def test_a_search_with_no_word_is_a_usage_error(run: Run, example_db: Path) -> None:
    # "no match" would say the corpus lacks something; the query asked for nothing.
    for query in ("", "*", " -- "):
        result = run("search", query, "--db", str(example_db))
        assert result.exit_code == 2, query
        assert f"the query {query!r} has no word to search for" in result.output
    assert run("search", "Ørsted", "--db", str(example_db)).exit_code == 0  # a word, unmatched


def test_a_line_break_in_a_skipped_file_name_is_shown_escaped(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty\nskipped fake.txt: forged").write_text("")
    (folder / "gnp.\u202etxt").write_text("")  # reads "txt.png" on a terminal
    (folder / "ok.txt").write_text("Ferry strike ends\n\nCrews of the Velden ferry voted.\n")
    result = run("digest", str(folder))
    lines = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(lines) == 2
    assert "empty\\x0askipped fake.txt: forged" in lines[0]
    assert "gnp.\\u202etxt" in lines[1]


def test_an_option_value_the_library_refuses_is_a_usage_error(run: Run) -> None:
    result = run("digest", str(EXAMPLES), "--field", "headline=title")
    assert result.exit_code == 2
    assert "unknown field 'headline'" in result.output


def test_a_first_run_that_reads_nothing_leaves_no_database(run: Run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    db = tmp_path / "new.db"
    for command in ("ingest", "digest"):
        result = run(command, str(empty), "--db", str(db))
        assert result.exit_code == 1
        assert "no article could be read" in result.output
        assert not list(tmp_path.glob("new.db*"))


def test_a_date_not_read_is_a_note_not_a_skip(run: Run, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    item = {"title": "Ferry strike ends", "text": "Crews voted.", "published": "2031-13-01"}
    feed.write_text(json.dumps(item) + "\n")
    result = run("digest", str(feed))
    assert result.exit_code == 0
    assert f"note {feed}:1: date '2031-13-01' not read" in result.stderr
    assert "skipped" not in result.stderr and "skipped)" not in result.stdout


def test_a_note_on_an_item_delivered_again_is_no_input_skipped(run: Run, tmp_path: Path) -> None:
    # An hourly folder of feed snapshots: the 14:00 one gives again the item of 13:00, with
    # the same note; its note was listed, and counted, as an input skipped.
    item = {"id": "f1", "title": "Ferry strike ends", "text": "Crews voted.", "date": "2031-13-01"}
    hours = [tmp_path / "13", tmp_path / "14"]
    for hour in hours:
        hour.mkdir()
        (hour / "feed.jsonl").write_text(json.dumps(item) + "\n")
    db, out = str(tmp_path / "news.db"), tmp_path / "digest.json"
    run("digest", str(hours[0]), "--db", db)
    for inputs, skipped in (([hours[1]], "0 inputs"), (hours, "1 input")):  # a copy in one run
        result = run("digest", *map(str, inputs), "--db", db, "--format", "json", "-o", str(out))
        notes = [s for s in json.loads(out.read_text())["skipped"] if "not read" in s["reason"]]
        assert [note["path"] for note in notes] == [str(hours[0] / "feed.jsonl")]
        assert f"1 article, 0 relations, {skipped} skipped\n" in result.stderr


def test_a_read_only_database_is_analysed_in_a_copy(
    run: Run, example_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = run("digest", "--db", str(example_db), "--format", "json").stdout
    stored = example_db.read_bytes()
    monkeypatch.setattr("storyline.api.os.access", lambda path, mode: not mode & os.W_OK)
    result = run("digest", "--db", str(example_db), "--format", "json")
    assert result.exit_code == 0
    assert f"note: {example_db} is read-only: analysed in a temporary copy" in result.stderr
    assert result.stdout == before
    assert example_db.read_bytes() == stored


def test_an_html_page_shows_the_top_stories_unless_asked(
    run: Run, example_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import storyline.cli as cli_module

    monkeypatch.setattr(cli_module, "HTML_STORIES", 2)
    page = run("digest", "--db", str(example_db), "--format", "html").stdout
    assert "Showing the 2 most widely reported of 3 stories" in page
    assert "unless --max-stories is given" in page
    whole = run("digest", "--db", str(example_db), "--format", "html", "--max-stories", "0")
    assert "Showing" not in whole.stdout and "not shown" not in whole.stdout
    markdown = run("digest", "--db", str(example_db)).stdout
    assert "not shown" not in markdown


def test_every_markdown_view_escapes_html_from_articles(run: Run, tmp_path: Path) -> None:
    hostile = "<script>alert(1)</script>"
    text = (
        f"Floods closed the Marlow road on Monday, officials said {hostile}.\n"
        "The <b>river</b> rose two metres overnight, the \u202eagency said."
    )
    # Text files: a JSON record's markup would be read as HTML (tags dropped) at ingest.
    feed = tmp_path / "hostile"
    feed.mkdir()
    for n in (1, 2):
        front = f"---\nid: h{n}\ntitle: {hostile} Flood {n}\nsource: <i>Post</i>\n"
        page = f"{front}published: 2031-03-04\n---\n{text}\n"
        (feed / f"h{n}.txt").write_text(page, encoding="utf-8")
    for command in ("digest", "stories", "summarize", "timeline", "duplicates"):
        shown = run(command, str(feed), "-q").stdout
        assert "<script>" not in shown and "<b>" not in shown and "<i>" not in shown, command
        assert "\u202e" not in shown, command
        assert "\\<script\\>" in shown, command
    page = run("digest", str(feed), "-q", "--format", "html").stdout
    assert "\u202e" not in page and "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Flood" in page


def test_contradictory_timeline_and_ingest_requests_are_refused(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    both = run("timeline", "--db", str(example_db), "--corpus", "--story", "s8b8")
    assert both.exit_code == 2 and "--story and --corpus exclude each other" in both.output
    reversed_span = run(
        "timeline", "--db", str(example_db), "--from", "2025-03-10", "--to", "2025-03-01"
    )
    assert reversed_span.exit_code == 2 and "is after end" in reversed_span.output
    missing = run("digest", "--db", str(tmp_path / "nope.db"))
    assert missing.exit_code == 1 and "no database at" in missing.output
    assert not (tmp_path / "nope.db").exists()
    one = tmp_path / "one.jsonl"
    one.write_text('{"title": "Dam breach", "text": "The Harwick dam broke on Monday."}\n')
    assert "; 1 article in " in run("ingest", str(one), "--db", str(tmp_path / "o.db")).output


def test_stories_with_nothing_in_the_window_are_counted_not_printed_empty(
    run: Run, example_db: Path
) -> None:
    every = run("timeline", "--db", str(example_db)).output
    none = run("timeline", "--db", str(example_db), "--from", "2040-01-01").output
    shown = every.count("\n## ")
    assert shown > 1 and "\n## " not in none
    assert f"> {shown} stories with no timeline entry are not shown." in none


def test_an_empty_day_says_the_output_is_of_what_is_stored(
    run: Run, example_db: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "2031-03-05"
    empty.mkdir()
    quiet_day = run("digest", str(empty), "--db", str(example_db), "-q")
    assert quiet_day.exit_code == 0
    assert "note: no article was read from the inputs; the output is of the" in quiet_day.stderr
    again = run("digest", str(EXAMPLES), "--db", str(example_db), "-q")
    assert again.exit_code == 0 and "no article was read" not in again.stderr


def test_an_article_is_not_compared_with_itself(run: Run, example_db: Path) -> None:
    same = run("compare", "cp-kestrel-0304", "cp-kestrel-0304", "--db", str(example_db))
    assert same.exit_code == 2 and "two different articles" in same.output


def test_a_feed_teaser_with_no_text_left_is_named_in_a_note(run: Run, tmp_path: Path) -> None:
    # An item whose only words are the feed's "Read the full story" link is no story, and
    # "1 story from 2 articles" must say where the other article went.
    records = [
        {"id": "a", "title": "Ferry strike ends", "published": "2031-03-04",
         "text": "Ferry crews in Velden voted on Monday to end the strike, the union said."},
        {"id": "b", "title": "Ferry fares", "published": "2031-03-04",
         "text": "Read the full story on our site."},
    ]  # fmt: skip
    feed = tmp_path / "items.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    digest = json.loads(run("digest", str(feed), "--format", "json", "-q").stdout)
    assert [s["article_ids"] for s in digest["stories"]] == [["a"]]
    assert digest["notes"] == [
        "1 of 2 articles has no text left after cleaning (only site furniture, such as a feed "
        'item\'s "Read the full story"): it is in no story (b).'
    ]
