"""The pipeline's progress reports and its stage wiring, through the library API."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.errors import NothingToDoError
from storyline.ingest import IngestOptions
from storyline.model import Article, DuplicateGroup
from storyline.store import StateRows, Store
from storyline.storyrun import load_story_state


def _feed(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = f"Council item {n} was approved by {n + 3} votes in the town of Elbury {n}."
            out.write(json.dumps({"id": f"item-{n}", "title": f"Item {n}", "text": text}) + "\n")
    return path


def test_ingest_progress_counts_every_article_once(tmp_path: Path) -> None:
    events: list[pipeline.Progress] = []
    with Store(tmp_path / "p.db") as store:
        report = pipeline.ingest(
            [_feed(tmp_path / "feed.jsonl", 1200)], store, progress=events.append
        )
    steps = [e.done for e in events if e.stage == "ingest" and not e.finished and e.done]
    assert report.added == 1200
    assert steps == [500, 1000, 1200]
    assert [e.stage for e in events if e.finished] == ["ingest"]


def test_analyse_reports_each_stage_once_in_order(tmp_path: Path) -> None:
    finished: list[str] = []
    with Store(tmp_path / "a.db") as store:
        pipeline.ingest([_feed(tmp_path / "feed.jsonl", 20)], store)
        analysis = pipeline.analyse(
            store, progress=lambda e: finished.append(e.stage) if e.finished else None
        )
        assert store.load_digest() is not None
    assert finished == ["clean", "dedup", "stories", "timeline", "summary"]
    assert len(analysis.digest.articles) == 20
    assert sum(len(s.article_ids) for s in analysis.digest.stories) == 20


def test_an_interrupted_stage_is_not_reported_as_finished(tmp_path: Path) -> None:
    # A QA pass (session 13): Ctrl-C during the stories stage printed "stories: 3.81 s"
    # with -v, as a stage that had finished.
    finished: list[tuple[str, str]] = []

    def report(event: pipeline.Progress) -> None:
        if event.finished:
            finished.append((event.stage, event.note))
        elif event.stage == "timeline" and event.done:  # inside the stage, as Ctrl-C lands
            raise KeyboardInterrupt

    with Store(tmp_path / "a.db") as store:
        pipeline.ingest([_feed(tmp_path / "feed.jsonl", 5)], store)
        with pytest.raises(KeyboardInterrupt):
            pipeline.analyse(store, progress=report)
    assert [stage for stage, _ in finished] == ["clean", "dedup", "stories", "timeline"]
    assert finished[-1] == ("timeline", "interrupted")
    assert "interrupted" not in {note for _, note in finished[:-1]}


def test_a_partial_analysis_keeps_the_stored_digest(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples" / "news"
    with Store(tmp_path / "keep.db") as store:
        pipeline.ingest([examples], store)
        full = pipeline.analyse(store).json
        assert all(story["summary"] for story in json.loads(full)["stories"])
        for timeline, summary in ((False, False), (True, False), (False, True)):
            partial = pipeline.analyse(store, with_timeline=timeline, with_summary=summary)
            assert partial.json != full
            assert store.load_digest() == full


def test_later_articles_join_stories_that_keep_their_ids(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples" / "news"
    with Store(tmp_path / "grow.db") as store:
        pipeline.ingest(
            [examples / "coastline-press-bridge.md", examples / "marlow-gazette"], store
        )
        first = {s.id: set(s.article_ids) for s in pipeline.analyse(store).digest.stories}
        pipeline.ingest([examples], store)
        second = {s.id: set(s.article_ids) for s in pipeline.analyse(store).digest.stories}
    assert len(first) == 3
    for story_id, members in first.items():
        assert members <= second[story_id]
    assert sum(len(m) for m in second.values()) == 11


def test_the_story_state_is_written_only_when_articles_were_added(tmp_path: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "examples" / "news"
    with Store(tmp_path / "state.db") as store:
        pipeline.ingest([examples / "marlow-gazette"], store)
        pipeline.analyse(store)
        saved = _stored_state_json(store)
        writes: list[StateRows] = []
        real = store.save_story_state

        def counted(rows: StateRows, replaces: str = "") -> int:
            writes.append(rows)
            return real(rows, replaces)

        store.save_story_state = counted  # type: ignore[method-assign]
        again = pipeline.analyse(store)
        assert writes == []
        assert _stored_state_json(store) == saved == again.stories.state.to_json()
        pipeline.ingest([examples / "valley-voice.csv"], store)
        grown = pipeline.analyse(store)
        assert len(writes) == 1 and writes[0].base is not None  # its changes only
        assert _stored_state_json(store) == grown.stories.state.to_json()


def _stored_state_json(store: Store) -> str:
    state, old_layout = load_story_state(store)
    assert state is not None and not old_layout
    return state.to_json()


def test_analysing_the_stored_corpus_again_gives_the_same_digest(tmp_path: Path) -> None:
    # Five pages of one site: four furniture lines, and a teaser on three pages that look
    # like copies of one text only while the furniture is there (see test_clean).
    furniture = [f"Menu item {k} of the Valley Courier site" for k in range(4)]
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in range(5):
        story = " ".join(f"w{n}x{k}" for k in range(20 if n < 3 else 100)) + "."
        teaser = ["Ferry fares to rise in the spring"] if n < 3 else []
        lines = [f"Page {n} news", "", story, *furniture, *teaser]
        (pages / f"page{n}.txt").write_text("\n".join(lines), encoding="utf-8")
    with Store(tmp_path / "r.db") as store:
        pipeline.ingest([pages], store)
        first = pipeline.analyse(store).json
        second = pipeline.analyse(store).json
    assert "Ferry fares" not in first and "Menu item" not in first
    assert second == first


def test_a_given_id_shared_by_two_texts_is_reported(tmp_path: Path) -> None:
    """Two feeds that both number their items from 1: the later publication is kept, whatever
    the order of the inputs, and the other is reported as replaced by it (the same text
    again: a copy)."""
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    item = {"id": 1, "title": "Ferry strike ends", "text": "Crews of the Velden ferry voted."}
    first.write_text(json.dumps(item) + "\n" + json.dumps(item) + "\n")
    other = {"id": 1, "title": "Mayor resigns", "text": "The mayor of Norvale resigned."}
    second.write_text(json.dumps({**other, "published": "2024-05-07"}) + "\n")
    for order, name in (([first, second], "i.db"), ([second, first], "r.db")):
        with Store(tmp_path / name) as store:
            report = pipeline.ingest(order, store)
            (article,) = store.articles()
        assert (article.title, report.added, report.updated) == ("Mayor resigns", 1, 0)
        replaced = f"replaced by {second}:1, which gives the same id '1' to other content"
        assert sorted((s.path, s.record, s.reason) for s in report.skipped) == [
            (str(first), 1, f"{replaced} (published later)"),
            (str(first), 2, f"{replaced} (published later)"),
        ]


def test_an_item_corrected_under_its_first_date_keeps_the_later_snapshots_text(
    tmp_path: Path,
) -> None:
    """Hourly snapshots of one feed, read in one run: the item's text changed but its date did
    not. The later snapshot's text is kept, whatever the order of the inputs (it was the one
    with the greater content hash, which could be the earlier text)."""
    item = {"id": "h-1", "title": "Bridge closed", "published": "2026-03-02T14:05:00Z"}
    texts = ("Divers will inspect the piers on Tuesday.", "Divers found the piers sound.")
    paths = []
    for hour, text in zip(("2026-03-02-14", "2026-03-02-15"), texts, strict=True):
        (tmp_path / hour).mkdir()
        paths.append(tmp_path / hour / "herald.jsonl")
        paths[-1].write_text(json.dumps({**item, "text": text}) + "\n")
    for order, name in ((paths, "f.db"), (paths[::-1], "r.db")):
        with Store(tmp_path / name) as store:
            report = pipeline.ingest(order, store)
            (article,) = store.articles()
        assert article.text == texts[1]
        assert [(s.where, s.reason) for s in report.skipped] == [
            (
                f"{paths[0]}:1",
                f"replaced by {paths[1]}:1, which gives the same id 'h-1' to other content (of "
                "the same date: the one read from the later path or line is kept)",
            )
        ]


def test_one_text_under_two_dates_keeps_the_earlier_whatever_the_order(tmp_path: Path) -> None:
    """One file found under two dated folders: the earlier publication is kept, whatever the
    input order; read again in folder order (dates ascending), nothing changes."""
    text = "Crews of the Velden ferry voted to end their strike on Monday."
    paths = []
    for day in ("2024-05-07", "2024-06-11"):
        folder = tmp_path / day
        folder.mkdir()
        (folder / "327.txt").write_text(f"Ferry strike ends\n\n{text}\n", encoding="utf-8")
        paths.append(folder / "327.txt")
    options = pipeline.RunOptions(ingest=IngestOptions(path_dates=True))
    for order, name in ((paths, "f.db"), (paths[::-1], "r.db")):
        with Store(tmp_path / name) as store:
            report = pipeline.ingest(order, store, options)
            (article,) = store.articles()
            again = pipeline.ingest(order, store, options)
        assert (article.published, article.path) == ("2024-05-07", str(paths[0]))
        assert [s.where for s in report.skipped] == [str(paths[1])]
        assert report.skipped[0].reason.startswith(f"a copy of {paths[0]}, published earlier,")
        if order == paths:  # given latest first, the later copy is stored, then replaced
            assert (again.added, again.updated, again.unchanged) == (0, 0, 1)


def test_the_skip_list_keeps_only_the_latest_reading_of_an_input(tmp_path: Path) -> None:
    later = tmp_path / "later.txt"
    later.write_text("")
    other = tmp_path / "other.txt"
    other.write_text("")
    with Store(tmp_path / "s.db") as store:
        good = _feed(tmp_path / "feed.jsonl", 2)
        pipeline.ingest([good, later, other], store)
        assert sorted(s.path for s in store.skipped()) == [str(later), str(other)]
        later.write_text("Ferry strike ends\n\nCrews of the Velden ferry voted to return.\n")
        pipeline.ingest([later], store)
        assert [s.path for s in store.skipped()] == [str(other)]  # not read again: kept
        assert store.count_articles() == 3


def test_a_story_sees_its_copy_groups_cut_to_its_own_articles() -> None:
    from storyline.dedup import DedupResult

    articles = [Article(i, i, f"text {i}", f"text {i}") for i in ("a", "b", "c", "d")]
    wide = DuplicateGroup("g-wide", "c", ("a", "b", "c"))
    dedup = DedupResult((), (), None, (wide,))  # type: ignore[arg-type]  # index unused here
    corpus = pipeline._Corpus(articles, dedup)
    _, groups = corpus.members(["b", "a", "d"])
    assert [(g.representative, g.article_ids) for g in groups] == [("a", ("a", "b"))]
    # A copy joining the group elsewhere leaves this story's view, and its results, as they were.
    wider = DuplicateGroup("g-wider", "c", ("a", "b", "c", "e"))
    _, again = pipeline._Corpus(articles, replace(dedup, voices=(wider,))).members(["a", "b", "d"])
    assert again == groups
    assert corpus.members(["a", "d"])[1] == []  # one article is a voice of its own


def test_an_edition_prompt_is_cut_and_never_titles_the_article(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "You 've selected the U.S. Edition .\n"
        "Would you like to make this your default edition ?\n"
        "YES | NO Ferry crews in Marlow Bay ended their strike on Friday after a pay deal.\n"
        "The first crossings ran on Saturday morning.\n",
        encoding="utf-8",
    )
    with Store(tmp_path / "t.db") as store:
        pipeline.ingest([page], store)
        (stored,) = store.articles()
        (article,) = pipeline.analyse(store).digest.articles
    assert article.text.startswith("Ferry crews in Marlow Bay ended their strike")
    assert article.title.startswith("Ferry crews in Marlow Bay ended their strike")
    assert article.id == stored.id  # the id hashes the title ingest made, and stays


def test_inputs_that_do_not_exist_fail_even_with_a_stored_corpus(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"title": "Ferry strike ends", "text": "Crews voted."}) + "\n")
    with Store(tmp_path / "s.db") as store:
        pipeline.ingest([feed], store)
        with pytest.raises(NothingToDoError, match=r"no input exists: .*today"):
            pipeline.ingest([tmp_path / "today"], store)
        assert store.skipped() == []  # nothing remembered to report again
        report = pipeline.ingest([tmp_path / "today", feed], store)
        assert (report.unchanged, [s.path for s in report.skipped]) == (
            1,
            [str(tmp_path / "today")],
        )


def test_clean_dedup_and_stories_report_their_steps_per_chunk(tmp_path: Path) -> None:
    # QA pass B: these stages showed only "0/?" on the progress bar of a long run.
    events: list[pipeline.Progress] = []
    with Store(tmp_path / "s.db") as store:
        pipeline.ingest([_feed(tmp_path / "feed.jsonl", 600)], store)
        pipeline.analyse(store, progress=events.append, with_timeline=False, with_summary=False)
    seen: dict[tuple[str, str], list[tuple[int, int | None]]] = {}
    for event in events:
        if event.unit:
            seen.setdefault((event.stage, event.unit), []).append((event.done, event.total))
    chunks = [(0, 600), (256, 600), (512, 600), (600, 600)]
    assert seen[("clean", "articles read")] == chunks
    assert seen[("clean", "articles cleaned")][:4] == chunks
    assert seen[("dedup", "articles hashed")] == [(600, 600)]  # one chunk of 1,024
    assert seen[("stories", "articles placed")] == chunks
    verified = seen.get(("dedup", "pairs verified"), [(0, 0)])
    assert verified[-1][0] == verified[-1][1]
    assert {stage for stage, _ in seen} == {"clean", "dedup", "stories"}


def test_an_article_the_timeline_reads_only_in_part_is_noted(tmp_path: Path) -> None:
    from storyline.timeline import TimelineOptions

    cap = 200  # the long text has about 450 characters, the short one 24
    long_text = " ".join(
        f"Council item {n} was approved on Monday, 3 March 2031." for n in range(8)
    )
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "long", "title": "Items", "text": long_text, "published": "2031-03-04"})
        + "\n"
        + json.dumps(
            {
                "id": "short",
                "title": "One item",
                "text": "Item 1 passed on Monday.",
                "published": "2031-03-04",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    options = pipeline.RunOptions(timeline=TimelineOptions(max_article_chars=cap))
    with Store(tmp_path / "n.db") as store:
        pipeline.ingest([feed], store)
        notes = pipeline.analyse(store, options).digest.notes
        assert notes == (
            "1 of 2 articles is longer than 200 characters: the timeline read only that much "
            "of each (long); TimelineOptions.max_article_chars sets it.",
        )
        assert pipeline.analyse(store).digest.notes == ()


def test_run_notes_count_one_article_in_the_singular(tmp_path: Path) -> None:
    feed = tmp_path / "one.jsonl"
    item = {"id": "u", "title": "Pier closed", "text": "The pier closed on Friday after a storm."}
    feed.write_text(json.dumps(item) + "\n", encoding="utf-8")
    with Store(tmp_path / "one.db") as store:
        pipeline.ingest([feed], store)
        notes = pipeline.analyse(store).digest.notes
    assert notes == (
        "1 of 1 article has no publication date: it is placed by its order in the input, and "
        "relative dates in it stay unresolved.",
    )
