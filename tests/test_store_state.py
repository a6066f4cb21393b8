"""Tests of the SQLite store: signatures, state, read-only use, crash consistency (kill -9,
Ctrl-C), determinism and threads."""

from __future__ import annotations

import os
import signal
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from helpers_store import article, check_after_interruption, generated_articles, start_ingest
from storyline.errors import IncompatibleParametersError, NotFoundError, OptionsError, StoreError
from storyline.model import Article, Skipped
from storyline.store import AddReport, Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "s.db") as opened:
        yield opened


# -- signatures, state, digest ---------------------------------------------------------------


def test_signatures_round_trip_and_refuse_other_parameters(store: Store) -> None:
    store.add_articles([article(1), article(2)])
    params: dict[str, int | float | str] = {"num_perm": 128, "seed": 1, "shingle": "word-5"}
    assert store.load_signatures(params) == {}
    store.save_signatures(params, [("art-000002", b"\x01\x02"), ("art-000001", b"\x03")])
    assert store.load_signatures(dict(params)) == {"art-000001": b"\x03", "art-000002": b"\x01\x02"}
    other: dict[str, int | float | str] = {"num_perm": 64, "seed": 1, "shingle": "word-5"}
    message = (
        "were made with {num_perm=128, seed=1, shingle='word-5'}, "
        "not {num_perm=64, seed=1, shingle='word-5'}: they cannot be compared"
    )
    with pytest.raises(IncompatibleParametersError) as error:
        store.load_signatures(other)
    assert message in str(error.value)
    assert isinstance(error.value, ValueError)
    with pytest.raises(IncompatibleParametersError):
        store.save_signatures(other, [("art-000001", b"\x09")])
    assert store.load_signatures(params)["art-000001"] == b"\x03"
    store.clear_signatures()
    store.save_signatures(other, [("art-000001", b"\x09")])
    assert store.load_signatures(other) == {"art-000001": b"\x09"}


def test_a_changed_text_drops_its_stale_signature(store: Store) -> None:
    store.add_articles([article(1), article(2)])
    params = {"num_perm": 16}
    store.save_signatures(params, [("art-000001", b"a"), ("art-000002", b"b")])
    store.update_texts([("art-000001", "A new cleaned text.")])
    assert store.load_signatures(params) == {"art-000002": b"b"}
    with pytest.raises(NotFoundError):
        store.save_signatures(params, [("ghost", b"c")])
    with pytest.raises(OptionsError):
        store.save_signatures({"num_perm": [1, 2]}, [])  # type: ignore[dict-item]


def test_state_and_digest_round_trip(store: Store) -> None:
    assert store.load_state("stories") is None
    assert store.load_digest() is None
    store.save_state("stories", '{"centroids": [1, 2]}')
    store.save_state("stories", '{"centroids": [3]}')
    store.save_state("dedup", "[]")
    assert store.load_state("stories") == '{"centroids": [3]}'
    assert store.load_state("dedup") == "[]"
    digest = '{"version": "1.0", "stories": [], "title": "Überblick"}'
    store.save_digest(digest)
    assert store.load_digest() == digest
    with pytest.raises(StoreError, match="not JSON text"):
        store.save_digest("{not json")
    with pytest.raises(StoreError, match="state 'x'"):
        store.save_state("x", "")
    assert store.load_digest() == digest


def test_the_same_digest_is_not_written_again(store: Store) -> None:
    digest = '{"version": "1.0", "stories": []}'
    store.save_digest(digest)
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    store.save_digest(digest)
    assert not [s for s in statements if "INSERT" in s]
    store.save_digest(digest.replace("[]", '["s1"]'))
    store._conn.set_trace_callback(None)
    assert [s for s in statements if "INSERT" in s]
    assert store.load_digest() == '{"version": "1.0", "stories": ["s1"]}'


# -- read-only -------------------------------------------------------------------------------


