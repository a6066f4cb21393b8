"""Flat tables of a digest: one row per article with its labels, one row per relation."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.model import Article, Digest, DuplicateGroup, Relation, Story
from storyline.render import article_rows, articles_csv, relation_rows, relations_csv

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "news"


def _article(article_id: str, title: str = "A title", published: str | None = None) -> Article:
    return Article(
        id=article_id,
        title=title,
        text="Some words here.",
        raw_text="Some words here.",
        source="Northwire",
        published=published,
        language="en",
        path="feed.jsonl",
        record=3,
    )


DIGEST = Digest(
    articles=(
        _article("wire", 'Bridge "closed", cables\ncracked', "2031-03-03T08:00:00"),
        _article("copy"),
        _article("alone"),
    ),
    stories=(
        Story(id="s1", title="Bridge", article_ids=("wire", "copy"), topic_id="t1"),
        Story(id="s2", title="Other", article_ids=("alone",)),
    ),
    groups=(DuplicateGroup(id="g1", representative="wire", article_ids=("copy", "wire")),),
    relations=(
        Relation(a="copy", b="wire", kind="duplicate", similarity=1.0, original="wire"),
        Relation(a="alone", b="wire", kind="shares-passages", similarity=0.25, reason="undecided"),
    ),
)


def test_each_article_carries_its_story_topic_group_and_whether_it_is_kept() -> None:
    rows = {row.article_id: row for row in article_rows(DIGEST)}
    assert [row.article_id for row in article_rows(DIGEST)] == ["wire", "copy", "alone"]
    assert (rows["wire"].story_id, rows["wire"].topic_id, rows["wire"].group_id) == (
        "s1",
        "t1",
        "g1",
    )
    assert rows["wire"].representative and not rows["copy"].representative
    # An article in no group is the one copy of its text: kept, with no group id.
    assert (rows["alone"].group_id, rows["alone"].representative) == ("", True)
    assert (rows["alone"].story_id, rows["alone"].topic_id) == ("s2", "")
    assert (rows["wire"].published, rows["copy"].published) == ("2031-03-03T08:00:00", "")
    assert (rows["wire"].source, rows["wire"].path, rows["wire"].record) == (
        "Northwire",
        "feed.jsonl",
        3,
    )


def test_the_article_csv_reads_back_cell_for_cell() -> None:
    text = articles_csv(DIGEST)
    read = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0] == (
        "article_id,story_id,topic_id,group_id,representative,source,published,language,"
        "title,url,path,record,words"
    )
    assert [row["article_id"] for row in read] == ["wire", "copy", "alone"]
    assert read[0]["title"] == 'Bridge "closed", cables\ncracked'  # quoted, not split
    assert [row["representative"] for row in read] == ["true", "false", "true"]
    assert read[0]["words"] == "3"


def test_the_relation_csv_names_who_copied_whom() -> None:
    assert [(r.a, r.b, r.original, r.passages) for r in relation_rows(DIGEST)] == [
        ("copy", "wire", "wire", 0),
        ("alone", "wire", "", 0),
    ]
    read = list(csv.DictReader(io.StringIO(relations_csv(DIGEST))))
    assert read[1] == {
        "a": "alone",
        "b": "wire",
        "kind": "shares-passages",
        "similarity": "0.25",
        "containment_a": "0.0",
        "containment_b": "0.0",
        "original": "",
        "reason": "undecided",
        "passages": "0",
        "figures_differ": "",
    }


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("table") / "examples.db"


def _invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_digest_and_stories_csv_label_every_article_as_the_json_does(example_db: Path) -> None:
    code, out, _ = _invoke("digest", str(EXAMPLES), "--db", str(example_db), "--format", "json")
    assert code == 0
    digest = json.loads(out)
    story_of = {a: s["id"] for s in digest["stories"] for a in s["article_ids"]}
    kept = {g["representative"] for g in digest["groups"]}
    grouped = {a for g in digest["groups"] for a in g["article_ids"]}
    for command in ("digest", "stories"):
        code, out, _ = _invoke(command, "--db", str(example_db), "--format", "csv")
        assert code == 0
        rows = list(csv.DictReader(io.StringIO(out)))
        assert [row["article_id"] for row in rows] == [a["id"] for a in digest["articles"]]
        assert {row["article_id"]: row["story_id"] for row in rows} == story_of
        assert {row["article_id"] for row in rows if row["representative"] == "true"} == (
            kept | (set(story_of) - grouped)
        )
    code, out, _ = _invoke("duplicates", "--db", str(example_db), "--format", "csv")
    assert code == 0
    pairs = [(row["a"], row["b"], row["kind"]) for row in csv.DictReader(io.StringIO(out))]
    assert pairs == [(r["a"], r["b"], r["kind"]) for r in digest["relations"]]


@pytest.mark.parametrize(
    "args",
    [
        ("timeline", "--format", "csv"),
        ("summarize", "--format", "csv"),
        ("digest", "--format", "csv", "--max-stories", "2"),
        ("stories", "--format", "csv", "--explain"),
    ],
)
def test_csv_where_there_is_no_table_is_a_usage_error(
    args: tuple[str, ...], tmp_path: Path
) -> None:
    code, _, err = _invoke(*args, str(EXAMPLES), "--db", str(tmp_path / "x.db"))
    assert code == 2 and "csv" in err.lower()
    assert not (tmp_path / "x.db").exists()  # refused before any work


FORMULAS = (
    '=HYPERLINK("http://evil.example","click")',
    "+1-555-0100 hotline",
    "-2 degrees overnight",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
)


def _titled(*titles: str) -> Digest:
    return Digest(
        articles=tuple(_article(f"a{i}", title) for i, title in enumerate(titles)), stories=()
    )


def test_a_title_that_starts_a_formula_is_text_in_a_spreadsheet() -> None:
    # On main, '=HYPERLINK(...)' was written as it is: Excel and LibreOffice run it.
    read = list(csv.DictReader(io.StringIO(articles_csv(_titled(*FORMULAS, "Plain")))))
    assert [row["title"] for row in read] == [*("'" + title for title in FORMULAS), "Plain"]
    # Numbers stay numbers: the record and word counts carry no quote.
    assert {(row["record"], row["words"]) for row in read} == {("3", "3")}
    relation = Relation(
        a="a0", b="a1", kind="rewrite", similarity=-0.5, reason="=cmd|' /C calc'!A0"
    )
    line = relations_csv(Digest(articles=(), stories=(), relations=(relation,))).splitlines()[1]
    assert line == "a0,a1,rewrite,-0.5,0.0,0.0,,'=cmd|' /C calc'!A0,0,"  # no figure differs


def test_a_separator_of_another_locale_cannot_open_a_cell_with_a_formula() -> None:
    # Excel in a semicolon locale splits 'x;=1+1' into two cells unless it is quoted.
    text = articles_csv(_titled("Rates; =1+1", "Tab\t@x"))
    assert '"Rates; =1+1"' in text and '"Tab\t@x"' in text
    assert [row["title"] for row in csv.DictReader(io.StringIO(text))] == [
        "Rates; =1+1",
        "Tab\t@x",
    ]


def test_raw_cells_are_written_as_given_when_asked() -> None:
    digest = _titled(*FORMULAS, "Rates; cut")
    read = list(csv.DictReader(io.StringIO(articles_csv(digest, escape_formulas=False))))
    assert [row["title"] for row in read] == [*FORMULAS, "Rates; cut"]
    assert "\nRates; cut" not in articles_csv(digest) and ",Rates; cut," in articles_csv(
        digest, escape_formulas=False
    )
