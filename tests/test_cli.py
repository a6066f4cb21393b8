"""Every CLI command through click's CliRunner, on the example corpus and on small fixtures."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from helpers_cli import EXAMPLES, Run
from storyline import current
from storyline.cli import cli
from storyline.store import Store


def _ids_by_source(digest: dict[str, Any]) -> dict[tuple[str, str], str]:
    return {(a["source"], a["title"]): a["id"] for a in digest["articles"]}


def _story_of(digest: dict[str, Any], article_id: str) -> str:
    for story in digest["stories"]:
        if article_id in story["article_ids"]:
            return str(story["id"])
    raise AssertionError(f"{article_id} is in no story")


def test_json_output_is_the_digest_saved_in_the_store(example_db: Path) -> None:
    result = CliRunner().invoke(cli, ["digest", "--db", str(example_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    with Store(example_db, readonly=True) as store:
        saved = store.load_digest()
    assert saved is not None and json.loads(saved)["stories"]
    assert result.stdout.rstrip("\n") == saved


def test_digest_json_schema(example_digest: dict[str, Any]) -> None:
    assert example_digest["version"] == "1.2"
    assert set(example_digest) >= {"version", "articles", "stories", "relations", "skipped"}
    article = example_digest["articles"][0]
    expected = {"id", "title", "source", "url", "published", "language", "path", "words"}
    assert set(article) >= expected
    assert len(example_digest["articles"]) == 11
    assert example_digest["skipped"] == []
    sources = {a["source"] for a in example_digest["articles"]}
    assert sources == {
        "Coastline Press",
        "Harbor Herald",
        "Marlow Gazette",
        "Newsfeed Hub",
        "Tidewater Daily",
        "Valley Voice",
    }


def test_digest_groups_the_example_stories(example_digest: dict[str, Any]) -> None:
    articles = example_digest["articles"]
    strike = [a["id"] for a in articles if (a["published"] or "") < "2025-03-06"]
    robotics = [a["id"] for a in articles if "obotics" in a["title"]]
    drought = [a["id"] for a in articles if "eservoir" in a["title"] or "Hosepipe" in a["title"]]
    assert len(strike) == 5 and len(robotics) == 2 and len(drought) == 2
    assert len({_story_of(example_digest, i) for i in strike}) == 1
    assert len({_story_of(example_digest, i) for i in robotics}) == 1
    assert len({_story_of(example_digest, i) for i in drought}) == 1
    three = {_story_of(example_digest, i) for i in (strike[0], robotics[0], drought[0])}
    assert len(three) == 3


def _relation(digest: dict[str, Any], x: str, y: str) -> dict[str, Any]:
    for relation in digest["relations"]:
        if {relation["a"], relation["b"]} == {x, y}:
            return dict(relation)
    raise AssertionError(f"no relation between {x} and {y}")


def test_digest_finds_copies_and_rewrites(example_digest: dict[str, Any]) -> None:
    def find(source: str, title: str) -> str:
        (found,) = [
            a["id"]
            for a in example_digest["articles"]
            if a["source"] == source and a["title"].startswith(title)
        ]
        return str(found)

    wire = find("Coastline Press", "Cargo ship strikes")
    gazette = find("Marlow Gazette", "Cargo ship strikes")
    tidewater = find("Tidewater Daily", "Ship hits Kestrel")
    herald = find("Harbor Herald", "Commuters face")
    farm = find("Newsfeed Hub", "Motorists forced")
    assert _relation(example_digest, wire, gazette)["kind"] == "duplicate"
    assert _relation(example_digest, wire, tidewater)["kind"] == "near-duplicate"
    rewrite = _relation(example_digest, herald, farm)
    assert rewrite["kind"] == "rewrite"
    assert rewrite["original"] == herald
    quote = _relation(example_digest, wire, herald)
    assert quote["kind"] == "shares-passages"
    assert any("engineers are certain" in p["a_text"] for p in quote["passages"])


def test_every_summary_sentence_cites_an_article_containing_it(
    example_digest: dict[str, Any], example_db: Path
) -> None:
    with Store(example_db) as store:
        texts = {a.id: a.text for a in store.articles()}
    claims = [c for story in example_digest["stories"] for c in story["summary"]]
    assert claims
    for claim in claims:
        assert claim["support"], claim
        assert claim["text"] in texts[claim["article_id"]]
        assert claim["article_id"] in claim["support"]


def test_digest_markdown_and_html(run: Run, example_db: Path, tmp_path: Path) -> None:
    markdown = run("digest", "--db", str(example_db))
    assert markdown.exit_code == 0
    assert "Kestrel Bridge" in markdown.stdout
    assert "Vellmore" in markdown.stdout
    out = tmp_path / "report.html"
    html = run("digest", "--db", str(example_db), "--format", "html", "-o", str(out))
    assert html.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") or page.startswith("<!doctype html>")
    assert 'src="http' not in page and '<link rel="stylesheet" href="http' not in page
    assert f"wrote {out}" in html.stderr
    quiet = run("digest", "--db", str(example_db), "-q", "-o", str(tmp_path / "q.md"))
    assert quiet.exit_code == 0
    assert quiet.stderr == ""
    assert (tmp_path / "q.md").read_text(encoding="utf-8") == markdown.stdout


def test_digest_max_stories_keeps_the_most_widely_reported(run: Run, example_db: Path) -> None:
    top = run("digest", "--db", str(example_db), "--max-stories", "1")
    assert top.exit_code == 0
    assert "## 1. Cargo ship strikes Kestrel Bridge" in top.stdout  # 7 articles, 6 outlets
    assert "## 2." not in top.stdout
    assert "> Showing the most widely reported of 3 stories; 2 more stories (4 articles) are" in (
        top.stdout
    )
    refused = run("digest", "--db", str(example_db), "--max-stories", "1", "--format", "json")
    assert refused.exit_code == 2
    assert "--max-stories and --since apply to md and html" in refused.output
    recent = run("digest", "--db", str(example_db), "--since", "2025-03-12")
    assert recent.exit_code == 0
    assert "## 1. Cargo ship strikes Kestrel Bridge" in recent.stdout  # last article 03-13
    assert "## 2." not in recent.stdout
    assert run("digest", "--db", str(example_db), "--since", "March 12").exit_code == 2
    impossible = run("digest", "--db", str(example_db), "--since", "2025-02-30")
    assert impossible.exit_code == 2
    assert "'2025-02-30' is not a day of the calendar" in impossible.output
    for command in ("stories", "summarize", "timeline"):
        listed = run(command, "--db", str(example_db), "--max-stories", "1")
        assert listed.exit_code == 0, command
        assert "> Showing the most widely reported of 3 stories" in listed.stdout, command
        assert listed.stdout.count("\n## ") == 1, command
        assert "Kestrel Bridge" in listed.stdout, command


def test_ingest_twice_adds_nothing(run: Run, tmp_path: Path) -> None:
    db = str(tmp_path / "twice.db")
    first = run("ingest", str(EXAMPLES), "--db", db)
    assert first.exit_code == 0
    assert first.stdout.startswith("11 added, 0 updated, 0 unchanged, 0 skipped")
    second = run("ingest", str(EXAMPLES), "--db", db)
    assert second.stdout.startswith("0 added, 0 updated, 11 unchanged, 0 skipped")


def test_bad_inputs_are_named_and_the_rest_goes_on(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    good = {"id": "ok-1", "title": "Council approves new library", "text": "The council voted."}
    (folder / "feed.jsonl").write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = run("digest", str(folder), "--format", "json")
    assert result.exit_code == 0
    skipped = json.loads(result.stdout)["skipped"]
    assert {(s["path"].rsplit("/", 1)[-1], s["record"]) for s in skipped} == {
        ("feed.jsonl", 2),
        ("empty.txt", 0),
    }
    assert "feed.jsonl:2" in result.stderr
    assert "empty.txt" in result.stderr


def test_nothing_readable_is_an_error(run: Run, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(cli, ["digest", str(tmp_path / "empty.txt")])
    assert result.exit_code == 1
    assert "no article could be read" in result.stderr


def test_strict_fails_on_any_skip(tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "feed.jsonl").write_text('{"text": "A fine article."}\n{broken\n', "utf-8")
    db = str(tmp_path / "strict.db")
    result = CliRunner().invoke(cli, ["ingest", str(inputs), "--strict", "--db", db])
    assert result.exit_code == 1
    assert "feed.jsonl:2" in result.stderr


def test_stdin_gzip_and_field_override(run: Run, tmp_path: Path) -> None:
    record = {"uid": "x-1", "headline": "Dam opens", "body": "The new dam opened on Friday."}
    line = json.dumps(record) + "\n"
    piped = run(
        "ingest",
        "-",
        "--field",
        "id=uid",
        "--field",
        "title=headline",
        "--field",
        "text=body",
        "--db",
        str(tmp_path / "s.db"),
        input=line,
    )
    assert piped.stdout.startswith("1 added")
    with Store(tmp_path / "s.db") as store:
        assert store.article("x-1").title == "Dam opens"
    packed = tmp_path / "feed.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "z-1", "title": "Zoo", "text": "A zoo opened."}) + "\n")
    zipped = run("ingest", str(packed), "--db", str(tmp_path / "s.db"))
    assert zipped.stdout.startswith("1 added")


def test_duplicates_command(run: Run, example_db: Path) -> None:
    result = run("duplicates", "--db", str(example_db), "--format", "json")
    payload = json.loads(result.stdout)
    assert {r["kind"] for r in payload["relations"]} >= {"duplicate", "rewrite"}
    assert any(len(g["article_ids"]) >= 2 for g in payload["groups"])
    text = run("duplicates", "--db", str(example_db)).stdout
    assert "rewrite" in text and "Duplicate group" in text


def test_stories_explain(run: Run, example_db: Path) -> None:
    result = run("stories", "--db", str(example_db), "--explain")
    assert result.exit_code == 0
    assert "founded the story" in result.stdout
    assert "joined with score" in result.stdout
    payload = json.loads(
        run("stories", "--db", str(example_db), "--format", "json", "--explain").stdout
    )
    assert len(payload["assignments"]) == 11


def test_timeline_command(run: Run, example_db: Path) -> None:
    payload = json.loads(run("timeline", "--db", str(example_db), "--format", "json").stdout)
    dates = [e["date"] for s in payload["stories"] for e in s["timeline"]]
    assert "2025-03-03" in dates  # "late on Monday" in articles published Tuesday 4 March
    whole = json.loads(
        run("timeline", "--db", str(example_db), "--corpus", "--format", "json").stdout
    )
    assert whole["timeline"] == sorted(whole["timeline"], key=lambda e: e["date"])
    clipped = json.loads(
        run(
            "timeline",
            "--db",
            str(example_db),
            "--corpus",
            "--from",
            "2025-03-10",
            "--format",
            "json",
        ).stdout
    )
    # A month overlaps the range when it is the range's first month or later.
    assert all(e["date"] >= "2025-03-10"[: len(e["date"])] for e in clipped["timeline"])
    assert any(e["date"] == "2025-03-11" for e in clipped["timeline"])


def test_summarize_command(run: Run, example_db: Path) -> None:
    payload = json.loads(
        run("summarize", "--db", str(example_db), "--max-words", "40", "--format", "json").stdout
    )
    for story in payload["stories"]:
        words = sum(len(c["text"].split()) for c in story["summary"])
        assert words <= 40
    both = CliRunner().invoke(
        cli, ["summarize", "--db", str(example_db), "--max-words", "5", "--max-bytes", "9"]
    )
    assert both.exit_code == 2


def test_a_story_is_named_by_its_id_or_a_unique_start_of_it(
    run: Run, example_db: Path, example_digest: dict[str, Any]
) -> None:
    ids = [story["id"] for story in example_digest["stories"]]
    markdown = run("digest", "--db", str(example_db)).stdout
    assert all(f"· id {story_id}\n" in markdown for story_id in ids)
    start = next(
        story_id[:n]
        for story_id in ids
        for n in range(2, len(story_id))
        if sum(other.startswith(story_id[:n]) for other in ids) == 1
    )
    whole = next(story_id for story_id in ids if story_id.startswith(start))
    for given in (whole, start):
        shown = run("summarize", "--db", str(example_db), "--story", given, "--format", "json")
        assert [story["id"] for story in json.loads(shown.stdout)["stories"]] == [whole]
    every = run("summarize", "--db", str(example_db), "--story", "s")
    assert every.exit_code != 0
    assert "'s' starts 3 story ids" in every.stderr
    assert (
        "no story with id 'zz' among the 3 stories of this corpus (`storyline stories` lists"
        in run("timeline", "--db", str(example_db), "--story", "zz").stderr
    )


def test_search_and_compare(run: Run, example_db: Path, tmp_path: Path) -> None:
    hits = json.loads(run("search", "hosepipe", "--db", str(example_db), "--format", "json").stdout)
    assert hits and all("osepipe" in (h["title"] + h["snippet"]) for h in hits)
    hostile = run("search", '"; DROP TABLE articles; --', "--db", str(example_db))
    assert hostile.exit_code == 0
    shown = run("compare", "td-2025-0304-bridge", "cp-kestrel-0304", "--db", str(example_db))
    assert shown.exit_code == 0
    assert "engineers are certain" in shown.stdout
    page = tmp_path / "compare.html"
    run(
        "compare",
        "td-2025-0304-bridge",
        "cp-kestrel-0304",
        "--db",
        str(example_db),
        "--html",
        "-o",
        str(page),
    )
    assert "<mark" in page.read_text(encoding="utf-8")


def test_missing_article_and_missing_db(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = runner.invoke(cli, ["compare", "a", "b", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1
    assert "storyline ingest" in missing.stderr
    assert runner.invoke(cli, ["serve"]).exit_code == 2


def test_migrate(run: Run, example_db: Path) -> None:
    result = run("migrate", "--db", str(example_db))
    assert "schema version" in result.stdout


def test_a_rewrite_adds_no_independent_voice(
    example_digest: dict[str, Any], example_db: Path
) -> None:
    sources = {a["id"]: a["source"] for a in example_digest["articles"]}
    # A longer summary, so that it reaches the statements only the rewrite pair makes.
    args = ["summarize", "--db", str(example_db), "--max-words", "400", "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    claims = [c for s in json.loads(result.stdout)["stories"] for c in s["summary"]]
    rewritten = [
        c for c in claims if {sources[i] for i in c["support"]} == {"Harbor Herald", "Newsfeed Hub"}
    ]
    assert rewritten
    assert all(c["outlets"] == 1 for c in rewritten)


def test_serve_refuses_a_missing_database_before_starting(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "storyline ingest PATH --db" in result.stderr


def test_verbose_prints_one_timing_line_per_stage(run: Run, example_db: Path) -> None:
    for verbose in (False, True):  # each run analyses: none reads the stored digest back
        with Store(example_db) as store:  # (see storyline.current)
            current.forget(store)
        result = run("digest", "--db", str(example_db), "--format", "json", *["-v"] * verbose)
    lines = [
        re.fullmatch(r"(\w+): [\d.]+ s(?: \((.+)\))?", line) for line in result.stderr.splitlines()
    ]
    timed = {m[1]: m[2] for m in lines if m}
    assert list(timed) == ["clean", "dedup", "stories", "timeline", "summary"]
    # Nothing changed since the run before: what it computed is kept, not recomputed.
    assert timed["timeline"] == timed["summary"] == "3 of 3 stories reused from the last run"
    assert re.fullmatch(r"(\d+) of \1 compared pairs reused from the last run", timed["dedup"])
    quiet = run("digest", "--db", str(example_db), "-q", "--format", "json")
    assert quiet.stderr == ""