def test_readonly_reads_and_refuses_every_write(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as writer:
        writer.add_articles([article(1), article(2)])
        writer.save_digest('{"stories": []}')
        with Store(path, readonly=True) as reader:  # WAL: a reader beside the writer
            assert reader.count_articles() == 2
            writer.add_articles([article(3)])
            assert reader.count_articles() == 3
    before = path.read_bytes()
    with Store(path, readonly=True) as reader:
        assert reader.readonly
        assert reader.load_digest() == '{"stories": []}'
        assert [h.article_id for h in reader.search("update 2")] == ["art-000002"]
        writes = [
            lambda: reader.add_articles([article(9)]),
            lambda: reader.add_skipped([Skipped("x", "y")]),
            lambda: reader.update_texts([("art-000001", "x")]),
            lambda: reader.save_signatures({"n": 1}, []),
            lambda: reader.save_state("s", "{}"),
            lambda: reader.save_digest("{}"),
            reader.clear_signatures,
            reader.migrate,
        ]
        for write in writes:
            with pytest.raises(StoreError, match="read-only"):
                write()
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader._conn.execute("DELETE FROM articles")  # even bypassing the API
        assert reader.count_articles() == 3
    assert path.read_bytes() == before


def test_a_file_that_cannot_be_written_is_named_as_such(tmp_path: Path) -> None:
    # A QA pass (session 13): ingesting into a read-only file said "(opened read-only)",
    # though storyline had opened it for writing; the file's permissions were at fault.
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.add_articles([article(1)])
        store._conn.close()  # what a file SQLite may not write gives: a read-only connection
        store._conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        store._conn.isolation_level = None
        with pytest.raises(StoreError, match="cannot be written: check their permissions"):
            store.add_articles([article(2)])


# -- crash consistency -----------------------------------------------------------------------


@pytest.mark.parametrize("after", [2])
def test_kill_9_right_after_a_commit(tmp_path: Path, after: int) -> None:
    path, batch, total = tmp_path / "killed.db", 50, 3000
    child = start_ingest(path, batch, total, slow=True)
    assert child.stdout is not None
    lines = [child.stdout.readline().strip() for _ in range(after)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    assert lines == [str(batch)] * after
    check_after_interruption(path, after, batch, total)


@pytest.mark.parametrize("after", [0, 3])
def test_kill_9_inside_a_write_transaction(tmp_path: Path, after: int) -> None:
    """The child hangs inside the write transaction of batch ``after + 1``, once that batch's
    uncommitted pages have spilled into the WAL: the kill lands there for sure, and exactly
    the ``after`` committed batches remain."""
    path, batch, total = tmp_path / "killed.db", 50, 3000
    child = start_ingest(path, batch, total, slow=True, hang_after=after)
    assert child.stdout is not None
    lines = [child.stdout.readline().strip() for _ in range(after + 1)]
    assert lines == [str(batch)] * after + ["writing"]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL
    with Store(path, readonly=True) as reader:
        assert reader.count_articles() == after * batch
    check_after_interruption(path, after, batch, total)


def test_ctrl_c_midway_keeps_every_committed_batch(tmp_path: Path) -> None:
    path, batch, total = tmp_path / "interrupted.db", 50, 2000
    # 10 ms an article: the child still has about 19 s of work when the signal is sent, so a
    # parent held up on a loaded machine cannot find it finished (at 2 ms, 4 s in all, the
    # test failed now and then under load).
    child = start_ingest(path, batch, total, delay=0.01)
    assert child.stdout is not None
    lines = [child.stdout.readline().strip() for _ in range(2)]
    os.kill(child.pid, signal.SIGINT)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 130, err
    assert out.splitlines()[-1] == "interrupted"
    committed = len(lines) + len(out.splitlines()) - 1
    check_after_interruption(path, committed, batch, total)


def test_keyboard_interrupt_inside_a_batch_rolls_it_back(store: Store) -> None:
    def interrupted() -> Iterator[Article]:
        yield from generated_articles(250)
        raise KeyboardInterrupt

    reports: list[AddReport] = []
    with pytest.raises(KeyboardInterrupt):
        store.add_articles(interrupted(), batch_size=100, on_batch=reports.append)
    assert reports == [AddReport(100, 0, 0)] * 2
    assert store.count_articles() == 200
    assert store.add_articles(generated_articles(300), batch_size=100) == AddReport(100, 0, 200)


def test_error_inside_a_batch_rolls_it_back(store: Store) -> None:
    store.add_articles([article(1)])
    store._conn.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON articles "
        "WHEN new.id = 'art-000003' BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(StoreError, match="refused"):
        store.add_articles([article(2), article(3)])
    assert store.article_ids() == ["art-000001"]
    assert not store._conn.in_transaction


# -- determinism and threads -----------------------------------------------------------------


def _fill(path: Path) -> None:
    with Store(path) as opened:
        opened.add_articles(generated_articles(300), batch_size=64)
        opened.add_articles([article(5, text="A corrected text.")])
        opened.update_texts([("art-000007", "Cleaned.")])
        opened.add_skipped([Skipped("bad.jsonl", "line is not JSON", 3)])
        opened.save_signatures({"num_perm": 8}, [("art-000001", b"\x00\x01")])
        opened.save_state("stories", "{}")
        opened.save_digest('{"stories": []}')


def test_same_input_gives_the_same_database_content(tmp_path: Path) -> None:
    _fill(tmp_path / "one.db")
    _fill(tmp_path / "two.db")
    dumps = []
    for name in ("one.db", "two.db"):
        conn = sqlite3.connect(tmp_path / name)
        dumps.append(list(conn.iterdump()))
        conn.close()
    assert dumps[0] == dumps[1]
    assert any("A corrected text." in line for line in dumps[0])


def test_a_readonly_store_serves_many_threads(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    with Store(path) as writer:
        writer.add_articles(generated_articles(600))
    with Store(path, readonly=True) as reader:
        expected = reader.article_ids()

        def work(n: int) -> tuple[int, str, int]:
            ids = [a.id for a in reader.articles()]
            assert ids == expected
            hits = reader.search("ferry strike", limit=5)
            return len(ids), reader.article(f"art-{n:06d}").id, len(hits)

        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(work, range(8)))
    assert results == [(600, f"art-{n:06d}", 5) for n in range(8)]
