"""The ingest run over a store: files read before are passed over while unchanged, and which
of two records of one id is kept does not depend on the order of the inputs."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.ingest import IngestOptions
from storyline.model import Skipped
from storyline.store import Store

PAGE = "{title}\n\n{body} The council met on Monday to discuss the {n} plans for the harbour.\n"


def _write_pages(folder: Path, names: range) -> None:
    for n in names:
        day = folder / f"2024-05-0{1 + n % 3}"
        day.mkdir(parents=True, exist_ok=True)
        body = f"Page {n} reports that ferry crews voted on wages in Velden."
        (day / f"page{n}.txt").write_text(PAGE.format(title=f"Ferry vote {n}", body=body, n=n))


def _ingest(
    paths: list[Path], db: Path, options: IngestOptions | None = None
) -> pipeline.IngestReport:
    run = pipeline.RunOptions(ingest=options or IngestOptions())
    with Store(db) as store:
        return pipeline.ingest(paths, store, run)


def test_an_unchanged_file_is_not_read_again(tmp_path: Path, reads: list[str]) -> None:
    """An hourly run over a growing folder reads only the new and changed files; the counts
    stay true (on main every file was read again, only to be found unchanged)."""
    crawl, db = tmp_path / "crawl", tmp_path / "a.db"
    _write_pages(crawl, range(6))
    first = _ingest([crawl], db)
    assert (first.added, len(reads)) == (6, 6)
    reads.clear()
    _write_pages(crawl, range(6, 8))
    changed = crawl / "2024-05-01" / "page0.txt"
    changed.write_text(changed.read_text() + "A correction was appended.\n")
    second = _ingest([crawl], db)
    # a page's id hashes its text: the corrected page is a new article beside the old one
    assert (second.added, second.updated, second.unchanged) == (3, 0, 5)
    assert sorted(Path(label).name for label in reads) == ["page0.txt", "page6.txt", "page7.txt"]
    reads.clear()
    third = _ingest([crawl], db)
    assert (third.added, third.updated, third.unchanged, reads) == (0, 0, 8, [])


def test_another_option_or_code_reads_every_file_again(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    crawl, db = tmp_path / "crawl", tmp_path / "a.db"
    _write_pages(crawl, range(3))
    _ingest([crawl], db)
    reads.clear()
    dated = _ingest([crawl], db, IngestOptions(path_dates=True))
    assert (len(reads), dated.updated) == (3, 3)  # the folder now dates each page
    reads.clear()
    _ingest([crawl], db, IngestOptions(path_dates=True))
    assert reads == []
    from storyline.fingerprint import code_fingerprint

    monkeypatch.setattr(
        "storyline.ingestrun.code_fingerprint", lambda roots: code_fingerprint(roots) + b"new"
    )
    again = _ingest([crawl], db, IngestOptions(path_dates=True))
    assert (len(reads), again.unchanged) == (3, 3)


def test_a_file_that_is_gone_deletes_nothing(tmp_path: Path) -> None:
    crawl, db = tmp_path / "crawl", tmp_path / "a.db"
    _write_pages(crawl, range(3))
    _ingest([crawl], db)
    (crawl / "2024-05-01" / "page0.txt").unlink()
    report = _ingest([crawl], db)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 2)
    with Store(db) as store:
        assert store.count_articles() == 3


def test_a_file_passed_over_reports_its_skips_notes_and_warnings_again(
    tmp_path: Path, reads: list[str]
) -> None:
    feed, db = tmp_path / "feed.jsonl", tmp_path / "a.db"
    records = [
        {"body": "The Velden ferry crews voted to end their strike.", "date": "2024-13-01"},
        "not an object",
        {"body": None},
        {"body": "The harbour reopened to freight on Tuesday morning.", "meta": {"lang": "en"}},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n")
    options = IngestOptions(fields=(("text", "body"), ("language", "meta.lnag")))
    first = _ingest([feed], db, options)
    reads.clear()
    second = _ingest([feed], db, options)
    assert reads == []
    assert len(first.skipped) == 3 and len(first.notes) == 1 and len(first.warnings) == 1
    assert (second.skipped, second.notes, second.warnings) == (
        first.skipped,
        first.notes,
        first.warnings,
    )
    assert (second.added, second.unchanged) == (0, 2)
    with Store(db) as store:
        assert len(store.skipped()) == 4


def test_a_file_whose_article_another_replaced_is_read_again_without_it(
    tmp_path: Path, reads: list[str]
) -> None:
    a, b, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "a.db"
    a.write_text(json.dumps({"id": "7", "text": "Ferry crews voted.", "published": "2024-05-01"}))
    _ingest([a], db)
    b.write_text(json.dumps({"id": "7", "text": "The mayor resigned.", "published": "2024-05-09"}))
    second = _ingest([a, b], db)
    assert (second.updated, second.unchanged) == (1, 0)
    reads.clear()
    # both passed over: the rule picks b's record again, as stored
    third = _ingest([b, a], db)
    assert (reads, third.updated, third.unchanged) == ([], 0, 1)
    assert [s.where for s in third.skipped] == [f"{a}:1"]
    # a alone: its article is not stored as it gave it, so it is read, and a later run's
    # text replaces the stored one
    fourth = _ingest([a], db)
    assert (reads, fourth.updated, fourth.unchanged) == ([str(a)], 1, 0)
    with Store(db) as store:
        assert store.article("7").text == "Ferry crews voted."


def _feed(path: Path, text: str, published: str | None) -> Path:
    record = {"id": "1", "title": "Ferry", "text": text, "published": published}
    path.write_text(json.dumps(record) + "\n")
    return path


def test_which_record_of_an_id_is_kept_does_not_depend_on_the_order(tmp_path: Path) -> None:
    """The same text under two dates, and another text dated between them: in every order of
    the inputs the same record is stored and the same skips are given (on main, the text read
    last won: three different articles for six orders)."""
    text = "Crews of the Velden ferry voted to end their strike."
    feeds = [
        _feed(tmp_path / "p1.jsonl", text, "2024-05-09"),
        _feed(tmp_path / "p2.jsonl", text, "2024-05-01"),
        _feed(tmp_path / "p3.jsonl", "The mayor of Norvale resigned on Friday.", "2024-05-05"),
        _feed(tmp_path / "p4.jsonl", "The harbour reopened.", None),
    ]
    outcomes = set()
    for n, order in enumerate(itertools.permutations(feeds)):
        db = tmp_path / f"{n}.db"
        report = _ingest(list(order), db)
        with Store(db) as store:
            (article,) = store.articles()
            versions = store.versions(article.id)
        skips = tuple(sorted((s.where, s.reason) for s in report.skipped))
        counts = (report.added, report.updated, report.unchanged)
        outcomes.add((article.text, article.published, article.path, skips, counts, len(versions)))
    assert len(outcomes) == 1
    ((text_kept, published, path, skips, counts, versions),) = outcomes
    # the text published latest (its copies count by the latest), as its earliest copy
    assert (text_kept, published, path, counts, versions) == (
        text,
        "2024-05-01",
        str(feeds[1]),
        (1, 0, 0),
        0,
    )
    assert [where for where, _ in skips] == [f"{feeds[0]}:1", f"{feeds[2]}:1", f"{feeds[3]}:1"]
    assert (
        skips[0][1] == f"a copy of {feeds[1]}:1, published earlier, (same title, text, url "
        "and source)"
    )
    assert skips[1][1] == (
        f"replaced by {feeds[1]}:1, which gives the same id '1' to other content (published later)"
    )


def test_a_later_run_still_replaces_the_stored_text(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    _ingest([_feed(tmp_path / "a.jsonl", "Ferry crews voted.", "2024-05-09")], db)
    report = _ingest([_feed(tmp_path / "b.jsonl", "The mayor resigned.", "2024-05-01")], db)
    assert (report.added, report.updated) == (0, 1)
    with Store(db) as store:
        assert store.article("1").text == "The mayor resigned."
        assert [v.text for v in store.versions("1")] == ["Ferry crews voted."]


def test_an_undated_copy_gives_way_to_a_dated_one(tmp_path: Path) -> None:
    undated = _feed(tmp_path / "a.jsonl", "Ferry crews voted.", None)
    dated = _feed(tmp_path / "b.jsonl", "Ferry crews voted.", "2024-05-09")
    for order in ([undated, dated], [dated, undated]):
        db = tmp_path / f"{order[0].stem}.db"
        report = _ingest(order, db)
        with Store(db) as store:
            assert store.article("1").published == "2024-05-09"
        assert [(s.where, s.reason) for s in report.skipped] == [
            (
                f"{undated}:1",
                f"a copy of {dated}:1, which is dated, (same title, text, url and source)",
            )
        ]


def test_a_file_of_more_records_than_are_remembered_is_read_again(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("storyline.ingestrun.MAX_REMEMBERED", 2)
    small, large, db = tmp_path / "small.jsonl", tmp_path / "large.jsonl", tmp_path / "a.db"
    _feed(small, "Ferry crews voted.", None)
    texts = ("Ferry crews voted.", "The mayor resigned.", "The harbour reopened.")
    large.write_text("\n".join(json.dumps({"text": text}) for text in texts) + "\n")
    _ingest([small, large], db)
    reads.clear()
    report = _ingest([small, large], db)
    assert (reads, report.unchanged) == ([str(large)], 4)


def _dump_lines(start: int, stop: int) -> str:
    words = "crews of the Velden ferry voted on wages and the harbour board met again"
    return "".join(
        json.dumps({"id": f"r{n}", "text": f"Item {n}: {words} on day {n}.", "date": "2024-05-01"})
        + "\n"
        for n in range(start, stop)
    )


def test_a_grown_json_lines_dump_is_read_from_where_it_ended(
    tmp_path: Path, reads: list[str]
) -> None:
    """Only the lines appended are read (on main the whole dump was read again); the result
    is what reading the whole file gives: the same articles, line numbers and skips."""
    dump, db, whole = tmp_path / "dump.jsonl", tmp_path / "a.db", tmp_path / "whole.db"
    head = _dump_lines(0, 700)
    assert len(head.encode()) > 64 * 1024  # more than the sample that chooses the encoding
    dump.write_text(head + "{broken\n")
    options = IngestOptions(fields=(("published", "date"), ("language", "lnag")))
    _ingest([dump], db, options)
    reads.clear()
    later = {"id": "r3", "text": "Item 3 was corrected: the vote is off.", "date": "2024-05-09"}
    with dump.open("a") as stream:
        stream.write(_dump_lines(700, 702) + "\n" + json.dumps(later) + "\n[1]\n")
    grown = _ingest([dump], db, options)
    assert reads == []
    assert (grown.added, grown.updated, grown.unchanged) == (2, 1, 699)
    once = _ingest([dump], whole, options)
    assert _sorted(grown.skipped) == _sorted(once.skipped)
    # the broken line, the list, and item 3 as first given, which the correction replaces
    assert [s.where for s in _sorted(grown.skipped)] == [f"{dump}:4", f"{dump}:701", f"{dump}:706"]
    assert (grown.notes, grown.warnings) == (once.notes, once.warnings)
    assert len(grown.warnings) == 1  # no record has 'lnag'
    with Store(db) as store, Store(whole) as other:
        assert list(store.articles()) == list(other.articles())
        assert store.article("r3").record == 705
    reads.clear()
    again = _ingest([dump], db, options)
    assert (reads, again.unchanged, _sorted(again.skipped)) == ([], 702, _sorted(once.skipped))


def _sorted(skipped: tuple[Skipped, ...]) -> list[Skipped]:
    return sorted(skipped, key=lambda s: (s.path, s.record, s.reason))


def test_files_passed_over_store_what_reading_them_together_stores(
    tmp_path: Path, reads: list[str]
) -> None:
    """a's record was stored, then b's replaced it in a run of b alone (a later run's text
    wins); read together again, the rule keeps a's (published later) whichever file changed:
    a is read again to store it, as reading both afresh does."""
    a = _feed(tmp_path / "a.jsonl", "Ferry crews voted.", "2024-05-09")
    b = _feed(tmp_path / "b.jsonl", "The mayor resigned.", "2024-05-01")
    db, fresh = tmp_path / "a.db", tmp_path / "fresh.db"
    _ingest([a], db)
    _ingest([b], db)
    reads.clear()
    together = _ingest([a, b], db)
    once = _ingest([a, b], fresh)
    with Store(db) as store, Store(fresh) as other:
        assert store.article("1") == other.article("1")
        assert store.article("1").text == "Ferry crews voted."
    assert (together.updated, together.unchanged, reads[:1]) == (1, 0, [str(a)])
    assert _sorted(together.skipped) == _sorted(once.skipped)


def test_a_grown_utf16_dump_is_read_again_whole(tmp_path: Path, reads: list[str]) -> None:
    dump, db, whole = tmp_path / "dump.jsonl", tmp_path / "a.db", tmp_path / "whole.db"
    head = _dump_lines(0, 400)
    bom = b"\xfe\xff"  # big-endian: each line ends with the byte of a line feed
    dump.write_bytes(bom + head.encode("utf-16-be"))
    _ingest([dump], db)
    reads.clear()
    dump.write_bytes(bom + (head + _dump_lines(400, 402)).encode("utf-16-be"))
    grown = _ingest([dump], db)
    assert (reads, grown.added, grown.unchanged, grown.skipped) == ([str(dump)], 2, 400, ())
    _ingest([dump], whole)
    with Store(db) as store, Store(whole) as other:
        assert list(store.articles()) == list(other.articles())
